"""Tests for the saved-HTML reader: page text, decoding, and the fields the markup states."""
from __future__ import annotations

import json
import quopri
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from loaders import parse_document
from loaders.lines import classify
from loaders.reading import UnreadableFile
from loaders.readers.html import read_html

MENU = ["জাতীয়", "রাজনীতি", "অর্থনীতি", "খেলা", "বিনোদন"]
HEADLINE = "ঢাকায় ভারী বৃষ্টিতে জলাবদ্ধতা, দুর্ভোগে নগরবাসী"
PARAGRAPHS = [
    "টানা তিন ঘণ্টার ভারী বৃষ্টিতে রাজধানীর বিভিন্ন এলাকায় জলাবদ্ধতা তৈরি হয়েছে। "
    "সকাল থেকে অফিসগামী মানুষ চরম দুর্ভোগে পড়েন।",
    "আবহাওয়া অধিদপ্তর জানিয়েছে, আগামী দুই দিন দেশের বিভিন্ন স্থানে মাঝারি থেকে ভারী বৃষ্টি হতে পারে। "
    "নদীবন্দরগুলোকে সতর্কসংকেত দেখাতে বলা হয়েছে।",
    "ঢাকা উত্তর সিটি করপোরেশনের একজন কর্মকর্তা বলেন, পানি নিষ্কাশনের জন্য অতিরিক্ত কর্মী কাজ করছেন "
    "এবং বিকেলের মধ্যে পরিস্থিতির উন্নতি হবে বলে আশা করা হচ্ছে।",
]


def article(h1: str | None = HEADLINE, time: str | None = "2024-08-12T10:30:00+06:00", body: str = "") -> str:
    """The <article> element: headline, a <time>, the paragraphs."""
    parts = [f"<h1>{h1}</h1>" if h1 else ""]
    if time:
        parts.append(f'<div class="meta"><time datetime="{time}">১২ আগস্ট ২০২৪, ১০:৩০</time></div>')
    parts += [f"<p>{p}</p>" for p in PARAGRAPHS] + [body]
    return "<article>" + "".join(parts) + "</article>"


def page(head: str = "", main: str | None = None, charset: str = "utf-8", ld=None) -> str:
    """A whole news page: head meta, a nav menu with glued links, the article, a footer."""
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in (ld or []))
    menu = "".join(f'<a href="/{i}">{name}</a>' for i, name in enumerate(MENU))
    return (f'<!DOCTYPE html><html lang="bn"><head><meta charset="{charset}">{head}{scripts}'
            '<style>body { color: red }</style><script>var trackingId = "UA-1";</script></head>'
            f'<body><header><nav>{menu}</nav></header><main>{article() if main is None else main}</main>'
            '<footer><p>© ২০২৪ সর্বস্বত্ব সংরক্ষিত</p></footer></body></html>')


def read(html: str, encoding: str = "utf-8"):
    """read_html over the encoded page."""
    return read_html(html.encode(encoding))


def ld_block(**fields) -> str:
    """A NewsArticle JSON-LD block."""
    return json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **fields}, ensure_ascii=False)


def given(doc, name):
    """(value, basis, precision) of a given field, or None."""
    found = doc.get(name)
    return found and (found.value, found.basis, found.precision)


# --- text -------------------------------------------------------------------------------------

def test_text_has_menu_items_headline_and_paragraphs_as_own_lines():
    doc = read(page())
    lines = doc.text.splitlines()
    assert doc.kind == "html" and doc.encoding == "utf-8"
    for name in MENU:
        assert name in lines
    assert HEADLINE in lines
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    assert "© ২০২৪ সর্বস্বত্ব সংরক্ষিত" in lines
    assert "\n\n\n" not in doc.text and all(line == line.rstrip() for line in lines)


def test_scripts_styles_and_templates_are_dropped_but_escaped_markup_stays_text():
    body = ("<p>লেখায় &lt;script&gt; ট্যাগের উদাহরণ।</p><script>alert(1)</script>"
            "<noscript>জাভাস্ক্রিপ্ট চালু করুন</noscript><template><p>টেমপ্লেট</p></template>"
            "<svg><title>আইকন</title><text>এসভিজি</text></svg><!-- মন্তব্য -->")
    text = read(page(main=article(body=body))).text
    assert "লেখায় <script> ট্যাগের উদাহরণ।" in text.splitlines()
    for hidden in ("alert(1)", "trackingId", "color: red", "জাভাস্ক্রিপ্ট", "টেমপ্লেট", "আইকন", "এসভিজি", "মন্তব্য"):
        assert hidden not in text


def test_what_a_browser_does_not_draw_is_not_text():
    hidden = ('<div hidden><p>ছাপার সংস্করণের অনুচ্ছেদ</p></div>লেজের লেখা'
              '<div style="display: none"><p>লগইন করুন</p></div>')
    lines = read(page(main=article(body=hidden))).text.splitlines()
    assert "ছাপার সংস্করণের অনুচ্ছেদ" not in lines and "লগইন করুন" not in lines
    assert "লেজের লেখা" in lines  # the text after a hidden element stays


def test_text_is_nfc_without_bom_or_zero_width_space_but_keeps_zwnj():
    decomposed = "\u0995\u09c7\u09be"  # ক + ে + া; NFC composes the vowel sign to ো (U+09CB)
    body = f"<p>\ufeffর\u200c্যাব\u200b সদস্য {decomposed}থায়।</p>"
    text = read(page(main=article(body=body))).text
    assert "র\u200c্যাব সদস্য \u0995\u09cbথায়।" in text.splitlines()
    assert "\ufeff" not in text and "\u200b" not in text


def test_list_items_and_table_rows_are_lines():
    body = "<ul><li>প্রথম বিষয়</li><li>দ্বিতীয় বিষয়</li></ul><table><tr><td>দল</td><td>রান</td></tr></table>"
    lines = read(page(main=article(body=body))).text.splitlines()
    assert "প্রথম বিষয়" in lines and "দ্বিতীয় বিষয়" in lines
    assert any("দল" in line and "রান" in line for line in lines)


def test_a_table_that_lays_out_the_page_reads_cell_after_cell():
    sidebar = ["সর্বাধিক পঠিত", "বাজারে আগুন, পুড়ল ৫০ দোকান", "সোনার দাম আবার বাড়ল"]
    side = "".join(f"<div><a href='#'>{item}</a></div>" for item in sidebar)
    main = f'<table><tr><td width="70%">{article()}</td><td>{side}</td></tr></table>'
    doc = read(page(main=main))
    lines = doc.text.splitlines()
    assert HEADLINE in lines and "১২ আগস্ট ২০২৪, ১০:৩০" in lines and all(p in lines for p in PARAGRAPHS)
    assert lines.index(sidebar[0]) > lines.index(PARAGRAPHS[-1])  # the sidebar after the article, not beside it
    parsed = parse_document(doc)
    assert [line.text for line in parsed.lines if line.kind == "body"] == PARAGRAPHS
    assert parsed.meta.published.iso == "2024-08-12T10:30"
    results = "<table><tr><th>দল</th><th>আসন</th></tr><tr><td>ক দল</td><td>১২০</td></tr></table>"
    assert "ক দল  ১২০" in read(page(main=article(body=results))).text.splitlines()  # a data table keeps its rows


def test_layout_suits_the_line_classifier():
    doc = read(page())
    lines, _, _ = classify(doc.text)
    kinds = {line.text: line.kind for line in lines}
    assert kinds[HEADLINE] == "title"
    assert all(kinds[p] == "body" for p in PARAGRAPHS)
    assert all(kinds[name] not in ("title", "body") for name in MENU)


# --- title ------------------------------------------------------------------------------------

def test_title_precedence_h1_then_json_ld_then_og_title_then_title_tag():
    head = ('<title>শিরোনাম ট্যাগ | প্রথম আলো</title><meta property="og:title" content="ওজি শিরোনাম - প্রথম আলো">'
            '<meta property="og:site_name" content="প্রথম আলো">')
    ld = [ld_block(headline="জেসন শিরোনাম")]
    assert given(read(page(head, ld=ld)), "title") == (HEADLINE, "<h1>", None)
    no_h1 = article(h1=None)
    assert given(read(page(head, no_h1, ld=ld)), "title") == ("জেসন শিরোনাম", "JSON-LD headline", None)
    assert given(read(page(head, no_h1)), "title") == ("ওজি শিরোনাম", "og:title meta", None)
    head_title_only = "<title>শিরোনাম ট্যাগ - বিভাগ | কোনো সাইট</title>"
    assert given(read(page(head_title_only, no_h1)), "title") == ("শিরোনাম ট্যাগ - বিভাগ", "<title>", None)


def test_title_keeps_a_dash_that_is_part_of_the_headline():
    doc = read(page("<title>ভারত - পাকিস্তান ম্যাচ আজ</title>", article(h1=None)))
    assert given(doc, "title") == ("ভারত - পাকিস্তান ম্যাচ আজ", "<title>", None)


@pytest.mark.parametrize("suffix", [" | দৈনিক নতুন খবর", " - Notun Khobor", " :: জাতীয় :: নতুন খবর ২৪", " । দৈনিক পূর্বদেশ"])
def test_title_loses_an_unlisted_sites_name_when_the_page_prints_the_headline_alone(suffix):
    printed = article(h1=None).replace("<article>", f'<article><div class="headline">{HEADLINE}</div>')
    assert given(read(page(f"<title>{HEADLINE}{suffix}</title>", printed)), "title") == (HEADLINE, "<title>", None)


def test_without_the_headline_printed_an_unlisted_sites_name_stays():
    title = f"{HEADLINE} | দৈনিক নতুন খবর"  # no line says where the headline ends
    assert given(read(page(f"<title>{title}</title>", article(h1=None))), "title") == (title, "<title>", None)


def test_a_menu_word_does_not_cut_a_title():
    menu_word = article(h1=None).replace("<article>", "<article><a href='/india'>ভারত</a>")
    doc = read(page("<title>ভারত - পাকিস্তান ম্যাচ আজ</title>", menu_word))
    assert given(doc, "title") == ("ভারত - পাকিস্তান ম্যাচ আজ", "<title>", None)


def test_h1_inside_article_wins_over_header_h1_and_is_whitespace_collapsed():
    main = '<h1 class="logo">সাইটের নাম</h1>' + article(h1="  বাজেট\n   ঘোষণা  আজ ")
    doc = read(page(main=main))
    assert given(doc, "title") == ("বাজেট ঘোষণা আজ", "<h1>", None)
    assert "বাজেট ঘোষণা আজ" in doc.text.splitlines()
    assert ("<h1>", "বাজেট ঘোষণা আজ") in doc.fields


@pytest.mark.parametrize("label", ["জাতীয়", "সর্বশেষ খবর"])
def test_a_short_h1_the_other_titles_do_not_hold_names_a_section_not_the_story(label):
    printed = article(h1=None).replace("<article>", f"<article><h2>{HEADLINE}</h2>")
    main = f'<div class="category"><h1>{label}</h1></div>' + printed
    head = f'<meta property="og:title" content="{HEADLINE} | প্রথম আলো">'
    assert given(read(page(head, main)), "title") == (HEADLINE, "og:title meta", None)
    assert given(read(page("", main)), "title") == (label, "<h1>", None)  # no other title: a short headline is possible


def test_the_h1_that_agrees_with_the_other_titles_wins_over_an_earlier_one():
    main = f"<div><h1>আজকের সেরা খবর পড়ুন এখানে</h1></div><div><h1>{HEADLINE}</h1><p>{PARAGRAPHS[0]}</p></div>"
    head = f"<title>{HEADLINE} | দৈনিক নতুন খবর</title>"
    assert given(read(page(head, main)), "title") == (HEADLINE, "<h1>", None)


@pytest.mark.parametrize("stated", [
    "ভারী বৃষ্টিতে জলাবদ্ধতা, দুর্ভোগে নগরবাসী",                     # a word fewer than printed
    f"বিশেষ প্রতিবেদন: {HEADLINE}",                                   # a label before it
])
def test_a_headline_printed_in_other_words_than_the_markup_names_it_is_taken_as_printed(stated):
    printed = article(h1=None).replace("<article>", f'<article><div class="headline">{HEADLINE}</div>')
    doc = read(page(f'<meta property="og:title" content="{stated}">', printed))
    parsed = parse_document(doc)
    assert parsed.title == HEADLINE
    assert parsed.title_basis.endswith("the og:title meta as the page prints it")
    assert [line.text for line in parsed.lines if line.kind == "title"] == [HEADLINE]
    assert parse_document(read(page(f'<meta property="og:title" content="{HEADLINE}">', printed))).title_basis == "og:title meta"


def test_a_line_sharing_a_few_words_with_the_stated_headline_does_not_print_it():
    teaser = article(h1=None).replace("<article>", '<article><div class="headline">দুর্ভোগে নগরবাসী</div>')
    parsed = parse_document(read(page('<meta property="og:title" content="ঢাকায় জলাবদ্ধতা, দুর্ভোগে নগরবাসী">', teaser)))
    assert (parsed.title, parsed.title_basis) == ("ঢাকায় জলাবদ্ধতা, দুর্ভোগে নগরবাসী", "og:title meta")


# --- dates ------------------------------------------------------------------------------------

def test_a_line_break_inside_the_h1_is_a_space_not_glue():
    doc = read(page(main=article(h1="ঢাকায় ভারী বৃষ্টিতে<br>জলাবদ্ধতা, দুর্ভোগে নগরবাসী")))
    assert given(doc, "title") == (HEADLINE, "<h1>", None)
    kicker = read(page(main=article(h1="<span>বৃষ্টি</span><div>ঢাকায় জলাবদ্ধতা</div>")))
    assert given(kicker, "title") == ("বৃষ্টি ঢাকায় জলাবদ্ধতা", "<h1>", None)
    glued = read(page(main=article(h1="ঢাকা<b>য়</b> বৃষ্টি")))  # inline markup inside a word stays inside it
    assert given(glued, "title") == ("ঢাকায় বৃষ্টি", "<h1>", None)


def test_logo_h1_and_bare_site_name_are_not_titles():
    main = '<header><h1><a href="/"><img alt="logo"></a></h1><h1>প্রথম আলো</h1></header>' + article(h1=None)
    head = '<title>প্রথম আলো</title><meta property="og:title" content="বন্যায় লাখো মানুষ পানিবন্দী | প্রথম আলো">'
    assert given(read(page(head, main)), "title") == ("বন্যায় লাখো মানুষ পানিবন্দী", "og:title meta", None)
    assert read(page("<title>প্রথম আলো</title>", main)).get("title") is None


def test_published_from_json_ld_is_converted_to_dhaka_time():
    ld = [ld_block(datePublished="2024-08-12T04:30:00Z", dateModified="2024-08-13")]
    doc = read(page(ld=ld))
    assert given(doc, "published") == ("2024-08-12T10:30", "JSON-LD datePublished", "minute")
    assert given(doc, "updated") == ("2024-08-13", "JSON-LD dateModified", "day")
    assert ("JSON-LD datePublished", "2024-08-12T04:30:00Z") in doc.fields


def test_published_from_article_meta_then_time_element():
    head = ('<meta property="article:published_time" content="2024-08-11T22:15:00+00:00">'
            '<meta property="article:modified_time" content="2024-08-12">')
    doc = read(page(head))
    assert given(doc, "published") == ("2024-08-12T04:15", "article:published_time meta", "minute")
    assert given(doc, "updated") == ("2024-08-12", "article:modified_time meta", "day")
    assert ("article:published_time", "2024-08-11T22:15:00+00:00") in doc.fields
    assert given(read(page()), "published") == ("2024-08-12T10:30", "<time datetime>", "minute")


@pytest.mark.parametrize("name", ["parsely-pub-date", "datePublished", "publish-date", "dcterms.created", "og:published_time"])
def test_published_from_other_sites_meta_names(name):
    head = f'<meta name="{name}" content="2024-08-11T22:15:00Z"><meta name="dcterms.modified" content="2024-08-12">'
    doc = read(page(head, article(time=None)))
    assert given(doc, "published") == ("2024-08-12T04:15", f"{name} meta", "minute")
    assert given(doc, "updated") == ("2024-08-12", "dcterms.modified meta", "day")


def test_published_meta_in_the_rss_date_form():
    head = '<meta property="article:published_time" content="Sun, 11 Aug 2024 22:15:00 +0000">'
    assert given(read(page(head)), "published") == ("2024-08-12T04:15", "article:published_time meta", "minute")


def test_unparseable_date_falls_through_to_the_next_source():
    ld = [ld_block(datePublished="শীঘ্রই")]
    head = '<meta name="pubdate" content="2024-08-10">'
    assert given(read(page(head, ld=ld)), "published") == ("2024-08-10", "pubdate meta", "day")


def test_no_date_markup_gives_no_published_even_with_a_date_in_the_text():
    main = article(time=None, body="<p>প্রকাশ: ১২ আগস্ট ২০২৪, ১০:৩০। 2024-08-12</p>")
    doc = read(page(main=main))
    assert doc.get("published") is None and doc.get("updated") is None


@pytest.mark.parametrize("block", [
    {"@context": "https://schema.org", "@type": "OpinionNewsArticle", "headline": "জেসন শিরোনাম",
     "datePublished": "2024-08-11T22:15:00+06:00"},
    {"@context": "https://schema.org", "@type": "WebPage", "mainEntity": {
        "@type": "NewsArticle", "headline": "জেসন শিরোনাম", "datePublished": "2024-08-11T22:15:00+06:00"}},
])
def test_json_ld_news_article_subtypes_and_a_pages_main_entity(block):
    doc = read(page(main=article(h1=None, time=None), ld=[json.dumps(block, ensure_ascii=False)]))
    assert given(doc, "title") == ("জেসন শিরোনাম", "JSON-LD headline", None)
    assert given(doc, "published") == ("2024-08-11T22:15", "JSON-LD datePublished", "minute")


def test_malformed_json_ld_is_ignored():
    ld = ['{"@type": "NewsArticle", "headline": ', "[1, 2, {\"@graph\": [[{\"@graph\": {}}], 3]}]",
          '{"@graph": [{"@type": {"x": 1}, "author": {"@id": ["a"]}}]}', "null",
          '{"@type": "NewsArticle", "datePublished": ["2024"], "author": 5}']
    doc = read(page(ld=ld))
    assert given(doc, "title") == (HEADLINE, "<h1>", None)
    assert given(doc, "published")[1] == "<time datetime>"
    assert doc.get("author") is None


def test_graph_objects_give_dates_author_and_publisher():
    graph = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "#page", "datePublished": "2024-08-12T09:00:00+06:00"},
        {"@type": "Organization", "@id": "#org", "name": "Jugantor"},
        {"@type": ["NewsArticle"], "publisher": {"@id": "#org"},
         "author": [{"@type": "Person", "name": "নিজস্ব প্রতিবেদক"}, {"name": "রহিম উদ্দিন"}]}]})
    doc = read(page(main=article(time=None), ld=[graph]))
    assert given(doc, "published") == ("2024-08-12T09:00", "JSON-LD datePublished", "minute")
    assert given(doc, "outlet") == ("jugantor", "JSON-LD publisher", None)
    assert given(doc, "author") == ("নিজস্ব প্রতিবেদক, রহিম উদ্দিন", "JSON-LD author", None)


# --- outlet, url, author ---------------------------------------------------------------------

def test_outlet_from_site_name_then_canonical_domain_and_unknown_left_out():
    doc = read(page('<meta property="og:site_name" content="প্রথম আলো">'))
    assert given(doc, "outlet") == ("prothomalo", "og:site_name meta", None)
    canonical = '<link rel="canonical" href="https://www.jugantor.com/national/12345">'
    doc = read(page(canonical + '<meta property="og:site_name" content="আমার খবর">'))
    assert given(doc, "outlet") == ("jugantor", "domain of the canonical URL", None)
    assert given(doc, "url") == ("https://www.jugantor.com/national/12345", "canonical link", None)
    doc = read(page('<link rel="canonical" href="https://example.org/a/1"><meta name="author" content="করিম">'))
    assert doc.get("outlet") is None
    assert given(doc, "author") == ("করিম", "author meta", None)


def test_url_from_og_url_and_relative_links_ignored():
    relative = '<link rel="canonical" href="/national/1">'
    doc = read(page(relative + '<meta property="og:url" content="https://bdnews24.com/x">'))
    assert given(doc, "url") == ("https://bdnews24.com/x", "og:url meta", None)
    assert given(doc, "outlet") == ("bdnews24", "domain of the canonical URL", None)
    assert read(page(relative)).get("url") is None


def test_fields_are_capped_and_cut():
    head = f'<meta name="description" content="{"ক" * 500}"><meta property="og:title" content="ওজি">'
    doc = read(page(head))
    assert dict(doc.fields)["description"] == "ক" * 300
    assert len(doc.fields) <= 15


# --- decoding and refusals --------------------------------------------------------------------

def test_declared_windows_1252_is_used():
    html = ('<html><head><meta charset="windows-1252"><title>Menu</title></head>'
            "<body><article><h1>Café crème</h1><p>Prix: 5 € — très bon.</p></article></body></html>")
    doc = read(html, "cp1252")
    assert doc.encoding == "cp1252"
    assert "Café crème" in doc.text and "5 € — très bon." in doc.text


def test_http_equiv_charset_and_utf8_bom():
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
    html = page().replace('<meta charset="utf-8">', http_equiv)
    assert read(html).encoding == "utf-8"
    assert read_html(b"\xef\xbb\xbf" + page().encode()).encoding == "utf-8-sig"
    assert HEADLINE in read_html(page().encode("utf-16")).text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t ", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("<html><body><p>খবর</p></body></html>".encode() + b"\xff\xfe",
     "not UTF-8 HTML (undecodable byte 0xff at offset"),
    (b'<html><head><meta charset="utf-8"></head><body><p>\xff</p></body></html>', "says it is utf-8"),
    (b"<html><body><img src=x></body></html>", "no visible text"),
    (b"<!-- nothing -->", "no"),
])
def test_unreadable_pages_say_why(data, reason):
    with pytest.raises(UnreadableFile) as err:
        read_html(data)
    assert reason in str(err.value)


def test_undecodable_message_mentions_missing_charset():
    with pytest.raises(UnreadableFile) as err:
        read_html(b"<html><body><p>caf\xe9</p></body></html>")
    assert str(err.value) == "not UTF-8 HTML (undecodable byte 0xe9 at offset 18) and no charset declared"


def test_deeply_nested_markup_keeps_the_text_after_it():
    nested = "<div><span>" * 300 + "গভীরে" + "</span></div>" * 300
    lines = read(page(main=article(body=nested + "<p>শেষ অনুচ্ছেদ।</p>"))).text.splitlines()
    assert "গভীরে" in lines and "শেষ অনুচ্ছেদ।" in lines


def test_mhtml_reads_like_the_html():
    html = page('<meta property="og:site_name" content="প্রথম আলো">')
    archive = MIMEMultipart("related", type="text/html")
    archive["Snapshot-Content-Location"] = "https://www.prothomalo.com/bangladesh/abc"
    archive["Subject"] = HEADLINE
    part = MIMEText(html, "html", "utf-8")
    part.replace_header("Content-Transfer-Encoding", "quoted-printable")
    part.set_payload(quopri.encodestring(html.encode()).decode("ascii"))
    part["Content-Location"] = "https://www.prothomalo.com/bangladesh/abc"
    archive.attach(part)
    data = archive.as_bytes()
    assert data.lstrip().startswith(b"Content-Type: multipart/related")
    doc, plain = read_html(data), read(html)
    assert doc.text == plain.text and doc.given == plain.given
    assert read_html(b"From: <Saved by Blink>\r\n" + data).given == plain.given  # Chrome's first header
    assert ("Content-Location", "https://www.prothomalo.com/bangladesh/abc") in doc.fields


def test_acronyms_among_tag_links_are_not_reporter_initials_but_a_sign_off_under_the_text_is():
    # A tag cloud or trending bar of Bengali acronyms spells letter names as initials do (ডিএমটিসিএল = D M T C L).
    tags = ["মেট্রোরেল", "ডিএমটিসিএল", "বিপিএল", "ডিএমপি"]
    cloud = '<div class="tags"><span>ট্যাগ:</span> ' + " ".join(f"<a href='#'>{t}</a>" for t in tags) + "</div>"
    parsed = parse_document(read(page(main=article(body=cloud))))
    assert parsed.meta.credits == ()
    assert [line.text for line in parsed.lines if line.kind == "body"] == PARAGRAPHS
    trending = "<div class='trending'>" + "".join(f"<a href='#'>{t}</a>" for t in ["এসআইআর", "আইএসএল"]) + "</div>"
    assert parse_document(read(page(main=trending + article()))).meta.credits == ()
    # Under the last paragraph (or its closing date line) the initials sign the text; a slash form signs anywhere.
    for sign_off in ["<p>জেএইচ</p>", "<p>বাংলাদেশ সময়: ২১৩০ ঘণ্টা, আগস্ট ১২, ২০২৪</p><p>জেএইচ</p>"]:
        assert parse_document(read(page(main=article(body=sign_off + cloud)))).meta.credits == ("জেএইচ",)
    assert parse_document(read(page(main=article(body=cloud + "<p>এসআই/এমএস</p>")))).meta.credits == ("এসআই/এমএস",)
