"""The Reader's HTML renderers: escaping of hostile text, mention offsets, colours, dates."""
from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser

import pandas as pd
import pytest

from components import render
from loaders import LINE_KINDS, parse_article

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


@pytest.mark.parametrize("hostile", HOSTILE)
def test_raw_page_escapes_hostile_lines(hostile):
    source = "শিরোনাম এখানে\n\n" + hostile + "\n" + hostile
    html = render.raw_page_html(source, lines_frame(source))
    assert_inert(html)
    assert hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert hostile in texts_between_tags(html)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_article_escapes_hostile_text_everywhere(hostile):
    body = f"রাশিয়ার প্রেসিডেন্ট বললেন {hostile} এবং আরও অনেক কথা বললেন যা এখানে লেখা আছে।"
    source = f"{hostile} শিরোনাম\n\n{body}\n"
    row = article_row(source, title=f"{hostile} শিরোনাম", byline=hostile, desk=hostile, dateline=hostile,
                      attributions=[hostile], credits=[hostile], outlet_name_en=hostile, outlet_name_bn=hostile,
                      published_iso="2024-03-28T21:30", published_basis=hostile, published_line=1)
    start = source.index(hostile, len(hostile))
    mentions = [(start, start + len(hostile), hostile, hostile)]
    html = render.article_html(row, lines_frame(source), mentions)
    assert_inert(html)
    assert hostile in texts_between_tags(html)
    assert 'href="/entities?entity=' in html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_other_fragments_escape(hostile):
    for html in (render.legend_html(["body", hostile]), render.notice_html(hostile, hostile, tone="warn"),
                 render.facts_html({"article_id": hostile, "encoding": hostile, "page_date_check": hostile})):
        assert_inert(html)
        assert hostile in texts_between_tags(html)


def test_mentions_link_exactly_the_source_characters():
    source = "শিরোনাম\n\nরাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়া সফর করেছেন।"
    start = source.index("ভ্লাদিমির পুতিন")
    end = start + len("ভ্লাদিমির পুতিন")
    html = render.highlight(source, 0, len(source), [(start, end, "Q7747 putin", "Vladimir Putin")])
    links = re.findall(r'<a href="([^"]*)" target="_self" class="mention" title="([^"]*)">([^<]*)</a>', html)
    assert links == [("/entities?entity=Q7747%20putin", "Vladimir Putin", "ভ্লাদিমির পুতিন")]
    assert unescape(TAG_RE.sub("", html)) == source


def test_mentions_use_source_offsets_in_decomposed_text():
    # The page spells য় with the precomposed U+09DF; its NFC form is য + nukta (U+09DF is a
    # composition exclusion), so every NFC offset after it is one more than the source offset.
    source = "রাশি\u09dfার প্রেসিডেন্ট পুতিন বললেন"
    normalised = unicodedata.normalize("NFC", source)
    start = source.index("পুতিন")
    assert normalised.index("পুতিন") == start + 1
    html = render.highlight(source, 0, len(source), [(start, start + len("পুতিন"), "putin", "Putin")])
    assert re.findall(r">([^<]*)</a>", html) == ["পুতিন"]
    assert unescape(TAG_RE.sub("", html)) == source
    # The same name after a decomposed য় (য + nukta) sits at the NFC offset; both spellings link.
    decomposed = normalised
    at = decomposed.index("পুতিন")
    html = render.highlight(decomposed, 0, len(decomposed), [(at, at + len("পুতিন"), "putin", "Putin")])
    assert re.findall(r">([^<]*)</a>", html) == ["পুতিন"]
    # A mention of য় itself covers the whole letter in either spelling, never half of it.
    for text in (source, decomposed):
        ya = text.index("\u09af") if "\u09af" in text else text.index("\u09df")
        html = render.highlight(text, 0, len(text), [(ya, ya + 1, "ya", "ya")])
        linked = unicodedata.normalize("NFC", re.findall(r">([^<]*)</a>", html)[0])
        assert linked.startswith("\u09af\u09bc"), "the nukta stays with its letter"


def test_a_link_never_splits_a_bengali_cluster():
    source = "পুতিনের সঙ্গে"
    # 'পুতিন' ends before the vowel sign ে, which must stay with its consonant.
    html = render.highlight(source, 0, len(source), [(0, len("পুতিন"), "putin", "Putin")])
    linked = re.findall(r">([^<]*)</a>", html)[0]
    assert linked.startswith("পুতিন") and unicodedata.category(source[len(linked)]).startswith("L")
    # A span ending after a virama takes the rest of the conjunct.
    conjunct = source.index("ঙ্গ")
    html = render.highlight(source, 0, len(source), [(conjunct, conjunct + 2, "x", "x")])
    assert re.findall(r">([^<]*)</a>", html) == ["ঙ্গে"]
    assert unescape(TAG_RE.sub("", html)) == source


def test_overlapping_and_out_of_range_mentions_are_safe():
    source = "abc <b> def ghi"
    mentions = [
        (4, 7, "tag", "<b>"),          # kept: escaped inside the link
        (5, 11, "overlap", "later"),   # overlaps the first: dropped
        (-10, 2, "clipped", "c"),      # clipped to 0..2
        (12, 99, "tail", "t"),         # clipped to the end
        (8, 8, "empty", "e"),          # empty
        (9, 3, "reversed", "r"),       # reversed
        (None, 3, "none", "n"),        # missing offset
        (1, 2, "", "no id"),           # no entity
        ("x",),                        # malformed
    ]
    html = render.highlight(source, 0, len(source), mentions)
    assert re.findall(r'entity=([^"]*)"', html) == ["clipped", "tag", "tail"]
    assert "<b>" not in html.replace('<b class', '')
    assert "&lt;b&gt;" in html
    assert unescape(TAG_RE.sub("", html)) == source


def test_article_highlights_only_body_spans():
    source = "পুতিনের সফর শিরোনাম\n\nরাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন বলে জানিয়েছে বার্তা সংস্থা।\n"
    in_title = (0, len("পুতিন"), "putin", "Putin")
    body_at = source.index("পুতিন", 10)
    in_body = (body_at, body_at + len("পুতিন"), "putin", "Putin")
    html = render.article_html(article_row(source), lines_frame(source), [in_title, in_body])
    assert html.count('class="mention"') == 1
    assert render.article_html(article_row(source), lines_frame(source), []).count('class="mention"') == 0


def test_mention_spans_reads_body_mentions_of_one_article():
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "a"], "entity_id": ["p", "k", "p", "x"],
                             "start": [1, 5, 1, 9], "end": [3, 8, 3, 12], "in_body": [True, False, True, True],
                             "type": ["PER", "PER", "PER", "ORG"]})
    entities = pd.DataFrame({"entity_id": ["p", "k"], "name_bn": ["ভ্লাদিমির পুতিন", "কিম জং উন"],
                             "label_en": ["Vladimir Putin", None], "type": ["PER", "PER"]})
    assert render.mention_spans(mentions, entities, "a") == [
        (1, 3, "p", "ভ্লাদিমির পুতিন · Vladimir Putin (person)", "PER"),
        (9, 12, "x", "x", "ORG"),  # an id the entities table does not know shows as itself
    ]
    assert render.mention_spans(mentions, None, "a")[0] == (1, 3, "p", "p", "PER")
    assert render.mention_spans(mentions.drop(columns="type"), None, "a")[0] == (1, 3, "p", "p", "")
    assert render.mention_spans(None, entities, "a") == []
    assert render.mention_spans(mentions.iloc[0:0], entities, "a") == []
    assert render.entity_titles(entities, ["k"]) == {"k": "কিম জং উন (person)"}
    assert render.entity_title("ঢাকা", "Dhaka", "LOC") == "ঢাকা · Dhaka (place)"


def test_every_line_kind_has_a_colour_and_a_legend_entry():
    assert set(LINE_KINDS) <= set(render.KIND_COLOURS)
    grouped = [kind for _, _, kinds in render.KIND_GROUPS for kind in kinds]
    assert len(grouped) == len(set(grouped)), "a kind sits in two groups"
    for kind, colour in render.KIND_COLOURS.items():
        assert re.fullmatch(r"#[0-9a-f]{6}", colour), kind
    legend = render.legend_html(LINE_KINDS)
    for kind in set(LINE_KINDS) - {"blank"}:
        assert f">{kind.replace('_', ' ')}</span>" in legend
    assert render.kind_colour("new_kind") == render.UNKNOWN_COLOUR


def test_raw_page_numbers_tints_and_hover():
    source = "শিরোনাম এখানে\n\nপ্রথম অনুচ্ছেদ দীর্ঘ একটি বাক্য যা খবরের মূল অংশ, অনেক শব্দ আছে এখানে।\nসূত্র: রয়টার্স"
    lines = lines_frame(source)
    html = render.raw_page_html(source, lines, {1: "published"})
    rows = re.findall(r'<div class="kl-line ([\w-]+)" style="background:(#\w+)" title="([^"]*)"><span class="kl-n">(\d+)</span>', html)
    assert [int(r[3]) for r in rows] == list(lines["n"])
    for (cls, colour, title, _), (_, line) in zip(rows, lines.iterrows()):
        assert cls == f"kl-{line['kind']}"
        assert colour == render.KIND_COLOURS[line["kind"]]
        assert unescape(title) == f"{line['kind']} — {line['reason']}"
    assert '<span class="kl-tag kl-note">published</span>' in html
    assert "max-height: 75vh" in html and "overflow: auto" in html
    assert "Noto Sans Bengali" in html


def test_dates_show_precision_and_basis():
    assert render.format_date("2024-03-28T21:30", "minute") == "28 Mar 2024, 21:30"
    assert render.format_date("2025-10-28", "day") == "28 Oct 2025"
    assert render.format_date(None) == ""
    assert render.basis_text("প্রকাশ", 4) == "from প্রকাশ, line 4"
    assert render.basis_text("inferred", 3, "উত্তর কোরিয়ার নেতা। গতকাল সোমবার ক্রেমলিনে আলোচনা") == \
        "inferred from গতকাল সোমবার…, line 3"


def test_article_header_reports_dates_honestly(sample_corpus):
    articles = sample_corpus.articles.set_index("article_id", drop=False)
    lines = sample_corpus.lines

    def html_of(article_id: str) -> str:
        return texts_between_tags(render.article_html(articles.loc[article_id], lines[lines["article_id"] == article_id]))

    partial = html_of("002_7415ef057343b78a.txt")
    assert "13 Sep, year unknown" in partial and "partial" in partial
    inferred = html_of("001_3bfc753714e309ae.txt")
    assert "28 Oct 2025" in inferred and "inferred" in inferred and "গতকাল সোমবার" in inferred
    stated = html_of("004_ba2a176cc4aaac8d.txt")
    assert "13 Aug 2025, 13:21" in stated and "from প্রকাশ, line 4" in stated
    assert "AFP" in stated and "Bangladesh Sangbad Sangstha" in stated
    assert "No headline on the page" in partial


def test_mentions_are_tinted_by_entity_type_and_keyed():
    source = "পুতিন মস্কো সফরে"
    html = render.highlight(source, 0, len(source), [(0, 5, "putin", "Putin", "PER"), (6, 11, "moscow", "Moscow", "LOC"),
                                                      (12, 16, "odd", "Odd", "<b>")])
    classes = re.findall(r'class="([^"]*)"', html)
    assert classes == ["mention kl-ent-PER", "mention kl-ent-LOC", "mention"], "unknown types get no class"
    key = render.mention_key_html(["LOC", "PER", "PER"])
    assert re.findall(r'kl-ent-(\w+)">(\w+)</span>', key) == [("PER", "person"), ("LOC", "place")]
    assert_inert(key)


def test_a_listing_page_says_what_it_is_instead_of_an_article():
    source = "\n".join(["সর্বশেষ", *[f"* খবর নম্বর {i} এর শিরোনাম এখানে" for i in range(12)]])
    article = parse_article(source)
    assert article.page_kind == "listing" and article.label.startswith("Listing page")
    html = render.article_html(article_row(source, page_kind=article.page_kind,
                                           page_kind_reason=article.page_kind_reason), lines_frame(source))
    assert "This page lists other stories (listing)" in html and "No article text" not in html
    assert_inert(html)
