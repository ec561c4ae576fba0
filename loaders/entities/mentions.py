"""The mention record produced by tagging one line of text."""
from __future__ import annotations

from typing import NamedTuple


class RawMention(NamedTuple):
    """One entity mention in a line: span, text, type and where it came from.

    ``start``/``end`` are offsets into the string given to ``tag_text``;
    ``gazetteer_id`` is set when the gazetteer matched; ``basis`` is "gazetteer"
    or "tagger"; ``next_word`` is the token right after the mention ("" at the end
    of the line), which linking uses as evidence for case endings (X-এর সঙ্গে).
    A named tuple rather than a frozen dataclass: a long corpus makes millions of them.
    """

    start: int
    end: int
    surface: str
    type: str
    gazetteer_id: str | None
    basis: str
    next_word: str = ""
