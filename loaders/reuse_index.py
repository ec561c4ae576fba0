"""The ``reuse`` table of a corpus (see :mod:`loaders.reuse`), and the index that lets added articles be compared alone.

:func:`find_reuse` normalises, shingles and signs only the article pages the ``previous``
index has not seen (an article is known by its id and body text), seeks candidates among
pairs that touch a new body, and aligns only those; the pairs among known bodies come from
the index. A known body that a new pair needs is read again from ``lines`` (only it). The
index serves a corpus that still holds every page it knew (files were added); any other
corpus is compared afresh.
Site furniture is judged with the counts of the index plus the new pages, so a line that
becomes furniture only through added pages stays in the older bodies until a load without
the index.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .arrow_ops import isin
from .reuse import (NUM_PERM, REUSE_COLUMNS, SHINGLE, Bodies, aligned_pairs, body_table, candidates, likely,
                    signatures)

logger = logging.getLogger(__name__)

PAIR_COLUMNS = ["key_a", "key_b", "shared_a", "shared_b", "passages"]


@dataclass(frozen=True)
class ReuseIndex:
    """What a run compared. keys: the distinct bodies (hashes of their normalised words); signatures and
    sizes (shingle counts): one row each; pairs: the aligned pairs among them (``PAIR_COLUMNS``, passages
    as body-line ranks, a's first); members: ident (a hash of article id and body) and key of every
    article page with a comparable body; site_lines: articles per (site, body line) hash; counted: the
    ident of every article page those counts include, with a comparable body or not."""

    keys: list[str]
    signatures: np.ndarray
    sizes: np.ndarray
    pairs: pd.DataFrame
    members: pd.DataFrame
    site_lines: pd.Series
    counted: np.ndarray


def _direction(copy: dict, source: dict) -> str | None:
    """Why ``source`` is the source of ``copy`` (``published`` or ``agency``), or None when nothing says so."""
    a, b = copy["published"], source["published"]
    if not pd.isna(a) and not pd.isna(b) and a != b:
        return "published" if b < a else None
    if source["outlet"] and source["outlet"] in copy["attributions"]:
        return "agency"  # the credited agency's own article
    if copy["outlet"] and copy["outlet"] in source["attributions"]:
        return None
    if copy["attributions"] and not source["attributions"]:
        return "agency"  # the copy names where its text came from; the other names no one
    return None


def _facts(articles: pd.DataFrame, wanted: set[str]) -> dict[str, dict]:
    """For the ``wanted`` article ids, what decides a pair's direction."""
    articles = articles[isin(articles["article_id"], wanted)]
    published = articles["published"] if "published" in articles else pd.Series(pd.NaT, articles.index)
    outlets = articles["outlet"] if "outlet" in articles else pd.Series(None, articles.index)
    credits = articles["attributions"] if "attributions" in articles else pd.Series([()] * len(articles), articles.index)
    return {i: {"published": p, "outlet": o if isinstance(o, str) else None, "attributions": set(c if c is not None else ())}
            for i, p, o, c in zip(articles["article_id"], published, outlets, credits)}


def _table(articles: pd.DataFrame, by_key: dict[str, list[str]], numbers: dict[str, list[int]], pairs: pd.DataFrame
           ) -> pd.DataFrame:
    """The ``reuse`` rows of the key pairs, for every article of each key, line ranks turned into line numbers."""
    facts = _facts(articles, set(numbers))
    rows = []

    def add(a: str, b: str, shared_a: float, shared_b: float, spans: list[list[int]]) -> None:
        na, nb = numbers[a], numbers[b]
        passages = [[na[p[0]], na[p[1]], nb[p[2]], nb[p[3]]] for p in spans]
        back = [[p[2], p[3], p[0], p[1]] for p in passages]
        if (basis := _direction(facts[a], facts[b])) is not None:
            rows.append((a, b, shared_a, passages, basis))
        elif (basis := _direction(facts[b], facts[a])) is not None:
            rows.append((b, a, shared_b, back, basis))
        else:
            rows.extend([(a, b, shared_a, passages, "unknown"), (b, a, shared_b, back, "unknown")])

    for pair in pairs.itertuples(index=False):
        for a in by_key.get(pair.key_a, ()):
            for b in by_key.get(pair.key_b, ()):
                add(a, b, pair.shared_a, pair.shared_b, [list(map(int, p)) for p in pair.passages])
    for same in by_key.values():  # one body under several ids: each is all of the other
        for k, a in enumerate(same):
            for b in same[k + 1 :]:
                add(a, b, 1.0, 1.0, [[0, len(numbers[a]) - 1, 0, len(numbers[b]) - 1]])
    frame = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    return frame.sort_values(["article_id", "source_id"], kind="stable").reset_index(drop=True)


def page_identities(pages: pd.DataFrame) -> np.ndarray:
    """A hash of each page's id and body: a page whose text changed is a new one.

    With the parse's ``content_hash`` (of the page's bytes) the body's length stands in for
    the body: hashing 100,000 bodies would cost more than the rest of an incremental run.
    """
    def hashed(column: pd.Series) -> np.ndarray:
        return pd.util.hash_array(np.asarray(column.fillna(""), dtype=object), categorize=False)

    body = pages["body"] if "body" in pages else pd.Series("", pages.index)
    if "content_hash" in pages:
        lengths = pc.utf8_length(pa.array(body.fillna(""), type=pa.string())).to_numpy(zero_copy_only=False)
        text = hashed(pages["content_hash"]) + lengths.astype(np.uint64)
    else:
        text = hashed(body)
    return hashed(pages["article_id"]) * np.uint64(0x9E3779B97F4A7C15) + text


def _reread(pages: pd.DataFrame, lines: pd.DataFrame, ids: set[str], site_lines: pd.Series) -> Bodies:
    """Known pages read again (furniture judged by the index's counts, which include them)."""
    chosen = pages[isin(pages["article_id"], ids)]
    return body_table(chosen, lines[isin(lines["article_id"], ids)], site_lines, counted=True)[0]


def find_reuse(articles: pd.DataFrame, lines: pd.DataFrame, previous: ReuseIndex | None = None
               ) -> tuple[pd.DataFrame, ReuseIndex]:
    """The ``reuse`` table of a corpus and the index to pass back in when articles are added."""
    kinds = articles["page_kind"].fillna("article") if "page_kind" in articles else pd.Series("article", articles.index)
    pages = articles[kinds.eq("article")]
    ident = page_identities(pages)
    # Pages left or changed, those without a comparable body included: the index's site line counts
    # would count them still (a corpus of eight copies of a page would make another corpus's copy furniture).
    if previous is not None and not np.isin(previous.counted, ident).all():
        previous = None
    members = previous.members if previous is not None else pd.DataFrame({"ident": np.empty(0, np.uint64), "key": []})
    old_key = dict(zip(members["ident"].tolist(), members["key"].tolist()))
    known = np.isin(ident, previous.counted) if previous is not None else np.zeros(len(ident), bool)
    fresh = pages[~known]
    prior = previous.site_lines if previous is not None else None
    bodies, site_lines = body_table(fresh, lines[isin(lines["article_id"], fresh["article_id"])], prior)
    key_of = {a: old_key[i] for a, i in zip(pages["article_id"][known].tolist(), ident[known].tolist()) if i in old_key}
    key_of.update({a: bodies.keys[row] for a, row in bodies.articles.items()})
    # Every key of the corpus gets a row: the index's signature, or a new one.
    keys = list(dict.fromkeys(key_of.values()))
    old_row = {k: r for r, k in enumerate(previous.keys)} if previous is not None else {}
    new_row = {k: r for r, k in enumerate(bodies.keys)}
    is_new = np.array([k not in old_row for k in keys], bool)
    sigs = np.empty((len(keys), NUM_PERM), np.uint32)
    sizes = np.empty(len(keys), np.int64)
    if (~is_new).any():
        rows = [old_row[k] for k, n in zip(keys, is_new) if not n]
        sigs[~is_new], sizes[~is_new] = previous.signatures[rows], previous.sizes[rows]
    todo = [new_row[k] for k, n in zip(keys, is_new) if n]
    sigs[is_new] = signatures(bodies, todo)
    sizes[is_new] = np.diff(bodies.starts)[todo] - SHINGLE + 1
    pairs = likely(sizes, sigs, candidates(sigs, is_new))
    # Known bodies in new pairs are read again; a page per key will do.
    page_of = {k: a for a, k in key_of.items()}
    needed = {page_of[keys[r]] for pair in pairs for r in pair if keys[r] not in new_row}
    again = _reread(pages, lines, needed, site_lines) if needed else None

    def shingles_of(row: int):
        key = keys[row]
        return bodies.shingles(new_row[key]) if key in new_row else again.shingles(again.articles[page_of[key]])

    found = aligned_pairs(shingles_of, keys, pairs)
    if previous is not None and len(previous.pairs):
        present = set(keys)
        kept = previous.pairs[isin(previous.pairs["key_a"], present) & isin(previous.pairs["key_b"], present)]
        found = pd.concat([kept, found], ignore_index=True)
    by_key: dict[str, list[str]] = {}
    for article_id, key in key_of.items():
        by_key.setdefault(key, []).append(article_id)
    in_pairs = set(found["key_a"]) | set(found["key_b"]) | {k for k, ids in by_key.items() if len(ids) > 1}
    by_key = {k: ids for k, ids in by_key.items() if k in in_pairs}
    numbers = {a: bodies.line_numbers[a] for ids in by_key.values() for a in ids if a in bodies.line_numbers}
    missing = {a for ids in by_key.values() for a in ids if a not in numbers}
    if missing:
        numbers.update(_reread(pages, lines, missing, site_lines).line_numbers)
    logger.info("reuse: %d bodies, %d new, %d pairs", len(keys), len(todo), len(found))
    index = ReuseIndex(keys, sigs, sizes, found.reset_index(drop=True)[PAIR_COLUMNS],
                       pd.DataFrame({"ident": np.array([i for i, a in zip(ident.tolist(), pages["article_id"]) if a in key_of],
                                                       np.uint64),
                                     "key": [key_of[a] for a in pages["article_id"] if a in key_of]}),
                       site_lines, ident)
    return _table(articles, by_key, numbers, found), index
