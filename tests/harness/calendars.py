"""Dates written the ways Bangladeshi news pages write them: Gregorian, Bangla (বঙ্গাব্দ) and Hijri.

Only the harness uses these; they are written out here, not taken from ``loaders.dates``,
so that the instrument does not share a bug with the thing it measures.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
MONTHS_BN = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর",
             "অক্টোবর", "নভেম্বর", "ডিসেম্বর")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS_BN = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
BANGLA_MONTHS = ("বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ",
                 "ফাল্গুন", "চৈত্র")
HIJRI_MONTHS = ("মহররম", "সফর", "রবিউল আউয়াল", "রবিউস সানি", "জমাদিউল আউয়াল", "জমাদিউস সানি", "রজব", "শাবান",
                "রমজান", "শাওয়াল", "জিলকদ", "জিলহজ")


def bn(value: int | str, width: int = 0) -> str:
    """A number in Bengali digits, zero-padded to ``width``."""
    return str(value).zfill(width).translate(BENGALI_DIGITS)


def weekday(day: date) -> str:
    """The Bengali weekday; Sunday also appears as রোববার on some sites."""
    return WEEKDAYS_BN[day.weekday()]


def bangla_date(day: date) -> tuple[int, int, int]:
    """(day, month index, year) in Bangladesh's revised Bangla calendar (2019): 1 Boishakh is 14 April,
    the first six months have 31 days, Falgun 29 (30 in a Gregorian leap year), the others 30."""
    start = date(day.year, 4, 14)
    if day < start:
        start = date(day.year - 1, 4, 14)
    year = start.year - 593
    falgun_year = start.year + 1
    leap = falgun_year % 4 == 0 and (falgun_year % 100 != 0 or falgun_year % 400 == 0)
    lengths = [31] * 6 + [30, 30, 30, 30, 30 if leap else 29, 30]
    offset = (day - start).days
    for month, length in enumerate(lengths):
        if offset < length:
            return offset + 1, month, year
        offset -= length
    raise AssertionError("a Bangla year has 365 or 366 days")


def hijri_date(day: date) -> tuple[int, int, int]:
    """(day, month index, year) in the tabular Islamic calendar; the sighted calendar a site prints
    can differ by a day, which does not matter for furniture."""
    jdn = day.toordinal() + 1721425
    l = jdn - 1948440 + 10632
    n = (l - 1) // 10631
    l = l - 10631 * n + 354
    j = ((10985 - l) // 5316) * ((50 * l) // 17719) + (l // 5670) * ((43 * l) // 15238)
    l = l - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * l) // 709
    return l - (709 * month) // 24, month - 1, 30 * n + j - 30


def gregorian_bn(day: date, comma: bool = False) -> str:
    """২৯ মার্চ ২০২৬ (or ২৯ মার্চ, ২০২৬)."""
    return f"{bn(day.day, 2)} {MONTHS_BN[day.month - 1]}{',' if comma else ''} {bn(day.year)}"


def bangla_bn(day: date, suffix: str = "") -> str:
    """১৫ চৈত্র ১৪৩২ (``suffix`` ই gives ১৫ই চৈত্র)."""
    d, month, year = bangla_date(day)
    return f"{bn(d)}{suffix} {BANGLA_MONTHS[month]} {bn(year)}"


def hijri_bn(day: date) -> str:
    """০৯ শাওয়াল ১৪৪৭."""
    d, month, year = hijri_date(day)
    return f"{bn(d, 2)} {HIJRI_MONTHS[month]} {bn(year)}"


def header_date_lines(day: date, rng: random.Random) -> list[str]:
    """The page header's "today" line(s), in the three calendars, in one of the layouts sites use."""
    layouts = (
        lambda: [f"ঢাকা, {weekday(day)}, {bangla_bn(day)}, {gregorian_bn(day)}, {hijri_bn(day)}"],
        lambda: [f"{weekday(day)}, {gregorian_bn(day)}, {bangla_bn(day, 'ই')}, {hijri_bn(day)}"],
        lambda: [f"ঢাকা, {weekday(day)} {gregorian_bn(day)}", f"{bangla_bn(day)}, {hijri_bn(day)}"],
        lambda: [weekday(day), gregorian_bn(day), bangla_bn(day), hijri_bn(day)],
        lambda: [f"আজ {weekday(day)}, {gregorian_bn(day)} | {bangla_bn(day)} | {hijri_bn(day)} হিজরি"],
    )
    return rng.choice(layouts)()


def _clock(moment: datetime, twelve_hour: bool, english: bool) -> str:
    """13:21, ০১:২১ পিএম, 01:21 PM."""
    if twelve_hour:
        text = f"{moment.hour % 12 or 12:02d}:{moment.minute:02d}"
        return f"{text} {'PM' if moment.hour >= 12 else 'AM'}" if english else \
            f"{bn(text)} {'পিএম' if moment.hour >= 12 else 'এএম'}"
    text = f"{moment.hour:02d}:{moment.minute:02d}"
    return text if english else bn(text)


def _day_text(day: date, english_digits: bool, style: int) -> str:
    if style == 0:
        text = f"{day.day:02d} {MONTHS_BN[day.month - 1]} {day.year}"
        return text if english_digits else gregorian_bn(day)
    if style == 1:
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}" if english_digits else \
            f"{MONTHS_BN[day.month - 1]} {bn(day.day, 2)}, {bn(day.year)}"
    return f"{weekday(day)}, {day.day:02d} {MONTHS_BN[day.month - 1]} {day.year}" if english_digits else \
        f"{weekday(day)}, {gregorian_bn(day)}"


def published_line(published: str, rng: random.Random, labelled: bool, english_digits: bool) -> str:
    """The article's date line for a gold value "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD".

    Labelled lines read ``প্রকাশ: …`` / ``প্রকাশিত : …``; unlabelled ones are the bare date with
    ``| আপডেট: …`` after it, the form that stands under an author's name.
    """
    has_time = "T" in published
    moment = datetime.fromisoformat(published)
    day_text = _day_text(moment.date(), english_digits, rng.randrange(3))
    if has_time:
        day_text += f"{rng.choice((', ', ' ', ' , '))}{_clock(moment, rng.random() < 0.6, english_digits)}"
    if labelled:
        return f"{rng.choice(('প্রকাশ: ', 'প্রকাশ : ', 'প্রকাশিত: ', 'প্রকাশিত : '))}{day_text}"
    if not has_time:
        return day_text
    later = moment + timedelta(minutes=rng.randrange(20, 600))
    update = _day_text(later.date(), english_digits, 0) + ", " + _clock(later, rng.random() < 0.6, english_digits)
    return f"{day_text} | আপডেট: {update}"
