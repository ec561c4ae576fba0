"""Raw entity mentions of whole texts, with character offsets into the original text.

The tagger works on normalised lines (NFC, no zero-width characters); this module
maps every mention back to the characters of the text as read, so the reader can
highlight exactly what the page says.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from loaders.entities.mentions import RawMention
from loaders.entities.tagger import EntityTagger, default_tagger
from loaders.textnorm import normalise

logger = logging.getLogger(__name__)

MENTION_COLUMNS = ["n", "start", "end", "surface", "type", "gazetteer_id", "basis", "next_word"]


def tag_spans(source: str, spans: Sequence[tuple[int, int]], tagger: EntityTagger | None = None
              ) -> list[list[RawMention]]:
    """Mentions inside each ``(start, end)`` span of ``source``, offsets into ``source``.

    ``surface`` is the normalised mention text (what matching and linking use); the
    offsets cover the original characters, zero-width ones included.
    """
    tagger = tagger or default_tagger()
    maps = [normalise(source[start:end]) for start, end in spans]
    found = tagger.mentions([norm.text for norm in maps])
    result = []
    for (start, _), norm, mentions in zip(spans, maps, found):
        shifted = []
        for mention in mentions:
            begin, finish = norm.source_span(mention.start, mention.end)
            shifted.append(RawMention(start + begin, start + finish, mention.surface, mention.type,
                                      mention.gazetteer_id, mention.basis, mention.next_word))
        result.append(shifted)
    return result


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


def mention_columns(source: str, lines: Iterable, tagger: EntityTagger | None = None) -> dict[str, list]:
    """Column lists (see ``MENTION_COLUMNS``) of the mentions in an article's non-blank lines.

    ``lines`` are :class:`loaders.lines.Line` objects (``n``, ``start``, ``end``, ``kind``).
    """
    chosen = [line for line in lines if line.kind != "blank"]
    found = tag_spans(source, [(line.start, line.end) for line in chosen], tagger)
    columns: dict[str, list] = {name: [] for name in MENTION_COLUMNS}
    for line, mentions in zip(chosen, found):
        for mention in mentions:
            columns["n"].append(line.n)
            columns["start"].append(mention.start)
            columns["end"].append(mention.end)
            columns["surface"].append(" ".join(mention.surface.split()))
            columns["type"].append(mention.type)
            columns["gazetteer_id"].append(mention.gazetteer_id)
            columns["basis"].append(mention.basis)
            columns["next_word"].append(mention.next_word)
    return columns
