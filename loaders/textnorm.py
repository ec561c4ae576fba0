"""Unicode clean-up of Bengali text for matching, with offsets back into the original.

Matching happens on a normalised copy (NFC, no BOM or zero-width characters), but
the reader highlights characters of the raw file, so a normalised word keeps a map
from its own positions to positions in the word as written.
"""
from __future__ import annotations

import re
import unicodedata

# Invisible characters that scraped pages scatter through words; they never carry
# meaning for matching (ZWJ/ZWNJ only steer glyph shaping).
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
# Python's \w misses Bengali vowel signs and the virama, so word boundaries in Bengali
# text must name the whole block explicitly.
WORD_START = r"(?<![\w\u0980-\u09FF])"
WORD_END = r"(?![\w\u0980-\u09FF])"
_TO_ASCII_DIGITS = str.maketrans(BENGALI_DIGITS, "0123456789")


def to_ascii_digits(text: str) -> str:
    """Replace Bengali digits with ASCII ones; the length never changes."""
    return text.translate(_TO_ASCII_DIGITS)


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


def normalise_word(word: str) -> tuple[str, tuple[int, ...]] | None:
    """A word's normalised form and, per normalised character, its offset in ``word``; None when already clean."""
    kept = [i for i, ch in enumerate(word) if ch not in INVISIBLE]
    stripped = "".join(word[i] for i in kept)
    nfc = unicodedata.normalize("NFC", stripped)
    return None if nfc == word else (nfc, tuple(kept[j] for j in _word_offsets(stripped, nfc)))


def clean(text: str) -> str:
    """Normalised text only, for when offsets are not needed."""
    if text.isascii():
        return text
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    # The quick check is much cheaper than normalising text that is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
