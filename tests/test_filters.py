"""Sidebar filter logic on a small hand-made articles table."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pandas as pd

from components.filters import Filters, apply_filters, set_aside, site_keys, site_label
from components.sidebar import filter_options
from loaders.arrow_ops import isin


def articles() -> pd.DataFrame:
    published = pd.to_datetime(["2024-03-28T21:30", "2025-08-13", None, "2022-08-15"], format="ISO8601").tz_localize("Asia/Dhaka")
    return pd.DataFrame({
        "article_id": ["a", "b", "c", "d"],
        "outlet": ["banglanews24", "bss", None, None],
        "site_host": ["banglanews24.com", None, None, None],
        "fingerprint": ["f1", "f2", "f3", "f3"],
        "published": published,
        "attributions": [["tass"], ["bss", "afp"], ["kcna"], []],
        "title": ["পুতিনের সফর", "ফোনালাপ", None, "Putin letter"],
        "body": ["রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন", "কিম জং উন", "শোইগু পিয়ংইয়ং সফর", "উত্তর কোরিয়া"],
        "page_kind": ["article"] * 4,
    })


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["article_id"].tolist()


def test_no_filters_keep_everything():
    assert ids(apply_filters(articles(), Filters())) == ["a", "b", "c", "d"]


def test_listing_pages_are_set_aside_unless_switched_on():
    table = articles().assign(page_kind=["article", "listing", "article", "listing"])
    assert ids(apply_filters(table, Filters())) == ["a", "c"]
    assert ids(apply_filters(table, Filters(include_listings=True))) == ["a", "b", "c", "d"]
    assert set_aside(table) == 2 and set_aside(articles()) == 0


def test_filtered_rows_leave_the_page_text_to_the_corpus():
    table = articles().assign(source=["page a", "page b", "page c", "page d"])
    kept = apply_filters(table, Filters(query="PUTIN"))
    assert ids(kept) == ["d"] and "source" not in kept.columns and "body" not in kept.columns


def test_date_range_keeps_undated_unless_told_not_to():
    window = Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2025, 12, 31))
    assert ids(apply_filters(articles(), window)) == ["a", "b", "c"]
    assert ids(apply_filters(articles(), Filters(date_from=dt.date(2024, 1, 1), include_undated=False))) == ["a", "b"]


def test_sites_group_unknown_outlets_by_fingerprint():
    keys = site_keys(articles()).tolist()
    assert keys == ["banglanews24", "bss", "site:f3", "site:f3"]
    assert ids(apply_filters(articles(), Filters(sites=("site:f3",)))) == ["c", "d"]
    assert site_label("site:f3abcdef01", {}) == "Unknown site f3abcd"
    assert site_label("bss", {"bss": "BSS"}) == "BSS"


def test_sites_the_outlet_list_does_not_know_go_by_their_web_address():
    table = articles().assign(site_host=["banglanews24.com", None, "notunkhobor24.com", None])
    assert site_keys(table).tolist() == ["banglanews24", "bss", "site:notunkhobor24.com", "site:f3"]
    assert ids(apply_filters(table, Filters(sites=("site:notunkhobor24.com",)))) == ["c"]
    assert site_label("site:notunkhobor24.com", {}) == "notunkhobor24.com"


def test_agencies_and_entity():
    assert ids(apply_filters(articles(), Filters(agencies=("afp", "kcna")))) == ["b", "c"]
    assert ids(apply_filters(articles(), Filters(entity="putin"), entity_articles={"a", "d"})) == ["a", "d"]
    assert ids(apply_filters(articles(), Filters(entity="nobody"), entity_articles=set())) == []


def test_search_matches_bengali_in_any_normal_form_and_english_any_case():
    decomposed = unicodedata.normalize("NFD", "পিয়ংইয়ং")
    assert ids(apply_filters(articles(), Filters(query=decomposed))) == ["c"]
    assert ids(apply_filters(articles(), Filters(query="PUTIN"))) == ["d"]
    assert ids(apply_filters(articles(), Filters(query="  "))) == ["a", "b", "c", "d"]


def test_entity_articles_counts_body_mentions_only():
    from components.filters import entity_articles

    mentions = pd.DataFrame({"article_id": ["a", "b", "c"], "entity_id": ["putin", "putin", "kim"],
                             "in_body": [True, False, True]})
    assert entity_articles(mentions, "putin") == {"a"}
    assert entity_articles(mentions, None) == set()


def test_filter_options_offer_the_corpus_dates_sites_and_agencies():
    table = articles().assign(outlet_name_en=["Banglanews24.com", "BSS", None, None],
                              outlet_name_bn=["বাংলানিউজ", "বাসস", None, None])
    options = filter_options(table)
    assert options.dates == (dt.date(2022, 8, 15), dt.date(2025, 8, 13))
    assert options.sites == ("banglanews24", "bss", "site:f3"), "by label: Banglanews24, BSS, Unknown site"
    assert set(options.agencies) == {"tass", "bss", "afp", "kcna"}
    assert options.names["bss"] == "BSS (বাসস)"
    assert filter_options(table.assign(published=pd.NaT)).dates is None


def test_isin_takes_columns_indexes_arrays_and_sets():
    column = pd.Series(["a", "b", None, "c"], dtype="str")
    wanted = pd.Series(["c", "a", "a"], dtype="str")
    expected = [True, False, False, True]
    for values in (wanted, pd.Index(wanted), wanted.unique(), wanted.to_numpy(dtype=object), {"a", "c"}, iter(["a", "c"])):
        assert isin(column, values).tolist() == expected, type(values)
