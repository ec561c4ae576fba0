"""Overview page: what is in the corpus and how well it parsed."""
from __future__ import annotations

import streamlit as st

from components.state import current

view = current()
articles = view.articles

st.title("Khobor Lens")
st.caption(f"Corpus: {view.origin}")

dated = articles["published"].dropna()
left, middle, right, last = st.columns(4)
left.metric("Articles", len(articles))
middle.metric("Outlets", articles["outlet"].nunique())
right.metric("Date span", f"{dated.min():%b %Y} – {dated.max():%b %Y}" if len(dated) else "—")
last.metric("Boilerplate lines", f"{articles['n_boilerplate_lines'].sum() / max(articles['n_lines'].sum(), 1):.0%}")

if len(view.corpus.errors):
    with st.expander(f"{len(view.corpus.errors)} file(s) could not be read", expanded=True):
        st.dataframe(view.corpus.errors[["article_id", "error"]], hide_index=True, width="stretch")

st.dataframe(
    articles[["article_id", "label", "outlet_name_en", "published_iso", "published_basis", "attributions", "n_body_lines"]],
    hide_index=True,
    width="stretch",
    column_config={
        "article_id": "File",
        "label": st.column_config.TextColumn("Title", width="large"),
        "outlet_name_en": "Outlet",
        "published_iso": "Published",
        "published_basis": "Date basis",
        "attributions": st.column_config.ListColumn("Cites"),
        "n_body_lines": st.column_config.NumberColumn("Body lines"),
    },
)
