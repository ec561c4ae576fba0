"""Unicode clean-up of Bengali text for matching, with offsets back into the original.

Matching happens on a normalised copy (NFC, no BOM or zero-width characters), but
the reader highlights characters of the raw file, so every normalised string keeps a
map from its own positions to positions in the text it came from.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Invisible characters that scraped pages scatter through words; they never carry
# meaning for matching (ZWJ/ZWNJ only steer glyph shaping).
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_WORD_RE = re.compile(r"\S+")
# Words that NFC or the invisible-character filter may change: the Bengali letters
# NFC decomposes (ড় ঢ় য়), vowel-sign pairs it composes (ে + া/ৗ), the nukta, combining
# marks of Latin text, and the invisible characters themselves.
_SUSPECT_WORD_RE = re.compile(f"\\S*(?:[\u09dc\u09dd\u09df\u09bc\u0300-\u036f{INVISIBLE}]|\u09c7[\u09be\u09d7])\\S*")

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
# Python's \w misses Bengali vowel signs and the virama, so word boundaries in Bengali
# text must name the whole block explicitly.
WORD_START = r"(?<![\w\u0980-\u09FF])"
WORD_END = r"(?![\w\u0980-\u09FF])"
_TO_ASCII_DIGITS = str.maketrans(BENGALI_DIGITS, "0123456789")


def to_ascii_digits(text: str) -> str:
    """Replace Bengali digits with ASCII ones; the length never changes."""
    return text.translate(_TO_ASCII_DIGITS)


@dataclass(frozen=True)
class NormText:
    """A normalised string plus the map from its positions back to the source.

    The map is piecewise: ``norm_starts[k]`` in ``text`` corresponds to
    ``source_starts[k]`` in the source; within a piece positions advance one to one,
    unless ``word_maps[k]`` gives, per normalised character, its offset in the source word.
    """

    text: str
    source_length: int
    norm_starts: tuple[int, ...] = (0,)
    source_starts: tuple[int, ...] = (0,)
    word_maps: tuple[tuple[int, ...] | None, ...] = (None,)

    def _source_offset(self, position: int) -> int:
        """Source offset of the normalised character at ``position``."""
        k = bisect_right(self.norm_starts, position) - 1
        within = position - self.norm_starts[k]
        word_map = self.word_maps[k]
        return self.source_starts[k] + (word_map[within] if word_map else within)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span [start, end) of ``text`` to a span of the source."""
        if start >= end:
            point = self._source_point(start)
            return point, point
        # The end is where the next character starts, or just past the last one when a
        # source character became several (য় -> য + nukta).
        return self._source_offset(start), max(self._source_point(end), self._source_offset(end - 1) + 1)

    def _source_point(self, position: int) -> int:
        """Source offset of the boundary before normalised ``position`` (the source end at the end)."""
        return self._source_offset(position) if position < len(self.text) else self.source_length


def _word_offsets(word: str, normalised: str) -> list[int]:
    """Offsets into ``word`` for each character of its NFC form (prefix growth)."""
    offsets: list[int] = []
    for i in range(1, len(word) + 1):
        grown = len(unicodedata.normalize("NFC", word[:i]))
        while len(offsets) < min(grown, len(normalised)):
            offsets.append(i - 1)
    while len(offsets) < len(normalised):
        offsets.append(len(word) - 1)
    return offsets


_UNCHANGED = None
_WORD_FORMS: dict[str, tuple[str, tuple[int, ...]] | None] = {}
_MAX_REMEMBERED_WORDS = 200_000


def _word_form(word: str) -> tuple[str, tuple[int, ...]] | None:
    """A word's normalised form and per-character source offsets, or None when it is already clean."""
    if word in _WORD_FORMS:
        return _WORD_FORMS[word]
    kept = [i for i, ch in enumerate(word) if ch not in INVISIBLE]
    stripped = "".join(word[i] for i in kept)
    nfc = unicodedata.normalize("NFC", stripped)
    form = _UNCHANGED if nfc == word else (nfc, tuple(kept[j] for j in _word_offsets(stripped, nfc)))
    if len(_WORD_FORMS) < _MAX_REMEMBERED_WORDS:
        _WORD_FORMS[word] = form
    return form


def normalise(text: str) -> NormText:
    """NFC-normalise ``text`` and drop invisible characters, keeping source offsets.

    NFC never composes across white space, so each run of non-space characters is
    normalised on its own; unchanged runs (nearly all of them) map one to one.
    """
    if unicodedata.is_normalized("NFC", text) and not _INVISIBLE_RE.search(text):
        return NormText(text, len(text))
    result = _normalise_words(text, _SUSPECT_WORD_RE)
    # The quick scan knows the characters Bengali news needs; anything else gets the full one.
    return result if unicodedata.is_normalized("NFC", result.text) else _normalise_words(text, _WORD_RE)


def _normalise_words(text: str, words: re.Pattern) -> NormText:
    """Normalise every word ``words`` finds in ``text``; the rest is copied unchanged."""
    out: list[str] = []
    norm_starts, source_starts, word_maps = [0], [0], [None]
    copied = length = 0
    for match in words.finditer(text):
        form = _word_form(match.group())
        if form is _UNCHANGED:
            continue
        nfc, word_map = form
        out.append(text[copied:match.start()])
        length += match.start() - copied
        norm_starts.append(length)
        source_starts.append(match.start())
        word_maps.append(word_map)
        out.append(nfc)
        length += len(nfc)
        copied = match.end()
        norm_starts.append(length)
        source_starts.append(copied)
        word_maps.append(None)
    out.append(text[copied:])
    return NormText("".join(out), len(text), tuple(norm_starts), tuple(source_starts), tuple(word_maps))


def clean(text: str) -> str:
    """Normalised text only, for when offsets are not needed."""
    if text.isascii():
        return text
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    # The quick check is much cheaper than normalising text that is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
