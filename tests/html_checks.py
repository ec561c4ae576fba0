"""Shared checks for the HTML views' tests: hostile strings, inertness, small page tables."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pandas as pd

from loaders import parse_article

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    "$x$ and $$y$$",
    "**bold** and __under__ and _it_",
    ":red[hi]",
    "\"quoted\" & 'single' </div></p></style>",
]
TAG_RE = re.compile(r"<[^>]*>")


class _Tags(HTMLParser):
    """Collects the start tags and attributes a browser would build from a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_inert(html: str) -> None:
    """No script or img element, no event-handler attribute, no javascript: URL anywhere."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "iframe", "object", "embed", "svg"}, f"live <{tag}>"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            if name in {"href", "src", "action", "formaction"}:
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), f"{name}={value}"
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert lowered.count("</style>") == lowered.count("<style>"), "article text closed a style block"


def lines_frame(source: str) -> pd.DataFrame:
    """The lines table of one parsed page, as the corpus builds it."""
    article = parse_article(source, "t.txt")
    return pd.DataFrame([
        {"article_id": "t.txt", "n": line.n, "start": line.start, "end": line.end, "kind": line.kind,
         "reason": line.reason, "text": source[line.start:line.end]}
        for line in article.lines
    ])


def article_row(source: str, **fields) -> dict:
    """A minimal articles-table row for ``source``, body lines taken from the parser."""
    parsed = parse_article(source, "t.txt")
    row = {"article_id": "t.txt", "source": source, "title": parsed.title, "label": parsed.label,
           "body_lines": [line.n for line in parsed.body_lines], "attributions": [], "credits": []}
    row.update(fields)
    return row


def texts_between_tags(html: str) -> str:
    """The visible text of a fragment after its style block (tags removed, entities decoded)."""
    return unescape(TAG_RE.sub("", html.split("</style>", 1)[1]))
