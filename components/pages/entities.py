"""Entities page: who and what the filtered articles name, and one entity in depth.

``/entities?entity=<id>`` opens an entity directly (the Reader links its mentions here).
Counts use body lines only unless the furniture toggle is on; corrections made here are
saved beside the parse cache and apply on the next run without re-parsing.
"""
from __future__ import annotations

from html import escape

import streamlit as st

from components import entity_charts, entity_stats
from components.aggregate import FREQS, default_freq
from components.article_view import highlight
from components.entity_corrections import correction_panel, recent_corrections
from components.entity_view import entity_title
from components.escaping import markdown_literal
from components.html_style import CSS
from components.state import current
from loaders.arrow_ops import isin
from loaders.entities.evidence import is_self_mention

# Keyword in context: source, left context (right-aligned), the mention, right context.
KWIC_CSS = """<style>
.kl-kwic { display: grid; grid-template-columns: 11rem 1fr auto 1fr; column-gap: .4rem; row-gap: .25rem; align-items: baseline; }
.kl-kwic-src { font-size: .75rem; color: #6b7280; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kl-kwic-left { text-align: right; white-space: nowrap; overflow: hidden; direction: rtl; }
.kl-kwic-left > * { direction: ltr; unicode-bidi: embed; }
.kl-kwic-right { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kl-kwic-hit { white-space: nowrap; font-weight: 600; }
</style>"""

ARTICLE_ROWS = 200  # rows of the entity's article list sent to the browser
RANKING_NOTE = {
    "articles": "Ranked by the number of articles naming each entity, so a word repeated in one list-like "
                "article (results, horoscopes, tables) cannot outrank an entity covered in many.",
    "mentions": "Ranked by every mention; one long or list-like article can push a word up.",
}

view = current()
articles = view.articles

st.title("Entities")
st.caption("People, places and organisations named in the filtered articles. Found by the gazetteer (with English "
           "names) and a statistical tagger (names it was never told about); spellings and case endings "
           "(পুতিনের, পুতিনকে) count as one entity.")
if view.corrections_error:
    st.warning(f"Your entity corrections are not applied: {view.corrections_error} ({view.corrections_file}).")

controls = st.columns([3, 2, 2, 2])
types = controls[0].pills("Types", list(entity_stats.TYPE_NAMES), selection_mode="multi",
                          default=list(entity_stats.TYPE_NAMES), format_func=entity_stats.TYPE_NAMES.get,
                          key="entities_types")
by = controls[1].segmented_control("Rank by", ["articles", "mentions"], default="articles",
                                   format_func=str.capitalize, key="entities_by") or "articles"
top_n = controls[2].number_input("Show top", min_value=5, max_value=100, value=25, step=5, key="entities_top")
include_furniture = controls[3].toggle("Count boilerplate too", value=False, key="entities_furniture",
                                       help="Also count names in headline lists, menus and footers, not only in the article.")

in_filtered = view.mentions  # selected once for this run
mentions = entity_stats.counted(in_filtered, include_furniture)
top = entity_stats.top_entities(mentions, view.entities, tuple(types or ()), by, int(top_n))
if top.empty:
    st.info("No entity mentions in the filtered articles." if articles.size else "No articles match the sidebar filters.")
    st.stop()

chart_event = st.altair_chart(entity_charts.top_chart(top, by), on_select="rerun", key="entities_chart",
                              selection_mode=entity_charts.PICK)
st.caption(f"{len(mentions):,} mentions of {mentions['entity_id'].nunique():,} entities in {len(articles):,} articles. "
           + RANKING_NOTE[by] + " Click a bar, or pick below, to look at one entity.")
aside = entity_stats.set_aside(in_filtered, view.entities)
if not aside.empty:
    own = is_self_mention(aside["reason"])
    parts = {"outlet(s) naming themselves": int(own.sum()), "word(s) that are not names": int((~own).sum())}
    with st.expander("Not counted: " + ", ".join(f"{count} {what}" for what, count in parts.items() if count)):
        st.caption("An outlet's own name in its credits, bylines and self-references is not coverage. Words the "
                   "tagger took for names are set aside when the corpus shows they are common nouns or titles; "
                   "each row says what showed it.")
        st.dataframe(aside[["name", "type_name", "reason", "articles", "mentions"]], hide_index=True, width="stretch",
                     key="entities_aside", column_config={
                         "name": "Entity", "type_name": "Type", "reason": st.column_config.TextColumn("Why", width="large"),
                         "articles": st.column_config.NumberColumn("Articles"),
                         "mentions": st.column_config.NumberColumn("Mentions")})

names = view.entities.set_index("entity_id")
ranked = top["entity_id"].tolist()
picked_on_chart = chart_event.selection.get(entity_charts.PICK) if chart_event else None
if picked_on_chart:
    st.query_params["entity"] = picked_on_chart[0]["entity_id"]
wanted = st.query_params.get("entity")
choices = ranked + [wanted] if wanted in names.index and wanted not in ranked else ranked
# A dict's get, not a lambda: Streamlit keeps a widget's format_func with the session, and a lambda
# here would keep this page's whole namespace (the filtered rows and mentions) with it.
shown = {e: entity_stats.display_name(names.at[e, "name_bn"], names.at[e, "label_en"]) for e in choices}
entity_id = st.selectbox(
    "Entity", choices, index=choices.index(wanted) if wanted in choices else 0, key=f"entities_pick_{wanted}",
    format_func=shown.get,
)
st.query_params["entity"] = entity_id
entity = names.loc[entity_id]

st.header(markdown_literal(entity_stats.display_name(entity["name_bn"], entity["label_en"])))
mine = entity_stats.of_entity(mentions, entity_id)
figures = st.columns(4)
figures[0].metric("Mentions", f"{len(mine):,}")
figures[1].metric("Articles", f"{mine['article_id'].nunique():,}")
figures[2].metric("Type", entity_stats.TYPE_NAMES.get(entity["type"], entity["type"]))
figures[3].metric("Spellings", len(entity["surfaces"]))
st.caption("Seen as: " + " · ".join(markdown_literal(surface) for surface in entity["surfaces"])
           + f"  ·  id {markdown_literal(entity_id)}")
if mine.empty:
    st.info("This entity is not mentioned in the filtered articles' text (try the boilerplate toggle or the filters).")

left, right = st.columns(2)
with left:
    st.subheader("Over time")
    dates = articles.loc[isin(articles["article_id"], mine["article_id"]), "published"]
    freq = st.segmented_control("Per", list(FREQS), default=default_freq(dates), format_func=FREQS.get,
                                key=f"entities_freq_{entity_id}") or default_freq(dates)
    buckets, undated = entity_stats.over_time(mine, articles, freq)
    if buckets.empty:
        st.caption("None of its articles has a full publish date.")
    else:
        st.altair_chart(entity_charts.time_chart(buckets, freq), width="stretch")
    if undated:
        st.caption(f"{undated} article(s) mentioning it have no full publish date and are not on the chart.")
with right:
    st.subheader("Outlets covering it")
    covering = entity_stats.outlets(mine, articles, view.site_names)
    st.dataframe(covering[["site", "articles"]], hide_index=True, width="stretch", key="entities_outlets",
                 column_config={"site": "Outlet", "articles": st.column_config.NumberColumn("Articles")})

st.subheader("Named in the same articles")
together = entity_stats.cooccurring(mentions, mine, view.entities)
if together.empty:
    st.caption("No other entity shares an article with it.")
else:
    st.dataframe(together[["name", "type", "shared_articles", "mentions"]], hide_index=True, width="stretch",
                 key="entities_cooccurring", column_config={
                     "name": "Entity", "type": "Type", "shared_articles": st.column_config.NumberColumn("Shared articles"),
                     "mentions": st.column_config.NumberColumn("Its mentions there")})

st.subheader("Articles")
listed = entity_stats.articles_mentioning(mine, view.corpus.articles)
if len(listed) > ARTICLE_ROWS:
    st.caption(f"The {ARTICLE_ROWS} articles that mention it most, of {len(listed):,}.")
    listed = listed.head(ARTICLE_ROWS)
picked = st.dataframe(listed, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                      key="entities_articles", column_config={
                          "article_id": st.column_config.TextColumn("File", width="small"),
                          "label": st.column_config.TextColumn("Title", width="medium"),
                          "outlet_name_en": "Outlet", "published_iso": "Published",
                          "mentions": st.column_config.NumberColumn("Mentions")})
if picked.selection.rows:
    st.switch_page("components/pages/reader.py", query_params={"article": listed.loc[picked.selection.rows[0], "article_id"]})

st.subheader("In context")
snippets = entity_stats.kwic(mine, view.corpus)
title = entity_title(entity["name_bn"], entity["label_en"], entity["type"])
rows = []
for snippet in snippets:
    start, end, mention_id, kind = snippet["mention"]
    (left, right), source = snippet["context"], snippet["source"]
    mention = highlight(source, start, end, [(start, end, mention_id, title, kind)])
    rows.append(f'<div class="kl-kwic-src" title="{escape(str(snippet["label"]), quote=True)}">'
                f'{escape(str(snippet["label"]))} · line {snippet["n"]}</div>'
                f'<div class="kl-kwic-left"><span>{highlight(source, left, start)}</span></div>'
                f'<div class="kl-kwic-hit">{mention}</div><div class="kl-kwic-right">{highlight(source, end, right)}</div>')
if rows:
    st.html(CSS + KWIC_CSS + "<div class='kl kl-kwic'>" + "".join(rows) + "</div>")
    if len(mine) > len(snippets):
        st.caption(f"The first {len(snippets)} of {len(mine):,} mentions.")

correction_panel(view, entity_id)
recent_corrections(view)
