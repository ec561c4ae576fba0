"""Republished text: which articles share body text with which, how much, where, and who was first.

A pure stage after parsing: :func:`find_reuse` takes the ``articles`` and ``lines`` tables
of a :class:`loaders.corpus.Corpus` and returns the ``reuse`` table, one row per article
and the article it shares text with:

``reuse`` — article_id (the copy), source_id (the article it shares text with: the
    source when the direction is known), shared (share of ``article_id``'s body word
    5-grams found in ``source_id``'s body, 0–1), passages (list of
    ``[first line, last line, source first line, source last line]``: runs of body lines
    of ``article_id`` found, in order, in ``source_id``; 1-based line numbers of the
    ``lines`` table), basis (``published``: the source was published first; ``agency``:
    the source is the credited agency's own article, or the copy credits an agency and
    the source credits none; ``unknown``: neither says, and the pair has a row each way).

Only body lines (``kind == "body"``) of article pages (``page_kind == "article"``) are
compared, NFC-normalised, punctuation and spacing folded, as word 5-grams ("shingles").
Candidates come from MinHash signatures (``rensa``, 120 permutations) banded into 40
bands of 3 rows, which finds pairs whose shingle sets overlap by a Jaccard of about 0.3
or more; each candidate is then aligned exactly on its shingles, so the figures
are never estimates. A pair counts when at least ``MIN_SHARED`` of either body and
``MIN_SHINGLES`` shingles are found in the other.

:class:`ReuseIndex` holds the signatures and pairs of the bodies already compared (keyed
by a hash of the normalised body), so that :func:`find_reuse` given the index of an
earlier corpus shingles and aligns only what is new when articles are added.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import rensa

from .textnorm import INVISIBLE

logger = logging.getLogger(__name__)

REUSE_COLUMNS = ["article_id", "source_id", "shared", "passages", "basis"]
NUM_PERM, BANDS = 120, 60  # 60 bands of 2: P(candidate) 0.92 at Jaccard 0.2, 0.996 at 0.3
SEED = 7
SHINGLE = 5
MIN_SHARED = 0.4  # of either body: a shared quotation or a stock phrase stays below it
MIN_SHINGLES = 20  # about 25 words in a row: below that, two short bodies may meet by chance
SITE_REPEATS = 3  # a body line printed by this many articles of one site is the site's, not the story's
ESTIMATE_FLOOR = 0.25  # of the smaller body, as the signatures estimate it: MIN_SHARED with room for their error
LINE_MATCH = 0.5  # a line belongs to a passage when half its shingles are in the other body
_MAX_BUCKET = 50  # bodies sharing one band value beyond this are template text, not copies
_PUNCT = r"[।॥,;:!?\"'“”‘’()\[\]{}<>«»—–\-/|…*#.•]+"  # a word's punctuation is no part of it
_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: shingle hash = polynomial in word hashes


@dataclass(frozen=True)
class Bodies:
    """The comparable bodies of a corpus, one row per distinct normalised body.

    keys (body hash per row); words (uint64 hash per word, all bodies end to end), starts
    (offset of each row's first word; one more entry at the end), word_lines (each word's
    body line, counted from 0 over the lines that have words); articles: article_id → row;
    line_numbers: article_id → the ``n`` of those lines, so that one body printed with
    other furniture (other line numbers) maps back to each page's own lines.
    """

    keys: list[str]
    words: np.ndarray
    starts: np.ndarray
    word_lines: np.ndarray
    articles: dict[str, int]
    line_numbers: dict[str, list[int]]

    def shingles(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """The row's shingle hashes and the line each starts on."""
        w = self.words[self.starts[row] : self.starts[row + 1]]
        if len(w) < SHINGLE:
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        h = np.zeros(len(w) - SHINGLE + 1, np.uint64)
        for k in range(SHINGLE):
            h = h * _MULT + w[k : len(w) - SHINGLE + 1 + k]
        return h, self.word_lines[self.starts[row] : self.starts[row] + len(h)]


@dataclass(frozen=True)
class ReuseIndex:
    """What an earlier run compared: body keys, their MinHash signatures (rows of ``signatures``)
    and the pairs found among them (``pairs``: key_a, key_b, shared_a, shared_b, passages with
    a's lines first)."""

    keys: list[str]
    signatures: np.ndarray
    pairs: pd.DataFrame


def normalise(texts: pa.Array) -> pa.ListArray:
    """The words of each body line: NFC, invisible characters dropped, split at spaces, edge punctuation trimmed."""
    text = pc.replace_substring_regex(pc.utf8_normalize(texts, "NFC"), f"[{INVISIBLE}]", "")
    return pc.utf8_split_whitespace(pc.replace_substring_regex(text, _PUNCT, " "))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _site_furniture(line_articles: pd.Series, articles: pd.DataFrame, word_hashes: np.ndarray, counts: np.ndarray
                   ) -> np.ndarray:
    """Body lines that ``SITE_REPEATS`` or more articles of one site print: a site's furniture the line
    classifier took for text (a comments notice, an address), which would make its pages copies of each other."""
    if not len(counts):
        return np.zeros(0, bool)
    position = np.arange(len(word_hashes), dtype=np.uint64) - np.repeat(np.cumsum(counts) - counts, counts).astype(np.uint64)
    line_key = np.add.reduceat(word_hashes * (position * _MULT + np.uint64(1)), np.cumsum(counts) - counts)
    site_of = (articles["outlet"].fillna(articles["fingerprint"]) if "fingerprint" in articles else articles["outlet"]) \
        if "outlet" in articles else pd.Series("", articles.index)
    site = line_articles.map(dict(zip(articles["article_id"], site_of))).fillna("")
    frame = pd.DataFrame({"site": site.to_numpy(), "line": line_key, "article": line_articles.to_numpy()})
    spread = frame.groupby(["site", "line"])["article"].transform("nunique")
    return (spread >= SITE_REPEATS).to_numpy()


def body_table(articles: pd.DataFrame, lines: pd.DataFrame) -> Bodies:
    """The body words of every article page, grouped into distinct bodies (column operations in Arrow)."""
    kinds = articles["page_kind"].fillna("article") if "page_kind" in articles else pd.Series("article", articles.index)
    body = lines.loc[lines["kind"].astype(str).eq("body") & lines["article_id"].isin(articles["article_id"][kinds.eq("article")]),
                     ["article_id", "n", "text"]]
    split = normalise(pa.array(body["text"], type=pa.string()))
    counts = pc.list_value_length(split).to_numpy(zero_copy_only=False)
    body = body[counts > 0]  # a line of punctuation alone has no words
    counts = counts[counts > 0]
    words = pc.list_flatten(split)
    codes = pc.dictionary_encode(words).combine_chunks() if isinstance(words, pa.ChunkedArray) else pc.dictionary_encode(words)
    hashes = np.fromiter((_word_hash(w) for w in codes.dictionary.to_pylist()), np.uint64, len(codes.dictionary))
    word_hashes = hashes[codes.indices.to_numpy(zero_copy_only=False)]
    keep = ~_site_furniture(body["article_id"], articles, word_hashes, counts)
    word_hashes = word_hashes[np.repeat(keep, counts)]
    body, counts = body[keep], counts[keep]
    if body.empty:
        return Bodies([], np.empty(0, np.uint64), np.zeros(1, np.int64), np.empty(0, np.int64), {}, {})
    ids = body["article_id"].to_numpy()
    line_starts = np.concatenate([[0], np.cumsum(counts)])
    bounds = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1], True])  # lines of one article are adjacent
    keys: list[str] = []
    rows: dict[str, int] = {}
    articles_row: dict[str, int] = {}
    numbers: dict[str, list[int]] = {}
    chosen, ranks = [], []
    ns = body["n"].to_numpy()
    for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        lo, hi = line_starts[first], line_starts[last]
        if hi - lo < SHINGLE + MIN_SHINGLES - 1:
            continue
        key = hashlib.sha1(word_hashes[lo:hi].tobytes()).hexdigest()[:16]
        article_id = ids[first]
        if key not in rows:  # the same body twice (a page saved twice) is compared once
            rows[key] = len(keys)
            keys.append(key)
            chosen.append((lo, hi))
            ranks.append(np.repeat(np.arange(last - first), counts[first:last]))
        articles_row[article_id] = rows[key]
        numbers[article_id] = ns[first:last].tolist()
    starts = np.concatenate([[0], np.cumsum([hi - lo for lo, hi in chosen])]).astype(np.int64)
    flat = np.concatenate([word_hashes[lo:hi] for lo, hi in chosen]) if chosen else np.empty(0, np.uint64)
    word_lines = np.concatenate(ranks).astype(np.int64) if ranks else np.empty(0, np.int64)
    return Bodies(keys, flat, starts, word_lines, articles_row, numbers)


def signatures(bodies: Bodies, rows: list[int]) -> np.ndarray:
    """MinHash signatures (uint32, one row each) of those bodies' shingle sets."""
    if not rows:
        return np.empty((0, NUM_PERM), np.uint32)
    parts = [bodies.shingles(r)[0] for r in rows]
    offsets = np.concatenate([[0], np.cumsum([len(p) for p in parts])]).astype(np.uint64)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(np.concatenate(parts), offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), np.uint32)


def candidates(sigs: np.ndarray, new: np.ndarray) -> set[tuple[int, int]]:
    """Row pairs (i < j) sharing at least one band of their signatures, at least one of them ``new``."""
    found: set[tuple[int, int]] = set()
    r = NUM_PERM // BANDS
    for band in range(BANDS):
        cols = sigs[:, band * r : (band + 1) * r].astype(np.uint64)
        key = cols[:, 0]
        for k in range(1, r):
            key = key * _MULT + cols[:, k]
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        edges = np.flatnonzero(np.diff(sorted_keys)) + 1
        bounds = np.concatenate([[0], edges, [len(key)]])
        sizes = np.diff(bounds)
        for start, size in zip(bounds[:-1][sizes > 1], sizes[sizes > 1]):
            if size > _MAX_BUCKET:
                continue
            group = np.sort(order[start : start + size])
            if not new[group].any():
                continue
            for a in range(size):
                for b in range(a + 1, size):
                    if new[group[a]] or new[group[b]]:
                        found.add((int(group[a]), int(group[b])))
    return found


def align(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> tuple[float, float, list[list[int]]]:
    """Exact overlap of two bodies' shingles: the share of a found in b, of b found in a, and the passages.

    Lines are body-line ranks (see :class:`Bodies`). A passage is a run of a's lines, each
    with at least ``LINE_MATCH`` of its shingles in b, whose counterparts in b run on line
    by line; a line's counterpart is the b line where most of its shingles first occur.
    """
    (ha, la), (hb, lb) = a, b
    in_b, in_a = np.isin(ha, hb), np.isin(hb, ha)
    shared_a = float(in_b.mean()) if in_b.size else 0.0
    shared_b = float(in_a.mean()) if in_a.size else 0.0
    first_in_b = dict(zip(hb[::-1].tolist(), lb[::-1].tolist()))  # the earliest line of each shingle in b
    passages: list[list[int]] = []
    open_run = False  # the previous line of a is in the last passage
    a_lines, starts, counts = np.unique(la, return_index=True, return_counts=True)
    for line, start, count in zip(a_lines.tolist(), starts.tolist(), counts.tolist()):
        hits = in_b[start : start + count]
        if hits.mean() < LINE_MATCH:
            open_run = False
            continue
        b_lines = [first_in_b[h] for h in ha[start : start + count][hits].tolist()]
        b_line = max(sorted(set(b_lines)), key=b_lines.count)
        # A paragraph dropped or added on either side ends the passage: b must go on at its next line.
        if open_run and 0 <= b_line - passages[-1][3] <= 1:
            passages[-1][1], passages[-1][3] = line, b_line
        else:
            passages.append([line, line, b_line, b_line])
        open_run = True
    return shared_a, shared_b, passages


def _likely(bodies: Bodies, sigs: np.ndarray, pairs: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidate pairs whose signatures say the smaller body may lie ``MIN_SHARED`` in the other.

    The Jaccard estimate J (the share of equal signature values) gives the overlap
    J / (1 + J) x (|a| + |b|) shingles; only pairs above ``ESTIMATE_FLOOR`` of the smaller are
    aligned, which spares the exact step the many pairs that meet on a sentence or two.
    """
    if not pairs:
        return []
    i, j = np.array(sorted(pairs)).T
    estimate = (sigs[i] == sigs[j]).mean(axis=1)
    sizes = np.diff(bodies.starts) - SHINGLE + 1
    overlap = estimate / (1 + estimate) * (sizes[i] + sizes[j])
    likely = overlap >= ESTIMATE_FLOOR * np.minimum(sizes[i], sizes[j])
    return list(zip(i[likely].tolist(), j[likely].tolist()))


def _pair_rows(bodies: Bodies, pairs: list[tuple[int, int]]) -> pd.DataFrame:
    """Aligned candidate pairs that count as reuse, by body key."""
    cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rows = []
    for i, j in pairs:
        for row in (i, j):
            if row not in cache:
                cache[row] = bodies.shingles(row)
        a, b = cache[i], cache[j]
        shared_a, shared_b, passages = align(a, b)
        matched = shared_a * len(a[0])
        if max(shared_a, shared_b) >= MIN_SHARED and matched >= MIN_SHINGLES and passages:
            rows.append((bodies.keys[i], bodies.keys[j], shared_a, shared_b, passages))
    return pd.DataFrame(rows, columns=["key_a", "key_b", "shared_a", "shared_b", "passages"])


def reuse_pairs(bodies: Bodies, previous: ReuseIndex | None = None) -> ReuseIndex:
    """Every pair of bodies that share text, aligned; with ``previous``, only pairs touching a new body are sought."""
    old_row = {k: i for i, k in enumerate(previous.keys)} if previous else {}
    known = np.array([k in old_row for k in bodies.keys], bool)
    sigs = np.empty((len(bodies.keys), NUM_PERM), np.uint32)
    if known.any():
        sigs[known] = previous.signatures[[old_row[k] for k in bodies.keys if k in old_row]]
    todo = np.flatnonzero(~known).tolist()
    sigs[~known] = signatures(bodies, todo)
    found = _pair_rows(bodies, _likely(bodies, sigs, candidates(sigs, ~known)))
    if previous is not None and len(previous.pairs):
        present = set(bodies.keys)
        kept = previous.pairs[previous.pairs["key_a"].isin(present) & previous.pairs["key_b"].isin(present)]
        found = pd.concat([kept, found], ignore_index=True)
    logger.info("reuse: %d bodies, %d new, %d pairs", len(bodies.keys), len(todo), len(found))
    return ReuseIndex(list(bodies.keys), sigs, found.reset_index(drop=True))


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


def _facts(articles: pd.DataFrame) -> dict[str, dict]:
    """Per article id, what decides a pair's direction."""
    published = articles["published"] if "published" in articles else pd.Series(pd.NaT, articles.index)
    outlets = articles["outlet"] if "outlet" in articles else pd.Series(None, articles.index)
    credits = articles["attributions"] if "attributions" in articles else pd.Series([()] * len(articles), articles.index)
    return {i: {"published": p, "outlet": o if isinstance(o, str) else None, "attributions": set(c if c is not None else ())}
            for i, p, o, c in zip(articles["article_id"], published, outlets, credits)}


def reuse_table(articles: pd.DataFrame, bodies: Bodies, index: ReuseIndex) -> pd.DataFrame:
    """The ``reuse`` table of a corpus from its bodies and the pairs of its index (see the module docstring)."""
    by_key: dict[str, list[str]] = {}
    for article_id, row in bodies.articles.items():
        by_key.setdefault(bodies.keys[row], []).append(article_id)
    facts = _facts(articles)
    rows = []

    def add(a: str, b: str, shared_a: float, shared_b: float, spans: list[list[int]]) -> None:
        na, nb = bodies.line_numbers[a], bodies.line_numbers[b]
        passages = [[na[p[0]], na[p[1]], nb[p[2]], nb[p[3]]] for p in spans]
        back = [[p[2], p[3], p[0], p[1]] for p in passages]
        if (basis := _direction(facts[a], facts[b])) is not None:
            rows.append((a, b, shared_a, passages, basis))
        elif (basis := _direction(facts[b], facts[a])) is not None:
            rows.append((b, a, shared_b, back, basis))
        else:
            rows.extend([(a, b, shared_a, passages, "unknown"), (b, a, shared_b, back, "unknown")])

    for pair in index.pairs.itertuples(index=False):
        for a in by_key.get(pair.key_a, ()):
            for b in by_key.get(pair.key_b, ()):
                add(a, b, pair.shared_a, pair.shared_b, [list(map(int, p)) for p in pair.passages])
    for same in by_key.values():  # one body under several ids: each is all of the other
        for k, a in enumerate(same):
            for b in same[k + 1 :]:
                add(a, b, 1.0, 1.0, [[0, len(bodies.line_numbers[a]) - 1, 0, len(bodies.line_numbers[b]) - 1]])
    frame = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    return frame.sort_values(["article_id", "source_id"], kind="stable").reset_index(drop=True)


def find_reuse(articles: pd.DataFrame, lines: pd.DataFrame, previous: ReuseIndex | None = None
               ) -> tuple[pd.DataFrame, ReuseIndex]:
    """The ``reuse`` table of a corpus and the index to pass back in when articles are added."""
    bodies = body_table(articles, lines)
    index = reuse_pairs(bodies, previous)
    return reuse_table(articles, bodies, index), index
