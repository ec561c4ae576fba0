"""Decide whether a saved page is one a site served in place of the story: a bot check or a "not found" page.

Scrapers save whatever the address returns. Behind Cloudflare and its peers that can be a
challenge page ("Just a moment...", "Performing security verification"); for a story taken
down, the site's "not found" page with its menus and story lists. Loaded as pages, the first
becomes an article titled "Just a moment..." and the second a listing of the site. Both are
error rows instead, saying what the site sent and what to do. Only a page with little text
can be a bot check, and only one without a paragraph of text a "not found" page: an article
that quotes such a phrase is long.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from ..lexicon import caseless_alternation
from ..reading import UnreadableFile

logger = logging.getLogger(__name__)

_PHRASES_PATH = Path(__file__).parent.parent / "data" / "stand_ins.txt"
MAX_BOT_CHECK_WORDS = 150  # a challenge or block page says a few dozen words; an article says more
MAX_NOTICE_WORDS = 20      # the line saying the page is not there
MIN_PARAGRAPH_WORDS = 40   # a line this long is a story's text: the page is no "not found" page
# Cheap bounds checked before any phrase is searched (most pages are stories): a bot check's text
# is shorter than this, and a page with a line this long has a paragraph.
_MAX_BOT_CHECK_CHARS = 20 * MAX_BOT_CHECK_WORDS
_NOT_FOUND_WORDS = ("খুঁজ", "ound", "ooking")  # in every "not found" phrase: a plain substring search first
_HEADING_RE = re.compile(r"\[(.+)\]")


@lru_cache(maxsize=1)
def _phrase_res() -> dict[str, re.Pattern]:
    """One regex per heading of the phrase file ("bot check", "not found")."""
    phrases: dict[str, list[str]] = {}  # heading -> its phrases
    heading = ""
    for line in _PHRASES_PATH.read_text("utf-8").splitlines():
        if heading_match := _HEADING_RE.fullmatch(line.strip()):
            heading = heading_match.group(1)
        elif line.strip() and not line.startswith("#"):
            phrases.setdefault(heading, []).append(" ".join(line.split()))
    return {name: re.compile(caseless_alternation(found)) for name, found in phrases.items()}


def refuse_stand_in(text: str) -> None:
    """Raise :class:`UnreadableFile` when ``text``, a page's visible text, is a bot check's or a "not found" page's."""
    res = _phrase_res()
    short = len(text) <= _MAX_BOT_CHECK_CHARS
    if short and (found := res["bot check"].search(text)) and len(text.split()) <= MAX_BOT_CHECK_WORDS:
        raise UnreadableFile(f'a bot check, not the site\'s page ("{" ".join(found.group().split())}"): the site '
                             "refused the scraper; save the page again from a browser")
    if not any(word in text for word in _NOT_FOUND_WORDS) or not res["not found"].search(text):
        return
    lines = text.splitlines()
    if any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in lines):
        return
    for line in lines:
        if len(line.split()) <= MAX_NOTICE_WORDS and (found := res["not found"].search(line)):
            raise UnreadableFile(f'the site\'s "not found" page ("{" ".join(found.group().split())}"): the story '
                                 "was taken down or the address is wrong")
