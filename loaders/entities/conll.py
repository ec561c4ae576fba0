"""CoNLL-style ``token<TAB>tag`` files: tolerant reading, and entity-level scoring by conlleval rules."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from loaders.textnorm import clean

logger = logging.getLogger(__name__)

ENTITY_TAGS = frozenset(f"{p}-{t}" for p in "BI" for t in ("PER", "LOC", "ORG"))
_BIO_PREFIXES = {"S-": "B-", "E-": "I-"}


def normalise_tag(tag: str) -> str:
    """Map a raw tag to B-/I- PER/LOC/ORG or O (TIM, blanks and anything unknown become O)."""
    tag = tag.strip()
    return tag if tag in ENTITY_TAGS else "O"


def read_conll(path: Path | str) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a ``token<TAB>tag`` file.

    Tolerates a BOM, CRLF, missing or doubled tabs (the tag is the last non-empty
    field after the token) and runs of blank lines. A line whose token is empty
    is kept as an empty token so that output stays aligned with the input.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            fields = line.split("\t")
            rest = [f for f in fields[1:] if f.strip()]
            current.append((fields[0].strip(), rest[-1] if rest else "O"))
    if current:
        sentences.append(current)
    return sentences


def training_sentences(path: Path | str) -> list[tuple[list[str], list[str]]]:
    """(normalised tokens, normalised tags) pairs for training, dropping empty tokens."""
    result = []
    for sentence in read_conll(path):
        pairs = [(clean(token), normalise_tag(tag)) for token, tag in sentence if token]
        if pairs:
            result.append(([t for t, _ in pairs], [g for _, g in pairs]))
    return result


def chunks(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """Entity chunks (start, end, type) by conlleval rules: I- after O or another type starts a chunk."""
    found = set()
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, tag_type = tag.partition("-")
        continues = prefix == "I" and kind == tag_type
        if start is not None and not continues:
            found.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, tag_type
    return found


def to_bioes(tags: list[str]) -> list[str]:
    """BIO tags as BIOES, by conlleval's chunks: S- for a one-token chunk, E- for the last token of a longer one."""
    result = ["O"] * len(tags)
    for start, end, kind in chunks(tags):
        if end - start == 1:
            result[start] = f"S-{kind}"
        else:
            result[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 2) + [f"E-{kind}"]
    return result


def bio_tag(label: str) -> str:
    """A BIOES label as BIO: S- becomes B-, E- becomes I-."""
    prefix = _BIO_PREFIXES.get(label[:2])
    return prefix + label[2:] if prefix else label


@dataclass
class Score:
    """Entity-level counts per type, with precision/recall/F1 helpers."""

    true_positive: Counter
    predicted: Counter
    gold: Counter

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one type, or overall when ``kind`` is None."""
        tp = self.true_positive[kind] if kind else sum(self.true_positive.values())
        pred = self.predicted[kind] if kind else sum(self.predicted.values())
        gold = self.gold[kind] if kind else sum(self.gold.values())
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def report(self) -> str:
        """A small table like conlleval's summary."""
        lines = []
        for kind in (None, "PER", "LOC", "ORG"):
            p, r, f = self.prf(kind)
            count = self.gold[kind] if kind else sum(self.gold.values())
            lines.append(f"{kind or 'overall':8s} P={p:.4f} R={r:.4f} F1={f:.4f} (gold {count})")
        return "\n".join(lines)


def score(gold: list[list[str]], predicted: list[list[str]]) -> Score:
    """Exact span-and-type scoring of predicted against gold tag sequences."""
    tp, pred_count, gold_count = Counter(), Counter(), Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_chunks, pred_chunks = chunks(gold_tags), chunks(pred_tags)
        gold_count.update(k for _, _, k in gold_chunks)
        pred_count.update(k for _, _, k in pred_chunks)
        tp.update(k for _, _, k in gold_chunks & pred_chunks)
    return Score(tp, pred_count, gold_count)
