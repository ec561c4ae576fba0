"""The Sources page driven headless with Streamlit's AppTest on the bundled sample."""
from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from .conftest import PROJECT
from .test_reader_page import parse_cache  # noqa: F401  (autouse: private parse cache per test)

SOURCES = "components/pages/sources.py"


def open_page(page: str, **state) -> AppTest:
    """The app on ``page`` after one run, with the given widget state set first."""
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    for key, value in state.items():
        app.session_state[key] = value
    app.switch_page(page)
    return app.run()


def chart_data(app: AppTest) -> list[pd.DataFrame]:
    """The data each Altair chart on the page was sent (its largest dataset), in page order."""
    frames = []
    for chart in app.get("vega_lite_chart"):
        datasets = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]
        frames.append(max(datasets, key=len) if datasets else pd.DataFrame())
    return frames


def chart_specs(app: AppTest) -> list[dict]:
    """The Vega-Lite spec of each chart on the page."""
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_sources_page_shows_outlets_and_agencies():
    app = open_page(SOURCES)
    assert not app.exception
    assert metrics(app) == {"Articles": "5", "Named outlets": "2", "Unknown sites": "3", "Agencies cited": "8",
                            "Articles citing one": "100%"}
    sites, agencies, heatmap, boilerplate = chart_data(app)
    assert sites["articles"].sum() == 5 and len(sites) == 5
    assert "Bangladesh Sangbad Sangstha (বাসস)" in set(sites["site"])
    assert agencies.iloc[0][["label", "articles"]].tolist() == ["KCNA", 3] and len(agencies) == 8
    assert {"site", "label", "articles"} <= set(heatmap.columns) and heatmap["articles"].sum() == 10
    assert len(boilerplate) == 5 and boilerplate["share"].between(0, 1).all()
    assert all("Noto Sans Bengali" in spec["config"]["font"] for spec in chart_specs(app))
    assert not app.slider, "with 8 agencies every column fits; no slider needed"


def test_unknown_sites_and_desks_are_listed():
    app = open_page(SOURCES)
    (expander,) = app.expander
    assert expander.label.startswith("Unknown sites: 3 page template(s)")
    unknown = expander.dataframe[0].value
    assert len(unknown) == 3 and unknown["site"].str.startswith("Unknown site").all()
    assert unknown["fingerprint"].str.len().eq(10).all()
    desks = app.dataframe[-1].value
    assert desks[["desk", "articles"]].values.tolist() == [["আন্তর্জাতিক ডেস্ক", 2]]


def test_agency_filter_narrows_every_figure():
    app = open_page(SOURCES)
    app.multiselect(key="filter_agencies").set_value(["tass"]).run()
    assert not app.exception
    assert metrics(app)["Articles"] == "1" and metrics(app)["Unknown sites"] == "0"
    sites = chart_data(app)[0]
    assert sites["site"].tolist() == ["Banglanews24.com (বাংলানিউজটোয়েন্টিফোর.কম)"]
    assert not app.expander, "no unnamed sites among the filtered articles"


def test_no_matching_articles_says_so():
    app = open_page(SOURCES, filter_query="কোনো মিল নেই এমন লেখা")
    assert not app.exception
    assert any("No articles match" in info.value for info in app.info)
    assert not app.get("vega_lite_chart")
