"""The clean article view (components/article_view.py): escaping everywhere, mention links on source offsets, dates."""
from __future__ import annotations

import re
import unicodedata
from html import unescape

import pytest

from components import article_view, raw_page
from loaders import parse_article

from .html_checks import HOSTILE, TAG_RE, assert_inert, article_row, lines_frame, texts_between_tags


@pytest.mark.parametrize("hostile", HOSTILE)
def test_article_escapes_hostile_text_everywhere(hostile):
    body = f"রাশিয়ার প্রেসিডেন্ট বললেন {hostile} এবং আরও অনেক কথা বললেন যা এখানে লেখা আছে।"
    source = f"{hostile} শিরোনাম\n\n{body}\n"
    row = article_row(source, title=f"{hostile} শিরোনাম", byline=hostile, desk=hostile, dateline=hostile,
                      attributions=[hostile], credits=[hostile], outlet_name_en=hostile, outlet_name_bn=hostile,
                      published_iso="2024-03-28T21:30", published_basis=hostile, published_line=1)
    start = source.index(hostile, len(hostile))
    mentions = [(start, start + len(hostile), hostile, hostile)]
    html = article_view.article_html(row, lines_frame(source), mentions)
    assert_inert(html)
    assert hostile in texts_between_tags(html)
    assert 'href="/entities?entity=' in html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_other_fragments_escape(hostile):
    for html in (raw_page.legend_html(["body", hostile]), article_view.notice_html(hostile, hostile, tone="warn"),
                 article_view.facts_html({"article_id": hostile, "encoding": hostile, "page_date_check": hostile})):
        assert_inert(html)
        assert hostile in texts_between_tags(html)


def test_mentions_link_exactly_the_source_characters():
    source = "শিরোনাম\n\nরাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়া সফর করেছেন।"
    start = source.index("ভ্লাদিমির পুতিন")
    end = start + len("ভ্লাদিমির পুতিন")
    html = article_view.highlight(source, 0, len(source), [(start, end, "Q7747 putin", "Vladimir Putin")])
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
    html = article_view.highlight(source, 0, len(source), [(start, start + len("পুতিন"), "putin", "Putin")])
    assert re.findall(r">([^<]*)</a>", html) == ["পুতিন"]
    assert unescape(TAG_RE.sub("", html)) == source
    # The same name after a decomposed য় (য + nukta) sits at the NFC offset; both spellings link.
    decomposed = normalised
    at = decomposed.index("পুতিন")
    html = article_view.highlight(decomposed, 0, len(decomposed), [(at, at + len("পুতিন"), "putin", "Putin")])
    assert re.findall(r">([^<]*)</a>", html) == ["পুতিন"]
    # A mention of য় itself covers the whole letter in either spelling, never half of it.
    for text in (source, decomposed):
        ya = text.index("\u09af") if "\u09af" in text else text.index("\u09df")
        html = article_view.highlight(text, 0, len(text), [(ya, ya + 1, "ya", "ya")])
        linked = unicodedata.normalize("NFC", re.findall(r">([^<]*)</a>", html)[0])
        assert linked.startswith("\u09af\u09bc"), "the nukta stays with its letter"


def test_a_link_never_splits_a_bengali_cluster():
    source = "পুতিনের সঙ্গে"
    # 'পুতিন' ends before the vowel sign ে, which must stay with its consonant.
    html = article_view.highlight(source, 0, len(source), [(0, len("পুতিন"), "putin", "Putin")])
    linked = re.findall(r">([^<]*)</a>", html)[0]
    assert linked.startswith("পুতিন") and unicodedata.category(source[len(linked)]).startswith("L")
    # A span ending after a virama takes the rest of the conjunct.
    conjunct = source.index("ঙ্গ")
    html = article_view.highlight(source, 0, len(source), [(conjunct, conjunct + 2, "x", "x")])
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
    html = article_view.highlight(source, 0, len(source), mentions)
    assert re.findall(r'entity=([^"]*)"', html) == ["clipped", "tag", "tail"]
    assert "<b>" not in html.replace('<b class', '')
    assert "&lt;b&gt;" in html
    assert unescape(TAG_RE.sub("", html)) == source


def test_article_highlights_only_body_spans():
    source = "পুতিনের সফর শিরোনাম\n\nরাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন বলে জানিয়েছে বার্তা সংস্থা।\n"
    in_title = (0, len("পুতিন"), "putin", "Putin")
    body_at = source.index("পুতিন", 10)
    in_body = (body_at, body_at + len("পুতিন"), "putin", "Putin")
    html = article_view.article_html(article_row(source), lines_frame(source), [in_title, in_body])
    assert html.count('class="mention"') == 1
    assert article_view.article_html(article_row(source), lines_frame(source), []).count('class="mention"') == 0


def test_a_listing_page_says_what_it_is_instead_of_an_article():
    source = "\n".join(["সর্বশেষ", *[f"* খবর নম্বর {i} এর শিরোনাম এখানে" for i in range(12)]])
    article = parse_article(source)
    assert article.page_kind == "listing" and article.label.startswith("Listing page")
    html = article_view.article_html(article_row(source, page_kind=article.page_kind,
                                                 page_kind_reason=article.page_kind_reason), lines_frame(source))
    assert "This page lists other stories (listing)" in html and "No article text" not in html
    assert_inert(html)
