"""The entity gazetteer (``loaders/data/gazetteer.csv``) and a token-level matcher over it.

CSV columns: ``id`` (stable slug), ``type`` (PER/LOC/ORG), ``aliases_bn`` (``|``-separated
Bengali spellings; the first is the canonical form; adjectives such as রুশ and
মার্কিন are aliases of their country), ``label_en`` (English name).
"""
from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from loaders.entities.text import CASE_SUFFIXES, nfc, tokenize

logger = logging.getLogger(__name__)

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer.csv"
ENTITY_TYPES = ("PER", "LOC", "ORG")
_JOINERS = ("-", "'", "’")
# A misspelt first word (কিং জং উন for কিম জং উন) still matches a multi-word alias when
# it is this long and one edit away, and the rest of the alias matches exactly.
_MIN_FUZZY_WORD = 3


@dataclass(frozen=True)
class GazetteerEntry:
    """One real-world entity: canonical Bengali name, every alias, English label."""

    id: str
    type: str
    name_bn: str
    aliases: tuple[str, ...]
    label_en: str


def inflected_forms(word: str) -> set[str]:
    """``word`` itself plus every spelling with a case ending glued or joined on."""
    forms = {word}
    for suffix in CASE_SUFFIXES:
        forms.add(word + suffix)
        if not suffix.startswith("\u09c7"):
            forms.update(word + joiner + suffix for joiner in _JOINERS)
    return forms


class Gazetteer:
    """Entries by id plus a longest-match lookup over token sequences.

    Only the last token of an alias may carry a case ending (রাশিয়ার, উত্তর
    কোরিয়াকে); earlier tokens must match exactly, except that the first word of a
    multi-word alias may be misspelt by one character.
    """

    def __init__(self, entries: list[GazetteerEntry]):
        self.entries = {entry.id: entry for entry in entries}
        self._by_first: dict[str, list[tuple[int, tuple[str, ...], frozenset[str], str]]] = {}
        self._by_second: dict[str, list[tuple[str, int, tuple[str, ...], frozenset[str], str]]] = {}
        self.alias_tokens: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
        self.single_aliases: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
        self.alias_to_id: dict[str, str] = {}
        for entry in entries:
            for alias in entry.aliases:
                self._add_alias(alias, entry)
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -c[0])
        for candidates in self._by_second.values():
            candidates.sort(key=lambda c: -c[1])
        # Per second word, the lengths a misspelt first word may have (one edit from a real one).
        # Most second words share their candidates' first-word lengths, so each set of sizes is built once.
        sizes_of: dict[tuple[int, ...], frozenset[int]] = {}
        self._fuzzy_sizes = {}
        for second, candidates in self._by_second.items():
            lengths = tuple(len(c[0]) for c in candidates)
            sizes = sizes_of.get(lengths)
            if sizes is None:
                sizes = sizes_of[lengths] = frozenset(size + step for size in lengths for step in (-1, 0, 1))
            self._fuzzy_sizes[second] = sizes

    def _add_alias(self, alias: str, entry: GazetteerEntry) -> None:
        """Index one alias under its first token."""
        words = tuple(tokenize(alias))
        if not words:
            return
        self.alias_to_id.setdefault(alias, entry.id)
        self.alias_tokens[entry.type].update(words)
        # One candidate tuple per alias, shared by every form it is indexed under.
        if len(words) == 1:
            self.single_aliases[entry.type].add(words[0])
            candidate = (1, (), frozenset(), entry.id)
            for form in inflected_forms(words[0]):
                self._by_first.setdefault(form, []).append(candidate)
            return
        last_forms = frozenset(inflected_forms(words[-1]))
        self._by_first.setdefault(words[0], []).append((len(words), words[1:-1], last_forms, entry.id))
        if len(words[0]) >= _MIN_FUZZY_WORD:
            candidate = (words[0], len(words), words[2:-1], last_forms, entry.id)
            for second in (last_forms if len(words) == 2 else (words[1],)):
                self._by_second.setdefault(second, []).append(candidate)

    def match_at(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """Longest alias starting at ``tokens[i]`` as (token count, entry id), or None."""
        candidates = self._by_first.get(tokens[i])
        if not candidates:
            return None
        for length, middle, last_forms, entry_id in candidates:
            end = i + length
            if length == 1:
                return 1, entry_id
            if end <= len(tokens) and tokens[end - 1] in last_forms and tuple(tokens[i + 1:end - 1]) == middle:
                return length, entry_id
        return None

    def fuzzy_match_at(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """Longest multi-word alias at ``tokens[i]`` whose first word is one edit from ``tokens[i]``."""
        size = len(tokens[i])
        if i + 1 >= len(tokens) or size < _MIN_FUZZY_WORD or size not in self._fuzzy_sizes.get(tokens[i + 1], ()):
            return None
        for first, length, middle, last_forms, entry_id in self._by_second.get(tokens[i + 1], ()):
            if abs(len(first) - size) > 1:  # never one edit apart
                continue
            end = i + length
            if end > len(tokens) or tokens[end - 1] not in last_forms or tuple(tokens[i + 2:end - 1]) != middle:
                continue
            if Levenshtein.distance(first, tokens[i], score_cutoff=1) == 1:
                return length, entry_id
        return None

    def fuzzy_first_sizes(self, second: str) -> tuple[int, int]:
        """Shortest and longest a misspelt first word before ``second`` can be (an empty range if none)."""
        sizes = self._fuzzy_sizes.get(second)
        return (max(min(sizes), _MIN_FUZZY_WORD), max(sizes)) if sizes else (1, 0)

    def first_tokens(self) -> frozenset[str]:
        """Every token that can start a match (for a cheap pre-check)."""
        return frozenset(self._by_first)

    def second_tokens(self) -> frozenset[str]:
        """Every token that can follow a misspelt first word (for a cheap pre-check)."""
        return frozenset(self._by_second)


def read_entries(path: Path = GAZETTEER_PATH) -> list[GazetteerEntry]:
    """Parse the gazetteer CSV, NFC-normalising every Bengali string."""
    entries = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = tuple(dict.fromkeys(nfc(a.strip()) for a in row["aliases_bn"].split("|") if a.strip()))
            kind = row["type"].strip()
            if kind not in ENTITY_TYPES or not aliases:
                logger.warning("gazetteer row %s skipped: type %r, %d aliases", row.get("id"), kind, len(aliases))
                continue
            entries.append(GazetteerEntry(row["id"].strip(), kind, aliases[0], aliases, row["label_en"].strip()))
    return entries


@functools.cache
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """The project gazetteer, parsed once per process."""
    return Gazetteer(read_entries(path))
