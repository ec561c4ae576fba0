"""Reader page: one article's raw dump (tinted by line kind) beside its clean text.

``/reader?article=<file name>`` opens an article directly, ``&compare=<file name>`` a
second one beside it, the passages they share marked in both; both follow the pickers so the
URL can be shared. Article text
reaches the page only through the HTML views (``components.raw_page``, ``article_view``,
``date_view``, ``entity_view``: escaped, shown with ``st.html``).
"""
from __future__ import annotations

import streamlit as st

from components import aggregate
from components.article_view import article_html, body_ranges, facts_html, notice_html
from components.date_view import date_notes
from components.entity_view import mention_key_html, mention_spans
from components.raw_page import fields_html, legend_html, raw_heading, raw_page_html
from components.state import current
from loaders.reuse import pair_shares, shared_spans

LABEL_CHARS = 80
PICKER_LIMIT = 1_000  # articles a picker lists; the sidebar filters reach the rest of a larger corpus
OPENING_CHARS = 400  # body characters compared when guessing the story to compare with

view = current()
corpus = view.corpus.articles
by_id = corpus.set_index("article_id", drop=False)
mentions, entities = view.mentions, view.entities  # an empty table means no highlights, not an error


def option_labels(article_ids: list[str]) -> dict[str, str]:
    """Picker text of each article: its label and site, as on the other pages (plain text, not Markdown)."""
    rows = by_id.loc[article_ids]
    sites = aggregate.site_column(rows, view.site_names)["site"]
    short = [text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS].rstrip() + " …" for text in rows["label"].astype(str)]
    return {article_id: f"{text} · {site}" for article_id, text, site in zip(article_ids, short, sites)}


def clean_article(article_id: str, shared=()) -> None:
    """The clean article with its body mentions highlighted as links to the Entities page, and the
    ``shared`` (start, end) spans marked."""
    spans = mention_spans(mentions, entities, article_id)
    if spans:
        st.html(mention_key_html(span[4] for span in spans))
    st.html(article_html(by_id.loc[article_id], view.corpus.lines_of(article_id), spans, shared))


def shared_notice(share: float | None, spans: list) -> str:
    """What the marks in a compared column mean."""
    if share is not None:
        return notice_html(f"{share:.0%} of this article's body is found in the other one: the marked passages.")
    if spans:
        return notice_html("The marked passages are found in the other article, five words in a row or more.")
    return notice_html("These two articles share no passage of text.")


def body_of(article_id: str):
    """The page text and body line offsets of an article, as :func:`loaders.reuse.shared_spans` takes them."""
    row = by_id.loc[article_id]
    return row["source"], body_ranges(row, view.corpus.lines_of(article_id))


def raw_page(article_id: str) -> None:
    """The raw dump with its legend."""
    row, lines = by_id.loc[article_id], view.corpus.lines_of(article_id)
    if fields := fields_html(row):
        st.html(fields)
    st.html(legend_html(lines["kind"]))
    st.html(raw_page_html(row["source"], lines, date_notes(row)))


def closest(article_id: str, candidates: list[str]) -> str:
    """The candidate sharing most words with the article's headline and opening (likely the same story)."""
    def words(a: str) -> set[str]:
        row = by_id.loc[a]
        return set(f"{row['label']} {str(row['body'])[:OPENING_CHARS]}".split())

    mine = words(article_id)
    return max(candidates, key=lambda a: len(mine & (theirs := words(a))) / max(len(mine | theirs), 1))


def linked(name: str) -> str | None:
    """``?name=`` when it is new to this session (a shared link, or another page linking here), else None."""
    value = st.query_params.get(name)
    return value if value != st.session_state.get(f"reader_url_{name}") else None


def sync_param(name: str, value: str | None) -> None:
    """Make ``?name=`` say ``value`` (removed when None), so the URL can be shared."""
    st.session_state[f"reader_url_{name}"] = value
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def known(article_id: str | None) -> str | None:
    """The id if the corpus has that article, else None."""
    return article_id if article_id is not None and article_id in by_id.index else None


st.title("Reader")
st.caption("The raw page (or a dataset record's fields and text), every line tinted by what the parser took it for, "
           "beside the clean article.")

filtered = view.articles["article_id"].tolist()
in_filters = set(filtered)
requested = st.query_params.get("article")
if requested is not None and not known(requested):
    st.html(notice_html("The link asks for an article this corpus does not have:", requested, tone="warn"))
    sync_param("article", None)

# The article the URL names stays open even when the sidebar filters leave it out.
pinned = known(requested) if known(requested) not in in_filters else None
listed = filtered[:PICKER_LIMIT]
# An article open in this session, or named by the link, stays listed beyond the picker's limit.
shown = set(listed)
kept = [a for a in dict.fromkeys([known(requested), st.session_state.get("reader_article")])
        if a in in_filters and a not in shown]
options = ([pinned] if pinned else []) + kept + listed
labels = option_labels(options + [a for a in [known(st.query_params.get("compare"))] if a and a not in options])
if not options:
    st.info("No articles match the current filters.")
    st.stop()
if known(linked("article")):
    st.session_state["reader_article"] = requested
if st.session_state.get("reader_article") not in options:
    st.session_state["reader_article"] = options[0]

pick, toggle = st.columns([4, 1], vertical_alignment="bottom")
chosen = pick.selectbox("Article", options, format_func=labels.get, key="reader_article")
if len(filtered) > PICKER_LIMIT:
    pick.caption(f"The picker lists the first {PICKER_LIMIT:,} of {len(filtered):,} articles: narrow them with the "
                 "sidebar (search, outlets, dates), or open one from the Timeline or Entities page.")
sync_param("article", chosen)
if chosen == pinned:
    st.html(notice_html("This article is outside the current sidebar filters; it is open because the link names it."))

compare_url = known(st.query_params.get("compare"))
if known(linked("compare")) and compare_url != chosen:
    st.session_state["reader_compare_on"] = True
    st.session_state["reader_compare"] = compare_url
comparing = toggle.toggle("Compare with…", key="reader_compare_on", disabled=len(by_id) < 2,
                          help="Put a second article beside this one, e.g. the same story from another outlet.")
other = None
if comparing:
    others = [a for a in dict.fromkeys(options + ([compare_url] if compare_url else [])) if a != chosen]
    if others and st.session_state.get("reader_compare") not in others:
        st.session_state["reader_compare"] = closest(chosen, others)
    other = st.selectbox("Compare with", others, format_func=labels.get, key="reader_compare") if others else None
    if other is None:
        st.info("There is no other article to compare with under the current filters.")
sync_param("compare", other)

if other is None:
    st.html(facts_html(by_id.loc[chosen]))
    raw, clean = st.columns(2, gap="large")
    with raw:
        st.subheader(raw_heading(by_id.loc[chosen]))
        raw_page(chosen)
    with clean:
        st.subheader("Clean article")
        clean_article(chosen)
else:
    spans = shared_spans(body_of(chosen), body_of(other))
    shares = pair_shares(view.corpus.reuse, chosen, other)
    for column, article_id, share, marked in zip(st.columns(2, gap="large"), (chosen, other), shares, spans):
        with column:
            st.html(shared_notice(share, marked))
            clean_article(article_id, marked)
            with st.expander("Raw page and file facts"):
                st.html(facts_html(by_id.loc[article_id]))
                raw_page(article_id)
