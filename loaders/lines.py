"""Classify every line of a page as the title, article body or a kind of boilerplate.

The decisions that find the article live in :mod:`loaders.layout` (the line features,
the article block, the headline and the page kind); this module gives every line its
kind from its place relative to them: furniture above the headline, the header between
headline and text, interruptions inside the text, and lists and footers after it.

Line kinds (``LINE_KINDS``) are the vocabulary of the ``lines`` table's ``kind`` column.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from .layout import (MIN_ARTICLE_WORDS, Block, LineFeatures, dated_head, find_block, first_headline, has_latin_letters,
                     line_features, own_date_above, page_kind, pick_title, signed, signed_head, non_prose_block,
                     split_doubled, split_lines)
from .lexicon import key_of, lexicon

logger = logging.getLogger(__name__)

LINE_KINDS = {
    "title": "the headline",
    "body": "article text",
    "blank": "empty line",
    "page_date_header": "the site's date header ('today'), not the publish date",
    "section_label": "section name printed near the headline",
    "menu": "navigation menu",
    "desk": "desk credit (আন্তর্জাতিক ডেস্ক)",
    "desk_and_outlet": "desk credit with the outlet name",
    "outlet_label": "the outlet or agency name on its own line",
    "byline": "reporter or author line",
    "timestamp": "publish / update time line",
    "duplicate_title": "the headline printed again",
    "attribution": "source line (সূত্র: …)",
    "credit": "reporter/editor initials (জেএইচ, ইএ/টিকে)",
    "copyright": "copyright or legal footer",
    "share_widget": "share buttons",
    "list_heading": "heading of a list of other stories",
    "latest_news_list": "latest-news links",
    "related_list": "related-story links",
    "most_read_list": "most-read links",
    "link_list": "other story links",
    "ad_placeholder": "advertisement slot",
    "comments_widget": "comments box",
    "widget": "other page widget",
    "pagination": "page numbers or next/previous links",
    "caption": "photo caption or credit (ছবি: সংগৃহীত)",
    "teaser": "running text of another story (a listing's teaser)",
    "repeated_block": "the article printed again below itself",
}
BOILERPLATE_KINDS = frozenset(LINE_KINDS) - {"title", "body", "blank"}
LIST_KINDS = frozenset({"latest_news_list", "related_list", "most_read_list", "link_list", "teaser"})
# Lines after which the article text does not resume.
FOOTER_KINDS = frozenset({"credit", "copyright", "share_widget", "comments_widget"})
# Footer widgets that a page may also print in the article's head, under its byline and date line.
_HEAD_WIDGETS = frozenset({"share_widget", "comments_widget"})
# Body lines a standfirst may take above the byline and date line (Kolkata papers print one sentence there).
_STANDFIRST_LINES = 1
# The fewest words of a short sentence (ending in a danda) that still ends the article's text.
_CLOSING_WORDS = 3
# Inside the body these may be content (a dated timeline entry, a "২." list marker);
# they are held until we see whether the article goes on.
_HELD_IN_BODY = frozenset({"dated", "pagination"})
# Furniture that sits between the headline and the article text.
_HEADER_KINDS = frozenset({"dated", "section_label", "desk", "desk_and_outlet", "byline", "outlet_label"})
# Lines of a listing page within this many content lines of the top carry the site's date header.
_LISTING_HEADER_LINES = 5
# Why the title line is the title when the source names the headline: a line says it, or prints it in other words.
NAMED_TITLE = "the headline the source names"
PRINTED_TITLE = "the headline the source names, printed in other words"
# A headline printed in other words than the source names it: the shorter form's least words and share of letters.
_PRINTED_MIN_WORDS, _PRINTED_MIN_SHARE = 3, 0.6


@dataclass(frozen=True)
class Line:
    """One line of the source text with its classification.

    ``start``/``end`` index the original (decoded) text, newline excluded; ``text`` is the
    cleaned, stripped line used for matching; ``dates`` holds the date expressions found;
    ``template``: most pages of the page's site print this line (see :mod:`loaders.layout.site`).
    """

    n: int
    start: int
    end: int
    text: str
    kind: str
    reason: str
    dates: tuple = ()
    template: bool = False

def _resolve_pending(pending: list[LineFeatures], kinds: dict, as_body: bool,
                     closing: LineFeatures | None = None) -> None:
    """Settle lines held back inside the body once we know whether the article went on.

    If running text follows, they were part of it (subheadings, list markers, a dated
    entry). Otherwise dated lines are timestamps, number lines are pagination, and short
    free lines are a link list when two or more, else a widget; but ``closing``, a short
    sentence right under the text (see :func:`_closing_sentence`), is the text's last line
    when no other free line follows it.
    """
    free = [f for f in pending if f.intrinsic is None]
    if closing is not None and free == [closing] and pending[0] is closing:
        kinds[closing.n] = ("body", "short sentence ending the article")
        pending.remove(closing)
        free = []
    for f in pending:
        if as_body:
            kinds[f.n] = ("body", "short line inside the article")
        elif f.intrinsic == "dated":
            kinds[f.n] = ("timestamp", "date line after the article")
        elif f.intrinsic:
            kinds[f.n] = (f.intrinsic, f.reason)
        elif len(free) >= 2:
            kinds[f.n] = ("link_list", "run of headline-like lines after the article")
        else:
            kinds[f.n] = ("widget", "short line after the article")
    pending.clear()


def _classify_header(header: list[LineFeatures], title_n: int | None, title_key: str, kinds: dict,
                     title_reason: str, own_date_n: int | None = None, latin_page: bool = False) -> None:
    """Kinds for the lines above the article body (``title_n`` 0: the headline precedes the text).

    ``own_date_n`` is a date line above the headline that belongs to the article (see
    :func:`loaders.layout.own_date_above`); other dates above the headline are the site's
    "today" header. ``latin_page``: the article or its headline is in English, so English lines
    under the headline may be its standfirst rather than a video player's controls.
    """
    for f in header:
        before_title = title_n is None or f.n < title_n
        if f.n == title_n:
            kinds[f.n] = ("title", title_reason)
        elif title_key and f.key == title_key:
            kinds[f.n] = ("duplicate_title", "repeats the headline")
        elif f.intrinsic == "dated":
            if f.template:
                kinds[f.n] = ("page_date_header", "date printed on most pages of this site (its header date)")
            elif f.n == own_date_n:
                kinds[f.n] = ("timestamp", "publish time printed close above the headline")
            elif f.labelled or not before_title:
                kinds[f.n] = ("timestamp", "publish/update time")
            else:
                kinds[f.n] = ("page_date_header", "date above the headline (the site's 'today')")
        elif f.intrinsic == "link_marker":
            kinds[f.n] = ("widget", f.reason)
        elif f.intrinsic == "list_heading" and f.key in lexicon().sections:
            kinds[f.n] = ("section_label", f"section name “{f.key}” above the body")
        elif f.intrinsic:
            kinds[f.n] = (f.intrinsic, f.reason)
        elif before_title:
            kinds[f.n] = _above_headline(f)
        elif f.latin and not latin_page:
            kinds[f.n] = ("widget", "English interface text between headline and body")
        elif f.words <= 4 and not f.paragraph:
            kinds[f.n] = ("byline", "short line between headline and body")
        else:
            kinds[f.n] = ("body", "standfirst below the headline")


def _above_headline(f: LineFeatures) -> tuple[str, str]:
    """Kind of a free line above the headline: menu entries, tickers and breadcrumbs."""
    if f.bullet:
        return "menu", "list item above the headline (menu, ticker or breadcrumb)"
    if f.latin:
        return "widget", "English interface text above the headline"
    return ("section_label", "short line above the headline") if f.words <= 4 else ("menu", "line above the headline")


def _headline_question(first: LineFeatures, following: list[LineFeatures]) -> bool:
    """A short opening line ending in ? or ! with no danda, above a longer paragraph, is a headline."""
    if "।" in first.text or first.words > 20 or first.text.rstrip(" '\"’”")[-1:] not in "?!":
        return False
    return bool(following) and following[0].paragraph and following[0].words > first.words


def _body_start(content: list[LineFeatures]) -> int:
    """Index of the first body line: a paragraph-like line not followed by header furniture.

    A headline ending in '!' or '?' can look like a sentence; the date, section or desk
    lines printed right below it, or a longer paragraph right after it at the top of the
    page, show that the article has not begun yet.
    """
    for i, f in enumerate(content):
        if not f.paragraph:
            continue
        if "।" not in f.text and f.words <= 20 and any(g.intrinsic in _HEADER_KINDS for g in content[i + 1 : i + 4]):
            f.paragraph = False
            continue
        if i == 0 and _headline_question(f, content[1:2]):
            f.paragraph = False
            continue
        return i
    return len(content)


def _prints(line: LineFeatures, key: str) -> bool:
    """Whether a headline-like line prints the headline keyed ``key`` in other words: one holds the
    other whole, and the shorter has three words and most of the longer's (an og:title that adds or
    drops a word, "অভিনেত্রী …" printed over "সাবিলা নূরের অনন্য অর্জন")."""
    if not line.headline_like or line.words < _PRINTED_MIN_WORDS:
        return False
    shorter, longer = sorted((line.key, key), key=len)
    return (f" {shorter} " in f" {longer} " and len(shorter.split()) >= _PRINTED_MIN_WORDS
            and len(shorter) >= _PRINTED_MIN_SHARE * len(longer))


def _hinted_title(content: list[LineFeatures], key: str) -> tuple[int | None, str]:
    """(index, why) of the line that is the headline the source names: a match with prose soon after,
    else the first; a line printing it in other words (see :func:`_prints`) when no line says it as named."""
    for why, prints in ((NAMED_TITLE, lambda f: f.key == key), (PRINTED_TITLE, lambda f: _prints(f, key))):
        matches = [i for i, f in enumerate(content) if prints(f)]
        if matches:
            return next((i for i in matches if any(f.paragraph for f in content[i + 1 : i + 8])), matches[0]), why
    return None, NAMED_TITLE


def _classify_listing(content: list[LineFeatures], kinds: dict, title_key: str) -> None:
    """Kinds for a page that lists other stories: its teasers and dates belong to them."""
    for i, f in enumerate(content):
        if title_key and f.key == title_key:
            kinds[f.n] = ("title", NAMED_TITLE)
        elif f.intrinsic == "dated":
            kinds[f.n] = (("page_date_header", "date at the top of a listing page") if i < _LISTING_HEADER_LINES
                          else ("link_list", "date of a listed story"))
        elif f.intrinsic:
            kinds[f.n] = (f.intrinsic, f.reason)
        elif f.paragraph:
            kinds[f.n] = ("teaser", "running text under a listed story's headline")
        else:
            kinds[f.n] = ("link_list", "item of a story list")


def _headline_and_span(content: list[LineFeatures], title_key: str, page: bool):
    """Where the headline and the body are: (headline index or None, why, first, last, block or None).

    The body is the article block (after the headline the source names, if a line prints
    it), less a headline it begins with.
    """
    hinted, named = _hinted_title(content, title_key) if title_key else (None, NAMED_TITLE)
    start = hinted + 1 if hinted is not None else 0
    block = find_block(content, start) if page else None
    if page and (block is None or block.words < MIN_ARTICLE_WORDS):
        # No article prose: a poem, a quiz or a schedule still has its headline, byline and date line.
        head = signed_head(content) if hinted is None else hinted if signed(content, hinted) else None
        lines = non_prose_block(content, head) if head is not None else None
        if lines is not None:
            why = named if hinted is not None else "headline over its byline and date line"
            return head, why, lines.start, lines.end, lines
    if block is None:  # a dataset body, or a page without running text: the first paragraph opens the body
        title, why = (hinted, named) if hinted is not None or not page else first_headline(content)
        return title, why, start + _body_start(content[start:]), len(content), None
    first, last = min(block.start + _body_start(content[block.start : block.end + 1]), block.end), block.end
    if hinted is not None:
        return hinted, named, first, last, block
    # Article prose below already makes the page an article, so an author's name no word list knows signs a headline.
    title, why = pick_title(content, first, unnamed=block.words >= MIN_ARTICLE_WORDS)
    if (instead := _text_not_prose(content, block, title, why)) is not None:
        head, why, lines = instead
        return head, why, lines.start, lines.end, lines
    return title, why, first, last, block


def _text_not_prose(content: list[LineFeatures], block: Block, title: int | None, why: str):
    """(headline index, why, lines) of a text that is not prose standing where the prose block is no
    article, or None: a dated brief that goes on in such lines (a match schedule under its one
    paragraph), or a quiz under the one signed headline above a listing's teasers."""
    if block.words < MIN_ARTICLE_WORDS and title is not None and dated_head(content, title, block):
        lines = non_prose_block(content, title)
        if lines is not None and lines.start <= block.start <= lines.end:
            return title, why, lines
    if page_kind(content, block, title)[0] != "article" and (head := signed_head(content)) is not None:
        lines = non_prose_block(content, head)
        if lines is not None and lines.end < block.start:
            return head, "headline over its byline and date line", lines
    return None


def classify(source: str, title: str | None = None, page: bool = True,
             site_furniture: frozenset[str] = frozenset()) -> tuple[list[Line], str, str]:
    """Classify every line of a page; returns (lines, page kind, why). See ``LINE_KINDS``.

    ``title`` is the headline when the source states it (a dataset's headline column, a
    page's ``<h1>``): the line that says it is the title, and the text after it is
    searched for the body. When no line says it, a page's headline is the headline-like
    line nearest above its article block (:mod:`loaders.layout`). ``page`` is False for a
    dataset record's body, which is all article: every line comes after the headline, and
    the page kind is "article". ``site_furniture``: keys of lines most pages of the site print.
    """
    spans, doubled = (None, set()) if page else split_doubled(source, split_lines(source))
    feats = line_features(source, site_furniture, spans)
    kinds: dict[int, tuple[str, str]] = {f.n: ("blank", f.reason) for f in feats if f.intrinsic == "blank"}
    content = [f for f in feats if f.intrinsic != "blank"]
    title_key = key_of(title) if title else ""
    title_i, title_reason, body_start, body_end, block = _headline_and_span(content, title_key, page)
    kind, kind_reason = page_kind(content, block, title_i) if page else ("article", "a dataset record")
    if kind != "article":
        _classify_listing(content, kinds, title_key)
        return _lines(feats, kinds), kind, kind_reason
    if title_i is None and title_key:
        title_n = 0  # the source names a headline no line prints: everything comes after it
    else:
        title_n = content[title_i].n if title_i is not None else None
        title_key = content[title_i].key if title_i is not None else ""
    own_date = own_date_above(content, title_i, body_start) if title_i is not None else None
    # English under an English (or bilingual) headline may be the article's; under a Bengali one it is a player's.
    latin_page = ((body_start < len(content) and content[body_start].latin)
                  or (title_i is not None and has_latin_letters(content[title_i].text)))
    _classify_header(content[:body_start], title_n, title_key, kinds, title_reason,
                     content[own_date].n if own_date is not None else None, latin_page)
    _classify_rest(content[body_start:], body_end - body_start, title_key, kinds, prose=block is None or block.prose)
    kinds |= {n: ("repeated_block", "the sentences before it again: the scraper took them twice") for n in doubled}
    return _lines(feats, kinds), kind, kind_reason


def _sentence(f: LineFeatures) -> bool:
    """A free line of Bengali that ends a sentence with a danda (headlines and link titles do not)."""
    return (f.intrinsic is None and not f.latin and not f.bullet
            and f.text.rstrip(" '\"’”)").endswith("।"))


def _closing_sentence(f: LineFeatures, previous: LineFeatures | None, kinds: dict) -> bool:
    """Is ``f`` a short sentence that may end the article: right under a paragraph of its text,
    of a few words at least, neither a note in brackets ("(মতামত লেখকের নিজস্ব।)") nor a call to
    the reader ("… সঙ্গে থাকুন।")?"""
    return (previous is not None and previous.paragraph and kinds.get(previous.n, ("",))[0] == "body"
            and _sentence(f) and f.words >= _CLOSING_WORDS and not f.text.startswith(("(", "["))
            and not lexicon().calls_reader(f.key))


def _text_goes_on(listed: list[LineFeatures]) -> list[LineFeatures]:
    """The last lines of a story list (``listed``, its heading first) that are the article's text,
    which resumes right under them: sentences under one of the list's linked headlines that do not
    retell it (a teaser would). Teaser sentences right under the heading stay the list's."""
    run = []
    for f in reversed(listed):
        if not _sentence(f):
            break
        run.append(f)
    above = listed[-len(run) - 1] if run and len(run) < len(listed) else None
    if above is None or not above.headline_like or "।" in above.text:
        return []
    return [] if above.stems & frozenset().union(*(f.stems for f in run)) else run[::-1]


def _lines(feats: list[LineFeatures], kinds: dict[int, tuple[str, str]]) -> list[Line]:
    """Every line with the kind and reason given to it."""
    return [Line(f.n, f.start, f.end, f.text, *kinds[f.n], dates=f.dates, template=f.template) for f in feats]


def _classify_rest(rest: list[LineFeatures], last_body: int, title_key: str, kinds: dict, prose: bool = True) -> None:
    """Kinds from the first body line on; nothing past index ``last_body`` of ``rest`` is body.
    Without ``prose`` (a poem, a quiz, a schedule), every free line up to there is body."""
    state, list_kind, footer_seen = "body", "link_list", False
    pending: list[LineFeatures] = []
    previous = None
    body_texts: set[str] = set()
    body_lines = 0
    # A byline or date line under the first paragraph: that was a standfirst, and the text has not begun.
    head_open = False
    closing = None        # a short sentence right under the text, held in ``pending``
    listed: list[LineFeatures] = []  # the lines of the story list we are in
    for i, f in enumerate(rest):
        kind = f.intrinsic
        inside = i <= last_body
        if kind in _HEADER_KINDS and body_lines <= _STANDFIRST_LINES:
            head_open = True
        if closing is not None and (kind == "caption" or f.latin):
            closing = None  # a photo's or a video's caption, with its credit or player under it
        if title_key and f.key == title_key:
            kinds[f.n] = ("duplicate_title", "repeats the headline")
        elif kind == "list_heading":
            _resolve_pending(pending, kinds, as_body=False, closing=closing)
            # Several headings in a row are tabs; the list shown belongs to the first one.
            if previous is None or previous.intrinsic != "list_heading":
                list_kind = lexicon().list_kind(f.key)
                listed = []
            state = "list"
            kinds[f.n] = (kind, f.reason)
        elif kind == "link_marker":
            _resolve_pending(pending, kinds, as_body=False, closing=closing)
            kinds[f.n] = (list_kind if state == "list" else "link_list", f.reason)
        elif kind == "dated" and f.template:
            kinds[f.n] = ("page_date_header", "date printed on most pages of this site (its header date)")
        elif kind == "dated" and state == "list":
            kinds[f.n] = (list_kind, "date of a listed story")
        elif kind == "dated" and not inside and previous is not None and previous.headline_like:
            kinds[f.n] = (list_kind, "date under another story's headline")
        elif kind == "dated" and f.labelled:
            kinds[f.n] = ("timestamp", "labelled publish/update time")
        elif kind in _HELD_IN_BODY and state == "body":
            pending.append(f)
        elif kind == "dated":
            kinds[f.n] = ("timestamp", "date line after the headline")
        elif kind:
            if kind in FOOTER_KINDS:
                _resolve_pending(pending, kinds, as_body=False, closing=closing)
                # Share buttons under the byline and date line that follow a standfirst are the head's,
                # and so are those right under a standfirst inside the article block (DW prints its
                # lead paragraph, then the buttons, then the photo and the text).
                head = head_open or body_lines == _STANDFIRST_LINES and inside
                footer_seen = footer_seen or not (head and kind in _HEAD_WIDGETS)
            kinds[f.n] = (kind, f.reason)
        elif f.paragraph and not inside:
            _resolve_pending(pending, kinds, as_body=False)
            kinds[f.n] = (("repeated_block", "the article's text printed again") if f.text in body_texts
                          else ("teaser", "running text outside the article block"))
        elif state == "list":
            if f.paragraph and not footer_seen and "।" in f.text and f.words >= 12:
                state = "body"
                for g in _text_goes_on(listed):
                    kinds[g.n] = ("body", "sentence of the text under a linked headline")
                    body_texts.add(g.text)
                kinds[f.n] = ("body", "running text after a story list")
                body_texts.add(f.text)
                body_lines += 1
                head_open = False
            else:
                kinds[f.n] = (list_kind, "item of a story list")
        elif f.paragraph and not footer_seen:
            _resolve_pending(pending, kinds, as_body=True)
            kinds[f.n] = ("body", "running text")
            body_texts.add(f.text)
            body_lines += 1
            head_open = False
        elif f.paragraph:
            kinds[f.n] = ("widget", "text after the article footer")
        elif f.latin:
            kinds[f.n] = ("widget", "English interface text (a video player or embed)")
        elif not prose and inside:
            kinds[f.n] = ("body", "line of an article text that is not prose")
        else:
            if not pending and _closing_sentence(f, previous, kinds):
                closing = f
            pending.append(f)
        if state == "list":
            listed.append(f)
        if not pending:
            closing = None
        previous = f
    _resolve_pending(pending, kinds, as_body=False, closing=closing)
