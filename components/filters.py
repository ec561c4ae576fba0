"""Sidebar filters as pure functions: a frozen spec in, a subset of the articles table out.

Kept free of Streamlit calls so the logic is unit-tested directly.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from loaders.arrow_ops import contains, isin
from loaders.textnorm import clean

UNKNOWN_SITE_PREFIX = "site:"


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the corpus to; the defaults keep every article."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sites: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    entity: str | None = None
    query: str = ""
    include_undated: bool = True
    include_listings: bool = False  # latest-news, archive, section and home pages (page_kind "listing")


SITE_COLUMNS = ["outlet", "site_host", "fingerprint"]  # the columns site_keys reads


def site_keys(articles: pd.DataFrame) -> pd.Series:
    """Outlet id; for a site the outlet list does not know, ``site:<host>`` when the page gives its
    web address (canonical link, og:url, a URL column), else ``site:<fingerprint>`` of its template."""
    unlisted = articles["site_host"].fillna(articles["fingerprint"].astype(str))
    return articles["outlet"].fillna(UNKNOWN_SITE_PREFIX + unlisted).astype(str)


def site_label(key: str, names: dict[str, str]) -> str:
    """Display label of a site key: the outlet's name, the web address of a site the outlet list
    does not know (hosts have dots, template fingerprints none), or 'Unknown site ab12…'."""
    if key.startswith(UNKNOWN_SITE_PREFIX):
        unlisted = key[len(UNKNOWN_SITE_PREFIX):]
        return unlisted if "." in unlisted else f"Unknown site {unlisted[:6]}"
    return names.get(key, key)


def apply_filters(articles: pd.DataFrame, filters: Filters, entity_articles: set[str] | None = None) -> pd.DataFrame:
    """Rows of ``articles`` that pass ``filters``, with every column but ``source`` and ``body`` (the
    page text and the article text: each session keeps its filtered rows, and pages that show text
    take it from the corpus).

    Dates compare the published day (Asia/Dhaka); articles without a full published date
    pass only when ``include_undated`` is on, whatever the range. Pages that list other
    stories (``page_kind`` other than "article") pass only when ``include_listings`` is on.
    ``entity_articles`` is
    the set of article ids whose body mentions ``filters.entity``.
    """
    keep = pd.Series(True, index=articles.index)
    if not filters.include_listings:
        keep &= ~listed(articles)
    published = articles["published"]
    day = (published.dt.tz_localize(None) if published.dt.tz is not None else published).dt.normalize()
    undated = published.isna()
    if filters.date_from:
        keep &= undated | (day >= pd.Timestamp(filters.date_from))
    if filters.date_to:
        keep &= undated | (day <= pd.Timestamp(filters.date_to))
    if not filters.include_undated:
        keep &= ~undated
    if filters.sites:
        keep &= isin(site_keys(articles), filters.sites)
    if filters.agencies:
        wanted = set(filters.agencies)
        keep &= articles["attributions"].map(lambda cited: bool(wanted.intersection(cited)))
    if filters.entity is not None:
        keep &= isin(articles["article_id"], entity_articles or set())
    query = clean(filters.query).strip()
    if query:
        keep &= contains(articles["title"], query) | contains(articles["body"], query)
    # The texts stay behind: they are most of the table's memory, and the Reader takes them from the corpus.
    return rows_where(articles.drop(columns=["source", "body"], errors="ignore"), keep)


def listed(articles: pd.DataFrame) -> pd.Series:
    """Whether each page lists other stories (a listing, archive, section or home page) rather than
    being an article; a table without ``page_kind`` holds articles only."""
    if "page_kind" not in articles:
        return pd.Series(False, index=articles.index)
    return articles["page_kind"].fillna("article").ne("article")


def set_aside(articles: pd.DataFrame) -> int:
    """How many pages of the corpus are not articles (listings, archives, section and home pages)."""
    return int(listed(articles).sum())


def rows_where(frame: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """``frame[mask]``, but ``frame`` itself when the mask keeps every row (no copy of 100,000 page texts)."""
    return frame if mask.all() else frame[mask]


def entity_articles(mentions: pd.DataFrame, entity_id: str | None) -> set[str]:
    """Ids of the articles whose body mentions ``entity_id`` (empty when no entity is chosen)."""
    if entity_id is None:
        return set()
    body = mentions[mentions["in_body"].astype(bool)]
    return set(body.loc[body["entity_id"] == entity_id, "article_id"])
