"""Decide whether a page is an article or a page that lists other stories.

Latest-news, archive, section and home pages are in every real scrape. They hold
headlines and teasers of many stories, not one article: loaded as articles they put a
menu item in the title and every teaser into the entity counts. A page is an article
when its article block is real running text: enough words, not a run of teasers each
under its own headline, and not one clipped teaser ("…").
"""
from __future__ import annotations

import logging
import re

from .block import ONE_STORY_SHARE, Block, one_story_share, under_own_headline
from .features import LineFeatures
from .headline import own_date_above

logger = logging.getLogger(__name__)

PAGE_KINDS = {
    "article": "one article with its page furniture",
    "listing": "a page listing other stories (latest news, archive, section or home page)",
}
MIN_ARTICLE_WORDS = 30     # running text a page needs to be read as an article
MIN_LIST_ITEMS = 6         # headline-like lines a page without an article needs to be a listing
DATED_LIST_ITEMS = 2       # headlines over their date lines right above a dated headline that make it a list item
LEAD_TEASER_ITEMS = 4 * MIN_LIST_ITEMS  # headline-like lines around one unsigned, undated paragraph: a lead story
TEASER_SHARE = 0.5         # share of the block's paragraphs that each stand under their own headline (or are clipped)
_BETWEEN_LIST_ITEMS = frozenset({"section_label", "widget"})
_WITH_LIST_ITEMS = _BETWEEN_LIST_ITEMS | {"dated"}  # what a list prints beside its headlines and teasers
_STORY_HEAD = frozenset({"dated", "byline", "desk"})  # what a story's head prints under its headline
_CLIPPED_RE = re.compile(r"(?:…|\.\.\.)\W*$")


def dated_head(content: list[LineFeatures], title: int | None, block: Block | None) -> bool:
    """Does the short text stand under a headline with its own date line, as a brief article does?

    Not when that headline is one of a list of dated headlines (each over its date line, one
    after the other, as a latest-news page prints them)."""
    if title is None or block is None or _in_dated_list(content, title) or _dated_items_below(content, title, block):
        return False
    # Not the site's "today" header above it: a listing's first headline stands under that too.
    return (any(f.intrinsic == "dated" for f in content[title + 1 : block.start])
            or own_date_above(content, title, block.start) is not None)


def _dated_item(content: list[LineFeatures], i: int) -> bool:
    """Is line ``i`` a date line right under a headline-like line, as a list prints each item?"""
    above = content[i - 1] if i >= 1 else None
    return above is not None and content[i].intrinsic == "dated" and above.intrinsic is None and above.headline_like


def _in_dated_list(content: list[LineFeatures], title: int) -> bool:
    """Do ``DATED_LIST_ITEMS`` other headlines, each right over a date line (a section name or a
    link label between items), stand right above this one?"""
    pairs, i = 0, title - 1
    while i >= 1:
        while i >= 1 and content[i].intrinsic in _BETWEEN_LIST_ITEMS:
            i -= 1
        if not _dated_item(content, i):
            break
        pairs, i = pairs + 1, i - 2
    return pairs >= DATED_LIST_ITEMS


def _dated_items_below(content: list[LineFeatures], title: int, block: Block) -> bool:
    """Do ``DATED_LIST_ITEMS`` other headlines over their date lines stand between the headline and
    the text? Then the dates there are theirs (a section page under its name), not the headline's."""
    return sum(_dated_item(content, i) for i in range(title + 2, block.start)) >= DATED_LIST_ITEMS


def page_kind(content: list[LineFeatures], block: Block | None, title: int | None = None) -> tuple[str, str]:
    """("article" or "listing", the reason) for a page's content lines, its article block and headline."""
    if block is not None and not block.prose:
        return "article", (f"{block.end - block.start + 1} lines of a text that is not prose (verse, a quiz, a "
                           "schedule) under a headline with its byline and date line")
    items = sum(f.headline_like or f.bullet for f in content)
    if block is None or block.words < MIN_ARTICLE_WORDS:
        if dated_head(content, title, block) and not _CLIPPED_RE.search(content[block.start].text):
            return "article", f"a brief of {block.words} words under a dated headline"
        if items >= MIN_LIST_ITEMS:
            words = block.words if block else 0
            return "listing", f"no article text ({words} words of running text) among {items} headline-like lines"
        return "article", "short page without story lists"
    # Teasers right after the block continue the list it may be the top of (the block finder
    # leaves other stories' teasers at its end out).
    paragraphs = [i for i in range(block.start, block.end + 1) if content[i].paragraph]
    if len(paragraphs) == 1 and items >= LEAD_TEASER_ITEMS and not _headed(content, title, block):
        return "listing", (f"one paragraph of {block.words} words under a headline without a byline or date line, "
                           f"among {items} headline-like lines: the lead story of a home or section page")
    paragraphs += _teasers_after(content, block, dated=len(paragraphs) == 1)
    teasers = sum(under_own_headline(content, i, block.start) for i in paragraphs[1:])
    structured = teasers >= 3 and teasers >= TEASER_SHARE * (len(paragraphs) - 1)
    if (structured and (shared := one_story_share(content, paragraphs)) < ONE_STORY_SHARE
            and not _subheaded(content, title, block, paragraphs)):
        return "listing", (f"{teasers} of {len(paragraphs)} paragraphs stand under headlines of their own and "
                           f"share {shared:.0%} of their words (teasers of different stories)")
    clipped = sum(bool(_CLIPPED_RE.search(content[i].text)) for i in paragraphs)
    mostly_clipped = clipped == len(paragraphs) or (clipped >= 2 and clipped >= TEASER_SHARE * len(paragraphs))
    if mostly_clipped and not dated_head(content, title, block):  # a dated headline heads an article, digest or not
        return "listing", f"{clipped} of {len(paragraphs)} paragraphs are clipped (…): teasers"
    return "article", f"article text of {block.words} words"


def _subheaded(content: list[LineFeatures], title: int | None, block: Block, paragraphs: list[int]) -> bool:
    """Is the text one article cut by subheadings: under a headline with its own byline or date line,
    each later paragraph with nothing but lines of text or bare subheadings above it? A listing
    prints every story's head alike, so its other headlines stand over date lines or authors too,
    or its first headline has neither."""
    if not _headed(content, title, block):
        return False
    return not any(f.intrinsic in _STORY_HEAD for f in content[paragraphs[0] + 1 : paragraphs[-1]])


def _headed(content: list[LineFeatures], title: int | None, block: Block) -> bool:
    """Does the text stand under a headline with its own byline or date line, as an article does?"""
    return title is not None and (dated_head(content, title, block)
                                  or any(f.intrinsic in ("byline", "desk") for f in content[title + 1 : block.start]))


def _teasers_after(content: list[LineFeatures], block: Block, dated: bool = False) -> list[int]:
    """Paragraphs right below the block that each stand under a headline of their own, with nothing
    but their headlines between; ``dated``: their date lines, section names and link labels too (below
    a block of one paragraph, which the items of a dated list look like; a short article's related
    stories printed so stay out of its count)."""
    between = _WITH_LIST_ITEMS if dated else frozenset()
    found, i = [], block.end + 1
    while i < len(content):
        f = content[i]
        if f.paragraph and under_own_headline(content, i, block.end + 1):
            found.append(i)
        elif f.paragraph or not (f.intrinsic is None and f.headline_like or f.intrinsic in between):
            break
        i += 1
    return found
