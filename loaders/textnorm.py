"""Unicode clean-up of Bengali text for matching, with offsets back into the original.

Matching happens on a normalised copy (NFC, no BOM or zero-width characters), but
the reader highlights characters of the raw file, so every normalised string keeps a
map from its own positions to positions in the text it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters that scraped pages scatter through words; they never carry
# meaning for matching (ZWJ/ZWNJ only steer glyph shaping).
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_WORD_RE = re.compile(r"\S+")

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
    """A normalised string plus, for each of its characters, the offset in the source."""

    text: str
    offsets: tuple[int, ...]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span [start, end) of ``text`` to a span of the source."""
        if start >= end:
            point = self.offsets[start] if start < len(self.offsets) else self.source_length
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1


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


def normalise(text: str) -> NormText:
    """NFC-normalise ``text`` and drop invisible characters, keeping source offsets.

    NFC never composes across white space, so each run of non-space characters is
    normalised on its own; unchanged runs (nearly all of them) map one to one.
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _WORD_RE.finditer(text):
        gap = text[pos:match.start()]
        out.append(gap)
        offsets.extend(range(pos, match.start()))
        word = match.group()
        kept = [(i, ch) for i, ch in enumerate(word) if ch not in INVISIBLE]
        stripped = "".join(ch for _, ch in kept)
        nfc = unicodedata.normalize("NFC", stripped)
        if nfc == stripped:
            offsets.extend(match.start() + i for i, _ in kept)
        else:
            offsets.extend(match.start() + kept[j][0] for j in _word_offsets(stripped, nfc))
        out.append(nfc)
        pos = match.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return NormText("".join(out), tuple(offsets), len(text))


def clean(text: str) -> str:
    """Normalised text only, for when offsets are not needed."""
    if text.isascii():
        return text
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    # The quick check is much cheaper than normalising text that is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
