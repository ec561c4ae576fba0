"""Markdown page dumps: what reader services and crawlers save a page as (Jina Reader,
Firecrawl, crawl4ai, html2text), headings as ``# …``, links as ``[text](url)``.

Read as a plain dump, every line would keep its markup: the title came out as "# headline"
and the byline as "**নিজস্ব প্রতিবেদক**". The Markdown is rendered to HTML by markdown-it-py
(CommonMark, raw HTML off) and that HTML to lines by the page reader's own text pass, so the
document's text is the page as a browser would show it, one line per block. A Jina Reader
header (``Title:``, ``URL Source:``, ``Published Time:``, then ``Markdown Content:``) gives
the title, address and publish time it states, each with its basis.
"""
from __future__ import annotations

import logging
import re

from markdown_it import MarkdownIt

from .. import sources
from ..dates import parse_iso_datetime
from ..document import Document, Given
from ..reading import UnreadableFile, decode

logger = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = (".md", ".markdown")
# A .txt dump is Markdown when its first 64 KB hold this many lines of Markdown's own markup.
_MARKUP_LINES = 3
_MARKUP_RE = re.compile(rb"^(?:#{1,6}[ \t]+\S|!?\[[^\]\n]*\]\((?:https?://|/))|\]\((?:https?://|/)[^)\s]*\)", re.M)
_HEADER_RE = re.compile(r"\A(?P<head>(?:[A-Z][A-Za-z ]{1,30}:[^\n]*\n){1,12}?)Markdown Content:[ \t]*\n")
_HEADER_FIELD_RE = re.compile(r"^(?P<name>[A-Z][A-Za-z ]{1,30}):[ \t]*(?P<value>.*?)[ \t]*$", re.M)
_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")


def looks_like_markdown(data: bytes) -> bool:
    """Whether a text dump is Markdown: a reader service's header, or headings and links in its markup."""
    head = data[:65536]
    if b"\nMarkdown Content:" in head[:4096]:
        return True
    # Most dumps have neither a link's "](" nor a heading's "#": skip the pattern for them.
    return (b"](" in head or b"#" in head) and len(_MARKUP_RE.findall(head)) >= _MARKUP_LINES


def _header(text: str) -> tuple[dict[str, str], str]:
    """A reader service's ``Name: value`` lines before ``Markdown Content:``, and the Markdown after them."""
    match = _HEADER_RE.match(text)
    if match is None:
        return {}, text
    fields = {m.group("name").strip(): m.group("value") for m in _HEADER_FIELD_RE.finditer(match["head"])}
    return fields, text[match.end():]


def read_markdown(data: bytes) -> Document:
    """Read a Markdown dump into a :class:`Document` of kind "markdown"; raises :class:`UnreadableFile`."""
    from .html import text_of_html  # lxml and inscriptis load only when a page needs them

    decoded = decode(data)
    fields, markdown = _header(decoded.text)
    stated = {name.casefold(): value for name, value in fields.items()}
    try:
        text = text_of_html(_RENDERER.render(markdown))
    except RecursionError:  # nested quotes or lists thousands deep
        raise UnreadableFile("the Markdown is nested too deeply to read") from None
    if not text.strip():
        raise UnreadableFile("the Markdown has no visible text")
    given: list[tuple[str, Given]] = []
    if title := stated.get("title"):
        given.append(("title", Given(title, "Title: header")))
    if (url := stated.get("url source", "")).startswith(("http://", "https://")):
        given.append(("url", Given(url, "URL Source: header")))
        if outlet := sources.outlet_for_domain(url):
            given.append(("outlet", Given(outlet, "domain of the URL Source: header")))
    if (published := parse_iso_datetime(stated.get("published time", ""))) and published.iso:
        given.append(("published", Given(published.iso, "Published Time: header", published.precision)))
    return Document(text=text, encoding=decoded.encoding, kind="markdown", given=tuple(given),
                    fields=tuple((name, value) for name, value in fields.items() if value))
