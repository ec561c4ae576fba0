"""The Timeline page driven headless with Streamlit's AppTest on the bundled sample."""
from __future__ import annotations

import pandas as pd

from .test_reader_page import parse_cache  # noqa: F401  (autouse: private parse cache per test)
from .test_sources_page import chart_data, metrics, open_page

TIMELINE = "components/pages/timeline.py"
MARCH_2024 = [1709251200000, 1711843200000]     # brush ends: 1 and 31 March 2024, UTC milliseconds


def brushed(bucket_ends: list, **state):
    """The Timeline page after dragging a brush over ``bucket_ends`` on the chart."""
    app = open_page(TIMELINE, **state)
    app.session_state["timeline_chart"] = {"selection": {"brush": {"bucket": bucket_ends}}}
    return app.run()


def test_timeline_counts_dated_inferred_partial_and_undated():
    app = open_page(TIMELINE)
    assert not app.exception
    assert metrics(app) == {"Dated articles": "4", "Inferred dates": "1", "Partial dates": "1", "Undated": "0"}
    assert app.radio(key="timeline_freq").value == "M", "three years of dates: bars per month"
    timeline = chart_data(app)[0]
    assert timeline["articles"].sum() == 4
    assert set(timeline["bucket"]) == {"2022-08-01", "2024-03-01", "2025-08-01", "2025-10-01"}
    assert timeline.loc[timeline["basis"] == "inferred", "bucket"].tolist() == ["2025-10-01"]
    undated = app.dataframe[-1].value
    assert undated.to_dict("records") == [{"when": "13 Sep, year unknown", "articles": 1}]


def test_bars_per_day():
    app = open_page(TIMELINE)
    app.radio(key="timeline_freq").set_value("D").run()
    assert not app.exception
    timeline = chart_data(app)[0]
    assert set(timeline["bucket"]) == {"2022-08-15", "2024-03-28", "2025-08-13", "2025-10-28"}
    assert (pd.to_datetime(timeline["bucket_end"]) - pd.to_datetime(timeline["bucket"])).dt.days.eq(1).all()


def test_brush_filters_the_rest_of_the_page():
    app = brushed(MARCH_2024)
    assert not app.exception
    assert "1 article** in the selected range, 01 Mar 2024 – 31 Mar 2024" in app.success[0].value
    outlets = chart_data(app)[1]
    assert outlets["site"].tolist() == ["Banglanews24.com (বাংলানিউজটোয়েন্টিফোর.কম)"]
    table = app.dataframe[0].value
    assert table["article_id"].tolist() == ["000_6e226a8acf7a7e9c.txt"]
    assert app.subheader[0].value == "Outlets in range"
    assert metrics(app)["Dated articles"] == "4", "the counts above the chart stay whole"


def test_brush_over_an_empty_stretch_says_so():
    app = brushed([1672531200000, 1675123200000])    # January 2023: no articles
    assert not app.exception
    assert "No articles in the selected range" in app.warning[0].value


def test_without_a_brush_the_table_lists_every_article_with_its_known_date():
    app = open_page(TIMELINE)
    table = app.dataframe[0].value
    assert len(table) == 5
    when = dict(zip(table["article_id"], table["when"]))
    assert when["002_7415ef057343b78a.txt"] == "13 Sep, year unknown"
    assert when["001_3bfc753714e309ae.txt"] == "28 Oct 2025 · inferred"
    assert when["000_6e226a8acf7a7e9c.txt"] == "28 Mar 2024, 21:30"


def test_page_date_against_published_date():
    app = open_page(TIMELINE)
    app.toggle(key="timeline_page_vs_published").set_value(True).run()
    assert not app.exception
    pairs = chart_data(app)[1]
    assert sorted(pairs["lag_days"]) == [1, 494, 610]
    (lags,) = [table.value for table in app.dataframe if "relation" in table.value.columns]
    summary = dict(lags[["relation", "articles"]].values.tolist())
    assert summary["page date 1 day later"] == 1 and summary["page date later by over a week"] == 2


def test_excluding_undated_articles_empties_the_partial_list():
    app = open_page(TIMELINE, filter_undated=False)
    assert not app.exception
    assert metrics(app)["Partial dates"] == "0"
    assert any("Every article has a full publish date" in caption.value for caption in app.caption)


def test_selecting_a_row_opens_it_in_the_reader():
    app = open_page(TIMELINE)
    row = app.dataframe[0].value["article_id"].tolist().index("000_6e226a8acf7a7e9c.txt")
    app.session_state["timeline_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    assert not app.exception
    assert app.title[0].value == "Reader"
    assert app.query_params["article"] == "000_6e226a8acf7a7e9c.txt"
    assert app.selectbox(key="reader_article").value == "000_6e226a8acf7a7e9c.txt"


TABLE_ROWS = 1_000  # components/pages/timeline.py (a page script: importing it would run it)


def test_a_large_corpus_lists_its_newest_articles_and_says_how_many_are_left_out(tmp_path, monkeypatch):
    from loaders import load_corpus
    from loaders.cache import default_cache_dir
    from tests.corpus_factory import write_corpus

    folder = write_corpus(tmp_path / "corpus", TABLE_ROWS + 5)
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    app = open_page(TIMELINE)
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == TABLE_ROWS
    assert any(f"The {TABLE_ROWS:,} newest of {TABLE_ROWS + 5:,} articles" in c.value for c in app.caption)
    articles = load_corpus([folder], cache_dir=default_cache_dir()).articles  # from the cache the app wrote
    published = articles.set_index("article_id")["published"]
    listed = published.loc[table["article_id"]]
    assert listed.is_monotonic_decreasing, "newest first"
    assert listed.min() >= published.drop(listed.index).max(), "none of the unlisted articles is newer"
