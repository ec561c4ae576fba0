"""Altair charts: aggregated data in, Bengali-capable fonts, readable sizing, the timeline brush."""
from __future__ import annotations

import pytest

from components import aggregate, charts

NAMES = {"banglanews24": "Banglanews24.com (বাংলানিউজটোয়েন্টিফোর.কম)", "bss": "Bangladesh Sangbad Sangstha (বাসস)"}


@pytest.fixture(scope="module")
def articles(sample_corpus):
    return sample_corpus.articles


def rows(spec: dict) -> list[list[dict]]:
    """The inline datasets of a chart spec."""
    return list(spec["datasets"].values())


def assert_styled(spec: dict) -> None:
    """Bengali font on labels, titles and legends; the chart stretches across its column only."""
    config = spec["config"]
    assert "Noto Sans Bengali" in config["font"]
    assert "Noto Sans Bengali" in config["axis"]["labelFont"] and "Noto Sans Bengali" in config["legend"]["labelFont"]
    assert config["axis"]["labelLimit"] >= 300, "long Bengali outlet names stay whole"
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_bar_charts_draw_one_row_per_outlet_or_agency(articles):
    sites = aggregate.per_site(articles, NAMES)
    spec = charts.sites_chart(sites, sites["site"].tolist()).to_dict()
    assert_styled(spec)
    assert [len(data) for data in rows(spec)] == [5]
    assert spec["height"] >= 5 * charts.ROW_PX, "one readable row per bar"
    agencies = aggregate.agency_counts(articles)
    spec = charts.agencies_chart(agencies, top=3).to_dict()
    assert [len(data) for data in rows(spec)] == [3]
    assert rows(spec)[0][0]["label"] == "KCNA"
    spec = charts.boilerplate_chart(aggregate.boilerplate_by_site(articles, NAMES)).to_dict()
    assert_styled(spec)
    assert spec["layer"][0]["encoding"]["x"]["scale"] == {"domain": [0, 1]}


def test_outlet_colours_follow_the_ranking():
    scale = charts.site_colors(["b", aggregate.OTHER_SITES, "a"], ranking=["a", "b"])
    assert scale.domain == ["b", aggregate.OTHER_SITES, "a"]
    assert scale.range == [charts.PALETTE[1], charts.NEUTRAL, charts.PALETTE[0]]


def test_heatmap_keeps_only_ranked_rows_and_columns(articles):
    pairs = aggregate.site_by_agency(articles, NAMES)
    spec = charts.site_agency_heatmap(pairs, [NAMES["bss"]], ["KCNA", "AFP"]).to_dict()
    assert_styled(spec)
    data = rows(spec)[0]
    assert {(row["site"], row["label"]) for row in data} == {(NAMES["bss"], "KCNA"), (NAMES["bss"], "AFP")}


def test_timeline_chart_stacks_buckets_with_a_brush(articles):
    counts = aggregate.timeline_counts(articles, NAMES, "M")
    spec = charts.timeline_chart(counts, "M").to_dict()
    assert_styled(spec)
    data = rows(spec)[0]
    assert len(data) == len(counts) == 4, "one row per (bucket, outlet, basis), not per article"
    assert {row["bucket"] for row in data} == {"2022-08-01", "2024-03-01", "2025-08-01", "2025-10-01"}
    assert all(row["top"] - row["base"] == row["articles"] for row in data)
    assert spec["params"][0]["name"] == charts.BRUSH
    assert spec["params"][0]["select"] == {"type": "interval", "encodings": ["x"]}
    encoding = spec["encoding"]
    # A stroke legend switched off would also hide the merged outlet colour legend.
    assert all(encoding[channel].get("legend", {}) is not None for channel in ("color", "stroke"))
    assert encoding["fillOpacity"]["scale"]["domain"] == [aggregate.EXPLICIT, aggregate.INFERRED]
    assert encoding["strokeDash"]["scale"]["range"][1] != [1, 0], "inferred bars have a dashed outline"


def test_page_date_chart_marks_inferred_dates(articles):
    pairs = aggregate.page_vs_published(articles, NAMES)
    spec = charts.page_vs_published_chart(pairs).to_dict()
    assert_styled(spec)
    points = max(rows(spec), key=len)
    assert len(points) == 3
    shapes = spec["layer"][1]["encoding"]["shape"]["scale"]
    assert dict(zip(shapes["domain"], shapes["range"]))[aggregate.INFERRED] == "triangle-up"
