"""Pull the article's metadata out of its classified lines: dates, outlet, sources, credits.

Every value carries its basis (which label or line it came from) so the UI can show
why it was chosen. Nothing is guessed: a date without a year stays partial, and an
outlet the page does not name stays ``None``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass, replace

from . import dates, sources
from .document import Document, Given
from .layout import PLACE_UNDER_BYLINE, leading_byline, outlet_part
from .lexicon import key_of, lexicon
from .lines import LIST_KINDS, Line

logger = logging.getLogger(__name__)

# Kinds whose text is page template, the same on every page of a site.
_TEMPLATE_KINDS = frozenset(
    {"list_heading", "share_widget", "comments_widget", "copyright", "widget", "ad_placeholder", "menu"}
)
_DIGITS_RE = re.compile(r"[0-9০-৯]+")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s)\]>'\"’”]+", re.IGNORECASE)
# "ঢাকা, ১৩ আগস্ট, ২০২৫ (বাসস) :" — a place, then the date, then an optional agency.
_DATELINE_PLACE_RE = re.compile(r"^(?P<place>[^\W\d][^,:;।()]{0,30}?)\s*,\s*$")
_DATELINE_TAIL_RE = re.compile(r"^\s*(?:\((?P<agency>[^)]{1,30})\))?\s*[:：ঃ\-–—]")
_CITATION_WINDOW = 30
_BANGLA_WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")


@dataclass(frozen=True)
class DateValue:
    """A date the page states (or implies), with where it came from.

    ``iso`` is ``YYYY-MM-DDTHH:MM`` (precision ``minute``) or ``YYYY-MM-DD`` (``day``) in
    Asia/Dhaka time; it is ``None`` for ``partial`` dates, whose known parts are kept in
    ``year``/``month``/``day``.
    """

    iso: str | None
    precision: str
    basis: str
    line: int | None
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The calendar day, when the year is known."""
        return dt.date.fromisoformat(self.iso[:10]) if self.iso else None

    @property
    def partial_iso(self) -> str | None:
        """ISO 8601 truncated form of a partial date, e.g. ``--09-13``."""
        if self.iso or self.month is None:
            return None
        return f"--{self.month:02d}-{self.day:02d}" if self.day else f"--{self.month:02d}"


@dataclass(frozen=True)
class Metadata:
    """Everything extracted about one article besides its text."""

    published: DateValue | None
    published_partial: DateValue | None
    updated: DateValue | None
    page_date: DateValue | None
    page_date_check: str
    outlet: str | None
    outlet_basis: str
    attributions: tuple[str, ...]
    desk: str | None
    byline: str | None
    dateline: str | None
    credits: tuple[str, ...]
    fingerprint: str


def _value(match: dates.DateMatch, basis: str, line: int) -> DateValue | None:
    """A DateValue from a Gregorian or Bangla-calendar match; Hijri dates give None."""
    if match.calendar == "hijri":
        return None
    if match.zone:
        basis = f"{basis} ({match.zone}, in Dhaka time)"
    if match.calendar == "bangla":
        day = match.to_gregorian()
        if day is None:
            return None
        return DateValue(day.isoformat(), "day", basis, line, match.text, day.year, day.month, day.day)
    if match.iso:
        return DateValue(match.iso, match.precision, basis, line, match.text, match.year, match.month, match.day)
    return DateValue(None, "partial", basis, line, match.text, match.year, match.month, match.day)


def _labelled_dates(line: Line) -> list[tuple[str | None, str, DateValue]]:
    """(field, basis, value) for each date on a timestamp line; a label governs the dates after it.

    A label followed by a time alone takes the day of the date before it on the line ("প্রকাশ: ০৭
    ডিসেম্বর ২০২৫, ১৬:৩০ | আপডেট: ১৮:১০"): sites print only the time of a same-day update."""
    lex = lexicon()
    labels = [(m.start(), m.end(), key_of(m.group("label"))) for m in lex.date_label_re.finditer(line.text)]
    out = []
    for match in line.dates:
        before = [key for start, _, key in labels if start < match.start]
        label = before[-1] if before else None
        field = lex.date_labels.get(label) if label else None
        value = _value(match, label or "timestamp", line.n)
        if value:
            out.append((field, label or "timestamp", value))
    for i, (_, end, label) in enumerate(labels):
        upto = labels[i + 1][0] if i + 1 < len(labels) else len(line.text)
        day = next((v for _, _, v in reversed(out) if v.precision != "partial" and line.text.find(v.text) < end), None)
        if day is None or any(end <= m.start < upto for m in line.dates):
            continue
        if clock := next((t for t in dates.find_times(line.text) if end <= t.start < upto), None):
            iso = f"{day.iso[:10]}T{clock.hour:02d}:{clock.minute:02d}"
            out.append((lex.date_labels.get(label), f"{label} (a time alone, on the day of the date before it)",
                        replace(day, iso=iso, precision="minute", line=line.n, text=clock.text)))
    return out


def _dateline(first_body: Line | None) -> tuple[str | None, DateValue | None, str | None]:
    """Place, date and agency of a dateline opening the first body line, if there is one."""
    if first_body is None or not first_body.dates:
        return None, None, None
    match = first_body.dates[0]
    head = first_body.text[: match.start]
    place_match = _DATELINE_PLACE_RE.match(head)
    if head.strip() and not place_match:
        return None, None, None
    tail = _DATELINE_TAIL_RE.match(first_body.text[match.end :])
    if match.start == 0 and not tail and not first_body.text[match.end : match.end + 2].strip(" ").startswith(","):
        return None, None, None
    place = place_match.group("place").strip() if place_match else None
    agency = tail.group("agency") if tail and tail.group("agency") else None
    return place, _value(match, "dateline", first_body.n), agency


def _infer_from_relative_day(body: list[Line], anchor: dt.date | None) -> DateValue | None:
    """Resolve 'গতকাল সোমবার' against a date the page itself gives (never today's date)."""
    if anchor is None:
        return None
    lex = lexicon()
    for line in body:
        for match in lex.relative_day_re.finditer(line.text):
            following = line.text[match.end() : match.end() + 20]
            for weekday, name in enumerate(_BANGLA_WEEKDAYS):
                if following.lstrip().startswith(name):
                    offset = lex.relative_days[match.group("word")]
                    writing_weekday = (weekday + offset) % 7
                    day = anchor - dt.timedelta(days=(anchor.weekday() - writing_weekday) % 7)
                    evidence = f"{match.group('word')} {name}, before {anchor.isoformat()}"
                    return DateValue(day.isoformat(), "day", "inferred", line.n, evidence, day.year, day.month, day.day)
    return None


def _page_date(lines: list[Line]) -> tuple[DateValue | None, str]:
    """The site's 'today' from the header, cross-checked; else the newest link-list date."""
    header_dates = [m for line in lines if line.kind == "page_date_header" for m in line.dates]
    header_line = next((line for line in lines if line.kind == "page_date_header" and line.dates), None)
    gregorian = next((m for m in header_dates if m.calendar == "gregorian" and m.iso), None)
    bangla = next((m for m in header_dates if m.calendar == "bangla" and m.to_gregorian()), None)
    checks = []
    value = None
    if gregorian:
        value = DateValue(gregorian.iso[:10], "day", "page header", header_line.n, gregorian.text,
                          gregorian.year, gregorian.month, gregorian.day)
    elif bangla:
        value = _value(bangla, "page header (Bangla calendar)", header_line.n)
    if value and bangla and gregorian:
        agrees = bangla.to_gregorian() == value.date
        checks.append(f"Bangla calendar {bangla.text} {'agrees' if agrees else 'DISAGREES'}")
    if value:
        weekday = next((m.weekday for m in header_dates if m.weekday is not None), None)
        if weekday is not None:
            agrees = weekday == value.date.weekday()
            checks.append(f"weekday {_BANGLA_WEEKDAYS[weekday]} {'agrees' if agrees else 'DISAGREES'}")
        hijri = next((m for m in header_dates if m.calendar == "hijri"), None)
        if hijri:
            checks.append(f"Hijri {hijri.text} noted, not converted")
        return value, "; ".join(checks)
    listed = [
        (value, line)
        for line in lines
        if line.kind in LIST_KINDS
        for value in (_value(m, "newest link-list date (upper bound)", line.n) for m in line.dates)
        if value and value.iso
    ]
    if listed:
        newest = max(listed, key=lambda pair: pair[0].iso)[0]
        day = newest.date
        return DateValue(day.isoformat(), "day", newest.basis, newest.line, newest.text,
                         day.year, day.month, day.day), "upper bound: pages list only older stories"
    return None, ""


def _outlet(lines: list[Line]) -> tuple[str | None, str]:
    """The publishing outlet, from furniture lines only (never from article text).

    A byline or desk line above the text that names an outlet ("যুগান্তর প্রতিবেদক", "প্রথম আলো
    ডেস্ক") is the outlet's own staff; below the text such a line may describe a guest author.
    """
    ranked = {"copyright": 0, "desk_and_outlet": 1, "outlet_label": 2, "desk": 2, "byline": 2}
    first_body = next((line.n for line in lines if line.kind == "body"), 0)
    candidates = []
    for line in lines:
        if line.kind in ranked and (line.kind not in ("desk", "byline") or line.n < first_body):
            for hit in sources.find_outlets(line.text):
                candidates.append((ranked[line.kind], line.n, hit.id, f"{line.kind.replace('_', ' ')}, line {line.n}"))
        elif line.kind == "timestamp" and line.n < first_body and (outlet := outlet_part(line.text, line.dates)):
            candidates.append((ranked["byline"], line.n, outlet, f"date line, line {line.n}"))
        if line.kind not in ("body", "title", "attribution") and line.kind not in LIST_KINDS:
            for url in _URL_RE.findall(line.text):
                outlet = sources.outlet_for_domain(url)
                if outlet:
                    candidates.append((3, line.n, outlet, f"site address, line {line.n}"))
    if not candidates:
        return None, ""
    _, _, outlet, basis = min(candidates)
    return outlet, basis


def _cited(line: Line, hit: sources.SourceHit) -> bool:
    """Is the agency named here as a source (next to সূত্র, বরাত, বার্তা সংস্থা …)?"""
    window = line.text[max(0, hit.start - _CITATION_WINDOW) : hit.end + _CITATION_WINDOW]
    return bool(lexicon().citation_re.search(window))


def _attributions(lines: list[Line], dateline_agency: str | None, own_agency: str) -> tuple[str, ...]:
    """Agencies and media the article cites, as canonical ids, in order of first mention.

    In running text, the organisation the article's own outlet belongs to is no source: BBC
    Bangla writing "বিবিসিকে জানিয়েছেন" (told the BBC) reports its own interview. A credit the
    page states outright (a dateline's "(বাসস)", a সূত্র line) counts whoever publishes it.
    """
    found: list[str] = []
    if dateline_agency:
        found += [hit.id for hit in sources.find_agencies(f"({dateline_agency})")]
    for line in lines:
        if line.kind == "attribution":
            found += [hit.id for hit in sources.find_agencies(line.text)]
            hosts = [sources.domain_of(url) for url in _URL_RE.findall(line.text)]
            found += [sources.agency_for_domain(host) or host for host in hosts if host]
        elif line.kind == "body" and lexicon().citation_re.search(line.text):  # no cue, no citation
            found += [hit.id for hit in sources.find_agencies(line.text) if _cited(line, hit) and hit.id != own_agency]
    return tuple(dict.fromkeys(x for x in found if x))


def _fingerprint(lines: list[Line]) -> str:
    """A short hash of the page template, grouping pages of one (possibly unknown) site."""
    template = sorted({_DIGITS_RE.sub("#", key_of(line.text)) for line in lines if line.kind in _TEMPLATE_KINDS})
    if not template:
        first_body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
        template = [line.kind for line in lines[:first_body] if line.kind != "blank"]
    return hashlib.sha1("\n".join(template).encode()).hexdigest()[:10]


def _in_dhaka_time(value: DateValue | None, zone: str | None, lines: list[Line]) -> DateValue | None:
    """A clock time the page prints in its outlet's home ``zone`` (a UTC offset), in Dhaka time;
    a time on a line that names a zone of its own is left as it is."""
    if value is None or zone is None or value.precision != "minute":
        return value
    line = next((line for line in lines if line.n == value.line), None)
    if line is None or dates.names_zone(line.text):
        return value
    y, m, d, hour, minute = dates.to_dhaka([int(value.iso[:4]), value.month, value.day,
                                            int(value.iso[11:13]), int(value.iso[14:16])], zone)
    iso = f"{y:04d}-{m:02d}-{d:02d}T{hour:02d}:{minute:02d}"
    basis = f"{value.basis} (UTC{zone}, the outlet's time, in Dhaka time)"
    return replace(value, iso=iso, year=y, month=m, day=d, basis=basis)


def _byline(lines: list[Line], credit: str | None) -> str | None:
    """The first byline line, with the reporter's place printed under it ("প্রতিনিধি, কুড়িগ্রাম"); else
    ``credit``, the byline a date line opens with."""
    at = next((i for i, line in enumerate(lines) if line.kind == "byline"), None)
    if at is None:
        return lexicon().byline_prefix_re.sub("", credit) if credit else None
    byline = lexicon().byline_prefix_re.sub("", lines[at].text)  # "Authored by …": the name alone
    if (label := lexicon().byline_label_re.match(byline)) and label.group("sep") == ",":
        byline = byline[label.end():]  # BBC's "লেখা, " (author, ) is read aloud, not part of the name
    below = next((line for line in lines[at + 1 :] if line.kind != "blank"), None)
    if below is not None and below.kind == "byline" and below.reason == PLACE_UNDER_BYLINE:
        byline = f"{byline}, {below.text}"
    return byline


def _date_line_credit(lines: list[Line], first_body: int) -> str | None:
    """The byline or desk the first date line above the text opens with, if any."""
    return next((name for line in lines if line.kind == "timestamp" and line.n < first_body
                 and (name := leading_byline(line.text, line.dates))), None)


def _publish_time(candidates: list[tuple[str | None, str, DateValue]]) -> DateValue | None:
    """The labelled publish time among dated-line values, else the first unlabelled one."""
    labelled = next((v for field, _, v in candidates if field == "published"), None)
    return labelled or next((v for field, _, v in candidates if field is None), None)


def extract(lines: list[Line], given_outlet: str | None = None) -> Metadata:
    """Collect dates, outlet, attributions and credits from classified lines.

    ``given_outlet`` is the outlet the source states outright (a dataset's column), which
    ``with_given`` puts in place of the one the lines suggest; it is needed here to tell the
    outlet's own organisation from the sources it cites.
    """
    body = [line for line in lines if line.kind == "body"]
    place, dateline_value, dateline_agency = _dateline(body[0] if body else None)
    candidates = [c for line in lines if line.kind == "timestamp" for c in _labelled_dates(line)]
    full = [c for c in candidates if c[2].iso]
    # The article's own dates stand between its headline and its text; a date after the text
    # (a sign-off, or a listed story's that the list heading did not announce) only counts
    # when there is none above it.
    first_body = body[0].n if body else len(lines) + 1
    above = [c for c in full if c[2].line < first_body]
    published = _publish_time(above) or _publish_time([c for c in full if c[2].line > first_body])
    updated = next((v for field, _, v in above or full if field == "updated"), None)
    page_date, check = _page_date(lines)
    if published is None and dateline_value and dateline_value.iso:
        published = dateline_value
    # A header date most of a site's pages print is the day they were saved, which says nothing
    # of when an article written "গতকাল সোমবার" appeared; a page's own issue date does.
    header = next((line for line in lines if page_date and line.n == page_date.line), None)
    if published is None and header is not None and not header.template:
        published = _infer_from_relative_day(body, page_date.date)
    partial = None
    if published is None:
        partial = next((v for _, _, v in candidates if not v.iso), None)
        partial = partial or (dateline_value if dateline_value and not dateline_value.iso else None)
    if published is None and partial is None and updated is not None:
        # A page that prints only when it was last updated ("শেষ আপডেট", as Kolkata papers do) was
        # published then or before: an upper bound, shown as a reasoned date, not a stated one.
        published = replace(updated, basis=f"{updated.basis} (upper bound: the page gives only its update time)")
    outlet, outlet_basis = _outlet(lines)
    publisher = sources.outlet_info(given_outlet or outlet) if given_outlet or outlet else None
    home_zone = sources.home_zone(given_outlet or outlet)
    published, updated = (_in_dhaka_time(value, home_zone, lines) for value in (published, updated))
    desk_line = next((line for line in lines if line.kind in ("desk", "desk_and_outlet")), None)
    desk = desk_line.text.split("|")[0].strip() if desk_line else None
    credit = _date_line_credit(lines, first_body)
    if credit and lexicon().desk_re.search(credit):  # "স্পোর্টস ডেস্ক | ০৭ ডিসেম্বর ২০২৫, ২২:৪৮"
        desk, credit = desk or credit, None
    byline = _byline(lines, credit)
    return Metadata(
        published=published,
        published_partial=partial,
        updated=updated,
        page_date=page_date,
        page_date_check=check,
        outlet=outlet,
        outlet_basis=outlet_basis,
        attributions=_attributions(lines, dateline_agency, publisher["agency"] if publisher else ""),
        desk=desk,
        byline=byline,
        dateline=place,
        credits=tuple(line.text.strip().strip("/").strip() for line in lines if line.kind == "credit"),
        fingerprint=_fingerprint(lines),
    )


_MAX_ZONE_HOURS = 14  # the widest gap between two time zones
_HOUR, _HALF_HOUR = 3600, 1800


def _given_date(value: Given) -> DateValue:
    """A DateValue of a date the source states outright (no line: it is not in the text)."""
    day = dt.date.fromisoformat(value.value[:10])
    return DateValue(value.value, value.precision or "day", value.basis, None, value.value, day.year, day.month, day.day)


def _zone_slip(given: DateValue, shown: DateValue | None, lines: list[Line], abroad: bool) -> float:
    """Hours (up to 14) by which the markup's time of a moment is off the time the page prints for
    it, else 0. Markup that carries a local time under a wrong zone ("…T13:21:50Z" for a page
    printing ১৩:২১) is off by whole hours, or by half hours where the page's clock is not Dhaka's:
    a zone its line names ("09:40 AM IST") or its outlet's country (``abroad``). The page's time,
    which readers see, stands. Half an hour off Dhaka's own clock is another time, not a zone."""
    if not shown or given.precision != "minute" or shown.precision != "minute":
        return 0
    line = next((line for line in lines if line.n == shown.line), None)
    if line is None:
        return 0
    step = _HALF_HOUR if abroad or dates.names_zone(line.text) else _HOUR
    gap = abs((dt.datetime.fromisoformat(given.iso) - dt.datetime.fromisoformat(shown.iso)).total_seconds())
    return gap / _HOUR if gap % step == 0 and step <= gap <= _MAX_ZONE_HOURS * _HOUR else 0


def with_given(meta: Metadata, document: Document, lines: list[Line]) -> Metadata:
    """The metadata with what the source states outright (dates, outlet, author) in place of what ``lines`` suggest."""
    changes: dict = {}
    outlet = document.get("outlet")
    abroad = sources.home_zone(outlet.value if outlet else meta.outlet) is not None
    for field in ("published", "updated"):
        if value := document.get(field):
            given = _given_date(value)
            shown = getattr(meta, field)
            if hours := _zone_slip(given, shown, lines, abroad):
                why = f"the {given.basis} is {hours:g} h off it: a wrong time zone"
                changes[field] = replace(shown, basis=f"{shown.basis} ({why})")
            # Markup that gives only the day yields to the page's own date line of that day with its time.
            elif not (given.precision == "day" and shown and shown.precision == "minute" and shown.date == given.date):
                changes[field] = given
    if "published" in changes:
        changes["published_partial"] = None
    if outlet:
        changes["outlet"], changes["outlet_basis"] = outlet.value, outlet.basis
    # Markup crediting the outlet itself ("BBC News বাংলা", "Bangladesh Pratidin") names no reporter:
    # the byline the page prints stands.
    if (author := document.get("author")) and not (meta.byline and sources.outlet_named_outright(author.value)):
        changes["byline"] = lexicon().byline_prefix_re.sub("", author.value)
    return replace(meta, **changes) if changes else meta
