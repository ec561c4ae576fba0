"""Decide which sentences of a dataset record its scraper wrote twice in a row.

Some scrapers flatten an article into one line and take each paragraph twice (a visible copy
and a screen-reader or AMP copy): "A. B. A. B. C. C." Read as one line, the record's text and
every name in it count double. A record line holding such repeats is cut into segments at the
sentence ends that bound them, each segment a span of the original text, so the second copy
can be marked as printed again while offsets still index the record as stored. Lines without
repeats stay whole.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_SENTENCE_END_RE = re.compile(r"[।?!]+['\"’”)]*(?=\s|$)")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[।?!])\s+")  # a quick first cut: is any sentence there twice?
MAX_RUN = 12          # sentences in one doubled paragraph
MIN_RUN_WORDS = 6     # a shorter run said twice may be the writer's ("না। না।")
MIN_LINE_WORDS = 40   # only a flattened article's line holds paragraphs to repeat


def _doubled(sentences: list[str]) -> list[bool]:
    """For each sentence, whether it belongs to a run that repeats the run right before it."""
    repeat = [False] * len(sentences)
    i = 1
    while i < len(sentences):
        for run in range(1, min(MAX_RUN, i) + 1):
            before, here = sentences[i - run : i], sentences[i : i + run]
            if here == before and not any(repeat[i - run : i]) and sum(len(s.split()) for s in here) >= MIN_RUN_WORDS:
                repeat[i : i + run] = [True] * run
                i += run
                break
        else:
            i += 1
    return repeat


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, white space between them left out."""
    spans, at = [], start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        spans.append((at, m.end()))
        at = m.end()
        while at < end and text[at].isspace():
            at += 1
    if at < end and text[at:end].strip():
        spans.append((at, end))
    return spans


def split_doubled(text: str, spans: list[tuple[int, int, int]]) -> tuple[list[tuple[int, int, int]], set[int]]:
    """Line spans ``(n, start, end)`` with each line that holds doubled sentences cut into runs of
    first copies and runs of second copies; returns the renumbered spans and the numbers of the
    second copies."""
    out: list[tuple[int, int, int]] = []
    repeats: set[int] = set()
    for _, start, end in spans:
        cut = _SENTENCE_SPLIT_RE.split(text[start:end]) if text.count(" ", start, end) >= MIN_LINE_WORDS else []
        found = _sentences(text, start, end) if len(set(cut)) < len(cut) else []  # no sentence twice: no repeat
        repeat = _doubled([text[a:b] for a, b in found]) if found else []
        if not any(repeat):
            out.append((len(out) + 1, start, end))
            continue
        k = 0
        while k < len(found):
            j = k
            while j + 1 < len(found) and repeat[j + 1] == repeat[k]:
                j += 1
            out.append((len(out) + 1, found[k][0], found[j][1]))
            if repeat[k]:
                repeats.add(len(out))
            k = j + 1
    if repeats:
        logger.debug("%d runs of sentences printed twice in a row", len(repeats))
    return out, repeats
