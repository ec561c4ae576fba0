"""The Reader's right pane: the clean article (outlet, headline, dates, byline, body) and its file facts.

Body text is escaped, with the entity mentions that fall in body lines turned into links
(``highlight``, which the Entities page uses for its keyword-in-context rows too). Mention
offsets index the original decoded ``source`` text, exactly like the ``lines`` table.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from components.aggregate import agency_label, format_date
from components.date_view import basis_text, date_rows
from components.entity_view import mention_link
from components.escaping import as_int, as_text, escaped, escaped_raw
from components.html_style import CSS
from components.raw_page import RAW_HEADINGS, line_records

_VIRAMA = "\u09cd"
_JOINERS = "\u200c\u200d"
_SOURCE_PLACE = {"record": "in the record"}


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
        start, end = as_int(start), as_int(end)
        if start is None or end is None or not as_text(entity_id) or len(rest) > 1:
            continue
        start, end = max(start, lo), min(end, hi)
        if start < end:
            usable.append((start, end, as_text(entity_id), as_text(label), as_text(rest[0]) if rest else ""))
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


def highlight(source: str, start: int, end: int, mentions=(), shared=()) -> str:
    """Escaped ``source[start:end]`` with the mentions that fall inside it turned into links, and the
    ``shared`` (start, end) spans (text found in another article) marked.

    Mentions are ``(start, end, entity_id, label[, type])`` in ``source`` offsets; spans that
    overlap an earlier one, fall outside the range or are malformed are ignored or clipped.
    """
    start, end = max(0, start), min(len(source), end)
    cuts = sorted({start, end} | {min(max(edge, start), end) for span in shared for edge in span})
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        text = _linked(source, lo, hi, mentions)
        out.append(f'<mark class="kl-shared">{text}</mark>' if any(a <= lo and hi <= b for a, b in shared) else text)
    return "".join(out)


def _linked(source: str, start: int, end: int, mentions) -> str:
    """Escaped ``source[start:end]`` with the mentions inside it as links."""
    out, pos = [], start
    for m_start, m_end, entity_id, label, kind in _clean_spans(mentions, start, end):
        m_start, m_end = _snap(source, m_start, m_end)
        m_start, m_end = max(m_start, pos), min(m_end, end)
        if m_start >= m_end:
            continue
        out.append(escaped_raw(source[pos:m_start]))
        out.append(mention_link(source[m_start:m_end], entity_id, label, kind))
        pos = m_end
    out.append(escaped_raw(source[pos:end]))
    return "".join(out)


def _line_texts(source: str, lines) -> dict[int, str]:
    """Line number -> raw text of that line."""
    texts = {}
    for line in line_records(lines):
        n, start, end = as_int(line.get("n")), as_int(line.get("start")), as_int(line.get("end"))
        if n is not None and start is not None and end is not None:
            texts[n] = source[start:end]
    return texts


def _listish(value) -> list[str]:
    """A list-valued cell (list, tuple, array) as a list of strings."""
    if isinstance(value, str):
        return [value] if value else []
    try:
        return [as_text(v) for v in value if as_text(v)]
    except TypeError:
        return []


def outlet_text(article: Mapping) -> str:
    """'Banglanews24.com · বাংলানিউজটোয়েন্টিফোর.কম', or '' when the page names no outlet."""
    en, bn = as_text(article.get("outlet_name_en")), as_text(article.get("outlet_name_bn"))
    return " · ".join(dict.fromkeys(x for x in (en, bn) if x))


def body_ranges(article: Mapping, lines) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``source`` of the article's body lines, in order, edge spaces left out."""
    source = as_text(article.get("source"))
    wanted = {as_int(n) for n in _listish(article.get("body_lines"))} - {None}
    body = [r for r in line_records(lines) if (as_int(r.get("n")) in wanted if wanted else r.get("kind") == "body")]
    ranges = []
    for line in sorted(body, key=lambda r: as_int(r.get("n")) or 0):
        start, end = as_int(line.get("start")), as_int(line.get("end"))
        if start is None or end is None:
            continue
        segment = source[start:end]
        start, end = start + len(segment) - len(segment.lstrip()), end - (len(segment) - len(segment.rstrip()))
        if start < end:
            ranges.append((start, end))
    return ranges


def article_html(article: Mapping, lines, mentions=(), shared=()) -> str:
    """The clean article: outlet, headline, dates with basis, byline and sources, then the body.

    ``article`` is a row of the articles table, ``lines`` that article's rows of the lines
    table, ``mentions`` ``(start, end, entity_id, label[, type])`` spans in ``source`` offsets,
    highlighted (as links to the Entities page) only where they fall in body lines; ``shared``
    (start, end) spans of text found in another article are marked.
    """
    source = as_text(article.get("source"))
    texts = _line_texts(source, line_records(lines))

    outlet = outlet_text(article)
    head = f'<div class="kl-outlet">{escaped(outlet)}</div>' if outlet else \
        f'<div class="kl-outlet kl-muted">Outlet not named {escaped(_SOURCE_PLACE.get(as_text(article.get("input_kind")), "on the page"))}</div>'
    title = as_text(article.get("title"))
    head += (f'<div class="kl-headline">{escaped(title)}</div>' if title else
             '<div class="kl-headline kl-missing">No headline on the page</div>')
    if title and as_text(article.get("input_kind")) in RAW_HEADINGS and as_text(article.get("title_basis")):
        head += f'<div class="kl-basis">headline from {escaped(article.get("title_basis"))}</div>'

    meta = date_rows(article, texts)
    for label, field in (("Desk", "desk"), ("Byline", "byline"), ("Dateline", "dateline")):
        if as_text(article.get(field)):
            meta += f"<dt>{label}</dt><dd>{escaped(article.get(field))}</dd>"
    cited = _listish(article.get("attributions"))
    if cited:
        chips = "".join(f'<span class="kl-agency" title="{escaped(a)}">{escaped(agency_label(a))}</span>' for a in cited)
        meta += f"<dt>Sources cited</dt><dd>{chips}</dd>"
    credits = _listish(article.get("credits"))
    if credits:
        meta += f"<dt>Credits</dt><dd>{escaped(', '.join(credits))}</dd>"

    paragraphs = [f"<p>{highlight(source, start, end, mentions, shared)}</p>" for start, end in body_ranges(article, lines)]
    if as_text(article.get("page_kind")) not in ("", "article"):
        # A listing has no article to show: say what the page is and why it was read so.
        text = (f'<p class="kl-muted">This page lists other stories ({escaped(article.get("page_kind"))}): '
                f'{escaped(article.get("page_kind_reason"))}. Its headlines and teasers are tinted on the left.</p>')
    else:
        text = "".join(paragraphs) or '<p class="kl-muted">No article text was found on this page.</p>'
    return (f'{CSS}<div class="kl kl-article">{head}<dl class="kl-meta">{meta}</dl>'
            f'<div class="kl-text">{text}</div></div>')


def facts_html(article: Mapping) -> str:
    """One line of file facts: name, encoding, line counts, boilerplate share, page date and its checks."""
    facts = [("File", as_text(article.get("article_id"))), ("Encoding", as_text(article.get("encoding")))]
    n_lines, n_body = as_int(article.get("n_lines")), as_int(article.get("n_body_lines"))
    if n_lines is not None:
        facts.append(("Lines", f"{n_lines} non-blank, {n_body or 0} body"))
    share = article.get("boilerplate_share")
    if as_text(share):
        facts.append(("Boilerplate", f"{float(share):.0%}"))
    page_date = format_date(article.get("page_date_iso"), as_text(article.get("page_date_precision")))
    if page_date:
        how = basis_text(article.get("page_date_basis"), article.get("page_date_line"))
        facts.append(("Page date", f"{page_date} ({how})" if how else page_date))
    check = as_text(article.get("page_date_check"))
    if check:
        facts.append(("Checks", check))
    items = "".join(f"<span><b>{escaped(k)}</b>{escaped(v)}</span>" for k, v in facts if v)
    return f'{CSS}<div class="kl kl-facts">{items}</div>'


def notice_html(message: str, code: str | None = None, tone: str = "info") -> str:
    """A small escaped notice box, optionally quoting a value (such as a file name) as code."""
    quoted = f" <code>{escaped(code)}</code>" if code is not None else ""
    tone_class = "kl-warn" if tone == "warn" else "kl-info"
    return f'{CSS}<div class="kl kl-notice {tone_class}">{escaped(message)}{quoted}</div>'
