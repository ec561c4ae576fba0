"""Stories page: how each outlet covered one event, who published first, and who republished whose text.

Stories and republished text come from the loaders' stage after parsing (``corpus.stories``,
``corpus.reuse``; see ``loaders/stories.py``). Only stories of two or more filtered articles are
listed, most outlets first; ``/reader?article=A&compare=B`` opens a copy beside its source.
"""
from __future__ import annotations

from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st

from components import aggregate, charts
from components.escaping import markdown_literal
from components.filters import SITE_COLUMNS
from loaders.arrow_ops import isin
from components.state import current

TOP_STORIES = 200  # stories offered in the picker
HEADLINES_PER_OUTLET = 5  # the earliest of each outlet's articles in a story; the count says the rest
TIMELINE_POINTS = 400  # articles drawn one by one; a larger story is drawn as articles per outlet and day
COPIES_SHOWN = 1_000  # copies listed, most shared first

view = current()
corpus = view.corpus

st.title("Stories")
st.caption("Articles about the same event across outlets, within a few days, and the text they share. "
           "A copy's “shared” is the part of its body found in the source.")
members = view.articles[["article_id", "title", "label", "published", "published_iso", "published_precision", "published_basis",
                         "published_partial", *SITE_COLUMNS]].merge(corpus.stories, on="article_id")
members = members.assign(site=aggregate.site_column(members, view.site_names)["site"])
sizes = members.groupby("story_id").agg(articles=("article_id", "size"), outlets=("site", "nunique"),
                                        first=("published", "min"))
sizes = sizes[sizes["articles"] > 1]
if sizes.empty:
    st.info("No story of two or more articles among the filtered articles.")
    st.stop()
ranked = sizes.sort_values(["outlets", "articles", "first"], ascending=[False, False, True], kind="stable").head(TOP_STORIES)
labels = corpus.story_table.set_index("story_id")["label"].reindex(ranked.index).fillna("(no headline)")
# A dict's get, not a lambda: Streamlit keeps a widget's format_func with the session, and a lambda
# here would keep this page's whole namespace (the filtered rows) with it.
shown = {s: f"{labels[s]} · {ranked.at[s, 'outlets']} outlet(s), {ranked.at[s, 'articles']} articles" for s in ranked.index}
story_id = st.selectbox("Story", ranked.index.tolist(), key="stories_story", format_func=shown.get)
story = members[members["story_id"] == story_id].sort_values(["published", "article_id"], na_position="last")
story = story.assign(when=aggregate.published_text(story))
first = story.iloc[0]

columns = st.columns(3)
columns[0].metric("Articles", len(story))
columns[1].metric("Outlets", story["site"].nunique())
# The metric's large type fits an outlet's first name ("Prothom Alo"), not "Prothom Alo (প্রথম আলো)".
columns[2].metric("First published by", first["site"].split(" (")[0], help=markdown_literal(f"{first['site']}, {first['when']}"))

st.subheader("Timeline")
dated = story.dropna(subset=["published"])
if dated.empty:
    st.info("None of these articles is dated.")
else:
    points = dated.assign(at=dated["published"].dt.tz_localize(None))[["at", "site", "label", "when"]]
    encoding = {"tooltip": [alt.Tooltip("site:N", title="Outlet"), alt.Tooltip("when:N", title="Published"),
                            alt.Tooltip("label:N", title="Headline")]}
    if len(points) > TIMELINE_POINTS:
        st.caption(f"{len(points):,} dated articles: each circle is one outlet's articles of a day.")
        points = points.assign(at=points["at"].dt.normalize()).groupby(["at", "site"], as_index=False).size()
        encoding = {"size": alt.Size("size:Q", title="Articles"),
                    "tooltip": [alt.Tooltip("site:N", title="Outlet"), alt.Tooltip("at:T", title="Day"),
                                alt.Tooltip("size:Q", title="Articles")]}
    st.altair_chart(charts.styled(alt.Chart(points).mark_circle(size=120).encode(
        x=alt.X("at:T", title="Published (Dhaka time)"), y=alt.Y("site:N", title=None),
        color=alt.Color("site:N", scale=charts.site_colors(sorted(points["site"].unique())), legend=None),
        **encoding,
    ).properties(height=max(80, 34 * points["site"].nunique()))), key="stories_timeline")

st.subheader("Headlines")
outlets = list(dict.fromkeys(story["site"]))
for row_start in range(0, len(outlets), 3):
    for column, site in zip(st.columns(3), outlets[row_start : row_start + 3]):
        own = story[story["site"] == site]
        # One element per outlet, not one per headline: each element is a message to the browser and
        # a component it draws (a story of fifteen outlets drew over a hundred).
        # The label: an untitled page's opening words, not an empty link.
        column.markdown("\n\n".join([f"**{markdown_literal(site)}**", *(
            f"[{markdown_literal(item.label)}](reader?{urlencode({'article': item.article_id})})  \n"
            f"<small>{markdown_literal(item.when)}</small>" for item in own.head(HEADLINES_PER_OUTLET).itertuples())]),
            unsafe_allow_html=True)
        if len(own) > HEADLINES_PER_OUTLET:
            column.caption(f"and {len(own) - HEADLINES_PER_OUTLET:,} later article(s) of this outlet")

st.subheader("Republished text")
ids = story["article_id"]
copies = corpus.reuse[isin(corpus.reuse["article_id"], ids) & isin(corpus.reuse["source_id"], ids)]
if copies.empty:
    st.info("No article of this story repeats another's text.")
else:
    if len(copies) > COPIES_SHOWN:
        st.caption(f"The {COPIES_SHOWN:,} copies sharing most of {len(copies):,}.")
        copies = copies.nlargest(COPIES_SHOWN, "shared")
    site_of = dict(zip(story["article_id"], story["site"]))
    label_of = dict(zip(story["article_id"], story["label"]))
    table = pd.DataFrame({
        "copy": copies["article_id"].map(lambda a: f"{site_of[a]}: {label_of[a]}"),
        "source": copies["source_id"].map(lambda a: f"{site_of[a]}: {label_of[a]}"),
        "shared": copies["shared"],
        "basis": copies["basis"],
        "compare": [f"reader?{urlencode({'article': a, 'compare': b})}" for a, b in zip(copies["article_id"], copies["source_id"])],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="stories_reuse", column_config={
        "copy": st.column_config.TextColumn("Copy", width="large"),
        "source": st.column_config.TextColumn("Source (or the other, when the basis is unknown)", width="large"),
        "shared": st.column_config.ProgressColumn("Shared", format="percent", min_value=0.0, max_value=1.0),
        "basis": st.column_config.TextColumn("Who was first, by", help="published: earlier date; agency: the credited agency"),
        "compare": st.column_config.LinkColumn("Side by side", display_text="Open in the Reader"),
    })
