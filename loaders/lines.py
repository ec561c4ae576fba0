"""Classify every line of a page dump as the title, article body or a kind of boilerplate.

The classifier uses signals that carry across sites rather than per-site rules:
the phrase lexicon in ``data/boilerplate.toml``, line length and sentence punctuation,
how much of a line is a date, the position of a line relative to the title and the
body, and runs of short headline-like lines after the article.

Line kinds (``LINE_KINDS``) are the vocabulary of the ``lines`` table's ``kind`` column.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from . import dates, sources
from .lexicon import key_of, lexicon
from .textnorm import clean

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
}
BOILERPLATE_KINDS = frozenset(LINE_KINDS) - {"title", "body", "blank"}
LIST_KINDS = frozenset({"latest_news_list", "related_list", "most_read_list", "link_list"})
# Lines after which the article text does not resume.
FOOTER_KINDS = frozenset({"credit", "copyright", "share_widget", "comments_widget"})
# Inside the body these may be content (a dated timeline entry, a "২." list marker);
# they are held until we see whether the article goes on.
_HELD_IN_BODY = frozenset({"dated", "pagination"})

# Lines longer than this are never furniture phrases or headlines, so they get no lookup key.
_KEY_MAX_WORDS = 40
_DATELINE_CHARS = 120
# Furniture that sits between the headline and the article text.
_HEADER_KINDS = frozenset({"dated", "section_label", "desk", "desk_and_outlet", "byline", "outlet_label"})
# Bengali spellings of Latin letter names: reporter initials are runs of these (জেএইচ = J H).
_LETTER_NAMES = (
    "ডব্লিউ", "ওয়াই", "এক্স", "এইচ", "কিউ", "জেড", "এফ", "এল", "এম", "এন", "এস", "আর",
    "আই", "ইউ", "বি", "সি", "ডি", "জি", "জে", "কে", "পি", "টি", "ভি", "এ", "ই", "ও",
)
_INITIALS = "(?:" + "|".join(_LETTER_NAMES) + ")+"
_CREDIT_RE = re.compile(rf"/?\s*{_INITIALS}(?:\s*/\s*{_INITIALS})*\s*/?|/?[A-Z]{{1,4}}(?:/[A-Z]{{1,4}})+/?")
_SENTENCE_END_RE = re.compile(r"[.?!।॥][\s'\"’”»)\]|]*$")
_SPLIT_RE = re.compile(r"\n")
_HAS_DIGIT_RE = re.compile(r"[0-9০-৯]")
# A letter or digit of any script (what str.isalnum accepts), or a Bengali sign that is not one.
_COUNTED_RE = re.compile(r"[^\W_]|[A-Za-z\u0980-\u09E5\u09F0-\u09FF]")


@dataclass(frozen=True)
class Line:
    """One line of the source text with its classification.

    ``start``/``end`` index the original (decoded) text, newline excluded; ``text`` is the
    cleaned, stripped line used for matching; ``dates`` holds the date expressions found.
    """

    n: int
    start: int
    end: int
    text: str
    kind: str
    reason: str
    dates: tuple = ()


@dataclass
class _Features:
    """Per-line facts the position pass needs (mutable only while classifying)."""

    n: int
    start: int
    end: int
    text: str
    key: str
    words: int
    intrinsic: str | None
    reason: str
    paragraph: bool
    dates: tuple
    labelled: bool


def split_lines(text: str) -> list[tuple[int, int, int]]:
    """(1-based number, start, end) of every line; a trailing carriage return is excluded."""
    spans = []
    pos = 0
    for n, match in enumerate(_SPLIT_RE.finditer(text + "\n"), start=1):
        end = match.start()
        if end > pos and text[end - 1 : end] == "\r":
            end -= 1
        spans.append((n, pos, end))
        pos = match.end()
    if spans and spans[-1][1] == len(text) and len(spans) > 1:
        spans.pop()  # a final newline does not open another line
    return spans


def _is_paragraph(text: str, words: int) -> bool:
    """Does the line read like running article text rather than a headline or widget?"""
    if words >= 25:
        return True
    if "।" in text and words >= 5:
        return True
    if words >= 10 and _SENTENCE_END_RE.search(text):
        return True
    return words >= 6 and text.count(",") >= 3


def _date_coverage(text: str, found: tuple) -> float:
    """Share of the line's letters and digits that belong to dates, times and date labels."""
    total = len(_COUNTED_RE.findall(text))
    if not total:
        return 0.0
    lex = lexicon()
    spans = [(m.start, m.end) for m in found]
    spans += [(m.start, m.end) for m in dates.find_times(text)]
    spans += [(s, e) for s, e, _ in dates.find_weekdays(text)]
    spans += [m.span() for m in lex.date_label_re.finditer(text)]
    hit = reach = 0
    for start, end in sorted(spans):
        start = max(start, reach)  # count overlapping spans once
        if end > start:
            hit += len(_COUNTED_RE.findall(text, start, end))
            reach = end
    return hit / total


def _whole_line_source(text: str) -> sources.SourceHit | None:
    """An outlet or agency name that makes up (nearly) the whole line."""
    letters = len(key_of(text))
    for hit in sources.find_outlets(text) + sources.find_agencies(text):
        if letters and (hit.end - hit.start) >= 0.8 * letters:
            return hit
    return None


def _intrinsic(text: str, key: str, words: int, found: tuple) -> tuple[str | None, str]:
    """Kind a line has wherever it stands, from the lexicon and its own shape."""
    lex = lexicon()
    if not text:
        return "blank", "empty line"
    if words > _KEY_MAX_WORDS:
        return None, ""
    if not key:
        return "widget", "punctuation only"
    if key in lex.list_headings:
        return "list_heading", f"list heading “{key}”"
    if key in lex.exact:
        return lex.exact[key], f"known page phrase “{key}”"
    if found and words <= 20 and _date_coverage(text, found) >= 0.6:
        return "dated", "date line"
    if words <= 6:
        kind = lex.pattern_kind(text)
        if kind:
            return kind, f"matches the {kind.replace('_', ' ')} pattern"
    if (words <= 60 and lex.copyright_re.search(text)) or (words <= 12 and lex.copyright_short_re.search(text)):
        return "copyright", "copyright or legal notice"
    if words <= 14 and lex.attribution_re.match(text):
        return "attribution", "source label (সূত্র:)"
    if words <= 4 and _CREDIT_RE.fullmatch(text.strip()):
        return "credit", "reporter initials"
    segments = [s.strip() for s in text.split("|")]
    if len(segments[0].split()) <= 5 and lex.desk_re.search(segments[0]):
        if len(segments) > 1 and any(sources.find_outlets(s) for s in segments[1:]):
            return "desk_and_outlet", "desk name with outlet"
        return "desk", "desk name"
    if words <= 5 and lex.byline_re.search(text):
        return "byline", "reporter word (প্রতিবেদক, প্রতিনিধি …)"
    if words <= 6 and _whole_line_source(text):
        return "outlet_label", "outlet or agency name alone on the line"
    if words <= 3 and lex.link_item_marker.fullmatch(key):
        return "link_marker", "image/link marker of a story list"
    if words <= 4 and key in lex.sections:
        return "section_label", f"section name “{key}”"
    if words >= 4 and "।" not in text and sum(w in lex.sections for w in key.split()) >= max(3, words / 2):
        return "menu", "several section names in a row"
    return None, ""


def _features(source: str) -> list[_Features]:
    """Compute per-line features for the whole page."""
    lex = lexicon()
    feats = []
    for n, start, end in split_lines(source):
        text = clean(source[start:end]).strip()
        words = len(text.split())
        key = key_of(text) if words <= _KEY_MAX_WORDS else ""
        # Furniture dates fill short lines; in a long paragraph only an opening dateline matters.
        scanned = text if words <= _KEY_MAX_WORDS else text[:_DATELINE_CHARS]
        found = tuple(dates.find_dates(scanned)) if _HAS_DIGIT_RE.search(scanned) else ()
        kind, reason = _intrinsic(text, key, words, found)
        feats.append(
            _Features(
                n, start, end, text, key, words, kind, reason,
                paragraph=kind is None and _is_paragraph(text, words),
                dates=found,
                labelled=bool(found) and bool(lex.date_label_re.search(text)),
            )
        )
    return feats


def _resolve_pending(pending: list[_Features], kinds: dict, as_body: bool) -> None:
    """Settle lines held back inside the body once we know whether the article went on.

    If running text follows, they were part of it (subheadings, list markers, a dated
    entry). Otherwise dated lines are timestamps, number lines are pagination, and short
    free lines are a link list when two or more, else a widget.
    """
    free = [f for f in pending if f.intrinsic is None]
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


def _classify_header(header: list[_Features], title_n: int | None, title_key: str, kinds: dict,
                     title_reason: str = "first headline-like line above the body") -> None:
    """Kinds for the lines above the article body (``title_n`` 0: the headline precedes the text)."""
    for f in header:
        before_title = title_n is None or f.n < title_n
        if f.n == title_n:
            kinds[f.n] = ("title", title_reason)
        elif title_key and f.key == title_key:
            kinds[f.n] = ("duplicate_title", "repeats the headline")
        elif f.intrinsic == "dated":
            if f.labelled or not before_title:
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
            kinds[f.n] = ("section_label", "short line above the headline") if f.words <= 4 else ("menu", "line above the headline")
        elif f.words <= 4 and not f.paragraph:
            kinds[f.n] = ("byline", "short line between headline and body")
        else:
            kinds[f.n] = ("body", "standfirst below the headline")


def _pick_title(header: list[_Features]) -> _Features | None:
    """The headline: the first free line of two or more words above the body, else a one-word one."""
    free = [f for f in header if f.intrinsic is None and not f.paragraph]
    return next((f for f in free if f.words >= 2), free[0] if free else None)


def _headline_question(first: _Features, following: list[_Features]) -> bool:
    """A short opening line ending in ? or ! with no danda, above a longer paragraph, is a headline."""
    if "।" in first.text or first.words > 20 or first.text.rstrip(" '\"’”")[-1:] not in "?!":
        return False
    return bool(following) and following[0].paragraph and following[0].words > first.words


def _body_start(content: list[_Features]) -> int:
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


def _hinted_title(content: list[_Features], key: str) -> int | None:
    """Index of the line that is the headline the source names: a match with prose soon after, else the first."""
    matches = [i for i, f in enumerate(content) if f.key == key]
    near_prose = (i for i in matches if any(f.paragraph for f in content[i + 1 : i + 8]))
    return next(near_prose, matches[0] if matches else None)


def classify(source: str, title: str | None = None) -> list[Line]:
    """Classify every line of a page dump; see ``LINE_KINDS`` for the kinds returned.

    ``title`` is the headline when the source states it (a dataset's headline column, a
    page's ``<h1>``): the line that says it is the title, and the text after it is
    searched for the body. When no line says it (a dataset body), every line is read as
    coming after the headline.
    """
    feats = _features(source)
    kinds: dict[int, tuple[str, str]] = {}
    content = [f for f in feats if f.intrinsic != "blank"]
    for f in feats:
        if f.intrinsic == "blank":
            kinds[f.n] = ("blank", f.reason)
    title_key = key_of(title) if title else ""
    hinted = _hinted_title(content, title_key) if title_key else None
    if hinted is not None:
        body_start = hinted + 1 + _body_start(content[hinted + 1 :])
        header, title_line = content[:body_start], content[hinted]
        _classify_header(header, title_line.n, title_key, kinds, "the headline the source names")
    elif title_key:
        body_start = _body_start(content)
        _classify_header(content[:body_start], 0, title_key, kinds)
    else:
        body_start = _body_start(content)
        header = content[:body_start]
        title_line = _pick_title(header)
        title_key = title_line.key if title_line else ""
        _classify_header(header, title_line.n if title_line else None, title_key, kinds)

    state, list_kind, footer_seen = "body", "link_list", False
    pending: list[_Features] = []
    previous = None
    for f in content[body_start:]:
        kind = f.intrinsic
        if title_key and f.key == title_key:
            kinds[f.n] = ("duplicate_title", "repeats the headline")
        elif kind == "list_heading":
            _resolve_pending(pending, kinds, as_body=False)
            # Several headings in a row are tabs; the list shown belongs to the first one.
            if previous is None or previous.intrinsic != "list_heading":
                list_kind = lexicon().list_headings[f.key]
            state = "list"
            kinds[f.n] = (kind, f.reason)
        elif kind == "link_marker":
            _resolve_pending(pending, kinds, as_body=False)
            kinds[f.n] = (list_kind if state == "list" else "link_list", f.reason)
        elif kind == "dated" and f.labelled:
            kinds[f.n] = ("timestamp", "labelled publish/update time")
        elif kind in _HELD_IN_BODY and state == "body":
            pending.append(f)
        elif kind == "dated":
            kinds[f.n] = ("timestamp", "date line after the headline")
        elif kind:
            if kind in FOOTER_KINDS:
                _resolve_pending(pending, kinds, as_body=False)
                footer_seen = True
            kinds[f.n] = (kind, f.reason)
        elif state == "list":
            if f.paragraph and not footer_seen and "।" in f.text and f.words >= 12:
                state = "body"
                kinds[f.n] = ("body", "running text after a story list")
            else:
                kinds[f.n] = (list_kind, "item of a story list")
        elif f.paragraph and not footer_seen:
            _resolve_pending(pending, kinds, as_body=True)
            kinds[f.n] = ("body", "running text")
        elif f.paragraph:
            kinds[f.n] = ("widget", "text after the article footer")
        else:
            pending.append(f)
        previous = f
    _resolve_pending(pending, kinds, as_body=False)
    return [Line(f.n, f.start, f.end, f.text, *kinds[f.n], dates=f.dates) for f in feats]
