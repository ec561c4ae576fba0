"""Word-embedding classes and name lists for the CRF (training time only).

Skip-gram word2vec vectors (gensim, a development dependency) learned from the
unlabelled corpora are grouped by spherical k-means at several sizes; every word
gets one class per size, written coarsest first as ``word<TAB>k64=3,k256=17,k1024=801``.
A narrow window makes words alike when they are used alike (ঢাকা, চট্টগ্রাম, খুলনা),
which the PPMI tree of ``clusters`` captures only in part. The runtime reads the
written file and never imports gensim.
"""
from __future__ import annotations

import logging
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from loaders.entities.clusters import spherical_kmeans
from loaders.entities.text import split_suffix
from loaders.textnorm import clean

logger = logging.getLogger(__name__)

CLASS_SIZES = (64, 256, 1024)
WINDOW = 2
DIMENSIONS = 100
MIN_COUNT = 2
EPOCHS = 10
NEGATIVE = 10
SUBSAMPLE = 1e-4
SEED = 13
# A word enters the name list for a type when at least this share of its annotated occurrences has that type.
MIN_NAME_SHARE = 0.5
# A word is a person-name word when this share of its occurrences is annotated PER: common
# surnames sit near one half (ইসলাম, হোসেন, খান: the annotators leave some untagged), while
# words that are names only now and then stay far below it (সরকার 5 of 125).
MIN_PERSON_SHARE = 0.4
COMMON_STEM_SHARE = 0.015  # of sentences that say a word stem, for it to be said in any story


def _stable_hash(text: str) -> int:
    """A hash that does not change between processes, so that word2vec starts from the same vectors every run."""
    return zlib.crc32(text.encode("utf-8"))


def word_vectors(lines: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """Vocabulary and unit-length skip-gram vectors of tokenised ``lines`` (one worker, so reproducible)."""
    from gensim.models import Word2Vec  # development dependency: requirements-dev.txt

    logging.getLogger("gensim").setLevel(logging.WARNING)  # it logs every few percent of every epoch
    model = Word2Vec(lines, vector_size=DIMENSIONS, window=WINDOW, min_count=MIN_COUNT, sg=1, negative=NEGATIVE,
                     epochs=EPOCHS, sample=SUBSAMPLE, workers=1, seed=SEED, hashfxn=_stable_hash)
    vectors = model.wv.vectors
    return list(model.wv.index_to_key), vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)


def build_word_classes(lines: list[list[str]], output: Path) -> int:
    """Learn word vectors from ``lines`` and write each word's k-means class at every size in ``CLASS_SIZES``."""
    vocabulary, vectors = word_vectors(lines)
    logger.info("word classes: %d words, %d dimensions", len(vocabulary), vectors.shape[1])
    rng = np.random.default_rng(SEED)
    labels = [spherical_kmeans(vectors, k, rng) for k in CLASS_SIZES]
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        for i, word in enumerate(vocabulary):
            handle.write(word + "\t" + ",".join(f"k{k}={found[i]}" for k, found in zip(CLASS_SIZES, labels)) + "\n")
    return len(vocabulary)


def build_names(sentences: list[tuple[list[str], list[str]]], output: Path) -> int:
    """Write ``word<TAB>PER,LOC``: words (and their stems) mostly annotated as part of a name of those types."""
    total: Counter = Counter()
    typed: dict[str, Counter] = defaultdict(Counter)
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags):
            for word in {token, split_suffix(token)[0]}:
                total[word] += 1
                if tag != "O":
                    typed[word][tag[2:]] += 1
    written = 0
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        for word, kinds in sorted(typed.items()):
            chosen = sorted(kind for kind, count in kinds.items() if count >= MIN_NAME_SHARE * total[word])
            if chosen and len(word) > 1 and word[0].isalpha():
                handle.write(f"{word}\t{','.join(chosen)}\n")
                written += 1
    return written


def build_person_words(sentences: list[tuple[list[str], list[str]]], output: Path) -> int:
    """Write the words that are mostly annotated as part of a person's name, one per line.

    The layout reads them to tell an author's name standing alone on a line ("কামরুল
    হাসান") from a headline; see ``loaders/layout/features.py``.
    """
    total: Counter = Counter()
    person: Counter = Counter()
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags):
            word = clean(token)
            total[word] += 1
            person[word] += tag.endswith("PER")
    chosen = sorted(w for w, n in person.items()
                    if n and n >= MIN_PERSON_SHARE * total[w] and len(w) > 1 and w[0].isalpha())
    output.write_text(
        "# Person-name words: annotated PER in at least 40% of their occurrences in rifat1493/train.txt\n"
        "# and banglakit/main.jsonl (never rifat1493/test.txt). Rebuilt by `python -m loaders.entities person-words`.\n"
        + "".join(f"{w}\n" for w in chosen), encoding="utf-8")
    return len(chosen)


def build_common_stems(sentences: list[tuple[list[str], list[str]]], output: Path) -> int:
    """Write the word stems (see :func:`loaders.layout.features.word_stems`) found in at least
    ``COMMON_STEM_SHARE`` of the sentences, one per line.

    Any story says them ("থেকে", "হয়েছে", "জানিয়েছে", and "প্রতি", "প্রথম", "প্রকাশ", whose four
    letters are one): the layout leaves them out when it asks whether paragraphs tell one story, as
    a section page's teasers of different stories would otherwise share them.
    """
    from loaders.layout.features import word_stems

    counts: Counter = Counter()
    for tokens, _ in sentences:
        counts.update(word_stems(" ".join(tokens)))
    chosen = sorted(stem for stem, n in counts.items() if n >= COMMON_STEM_SHARE * len(sentences))
    output.write_text(
        "# Word stems said in at least 1.5% of the sentences of rifat1493/train.txt and banglakit/main.jsonl\n"
        "# (never rifat1493/test.txt). Rebuilt by `python -m loaders.entities common-stems`.\n"
        + "".join(f"{stem}\n" for stem in chosen), encoding="utf-8")
    return len(chosen)
