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

Given the :class:`StageIndex` of an earlier run, the stage compares only the pages that run
did not see: their text with every body (:func:`loaders.reuse_index.find_reuse`), their
headline and lead with every article of their days (:class:`StoryIndex`).
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
from .reuse_index import ReuseIndex, find_reuse, page_identities

logger = logging.getLogger(__name__)

STORY_COLUMNS = ["article_id", "story_id"]
STORY_TABLE_COLUMNS = ["story_id", "label", "first_published", "n_articles", "n_outlets", "outlets"]
WINDOW_DAYS = 2
THRESHOLD = 0.5
ENTITY_WEIGHT = 0.7  # an entity counts a little less than a headline word: "Dhaka" is in half the news
TOP_ENTITIES = 5  # the most mentioned ones name the event; the rest are background
REFRESH_SHARE = 0.1  # of the pages new: beyond it, every pair is compared again with the new rarity weights
_SERIES_NOISE = r"[\d০-৯\s()\[\]:,;.|\-–—]+"  # what changes between the issues of a recurring column


@dataclass(frozen=True)
class StoryIndex:
    """What a run linked, so that added articles are compared alone. ident: each article page (see
    :func:`loaders.reuse_index.page_identities`, with its entities), in the row order of ``terms``;
    terms: its headline, lead and entity terms over ``vocabulary``, weighted before rarity; links: the
    pairs of those rows found alike (reuse pairs are not among them: they come from the reuse table)."""

    ident: np.ndarray
    terms: sparse.csr_matrix
    vocabulary: pd.Index
    links: np.ndarray


@dataclass(frozen=True)
class StageIndex:
    """The indexes of one run of the stage, to pass to the next run when articles are added."""

    reuse: ReuseIndex
    stories: StoryIndex


@dataclass(frozen=True)
class StoryTables:
    """The tables of the stage (see the module docstring) and the index to pass to the next run."""

    reuse: pd.DataFrame
    stories: pd.DataFrame
    story_table: pd.DataFrame
    index: StageIndex


def _top_entities(pages: pd.DataFrame) -> list[list[str]]:
    entities = pages["entities"] if "entities" in pages else pd.Series([()] * len(pages), pages.index)
    return [list(e)[:TOP_ENTITIES] if e is not None else [] for e in entities]


def _identities(pages: pd.DataFrame, tops: list[list[str]]) -> np.ndarray:
    """A hash of each page's id, text and top entities: a page parsed with other entities is a new one."""
    named = pd.util.hash_array(np.array(["\x1f".join(t) for t in tops], dtype=object), categorize=False)
    return page_identities(pages) * np.uint64(0x9E3779B97F4A7C15) + named


def _terms(pages: pd.DataFrame, tops: list[list[str]], vocabulary: pd.Index) -> tuple[sparse.csr_matrix, pd.Index]:
    """Rows of headline-and-lead words and top entities (an entity weighs ``ENTITY_WEIGHT``) over
    ``vocabulary``, grown by the terms it lacks."""
    titles = pa.array(pages["title"].fillna("").astype(str), type=pa.string())
    leads = pc.list_element(pc.split_pattern(pa.array(pages["body"].fillna("").astype(str), type=pa.string()), "\n",
                                             max_splits=1), 0)
    words = normalise(pc.binary_join_element_wise(titles, leads, " "))
    flat = pc.list_flatten(words)
    keep = pc.greater(pc.utf8_length(flat), 1)  # one letter is a particle or a digit
    rows = pc.filter(pc.list_parent_indices(words), keep).to_numpy()
    tokens = pc.filter(flat, keep).to_numpy(zero_copy_only=False).astype(object)
    weights = np.ones(len(tokens))
    entity_rows = np.repeat(np.arange(len(pages)), [len(t) for t in tops])
    entity_tokens = np.array(["\x00" + e for t in tops for e in t], dtype=object)
    rows = np.concatenate([rows, entity_rows]).astype(np.int64)
    tokens = np.concatenate([tokens, entity_tokens])
    weights = np.concatenate([weights, np.full(len(entity_tokens), ENTITY_WEIGHT)])
    codes = vocabulary.get_indexer(tokens) if len(vocabulary) else np.full(len(tokens), -1)
    unseen = codes < 0
    if unseen.any():
        extra_codes, extra = pd.factorize(tokens[unseen])
        codes[unseen] = len(vocabulary) + extra_codes
        vocabulary = vocabulary.append(pd.Index(extra, dtype=object))
    matrix = sparse.csr_matrix((weights, (rows, codes)), shape=(len(pages), len(vocabulary)))
    matrix.data = np.minimum(matrix.data, 1.0)  # a word twice counts once
    return matrix, vocabulary


def _features(terms: sparse.csr_matrix) -> sparse.csr_matrix:
    """The rows of ``terms``, each term weighted by its rarity (inverse document frequency), of unit length."""
    df = np.bincount(terms.indices, minlength=terms.shape[1])
    matrix = terms.multiply(np.log((terms.shape[0] + 1) / (df + 1)) + 1).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms > 0, norms, 1)) @ matrix


def _links(pages: pd.DataFrame, features: sparse.csr_matrix, fresh: np.ndarray) -> np.ndarray:
    """Row pairs, one of them ``fresh``, of dated articles within the window whose similarity reaches the threshold."""
    published = pages["published"] if "published" in pages else pd.Series(pd.NaT, pages.index)
    days = (published.dt.tz_convert("Asia/Dhaka").dt.normalize().dt.tz_localize(None) - pd.Timestamp(0)).dt.days \
        if hasattr(published, "dt") and published.dt.tz is not None else pd.Series(np.nan, pages.index)
    dated = np.flatnonzero(days.notna().to_numpy())
    order = dated[np.argsort(days.to_numpy()[dated], kind="stable")]
    day = days.to_numpy()[order].astype(np.int64)
    if not len(day):
        return np.empty((0, 2), np.int64)
    left_of = fresh[order]
    everything = bool(left_of.all())
    found = []
    for start in np.flatnonzero(np.r_[True, day[1:] != day[:-1]]).tolist():
        end = np.searchsorted(day, day[start], side="right")
        left = start + np.flatnonzero(left_of[start:end])
        if not len(left):
            continue
        # With every row fresh, each pair is met once from its earlier day; else a fresh row
        # looks both ways, and meets an old row from its own side only.
        lo = start if everything else np.searchsorted(day, day[start] - WINDOW_DAYS, side="left")
        until = np.searchsorted(day, day[start] + WINDOW_DAYS, side="right")
        block = (features[order[left]] @ features[order[lo:until]].T).tocoo()
        a, b = left[block.row], lo + block.col
        strong = (block.data >= THRESHOLD) & (a != b) & ((a < b) | ~left_of[b])
        found.append(np.column_stack([a[strong], b[strong]]))
    pairs = np.concatenate(found) if found else np.empty((0, 2), np.int64)
    # A column that recurs (পাঠকের ছবি, একঝলক (২ জানুয়ারি), বহুনির্বাচনি প্রশ্ন (১১-২০)) prints one
    # headline but for its numbers day after day: a series, not an event. The same headline of
    # three or more words on another day is one report printed again, and may still link.
    a, b = pairs.T
    titles = pages["title"].fillna("").astype(str).to_numpy()
    exact_a, exact_b = titles[order[a]], titles[order[b]]
    series_a = pd.Series(exact_a, dtype=object).str.replace(_SERIES_NOISE, "", regex=True).to_numpy()
    series_b = pd.Series(exact_b, dtype=object).str.replace(_SERIES_NOISE, "", regex=True).to_numpy()
    plain = np.array([len(t.split()) <= 2 for t in exact_a], bool)
    recurring = (series_a != "") & (series_a == series_b) & ((exact_a != exact_b) | plain)
    keep = ~((day[a] != day[b]) & recurring)
    return np.column_stack([order[a[keep]], order[b[keep]]]).astype(np.int64)


def _linked(pages: pd.DataFrame, previous: StoryIndex | None) -> StoryIndex:
    """The links among ``pages``: with ``previous``, only those of the pages it has not seen are sought.

    The index serves a corpus that still holds every page it knew, with at most
    ``REFRESH_SHARE`` of its pages new; two known pages keep the link (or its absence) of the
    run that compared them, although the added pages shift the rarity weights a little.
    """
    tops = _top_entities(pages)
    ident = _identities(pages, tops)
    old = pd.Index(previous.ident).get_indexer(ident) if previous is not None else np.full(len(pages), -1)
    known = old >= 0
    if previous is not None and (int(known.sum()) < len(previous.ident)
                                 or (~known).sum() > REFRESH_SHARE * len(pages)):
        previous, known, old = None, np.zeros(len(pages), bool), np.full(len(pages), -1)
    if previous is None:
        terms, vocabulary = _terms(pages, tops, pd.Index([], dtype=object))
        return StoryIndex(ident, terms, vocabulary, _links(pages, _features(terms), np.ones(len(pages), bool)))
    fresh = np.flatnonzero(~known)
    added, vocabulary = _terms(pages.iloc[fresh], [tops[i] for i in fresh], previous.vocabulary)
    width = len(vocabulary)
    kept = sparse.csr_matrix((previous.terms.data, previous.terms.indices, previous.terms.indptr),
                             shape=(previous.terms.shape[0], width))
    source_row = np.where(known, old, 0)
    source_row[fresh] = kept.shape[0] + np.arange(len(fresh))
    terms = sparse.vstack([kept, added], format="csr")[source_row]
    row_of_old = np.empty(len(previous.ident), np.int64)
    row_of_old[old[known]] = np.flatnonzero(known)
    links = np.concatenate([row_of_old[previous.links], _links(pages, _features(terms), ~known)])
    return StoryIndex(ident, terms, vocabulary, links)


def _components(count: int, pairs: np.ndarray) -> np.ndarray:
    """The connected component of each of ``count`` rows joined by ``pairs`` (rows of two)."""
    if not len(pairs):
        return np.arange(count)
    a, b = pairs.T
    graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(count, count))
    return sparse.csgraph.connected_components(graph, directed=False)[1]


def find_stories(articles: pd.DataFrame, reuse: pd.DataFrame, previous: StoryIndex | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame, StoryIndex]:
    """The ``stories`` and ``story_table`` tables (see the module docstring), and the index to pass
    back in when articles are added."""
    kinds = articles["page_kind"].fillna("article") if "page_kind" in articles else pd.Series("article", articles.index)
    pages = articles[kinds.eq("article")].reset_index(drop=True)
    if pages.empty:
        nothing = StoryIndex(np.empty(0, np.uint64), sparse.csr_matrix((0, 0)), pd.Index([], dtype=object),
                             np.empty((0, 2), np.int64))
        return pd.DataFrame(columns=STORY_COLUMNS), pd.DataFrame(columns=STORY_TABLE_COLUMNS), nothing
    index = _linked(pages, previous)
    row_of = pd.Index(pages["article_id"])
    copies = np.column_stack([row_of.get_indexer(reuse["article_id"]), row_of.get_indexer(reuse["source_id"])])
    component = _components(len(pages), np.concatenate([index.links, copies[(copies >= 0).all(axis=1)]]))
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
    return frame[STORY_COLUMNS].reset_index(drop=True), table[STORY_TABLE_COLUMNS].reset_index(drop=True), index


def republished(articles: pd.DataFrame, lines: pd.DataFrame, previous: StageIndex | None = None) -> StoryTables:
    """The stage: republished text, then stories; ``previous`` (an earlier run's index) limits the
    comparisons to what is new."""
    reuse, reuse_index = find_reuse(articles, lines, previous.reuse if previous else None)
    stories, story_table, story_index = find_stories(articles, reuse, previous.stories if previous else None)
    return StoryTables(reuse, stories, story_table, StageIndex(reuse_index, story_index))
