"""Figures shared by the evaluations (``tests.evaluation``, ``tests.harness``): tokens, F1, date and
outlet verdicts, and the article fields the loaders' public tables give for each page."""
from __future__ import annotations

import unicodedata
from collections import Counter


def norm(text: str | None) -> str:
    """NFC with white space collapsed (zero-width joiners dropped)."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "").replace("\ufeff", "")
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Tokens: the text split at white space and at every punctuation character (। included)."""
    text = norm(text)
    return "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text).split()


def f1(predicted: list[str], gold: list[str]) -> float:
    """Bag-of-tokens F1 of one page; both empty counts as a perfect match."""
    if not predicted and not gold:
        return 1.0
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def same_time(predicted: str | None, gold: str | None) -> bool:
    """Exact to the minute when gold has a time, to the day when it has a day only; null must meet null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if "T" in gold:
        return predicted[:16] == gold[:16]
    return predicted[:10] == gold[:10]


def same_title(predicted: str | None, gold: str | None) -> bool:
    """Exact after NFC and white-space normalisation; a null gold title must be predicted null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return norm(predicted) == norm(gold)


def outlet_verdict(predicted: str | None, gold: str | None) -> str:
    """"right" (null meeting null included), "null" (no outlet where gold has one) or "wrong"."""
    if predicted == gold:
        return "right"
    return "null" if predicted is None else "wrong"


def is_article(page_kind: str | None) -> bool:
    """Pages the loaders do not mark (before the ``page_kind`` column existed) count as articles."""
    return page_kind in (None, "article")


def mean(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _value(row, name: str):
    """A table cell, with pandas' missing values (None, NaN, NA) as None."""
    v = row.get(name)
    return None if v is None or (not isinstance(v, (list, tuple, str)) and v != v) else v


def loader_fields(corpus) -> dict[str, dict]:
    """The loaders' article fields per source path, from a :class:`loaders.Corpus`'s ``articles`` table."""
    by_path = {}
    for _, row in corpus.articles.iterrows():
        by_path[row["path"]] = {
            "title": _value(row, "title"), "published": _value(row, "published_iso"),
            "updated": _value(row, "updated_iso"), "outlet": _value(row, "outlet"),
            "body_lines": [int(n) for n in row["body_lines"]], "body": _value(row, "body") or "",
            "page_kind": _value(row, "page_kind")}
    return by_path
