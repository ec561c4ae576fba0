"""Find the article block: the longest stretch of running text, with the interruptions pages put in it.

The article is where the page's prose is. Every content line scores: running text gains
its word count, a line that merely interrupts an article (an ad slot, a photo caption,
share buttons, a video player's English controls) costs little, and a line that reads
like navigation or a list of other stories costs more. The block is the stretch with
the highest total (the maximum-sum segment), so a caption or an "আরও পড়ুন" link inside
the text does not cut it, while a run of other stories' headlines does. Text printed a
second time (a page that repeats its article for infinite scroll) scores as furniture,
so the repeat never joins the block.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ..lexicon import lexicon
from .features import LineFeatures, shared_share
from .headline import PASSABLE

logger = logging.getLogger(__name__)

# What a line costs inside the block, by intrinsic kind; unlisted kinds cost NAVIGATION_COST.
_INTERRUPTION_COSTS = {
    "ad_placeholder": 0.5, "caption": 0.5, "widget": 0.5, "share_widget": 0.5, "link_marker": 0.5,
    "attribution": 1.0, "dated": 2.0, "list_heading": 2.0, "pagination": 2.0,
    "copyright": 12.0, "comments_widget": 12.0,
}
LATIN_COST = 0.5           # a video player's or embed's English interface text in a Bengali page
NAVIGATION_COST = 4.0      # a headline, menu entry or section name
MAX_LINE_GAIN = 100        # one very long line should not outweigh the rest of the page
ONE_STORY_SHARE = 0.4      # words a paragraph shares with the rest of its block when all tell one story
_TEASER_RUN = 2            # teasers in a row at the end of the block that make a story list
_UNDER_HEADLINE_GAP = 3    # lines of date, section or reading-time furniture between a headline and its teaser


@dataclass(frozen=True)
class Block:
    """The article block: indexes ``[start, end]`` (inclusive) into the page's content lines."""

    start: int
    end: int
    words: int            # words of running text in the block (repeats not counted)
    prose: bool = True    # False: the lines under a signed, dated headline of a text that is not prose


def _gain(f: LineFeatures, seen: set[str]) -> float:
    """What one content line adds to (or costs) the block it would be part of."""
    if f.paragraph:
        if f.text in seen:
            return -NAVIGATION_COST  # printed before: a repeated block or a teaser of this story
        seen.add(f.text)
        return min(f.words, MAX_LINE_GAIN)
    if f.intrinsic is None:
        return -(LATIN_COST if f.latin else NAVIGATION_COST)
    return -_INTERRUPTION_COSTS.get(f.intrinsic, NAVIGATION_COST)


def find_block(content: list[LineFeatures], after: int = 0) -> Block | None:
    """The highest-scoring stretch of content lines from index ``after`` on (Kadane's maximum-sum
    segment), or None without prose; its indexes count from the page's first content line."""
    seen: set[str] = set()
    gains = {i: _gain(content[i], seen) for i in range(after, len(content))}
    best, best_span = 0.0, None
    total, start = 0.0, after
    for i, gain in gains.items():
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    start, end = _without_other_stories(content, *best_span)
    return Block(start, end, sum(content[i].words for i in range(start, end + 1) if content[i].paragraph and gains[i] > 0))


def under_own_headline(content: list[LineFeatures], i: int, start: int) -> bool:
    """Is paragraph ``i`` a teaser: right below a headline-like line (not before ``start``), past a little
    furniture? A numbered line ("১. পদের নাম: …") heads a section of the article, not another story,
    and a headline under "আরও পড়ুন" that the paragraph does not retell is a link inside the text,
    which goes on below it."""
    for j in range(i - 1, max(start - 1, i - 1 - _UNDER_HEADLINE_GAP), -1):
        f = content[j]
        if f.paragraph:
            return False
        if f.headline_like and f.words >= 3:
            linked = j > 0 and content[j - 1].key in lexicon().read_more and not f.stems & content[i].stems
            return not (f.numbered or linked)
    return False


def _without_other_stories(content: list[LineFeatures], start: int, end: int) -> tuple[int, int]:
    """The stretch less other stories' teasers at its end: a last paragraph that stands under a
    headline of its own, where neither shares many words with the text above (a listing printed
    right after the article). A related link inside the text ("আরও পড়ুন: …") is followed by more
    of the same story, so it stays."""
    # A list's heading ends the text (one that heads a single link inside it, "আরও পড়ুন", does not).
    end = next((i for i in range(start + 1, end + 1) if content[i].intrinsic == "list_heading"
                and content[i].key not in lexicon().read_more), end + 1) - 1
    paragraphs = [i for i in range(start, end + 1) if content[i].paragraph]
    kept = len(paragraphs)
    while kept > 1 and under_own_headline(content, paragraphs[kept - 1], start):
        last, above = paragraphs[kept - 1], frozenset().union(*(content[j].stems for j in paragraphs[: kept - 1]))
        heads = frozenset().union(*(f.stems for f in content[paragraphs[kept - 2] + 1 : last]))
        if shared_share(content[last].stems, above) >= ONE_STORY_SHARE or shared_share(heads, above) >= ONE_STORY_SHARE:
            break
        kept -= 1
    # One such paragraph may be the article's own under a subheading; a run of them is a list,
    # unless the text above is cut by subheadings itself, one of them over two paragraphs or more:
    # a list prints one teaser per headline, so the pairs after it are the article's last sections;
    # but not pairs with date lines of their own, which are a list's cards.
    listed = kept < len(paragraphs) and any(content[j].intrinsic in _LIST_SIGNS
                                             for j in range(paragraphs[kept - 1] + 1, paragraphs[-1]))
    if len(paragraphs) - kept < _TEASER_RUN or not listed and _long_section(content, paragraphs[:kept], start):
        kept = len(paragraphs)
    return paragraphs[0], paragraphs[kept - 1]


_LIST_SIGNS = frozenset({"dated"})  # a card's date line under its headline


def _long_section(content: list[LineFeatures], paragraphs: list[int], start: int) -> bool:
    """Does one of the paragraphs stand under a subheading with the next paragraph right below it?"""
    return any(under_own_headline(content, i, start) and not under_own_headline(content, after, start)
               for i, after in zip(paragraphs, paragraphs[1:]))


# What may stand inside a text that is not prose (a poem's stanzas, a quiz, a schedule) besides its lines.
_INSIDE_NON_PROSE = frozenset({"ad_placeholder", "caption", "widget", "link_marker", "dated", "pagination"})
MIN_NON_PROSE_LINES = 4        # lines a text that is not prose needs: fewer are a headline's furniture
MARKED_SHARE = 0.5             # lines of verse or a quiz that end with a mark or open with a number or letter
_VERSE_END_RE = re.compile(r"[।,;!?–—…-]\W*$")
_ITEM_MARK_RE = re.compile(r"\W*(?:[0-9০-৯]+|[কখগঘ]|[ivx]+)\s*[.)।]", re.IGNORECASE)


def non_prose_block(content: list[LineFeatures], head: int) -> Block | None:
    """The lines of a text that is not prose under the headline ``head`` (see
    :func:`loaders.layout.headline.signed_head`): from the first free line below its byline and
    date line to the last one before a list heading, a bulleted list, a footer or anything else
    that ends an article. None when fewer than ``MIN_NON_PROSE_LINES`` lines stand there, or
    when they do not read as one text (:func:`_one_text`)."""
    i = head + 1
    while i < len(content) and content[i].intrinsic in PASSABLE:  # its byline, date line, caption …
        i += 1
    lines = []
    for j in range(i, len(content)):
        f = content[j]
        if f.intrinsic is None and not f.latin and (not f.bullet or f.numbered):
            lines.append(j)  # a quiz numbers its questions; a bulleted list is another story list
        elif f.intrinsic not in _INSIDE_NON_PROSE and not f.latin:
            break
    if len(lines) < MIN_NON_PROSE_LINES or not _one_text(content, lines):
        return None
    return Block(lines[0], lines[-1], sum(content[j].words for j in lines), prose=False)


def _one_text(content: list[LineFeatures], lines: list[int]) -> bool:
    """Do the lines read as one text rather than a run of other stories' headlines? A schedule keeps
    naming its channels and teams (:func:`one_story_share`); verse ends its lines with marks, and a
    quiz numbers its questions and letters its options. A headline does neither."""
    marked = sum(bool(_VERSE_END_RE.search(content[j].text) or _ITEM_MARK_RE.match(content[j].text)) for j in lines)
    return marked >= MARKED_SHARE * len(lines) or one_story_share(content, lines) >= ONE_STORY_SHARE


def one_story_share(content: list[LineFeatures], lines: list[int]) -> float:
    """Mean share of a line's longer words that the other lines use too.

    An article's paragraphs, subheadings and all, tell one story and keep naming its
    people and places; the teasers of a listing each tell another. Stems any story says
    ("থেকে", "জানিয়েছে") are left out: ten teasers of different stories share plenty of them.
    """
    stems = [content[i].story_stems for i in lines]
    shares = [shared_share(own, frozenset().union(*stems[:k], *stems[k + 1:])) for k, own in enumerate(stems) if own]
    return sum(shares) / len(shares) if shares else 0.0
