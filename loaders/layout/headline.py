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
from .features import BYLINE_KINDS, LineFeatures, has_latin_letters, shared_share

logger = logging.getLogger(__name__)

# Furniture a reader's eye passes over between the headline and the text.
PASSABLE = frozenset({
    "dated", "byline", "desk", "desk_and_outlet", "outlet_label", "caption", "share_widget", "widget",
    "ad_placeholder", "section_label", "link_marker", "credit", "attribution", "pagination",
})
# Who signs an article under its headline: an author, a desk, or an agency credit alone (বাসস).
_SIGNATURE_KINDS = (BYLINE_KINDS - {"dated"}) | {"outlet_label"}
_SIGNATURE_LINES = 4       # lines under a headline that hold its byline, its date line and a caption between
HEAD_ZONE_LINES = 25       # content lines above the block searched for the headline
LIST_RUN = 3               # adjacent headline-like lines that make a list, not a headline
MIN_OVERLAP = 0.3          # share of a headline's words the article text repeats, to prefer it by content
MIN_SHARED_WORDS = 2       # and how many: one shared word ("সময়") is chance, not content
_OVERLAP_MARGIN = 0.25     # by how much it must beat the line position alone would choose
_ARTICLE_LINES = 8         # content lines of the block read for the article's words
_NAME_WORDS = 4            # an author's name line: "আবদুল্লাহ আল মামুন"
STANDFIRST_WORDS = 10      # a candidate this long right above the text is a standfirst when a headline tops it
_BREADCRUMB_TAIL_RE = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_CRUMB_SEP_RE = re.compile(r"\s[»›>/]\s")


def _breadcrumb(f: LineFeatures) -> bool:
    """A "হোম » জাতীয় » …" line: three or more steps, or two that are both section names or page
    phrases ("হোম / প্রযুক্তি")."""
    steps = _CRUMB_SEP_RE.split(f.text)
    lex = lexicon()
    return len(steps) >= 3 or (len(steps) == 2 and all(key_of(s) in lex.sections or key_of(s) in lex.exact for s in steps))


def _candidate(f: LineFeatures, latin_page: bool) -> bool:
    """Could this line be a headline: free, not running text, not a list item or a breadcrumb, in the article's
    script (an English article's may mix in Bengali words: "Read The Story (পর্ব-১০)")."""
    in_script = f.latin == latin_page or (latin_page and has_latin_letters(f.text))
    return f.intrinsic is None and not f.paragraph and not f.bullet and f.words >= 1 and in_script and not _breadcrumb(f)


def _passable(f: LineFeatures, latin_page: bool) -> bool:
    """Furniture the eye passes over between headline and text (a section name may also head lists)."""
    return (f.intrinsic in PASSABLE or (f.intrinsic is None and f.latin and not latin_page)
            or (f.intrinsic == "list_heading" and f.key in lexicon().sections))


def _breadcrumb_ends(content: list[LineFeatures], upto: int) -> list[str]:
    """Keys of breadcrumb ends above ``upto``: numbered items ("3. অভিনেত্রী …"), the last step of
    "হোম » জাতীয় » …" and clipped lines ("… ...")."""
    keys = []
    for f in content[:upto]:
        if f.numbered:
            keys.append(key_of(_BREADCRUMB_TAIL_RE.sub("", f.text.split(maxsplit=1)[-1])))
        elif not f.paragraph and (_BREADCRUMB_TAIL_RE.search(f.text) or _breadcrumb(f)):
            keys.append(key_of(_BREADCRUMB_TAIL_RE.sub("", _CRUMB_SEP_RE.split(f.text)[-1])))
    return [k for k in keys if len(k) >= 8]


def _byline_below(content: list[LineFeatures], nearest: int, above: int) -> bool:
    """Is the nearest candidate an author's name: short, right above the date line, and under a
    longer headline or under the desk line that signs the headline above it?

    Pages print the author between the headline (and its desk line) and an unlabelled date
    line. A kicker above a headline is the other way round: the shorter line stands higher.
    """
    line, following = content[nearest], content[nearest + 1] if nearest + 1 < len(content) else None
    if line.words > _NAME_WORDS or following is None or following.intrinsic != "dated":
        return False
    signed_between = any(content[j].intrinsic in _SIGNATURE_KINDS for j in range(above + 1, nearest))
    return content[above].words > line.words or signed_between


def _name_under_timed_headline(content: list[LineFeatures], nearest: int, above: int) -> bool:
    """Is the nearest candidate an author's name right under a longer headline whose publish time
    stands right above it (the date line printed over the headline, the name under it)?"""
    return (nearest == above + 1 and content[nearest].words <= _NAME_WORDS
            and content[above].words > content[nearest].words and _timed_date_above(content, above))


def _timed_date_above(content: list[LineFeatures], i: int) -> bool:
    """Is the line right above line ``i`` a date line with a time of day (some sites print the publish
    time above the headline), not the site's header date?"""
    above = content[i - 1] if i > 0 else None
    return above is not None and above.intrinsic == "dated" and above.has_time and not above.template


def _read_more(f: LineFeatures) -> bool:
    """A "আরও পড়ুন" (read more) heading: the line under it links to another story."""
    return f.intrinsic == "list_heading" and lexicon().list_kind(f.key) == "related_list"


def _over_its_byline(content: list[LineFeatures], i: int) -> bool:
    """Does the line stand right over an author's, desk's or date line (past a second copy of itself)?
    A bare date ("রবিবার, ৭ ডিসেম্বর ২০২৫": no time, no "প্রকাশ") is the site's header date under its
    name, not a story's."""
    below = next((content[j] for j in range(i + 1, len(content)) if content[j].key != content[i].key), None)
    return (below is not None and below.intrinsic in BYLINE_KINDS
            and (below.intrinsic != "dated" or below.has_time or below.labelled))


def signature_end(content: list[LineFeatures], i: int, unnamed: bool = False) -> int | None:
    """Index of the line that closes the signature under line ``i``, or None: line ``i`` must stand
    over a byline, desk line or author's name, with a date line carrying a time of day close under
    it (past the rest of its signature, a caption or a share widget) or right above it.

    ``unnamed``: also take for the author's name a short line that no list of name words
    knows, standing between a longer headline (or its desk line) and the date line.
    """
    def signature(j: int) -> bool:
        return content[j].intrinsic in _SIGNATURE_KINDS or (unnamed and _byline_below(content, j, i))
    below = range(i + 1, min(len(content), i + 1 + _SIGNATURE_LINES))
    if not below or not signature(below[0]):
        return None
    last = below[0]
    for j in below:
        if content[j].intrinsic == "dated":
            return j if content[j].has_time else None
        if not (content[j].intrinsic in PASSABLE or signature(j)):
            break
        last = j if signature(j) else last
    return last if _timed_date_above(content, i) else None  # some sites print the time above the headline


def signed(content: list[LineFeatures], i: int, unnamed: bool = False) -> bool:
    """Does line ``i`` stand over its byline and a timed date line (see :func:`signature_end`)?"""
    return signature_end(content, i, unnamed) is not None


def signed_head(content: list[LineFeatures], unnamed: bool = False) -> int | None:
    """The headline of a page whose article text is not prose (a poem, a quiz, a schedule): the one
    headline-like line that stands over a byline or desk line with a date line carrying a time of
    day close under it. None when no line or several do (a list of stories with their authors).
    ``unnamed``: see :func:`signed`."""
    heads = [i for i, f in enumerate(content) if _candidate(f, False) and f.words >= 2 and signed(content, i, unnamed)]
    one_line = len({content[i].key for i in heads}) == 1  # a page printing its article twice has one head
    return heads[0] if one_line else None


def head_candidates(content: list[LineFeatures], block_start: int) -> tuple[list[int], list[int]]:
    """Possible headlines above the block, nearest first: (free standing, in a list run).

    The scan stops at what no headline stands below: running text, a list heading, a menu,
    a bulleted item, a footer, or a run of ``LIST_RUN`` adjacent headline-like lines (a
    story list, such as a ticker; its lines are returned apart).
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
        if found and found[-1] == i + 1 and _read_more(f):
            found.pop()  # the line under "আরও পড়ুন" is a link to another story, put above the text
            run = []
            continue
        if not _candidate(f, latin_page):
            break
        if run and f.key == content[run[-1]].key:
            found.append(i)  # the headline printed twice is one line of a page, not a list of two
            continue
        run.append(i)
        if len(run) >= LIST_RUN and _stands_apart(content, run):
            run.pop(0)  # the headline under a tight list, a blank line apart: it stays a candidate
        elif len(run) >= LIST_RUN:
            return [j for j in found if j not in run], run
        found.append(i)
    return found, []


def _stands_apart(content: list[LineFeatures], run: list[int]) -> bool:
    """Is the lowest line of a run set off by a blank line from list lines printed without one?"""
    lowest, second, third = (content[i].n for i in run[:3])
    return lowest - second > 1 and second - third == 1


def _structural_choice(content: list[LineFeatures], found: list[int], twice: set[int]) -> tuple[int | None, str]:
    """The headline by position alone: the one line printed twice (``twice``) if there is one; else the
    nearest above the text, unless a standfirst or an author's name is, or a line farther up stands
    over its byline or date line (short label lines, "শুভ রং: …", between)."""
    if not found:
        return None, ""
    if len(twice) == 1:
        return next(iter(twice)), "headline printed twice above the article text"
    nearest = content[found[0]]
    if len(found) > 1 and nearest.words >= STANDFIRST_WORDS and content[found[1]].words < nearest.words:
        return found[1], "headline above the standfirst and the article text"
    if len(found) > 1 and _byline_below(content, found[0], found[1]):
        return found[1], "headline above the author's name and the date line"
    if len(found) > 1 and _name_under_timed_headline(content, found[0], found[1]):
        return found[1], "headline under its publish time, above the author's name"
    over_byline = next((i for i in found if _over_its_byline(content, i)), None)
    if over_byline is not None and over_byline != found[0]:
        return over_byline, "headline over its byline or date line, above the article text"
    return found[0], "headline-like line nearest above the article text"


def pick_title(content: list[LineFeatures], block_start: int, unnamed: bool = False) -> tuple[int | None, str]:
    """Index of the headline above the block (or None) and why it was chosen.

    A breadcrumb ending with a candidate confirms it. Otherwise position decides, unless
    another candidate shares clearly more words with the article text: a headline says
    what the article says, a ticker item, a promo line or an author's name does not. A
    headline printed twice in the head zone is the title where it first stands.

    Short lines right above the text (label lines "শুভ রং: …", a series' earlier parts) can
    read as a story list and hide the headline: the one headline over its byline and date
    line above them is the title when its signature runs straight into such lines, or when
    they give no headline at all (``unnamed``: see :func:`signature_end`).
    """
    found, listed = head_candidates(content, block_start)
    chosen, why = _title_among(content, block_start, found, listed)
    head, top = signed_head(content, unnamed), min(found + listed, default=block_start)
    if head is not None and head < top:
        between = content[signature_end(content, head, unnamed) + 1 : top]
        if chosen is None or all(f.intrinsic in PASSABLE or _candidate(f, False) for f in between):
            return head, "headline over its byline and date line, above the lines over the article text"
    return chosen, why


def _title_among(content: list[LineFeatures], block_start: int, found: list[int],
                 listed: list[int]) -> tuple[int | None, str]:
    """The headline among the candidates above the block, free standing (``found``) or in a list run."""
    first_copy: dict[str, int] = {}
    for i in found + listed:  # nearest first, so the topmost copy wins, unless it is clipped ("… ...")
        if content[i].key not in first_copy or not _BREADCRUMB_TAIL_RE.search(content[i].text):
            first_copy[content[i].key] = i
    twice = {first_copy[content[i].key] for i in found if first_copy[content[i].key] != i}
    found = list(dict.fromkeys(first_copy[content[i].key] for i in found))
    # A one-word line is a headline only where nothing longer is ("উদ্ধৃতি"); else it is a label.
    found = [i for i in found if content[i].words >= 2] or found[:1]
    twice &= set(found)  # a one-word line printed twice (a place in the menu and in the dateline) is no headline
    if not found and not listed:
        return None, ""
    crumbs = _breadcrumb_ends(content, max(found + listed))
    for i in found + listed:
        if any(content[i].key.startswith(crumb) for crumb in crumbs):
            return i, "headline above the article text, confirmed by the breadcrumb"
    chosen, why = _structural_choice(content, found, twice)
    article = frozenset().union(*(f.stems for f in content[block_start : block_start + _ARTICLE_LINES] if f.paragraph))
    scored = {i: shared_share(content[i].stems, article) for i in found + listed}
    passed_over = found[: found.index(chosen)] if chosen is not None else []
    # A headline standing right over its byline or date line is the page's own; a story list's
    # lines, short and on the same topics, share words with the text by chance.
    listed = [] if chosen is not None and _over_its_byline(content, chosen) else listed
    # A standfirst that position passed over stays passed over, unless the chosen line shares no
    # word with the text: then it may be the site's label above the real headline.
    rivals = [i for i in found + listed if i not in passed_over and (i in found or content[i].words >= 2)]
    if chosen is not None and _over_its_byline(content, chosen):
        # A shorter line above the one over the byline is its kicker ("স্বাস্থ্য অধিদপ্তরের তথ্য"): it
        # names the topic, so all its words recur in the text, but the headline is the line signed.
        rivals = [i for i in rivals if not (i < chosen and content[i].words < content[chosen].words)]
    best = _overlap_choice(content, scored, rivals, chosen, block_start, article)
    if best is None and chosen is not None and scored[chosen] == 0:
        best = _overlap_choice(content, scored, passed_over + [chosen], chosen, block_start, article)
    if best is not None:
        return best, f"headline-like line above the article text sharing most of its words ({scored[best]:.0%})"
    return chosen, why


def _overlap_choice(content: list[LineFeatures], scored: dict[int, float], rivals: list[int], chosen: int | None,
                    block_start: int, article: frozenset) -> int | None:
    """The rival that shares clearly more of its words with the article text than the chosen line (the
    nearer to the text on a tie), if any."""
    if rivals == [chosen]:
        return None  # nothing to weigh it against
    # A short line's share says less: a two-word kicker whose both words recur ("বন্যা পরিস্থিতি")
    # does not outweigh the headline under it that repeats five of its six.
    best = max(rivals, key=lambda i: (len(content[i].stems & article) / (len(content[i].stems) + 1), scored[i],
                                      -abs(i - block_start)), default=None)
    floor = scored[chosen] + _OVERLAP_MARGIN if chosen is not None else 0.0
    if (best is not None and best != chosen and scored[best] >= max(MIN_OVERLAP, floor)
            and len(content[best].stems & article) >= MIN_SHARED_WORDS):
        return best
    return None


def first_headline(content: list[LineFeatures]) -> tuple[int | None, str]:
    """The headline of a page without running text: its first headline-like line (two words or more if any)."""
    free = [i for i, f in enumerate(content) if _candidate(f, False)]
    chosen = next((i for i in free if content[i].words >= 2), free[0] if free else None)
    return chosen, "first headline-like line of a page without running text"


def own_date_above(content: list[LineFeatures], title: int, block_start: int) -> int | None:
    """Index of a date line above the headline that is the article's own, or None.

    Some sites print the publish time above the headline. It is the block's own when it
    stands close above the headline with only passable furniture between, no date line
    follows the headline, and it reads like a publish date: it carries a time of day or a
    label, or stands right above the headline without the Bangla or Hijri date a site's
    "today" header adds.
    """
    if any(f.intrinsic == "dated" for f in content[title + 1 : block_start]):
        return None
    for i in range(title - 1, max(-1, title - 1 - HEAD_ZONE_LINES), -1):
        f = content[i]
        if f.intrinsic == "dated":
            adjacent = i == title - 1 and not f.other_calendar
            return i if (f.has_time or f.labelled or adjacent) and not f.template else None
        if f.intrinsic not in PASSABLE and not (f.intrinsic is None and (f.latin or f.words <= 2)):
            return None
    return None
