"""The shared sidebar: corpus choice and the filters every page applies."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import available_timezones

import pandas as pd
import streamlit as st

from components.aggregate import agency_label
from components.filters import Filters, site_keys, site_label
from components.entity_view import entity_title
from components.escaping import markdown_literal
from loaders import ReadOptions
from loaders.readers.dataset import DEFAULT_ZONE


def site_names(articles: pd.DataFrame) -> dict[str, str]:
    """Outlet id -> 'English name (বাংলা নাম)' for the outlets in the corpus."""
    first = articles["outlet"].notna() & ~articles["outlet"].duplicated()
    names = {}
    for outlet, en, bn in articles.loc[first, ["outlet", "outlet_name_en", "outlet_name_bn"]].dropna().itertuples(index=False):
        names[outlet] = f"{en} ({bn})" if bn and bn != en else en
    return names


UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "mhtml", "csv", "tsv", "json", "jsonl", "ndjson", "gz", "zip", "tar", "tgz"]
AUTOMATIC = "(found by name)"
ROLE_LABELS = {"body": "Article text", "title": "Headline", "published": "Published date", "updated": "Updated date",
               "outlet": "Outlet", "url": "URL", "author": "Author"}
ZONES = sorted(available_timezones())


def corpus_uploader():
    """Uploaded files of this browser session (empty list when none)."""
    return st.sidebar.file_uploader(
        "Upload pages or datasets", type=UPLOAD_TYPES, accept_multiple_files=True, key="sidebar_uploads",
        help="Page dumps (.txt), saved pages (.html, .mhtml), scraper exports (.csv, .tsv, .json, .jsonl, "
             "optionally .gz) or archives of them (.zip, .tar.gz). Only you see what you upload; "
             "it is not saved on the server.",
    ) or []


UPLOAD_ERRORS_SHOWN = 20  # the Overview page lists them all


def upload_errors(errors: pd.DataFrame) -> None:
    """The uploads' error rows (file or record, and why) under the upload box; every other upload still loads."""
    if errors.empty:
        return
    with st.sidebar.expander(f"{len(errors):,} uploaded file(s) or record(s) could not be read",
                             icon=":material/error:", expanded=len(errors) <= 5):
        for article_id, error in errors[["article_id", "error"]].head(UPLOAD_ERRORS_SHOWN).itertuples(index=False):
            st.caption(f"**{markdown_literal(article_id)}**: {markdown_literal(error)}")
        if len(errors) > UPLOAD_ERRORS_SHOWN:
            st.caption(f"… and {len(errors) - UPLOAD_ERRORS_SHOWN:,} more, listed on the Overview page.")


def dataset_options(columns: list[str]) -> ReadOptions:
    """Which column is which, and the zone of dates without one, for uploaded datasets (shown only when there are any)."""
    if not columns:
        return ReadOptions()
    with st.sidebar.expander("Dataset columns", expanded=False):
        st.caption("Columns are found by name (Headline, Article Body, Date Published, paper_name …); "
                   "pick one here where that guess is wrong.")
        mapping = []
        for role, label in ROLE_LABELS.items():
            choice = st.selectbox(label, [AUTOMATIC, *columns], key=f"upload_role_{role}")
            if choice != AUTOMATIC:
                mapping.append((role, choice))
        zone = st.selectbox("Dates without a time zone are in", ZONES, index=ZONES.index(DEFAULT_ZONE),
                            key="upload_zone")
    return ReadOptions(tuple(sorted(mapping)), zone)


EDITOR_NAME = "editor_name"          # the name, kept while pages that do not draw the box are open
_EDITOR_WIDGET = "sidebar_editor_name"


def editor_name() -> str | None:
    """The optional name the user gives for the corrections they save (None when blank)."""
    if _EDITOR_WIDGET not in st.session_state:
        st.session_state[_EDITOR_WIDGET] = st.session_state.get(EDITOR_NAME, "")
    st.sidebar.text_input("Your name (optional)", key=_EDITOR_WIDGET, max_chars=80,
                          on_change=lambda: st.session_state.update({EDITOR_NAME: st.session_state[_EDITOR_WIDGET]}),
                          help="Stored with the entity corrections you save, so colleagues can see who changed what.")
    return st.session_state[_EDITOR_WIDGET].strip() or None


ENTITY_CHOICES = 500  # the most mentioned entities offered in the sidebar picker


@dataclass(frozen=True)
class FilterOptions:
    """What the filter widgets offer for one corpus; worked out once per corpus, not on every rerun
    (listing the cited agencies of 100,000 articles alone takes 0.1 s)."""

    names: dict[str, str]                  # outlet id -> display name, see site_names
    dates: tuple[dt.date, dt.date] | None  # first and last publish day, None when nothing is dated
    sites: tuple[str, ...]                 # site keys, by label
    agencies: tuple[str, ...]              # cited agency ids, by label


def filter_options(articles: pd.DataFrame) -> FilterOptions:
    """The choices the sidebar filters offer for the corpus ``articles``."""
    names = site_names(articles)
    dated = articles["published"].dropna()
    dates = (dated.min().date(), dated.max().date()) if len(dated) else None
    sites = sorted(site_keys(articles).unique(), key=lambda key: site_label(key, names).casefold())
    agencies = sorted(articles["attributions"].explode().dropna().unique(), key=lambda a: agency_label(a).casefold())
    return FilterOptions(names, dates, tuple(sites), tuple(agencies))


def filters(options: FilterOptions, entities: pd.DataFrame) -> Filters:
    """Draw the filter widgets and return what they say."""
    bar = st.sidebar
    bar.header("Filters")
    date_from = date_to = None
    if options.dates:
        low, high = options.dates
        chosen = bar.date_input("Published between", value=(low, high), min_value=low, max_value=high,
                                key="filter_dates", format="YYYY-MM-DD")
        if isinstance(chosen, (list, tuple)) and len(chosen) == 2:
            date_from, date_to = chosen
    include_undated = bar.toggle("Include undated articles", value=True, key="filter_undated",
                                 help="Articles whose page gives no full publish date (e.g. '13 Sep', year unknown).")
    include_listings = bar.toggle("Include listing pages", value=False, key="filter_listings",
                                  help="Latest-news, archive, section and home pages: they list other stories, so "
                                       "they stay out of the counts and charts unless switched on here.")
    chosen_sites = bar.multiselect("Outlets", options.sites, format_func=lambda key: site_label(key, options.names),
                                   key="filter_sites", placeholder="All outlets")
    chosen_agencies = bar.multiselect("Cited agencies", options.agencies, format_func=agency_label,
                                      key="filter_agencies", placeholder="Any source")
    ranked = entities[entities["mentions"] > 0].head(ENTITY_CHOICES)
    labels = {entity_id: entity_title(name, label, kind)
              for entity_id, name, label, kind in ranked[["entity_id", "name_bn", "label_en", "type"]].itertuples(index=False)}
    entity = bar.selectbox("Mentions entity", list(labels), index=None, format_func=labels.get, key="filter_entity",
                           placeholder="Any entity", help="Articles whose body (not its link lists) names the entity.")
    query = bar.text_input("Search the clean text", key="filter_query", placeholder="পুতিন, Reuters …")
    return Filters(date_from=date_from, date_to=date_to, sites=tuple(chosen_sites), agencies=tuple(chosen_agencies),
                   entity=entity, query=query, include_undated=include_undated, include_listings=include_listings)
