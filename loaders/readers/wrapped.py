"""Page dumps that a text-mode browser or converter wrapped at a fixed width (``lynx -dump``,
``w3m -dump``, ``html2text``, ``pandoc -t plain``): each paragraph broken into lines of 70-80
columns.

The line classifier reads one line per paragraph, as a graphical browser copies a page: broken
into short lines, an article's text looked like a run of headlines and the page a listing. A dump
whose blocks are filled up to one width is joined back, block by block: a line that reaches the
wrap width is continued by the next one. ``lynx`` also numbers every link (``[12]জাতীয়``) and
lists the addresses under "References" at the end; when a dump has that list, the numbers go.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_MAX_WRAP = 110          # a wrap width: no terminal converter fills wider lines by default
_FILL_GAP = 16           # how far short of the width a broken line may end: the next word did not fit
_MIN_FILLED_BLOCKS = 3   # paragraphs of two lines or more, filled to the width, that show the wrapping
_SENTENCE_END_RE = re.compile(r"[।?!.]['\"’”)]*\s*$")
_LIST_ITEM_RE = re.compile(r"\s*(?:[*+•o-]|[0-9০-৯]{1,3}[.)])\s")
_LINK_NUMBER_RE = re.compile(r"\[\d{1,5}\]")
_REFERENCE_RE = re.compile(r"\s*\d{1,5}\. \S+\s*")  # "  12. https://…", one entry of lynx's list


def _blocks(lines: list[str]) -> list[list[int]]:
    """Indexes of the runs of non-blank lines."""
    blocks, run = [], []
    for i, line in enumerate(lines):
        if line.strip():
            run.append(i)
        elif run:
            blocks.append(run)
            run = []
    return blocks + [run] if run else blocks


def _width(lines: list[str]) -> int:
    """The width a dump's lines are wrapped at (its 95th-percentile line length), or 0 if unwrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    return lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0


def _references(lines: list[str]) -> bool:
    """Does the dump end with lynx's list of link addresses ("References", then "  1. https://…")?"""
    heading = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip() == "References"), None)
    entries = [line for line in lines[heading + 1:] if line.strip()] if heading is not None else []
    # lynx may head parts of the list ("Visible links", "Hidden links:")
    return bool(entries) and sum(bool(_REFERENCE_RE.fullmatch(line)) for line in entries) >= 0.8 * len(entries)


def unwrap(text: str) -> str | None:
    """The dump with its wrapped paragraphs joined into one line each, or None when it is not wrapped."""
    lines = text.split("\n")
    width = _width(lines)
    if not width or width > _MAX_WRAP:
        return None
    filled = width - _FILL_GAP

    def continues(i: int) -> bool:  # line i is broken: the next line of its block goes on with it
        return len(lines[i].rstrip()) >= filled and not _LIST_ITEM_RE.match(lines[i + 1])

    # A wrapped paragraph: every line but its last filled to the width, and a sentence ending it
    # (a run of headlines of about one length ends in none).
    paragraphs = [b for b in _blocks(lines) if len(b) > 1 and all(continues(i) for i in b[:-1])
                  and _SENTENCE_END_RE.search(lines[b[-1]])]
    if len(paragraphs) < _MIN_FILLED_BLOCKS:
        return None
    out, i = [], 0
    while i < len(lines):
        joined = lines[i].rstrip()
        while i + 1 < len(lines) and lines[i + 1].strip() and lines[i].strip() and continues(i):
            i += 1
            joined += " " + lines[i].strip()
        out.append(joined)
        i += 1
    if _references(out):  # lynx: link numbers point into the list of addresses at the end
        out = [_LINK_NUMBER_RE.sub("", line) for line in out]
    text = "\n".join(out)
    logger.debug("joined a dump wrapped at %d columns", width)
    return text
