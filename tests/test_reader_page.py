"""The Reader page driven headless with Streamlit's AppTest, on the sample and on a hostile page."""
from __future__ import annotations

import re
from html import unescape
from types import SimpleNamespace

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.filters import Filters
from components.sidebar import site_names
from components.state import VIEW_KEY
from loaders import load_corpus

from .conftest import PROJECT, SAMPLE_DIR
from .html_checks import TAG_RE, assert_inert

READER = "components/pages/reader.py"
TITLE_003 = "উ. কোরিয়ার সঙ্গে সম্পর্ক বৃদ্ধির অঙ্গীকার পুতিনের"
TITLE_000 = "পুতিনের গোয়েন্দা প্রধানের উত্তর কোরিয়া সফর"
HOSTILE_BITS = ["<script>alert(1)</script>", "**bold**", "$x$", ":red[hi]", "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))"]
HOSTILE_PAGE = """<script>alert(1)</script> পুতিনের **bold** সফর $x$ :red[hi]
আন্তর্জাতিক ডেস্ক

রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন <script>alert(1)</script> উত্তর কোরিয়া সফর করেছেন বলে জানিয়েছে বার্তা সংস্থা **bold** এবং $x$ ও :red[hi] লেখা।

দ্বিতীয় অনুচ্ছেদে ছবি <img src=x onerror=alert(1)> আর লিংক [x](javascript:alert(1)) আছে, যা কখনো চালানো উচিত নয় বলে মনে করেন সবাই।

সূত্র: রয়টার্স
"""


@pytest.fixture(autouse=True)
def parse_cache(tmp_path_factory, monkeypatch):
    """A private Parquet cache and an empty in-memory cache, so tests do not depend on each other."""
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "parses"))
    monkeypatch.delenv("CORPUS_DIR", raising=False)
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def reader(**params: str) -> AppTest:
    """The app opened on the Reader page with the given query parameters, after one run."""
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.switch_page(READER)
    return app.run()


def html_of(app: AppTest) -> list[str]:
    """Bodies of the page's st.html elements."""
    return [element.proto.body for element in app.html]


def articles_shown(app: AppTest) -> list[str]:
    """Visible text of each clean article on the page."""
    return [unescape(TAG_RE.sub(" ", body.split("</style>", 1)[1])) for body in html_of(app) if 'class="kl kl-article"' in body]


def test_query_param_opens_the_article():
    app = reader(article="003_2912fb69db994f90.txt")
    assert not app.exception
    assert app.selectbox(key="reader_article").value == "003_2912fb69db994f90.txt"
    shown = articles_shown(app)
    assert len(shown) == 1 and TITLE_003 in shown[0]
    assert any('class="kl kl-raw"' in body for body in html_of(app)), "the raw page is shown beside the article"
    assert app.query_params["article"] == "003_2912fb69db994f90.txt"


def test_without_a_query_param_the_first_article_opens_and_the_url_follows():
    app = reader()
    assert not app.exception
    first = app.selectbox(key="reader_article").value
    assert app.query_params["article"] == first


def test_picking_another_article_updates_the_url():
    app = reader(article="003_2912fb69db994f90.txt")
    app.selectbox(key="reader_article").set_value("000_6e226a8acf7a7e9c.txt").run()
    assert not app.exception
    assert app.query_params["article"] == "000_6e226a8acf7a7e9c.txt"
    assert TITLE_000 in articles_shown(app)[0]


def test_compare_link_renders_two_articles_side_by_side():
    app = reader(article="003_2912fb69db994f90.txt", compare="000_6e226a8acf7a7e9c.txt")
    assert not app.exception
    assert app.toggle(key="reader_compare_on").value is True
    shown = articles_shown(app)
    assert len(shown) == 2
    assert TITLE_003 in shown[0] and TITLE_000 in shown[1]


def test_compare_toggle_adds_a_second_picker_and_article():
    app = reader(article="003_2912fb69db994f90.txt")
    app.toggle(key="reader_compare_on").set_value(True).run()
    assert not app.exception
    other = app.selectbox(key="reader_compare").value
    assert other != "003_2912fb69db994f90.txt"
    assert app.query_params["compare"] == other
    assert len(articles_shown(app)) == 2
    app.toggle(key="reader_compare_on").set_value(False).run()
    assert not app.exception
    assert "compare" not in app.query_params and len(articles_shown(app)) == 1


def test_unknown_article_gets_a_friendly_message():
    app = reader(article="no-such-file.txt")
    assert not app.exception
    assert any("no-such-file.txt" in body and "does not have" in body for body in html_of(app))
    assert len(articles_shown(app)) == 1, "the first article opens instead"


def test_linked_article_outside_the_filters_still_opens():
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    app.session_state["filter_undated"] = False      # drops 002, which has no full publish date
    app.query_params["article"] = "002_7415ef057343b78a.txt"
    app.switch_page(READER).run()
    assert not app.exception
    assert app.selectbox(key="reader_article").value == "002_7415ef057343b78a.txt"
    assert any("outside the current sidebar filters" in body for body in html_of(app))
    assert "13 Sep, year unknown" in articles_shown(app)[0]


PUTIN = {"entity_id": "vladimir_putin", "name_bn": "পুতিন", "label_en": "Vladimir Putin", "type": "PER"}


def putin_mentions(corpus) -> pd.DataFrame:
    """Every "পুতিন" in article 000, located in its source text, as rows of the mentions table."""
    article_id = "000_6e226a8acf7a7e9c.txt"
    source = corpus.articles.set_index("article_id").loc[article_id, "source"]
    lines = corpus.lines[corpus.lines["article_id"] == article_id]
    rows = []
    for match in re.finditer("পুতিন", source):
        line = lines[(lines["start"] <= match.start()) & (lines["end"] >= match.end())].iloc[0]
        rows.append({"article_id": article_id, "entity_id": PUTIN["entity_id"], "n": line["n"], "start": match.start(),
                     "end": match.end(), "surface": match.group(), "type": "PER", "basis": "gazetteer",
                     "in_body": line["kind"] == "body"})
    return pd.DataFrame(rows)


def reader_page(view, **params: str) -> AppTest:
    """The Reader page alone, run on a prepared view (the shape app.py publishes)."""
    app = AppTest.from_file(str(PROJECT / READER), default_timeout=60)
    app.session_state[VIEW_KEY] = view
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def sample_view(mentions=None, entities=None) -> SimpleNamespace:
    """The whole sample in the shape of ``components.state.View``, with the given mentions and entities."""
    corpus = load_corpus([SAMPLE_DIR])
    return SimpleNamespace(corpus=corpus, origin="bundled sample", filters=Filters(), articles=corpus.articles,
                           site_names=site_names(corpus.articles), mentions=mentions, entities=entities)


def test_body_mentions_link_to_the_entities_page():
    corpus = load_corpus([SAMPLE_DIR])
    mentions = putin_mentions(corpus)
    assert mentions["in_body"].any() and not mentions["in_body"].all(), "the sample has both kinds"
    app = reader_page(sample_view(mentions, pd.DataFrame([PUTIN])), article="000_6e226a8acf7a7e9c.txt")
    assert not app.exception
    article = next(body for body in html_of(app) if 'class="kl kl-article"' in body)
    links = re.findall(r'<a href="([^"]*)" target="_self" class="mention kl-ent-PER" title="([^"]*)">([^<]*)</a>',
                       article)
    assert len(links) == mentions["in_body"].sum(), "every body mention, and only those, is linked"
    assert {href for href, _, _ in links} == {"/entities?entity=vladimir_putin"}
    assert {unescape(title) for _, title, _ in links} == {"পুতিন · Vladimir Putin (person)"}
    assert all(text.startswith("পুতিন") for _, _, text in links)
    assert any("Entity mentions:" in body and ">person</span>" in body for body in html_of(app)), "a key to the tints"


def test_compare_mode_highlights_mentions_in_each_article():
    corpus = load_corpus([SAMPLE_DIR])
    app = reader_page(sample_view(putin_mentions(corpus), pd.DataFrame([PUTIN])),
                      article="003_2912fb69db994f90.txt", compare="000_6e226a8acf7a7e9c.txt")
    assert not app.exception
    articles = [body for body in html_of(app) if 'class="kl kl-article"' in body]
    assert len(articles) == 2
    assert 'class="mention' not in articles[0] and 'class="mention' in articles[1]


def test_without_mentions_the_article_shows_plain():
    for mentions, entities in ((None, None), (pd.DataFrame(columns=["article_id", "entity_id", "start", "end"]), None)):
        app = reader_page(sample_view(mentions, entities), article="000_6e226a8acf7a7e9c.txt")
        assert not app.exception
        assert TITLE_000 in articles_shown(app)[0]
        assert not any('class="mention' in body for body in html_of(app))


def test_the_app_highlights_entity_mentions():
    app = reader(article="000_6e226a8acf7a7e9c.txt")
    assert not app.exception
    article = next(body for body in html_of(app) if 'class="kl kl-article"' in body)
    titles = {unescape(title) for title in re.findall(r'class="mention[^"]*" title="([^"]*)"', article)}
    assert any("Vladimir Putin" in title for title in titles), titles


def test_hostile_article_is_shown_escaped(tmp_path, monkeypatch):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    (folder / "plain.txt").write_text((SAMPLE_DIR / "000_6e226a8acf7a7e9c.txt").read_text("utf-8"), encoding="utf-8")
    assert {"hostile.txt", "plain.txt"} == set(load_corpus([folder]).articles["article_id"])
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    app = reader(article="hostile.txt", compare="plain.txt")
    assert not app.exception
    bodies = html_of(app)
    assert bodies
    for body in bodies:
        assert_inert(body)
    shown = articles_shown(app)
    for bit in HOSTILE_BITS:
        assert bit in shown[0], f"{bit!r} is not shown literally"
    # The escaped form reaches the browser; the tags themselves never do.
    article = next(body for body in bodies if 'class="kl kl-article"' in body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    # Nothing that interprets Markdown, LaTeX or colour directives carries article text.
    markdown_like = [*app.markdown, *app.caption, *app.title, *app.header, *app.subheader, *app.info,
                     *app.warning, *app.error, *app.success, *app.latex, *app.code]
    for element in markdown_like:
        assert not any(bit in str(element.value) for bit in ("alert(1)", "**bold**", ":red[hi]", "$x$")), element


PICKER_LIMIT = 1_000  # components/pages/reader.py (a page script: importing it would run it)


def test_a_large_corpus_lists_the_first_articles_and_keeps_a_linked_one(tmp_path, monkeypatch):
    from tests.corpus_factory import write_corpus

    folder = write_corpus(tmp_path / "corpus", PICKER_LIMIT + 5)
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    app = reader()
    picker = app.selectbox(key="reader_article")
    assert len(picker.options) == PICKER_LIMIT
    assert any(f"first {PICKER_LIMIT:,} of {PICKER_LIMIT + 5:,} articles" in c.value for c in app.caption)
    last = f"gen_{PICKER_LIMIT + 4:05d}.txt"
    app = reader(article=last)
    picker = app.selectbox(key="reader_article")
    assert picker.value == last and len(picker.options) == PICKER_LIMIT + 1
