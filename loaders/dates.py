"""Date and time expressions in one line of Bengali/English news text.

``find_dates`` recognises Gregorian, Bangla (Bangabda) and Hijri dates written with
Bengali, ASCII or mixed digits, attaches an adjacent clock time and weekday name, and
never invents missing parts: a date without a year stays partial, and nothing here
looks at today's date. The vocabulary (month spellings, weekdays, day-part words) lives
in ``data/calendar.toml``. Input is NFC text (see ``textnorm``); offsets index it.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import tomllib
import unicodedata
from calendar import isleap
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

import bangla

from .textnorm import to_ascii_digits

logger = logging.getLogger(__name__)

_DHAKA = dt.timezone(dt.timedelta(hours=6), "Asia/Dhaka")
_LETTER = r"A-Za-z\u0980-\u09E5\u09F0-\u09FF"  # Latin and Bengali letters and signs, not digits
_NOT_AFTER_LETTER, _NOT_BEFORE_LETTER = rf"(?<![{_LETTER}])", rf"(?![{_LETTER}])"
_GREGORIAN_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # longest length of each month
_BANGLA_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 31, 30)  # longest of each month, either revision
# Regexes only run this close to digit runs (dates) or to found dates (times, weekdays):
# every part of a date lies within _DATE_REACH of one of its digits (longest month name
# plus separators), an attachable time within _TIME_REACH, a weekday within _WEEKDAY_REACH.
_DATE_REACH, _TIME_REACH, _WEEKDAY_REACH = 40, 40, 20


def _nfc(word: str) -> str:
    """NFC form of a word with runs of white space collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", word).split())


def _key(word: str) -> str:
    """Lookup key of a matched name: NFC, casefolded, single spaces."""
    return _nfc(word).casefold()


def _alt(words) -> str:
    """Regex alternation of literal words, longest first; a space matches any white space."""
    unique = sorted({_nfc(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def _compile(pattern: str) -> re.Pattern:
    """Compile a pattern whose Bengali literals may not be NFC in this source file."""
    return re.compile(unicodedata.normalize("NFC", pattern))


_CAL = tomllib.loads((Path(__file__).with_name("data") / "calendar.toml").read_text("utf-8"))
_REVISED_FROM = _CAL["bangla_calendar"]["revised_from"]
_REVISED_DAYS = tuple(_CAL["bangla_calendar"]["month_days"])
_MONTHS: dict[str, tuple[str, int]] = {
    _key(name): (calendar, number)
    for calendar in ("gregorian", "bangla", "hijri")
    for number, names in enumerate(_CAL["months"][calendar], start=1)
    for name in names
}
_AMBIGUOUS = frozenset(_key(w) for w in _CAL["months"]["ambiguous"])
_YEAR_WORDS = {_nfc(w): cal for cal in ("gregorian", "bangla", "hijri") for w in _CAL["years"][cal]}
_GENITIVE = frozenset(_nfc(w) for w in _CAL["years"]["genitive"])
_WEEKDAYS = {  # English weekdays only in Title or UPPER case: "sun", "sat", "wed" are words
    _nfc(form): number
    for number, names in enumerate(_CAL["weekdays"]["names"])
    for name in names
    for form in ({name, name.upper()} if name.isascii() else {name})
}
_DAYPARTS = {_key(w): kind for kind in ("morning", "noon", "evening", "night") for w in _CAL["dayparts"][kind]}
_AMPM = {_key(w): half for half in ("am", "pm") for w in _CAL["clock"][half]}
_QUARTERS = {_nfc(w): minutes for w, minutes in _CAL["clock"]["quarters"].items()}

_BN_MONTHS = [n for n in _MONTHS if not n.isascii()]
_EN_MONTHS = [n for n in _MONTHS if n.isascii()]
_MONTH_FIRST = "".join(sorted({n[0] for n in _BN_MONTHS} | {c for n in _EN_MONTHS for c in (n[0], n[0].upper())}))
_ORD = rf"(?:{_alt(_CAL['days']['ordinal_suffixes'])})?"   # ১লা, ২১শে, 15th
_DAY = r"(?<![\d.:,/])(?P<{0}>\d{{1,2}})" + _ORD
_YEAR = r"(?P<{0}>[12১২]\d{{3}})(?!\d)"
_D_M = r"\s*-?\s*"            # between day and month: "২৪ মার্চ", "12-Aug"
_M_Y = r"(?:\s*[,-]\s*|\s+)"  # between month (or day) and year: "আগস্ট, ২০২৫", "Oct 29, 2025"


def _month(tag: str) -> str:
    """Pattern of one month name (captured as ``tag``) with an optional case ending."""
    return (rf"{_NOT_AFTER_LETTER}(?=[{_MONTH_FIRST}])(?P<{tag}>{_alt(_BN_MONTHS)}|(?i:{_alt(_EN_MONTHS)}))"
            rf"(?:\.(?=\s*\d)|{_alt(_CAL['months']['case_endings'])})?{_NOT_BEFORE_LETTER}")


# A two-digit year ("০৮ জানুয়ারি ২৩", as Samakal prints it) only right before a clock time: alone,
# "১৫ জুলাই ২৩ জনকে" is a count.
_SHORT_YEAR_TIME = r"\s*[।|,]?\s*\d{1,2}\s*[:ঃ]\s*\d{2}(?!\d)"
_CENTURY = 2000

# One alternative per form; the outer group name tells _read_date which one matched.
_DATE_RE = _compile(rf"(?=[\d{_MONTH_FIRST}])(?:" + "|".join([
    r"(?P<iso>(?<![\d.:/-])(?P<iy>[12১২]\d{3})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r"(?:[T ](?P<ih>\d{1,2}):(?P<imi>\d{2})(?::\d{2}(?:\.\d+)?)?"
    rf"(?:(?P<itz>Z|[+-]\d{{2}}:?\d{{2}})|\s*(?P<iap>(?i:{_alt(_AMPM)})){_NOT_BEFORE_LETTER})?)?)(?![\d:])",  # … ৩:৫০:২২ পিএম
    r"(?P<num>(?<![\d.:/-])(?P<nd>\d{1,2})(?P<nsep>[-/.])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>[12১২]\d{3}))(?![\d.])",
    rf"(?P<sal>(?<![\d.:,/-])(?P<sy>[12১২]\d{{3}})\s*(?P<sw>{_alt(_YEAR_WORDS)}){_NOT_BEFORE_LETTER}"
    rf"(?:\s+(?:{_DAY.format('sd')}{_D_M})?{_month('smo')})?)",
    rf"(?P<dmy>{_DAY.format('dd')}{_D_M}{_month('dmo')}(?:\s*\((?P<dwd>{_alt(_WEEKDAYS)})\))?"  # ১১ এপ্রিল (শনিবার), ২০২৬
    rf"(?:{_M_Y}{_YEAR.format('dy')}|\s+(?P<dyy>\d{{2}})(?={_SHORT_YEAR_TIME}))?)",  # ০৮ জানুয়ারি ২৩ । ২০:১৬
    rf"(?P<mdy>{_month('mmo')}(?:\s*(?P<md>\d{{1,2}}){_ORD}{_M_Y}{_YEAR.format('my')}"
    rf"|{_M_Y}{_YEAR.format('yy')}(?!\s*(?:{_alt(_YEAR_WORDS)}))))",
]) + ")")
_ANY_DIGIT_RE = re.compile(r"[0-9\u09E6-\u09EF]")
_DIGIT_CLUSTER_RE = re.compile(rf"\d+(?:\D{{1,{2 * _DATE_REACH}}}\d+)*")  # digit runs close enough to share a window
_SPACE_RE = re.compile(r"\s")
_CUES = _CAL["cues"]["before"]  # Bengali cues may be glued to the word before ("দিবসআগামী")
_CUE_BEFORE_RE = _compile(rf"(?:{_alt(w for w in _CUES if not w.isascii())}"
                          rf"|(?i:(?<![A-Za-z])(?:{_alt(w for w in _CUES if w.isascii())})))\s*$")
_CUE_AFTER_RE = _compile(rf"\s*(?:{_alt(_CAL['cues']['after'])})")
_TIME_RE = _compile(
    rf"(?:{_NOT_AFTER_LETTER}(?P<dp>{_alt(_DAYPARTS)})\s*)?(?:"
    rf"(?<![\d.:,/+-])(?P<h>\d{{1,2}})(?:(?P<spaced_before> )?[:ঃ](?P<spaced> )?|(?P<dot>\.))(?P<mi>\d{{2}})"
    rf"(?::\d{{2}})?(?![\d:])(?:\s*(?P<ap>(?i:{_alt(_AMPM)})){_NOT_BEFORE_LETTER})?"  # ১৬:৩৩, ০৪ঃ৩০, 10:30 PM, ১০: ৫৫
    rf"|(?<![\d.:,/-])(?P<hhmm>\d{{4}})\s*(?:{_alt(_CAL['clock']['hhmm_words'])})"  # ২১৩০ ঘণ্টা
    rf"|(?:(?P<q>{_alt(_QUARTERS)})\s*)?(?<![\d.:,/-])(?P<h2>\d{{1,2}})(?:[.:](?P<m2>\d{{2}}))?"
    rf"\s*টা(?:য়|র)?(?:\s*(?P<m3>\d{{1,2}})\s*মিনিট)?"                              # সাড়ে ৯টায়
    rf"|(?<![\d.:,/-])(?P<h3>\d{{1,2}})\s*(?P<ap3>(?i:{_alt(_AMPM)})){_NOT_BEFORE_LETTER})"  # 10 AM
)
_HHMM_CUE_RE = _compile(rf"(?:{_alt(_CAL['clock']['hhmm_cues'])})\s*:?\s*$")
_WEEKDAY_RE = _compile(rf"{_NOT_AFTER_LETTER}(?P<w>{_alt(_WEEKDAYS)})"
                       rf"(?:{_alt(_CAL['weekdays']['case_endings'])})?{_NOT_BEFORE_LETTER}")
_GAP = r"[\s,;|।()\-–—/]{1,5}"
# "২০২৫ ইং, ১০:৩০", "2025 at 4:30 pm"
_ERA_AFTER_RE = {calendar: _compile(rf"[\s,]*(?:{_alt(_CAL['years'][key])}){_NOT_BEFORE_LETTER}")
                 for calendar, key in (("gregorian", "era_after_date"), ("bangla", "era_after_bangla_date"),
                                       ("hijri", "era_after_hijri_date"))}
_TIME_GAP_RE = _compile(rf"{_GAP}(?:(?:{_alt(_CAL['years']['era_after_date'] + _CAL['clock']['joiners'])}){_GAP})?")
_WEEKDAY_GAP_RE = re.compile(r"[\s,(]{0,3}")
_RFC2822_RE = re.compile(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})?(?: ?[+-]\d{4}| [A-Z]{1,5})?$")
_ZONE_RE = _compile(rf"(?<![A-Za-z\u0980-\u09FF])(?:{_alt(_CAL['clock']['zones'])})(?![A-Za-z\u0980-\u09FF])")
_GLUED_ZONE_RE = re.compile(r"(?<=\d)(?=[+-]\d{4}$)")  # "22:30:00+0600", as markup readers may leave it
_ZONE_OFFSETS = {_key(name): offset for name, offset in _CAL["clock"]["zone_offsets"].items()}
# "(GMT)", "IST"; not "GMT+6", which names Dhaka's own offset and is read as printed.
_ZONE_AFTER_TIME_RE = _compile(rf"\s*\(?\s*(?P<zone>{_alt(_CAL['clock']['zone_offsets'])})(?!\s*[+\-−]\s*\d)\)?"
                               rf"(?![A-Za-z\u0980-\u09FF])")
HOME_ZONES: dict[str, str] = dict(_CAL["clock"]["home_zones"])  # outlet country -> UTC offset of its clocks


@dataclass(frozen=True)
class TimeMatch:
    """A clock time: 24-hour ``hour`` and ``minute`` of ``text`` at ``[start, end)``."""

    start: int
    end: int
    hour: int
    minute: int
    text: str


@dataclass(frozen=True)
class DateMatch:
    """A date expression, with its attached time and weekday, at ``[start, end)``."""

    start: int
    end: int
    calendar: str
    year: int | None
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None
    weekday: int | None
    text: str
    zone: str | None = None  # the zone printed after the time ("GMT"), which was turned into Dhaka time

    @property
    def precision(self) -> str:
        """"minute" or "day" for a complete date (with or without time), else "partial"."""
        if None in (self.year, self.month, self.day):
            return "partial"
        return "day" if self.hour is None else "minute"

    @property
    def iso(self) -> str | None:
        """ISO 8601 text of a complete Gregorian date (and time), else None."""
        if self.calendar != "gregorian" or self.precision == "partial":
            return None
        day = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return day if self.hour is None else f"{day}T{self.hour:02d}:{self.minute:02d}"

    def to_gregorian(self) -> dt.date | None:
        """The Gregorian day of a complete Gregorian or Bangla date; None otherwise."""
        if self.precision == "partial" or self.calendar == "hijri":
            return None
        convert = bangla_to_gregorian if self.calendar == "bangla" else dt.date
        return convert(self.year, self.month, self.day)


def _revised_month_days(year: int) -> tuple[int, ...]:
    """Month lengths of Bangabda ``year`` in the 2019 revision (ফাল্গুন is in February of ``year + 594``)."""
    leap = isleap(year + 594)
    return tuple(days + (leap and month == 11) for month, days in enumerate(_REVISED_DAYS, start=1))


@lru_cache(maxsize=4096)
def gregorian_to_bangla(d: dt.date) -> tuple[int, int, int]:
    """Bangabda ``(year, month, day)`` of Gregorian date ``d`` (month 1 = বৈশাখ), in Bangladesh's
    national calendar: the 2019 revision from ১ বৈশাখ ১৪২৬ on (``calendar.toml``), and before it the
    1987 revision that ``bangla.get_date`` implements (বৈশাখ-ভাদ্র 31 days, ফাল্গুন 31 in leap years).
    """
    year = d.year - 593 if (d.month, d.day) >= (4, 14) else d.year - 594
    if year < _REVISED_FROM:
        found = bangla.get_date(d.day, d.month, d.year)
        month = _MONTHS[_key(found["month"])][1]
        return int(to_ascii_digits(found["year"])), month, int(to_ascii_digits(found["date"]))
    offset = (d - dt.date(year + 593, 4, 14)).days
    for month, days in enumerate(_revised_month_days(year), start=1):
        if offset < days:
            return year, month, offset + 1
        offset -= days
    raise AssertionError("a Bangla year covers the days up to the next 14 April")


@lru_cache(maxsize=4096)
def bangla_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Gregorian date of Bangabda ``day`` ``month`` ``year`` (month 1 = বৈশাখ).

    Estimates the day from 14 April of ``year + 593`` and checks the candidates around
    it with ``gregorian_to_bangla``, so both directions always agree. Raises
    ``ValueError`` when the Bangla date does not exist (e.g. ৩১ কার্তিক).
    """
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"no Bangla date {year}-{month}-{day}")
    guess = dt.date(year + 593, 4, 14) + dt.timedelta(days=sum(_BANGLA_DAYS[: month - 1]) + day - 1)
    for delta in (0, -1, 1, -2, 2):
        candidate = guess + dt.timedelta(days=delta)
        if gregorian_to_bangla(candidate) == (year, month, day):
            return candidate
    raise ValueError(f"no Bangla date {year}-{month}-{day}")


def _valid_day(calendar: str, year: int | None, month: int, day: int | None) -> bool:
    """Whether the (possibly partial) date exists; Bangla and Hijri years lie below 2000."""
    if not 1 <= month <= 12 or day == 0 or calendar != "gregorian" and (year or 0) >= 2000:
        return False  # the year test: "সফর ২০২৪" is a visit in 2024, not a Hijri month
    if day is None or calendar == "hijri":
        return day is None or day <= 30
    if year is None:
        return day <= (_BANGLA_DAYS if calendar == "bangla" else _GREGORIAN_DAYS)[month - 1]
    try:
        return bool(bangla_to_gregorian(year, month, day) if calendar == "bangla" else dt.date(year, month, day))
    except ValueError:
        return False


def offset_zone(tz: str) -> dt.timezone:
    """The fixed zone of a UTC offset written "+05:30", "+0530" or "Z"."""
    minutes = 0 if tz == "Z" else int(tz[1:3]) * 60 + int(tz[-2:])
    return dt.timezone(dt.timedelta(minutes=-minutes if tz[0] == "-" else minutes))


def to_dhaka(fields: list, tz: str) -> list:
    """Shift Gregorian ``[y, m, d, h, min]`` written at UTC offset ``tz`` ("+05:30", "Z") to Dhaka time."""
    local = dt.datetime(*fields, tzinfo=offset_zone(tz)).astimezone(_DHAKA)
    return [local.year, local.month, local.day, local.hour, local.minute]


def _windows(a: str, spans, reach: int) -> list[list[int]]:
    """Merged ``[lo, hi)`` ranges ``reach`` characters around sorted spans, ending at white space."""
    out: list[list[int]] = []
    for start, end in spans:
        space = _SPACE_RE.search(a, end + reach)
        lo, hi = max(0, start - reach), space.start() if space else len(a)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def _read_date(m: re.Match, a: str) -> list | None:
    """``[start, end, calendar, y, m, d, h, min, weekday]`` of one regex match, or None."""
    g, form, end = m.groupdict(), m.lastgroup, m.end()
    hour = minute = year = day = None
    if form in ("iso", "num"):
        p = form[0]
        calendar, year, month, day = "gregorian", int(g[p + "y"]), int(g[p + "m"]), int(g[p + "d"])
        if g["ih"] is not None:
            hour, minute = int(g["ih"]), int(g["imi"])
            if g["iap"]:
                hour = _hour_of(hour, None, _AMPM[_key(g["iap"])])
            if hour > 23 or minute > 59 or not _valid_day(calendar, year, month, day):
                return None
            if g["itz"]:
                year, month, day, hour, minute = to_dhaka([year, month, day, hour, minute], g["itz"])
    elif form == "sal" and not (g["smo"] and (g["sd"] or _nfc(g["sw"]) in _GENITIVE)):
        # "২০২২ সালে": a year reference; a bare month follows only a genitive ("২০২২ সালের মে")
        calendar, year, month, end = _YEAR_WORDS[_nfc(g["sw"])], int(g["sy"]), None, m.end("sw")
    else:
        month_tag, day_tag, year_tag = {"sal": ("smo", "sd", "sy"), "dmy": ("dmo", "dd", "dy"),
                                        "mdy": ("mmo", "md", "my")}[form]
        name = _key(g[month_tag])
        calendar, month = _MONTHS[name]
        day = int(g[day_tag]) if g[day_tag] else None
        year_text = g[year_tag] or (g["yy"] if form == "mdy" else None)
        year = int(year_text) if year_text else None
        if form == "dmy" and g["dyy"]:
            if calendar != "gregorian":
                return None
            year = _CENTURY + int(g["dyy"])
        if (name in _AMBIGUOUS and year is None and not _CUE_AFTER_RE.match(a, end)
                and not _CUE_BEFORE_RE.search(a, max(0, m.start() - 12), m.start())):
            return None
    if month is not None and not _valid_day(calendar, year, month, day):
        logger.debug("rejected impossible date %r", m.group())
        return None
    weekday = _WEEKDAYS[g["dwd"]] if form == "dmy" and g["dwd"] else None
    return [m.start(), end, calendar, year, month, day, hour, minute, weekday]


def _hour_of(h: int, daypart: str | None, half: str | None) -> int:
    """24-hour value of clock hour ``h`` after an AM/PM marker or a Bengali day-part word."""
    kind = _DAYPARTS.get(_key(daypart)) if daypart else None
    if half and h <= 12:
        return h % 12 + (12 if half == "pm" else 0)
    if kind == "noon" and 1 <= h <= 5 or kind == "evening" and h < 12:
        return h + 12
    if kind == "night" and 6 <= h <= 12:
        return (h + 12) % 24  # রাত ১২টা is midnight
    return h


def _scan_times(a: str, lo: int = 0, hi: int | None = None, beside_date: bool = False
                ) -> list[tuple[int, int, int, int]]:
    """``(start, end, hour, minute)`` of every clock time in ``a[lo:hi]``.

    The colon may be a visarga ("০৪ঃ৩০", as Bengali typists often write it). A space beside
    the colon ("১০: ৫৫", as Prothom Alo prints its times, or "১৬ : ৩০") and "১৯১৬ ঘণ্টা"
    without a cue such as "সময়:" are read only ``beside_date``: alone, "২: ১৫" is as likely
    a verse, a score or a ratio, and "১২০০ ঘণ্টা" a duration. A dot for the colon
    ("১০.৩০") needs an AM/PM or day-part word: alone it is a decimal number.
    """
    found = []
    for m in _TIME_RE.finditer(a, lo, len(a) if hi is None else hi):
        g = m.groupdict()
        if (g["spaced"] or g["spaced_before"]) and not beside_date or g["dot"] and not (g["ap"] or g["dp"]):
            continue
        if g["h"] is not None:
            half = _AMPM[_key(g["ap"])] if g["ap"] else None
            hour, minute = _hour_of(int(g["h"]), g["dp"], half), int(g["mi"])
        elif g["hhmm"] is not None:
            if not beside_date and not _HHMM_CUE_RE.search(a, max(0, m.start() - 12), m.start("hhmm")):
                continue
            hour, minute = int(g["hhmm"][:2]), int(g["hhmm"][2:])
        elif g["h2"] is not None:
            if not g["dp"]:
                continue  # "১০টা" alone is a count ("১০টা গাড়ি"), not a time
            hour, minute = int(g["h2"]), int(g["m2"] or g["m3"] or 0)
            if g["q"]:
                hour, minute = divmod(hour * 60 + minute + _QUARTERS[_nfc(g["q"])], 60)
            hour = _hour_of(hour, g["dp"], None)
        else:
            hour, minute = _hour_of(int(g["h3"]), None, _AMPM[_key(g["ap3"])]), 0
        if hour <= 23 and minute <= 59:
            found.append((m.start(), m.end(), hour, minute))
    return found


def _attach_weekdays(a: str, dates: list[list]) -> None:
    """Give a date the weekday right before it ("মঙ্গলবার (৩০ ডিসেম্বর)") or else right after it."""
    weekdays = [(m.start(), m.end(), _WEEKDAYS[m.group("w")])
                for lo, hi in _windows(a, [d[:2] for d in dates], _WEEKDAY_REACH)
                for m in _WEEKDAY_RE.finditer(a, lo, hi)]
    used = set()
    for before in (True, False):
        for d in dates:
            for j, (start, end, number) in enumerate(weekdays):
                if d[8] is not None or j in used:
                    continue
                if before and end <= d[0] and _WEEKDAY_GAP_RE.fullmatch(a, end, d[0]):
                    gap, d[0] = a[end:d[0]], start
                elif not before and start >= d[1] and _WEEKDAY_GAP_RE.fullmatch(a, d[1], start):
                    gap, d[1] = a[d[1]:start], end
                else:
                    continue
                used.add(j)
                d[8] = number
                if "(" in gap and a.startswith(")", d[1]):
                    d[1] += 1


def _attach_eras(a: str, dates: list[list]) -> None:
    """Take the era word a whole date ends with ("৭ ডিসেম্বর ২০২৫ খ্রিস্টাব্দ", "… ২০২৫ ইং") into its
    span: it is part of the printed date, so a date line that ends with one is still all date."""
    for d in dates:
        if None not in d[3:6] and (m := _ERA_AFTER_RE[d[2]].match(a, d[1])):
            d[1] = m.end()


def _attach_times(a: str, dates: list[list]) -> None:
    """Give each date of a day without a time the nearest free time joined to it by punctuation only."""
    near = [t for lo, hi in _windows(a, [d[:2] for d in dates], _TIME_REACH)
            for t in _scan_times(a, lo, hi, beside_date=True)]
    times = [t for t in near if not any(t[0] < d[1] and d[0] < t[1] for d in dates)]
    pairs = []  # (gap length, time after the date first, date, time)
    for i, d in enumerate(dates):
        for j, (start, end, _, _) in enumerate(times):
            gap, side = (a[end:d[0]], 1) if end <= d[0] else (a[d[1]:start], 0)
            if d[6] is None and d[5] is not None and _TIME_GAP_RE.fullmatch(gap):  # a clock time needs a day
                pairs.append((len(gap), side, i, j))
    used_dates, used_times = set(), set()
    for _, _, i, j in sorted(pairs):
        if i not in used_dates and j not in used_times:
            used_dates.add(i)
            used_times.add(j)
            d, t = dates[i], times[j]
            d[0], d[1], d[6], d[7] = min(d[0], t[0]), max(d[1], t[1]), t[2], t[3]


def _attach_zones(a: str, dates: list[list]) -> list[str | None]:
    """Turn each date-time followed by the name of a time zone ("১০:৩০ জিএমটি", "4:30 PM IST") into
    Dhaka time, taking the name into its span; returns the zone named after each date, if any."""
    zones: list[str | None] = []
    for d in dates:
        complete = d[2] == "gregorian" and d[6] is not None and None not in d[3:6]
        m = _ZONE_AFTER_TIME_RE.match(a, d[1]) if complete else None
        if m:
            day = d[5]
            d[3:8] = to_dhaka(d[3:8], _ZONE_OFFSETS[_key(m.group("zone"))])
            d[1] = m.end()
            if d[5] != day:
                d[8] = None  # the printed weekday names the printed day, not Dhaka's
        zones.append(_nfc(m.group("zone")) if m else None)
    return zones


def find_dates(text: str) -> list[DateMatch]:
    """All date expressions in one line of NFC text, in order of ``start``.

    Forms: "D Month[,] YYYY", "Month D, YYYY", "Month YYYY", ISO and year-first slashed
    dates, day-first "DD/MM/YYYY" / "DD-MM-YYYY", "YYYY সালের D Month" and year
    references like "২০২২ সালে" (partial, year only), with Gregorian, Bangla or Hijri
    months and Bengali, ASCII or mixed digits. Missing parts stay None (no year is
    guessed); impossible dates are dropped, not clamped; মে/May and other month names
    that are also ordinary words need a year or a cue word ("গত ৫ মে"). A weekday
    right before (or after) the date and a time joined to it by punctuation only are
    attached and included in the span; each time goes to its nearest date only. A time
    followed by a zone's name ("১০:৩০ জিএমটি", "4:30 PM IST") is given in Dhaka time.
    """
    if not _ANY_DIGIT_RE.search(text):
        return []
    clusters = [m.span() for m in _DIGIT_CLUSTER_RE.finditer(text)]
    found = (_read_date(m, text) for lo, hi in _windows(text, clusters, _DATE_REACH)
             for m in _DATE_RE.finditer(text, lo, hi))
    dates = [d for d in found if d]
    if not dates:
        return []
    _attach_weekdays(text, dates)
    _attach_eras(text, dates)
    if any(d[6] is None for d in dates):
        _attach_times(text, dates)
    zones = _attach_zones(text, dates)
    return [DateMatch(*d[:9], text=text[d[0]:d[1]], zone=zone) for d, zone in zip(dates, zones)]


def find_times(text: str) -> list[TimeMatch]:
    """Every clock time in one line of NFC text, in order of ``start``.

    Forms: "16:33", "10:30 AM", "১০:৩০ পিএম", "10 AM", day-part phrases such as
    "রাত ৯টা", "সকাল ১০টা ১৭ মিনিট", "বিকেল সাড়ে ৪টায়", "রাত ১১:১৫", and "২১৩০
    ঘণ্টা" after "সময়". A bare "১০টা" without a day-part word is a count, not a time.
    Times that ``find_dates`` attaches to a date are included here as well.
    """
    if not _ANY_DIGIT_RE.search(text):
        return []
    return [TimeMatch(s, e, h, mi, text[s:e]) for s, e, h, mi in _scan_times(text)]


def names_zone(text: str) -> bool:
    """Whether a line names a time zone ("10:30 GMT"): its clock times are not Dhaka time."""
    return bool(_ZONE_RE.search(text))


def find_weekdays(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, weekday)`` of each weekday name in ``text`` (0 = Monday).

    Bengali names with any case ending (সোমবার, রোববারের) and English ones (Monday,
    Mon) in Title or UPPER case only, since "sun" and "sat" are ordinary words.
    """
    return [(m.start(), m.end(), _WEEKDAYS[m.group("w")]) for m in _WEEKDAY_RE.finditer(text)]


def parse_iso_datetime(value: str) -> DateMatch | None:
    """Parse a dataset date field such as "2025-12-30T10:54:21+06:00" or "2024/08/12".

    Accepts ISO dates and date-times (``T`` or space separator, optional seconds and
    fraction), year-first slashed dates, and any other single complete date that
    ``find_dates`` reads over the whole value ("12/08/2024", "২৪ মার্চ ২০১৯, ১৬:৩৩").
    A UTC offset or "Z" is converted to Asia/Dhaka (UTC+6) local time; a value
    without offset is taken to be Dhaka time already. Returns None for anything else
    ("Unknown", "", partial dates, non-strings). Offsets index ``value``.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    lead, core = len(value) - len(value.lstrip()), value.strip()
    found = [d for d in find_dates(core) if d.start == 0 and d.end == len(core)]
    if len(found) == 1 and found[0].precision != "partial":
        return replace(found[0], start=lead, end=lead + len(core))
    return _rfc2822(core, lead)


def _rfc2822(core: str, lead: int) -> DateMatch | None:
    """An e-mail and RSS date ("Sun, 07 Dec 2025 16:30:00 +0000", as feed scrapers store them) in
    Dhaka time, or None; one without a zone is taken to be Dhaka time already."""
    if not _RFC2822_RE.match(core):
        return None
    try:
        stamp = parsedate_to_datetime(_GLUED_ZONE_RE.sub(" ", core))
    except (TypeError, ValueError):
        return None
    local = stamp.astimezone(_DHAKA) if stamp.tzinfo else stamp
    return DateMatch(lead, lead + len(core), "gregorian", local.year, local.month, local.day, local.hour,
                     local.minute, local.weekday(), core)
