"""Synthetic page furniture in the forms the issue names, laid over the real furniture.

Every function returns blocks: tuples of lines that stand together (a dump puts a blank line
between blocks). The wording imitates what Bangladeshi sites print; the headlines in tickers
and lists are real ones, of other articles.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from .calendars import bn, gregorian_bn

Block = tuple[str, ...]

SECTIONS = ("হোম", "জাতীয়", "রাজনীতি", "সারাদেশ", "আন্তর্জাতিক", "অর্থনীতি", "খেলা", "বিনোদন", "মতামত", "প্রযুক্তি",
            "শিক্ষা", "স্বাস্থ্য", "লাইফস্টাইল", "ধর্ম", "চাকরি", "ভিডিও", "ছবি", "আর্কাইভ", "ই-পেপার", "ফিচার",
            "প্রবাস", "আইন-আদালত", "রাজধানী", "বাণিজ্য", "সম্পাদকীয়", "উপসম্পাদকীয়", "কৃষি", "পরিবেশ")
TICKER_HEADINGS = ("শিরোনাম", "ব্রেকিং নিউজ", "সর্বশেষ", "শিরোনাম:", "এইমাত্র", "ব্রেকিং")
LIST_HEADINGS = ("সর্বশেষ", "এ বিভাগের আরও খবর", "সর্বাধিক পঠিত", "এই বিভাগের আরও খবর", "সর্বশেষ খবর", "আরও পড়ুন",
                 "সম্পর্কিত খবর", "জনপ্রিয়", "পাঠকপ্রিয়")
CAPTIONS = ("ছবি: সংগৃহীত", "প্রতীকী ছবি", "ছবি: ফাইল", "ফাইল ছবি", "ছবি: সংগৃহীত।", "ছবি: প্রতিনিধি", "প্রতীকী ছবি।")
ADS = ("বিজ্ঞাপন", "advertisement", "Advertisement", "ADVERTISEMENT", "বিজ্ঞাপন", "[বিজ্ঞাপন]")
DESKS = ("নিজস্ব প্রতিবেদক", "অনলাইন ডেস্ক", "আন্তর্জাতিক ডেস্ক", "স্পোর্টস ডেস্ক", "বিনোদন ডেস্ক", "স্টাফ রিপোর্টার",
         "ডিজিটাল ডেস্ক", "বাণিজ্য ডেস্ক")
AUTHORS = ("মো. রাশেদুল ইসলাম", "তানজিলা হক", "আবদুল্লাহ আল মামুন", "শাহনাজ পারভীন", "রফিকুল ইসলাম, চট্টগ্রাম",
           "জেলা প্রতিনিধি, বগুড়া", "মাহমুদুল হাসান", "নুসরাত জাহান", "সাইফুল ইসলাম, রাজশাহী", "কামরুল হাসান")
AUTHOR_NOTES = ("লেখক : অধ্যাপক, অর্থনীতি বিভাগ, ঢাকা বিশ্ববিদ্যালয়", "লেখক: সাংবাদিক ও কলাম লেখক",
                "লেখক : সাবেক রাষ্ট্রদূত ও নিরাপত্তা বিশ্লেষক", "লেখক: গবেষক, বাংলাদেশ উন্নয়ন গবেষণা প্রতিষ্ঠান",
                "লেখক : কথাসাহিত্যিক")
SHARE_WIDGETS = (("শেয়ার করুন", "Facebook", "Twitter", "WhatsApp"), ("* Share", "* প্রিন্ট", "* Copied", "কপি লিঙ্ক"),
                 ("Share this news on:",), ("ফেসবুকে শেয়ার", "টুইটারে শেয়ার", "লিংক কপি"))
VIDEO_PLAYER = (
    ("Video Player is loading.", "Play Video", "Play", "Mute", "Current Time 0:00", "/", "Duration 3:27",
     "Loaded : 0%", "Stream Type LIVE", "Remaining Time -3:27", "1x", "Playback Rate", "Captions",
     "* captions off , selected", "Audio Track", "Fullscreen"),
    ("This is a modal window.",),
    ("Beginning of dialog window. Escape will cancel and close the window.",),
    ("Reset restore all settings to the default values Done", "Close Modal Dialog"),
    ("End of dialog window.",),
)
IMPRINT_ROLES = ("সম্পাদক", "প্রকাশক", "সম্পাদক ও প্রকাশক", "ভারপ্রাপ্ত সম্পাদক", "নির্বাহী সম্পাদক")
IMPRINT_NAMES = ("মাহফুজ আনাম", "শফিকুল করিম", "নাসির উদ্দিন আহমেদ", "মোস্তফা কামাল", "ফারহানা রহমান", "আবু তাহের")
ADDRESSES = ("৩৭১/এ, তেজগাঁও শিল্প এলাকা, ঢাকা-১২০৮", "কারওয়ান বাজার, ঢাকা-১২১৫", "৫২, মতিঝিল বাণিজ্যিক এলাকা, ঢাকা-১০০০",
             "প্লট-৩১৪/এ, রোড-১৮, ব্লক-ই, বসুন্ধরা আ/এ, ঢাকা-১২২৯")


def _items(rng: random.Random, headlines: list[str], low: int, high: int) -> list[str]:
    return rng.sample(headlines, min(len(headlines), rng.randint(low, high)))


def menu_run_together(rng: random.Random) -> list[Block]:
    """Section names printed with no space between them, as a dump of an inline menu reads."""
    return [("".join(rng.sample(SECTIONS, rng.randint(6, 12))),)]


def menu_bulleted(rng: random.Random) -> list[Block]:
    return [tuple(f"{rng.choice(('* ', '• ', 'o '))}{s}" for s in rng.sample(SECTIONS, rng.randint(5, 12)))]


def menu_numbered(rng: random.Random) -> list[Block]:
    return [tuple(f"{i}. {s}" for i, s in enumerate(rng.sample(SECTIONS, rng.randint(4, 9)), start=1))]


def ticker(rng: random.Random, headlines: list[str]) -> list[Block]:
    """A ticker heading and a run of other stories' headlines, bulleted or bare, or on one line."""
    items = _items(rng, headlines, 4, 10)
    heading = rng.choice(TICKER_HEADINGS)
    shape = rng.randrange(3)
    if shape == 0:
        return [(heading, *(f"* {h}" for h in items))]
    if shape == 1:
        return [(heading,), tuple(items)]
    return [(heading, " | ".join(items))]


def breadcrumb(rng: random.Random, title: str | None, section: str) -> list[Block]:
    """হোম › section › headline, the headline sometimes cut short with "..."."""
    last = []
    if title:
        words = title.split()
        last = [" ".join(words[:max(2, len(words) // 2)]) + " ..." if rng.random() < 0.4 else title]
    parts = ["হোম", section, *last]
    shape = rng.randrange(3)
    if shape == 0:
        return [tuple(f"{i}. {p}" for i, p in enumerate(parts, start=1))]
    return [(rng.choice((" / ", " › ", " » ")).join(parts),)] if shape == 1 else [tuple(parts)]


def _list_date(rng: random.Random, today: date) -> str:
    """The date or age a list prints beside an entry."""
    moment = datetime.combine(today, datetime.min.time()) - timedelta(minutes=rng.randrange(5, 4000))
    shape = rng.randrange(3)
    if shape == 0:
        return f"{bn(rng.randint(1, 59))} মিনিট আগে" if rng.random() < 0.5 else f"{bn(rng.randint(1, 23))} ঘণ্টা আগে"
    if shape == 1:
        return f"{gregorian_bn(moment.date())}, {bn(f'{moment.hour:02d}:{moment.minute:02d}')}"
    return moment.strftime("%b %d, %Y")


def headline_list(rng: random.Random, headlines: list[str], today: date | None) -> list[Block]:
    """A সর্বশেষ / এ বিভাগের আরও খবর / সর্বাধিক পঠিত list; with ``today``, some entries carry a date."""
    items = _items(rng, headlines, 4, 10)
    dated = today is not None and rng.random() < 0.5
    bullet = rng.choice(("", "* ", "• "))
    lines = [f"{bullet}{h}{' ' + _list_date(rng, today) if dated else ''}" for h in items]
    tight = rng.random() < 0.5
    return [(rng.choice(LIST_HEADINGS),)] + ([tuple(lines)] if tight else [(line,) for line in lines])


def read_more(rng: random.Random, headlines: list[str]) -> list[Block]:
    return [("আরও পড়ুন",), (rng.choice(headlines),)] if rng.random() < 0.5 else [(f"আরও পড়ুন: {rng.choice(headlines)}",)]


def video_player() -> list[Block]:
    return list(VIDEO_PLAYER)


def author_note(rng: random.Random) -> list[Block]:
    return [(rng.choice(AUTHOR_NOTES),)]


def share_widget(rng: random.Random) -> list[Block]:
    return [rng.choice(SHARE_WIDGETS)]


def imprint(rng: random.Random, outlet_name: str | None, year: int) -> list[Block]:
    """সম্পাদক / প্রকাশক, address, phone and a © line; the © line names the outlet only when given one."""
    roles = rng.sample(IMPRINT_ROLES, 2)
    names = rng.sample(IMPRINT_NAMES, 2)
    owner = outlet_name or "সর্বস্বত্ব সংরক্ষিত"
    lines = (f"{roles[0]} : {names[0]}", f"{roles[1]}: {names[1]}", rng.choice(ADDRESSES),
             f"ফোন : +৮৮০-২-{bn(rng.randint(41000000, 99999999))}", f"ইমেইল: info{rng.randint(1, 99)}@example.com",
             f"© {bn(year)} {owner}" if rng.random() < 0.5 else f"স্বত্ব © {year} {owner}")
    return [lines] if rng.random() < 0.5 else [(line,) for line in lines]


# ---------------------------------------------------------------- listing pages

def latest_listing(rng: random.Random, headlines: list[str], today: date) -> list[Block]:
    """A latest-news page: headline, then its age and section."""
    out = [("সর্বশেষ",)]
    for headline in _items(rng, headlines, 12, 30):
        out += [(headline,), (f"{_list_date(rng, today)} | {rng.choice(SECTIONS)}",)]
    return out


def archive_listing(rng: random.Random, headlines: list[str], today: date) -> list[Block]:
    """An archive page: section, headline, প্রকাশিত : date."""
    out = [("কোন তারিখের খবর চান?",), (gregorian_bn(today),)]
    moment = datetime.combine(today, datetime.min.time()) + timedelta(hours=18)
    for headline in _items(rng, headlines, 12, 30):
        moment -= timedelta(minutes=rng.randrange(3, 40))
        out += [(rng.choice(SECTIONS),), (headline,),
                (f"প্রকাশিত : {gregorian_bn(moment.date())}, {bn(moment.strftime('%I:%M'))} {moment.strftime('%p')}",)]
    return out


def section_listing(rng: random.Random, stories: list[tuple[str, str]]) -> list[Block]:
    """A section page: each story's headline and its lead sentence, the form most like an article."""
    out = [(rng.choice(SECTIONS),)]
    for headline, lead in rng.sample(stories, min(len(stories), rng.randint(6, 14))):
        out += [(headline,), (lead,)] if rng.random() < 0.7 else [(headline, lead)]
    return out + [("এই বিভাগের আরও খবর »",)]


def home_listing(rng: random.Random, headlines: list[str], today: date) -> list[Block]:
    """A home page: several headed blocks of headlines."""
    out = []
    for heading in rng.sample(LIST_HEADINGS + SECTIONS[1:8], rng.randint(3, 6)):
        items = _items(rng, headlines, 3, 8)
        out += [(heading,), tuple(f"* {h}" for h in items)]
    return out + headline_list(rng, headlines, today)
