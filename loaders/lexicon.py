"""The boilerplate phrase lexicon (``data/boilerplate.toml``), loaded once and compiled."""
from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .textnorm import WORD_END, WORD_START, clean

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")
PERSON_WORDS_PATH = DATA_DIR / "person_words.txt"
COMMON_STEMS_PATH = DATA_DIR / "common_stems.txt"

# Bullets, quotes and separators that frame a furniture line without changing what it says.
_FRAME_CHARS = " \t•·●▪◦*-–—|:：;,.!?'\"‘’“”()[]{}<>«»‹›/\\"
# Labels may be glued to a preceding digit ("১১:৩০আপডেট"), so only a letter blocks them.
_LETTER_START = r"(?<![A-Za-z\u0980-\u09E5\u09F0-\u09FF])"


def key_of(text: str) -> str:
    """Lookup key of a line: cleaned, casefolded, frame characters and extra spaces removed."""
    return key_of_clean(clean(text))


def key_of_clean(text: str) -> str:
    """:func:`key_of` of text that :func:`~loaders.textnorm.clean` has normalised already (cleaning
    twice changes nothing, and costs a few scans of the line)."""
    return " ".join(text.strip(_FRAME_CHARS).casefold().split()).strip(_FRAME_CHARS)


def _longest_first(words) -> list[str]:
    """The cleaned words, each once, longest first so that in an alternation prefixes never shadow."""
    return sorted({clean(w) for w in words}, key=len, reverse=True)


def _alternation(words) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(map(re.escape, _longest_first(words)))


def caseless_alternation(words) -> str:
    """``_alternation`` that ignores case, for a pattern compiled without ``re.IGNORECASE``.

    Only a cased first letter is spelt both ways (the rest of the word sits in a
    ``(?i:…)`` group), so every alternative still opens with a plain character. That
    lets the regex engine skip ahead to the possible first characters, where under
    ``re.IGNORECASE`` it tries every position of a long Bengali line.
    """
    alternatives = []
    for word in _longest_first(words):
        if word.lower() == word.upper():  # nothing to fold (Bengali has no case)
            alternatives.append(re.escape(word))
            continue
        rest = f"(?i:{re.escape(word[1:])})" if word[1:] else ""
        alternatives += [re.escape(head) + rest for head in dict.fromkeys((word[0].lower(), word[0].upper()))]
    return "|".join(alternatives)


# Words a heading is spelt either way with ("আরও"/"আরো", "এ"/"এই" বিভাগের, "খবর"/"সংবাদ"): each heading
# of the list is known in every combination of them.
_SPELLINGS = (("আরও", "আরো"), ("এ", "এই"), ("খবর", "সংবাদ"))


_HEADING_WORDS = 6  # a list heading that ends in known words names a section or topic first, briefly


def _spellings(key: str) -> set[str]:
    """``key`` with each word of ``_SPELLINGS`` in either of its spellings."""
    variants = {key}
    for one, other in _SPELLINGS:
        swap = {one: other, other: one}
        variants |= {" ".join(swap.get(w, w) for w in v.split()) for v in variants}
    return variants


@dataclass(frozen=True)
class Lexicon:
    """Compiled phrase lexicon; see ``data/boilerplate.toml`` for what each part means."""

    list_headings: dict[str, str]
    list_heading_endings: tuple[tuple[str, str], ...]  # (last words, list kind): "… এর আরও খবর"
    exact: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern], ...]       # for short lines: [patterns] and [long_patterns]
    long_patterns: tuple[tuple[str, re.Pattern], ...]  # for longer ones
    follow_platforms: tuple[str, ...]  # keys of platform names (ফেসবুক, গুগল নিউজ) and of the calls
    follow_calls: tuple[str, ...]      # that end a line asking readers to follow the site there
    link_item_marker: re.Pattern
    copyright_re: re.Pattern
    copyright_short_re: re.Pattern
    contact_label_re: re.Pattern  # a contact label before its colon ("ফোন :", "E-mail:")
    attribution_re: re.Pattern
    caption_re: re.Pattern
    credit_end_re: re.Pattern  # a caption that ends in its photo credit ("… নেতারা। ছবি: সংগৃহীত")
    run_in_credit_re: re.Pattern  # the credit run into it after a space or none, a few words ("… সারি ছবি: আনিস মাহমুদ")
    dash_credit_re: re.Pattern  # or in a credit after a dash ("… —নিজস্ব চিত্র।")
    labelled_caption_re: re.Pattern  # "ছবির উৎস, …", "ছবির ক্যাপশান, …"
    closing_credits: tuple[str, ...]  # credits needing no name (নিজস্ব চিত্র), casefolded: what a line may end with
    closing_credit_re: re.Pattern     # one as a caption's last words, with no colon ("… যুবক। নিজস্ব চিত্র")
    byline_re: re.Pattern
    byline_label_re: re.Pattern      # "লেখা, …", "পদবী, …"
    byline_prefix_re: re.Pattern     # "Authored by ", "Reported by: " before the author's name
    desk_re: re.Pattern
    site_word_re: re.Pattern    # "অনলাইন" after an outlet's name on its label line
    sections: frozenset[str]
    date_labels: dict[str, str]
    date_label_re: re.Pattern
    citation_re: re.Pattern
    relative_days: dict[str, int]
    relative_day_re: re.Pattern
    person_words: frozenset[str]  # words mostly written as part of a person's name (data/person_words.txt)
    common_stems: frozenset[str]  # word stems any story says (data/common_stems.txt)
    read_more: frozenset[str]     # headings of one link inside the article text ("আরও পড়ুন")
    reader_calls: tuple[str, ...]  # keys of the last words of a sentence asking the reader to act ("… ক্লিক করুন")

    def list_kind(self, key: str) -> str | None:
        """The kind of story list a heading (its lookup key) opens: a listed heading, or a short
        line ending in the words of one ("দেশজুড়ে - এর আরও খবর"); None for any other line."""
        if key in self.list_headings:
            return self.list_headings[key]
        if len(key.split()) <= _HEADING_WORDS:
            return next((kind for ending, kind in self.list_heading_endings
                         if key.endswith(ending) and (key == ending or key[-len(ending) - 1] == " ")), None)
        return None

    def follow_call(self, key: str) -> bool:
        """Whether a line (its lookup key) asks readers to follow the site on a platform."""
        return key.rstrip("। ").endswith(self.follow_calls) and any(name in key for name in self.follow_platforms)

    def calls_reader(self, key: str) -> bool:
        """Whether a line (its lookup key) ends with words asking the reader to act ("… সঙ্গে থাকুন।")."""
        words = key.rstrip("।.!? ").split()
        return any(words[-len(call):] == call for call in map(str.split, self.reader_calls))

    def pattern_kind(self, line: str, short: bool = True) -> str | None:
        """Kind of the first full-line pattern that matches ``line`` (cleaned), if any; the
        ``[patterns]`` are tried on ``short`` lines only, the ``[long_patterns]`` on any."""
        for kind, pattern in self.patterns if short else self.long_patterns:
            if pattern.fullmatch(line):
                return kind
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the lexicon once per process."""
    with open(DATA_DIR / "boilerplate.toml", "rb") as handle:
        data = tomllib.load(handle)
    flags = re.IGNORECASE

    def compiled(section: str) -> tuple[tuple[str, re.Pattern], ...]:
        # Lines are NFC; the file's literals may not be.
        return tuple((kind, re.compile(unicodedata.normalize("NFC", p), flags))
                     for kind, plist in data[section].items() if kind != "link_item_marker" for p in plist)

    long_patterns = compiled("long_patterns")
    date_labels = {key_of(k): v for k, v in data["date_labels"].items()}
    # A date label must stand alone as a word, optionally followed by a colon (প্রকাশ : …).
    label_alt = _alternation(data["date_labels"])
    relative = {clean(k): v for k, v in data["relative_days"].items()}
    lex = Lexicon(
        list_headings={variant: v for k, v in data["list_headings"].items() for variant in _spellings(key_of(k))},
        list_heading_endings=tuple((variant, kind) for kind, endings in data["list_heading_endings"].items()
                                   for ending in endings for variant in _spellings(key_of(ending))),
        exact={key_of(k): v for k, v in data["exact"].items()},
        patterns=compiled("patterns") + long_patterns,
        long_patterns=long_patterns,
        follow_platforms=tuple(key_of(w) for w in data["follow_calls"]["platforms"]),
        follow_calls=tuple(key_of(w) for w in data["follow_calls"]["calls"]),
        link_item_marker=re.compile(
            "(?:" + "|".join(data["patterns"]["link_item_marker"]) + ")", flags
        ),
        copyright_re=re.compile(caseless_alternation(data["copyright"]["phrases"])),
        copyright_short_re=re.compile(caseless_alternation(data["copyright"]["short_line_phrases"])),
        contact_label_re=re.compile(_LETTER_START + "(?:" + caseless_alternation(data["contact"]["labels"]) + r")\s*[:：ঃ]"),
        attribution_re=re.compile(
            r"^\W{0,3}\(?\s*(?:" + _alternation(data["attribution"]["labels"]) + r")\s*[:：ঃ]\s*(?P<rest>.+)$",
            flags,
        ),
        # "ছবি: সংগৃহীত" or "প্রতীকী ছবি" alone; "ছবিতে দেখা যাচ্ছে" is text, so the label must end there.
        caption_re=re.compile(r"^\W{0,3}(?:" + _alternation(data["caption"]["labels"]) + r")\s*(?:[:：ঃ]|[।.]?\s*$)", flags),
        credit_end_re=re.compile(r"(?:(?:[।.|]|^)\s*[(\[]?|\s[(\[])\s*(?:" + _alternation(data["caption"]["labels"])
                                 + r")\s*[:：ঃ]\s*[^।.:|()\[\]]{1,40}[)\]]?[।.]?\s*$", flags),  # "… ছবি: পিটিআই।"
        run_in_credit_re=re.compile(r"(?:\s|(?<=[\u0980-\u09FF]))(?:" + _alternation(data["caption"]["labels"]) + r")\s*[:：ঃ]\s*"
                                    r"[^\s।.:|()\[\]]+(?:\s+[^\s।.:|()\[\]]+){0,3}\s*$", flags),
        dash_credit_re=re.compile(r"[।.]\s*[—–]\s*(?:" + _alternation(data["caption"]["labels"])
                                  + r")\s*[।.]?\s*$", flags),  # Kolkata's "… মঙ্গলবার। —নিজস্ব চিত্র।"
        labelled_caption_re=re.compile(
            r"^\W{0,3}(?:" + _alternation(data["caption"]["caption_labels"]) + r")\s*[,:：ঃ]\s*\S", flags),
        closing_credits=tuple(w.casefold() for w in _longest_first(data["caption"]["closing_credits"])),
        # After the caption's full stop, a comma, a colon, a bar or a dash; brackets may hold it: "… যুবক। (নিজস্ব চিত্র)".
        closing_credit_re=re.compile(r"(?:[।.!?,|:：ঃ]|\s[—–-]|[—–])\s*[(\[]?\s*(?:"
                                     + _alternation(data["caption"]["closing_credits"]) + r")\s*[)\]]?\s*[।.]?\s*$", flags),
        byline_re=re.compile(WORD_START + "(?:" + _alternation(data["byline"]["words"]) + ")" + WORD_END, flags),
        byline_label_re=re.compile(
            r"^(?:" + _alternation(data["byline"]["labels"]) + r")\s*(?P<sep>[,:：ঃ])\s*(?=\S)", flags),
        byline_prefix_re=re.compile(r"^(?:" + _alternation(data["byline"]["prefixes"]) + r")\b\s*[:：ঃ]?\s*(?=\S)", flags),
        desk_re=re.compile(r"(?:" + _alternation(data["byline"]["desk_words"]) + r")\s*$", flags),
        site_word_re=re.compile(r"\s+(?:" + _alternation(data["byline"]["site_words"]) + r")\s*$", flags),
        sections=frozenset(key_of(s) for s in data["sections"]["names"]),
        date_labels=date_labels,
        # The visarga typists use for a colon may be glued to the label ("আপডেটঃ"): it is no letter of it.
        date_label_re=re.compile(_LETTER_START + "(?P<label>" + label_alt + ")(?:\\s*[:：ঃ]|" + WORD_END + ")", flags),
        citation_re=re.compile(caseless_alternation(data["citation"]["cues"])),
        relative_days=relative,
        relative_day_re=re.compile(WORD_START + "(?P<word>" + _alternation(relative) + ")"),
        person_words=frozenset(key_of(line) for line in PERSON_WORDS_PATH.read_text(encoding="utf-8").splitlines()
                               if line and not line.startswith("#")),
        common_stems=frozenset(line for line in COMMON_STEMS_PATH.read_text(encoding="utf-8").splitlines()
                               if line and not line.startswith("#")),
        read_more=frozenset(key_of(p) for p in data["read_more"]["phrases"]),
        reader_calls=tuple(key_of(w) for w in data["reader_calls"]["endings"]),
    )
    logger.debug("lexicon loaded: %d list headings, %d exact phrases", len(lex.list_headings), len(lex.exact))
    return lex
