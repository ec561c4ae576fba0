"""Decide whether a saved page is a bot check that a site's firewall served instead of the page.

Scrapers that hit Cloudflare and its peers save the challenge page ("Just a moment...",
"Performing security verification") under the article's address. Loaded as a page, it
becomes an article of the outlet with a title of "Just a moment..." and a paragraph about
malicious bots; it is an error row instead, saying to fetch the page again. Only a page
with little text can be one: an article that quotes such a phrase is long.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from ..reading import UnreadableFile

logger = logging.getLogger(__name__)

_PHRASES_PATH = Path(__file__).parent.parent / "data" / "bot_checks.txt"
MAX_BOT_CHECK_WORDS = 150  # a challenge or block page says a few dozen words; an article says more


@lru_cache(maxsize=1)
def _phrases_re() -> re.Pattern:
    lines = _PHRASES_PATH.read_text("utf-8").splitlines()
    phrases = sorted({" ".join(line.split()) for line in lines if line.strip() and not line.startswith("#")},
                     key=len, reverse=True)
    return re.compile("|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases), re.IGNORECASE)


def refuse_bot_check(text: str) -> None:
    """Raise :class:`UnreadableFile` when ``text``, a page's visible text, is a bot check's."""
    if len(text.split()) > MAX_BOT_CHECK_WORDS:
        return
    if found := _phrases_re().search(text):
        phrase = " ".join(found.group().split())
        raise UnreadableFile(f'a bot check, not the site\'s page ("{phrase}"): the site refused the scraper; '
                             "save the page again from a browser")
