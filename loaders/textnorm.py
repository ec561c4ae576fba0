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

_NUKTA, _VIRAMA = "\u09bc", "\u09cd"
# ড় ঢ় য় are composition exclusions: NFC always writes them as letter + nukta.
_SPELT_OUT = {letter: unicodedata.normalize("NFC", letter) for letter in "\u09dc\u09dd\u09df"}


def _nfc_unsafe() -> tuple[re.Pattern, tuple[str, ...]]:
    """What NFC may change in text once ড় ঢ় য় are spelt out.

    A pattern for the characters that may change (one NFC replaces, a combining mark
    other than the nukta and virama, the second half of another script's composing pair,
    Hangul jamo, anything outside the Basic Multilingual Plane), and the Bengali
    sequences NFC rewrites (ে + া -> ো, ে + ৗ -> ৌ, virama + nukta -> nukta + virama).
    """
    unsafe, sequences = set(), {_VIRAMA + _NUKTA}
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        if unicodedata.normalize("NFC", char) != char or unicodedata.combining(char):
            unsafe.add(char)
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(part, 16)) for part in parts)
            # A Bengali vowel sign such as া composes only right after its first half.
            if "\u0980" <= second <= "\u09ff" and not unicodedata.combining(second):
                sequences.add(first + second)
            else:
                unsafe.add(second)
    # No Bengali letter composes with the nukta (the three that could are exclusions).
    unsafe -= {_NUKTA, _VIRAMA}
    listed = "".join(re.escape(char) for char in sorted(unsafe))
    return re.compile(f"[{listed}\u1100-\u11ff\U00010000-\U0010ffff]"), tuple(sorted(sequences))


# Two scans for these are far cheaper than normalising a long Bengali line, and nearly
# every line passes them once ড় ঢ় য় are spelt out.
_NFC_UNSAFE_RE, _NFC_SEQUENCES = _nfc_unsafe()

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
    if _spell_out(word) == normalised:
        # The common case, and a quick one: only ড় ঢ় য় changed, each into two characters.
        return [i for i, char in enumerate(word) for _ in _SPELT_OUT.get(char, char)]
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


def _spell_out(text: str) -> str:
    """``text`` with ড় ঢ় য় written as letter + nukta, as NFC always writes them."""
    for letter, spelt_out in _SPELT_OUT.items():
        if letter in text:
            text = text.replace(letter, spelt_out)
    return text


def clean(text: str) -> str:
    """Normalised text only, for when offsets are not needed."""
    if text.isascii():
        return text
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    text = _spell_out(text)
    if _NFC_UNSAFE_RE.search(text) or any(sequence in text for sequence in _NFC_SEQUENCES):
        return unicodedata.normalize("NFC", text)
    return text
