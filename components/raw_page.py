"""The Reader's left pane: the raw dump line by line, tinted by line kind, with its legend.

Also the pane's heading and, for a dataset record or an HTML page, the source's own fields
shown above the text. Offsets index the original decoded ``source`` text, exactly like the
``lines`` table.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import pandas as pd

from components.escaping import as_int, as_text, escaped, escaped_raw
from components.html_style import CSS
from loaders.lines import LINE_KINDS

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
RAW_HEADINGS = {"record": "Record", "html": "Page text", "markdown": "Page text (from Markdown)"}


def kind_colour(kind: str) -> str:
    """Background tint of a line kind."""
    return KIND_COLOURS.get(kind, UNKNOWN_COLOUR)


def kind_name(kind: str) -> str:
    """Readable name of a known kind ('latest news list'); unknown kinds are shown as they are."""
    return kind.replace("_", " ") if kind in KIND_COLOURS else kind


def _kind_class(kind: str) -> str:
    """CSS class of a kind (only known kinds get one)."""
    return f"kl-{kind}" if kind in KIND_COLOURS else "kl-other"


def line_records(lines) -> list[dict]:
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
            f'title="{escaped(LINE_KINDS.get(kind, "unknown kind"))}">{escaped(kind_name(kind))}</span>'
            for kind in present
        )
        parts.append(f'<span class="kl-legend-group"><span class="kl-legend-name">{escaped(name)}</span>{chips}</span>')
    return f'{CSS}<div class="kl kl-legend">{"".join(parts)}</div>'


def raw_page_html(source: str, lines, notes: Mapping[int, str] | None = None) -> str:
    """The raw dump line by line: number, tinted text, 'kind — reason' on hover, kind tag per run.

    ``notes`` maps a 1-based line number to a short tag (e.g. "published") shown on that line.
    """
    notes = notes or {}
    rows = []
    previous = None
    for line in sorted(line_records(lines), key=lambda r: as_int(r.get("n")) or 0):
        n = as_int(line.get("n"))
        start, end = as_int(line.get("start")), as_int(line.get("end"))
        kind = as_text(line.get("kind")) or "unknown"
        reason = as_text(line.get("reason"))
        text = source[max(start or 0, 0) : max(end or 0, 0)] if start is not None and end is not None else ""
        hover = f"{kind} — {reason}" if reason else kind
        tags = ""
        if kind != "blank" and kind != previous and kind not in ARTICLE_KINDS:
            tags += f'<span class="kl-tag">{escaped(kind_name(kind))}</span>'
        if n in notes:
            tags += f'<span class="kl-tag kl-note">{escaped(notes[n])}</span>'
        if kind != "blank":
            previous = kind
        rows.append(
            f'<div class="kl-line {_kind_class(kind)}" style="background:{kind_colour(kind)}" title="{escaped(hover)}">'
            f'<span class="kl-n">{escaped(n)}</span><span class="kl-t">{escaped_raw(text)}</span>{tags}</div>'
        )
    return f'{CSS}<div class="kl kl-raw">{"".join(rows)}</div>'


def raw_heading(article: Mapping) -> str:
    """The left pane's heading: 'Raw page' for a dump, 'Record' for a dataset row, 'Page text' for an HTML
    page or a Markdown dump (their text as a browser shows it)."""
    return RAW_HEADINGS.get(as_text(article.get("input_kind")), "Raw page")


def fields_html(article: Mapping) -> str:
    """The record's own fields (or the page's meta tags) as a list, escaped; '' when the source has none."""
    try:
        fields = json.loads(as_text(article.get("fields")) or "[]")
    except ValueError:
        fields = []
    if not fields:
        return ""
    record = as_int(article.get("record"))
    where = f"record {record} of {as_text(article.get('path')).rsplit('/', 1)[-1]}" if record is not None else "the page's markup"
    empty = '<span class="kl-muted">empty</span>'
    rows = "".join(f"<dt>{escaped(name)}</dt><dd>{escaped(value) or empty}</dd>" for name, value in fields)
    return (f'{CSS}<div class="kl kl-fields"><div class="kl-fields-head">Fields of {escaped(where)}</div>'
            f'<dl class="kl-meta">{rows}</dl><div class="kl-fields-head">Text, line by line</div></div>')
