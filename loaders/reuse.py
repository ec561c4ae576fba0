"""Republished text: which articles share body text with which, how much, where, and who was first.

A pure stage after parsing: :func:`loaders.reuse_index.find_reuse` takes the ``articles``
and ``lines`` tables of a :class:`loaders.corpus.Corpus` and returns the ``reuse`` table,
one row per article and the article it shares text with:

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
Candidates come from MinHash signatures (``rensa``, 120 permutations) banded into 60
bands of 2 rows, which finds pairs whose shingle sets overlap by a Jaccard of about 0.2
or more; each candidate is then aligned exactly on its shingles, so the figures
are never estimates. A pair counts when at least ``MIN_SHARED`` of either body and
``MIN_SHINGLES`` shingles are found in the other.

:class:`loaders.reuse_index.ReuseIndex` holds the signatures and pairs of the bodies
already compared, so that added articles are shingled and aligned alone.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import rensa

from .arrow_ops import isin
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
_TOKEN = re.compile(r"\S+")
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


def pair_shares(reuse: pd.DataFrame, first: str, second: str) -> tuple[float | None, float | None]:
    """The share of ``first``'s body found in ``second`` and of ``second``'s in ``first``, from the
    ``reuse`` rows between them (None where no row says)."""
    shares: dict[str, float | None] = {first: None, second: None}
    between = reuse[((reuse["article_id"] == first) & (reuse["source_id"] == second))
                    | ((reuse["article_id"] == second) & (reuse["source_id"] == first))]
    shares.update(zip(between["article_id"], between["shared"].astype(float)))
    return shares[first], shares[second]


Body = tuple[str, list[tuple[int, int]]]  # a page's text and the (start, end) offsets of its body lines


def _body_words(body: Body) -> list[tuple[str, int, int, int]]:
    """Each word of the body lines, as :func:`normalise` reads it, with the offsets of the
    whitespace-separated token it came from and the index of its line."""
    text, ranges = body
    tokens = [(token, line) for line, (start, end) in enumerate(ranges) for token in _TOKEN.finditer(text, start, end)]
    read = normalise(pa.array([token.group() for token, _ in tokens], type=pa.string())).to_pylist()
    return [(word, token.start(), token.end(), line) for (token, line), words in zip(tokens, read) for word in words]


def shared_spans(first: Body, second: Body) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The runs of words each body shares with the other, ``SHINGLE`` words in a row or more (what
    the reuse table counts), as (start, end) offsets into each text, one run per line at most."""
    words = [_body_words(first), _body_words(second)]
    grams = [[tuple(w[0] for w in side[i : i + SHINGLE]) for i in range(len(side) - SHINGLE + 1)] for side in words]
    known = [set(side) for side in grams]
    spans: list[list[tuple[int, int]]] = [[], []]
    for side in (0, 1):
        found = [False] * len(words[side])
        for i, gram in enumerate(grams[side]):
            if gram in known[1 - side]:
                found[i : i + SHINGLE] = [True] * SHINGLE
        for k, (word, found_here) in enumerate(zip(words[side], found)):
            if not found_here:
                continue
            if k and found[k - 1] and words[side][k - 1][3] == word[3]:
                spans[side][-1] = (spans[side][-1][0], word[2])
            else:
                spans[side].append((word[1], word[2]))
    return spans[0], spans[1]


def normalise(texts: pa.Array) -> pa.ListArray:
    """The words of each body line: NFC, invisible characters dropped, split at spaces, edge punctuation trimmed."""
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()  # the word offsets below are rebuilt for one array
    text = pc.replace_substring_regex(pc.utf8_normalize(texts, "NFC"), f"[{INVISIBLE}]", "")
    words = pc.utf8_split_whitespace(pc.replace_substring_regex(text, _PUNCT, " "))
    # Arrow's split gives an empty word for a space at either end (a final danda), and one for an
    # empty line: those are no words.
    flat = pc.list_flatten(words)
    kept = pc.not_equal(flat, "")
    counts = np.bincount(pc.filter(pc.list_parent_indices(words), kept).to_numpy(), minlength=len(words))
    return pa.ListArray.from_arrays(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32), pc.filter(flat, kept))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _site_furniture(line_articles: pd.Series, articles: pd.DataFrame, word_hashes: np.ndarray, counts: np.ndarray,
                    prior: pd.Series | None, counted: bool) -> tuple[np.ndarray, pd.Series]:
    """Body lines that ``SITE_REPEATS`` or more articles of one site print: a site's furniture the line
    classifier took for text (a comments notice, an address), which would make its pages copies of each other.

    Also returns the number of articles printing each (site, line), by a hash of both, with the
    ``prior`` counts of the articles seen before added; ``counted`` says these lines are among them.
    """
    prior = prior if prior is not None else pd.Series(dtype="int64")
    if not len(counts):
        return np.zeros(0, bool), prior
    position = np.arange(len(word_hashes), dtype=np.uint64) - np.repeat(np.cumsum(counts) - counts, counts).astype(np.uint64)
    line_key = np.add.reduceat(word_hashes * (position * _MULT + np.uint64(1)), np.cumsum(counts) - counts)
    site_of = (articles["outlet"].fillna(articles["fingerprint"]) if "fingerprint" in articles else articles["outlet"]) \
        if "outlet" in articles else pd.Series("", articles.index)
    site = line_articles.map(dict(zip(articles["article_id"], site_of))).fillna("").astype(str)
    key = line_key * _MULT + pd.util.hash_array(site.to_numpy(dtype=object))
    frame = pd.DataFrame({"key": key, "article": line_articles.to_numpy()})
    total = prior if counted else prior.add(frame.drop_duplicates().groupby("key").size(), fill_value=0).astype("int64")
    return total.reindex(key).fillna(0).to_numpy() >= SITE_REPEATS, total


def body_table(articles: pd.DataFrame, lines: pd.DataFrame, prior: pd.Series | None = None, counted: bool = False
               ) -> tuple[Bodies, pd.Series]:
    """The body words of the article pages, grouped into distinct bodies (column operations in Arrow), and the
    site line counts (see :func:`_site_furniture`)."""
    kinds = articles["page_kind"].fillna("article") if "page_kind" in articles else pd.Series("article", articles.index)
    body = lines.loc[lines["kind"].astype(str).eq("body") & isin(lines["article_id"], articles["article_id"][kinds.eq("article")]),
                     ["article_id", "n", "text"]]
    split = normalise(pa.array(body["text"], type=pa.string()))
    counts = pc.list_value_length(split).to_numpy(zero_copy_only=False)
    body = body[counts > 0]  # a line of punctuation alone has no words
    counts = counts[counts > 0]
    words = pc.list_flatten(split)
    codes = pc.dictionary_encode(words)
    hashes = np.fromiter((_word_hash(w) for w in codes.dictionary.to_pylist()), np.uint64, len(codes.dictionary))
    word_hashes = hashes[codes.indices.to_numpy(zero_copy_only=False)]
    furniture, site_lines = _site_furniture(body["article_id"], articles, word_hashes, counts, prior, counted)
    keep = ~furniture
    word_hashes = word_hashes[np.repeat(keep, counts)]
    body, counts = body[keep], counts[keep]
    if body.empty:
        return Bodies([], np.empty(0, np.uint64), np.zeros(1, np.int64), np.empty(0, np.int64), {}, {}), site_lines
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
    return Bodies(keys, flat, starts, word_lines, articles_row, numbers), site_lines


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
    everything = bool(new.all())
    for band in range(BANDS):
        cols = sigs[:, band * r : (band + 1) * r].astype(np.uint64)
        key = cols[:, 0]
        for k in range(1, r):
            key = key * _MULT + cols[:, k]
        # Only buckets holding a new body matter: the rest are sorted out before the sort.
        rows = np.arange(len(key)) if everything else np.flatnonzero(np.isin(key, key[new]))
        order = rows[np.argsort(key[rows], kind="stable")]
        sorted_keys = key[order]
        edges = np.flatnonzero(np.diff(sorted_keys)) + 1
        bounds = np.concatenate([[0], edges, [len(order)]])
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


def likely(sizes: np.ndarray, sigs: np.ndarray, pairs: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidate pairs whose signatures say the smaller body may lie ``MIN_SHARED`` in the other.

    ``sizes`` are the bodies' shingle counts. The Jaccard estimate J (the share of equal
    signature values) gives the overlap J / (1 + J) x (|a| + |b|) shingles; only pairs above
    ``ESTIMATE_FLOOR`` of the smaller are aligned, which spares the exact step the many pairs
    that meet on a sentence or two.
    """
    if not pairs:
        return []
    i, j = np.array(sorted(pairs)).T
    estimate = (sigs[i] == sigs[j]).mean(axis=1)
    overlap = estimate / (1 + estimate) * (sizes[i] + sizes[j])
    found = overlap >= ESTIMATE_FLOOR * np.minimum(sizes[i], sizes[j])
    return list(zip(i[found].tolist(), j[found].tolist()))


def aligned_pairs(shingles_of, keys: list[str], pairs: list[tuple[int, int]]) -> pd.DataFrame:
    """The candidate pairs (rows of ``keys``) that count as reuse once aligned; ``shingles_of(row)``
    gives a body's shingles and lines."""
    cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rows = []
    for i, j in pairs:
        for row in (i, j):
            if row not in cache:
                cache[row] = shingles_of(row)
        a, b = cache[i], cache[j]
        shared_a, shared_b, passages = align(a, b)
        if max(shared_a, shared_b) >= MIN_SHARED and shared_a * len(a[0]) >= MIN_SHINGLES and passages:
            rows.append((keys[i], keys[j], shared_a, shared_b, passages))
    return pd.DataFrame(rows, columns=["key_a", "key_b", "shared_a", "shared_b", "passages"])
