"""HTML for the Reader page: the tinted raw dump, its legend and the clean article.

Pure functions, no Streamlit: every piece of article text goes through ``html.escape``
before it becomes markup, so a page dump that contains ``<script>``, Markdown or LaTeX
shows those characters literally. Offsets (line spans, entity mentions) index the
original decoded ``source`` text, exactly like the ``lines`` table.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import quote

import pandas as pd

from components.aggregate import agency_label, format_date, partial_text
from components.entity_stats import display_name
from loaders.entities.evidence import is_self_mention
from loaders.lexicon import lexicon
from loaders.lines import LINE_KINDS
from loaders.textnorm import clean

FONT = "'Noto Sans Bengali', 'Source Sans', sans-serif"

# Kinds grouped into a small palette: the article itself stays white, furniture is tinted
# by what it is. (group label, background tint, kinds)
KIND_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Article", "#ffffff", ("title", "body", "blank")),
    ("Header", "#e3edfb", ("section_label", "desk", "desk_and_outlet", "outlet_label", "byline", "duplicate_title",
                           "caption")),
    ("Dates", "#fdf0cc", ("page_date_header", "timestamp")),
    ("Sourcing", "#dcf2e3", ("attribution", "credit")),
    ("Story lists", "#efe6fa", ("list_heading", "latest_news_list", "related_list", "most_read_list", "link_list",
                                 "teaser", "repeated_block")),
    ("Navigation", "#d9f0f0", ("menu", "pagination")),
    ("Widgets & ads", "#ececec", ("share_widget", "ad_placeholder", "comments_widget", "widget", "copyright")),
)
KIND_COLOURS: dict[str, str] = {kind: colour for _, colour, kinds in KIND_GROUPS for kind in kinds}
UNKNOWN_COLOUR = "#fde2e2"  # a kind the palette does not know yet stands out instead of passing as body
ARTICLE_KINDS = frozenset({"title", "body"})
ENTITY_TYPES = {"PER": "person", "LOC": "place", "ORG": "organisation"}

_VIRAMA = "\u09cd"
_JOINERS = "\u200c\u200d"
_EVIDENCE_CHARS = 40

CSS = f"""
<style>
.kl {{ font-family: {FONT}; color: #1f2430; line-height: 1.7; }}
.kl * {{ box-sizing: border-box; }}
.kl-raw {{ max-height: 75vh; overflow: auto; border: 1px solid #d9dce3; border-radius: 8px;
  background: #fff; font-size: 0.88rem; }}
.kl-line {{ display: flex; align-items: flex-start; border-bottom: 1px solid rgba(0,0,0,0.045); }}
.kl-line.kl-blank {{ min-height: 0.55rem; line-height: 0.55rem; }}
.kl-line.kl-body {{ box-shadow: inset 3px 0 0 #b4232c; }}
.kl-line.kl-title {{ box-shadow: inset 3px 0 0 #b4232c; font-weight: 700; }}
.kl-n {{ flex: 0 0 3.2em; text-align: right; padding: 0.1rem 0.6em 0.1rem 0; color: #8a8f9c;
  font-family: 'Source Code Pro', monospace; font-size: 0.75rem; line-height: 1.85rem; user-select: none; }}
.kl-blank .kl-n {{ line-height: 0.55rem; font-size: 0.6rem; }}
.kl-t {{ flex: 1 1 auto; min-width: 0; padding: 0.1rem 0.5rem 0.1rem 0; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
.kl-tag {{ flex: 0 0 auto; align-self: center; margin: 0 0.5rem; padding: 0 0.45rem; border-radius: 999px;
  font-size: 0.68rem; line-height: 1.2rem; color: #4a5060; background: rgba(255,255,255,0.7);
  border: 1px solid rgba(0,0,0,0.08); white-space: nowrap; }}
.kl-tag.kl-note {{ color: #7a4b00; border-color: #e8c468; }}
.kl-legend {{ display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0 0 0.5rem 0; font-size: 0.78rem; }}
.kl-legend-group {{ display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; }}
.kl-legend-name {{ color: #6b7080; margin-right: 0.1rem; }}
.kl-chip {{ padding: 0 0.45rem; border-radius: 4px; border: 1px solid rgba(0,0,0,0.12); line-height: 1.4rem;
  white-space: nowrap; cursor: help; }}
.kl-chip.kl-body, .kl-chip.kl-title {{ box-shadow: inset 3px 0 0 #b4232c; }}
.kl-article {{ font-size: 1.02rem; }}
.kl-outlet {{ color: #b4232c; font-size: 0.85rem; font-weight: 700; letter-spacing: 0.01em; }}
.kl-headline {{ font-size: 1.55rem; font-weight: 700; line-height: 1.45; margin: 0.15rem 0 0.6rem 0; }}
.kl-headline.kl-missing {{ font-size: 1.05rem; font-weight: 400; color: #6b7080; font-style: italic; }}
.kl-meta {{ display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0 0 0.9rem 0;
  padding: 0.55rem 0.75rem; background: #f7f8fa; border-radius: 8px; font-size: 0.86rem; }}
.kl-meta dt {{ color: #6b7080; font-weight: 400; margin: 0; }}
.kl-meta dd {{ margin: 0; }}
.kl-fields-head {{ font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: #6b7080; margin: 0.2rem 0 0.4rem; }}
.kl-fields .kl-meta dd {{ overflow-wrap: anywhere; }}
.kl-basis {{ color: #6b7080; font-size: 0.8rem; }}
.kl-flag {{ display: inline-block; padding: 0 0.4rem; margin-left: 0.3rem; border-radius: 4px; font-size: 0.72rem;
  line-height: 1.25rem; background: #fdf0cc; color: #7a4b00; }}
.kl-muted {{ color: #8a8f9c; }}
.kl-agency {{ display: inline-block; padding: 0 0.45rem; margin: 0 0.25rem 0.1rem 0; border-radius: 4px;
  background: #dcf2e3; font-size: 0.8rem; line-height: 1.35rem; }}
.kl-text p {{ margin: 0 0 0.85rem 0; }}
.kl a.mention, .kl .kl-key {{ color: inherit; text-decoration: none; background: #f1f1f1;
  border-bottom: 2px solid #9aa0a6; border-radius: 2px; padding: 0 1px; }}
.kl a.kl-ent-PER, .kl span.kl-ent-PER {{ background: #fff1b8; border-bottom-color: #e0b400; }}
.kl a.kl-ent-LOC, .kl span.kl-ent-LOC {{ background: #dcebff; border-bottom-color: #5b8def; }}
.kl a.kl-ent-ORG, .kl span.kl-ent-ORG {{ background: #dcf2e3; border-bottom-color: #3aa466; }}
.kl a.mention:hover {{ filter: brightness(0.93); }}
.kl-mention-key {{ display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; font-size: 0.78rem;
  color: #6b7080; margin: 0 0 0.4rem 0; }}
.kl-facts {{ display: flex; flex-wrap: wrap; gap: 0.2rem 1.4rem; font-size: 0.84rem; color: #4a5060; }}
.kl-facts b {{ color: #6b7080; font-weight: 400; margin-right: 0.3rem; }}
.kl-notice {{ padding: 0.6rem 0.9rem; border-radius: 8px; font-size: 0.92rem; }}
.kl-notice.kl-info {{ background: #e8f0fe; color: #1d3b6e; }}
.kl-notice.kl-warn {{ background: #fdf0cc; color: #5c3b00; }}
.kl-notice code {{ font-family: 'Source Code Pro', monospace; font-size: 0.85em; background: rgba(0,0,0,0.06);
  padding: 0 0.25rem; border-radius: 3px; }}
</style>
"""


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def markdown_literal(value) -> str:
    """Text for Streamlit's Markdown elements (st.header, st.caption) that shows exactly as written.

    Every character Markdown, LaTeX (``$``) or Streamlit directives (``:red[…]``) could
    act on is backslash-escaped.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", _text(value))


def _e(value) -> str:
    """Escaped text of any value (None and NaN become an empty string)."""
    return escape(_text(value), quote=True)


def _text(value) -> str:
    """A value as display text; missing values (None, NaN, NA) are empty."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _int(value) -> int | None:
    """An integer, or None for missing or non-numeric values."""
    try:
        if value is None or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _display(text: str) -> str:
    """Raw text made safe for a pre-wrap box: stray carriage returns become spaces, then escaped."""
    return escape(text.replace("\r", " "), quote=True)


def kind_colour(kind: str) -> str:
    """Background tint of a line kind."""
    return KIND_COLOURS.get(kind, UNKNOWN_COLOUR)


def kind_name(kind: str) -> str:
    """Readable name of a known kind ('latest news list'); unknown kinds are shown as they are."""
    return kind.replace("_", " ") if kind in KIND_COLOURS else kind


def _kind_class(kind: str) -> str:
    """CSS class of a kind (only known kinds get one)."""
    return f"kl-{kind}" if kind in KIND_COLOURS else "kl-other"


def _records(lines) -> list[dict]:
    """Line records (dicts with n, start, end, kind, reason) from a DataFrame or an iterable."""
    if isinstance(lines, pd.DataFrame):
        return lines.to_dict("records")
    return [dict(line) for line in lines]


def legend_html(kinds: Iterable[str]) -> str:
    """Colour key for the given line kinds, grouped by palette; the description shows on hover."""
    wanted = list(dict.fromkeys(kinds))
    groups = []
    for name, _, members in KIND_GROUPS:
        present = [kind for kind in members if kind in wanted and kind != "blank"]
        if present:
            groups.append((name, present))
    others = [kind for kind in wanted if kind not in KIND_COLOURS]
    if others:
        groups.append(("Other", others))
    parts = []
    for name, present in groups:
        chips = "".join(
            f'<span class="kl-chip {_kind_class(kind)}" style="background:{kind_colour(kind)}" '
            f'title="{_e(LINE_KINDS.get(kind, "unknown kind"))}">{_e(kind_name(kind))}</span>'
            for kind in present
        )
        parts.append(f'<span class="kl-legend-group"><span class="kl-legend-name">{_e(name)}</span>{chips}</span>')
    return f'{CSS}<div class="kl kl-legend">{"".join(parts)}</div>'


def raw_page_html(source: str, lines, notes: Mapping[int, str] | None = None) -> str:
    """The raw dump line by line: number, tinted text, 'kind — reason' on hover, kind tag per run.

    ``notes`` maps a 1-based line number to a short tag (e.g. "published") shown on that line.
    """
    notes = notes or {}
    rows = []
    previous = None
    for line in sorted(_records(lines), key=lambda r: _int(r.get("n")) or 0):
        n = _int(line.get("n"))
        start, end = _int(line.get("start")), _int(line.get("end"))
        kind = _text(line.get("kind")) or "unknown"
        reason = _text(line.get("reason"))
        text = source[max(start or 0, 0) : max(end or 0, 0)] if start is not None and end is not None else ""
        hover = f"{kind} — {reason}" if reason else kind
        tags = ""
        if kind != "blank" and kind != previous and kind not in ARTICLE_KINDS:
            tags += f'<span class="kl-tag">{_e(kind_name(kind))}</span>'
        if n in notes:
            tags += f'<span class="kl-tag kl-note">{_e(notes[n])}</span>'
        if kind != "blank":
            previous = kind
        rows.append(
            f'<div class="kl-line {_kind_class(kind)}" style="background:{kind_colour(kind)}" title="{_e(hover)}">'
            f'<span class="kl-n">{_e(n)}</span><span class="kl-t">{_display(text)}</span>{tags}</div>'
        )
    return f'{CSS}<div class="kl kl-raw">{"".join(rows)}</div>'


def _clean_spans(spans, lo: int, hi: int) -> list[tuple[int, int, str, str, str]]:
    """Mentions clipped to [lo, hi), invalid ones dropped, overlaps resolved (earliest, then longest wins).

    Each span is ``(start, end, entity_id, label)`` or ``(start, end, entity_id, label, type)``;
    the result always has the five fields (type '' when not given).
    """
    usable = []
    for span in spans or ():
        try:
            start, end, entity_id, label, *rest = span
        except (TypeError, ValueError):
            continue
        start, end = _int(start), _int(end)
        if start is None or end is None or not _text(entity_id) or len(rest) > 1:
            continue
        start, end = max(start, lo), min(end, hi)
        if start < end:
            usable.append((start, end, _text(entity_id), _text(label), _text(rest[0]) if rest else ""))
    usable.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept, reach = [], lo
    for span in usable:
        if span[0] >= reach:
            kept.append(span)
            reach = span[1]
    return kept


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole Bengali clusters so a link never splits a vowel sign or conjunct."""

    def joined(i: int) -> bool:
        """Whether the character at ``i`` belongs to the cluster before it."""
        if i <= 0 or i >= len(text):
            return False
        return (unicodedata.category(text[i]).startswith("M") or text[i] in _JOINERS
                or text[i - 1] == _VIRAMA or text[i - 1] in _JOINERS)

    while joined(start):
        start -= 1
    while joined(end):
        end += 1
    return start, end


def mention_link(text: str, entity_id: str, label: str, kind: str = "") -> str:
    """One mention as a link to the Entities page (id URL-quoted, everything escaped), tinted by entity type."""
    href = "/entities?entity=" + quote(entity_id, safe="")
    classes = f"mention kl-ent-{kind}" if kind in ENTITY_TYPES else "mention"
    return (f'<a href="{escape(href, quote=True)}" target="_self" class="{classes}" '
            f'title="{_e(label or entity_id)}">{_display(text)}</a>')


def highlight(source: str, start: int, end: int, mentions=()) -> str:
    """Escaped ``source[start:end]`` with the mentions that fall inside it turned into links.

    Mentions are ``(start, end, entity_id, label[, type])`` in ``source`` offsets; spans that
    overlap an earlier one, fall outside the range or are malformed are ignored or clipped.
    """
    start, end = max(0, start), min(len(source), end)
    out, pos = [], start
    for m_start, m_end, entity_id, label, kind in _clean_spans(mentions, start, end):
        m_start, m_end = _snap(source, m_start, m_end)
        m_start, m_end = max(m_start, pos), min(m_end, end)
        if m_start >= m_end:
            continue
        out.append(_display(source[pos:m_start]))
        out.append(mention_link(source[m_start:m_end], entity_id, label, kind))
        pos = m_end
    out.append(_display(source[pos:end]))
    return "".join(out)


def _evidence(line_text: str) -> str:
    """The relative-day phrase a date was inferred from ('গতকাল সোমবার…'), else the line's start."""
    text = clean(line_text).strip()
    match = lexicon().relative_day_re.search(text)
    if match:
        words = text[match.start():].split()
        return " ".join(words[:2]) + ("…" if len(words) > 2 else "")
    return text[:_EVIDENCE_CHARS] + ("…" if len(text) > _EVIDENCE_CHARS else "")


def basis_text(basis: str | None, line: int | None, line_text: str = "") -> str:
    """Where a date came from: 'from প্রকাশ, line 4' or 'inferred from গতকাল সোমবার…, line 3'."""
    basis, line = _text(basis), _int(line)
    where = f", line {line}" if line else ""
    if basis == "inferred":
        phrase = _evidence(line_text) if line_text else ""
        return f"inferred from {phrase}{where}" if phrase else f"inferred{where}"
    return f"from {basis}{where}" if basis else (f"line {line}" if line else "")


def _line_texts(source: str, lines) -> dict[int, str]:
    """Line number -> raw text of that line."""
    texts = {}
    for line in _records(lines):
        n, start, end = _int(line.get("n")), _int(line.get("start")), _int(line.get("end"))
        if n is not None and start is not None and end is not None:
            texts[n] = source[start:end]
    return texts


def _date_row(label: str, article: Mapping, field: str, texts: Mapping[int, str]) -> str:
    """One dt/dd pair for a dated field, or '' when the article has no such date."""
    iso = _text(article.get(f"{field}_iso"))
    if not iso:
        return ""
    line = _int(article.get(f"{field}_line"))
    basis = _text(article.get(f"{field}_basis"))
    value = _e(format_date(iso, _text(article.get(f"{field}_precision"))))
    how = basis_text(basis, line, texts.get(line, "") if line else "")
    if how.startswith("inferred"):
        value += '<span class="kl-flag">inferred</span>'
        how = how.removeprefix("inferred").strip()
    if how:
        value += f' <span class="kl-basis">{_e(how)}</span>'
    return f"<dt>{_e(label)}</dt><dd>{value}</dd>"


def date_rows(article: Mapping, texts: Mapping[int, str]) -> str:
    """Published / updated rows with precision and basis; a partial date says the year is unknown."""
    rows = _date_row("Published", article, "published", texts)
    if not rows:
        partial = partial_text(article.get("published_partial"))
        if partial:
            rows = (f'<dt>Published</dt><dd>{_e(partial)}<span class="kl-flag">partial</span> '
                    f'<span class="kl-basis">· the page gives no year</span></dd>')
        else:
            rows = '<dt>Published</dt><dd><span class="kl-muted">not stated on the page</span></dd>'
    return rows + _date_row("Updated", article, "updated", texts)


def _listish(value) -> list[str]:
    """A list-valued cell (list, tuple, array) as a list of strings."""
    if isinstance(value, str):
        return [value] if value else []
    try:
        return [_text(v) for v in value if _text(v)]
    except TypeError:
        return []


def outlet_text(article: Mapping) -> str:
    """'Banglanews24.com · বাংলানিউজটোয়েন্টিফোর.কম', or '' when the page names no outlet."""
    en, bn = _text(article.get("outlet_name_en")), _text(article.get("outlet_name_bn"))
    return " · ".join(dict.fromkeys(x for x in (en, bn) if x))


def article_html(article: Mapping, lines, mentions=()) -> str:
    """The clean article: outlet, headline, dates with basis, byline and sources, then the body.

    ``article`` is a row of the articles table, ``lines`` that article's rows of the lines
    table, ``mentions`` ``(start, end, entity_id, label[, type])`` spans in ``source`` offsets,
    highlighted (as links to the Entities page) only where they fall in body lines.
    """
    source = _text(article.get("source"))
    records = _records(lines)
    texts = _line_texts(source, records)
    wanted = {_int(n) for n in _listish(article.get("body_lines"))} - {None}
    body = [r for r in records if (_int(r.get("n")) in wanted if wanted else r.get("kind") == "body")]
    body.sort(key=lambda r: _int(r.get("n")) or 0)

    outlet = outlet_text(article)
    head = f'<div class="kl-outlet">{_e(outlet)}</div>' if outlet else \
        f'<div class="kl-outlet kl-muted">Outlet not named {_e(_SOURCE_PLACE.get(_text(article.get("input_kind")), "on the page"))}</div>'
    title = _text(article.get("title"))
    head += (f'<div class="kl-headline">{_e(title)}</div>' if title else
             '<div class="kl-headline kl-missing">No headline on the page</div>')
    if title and _text(article.get("input_kind")) in RAW_HEADINGS and _text(article.get("title_basis")):
        head += f'<div class="kl-basis">headline from {_e(article.get("title_basis"))}</div>'

    meta = date_rows(article, texts)
    for label, field in (("Desk", "desk"), ("Byline", "byline"), ("Dateline", "dateline")):
        if _text(article.get(field)):
            meta += f"<dt>{label}</dt><dd>{_e(article.get(field))}</dd>"
    cited = _listish(article.get("attributions"))
    if cited:
        chips = "".join(f'<span class="kl-agency" title="{_e(a)}">{_e(agency_label(a))}</span>' for a in cited)
        meta += f"<dt>Sources cited</dt><dd>{chips}</dd>"
    credits = _listish(article.get("credits"))
    if credits:
        meta += f"<dt>Credits</dt><dd>{_e(', '.join(credits))}</dd>"

    paragraphs = []
    for line in body:
        start, end = _int(line.get("start")), _int(line.get("end"))
        if start is None or end is None:
            continue
        segment = source[start:end]
        lead = len(segment) - len(segment.lstrip())
        trail = len(segment) - len(segment.rstrip())
        if start + lead < end - trail:
            paragraphs.append(f"<p>{highlight(source, start + lead, end - trail, mentions)}</p>")
    if _text(article.get("page_kind")) not in ("", "article"):
        # A listing has no article to show: say what the page is and why it was read so.
        text = (f'<p class="kl-muted">This page lists other stories ({_e(article.get("page_kind"))}): '
                f'{_e(article.get("page_kind_reason"))}. Its headlines and teasers are tinted on the left.</p>')
    else:
        text = "".join(paragraphs) or '<p class="kl-muted">No article text was found on this page.</p>'
    return (f'{CSS}<div class="kl kl-article">{head}<dl class="kl-meta">{meta}</dl>'
            f'<div class="kl-text">{text}</div></div>')


def facts_html(article: Mapping) -> str:
    """One line of file facts: name, encoding, line counts, boilerplate share, page date and its checks."""
    facts = [("File", _text(article.get("article_id"))), ("Encoding", _text(article.get("encoding")))]
    n_lines, n_body = _int(article.get("n_lines")), _int(article.get("n_body_lines"))
    if n_lines is not None:
        facts.append(("Lines", f"{n_lines} non-blank, {n_body or 0} body"))
    share = article.get("boilerplate_share")
    if _text(share):
        facts.append(("Boilerplate", f"{float(share):.0%}"))
    page_date = format_date(article.get("page_date_iso"), _text(article.get("page_date_precision")))
    if page_date:
        how = basis_text(article.get("page_date_basis"), article.get("page_date_line"))
        facts.append(("Page date", f"{page_date} ({how})" if how else page_date))
    check = _text(article.get("page_date_check"))
    if check:
        facts.append(("Checks", check))
    items = "".join(f"<span><b>{_e(k)}</b>{_e(v)}</span>" for k, v in facts if v)
    return f'{CSS}<div class="kl kl-facts">{items}</div>'


RAW_HEADINGS = {"record": "Record", "html": "Page text"}
_SOURCE_PLACE = {"record": "in the record"}


def raw_heading(article: Mapping) -> str:
    """The left pane's heading: 'Raw page' for a dump, 'Record' for a dataset row, 'Page text' for an HTML page."""
    return RAW_HEADINGS.get(_text(article.get("input_kind")), "Raw page")


def fields_html(article: Mapping) -> str:
    """The record's own fields (or the page's meta tags) as a list, escaped; '' when the source has none."""
    try:
        fields = json.loads(_text(article.get("fields")) or "[]")
    except ValueError:
        fields = []
    if not fields:
        return ""
    record = _int(article.get("record"))
    where = f"record {record} of {_text(article.get('path')).rsplit('/', 1)[-1]}" if record is not None else "the page's markup"
    empty = '<span class="kl-muted">empty</span>'
    rows = "".join(f"<dt>{_e(name)}</dt><dd>{_e(value) or empty}</dd>" for name, value in fields)
    return (f'{CSS}<div class="kl kl-fields"><div class="kl-fields-head">Fields of {_e(where)}</div>'
            f'<dl class="kl-meta">{rows}</dl><div class="kl-fields-head">Text, line by line</div></div>')


def notice_html(message: str, code: str | None = None, tone: str = "info") -> str:
    """A small escaped notice box, optionally quoting a value (such as a file name) as code."""
    quoted = f" <code>{_e(code)}</code>" if code is not None else ""
    tone_class = "kl-warn" if tone == "warn" else "kl-info"
    return f'{CSS}<div class="kl kl-notice {tone_class}">{_e(message)}{quoted}</div>'


def date_notes(article: Mapping) -> dict[int, str]:
    """Line number -> which dates came from it ('published', 'updated', 'page date')."""
    notes: dict[int, list[str]] = {}
    for field, name in (("published", "published"), ("updated", "updated"), ("page_date", "page date")):
        line = _int(article.get(f"{field}_line"))
        if line and _text(article.get(f"{field}_iso")):
            notes.setdefault(line, []).append(name)
    return {n: " + ".join(names) for n, names in notes.items()}


def entity_title(name_bn, label_en=None, kind=None) -> str:
    """Hover text of a mention: 'ভ্লাদিমির পুতিন · Vladimir Putin (person)'."""
    names = display_name(_text(name_bn), _text(label_en))
    kind = ENTITY_TYPES.get(_text(kind), _text(kind))
    return f"{names} ({kind})" if names and kind else names or kind


def entity_titles(entities: pd.DataFrame | None, entity_ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> hover title, for the ids the entities table knows."""
    wanted = set(entity_ids)
    if entities is None or len(entities) == 0 or not wanted or "entity_id" not in entities:
        return {}
    rows = entities[entities["entity_id"].isin(wanted)].reindex(columns=["entity_id", "name_bn", "label_en", "type"])
    return {entity_id: entity_title(name, label, kind) for entity_id, name, label, kind in rows.itertuples(index=False)}


def mention_spans(mentions: pd.DataFrame | None, entities: pd.DataFrame | None,
                  article_id: str) -> list[tuple[int, int, str, str, str]]:
    """One article's body mentions as ``(start, end, entity_id, hover title, type)``; empty when there are none.

    Words judged not names (see ``loaders.entities.evidence``) are not highlighted; the outlet's own name is.
    """
    if mentions is None or len(mentions) == 0:
        return []
    rows = mentions[mentions["article_id"] == article_id]
    if "in_body" in rows:
        rows = rows[rows["in_body"].fillna(False).astype(bool)]
    if "aside" in rows:
        rows = rows[rows["aside"].isna() | is_self_mention(rows["aside"])]
    titles = entity_titles(entities, rows["entity_id"].unique())
    kinds = rows["type"] if "type" in rows else [""] * len(rows)
    return [(start, end, entity_id, titles.get(entity_id, entity_id), _text(kind))
            for start, end, entity_id, kind in zip(rows["start"], rows["end"], rows["entity_id"], kinds)]


def mention_key_html(kinds: Iterable[str]) -> str:
    """Key to the mention tints for the entity types present, with what a click does."""
    kinds = set(kinds)
    present = [kind for kind in ENTITY_TYPES if kind in kinds]
    chips = "".join(f'<span class="kl-key kl-ent-{kind}">{_e(ENTITY_TYPES[kind])}</span>' for kind in present)
    return (f'{CSS}<div class="kl kl-mention-key"><span>Entity mentions:</span>{chips}'
            f'<span>hover for the name, click to open it on the Entities page</span></div>')
