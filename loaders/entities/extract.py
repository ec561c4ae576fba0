"""Raw entity mentions of whole texts, with character offsets into the original text.

The tagger reads normalised tokens (NFC, no zero-width characters) but reports
offsets into the lines as written; this module places them in the whole text, so the
reader can highlight exactly what the page says.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from loaders.entities.mentions import RawMention
from loaders.entities.tagger import EntityTagger, default_tagger

logger = logging.getLogger(__name__)

# The line number, then the fields of a mention (offsets into the whole text).
MENTION_COLUMNS = ["n", *RawMention._fields]
_FIELDS = MENTION_COLUMNS[3:]  # the columns copied from each mention as they are


def tag_spans(source: str, spans: Sequence[tuple[int, int]], tagger: EntityTagger | None = None
              ) -> list[list[RawMention]]:
    """Mentions inside each ``(start, end)`` span of ``source``, offsets into ``source``.

    ``surface`` is the normalised mention text (what matching and linking use); the
    offsets cover the original characters, zero-width ones included.
    """
    return tag_many([(source, spans)], tagger)[0]


def tag_many(texts: Sequence[tuple[str, Sequence[tuple[int, int]]]], tagger: EntityTagger | None = None
             ) -> list[list[list[RawMention]]]:
    """``tag_spans`` of many ``(source, spans)`` pairs at once (the CRF decodes them as one batch)."""
    found = _line_mentions(texts, tagger)
    return [[[RawMention(start + mention[0], start + mention[1], *mention[2:]) for mention in mentions]
             for (start, _), mentions in zip(spans, text_mentions)]
            for (_, spans), text_mentions in zip(texts, found)]


def _line_mentions(texts: Sequence[tuple[str, Sequence[tuple[int, int]]]], tagger: EntityTagger | None
                   ) -> list[list[list[tuple]]]:
    """Mentions per span of each text (tuples of :class:`RawMention` fields), offsets into the span."""
    tagger = tagger or default_tagger()
    return tagger.mentions_of_texts([[source[start:end] for start, end in spans] for source, spans in texts])


def tag_text(text: str, tagger: EntityTagger | None = None) -> list[RawMention]:
    """Every entity mention in ``text``, line by line, with offsets into ``text``.

    Gazetteer matches come first (``basis="gazetteer"``, ``gazetteer_id`` set); the CRF
    finds the names the gazetteer does not know (``basis="tagger"``). Mentions never
    cross a line break.
    """
    spans, position = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            spans.append((position, position + len(body)))
        position += len(line)
    return [mention for line in tag_spans(text, spans, tagger) for mention in line]


def mention_columns(articles: Sequence[tuple[str, Iterable]], tagger: EntityTagger | None = None
                    ) -> list[dict[str, list]]:
    """Per ``(source, lines)`` article, column lists (see ``MENTION_COLUMNS``) of the mentions in its non-blank lines.

    ``lines`` are :class:`loaders.lines.Line` objects (``n``, ``start``, ``end``, ``kind``).
    Pass many articles at once: their lines are tagged as one batch.
    """
    chosen = [[line for line in lines if line.kind != "blank"] for _, lines in articles]
    found = _line_mentions([(source, [(line.start, line.end) for line in lines])
                            for (source, _), lines in zip(articles, chosen)], tagger)
    result = []
    for lines, article_mentions in zip(chosen, found):
        columns: dict[str, list] = {name: [] for name in MENTION_COLUMNS}
        for line, mentions in zip(lines, article_mentions):
            if not mentions:
                continue
            starts, ends, *fields = zip(*mentions)
            columns["n"] += [line.n] * len(mentions)
            columns["start"] += [line.start + start for start in starts]
            columns["end"] += [line.start + end for end in ends]
            for name, values in zip(_FIELDS, fields):
                columns[name] += values
        result.append(columns)
    return result
