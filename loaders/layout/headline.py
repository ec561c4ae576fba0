"""Choose the headline above the article block, and the date line that belongs to the block.

A reader finds the article first, then looks just above it for its headline, past the
byline, the date line, a photo caption and the share buttons. Menus, tickers and lists
of other stories print many headline-like lines too, but as items: bulleted or numbered,
or in a run of three or more. A breadcrumb that ends with a candidate confirms it.
"""
from __future__ import annotations

import logging
import re

from ..lexicon import key_of, lexicon
from .features import LineFeatures

logger = logging.getLogger(__name__)

# Furniture a reader's eye passes over between the headline and the text.
PASSABLE = frozenset({
    "dated", "byline", "desk", "desk_and_outlet", "outlet_label", "caption", "share_widget", "widget",
    "ad_placeholder", "section_label", "link_marker", "credit", "attribution", "pagination",
})
HEAD_ZONE_LINES = 25       # content lines above the block searched for the headline
LIST_RUN = 3               # adjacent headline-like lines that make a list, not a headline
STANDFIRST_WORDS = 10      # a candidate this long right above the text is a standfirst when a headline tops it
_BREADCRUMB_TAIL_RE = re.compile(r"\s*(?:\.\.\.|…)\s*$")


def _candidate(f: LineFeatures, latin_page: bool) -> bool:
    """Could this line be a headline: free, not running text, not a list item, in the article's script."""
    return f.intrinsic is None and not f.paragraph and not f.bullet and f.words >= 1 and f.latin == latin_page


def _passable(f: LineFeatures, latin_page: bool) -> bool:
    """Furniture the eye passes over between headline and text (a section name may also head lists)."""
    return (f.intrinsic in PASSABLE or (f.intrinsic is None and f.latin and not latin_page)
            or (f.intrinsic == "list_heading" and f.key in lexicon().sections))


def _breadcrumb_ends(content: list[LineFeatures], upto: int) -> list[str]:
    """Keys of the last items of numbered breadcrumbs above ``upto`` ("3. অভিনেত্রী … ...")."""
    keys = []
    for f in content[:upto]:
        if f.bullet and f.key[:1].isdigit():
            keys.append(key_of(_BREADCRUMB_TAIL_RE.sub("", f.text.split(maxsplit=1)[-1])))
    return [k for k in keys if len(k) >= 8]


def head_candidates(content: list[LineFeatures], block_start: int) -> list[int]:
    """Indexes of possible headlines above the block, nearest first, within the head zone.

    The scan stops at what no headline stands below: running text, a list heading, a menu,
    a bulleted item, a footer, or a run of ``LIST_RUN`` adjacent headline-like lines (a
    story list; its lines are dropped too).
    """
    found: list[int] = []
    run: list[int] = []
    latin_page = block_start < len(content) and content[block_start].latin and content[block_start].paragraph
    # (an English article's headline is English; on a Bengali page English lines are interface text)
    for i in range(block_start - 1, max(-1, block_start - 1 - HEAD_ZONE_LINES), -1):
        f = content[i]
        if _passable(f, latin_page):
            run = []
            continue
        if not _candidate(f, latin_page):
            break
        run.append(i)
        if len(run) >= LIST_RUN:
            found = [j for j in found if j not in run]
            break
        found.append(i)
    return found


def pick_title(content: list[LineFeatures], block_start: int) -> tuple[int | None, str]:
    """Index of the headline above the block (or None) and why it was chosen.

    A headline printed twice in the head zone (again under the byline, as a caption) is
    the title where it first stands; the later copy is a duplicate.
    """
    found = head_candidates(content, block_start)
    if not found:
        return None, ""
    first_copy = {content[i].key: i for i in found}  # nearest first, so the topmost copy wins
    found = list(dict.fromkeys(first_copy[content[i].key] for i in found))
    # A one-word line is a headline only where nothing longer is ("উদ্ধৃতি"); else it is a label.
    found = [i for i in found if content[i].words >= 2] or found[:1]
    crumbs = _breadcrumb_ends(content, found[0])
    for i in found:
        if any(content[i].key.startswith(crumb) for crumb in crumbs):
            return i, "headline above the article text, confirmed by the breadcrumb"
    nearest = content[found[0]]
    if len(found) > 1 and nearest.words >= STANDFIRST_WORDS and content[found[1]].words < nearest.words:
        return found[1], "headline above the standfirst and the article text"
    return found[0], "headline-like line nearest above the article text"


def first_headline(content: list[LineFeatures]) -> tuple[int | None, str]:
    """The headline of a page without running text: its first headline-like line (two words or more if any)."""
    free = [i for i, f in enumerate(content) if _candidate(f, False)]
    chosen = next((i for i in free if content[i].words >= 2), free[0] if free else None)
    return chosen, "first headline-like line of a page without running text"


def own_date_above(content: list[LineFeatures], title: int, block_start: int) -> int | None:
    """Index of a date line above the headline that is the article's own, or None.

    Some sites print the publish time above the headline. It is the block's own when it
    carries a time of day (a site's "today" header gives the day only), stands close above
    the headline with only passable furniture between, and no date line follows the headline.
    """
    if any(f.intrinsic == "dated" for f in content[title + 1 : block_start]):
        return None
    for i in range(title - 1, max(-1, title - 1 - HEAD_ZONE_LINES), -1):
        f = content[i]
        if f.intrinsic == "dated":
            return i if (f.has_time or f.labelled) and not f.template else None
        if f.intrinsic not in PASSABLE and not (f.intrinsic is None and (f.latin or f.words <= 2)):
            return None
    return None
