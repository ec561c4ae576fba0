"""Tokens and case endings of Bengali text, shared by the tagger, the gazetteer and linking."""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from loaders.textnorm import normalise_word

logger = logging.getLogger(__name__)


def nfc(text: str) -> str:
    """NFC form of ``text`` (য় stays decomposed in NFC; constants must match the corpus)."""
    return unicodedata.normalize("NFC", text)


# Case endings, postpositions and particles that Bengali glues onto names, longest
# first so that "য়ের" wins over "ের" and "র". Vowel signs (ে) only attach to a stem
# ending in a consonant; the stripping rule in ``split_suffix`` checks that.
CASE_SUFFIXES: tuple[str, ...] = tuple(sorted({nfc(s) for s in (
    "গুলোর", "গুলোকে", "গুলো", "গুলি", "দেরকে", "দের", "েরও", "েরই", "ের", "য়ের", "এর", "রও", "রই",
    "র", "কেও", "কেই", "কে", "েতে", "তেও", "তে", "য়ও", "য়", "েও", "ে", "রা", "ও", "ই", "সহ",
    "বাসী", "য়ে",
)}, key=len, reverse=True))

# Endings written after an apostrophe or hyphen (কেসিএনএ’র, আরআইএ-এর, তাস' এর): always a suffix.
_JOINED_SUFFIX = "|".join(s for s in CASE_SUFFIXES if not s.startswith("\u09c7"))
_WORD = r"[\w\u0980-\u09ff]+(?:\.[\w\u0980-\u09ff]+)*"
# A token is a word (dotted abbreviations such as আ.লীগ stay whole), a word plus an
# apostrophe- or hyphen-joined ending, an abbreviation letter with its dot, or one
# other non-space character.
TOKEN_RE = re.compile(
    rf"[\u0980-\u09ff]{{1,3}}\.(?!\S)|{_WORD}(?:[-'’](?:{_JOINED_SUFFIX})(?![\w\u0980-\u09ff]))?|\S"
)
_JOINED_RE = re.compile(rf"[-'’](?:{_JOINED_SUFFIX})$")

_BENGALI_CONSONANTS = frozenset(chr(c) for c in range(0x0995, 0x09BA)) | {"\u09bc", "\u09ce", "\u0982"}
_BENGALI_DEPENDENT_VOWELS = frozenset(chr(c) for c in range(0x09BE, 0x09CD)) | {"\u09d7"}
_MIN_STEM = 2
_SUFFIX_SET = frozenset(CASE_SUFFIXES)
_SUFFIX_SIZES = sorted({len(s) for s in CASE_SUFFIXES}, reverse=True)


class WordTokens(NamedTuple):
    """The normalised tokens of one white-space-free word and their spans in the word as written."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


TOKENS_OF = attrgetter("tokens")
_WORD_TOKENS: dict[str, WordTokens] = {}
_MAX_REMEMBERED_WORDS = 200_000


def word_tokens(word: str) -> WordTokens:
    """``split_word``, remembered for the first ``_MAX_REMEMBERED_WORDS`` words met."""
    found = _WORD_TOKENS.get(word)
    if found is None:
        found = split_word(word)
        if len(_WORD_TOKENS) < _MAX_REMEMBERED_WORDS:
            _WORD_TOKENS[word] = found
    return found


def split_word(word: str) -> WordTokens:
    """Tokens of ``word`` after NFC and invisible-character removal, with offsets into ``word``.

    A token's span runs to where the next one starts (or the word ends), so invisible
    characters inside a word stay inside the mention that covers them.
    """
    form = normalise_word(word)
    text, offsets = form if form else (word, None)
    tokens, starts, ends = [], [], []
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        tokens.append(match.group())
        if offsets is None:
            starts.append(start)
            ends.append(end)
        else:
            starts.append(offsets[start])
            ends.append(max(offsets[end] if end < len(text) else len(word), offsets[end - 1] + 1))
    return WordTokens(tuple(tokens), tuple(starts), tuple(ends))


def words_tokens(words: list[str]) -> list[WordTokens]:
    """``word_tokens`` of each word; a word seen before costs one dictionary lookup."""
    pieces = list(map(_WORD_TOKENS.get, words))
    if None in pieces:
        pieces = [piece or word_tokens(word) for piece, word in zip(pieces, words)]
    return pieces


def tokenize(text: str) -> list[str]:
    """Normalised tokens of ``text``; no token spans white space, so each word is split once and remembered."""
    return list(chain.from_iterable(map(TOKENS_OF, words_tokens(text.split()))))


@functools.lru_cache(maxsize=1 << 18)
def possible_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Every plausible (stem, ending) split of ``word``, longest ending first.

    A joined ending (’র, -এর) is the only split offered. A vowel-sign ending (ে) needs
    a consonant before it; other endings need a stem of at least two characters that
    does not end in a virama. Several splits can be plausible: মাহমুদের is মাহমু + দের
    or মাহমুদ + ের, and only the corpus can say which.
    """
    joined = _JOINED_RE.search(word)
    if joined:
        return ((word[: joined.start()], word[joined.start():]),)
    splits = []
    for size in _SUFFIX_SIZES:
        suffix = word[-size:]
        if len(word) - size < _MIN_STEM or suffix not in _SUFFIX_SET:
            continue
        stem = word[:-size]
        if suffix[0] in _BENGALI_DEPENDENT_VOWELS:
            if stem[-1] not in _BENGALI_CONSONANTS:
                continue
        elif stem[-1] == "\u09cd":
            continue
        splits.append((stem, suffix))
    return tuple(splits)


def split_suffix(word: str) -> tuple[str, str]:
    """Split ``word`` into (stem, ending) using the longest plausible case ending, else (word, "")."""
    splits = possible_splits(word)
    return splits[0] if splits else (word, "")


def candidate_stems(word: str) -> list[str]:
    """Every stem ``word`` could have after removing one or two stacked endings, longest first."""
    stems: list[str] = []
    stem, suffix = split_suffix(word)
    while suffix and stem not in stems:
        stems.append(stem)
        stem, suffix = split_suffix(stem)
    return stems


def bare_is_common(stem: str, word: str, counts) -> bool:
    """``stem`` stands alone at least half as often as the inflected ``word`` (word -> frequency ``counts``).

    Evidence that ``word`` is ``stem`` plus a case ending rather than a name that
    happens to end in those letters.
    """
    bare = counts.get(stem, 0)
    return bare > 0 and 2 * bare >= counts.get(word, 0)
