"""Overview page: what is in the corpus, how well it parsed, and the articles table."""
from __future__ import annotations

from functools import partial

import streamlit as st

from components.export import rows_as, to_csv_bytes, to_parquet_bytes
from components.filters import set_aside, site_keys
from components.state import current

TABLE_ROWS = 1_000  # rows sent to each browser: a larger table costs every session its transfer and drawing

view = current()
articles = view.articles
corpus = view.corpus

st.title("Khobor Lens")
st.caption(f"Corpus: {view.origin} · {len(corpus.articles):,} articles parsed, {len(corpus.errors):,} files refused")

dated = articles["published"].dropna()
known_outlets = articles["outlet"].nunique()
unknown_sites = site_keys(articles[articles["outlet"].isna()]).nunique()
columns = st.columns([1, 1, 1, 2, 1])
columns[0].metric("Articles", f"{len(articles):,}")
columns[1].metric("Outlets", known_outlets, help=f"plus {unknown_sites} site(s) the outlet list does not know, by web address (or page template)")
columns[2].metric("Dated", f"{len(dated):,}", help="articles with a full publish date; the rest are undated or partial")
columns[3].metric("Date span", f"{dated.min():%b %Y} – {dated.max():%b %Y}" if len(dated) else "—")
columns[4].metric("Boilerplate lines", f"{articles['n_boilerplate_lines'].sum() / max(articles['n_lines'].sum(), 1):.0%}",
                  help="share of non-blank lines that are page furniture (menus, lists, bylines, footers …)")

listings = set_aside(corpus.articles)
if listings and not view.filters.include_listings:
    st.info(f"{listings:,} page(s) list other stories (latest news, archive, section or home pages) and are set "
            "aside from the counts, charts and this table. Switch on **Include listing pages** in the sidebar to "
            "show them.", icon=":material/filter_alt:")

if len(corpus.errors):
    with st.expander(f"{len(corpus.errors)} file(s) could not be read", expanded=len(corpus.errors) <= 10):
        st.dataframe(corpus.errors[["article_id", "error"]], hide_index=True, width="stretch",
                     column_config={"article_id": "File", "error": "Why"})

st.subheader("Articles")
st.caption("Select a row to open it in the Reader." + (
    f" The table lists the first {TABLE_ROWS:,} of {len(articles):,} articles: narrow them with the sidebar, "
    "or download them all below." if len(articles) > TABLE_ROWS else ""))
table = articles[["article_id", "label", "outlet_name_en", "published_iso", "published_basis",
                  "attributions", "n_body_lines", "boilerplate_share"]].head(TABLE_ROWS).reset_index(drop=True)
# Say what is missing instead of showing "None".
table = table.assign(outlet_name_en=table["outlet_name_en"].fillna("unknown"),
                     published_iso=table["published_iso"].fillna("undated"),
                     published_basis=table["published_basis"].fillna(""))
event = st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="overview_table",
    column_config={
        "article_id": "File",
        "label": st.column_config.TextColumn("Title", width="large"),
        "outlet_name_en": "Outlet",
        "published_iso": "Published",
        "published_basis": "Date from",
        "attributions": st.column_config.ListColumn("Cites"),
        "n_body_lines": st.column_config.NumberColumn("Body lines"),
        "boilerplate_share": st.column_config.ProgressColumn("Boilerplate", format="percent", min_value=0, max_value=1),
    },
)
if event.selection.rows:
    st.switch_page("components/pages/reader.py", query_params={"article": table.loc[event.selection.rows[0], "article_id"]})

left, right, _ = st.columns([1, 1, 2])
# Callables: the files are built only when someone clicks, not on every rerun. Streamlit keeps them
# with the session, so they hold the shared corpus and the filtered rows' index, not a copy of the
# rows (a lambda here would hold this page's whole namespace).
left.download_button("Download CSV", partial(rows_as, to_csv_bytes, corpus.articles, articles.index),
                     "khobor-lens-articles.csv", "text/csv", key="overview_csv", on_click="ignore",
                     icon=":material/download:")
right.download_button("Download Parquet", partial(rows_as, to_parquet_bytes, corpus.articles, articles.index),
                      "khobor-lens-articles.parquet", "application/vnd.apache.parquet", key="overview_parquet",
                      on_click="ignore", icon=":material/download:")
