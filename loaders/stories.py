"""Stories: articles about the same event, across outlets, within a few days; and the stage that finds them.

:func:`republished` is the named stage after parsing: from the ``articles`` and ``lines``
tables (the ``entities`` column of ``articles`` carries what ``mentions`` found) it returns
:class:`StoryTables`:

``reuse`` — see :mod:`loaders.reuse`.
``stories`` — one row per article page: article_id, story_id.
``story_table`` — one row per story: story_id, label (the headline of its first published
    article), first_published (tz-aware, NaT when none of its articles is dated),
    n_articles, n_outlets (distinct outlets; a page of an unknown outlet counts by its site
    template), outlets (list of the outlet ids, first published first).

Two articles are linked when both are dated within ``WINDOW_DAYS`` days of each other and
their headline and lead (first body paragraph) words and entities are alike: the cosine of
their word and entity sets, each word and entity weighted by its rarity in the corpus
(inverse document frequency), is at least ``THRESHOLD``. A story is a connected group of links
and reuse pairs: two articles sharing text are always in one story, and an undated article
joins a story only through text it shares. Headlines that differ only in their numbers on
different days, or a headline of one or two words on different days, are a recurring column
(a daily photo page, a quiz in parts) and are not linked. The date window is what keeps a topic apart from
an event: the five seeds (Russia and North Korea, over three years) are five stories.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from .reuse import normalise
from .reuse_index import ReuseIndex, find_reuse

logger = logging.getLogger(__name__)

STORY_COLUMNS = ["article_id", "story_id"]
STORY_TABLE_COLUMNS = ["story_id", "label", "first_published", "n_articles", "n_outlets", "outlets"]
WINDOW_DAYS = 2
THRESHOLD = 0.5
ENTITY_WEIGHT = 0.7  # an entity counts a little less than a headline word: "Dhaka" is in half the news
TOP_ENTITIES = 5  # the most mentioned ones name the event; the rest are background
_SERIES_NOISE = r"[\d০-৯\s()\[\]:,;.|\-–—]+"  # what changes between the issues of a recurring column


@dataclass(frozen=True)
class StoryTables:
    """The tables of the stage (see the module docstring) and the reuse index to pass to the next run."""

    reuse: pd.DataFrame
    stories: pd.DataFrame
    story_table: pd.DataFrame
    index: ReuseIndex


def _features(pages: pd.DataFrame) -> sparse.csr_matrix:
    """Rows of IDF-weighted headline-and-lead words and top entities, each row of unit length."""
    titles = pa.array(pages["title"].fillna("").astype(str), type=pa.string())
    leads = pc.list_element(pc.split_pattern(pa.array(pages["body"].fillna("").astype(str), type=pa.string()), "\n",
                                             max_splits=1), 0)
    words = normalise(pc.binary_join_element_wise(titles, leads, " "))
    flat = pc.list_flatten(words)
    keep = pc.greater(pc.utf8_length(flat), 1)  # one letter is a particle or a digit
    rows = pc.filter(pc.list_parent_indices(words), keep).to_numpy()
    tokens = pc.filter(flat, keep).to_numpy(zero_copy_only=False).astype(object)
    weights = np.ones(len(tokens))
    entities = pages["entities"] if "entities" in pages else pd.Series([()] * len(pages), pages.index)
    tops = [list(e)[:TOP_ENTITIES] if e is not None else [] for e in entities]
    entity_rows = np.repeat(np.arange(len(pages)), [len(t) for t in tops])
    entity_tokens = np.array(["\x00" + e for t in tops for e in t], dtype=object)
    rows = np.concatenate([rows, entity_rows]).astype(np.int64)
    tokens = np.concatenate([tokens, entity_tokens])
    weights = np.concatenate([weights, np.full(len(entity_tokens), ENTITY_WEIGHT)])
    codes, _ = pd.factorize(tokens)
    matrix = sparse.csr_matrix((weights, (rows, codes)), shape=(len(pages), codes.max() + 1 if len(codes) else 0))
    matrix.data = np.minimum(matrix.data, weights.max() if len(weights) else 1.0)  # a word twice counts once
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix = matrix.multiply(np.log((len(pages) + 1) / (df + 1)) + 1).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms > 0, norms, 1)) @ matrix


def _links(pages: pd.DataFrame, features: sparse.csr_matrix) -> list[tuple[int, int]]:
    """Row pairs of dated articles within the window whose similarity reaches the threshold."""
    published = pages["published"] if "published" in pages else pd.Series(pd.NaT, pages.index)
    days = (published.dt.tz_convert("Asia/Dhaka").dt.normalize().dt.tz_localize(None) - pd.Timestamp(0)).dt.days \
        if hasattr(published, "dt") and published.dt.tz is not None else pd.Series(np.nan, pages.index)
    dated = np.flatnonzero(days.notna().to_numpy())
    order = dated[np.argsort(days.to_numpy()[dated], kind="stable")]
    day = days.to_numpy()[order].astype(np.int64)
    links: list[tuple[int, int]] = []
    if not len(day):
        return links
    # A column that recurs (পাঠকের ছবি, একঝলক (২ জানুয়ারি), বহুনির্বাচনি প্রশ্ন (১১-২০)) prints one
    # headline but for its numbers day after day: a series, not an event. The same headline of
    # three or more words on another day is one report printed again, and may still link.
    titles = pages["title"].fillna("").astype(str)
    stripped = titles.str.replace(_SERIES_NOISE, "", regex=True)
    series = stripped.to_numpy()[order]
    plain = titles.str.split().str.len().fillna(0).to_numpy()[order] <= 2
    exact = titles.to_numpy()[order]
    starts = np.flatnonzero(np.r_[True, day[1:] != day[:-1]])
    for start in starts.tolist():
        end = np.searchsorted(day, day[start], side="right")
        until = np.searchsorted(day, day[start] + WINDOW_DAYS, side="right")
        block = (features[order[start:end]] @ features[order[start:until]].T).tocoo()
        strong = (block.data >= THRESHOLD) & (block.row < block.col)
        for i, j in zip(block.row[strong].tolist(), block.col[strong].tolist()):
            a, b = start + i, start + j
            recurring = series[a] and series[a] == series[b] and (exact[a] != exact[b] or plain[a])
            if not (day[a] != day[b] and recurring):
                links.append((int(order[a]), int(order[b])))
    return links


def _components(count: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    """The connected component of each of ``count`` rows joined by ``pairs``."""
    if not pairs:
        return np.arange(count)
    a, b = np.array(pairs).T
    graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(count, count))
    return sparse.csgraph.connected_components(graph, directed=False)[1]


def find_stories(articles: pd.DataFrame, reuse: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``stories`` and ``story_table`` tables (see the module docstring)."""
    kinds = articles["page_kind"].fillna("article") if "page_kind" in articles else pd.Series("article", articles.index)
    pages = articles[kinds.eq("article")].reset_index(drop=True)
    if pages.empty:
        return pd.DataFrame(columns=STORY_COLUMNS), pd.DataFrame(columns=STORY_TABLE_COLUMNS)
    row_of = pd.Series(np.arange(len(pages)), index=pages["article_id"])
    pairs = _links(pages, _features(pages))
    pairs += list(zip(row_of.reindex(reuse["article_id"]).dropna().astype(int).tolist(),
                      row_of.reindex(reuse["source_id"]).dropna().astype(int).tolist()))
    component = _components(len(pages), pairs)
    published = pages["published"] if "published" in pages else pd.Series(pd.NaT, pages.index)
    frame = pd.DataFrame({"article_id": pages["article_id"], "component": component, "published": published,
                          "title": pages.get("title"), "outlet": pages.get("outlet"),
                          "site": pages.get("outlet", pd.Series(None, pages.index)).fillna(pages.get("fingerprint"))})
    first_id = frame.groupby("component")["article_id"].transform("min")
    frame["story_id"] = ["st-" + hashlib.sha1(a.encode()).hexdigest()[:10] for a in first_id]
    ordered = frame.sort_values(["story_id", "published", "article_id"], na_position="last", kind="stable")
    groups = ordered.groupby("story_id", sort=True)
    named = ordered.dropna(subset=["outlet"]).drop_duplicates(["story_id", "outlet"])
    story_of = named["story_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, story_of[1:] != story_of[:-1]]) if len(named) else np.empty(0, int)
    outlets = dict(zip(story_of[starts], (list(o) for o in np.split(named["outlet"].to_numpy(), starts[1:]))))
    table = pd.DataFrame({
        "label": groups["title"].first(),  # first skips a missing headline
        "first_published": groups["published"].min(),
        "n_articles": groups.size(),
        "n_outlets": groups["site"].nunique(),
    })
    table["outlets"] = [outlets.get(story, []) for story in table.index]
    table = table.reset_index()
    table = table.sort_values(["n_outlets", "n_articles", "story_id"], ascending=[False, False, True], kind="stable")
    logger.info("stories: %d articles in %d stories", len(frame), len(table))
    return frame[STORY_COLUMNS].reset_index(drop=True), table[STORY_TABLE_COLUMNS].reset_index(drop=True)


def republished(articles: pd.DataFrame, lines: pd.DataFrame, previous: ReuseIndex | None = None) -> StoryTables:
    """The stage: republished text, then stories; ``previous`` (an earlier run's index) limits the text
    comparison to what is new."""
    reuse, index = find_reuse(articles, lines, previous)
    stories, story_table = find_stories(articles, reuse)
    return StoryTables(reuse, stories, story_table, index)
