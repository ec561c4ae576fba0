"""Distributional word clusters learned from unlabelled Bengali news (training time only).

Each frequent word gets a vector of positive PMI with its left and right
neighbours, reduced by a randomised SVD; a three-level k-means tree over those
vectors gives every word a path such as ``7.2.5``. Words that share a prefix of
that path are used alike, which lets the tagger generalise to names it never saw
labelled.
"""
from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from loaders.entities.features import frequency_bucket
from loaders.entities.text import tokenize
from loaders.textnorm import clean

logger = logging.getLogger(__name__)

VOCABULARY_SIZE = 40000
CONTEXT_SIZE = 3000
DIMENSIONS = 128
TREE = (16, 8, 8)
MIN_COUNT = 3


def corpus_texts(corpus_dir: Path) -> Iterator[str]:
    """Article texts of the unlabelled corpora (Ittefaq .txt, news CSVs, the scraped JSON)."""
    for path in sorted((corpus_dir / "ittefaq-2019").glob("*.txt")):
        yield path.read_text(encoding="utf-8-sig")
    csv.field_size_limit(1 << 24)
    for path in sorted((corpus_dir / "csv").glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                yield "\n".join(row)
    json_path = corpus_dir / "bd-newspapers-2025.json"
    if json_path.exists():
        for record in json.loads(json_path.read_text(encoding="utf-8")):
            yield "\n".join(str(record.get(k) or "") for k in ("headline", "article"))


def token_lines(texts: Iterable[str]) -> Iterator[list[str]]:
    """Token lists, one per non-blank line of every text."""
    for text in texts:
        for line in clean(text).splitlines():
            tokens = tokenize(line)
            if tokens:
                yield tokens


def _ppmi_vectors(lines: list[list[str]], vocabulary: list[str], contexts: list[str]) -> np.ndarray:
    """Rows of positive PMI between each vocabulary word and its left/right context words."""
    word_id = {w: i for i, w in enumerate(vocabulary)}
    context_id = {w: i for i, w in enumerate(contexts)}
    n_ctx = len(contexts)
    pairs: Counter = Counter()
    for tokens in lines:
        ids = [word_id.get(t, -1) for t in tokens]
        ctx = [context_id.get(t, -1) for t in tokens]
        for i, w in enumerate(ids):
            if w < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                pairs[w, ctx[i - 1]] += 1
            if i + 1 < len(ids) and ctx[i + 1] >= 0:
                pairs[w, n_ctx + ctx[i + 1]] += 1
    matrix = np.zeros((len(vocabulary), 2 * n_ctx), dtype=np.float32)
    for (w, c), count in pairs.items():
        matrix[w, c] = count
    total = matrix.sum()
    row = matrix.sum(axis=1, keepdims=True)
    col = matrix.sum(axis=0, keepdims=True) ** 0.75
    col = col / col.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(matrix * total / (row * col))
    return np.nan_to_num(np.maximum(pmi, 0), posinf=0.0).astype(np.float32)


def _reduce(matrix: np.ndarray, rank: int, rng: np.random.Generator) -> np.ndarray:
    """Unit-length rows of a randomised truncated SVD of ``matrix``."""
    sketch = matrix @ rng.standard_normal((matrix.shape[1], rank + 10), dtype=np.float32)
    for _ in range(2):
        sketch = matrix @ (matrix.T @ sketch)
        sketch, _ = np.linalg.qr(sketch)
    basis, _ = np.linalg.qr(sketch)
    u, s, _ = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    vectors = (basis @ u[:, :rank]) * np.sqrt(s[:rank])
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)


def spherical_kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 25) -> np.ndarray:
    """Spherical k-means labels for unit-length ``vectors``."""
    if len(vectors) <= k:
        return np.arange(len(vectors))
    centres = vectors[rng.choice(len(vectors), k, replace=False)]
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[labels == j]
            if len(members):
                centre = members.sum(axis=0)
                centres[j] = centre / max(np.linalg.norm(centre), 1e-8)
    return labels


def _tree_paths(vectors: np.ndarray, rng: np.random.Generator) -> list[str]:
    """A path ``a.b.c`` per row from k-means applied level by level."""
    paths = [""] * len(vectors)
    groups = [np.arange(len(vectors))]
    for k in TREE:
        next_groups = []
        for members in groups:
            labels = spherical_kmeans(vectors[members], k, rng)
            for j in range(k):
                chosen = members[labels == j]
                for index in chosen:
                    paths[index] = f"{paths[index]}.{j}" if paths[index] else str(j)
                if len(chosen):
                    next_groups.append(chosen)
        groups = next_groups
    return paths


def build_clusters(lines: list[list[str]], output: Path, seed: int = 13) -> int:
    """Learn clusters from tokenised ``lines`` and write ``word<TAB>path<TAB>frequency bucket``."""
    counts = Counter(t for tokens in lines for t in tokens)
    ranked = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    vocabulary = ranked[:VOCABULARY_SIZE]
    logger.info("clusters: %d tokens, %d types, %d in vocabulary", sum(counts.values()), len(counts), len(vocabulary))
    rng = np.random.default_rng(seed)
    vectors = _reduce(_ppmi_vectors(lines, vocabulary, ranked[:CONTEXT_SIZE]), DIMENSIONS, rng)
    paths = _tree_paths(vectors, rng)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        for word, path in zip(vocabulary, paths):
            handle.write(f"{word}\t{path}\t{frequency_bucket(counts[word])}\n")
    return len(vocabulary)
