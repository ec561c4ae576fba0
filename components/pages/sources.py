"""Sources page: articles per outlet, cited agencies, outlet × agency, originality, desks, boilerplate share."""
from __future__ import annotations

import streamlit as st

from components import aggregate, charts
from components.state import current

TOP_AGENCIES = 20        # bars in the agencies chart
HEATMAP_AGENCIES = 12    # heatmap columns shown before the user asks for more
HEATMAP_SITES = 30       # heatmap rows

view = current()
articles = view.articles

st.title("Sources")
st.caption("Who published the filtered articles and whom they cite. Pages of a site the outlet list does not know "
           "are shown by their web address, or, when the page gives none, grouped by page template (“Unknown site …”).")
if articles.empty:
    st.info("No articles match the sidebar filters.")
    st.stop()

sites = aggregate.per_site(articles, view.site_names)
cited = aggregate.citations(articles)  # shared by the agency counts and the heatmap
agencies = aggregate.agency_counts(articles, cited)
ranking = sites["site"].tolist()
citing = cited.index.nunique()

columns = st.columns(5)
columns[0].metric("Articles", f"{len(articles):,}")
columns[1].metric("Named outlets", int(sites["named"].sum()))
columns[2].metric("Unknown sites", int((~sites["named"]).sum()),
                  help="sites the outlet list does not know: one per web address, or per page template without one")
columns[3].metric("Agencies cited", len(agencies), help="agencies and foreign media named as a source (or their domains)")
columns[4].metric("Articles citing one", f"{citing / len(articles):.0%}", help=f"{citing:,} articles cite at least one agency")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Articles per outlet")
    st.altair_chart(charts.sites_chart(sites, ranking), key="sources_sites_chart")
    if len(sites) > charts.TOP_SITES:
        st.caption(f"Top {charts.TOP_SITES} of {len(sites)} sites.")
with right:
    st.subheader("Cited agencies")
    if agencies.empty:
        st.info("None of these articles cites an agency.")
    else:
        st.altair_chart(charts.agencies_chart(agencies, top=TOP_AGENCIES), key="sources_agencies_chart")
        if len(agencies) > TOP_AGENCIES:
            st.caption(f"Top {TOP_AGENCIES} of {len(agencies)} agencies; the heatmap below can show more.")

unknown = aggregate.unknown_sites(articles, view.site_names)
if len(unknown):
    with st.expander(f"Unknown sites: {len(unknown)} page template(s) of sites the outlet list does not know"):
        st.caption("No outlet of the list publishes these pages: they are grouped by web address when the page gives "
                   "one, else by the fingerprint of their template (the furniture lines they share). One row per "
                   "site and template, with one of its headlines.")
        st.dataframe(unknown, hide_index=True, width="stretch", key="sources_unknown", column_config={
            "site": "Site", "fingerprint": "Template fingerprint", "articles": st.column_config.NumberColumn("Articles"),
            "example": st.column_config.TextColumn("Example headline", width="large"),
        })

st.subheader("Outlet × agency")
if agencies.empty:
    st.info("No citations to cross with outlets.")
else:
    shown = HEATMAP_AGENCIES
    if len(agencies) > HEATMAP_AGENCIES:
        slider, _ = st.columns([1, 2])
        shown = slider.slider("Agencies shown", HEATMAP_AGENCIES, min(40, len(agencies)), HEATMAP_AGENCIES,
                              key="sources_heatmap_agencies")
    pairs = aggregate.site_by_agency(articles, view.site_names, cited)
    citing_sites = [site for site in ranking if site in set(pairs["site"])][:HEATMAP_SITES]
    st.altair_chart(charts.site_agency_heatmap(pairs, citing_sites, agencies["label"].head(shown).tolist()),
                    key="sources_heatmap")
    st.caption("Articles of each outlet that cite each agency (an article citing two agencies counts in both). "
               "Outlets whose articles cite no agency are left out.")

st.subheader("Originality")
original = aggregate.originality(articles, view.corpus.reuse, view.corpus.articles, view.site_names)
if not original["copies"].any():
    st.info("None of these articles republishes another's text (as far as the dates or a credited agency say).")
else:
    st.dataframe(original, hide_index=True, width="stretch", key="sources_originality", column_config={
        "site": "Outlet", "articles": st.column_config.NumberColumn("Articles"),
        "copies": st.column_config.NumberColumn("Republished copies"),
        "share": st.column_config.ProgressColumn("Share republished", format="percent", min_value=0, max_value=1),
        "sources": st.column_config.TextColumn("Copied from", width="large"),
    })
    st.caption("An article is a republished copy when at least 40% of its body is found in an earlier article "
               "(or in the credited agency's own); the Stories page shows the pairs and the shared passages.")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Boilerplate share per outlet")
    st.altair_chart(charts.boilerplate_chart(aggregate.boilerplate_by_site(articles, view.site_names), ranking),
                    key="sources_boilerplate_chart")
    st.caption("Share of non-blank lines that are page furniture (menus, link lists, bylines, footers …), "
               "pooled over each outlet's articles.")
with right:
    st.subheader("Desks")
    desks = aggregate.desk_counts(articles, view.site_names)
    if desks.empty:
        st.info("No desk lines (e.g. আন্তর্জাতিক ডেস্ক) in these articles.")
    else:
        st.dataframe(desks, hide_index=True, width="stretch", key="sources_desks", column_config={
            "desk": st.column_config.TextColumn("Desk", width="small"),
            "articles": st.column_config.NumberColumn("Articles", width="small"),
            "sites": st.column_config.TextColumn("Outlets", width="large"),
        })
