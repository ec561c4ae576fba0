"""Dates in HTML and text: where a date came from, the article's date rows, the raw page's date tags.

A date stated on the page names its label and line ('from প্রকাশ, line 4'); an inferred one
quotes the relative-day phrase it came from; a partial one says the page gives no year.
"""
from __future__ import annotations

from collections.abc import Mapping

from components.aggregate import format_date, partial_text
from components.escaping import as_int, as_text, escaped
from loaders.lexicon import lexicon
from loaders.textnorm import clean

_EVIDENCE_CHARS = 40


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
    basis, line = as_text(basis), as_int(line)
    where = f", line {line}" if line else ""
    if basis == "inferred":
        phrase = _evidence(line_text) if line_text else ""
        return f"inferred from {phrase}{where}" if phrase else f"inferred{where}"
    return f"from {basis}{where}" if basis else (f"line {line}" if line else "")


def _date_row(label: str, article: Mapping, field: str, texts: Mapping[int, str]) -> str:
    """One dt/dd pair for a dated field, or '' when the article has no such date."""
    iso = as_text(article.get(f"{field}_iso"))
    if not iso:
        return ""
    line = as_int(article.get(f"{field}_line"))
    basis = as_text(article.get(f"{field}_basis"))
    value = escaped(format_date(iso, as_text(article.get(f"{field}_precision"))))
    how = basis_text(basis, line, texts.get(line, "") if line else "")
    if how.startswith("inferred"):
        value += '<span class="kl-flag">inferred</span>'
        how = how.removeprefix("inferred").strip()
    elif "upper bound" in basis:  # published then or before (a page giving only its update time)
        value += '<span class="kl-flag">upper bound</span>'
    if how:
        value += f' <span class="kl-basis">{escaped(how)}</span>'
    return f"<dt>{escaped(label)}</dt><dd>{value}</dd>"


def date_rows(article: Mapping, texts: Mapping[int, str]) -> str:
    """Published / updated rows with precision and basis; a partial date says the year is unknown."""
    rows = _date_row("Published", article, "published", texts)
    if not rows:
        partial = partial_text(article.get("published_partial"))
        if partial:
            rows = (f'<dt>Published</dt><dd>{escaped(partial)}<span class="kl-flag">partial</span> '
                    f'<span class="kl-basis">· the page gives no year</span></dd>')
        else:
            rows = '<dt>Published</dt><dd><span class="kl-muted">not stated on the page</span></dd>'
    return rows + _date_row("Updated", article, "updated", texts)


def date_notes(article: Mapping) -> dict[int, str]:
    """Line number -> which dates came from it ('published', 'updated', 'page date')."""
    notes: dict[int, list[str]] = {}
    for field, name in (("published", "published"), ("updated", "updated"), ("page_date", "page date")):
        line = as_int(article.get(f"{field}_line"))
        if line and as_text(article.get(f"{field}_iso")):
            notes.setdefault(line, []).append(name)
    return {n: " + ".join(names) for n, names in notes.items()}
