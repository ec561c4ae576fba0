"""Summary tables behind the Sources and Timeline pages, on the bundled sample and small frames."""
from __future__ import annotations

import pandas as pd
import pytest

from components import aggregate

BSS = "Bangladesh Sangbad Sangstha (বাসস)"
BANGLANEWS = "Banglanews24.com (বাংলানিউজটোয়েন্টিফোর.কম)"
NAMES = {"banglanews24": BANGLANEWS, "bss": BSS}


@pytest.fixture(scope="module")
def articles(sample_corpus):
    return sample_corpus.articles


def test_per_site_keeps_each_unnamed_template_apart(articles):
    sites = aggregate.per_site(articles, NAMES)
    assert sites["articles"].sum() == 5
    assert set(sites.loc[sites["named"], "site"]) == {BSS, BANGLANEWS}
    unknown = sites.loc[~sites["named"], "site"].tolist()
    assert len(unknown) == 3 and all(site.startswith("Unknown site ") for site in unknown)
    assert sites["share"].sum() == pytest.approx(1.0)


def test_unknown_sites_lists_fingerprints_with_a_headline(articles):
    unknown = aggregate.unknown_sites(articles, NAMES)
    assert list(unknown.columns) == ["site", "fingerprint", "articles", "example"]
    assert len(unknown) == 3
    for site, fingerprint in zip(unknown["site"], unknown["fingerprint"]):
        assert fingerprint.startswith(site.removeprefix("Unknown site "))
    row = unknown[unknown["fingerprint"] == articles.loc[articles["article_id"] == "001_3bfc753714e309ae.txt", "fingerprint"].item()]
    assert "কিমকে পুতিনের বার্তা" in row["example"].item()
    assert aggregate.unknown_sites(articles[articles["outlet"].notna()], NAMES).empty


def test_agency_counts_count_articles_not_mentions(articles):
    agencies = aggregate.agency_counts(articles).set_index("agency")
    assert agencies.loc["kcna", "articles"] == 3 and agencies.loc["kcna", "label"] == "KCNA"
    assert agencies.loc["tass", "label"] == "TASS"
    assert agencies["articles"].sum() == sum(len(cited) for cited in articles["attributions"])
    assert aggregate.agency_counts(articles).iloc[0]["agency"] == "kcna", "most cited first"


def test_site_by_agency_crosses_outlets_and_agencies(articles):
    pairs = aggregate.site_by_agency(articles, NAMES)
    assert set(pairs.loc[pairs["site"] == BSS, "label"]) == {"AFP", "BSS", "KCNA"}
    assert pairs.loc[pairs["site"] == BANGLANEWS, "label"].tolist() == ["TASS"]
    assert (pairs["articles"] > 0).all()


def test_desk_counts_name_the_outlets(articles):
    desks = aggregate.desk_counts(articles, NAMES)
    assert desks["desk"].tolist() == ["আন্তর্জাতিক ডেস্ক"]
    assert desks["articles"].item() == 2
    assert BANGLANEWS in desks["sites"].item()
    assert aggregate.desk_counts(articles[articles["desk"].isna()], NAMES).empty


def test_boilerplate_share_is_pooled_per_site(articles):
    shares = aggregate.boilerplate_by_site(articles, NAMES).set_index("site")
    row = articles[articles["outlet"] == "bss"].iloc[0]
    assert shares.loc[BSS, "share"] == pytest.approx(row["n_boilerplate_lines"] / row["n_lines"])
    assert shares["share"].is_monotonic_decreasing


def test_timeline_counts_leave_out_undated_and_mark_inferred(articles):
    for freq in aggregate.FREQS:
        counts = aggregate.timeline_counts(articles, NAMES, freq)
        assert counts["articles"].sum() == 4, "the partial-date article is never placed on a date"
        assert (counts["bucket_end"] > counts["bucket"]).all()
    months = aggregate.timeline_counts(articles, NAMES, "M")
    inferred = months[months["basis"] == aggregate.INFERRED]
    assert inferred["period"].tolist() == ["Oct 2025"] and inferred["articles"].item() == 1
    weeks = aggregate.timeline_counts(articles, NAMES, "W")
    assert (weeks["bucket"].dt.day_of_week == 0).all(), "weeks start on Monday"
    assert "Week of 25 Mar 2024" in set(weeks["period"])


def test_timeline_groups_sites_beyond_the_top_as_other(articles):
    counts = aggregate.timeline_counts(articles, NAMES, "M", top_sites=2)
    assert aggregate.OTHER_SITES in set(counts["site"])
    assert counts["site"].nunique() == 3
    assert aggregate.site_order(counts)[-1] == aggregate.OTHER_SITES


def test_buckets_use_dhaka_calendar_days():
    # 20:30 UTC on 31 March is 02:30 on 1 April in Dhaka.
    stamps = pd.Series(pd.to_datetime(["2024-03-31T20:30Z", "2024-04-03T10:00Z"])).dt.tz_convert("Asia/Dhaka")
    assert aggregate.bucket_starts(stamps, "D").tolist() == [pd.Timestamp("2024-04-01"), pd.Timestamp("2024-04-03")]
    assert aggregate.bucket_starts(stamps, "M").tolist() == [pd.Timestamp("2024-04-01")] * 2
    starts = aggregate.bucket_starts(stamps, "W")
    assert starts.tolist() == [pd.Timestamp("2024-04-01")] * 2
    assert aggregate.bucket_ends(starts, "W").tolist() == [pd.Timestamp("2024-04-08")] * 2
    assert aggregate.bucket_ends(pd.Series([pd.Timestamp("2024-02-01")]), "M").item() == pd.Timestamp("2024-03-01")
    with pytest.raises(ValueError):
        aggregate.bucket_starts(stamps, "Y")


def test_undated_articles_are_summarised_by_what_is_known(articles):
    undated = aggregate.undated_summary(articles)
    assert undated.to_dict("records") == [{"when": "13 Sep, year unknown", "partial": "--09-13", "articles": 1}]
    frame = pd.DataFrame({"published": [pd.NaT, pd.NaT, pd.NaT], "published_partial": ["--09", None, "--13-40"]})
    assert aggregate.undated_summary(frame)["when"].tolist() == ["Sep, year unknown", aggregate.NO_DATE]
    assert aggregate.undated_summary(frame)["articles"].tolist() == [1, 2]


def test_partial_text():
    assert aggregate.partial_text("--09-13") == "13 Sep, year unknown"
    assert aggregate.partial_text("--09") == "Sep, year unknown"
    for value in (None, float("nan"), "", "2024-09-13", "--13", "--xx"):
        assert aggregate.partial_text(value) is None


def test_page_date_against_published(articles):
    pairs = aggregate.page_vs_published(articles, NAMES)
    assert sorted(pairs["lag_days"]) == [1, 494, 610]
    assert pairs.loc[pairs["lag_days"] == 1, "basis"].item() == aggregate.INFERRED
    summary = aggregate.lag_summary(pairs).set_index("relation")["articles"]
    assert summary["page date 1 day later"] == 1 and summary["page date later by over a week"] == 2
    assert summary.sum() == len(pairs)


def test_brush_bounds_read_vega_payloads():
    march = [1709251200000, 1711843200000]          # 2024-03-01 and 2024-03-31, UTC milliseconds
    low, high = aggregate.brush_bounds({"bucket": march})
    assert (low, high) == (pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-31"))
    assert aggregate.brush_bounds({"bucket": list(reversed(march))}) == (low, high)
    assert aggregate.brush_bounds({"bucket": ["2024-03-01T00:00:00Z", "2024-03-31"]}) == (low, high)
    assert aggregate.brush_bounds(None) is None and aggregate.brush_bounds({}) is None


def test_in_buckets_takes_whole_bars(articles):
    dated = articles[articles["published"].notna()]
    # A brush touching the middle of March 2024 takes the whole month's bar.
    mask = aggregate.in_buckets(dated, "M", pd.Timestamp("2024-03-20"), pd.Timestamp("2024-03-21"))
    assert dated.loc[mask, "article_id"].tolist() == ["000_6e226a8acf7a7e9c.txt"]
    assert not aggregate.in_buckets(dated, "D", pd.Timestamp("2024-03-29"), pd.Timestamp("2024-04-30")).any()


def test_published_text_for_tables(articles):
    text = dict(zip(articles["article_id"], aggregate.published_text(articles)))
    assert text == {"000_6e226a8acf7a7e9c.txt": "28 Mar 2024, 21:30", "001_3bfc753714e309ae.txt": "28 Oct 2025 · inferred",
                    "002_7415ef057343b78a.txt": "13 Sep, year unknown", "003_2912fb69db994f90.txt": "15 Aug 2022, 11:30",
                    "004_ba2a176cc4aaac8d.txt": "13 Aug 2025, 13:21"}
    assert aggregate.format_date("2025-10-28T09:00", "day") == "28 Oct 2025"
    assert aggregate.format_date(None) == "" and aggregate.format_date("garbled") == "garbled"


def test_newest_lists_the_latest_first_and_the_undated_last():
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                          "published": pd.to_datetime([None, "2024-03-01", "2025-01-02", "2024-03-01"], utc=True)},
                         index=[10, 11, 12, 13])
    assert aggregate.newest(frame, 10)["article_id"].tolist() == ["c", "b", "d", "a"]
    assert aggregate.newest(frame, 2)["article_id"].tolist() == ["c", "b"]
    assert aggregate.newest(frame, 2).index.tolist() == [12, 11], "rows keep the corpus index"


def test_originality_counts_directed_copies_and_names_their_source():
    everyone = pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "b2", "c1"],
        "outlet": ["prothomalo", "prothomalo", "samakal", "samakal", None],
        "site_host": [None] * 5,
        "fingerprint": ["f1", "f1", "f2", "f2", "f3"],
        "attributions": [[], [], ["bss"], [], []],
    })
    reuse = pd.DataFrame({
        "article_id": ["b1", "b2", "a2", "c1"],
        "source_id": ["x9", "a1", "b2", "a1"],
        "shared": [0.9, 0.7, 0.5, 0.6],
        "passages": [[], [], [], []],
        "basis": ["agency", "published", "unknown", "published"],
    })
    names = {"prothomalo": "Prothom Alo", "samakal": "Samakal"}
    shown = everyone[everyone["article_id"] != "c1"]  # the filters leave out c1; its copy is not counted
    table = aggregate.originality(shown, reuse, everyone, names).set_index("site")
    assert table.loc["Samakal", ["articles", "copies", "share"]].tolist() == [2, 2, 1.0]
    assert table.loc["Samakal", "sources"] in ("BSS (1), Prothom Alo (1)", "Prothom Alo (1), BSS (1)")
    assert table.loc["Prothom Alo", ["copies", "share"]].tolist() == [0, 0.0]  # 'unknown' gives no direction
    assert table.index.tolist()[0] == "Samakal"
