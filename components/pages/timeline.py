"""Timeline page: articles per day, week or month, a brush that filters the page, undated apart."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import aggregate, charts
from components.filters import rows_where
from components.state import current

TABLE_ROW_PX = 35  # height of one st.dataframe row
TABLE_ROWS = 1_000  # newest articles listed (100,000 rows take 0.4 s to send on every rerun)

view = current()
articles = view.articles


def table_height(rows: int) -> int:
    """Pixels for a table of ``rows`` rows, up to about ten rows (then it scrolls)."""
    return TABLE_ROW_PX * (min(rows, 10) + 1) + 3


st.title("Timeline")
st.caption("Articles by published date in Asia/Dhaka time, coloured by outlet. Faded bars with a dashed outline are "
           "inferred dates (worked out from the page, e.g. “গতকাল সোমবার”), not stated ones. Drag across the chart "
           "to narrow the rest of the page to a period.")
if articles.empty:
    st.info("No articles match the sidebar filters.")
    st.stop()

dated = rows_where(articles, articles["published"].notna())
inferred = aggregate.is_inferred(dated["published_basis"])
undated = aggregate.undated_summary(articles)
partial = int(undated.loc[undated["partial"].notna(), "articles"].sum())

controls = st.columns([2, 3])
freqs = list(aggregate.FREQS)
freq = controls[0].radio("Bars per", freqs, index=freqs.index(aggregate.default_freq(dated["published"])),
                         format_func=aggregate.FREQS.get, horizontal=True, key="timeline_freq")
compare = controls[1].toggle("Show page date against published date", key="timeline_page_vs_published",
                             help="The date in the site's page header (the day the page was shown or saved) "
                                  "plotted against the article's own published date.")

columns = st.columns(4)
columns[0].metric("Dated articles", f"{len(dated):,}")
columns[1].metric("Inferred dates", f"{int(inferred.sum()):,}", help="dates worked out from the page rather than stated")
columns[2].metric("Partial dates", f"{partial:,}", help="day and month known, year not: never placed on the timeline")
columns[3].metric("Undated", f"{len(articles) - len(dated) - partial:,}", help="no publish date found on the page")

outlets = aggregate.per_site(articles, view.site_names)
ranking = outlets["site"].tolist()
in_range, brushed = articles, False
if dated.empty:
    st.info("None of these articles has a full publish date, so there is nothing to place on a timeline.")
else:
    counts = aggregate.timeline_counts(articles, view.site_names, freq)
    event = st.altair_chart(charts.timeline_chart(counts, freq, ranking), on_select="rerun",
                            selection_mode=charts.BRUSH, key="timeline_chart")
    bounds = aggregate.brush_bounds((event or {}).get("selection", {}).get(charts.BRUSH))
    if bounds:
        in_range, brushed = dated[aggregate.in_buckets(dated, freq, *bounds)], True
        starts = aggregate.bucket_starts(in_range["published"], freq)
        if in_range.empty:
            st.warning("No articles in the selected range. Click the chart outside the grey band to clear it.")
        else:
            first = starts.min()
            last = aggregate.bucket_ends(starts, freq).max() - pd.Timedelta(days=1)
            noun = "article" if len(in_range) == 1 else "articles"
            st.success(f"**{len(in_range):,} {noun}** in the selected range, {first:%d %b %Y} – {last:%d %b %Y} "
                       f"(whole {aggregate.FREQS[freq].lower()}s). Click the chart outside the grey band to clear "
                       "the selection.", icon=":material/filter_alt:")
    else:
        st.caption(f"{len(dated):,} dated articles shown. Drag across the chart to select a period.")

if compare:
    st.subheader("Page date against published date")
    pairs = aggregate.page_vs_published(in_range, view.site_names)
    if pairs.empty:
        st.info("None of these articles has both a page date and a full published date.")
    else:
        st.altair_chart(charts.page_vs_published_chart(pairs, ranking), key="timeline_page_chart")
        left, right = st.columns([1, 2], gap="large")
        left.dataframe(aggregate.lag_summary(pairs), hide_index=True, width="stretch", key="timeline_lags",
                       column_config={"relation": "Page date is …", "articles": st.column_config.NumberColumn("Articles")})
        right.caption("The page date is the date in the site's header (the day the page was shown or saved). Marks "
                      "on the dashed diagonal were shown on the day they were published, marks above it later; "
                      "triangles involve an inferred date (e.g. a page date read off its newest listed story).")

if len(in_range):
    st.subheader("Outlets in range" if brushed else "Outlets")
    st.altair_chart(charts.sites_chart(aggregate.per_site(in_range, view.site_names) if brushed else outlets, ranking),
                    key="timeline_sites_chart")
    st.subheader("Articles in range" if brushed else "Articles")
    newest = aggregate.newest(in_range, TABLE_ROWS)
    if len(in_range) > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} newest of {len(in_range):,} articles: drag across the chart, or use the "
                   "sidebar filters, to list the others. Select a row to open it in the Reader.")
    else:
        st.caption("Select a row to open it in the Reader.")
    table = newest[["label", "article_id"]].assign(
        site=aggregate.site_column(newest, view.site_names)["site"], when=aggregate.published_text(newest))
    table = table[["label", "site", "when", "article_id"]].reset_index(drop=True)
    picked = st.dataframe(table, hide_index=True, width="stretch", height=table_height(len(table)),
                          on_select="rerun", selection_mode="single-row", key="timeline_table",
                          column_order=["label", "site", "when"], column_config={
                              "label": st.column_config.TextColumn("Title", width="large"),
                              "site": "Outlet",
                              "when": "Published",
                          })
    if picked.selection.rows:
        st.switch_page("components/pages/reader.py",
                       query_params={"article": table.loc[picked.selection.rows[0], "article_id"]})

st.subheader("Without a full date")
if undated.empty:
    st.caption("Every article has a full publish date.")
else:
    st.caption("Kept off the timeline rather than placed on a guessed date. The date filter in the sidebar "
               "keeps them unless “Include undated articles” is off.")
    st.dataframe(undated[["when", "articles"]], hide_index=True, key="timeline_undated", column_config={
        "when": st.column_config.TextColumn("Known date"), "articles": st.column_config.NumberColumn("Articles")})
