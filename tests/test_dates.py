"""Tests for loaders/dates.py: real header and body date strings, calendars, times, spans."""
from __future__ import annotations

import datetime as dt
import inspect
import unicodedata
from pathlib import Path

import pytest

from loaders import dates
from loaders.dates import (
    DateMatch,
    bangla_to_gregorian,
    find_dates,
    find_times,
    find_weekdays,
    gregorian_to_bangla,
    parse_iso_datetime,
)

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
G, B, H = "gregorian", "bangla", "hijri"


def nfc(text: str) -> str:
    """The form find_dates expects (textnorm hands it NFC text)."""
    return unicodedata.normalize("NFC", text)


def fields(m: DateMatch) -> tuple:
    """The compared part of a match: (calendar, year, month, day, hour, minute)."""
    return (m.calendar, m.year, m.month, m.day, m.hour, m.minute)


# (line, expected matches in order as (calendar, year, month, day, hour, minute)); [] = no date.
CASES = [
    # --- seed articles (data/sample) ---
    ("ঢাকা, সোমবার, ২০ শ্রাবণ ১৪৩২, ০৪ আগস্ট ২০২৫, ০৯ সফর ১৪৪৭",
     [(B, 1432, 4, 20, None, None), (G, 2025, 8, 4, None, None), (H, 1447, 2, 9, None, None)]),
    ("আপডেট: ২১:৩০, মার্চ ২৮, ২০২৪", [(G, 2024, 3, 28, 21, 30)]),
    ("বাংলাদেশ সময়: ২১৩০ ঘণ্টা, মার্চ ২৮, ২০২৪", [(G, 2024, 3, 28, 21, 30)]),
    ("২০২২ সালে ইউক্রেন আক্রমণের পর থেকে পুতিন", [(G, 2022, None, None, None, None)]),
    ("১,১৫০ ফুট উঁচুতে বিশ্বকাপ স্টেডিয়াম নির্মাণের পরিকল্পনা সৌদি আরবের Oct 29, 2025",
     [(G, 2025, 10, 29, None, None)]),
    ("ইতিহাসের কলঙ্কিত অধ্যায় ২৮ অক্টোবর : মুহাম্মদ শাহজাহান Oct 28, 2025",
     [(G, None, 10, 28, None, None), (G, 2025, 10, 28, None, None)]),
    ("উত্তর কোরিয়া ইউক্রেনের যুদ্ধে ১০ হাজারের বেশি সেনা মোতায়েন করেছে। দক্ষিণ কোরিয়ার গোয়েন্দা সংস্থা "
     "সেপ্টেম্বরে অনুমান করেছিল, যুদ্ধে প্রায় ২ হাজার উত্তর কোরিয়ার সেনা নিহত হয়েছে।", []),
    ("এশিয়ায় দ্বিতীয় বিশ্বযুদ্ধের সমাপ্তির ৮০তম বার্ষিকী উপলক্ষে গত মাসে", []),
    ("১৩ সেপ্টেম্বর, রাশিয়ার নিরাপত্তা পরিষদের সচিব সের্গেই শোইগুর পিয়ংইয়ং সফরের অংশ হিসেবে",
     [(G, None, 9, 13, None, None)]),
    ("১৩ সেপ্টেম্বর সন্ধ্যায় উত্তর কোরিয়ার প্রেসিডেন্ট কিম জং-উন", [(G, None, 9, 13, None, None)]),
    ("যা ৩ মাস আগে শীর্ষ সম্মেলনে রাষ্ট্রপতি পুতিন", []),
    ("মঙ্গলবার, ১৬ এপ্রিল ২০২৪", [(G, 2024, 4, 16, None, None)]),
    ("৩ বৈশাখ ১৪৩১", [(B, 1431, 1, 3, None, None)]),
    ("১৫ আগস্ট ২০২২, ১১:৩০আপডেট : ১৫ আগস্ট ২০২২, ১৫:১২",
     [(G, 2022, 8, 15, 11, 30), (G, 2022, 8, 15, 15, 12)]),
    ("সরকারি চাকরির বড় নিয়োগ বিজ্ঞপ্তি, আবেদন শেষ ১৮ এপ্রিল", [(G, None, 4, 18, None, None)]),
    ("৪ দিনেই হল থেকে নামলো ঈদের তিন সিনেমা!", []),
    ("প্রকাশ: ১৩ আগস্ট ২০২৫, ১৩:২১", [(G, 2025, 8, 13, 13, 21)]),
    ("ঢাকা, ১৩ আগস্ট, ২০২৫ (বাসস) : রাশিয়ার প্রেসিডেন্ট", [(G, 2025, 8, 13, None, None)]),
    ("চট্টগ্রামের ভাটিয়ারিতে ১২০০ পিস ইয়াবাসহ রোহিঙ্গা যুবক গ্রেফতার", []),
    ("বেগম খালেদা জিয়ার ৮০তম জন্মবার্ষিকীতে দেশব্যাপী দোয়া শুক্রবার", []),
    # --- Ittefaq 2019 headers and bodies ---
    ("প্রকাশ : ২৪ মার্চ ২০১৯, ১৬:৩৩", [(G, 2019, 3, 24, 16, 33)]),
    ("প্রকাশ : ২৫ মার্চ ২০১৯, ০০:০০", [(G, 2019, 3, 25, 0, 0)]),
    ("২০১৮ সালের ১৩ মার্চ এই আসনের উপনির্বাচনে", [(G, 2018, 3, 13, None, None)]),
    ("২৬ মার্চ ১৯৭১ কালুরঘাট থেকে", [(G, 1971, 3, 26, None, None)]),
    ("মার্চ ১৯৭১ কালুরঘাট থেকে", [(G, 1971, 3, None, None, None)]),
    ("হয়।১৯৭১ সালের ১০ মে থেকে ৮ ডিসেম্বর পর্যন্ত",
     [(G, 1971, 5, 10, None, None), (G, None, 12, 8, None, None)]),
    ("মে ৬৪ জিবি পর্যন্ত", []),
    ("সেন্টাল মে ৭২টি সাঁওতাল পরিবারের", []),
    ("নির্বাচন অনুষ্ঠিত হয়ে ১৯ মে শেষ হবে", []),            # মে without year or cue: not trusted
    ("সর্বশেষ গত ৮ মে বিএসইসির কমিশনার", [(G, None, 5, 8, None, None)]),
    ("স্বাধীনতা দিবসআগামী ১লা মে থেকে ঢাকা", [(G, None, 5, 1, None, None)]),
    ("মেষ রাশি (২১ মার্চ-২০ এপ্রিল)", [(G, None, 3, 21, None, None), (G, None, 4, 20, None, None)]),
    ("গেছে।\u00a0রোববার ২৪ মার্চ পেকুয়া উপজেলা পরিষদ", [(G, None, 3, 24, None, None)]),
    ("অবিলম্বে ১৫ আগস্টের সরকারি ছুটি বাতিল", [(G, None, 8, 15, None, None)]),
    ("শিক্ষার্থীরা। কিন্তু ১৪ জুলাই’র পর থেকে", [(G, None, 7, 14, None, None)]),
    ("মার্চে ১০ দশমিক ১০ শতাংশ", []),
    ("১৯ রজব ১৪৪০ হিজরি। নৈসর্গিক রাশি", [(H, 1440, 7, 19, None, None)]),
    # --- CSV / JSON date fields ---
    ("2024/08/12", [(G, 2024, 8, 12, None, None)]),
    ("2024-01-02 04:37:50", [(G, 2024, 1, 2, 4, 37)]),
    ("2024-08-05 23:41:40", [(G, 2024, 8, 5, 23, 41)]),
    ("2025-12-30T10:54:21+06:00", [(G, 2025, 12, 30, 10, 54)]),
    ("2025-12-30T06:07:43+00:00", [(G, 2025, 12, 30, 12, 7)]),
    ("Unknown", []),
    # --- news bodies from the 2024/2025 datasets and common phrasings ---
    ("স্পোর্টস ডেস্ক প্রকাশ: ২৮ ডিসেম্বর ২০২৫ | ১৩:১২ ক্রিশ্চিয়ানো রোনালদো", [(G, 2025, 12, 28, 13, 12)]),
    ("আজ মঙ্গলবার, ১৩ আগস্ট ২০২৪। বাংলায় ২৯ শ্রাবন।",
     [(G, 2024, 8, 13, None, None), (B, None, 4, 29, None, None)]),
    ("খালেদা জিয়া মঙ্গলবার (৩০ ডিসেম্বর) সকাল ৬টায় এভারকেয়ার হাসপাতালে", [(G, None, 12, 30, 6, 0)]),
    ("শেষ তারিখ ও সময় ৯ ফেব্রুয়ারি (শুক্রবার) রাত ১২টা।", [(G, None, 2, 9, 0, 0)]),
    ("গুলি চালালে গত ১৯ জুলাই বিকেল ৪টার দিকে মোহাম্মদপুর", [(G, None, 7, 19, 16, 0)]),
    ("১৪ আগস্ট সকাল ৯:৩০ মিনিটে অ্যাডিলেড", [(G, None, 8, 14, 9, 30)]),
    ("অপরদিকে ৩০ মার্চ দুপুর ১২টা থেকে বিকাল ৫টা পর্যন্ত", [(G, None, 3, 30, 12, 0)]),
    ("মার্চ ছিল শুক্রবার। ২৫ মার্চ রাত ১১টায় আমি আর মণি ভাই", [(G, None, 3, 25, 23, 0)]),
    ("সোমবার (২৯ ডিসেম্বর) দুপুর ১২টা ৩৫ মিনিট থেকে", [(G, None, 12, 29, 12, 35)]),
    ("বুধবার (৭ আগস্ট) বিকেল সাড়ে ৪টার দিকে চাটখিল", [(G, None, 8, 7, 16, 30)]),
    ("ট্রেনের টিকিট ১২ আগস্ট বিকাল ৫টা থেকে ক্রয় করা যাবে", [(G, None, 8, 12, 17, 0)]),
    ("ওই বছরের ২২ জুন রাত ৩টায় হসপাতালে ভর্তি", [(G, None, 6, 22, 3, 0)]),
    ("সরকার ৪ আগস্ট সন্ধ্যা ৬টা থেকে অনির্দিষ্টকালের কারফিউ", [(G, None, 8, 4, 18, 0)]),
    ("১৯৮১ সালের ৩০ মে চট্টগ্রামে এক সেনাবিদ্রোহে", [(G, 1981, 5, 30, None, None)]),
    ("এনপিতে যোগ দেন ১৯৮৩ সালের ৩রা জানুয়ারি। প্রথমে", [(G, 1983, 1, 3, None, None)]),
    ("পরে ২০২৪ সালের জুনে তার হৃদপিণ্ডে", [(G, 2024, 6, None, None, None)]),
    ("ধানমন্ডি, ১৯৭৫ সালে ১৫ আগস্ট ধানমন্ডি", [(G, 1975, 8, 15, None, None)]),
    ("কোম্পানিটি ১৯৫৮ সালে মে অ্যান্ড বেকার নামে", [(G, 1958, None, None, None, None)]),
    ("১৫ আগস্ট ২০২৪ ইংরেজি, ২৮ শ্রাবণ ১৪৩১ বাংলা, ৬ সফর ১৪৪৬ হিজরি",
     [(G, 2024, 8, 15, None, None), (B, 1431, 4, 28, None, None), (H, 1446, 2, 6, None, None)]),
    ("ঢাকা, ৩০ ডিসেম্বর, ২০২৫ ১৫ পৌষ, ১৪৩২ বঙ্গাব্দ",
     [(G, 2025, 12, 30, None, None), (B, 1432, 9, 15, None, None)]),
    ("আগামী বছরের ২০২৫ (১৪৪৬ হিজরি) হজের প্রস্তুতিমূলক", [(H, 1446, None, None, None, None)]),
    ("১৫ জমাদিউল আউয়াল ১৪৪৬", [(H, 1446, 5, 15, None, None)]),
    ("১০ মহররম পবিত্র আশুরা", [(H, None, 1, 10, None, None)]),
    ("২৭ রমজান ১৪৪৫ হিজরি", [(H, 1445, 9, 27, None, None)]),
    ("মো. রমজান আলী ২ জনকে নিয়ে", []),
    ("চীন সফর ২০২৪ শেষে", []),
    ("চীন সফর ২০২৪ সালে শেষ হয়", [(G, 2024, None, None, None, None)]),
    ("প্রধানমন্ত্রী থেরেসা মে ২০১৯ সালে পদত্যাগ করেন", [(G, 2019, None, None, None, None)]),
    ("সোমবার দুপুর ১২টা থেকে ৮ মার্চ (শুক্রবার) ১২টা পর্যন্ত।", [(G, None, 3, 8, None, None)]),
    ("রাত ৯টায় তিনি জানান ১৫ আগস্ট ২০২৪ সালের কর্মসূচি", [(G, 2024, 8, 15, None, None)]),
    ("২০ জ্যৈষ্ঠ ১৪৩১", [(B, 1431, 2, 20, None, None)]),
    ("৫ আষাড় ১৪৩১", [(B, 1431, 3, 5, None, None)]),
    ("১লা বৈশাখ বর্ষবরণ", [(B, None, 1, 1, None, None)]),
    ("Officers started on 12 December, a day after", [(G, None, 12, 12, None, None)]),
    ("Division.On 12 August, 2024, he was elevated", [(G, 2024, 8, 12, None, None)]),
    ("Akhtar was born on 18 May, and their", [(G, None, 5, 18, None, None)]),
    ("১৫ আগস্ট ২০২২", [(G, 2022, 8, 15, None, None)]),
    ("15 August 2022", [(G, 2022, 8, 15, None, None)]),
    ("September 3 2024", [(G, 2024, 9, 3, None, None)]),
    ("Sept. 3, 2024", [(G, 2024, 9, 3, None, None)]),
    ("১২/০৮/২০২৪", [(G, 2024, 8, 12, None, None)]),
    ("১২-০৮-২০২৪", [(G, 2024, 8, 12, None, None)]),
    ("২০23-01-05", [(G, 2023, 1, 5, None, None)]),
    ("2024-03-28T21:30", [(G, 2024, 3, 28, 21, 30)]),
    ("২১শে ফেব্রুয়ারি আন্তর্জাতিক মাতৃভাষা দিবস", [(G, None, 2, 21, None, None)]),
    ("১৬ই ডিসেম্বর বিজয় দিবস", [(G, None, 12, 16, None, None)]),
    ("৫ মে ২০২৪", [(G, 2024, 5, 5, None, None)]),
    ("মে ৫, ২০২৪", [(G, 2024, 5, 5, None, None)]),
    ("১০:৩০ পিএম, ১২ মার্চ ২০২৪", [(G, 2024, 3, 12, 22, 30)]),
    ("প্রকাশিত: ১০:৩০ এএম, ১২ মার্চ ২০২৪", [(G, 2024, 3, 12, 10, 30)]),
    ("Tuesday, April 16, 2024 10:30 PM", [(G, 2024, 4, 16, 22, 30)]),
    ("রাত ৯টা, ৫ আগস্ট ২০২৪", [(G, 2024, 8, 5, 21, 0)]),
    ("সকাল ১০টা ১৭ মিনিট, ১৫ মার্চ ২০২৪", [(G, 2024, 3, 15, 10, 17)]),
    ("রাত ১১:১৫, ১৫ মার্চ ২০২৪", [(G, 2024, 3, 15, 23, 15)]),
    ("দুপুর ২টা, ১৫ মার্চ ২০২৪", [(G, 2024, 3, 15, 14, 0)]),
    # --- impossible dates and look-alikes ---
    ("৩০ ফেব্রুয়ারি ২০২৪", []),
    ("৩২ মার্চ ২০২৪", []),
    ("০ মার্চ ২০২৪", []),
    ("০০ জুন", []),
    ("৩১ রজব ১৪৪৫", []),
    ("২৯ ফেব্রুয়ারি ২০২৩", []),
    ("২৯ ফেব্রুয়ারি ২০২৪", [(G, 2024, 2, 29, None, None)]),
    ("১২/১৩/২০২৪", []),
    ("২০২৪-১৩-০১", []),
    ("৩১ কার্তিক ১৪৩১", []),
    ("৩১ আশ্বিন ১৪৩১", [(B, 1431, 6, 31, None, None)]),  # আশ্বিন has 31 days since the 2019 revision
    ("৪-২ গোলে জিতেছে আর্জেন্টিনা", []),
    ("এপ্রিল মাসে ১০ জন নিহত", []),
    ("ঢাকা-১৭ আসনের উপনির্বাচন", []),
    ("যোগাযোগ: ০১৭১১-২২৩৩৪৪", []),
    ("২০২৪-২৫ অর্থবছরের বাজেট", []),
    ("লিটারে ১০ টাকা বাড়লো সয়াবিন তেলের দাম", []),
    ("১১:৩০", []),
    # --- পূর্বাহ্ণ / অপরাহ্ণ (forenoon, afternoon) after a clock time, in either spelling ---
    ("০৭ ডিসেম্বর ২০২৫, ১০:৩০ অপরাহ্ণ", [(G, 2025, 12, 7, 22, 30)]),
    ("প্রকাশের সময় : ডিসেম্বর ৭, ২০২৫, ১০:৩০ অপরাহ্ন", [(G, 2025, 12, 7, 22, 30)]),
    ("প্রকাশিত: রোববার, ০৭ ডিসেম্বর ২০২৫, ১২:১৫ পূর্বাহ্ণ", [(G, 2025, 12, 7, 0, 15)]),
    # --- an era word between a date and its time ---
    ("প্রকাশ: ২৩ নভেম্বর ২০২৫ ইং, ১০:৩০ পিএম", [(G, 2025, 11, 23, 22, 30)]),
    ("০৭/১২/২০২৫ ইংরেজি ২২:১০", [(G, 2025, 12, 7, 22, 10)]),
    ("০৭ ডিসেম্বর ২০২৫ ইংলিশ ১০:৩০", [(G, 2025, 12, 7, None, None)]),
    ("রবিবার, ৭ ডিসেম্বর ২০২৫ খ্রিস্টাব্দ", [(G, 2025, 12, 7, None, None)]),  # the era word is in the span
    ("৭ ডিসেম্বর ২০২৫ খ্রিঃ, ১০:৩০", [(G, 2025, 12, 7, 10, 30)]),
    # --- forms read off public scrapers of Samakal, Manab Zamin and Banglanews24 ---
    ("প্রকাশ: ০৮ জানুয়ারি ২৩ । ২০:১৬ | আপডেট: ০৮ জানুয়ারি ২৩ । ২০:৩০",
     [(G, 2023, 1, 8, 20, 16), (G, 2023, 1, 8, 20, 30)]),  # a two-digit year, before its time only
    ("গত ১৫ জুলাই ২৩ জনকে গ্রেপ্তার করা হয়", [(G, None, 7, 15, None, None)]),
    ("১১ এপ্রিল (শনিবার), ২০২৬", [(G, 2026, 4, 11, None, None)]),  # the weekday between month and year
    ("২০১৯-০৮-২২ ৩:৫০:২২ পিএম", [(G, 2019, 8, 22, 15, 50)]),
    ("2024-08-05 pm", [(G, 2024, 8, 5, None, None)]),
    # --- a visarga for the clock's colon, as Bengali typists often write it ---
    ("প্রকাশঃ ০৭ ডিসেম্বর ২০২৫, ০৪ঃ৩০ পিএম", [(G, 2025, 12, 7, 16, 30)]),
    # --- short Bengali month names: with a year or a cue only ---
    ("৭ ডিসে. ২০২৫", [(G, 2025, 12, 7, None, None)]),
    ("প্রকাশ: ০৭ নভে ২০২৫, ০৯:১০", [(G, 2025, 11, 7, 9, 10)]),
    ("আগামী ১৫ জানু", [(G, None, 1, 15, None, None)]),
    ("ডান জানু ২০ বার ভাঁজ করুন", []),
    ("১০ নভে", []),
    # --- a space after the clock's colon, as Prothom Alo prints it: beside a date only ---
    ("প্রকাশ: ০৮ আগস্ট ২০২৫, ১০: ৫৫", [(G, 2025, 8, 8, 10, 55)]),
    ("আপডেট: ০৩ জানুয়ারি ২০২৪, ১৩: ২৯", [(G, 2024, 1, 3, 13, 29)]),
    ("প্রকাশ : ০৭ ডিসেম্বর ২০২৫ , ১৬ : ৩০", [(G, 2025, 12, 7, 16, 30)]),
    ("ফলাফল ৪ : ১৫, ২০২৫ সালে", [(G, 2025, None, None, None, None)]),
    ("আপডেট: ১৯১৬ ঘণ্টা, ডিসেম্বর ৭, ২০২৫", [(G, 2025, 12, 7, 19, 16)]),  # banglanews24's form, no "সময়" cue
    ("০৭ ডিসেম্বর ২০২৫, ১০.৩০ পিএম", [(G, 2025, 12, 7, 22, 30)]),  # a dot for the colon, with a marker
    ("২.৫০ শতাংশ, ৭ ডিসেম্বর ২০২৫", [(G, 2025, 12, 7, None, None)]),
    ("৭ ডিসেম্বর ২০২৫, ১০.৩০", [(G, 2025, 12, 7, None, None)]),
    # --- a clock time belongs to a day, not to a year or a month ---
    ("সুরা বাকারা ২:১৫, ২০২৪ সালে", [(G, 2024, None, None, None, None)]),
    ("জানুয়ারি ২০২৪, ১০:৩০", [(G, 2024, 1, None, None, None)]),
]


@pytest.mark.parametrize(("line", "expected"), CASES, ids=[f"case{i:03d}" for i in range(len(CASES))])
def test_find_dates_table(line, expected):
    line = nfc(line)
    found = find_dates(line)
    assert [fields(m) for m in found] == expected
    for m in found:
        assert line[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "matches overlap or are out of order"


def test_table_is_large_enough():
    assert len(CASES) >= 50
    assert sum(1 for _, expected in CASES if not expected) >= 15


def test_seed_header_weekday_goes_to_first_date_only():
    line = nfc("ঢাকা, সোমবার, ২০ শ্রাবণ ১৪৩২, ০৪ আগস্ট ২০২৫, ০৯ সফর ১৪৪৭")
    bn, gr, hj = find_dates(line)
    assert (bn.weekday, gr.weekday, hj.weekday) == (0, None, None)
    assert bn.text == nfc("সোমবার, ২০ শ্রাবণ ১৪৩২")
    assert bn.to_gregorian() == gr.to_gregorian() == dt.date(2025, 8, 4)
    assert bn.iso is None and gr.iso == "2025-08-04" and hj.iso is None
    assert hj.to_gregorian() is None and hj.precision == "day"


@pytest.mark.parametrize(("line", "weekday"), [
    ("মঙ্গলবার, ১৬ এপ্রিল ২০২৪", 1),
    ("আজ মঙ্গলবার, ১৩ আগস্ট ২০২৪।", 1),
    ("দিনটি ছিল শুক্রবার, ১৯ মার্চ ১৯৭১।", 4),
    ("গত ২৪ সেপ্টেম্বর ২০২২, শনিবার ধানমন্ডির", 5),
    ("নির্বাচন আগামী ৩১ মার্চ রবিবার অনুষ্ঠিত হবে", 6),
    ("বিজয়ী বাছাই লটারি। ৩১ ডিসেম্বর, রোববার", 6),
    ("খালেদা জিয়া মঙ্গলবার (৩০ ডিসেম্বর) সকাল ৬টায়", 1),
    ("পরিস্থিতিতে সোমবার (৫ আগস্ট) পদত্যাগ করে দেশ ছাড়েন", 0),
    ("পূরণ ও জমা শেষ হবে ৭ ফেব্রুয়ারি (বুধবার)।", 2),
    ("Tuesday, April 16, 2024", 1),
    ("this afternoon, Wednesday 24 December, convened", 2),
    ("১৬ এপ্রিল ২০২৪", None),
    ("সোমবার মস্কোতে বৈঠক, ১৬ এপ্রিল ২০২৪", None),
])
def test_weekday_attachment(line, weekday):
    line = nfc(line)
    (m,) = find_dates(line)
    assert m.weekday == weekday
    assert line[m.start:m.end] == m.text
    assert m.text.count("(") == m.text.count(")")


def test_two_dates_each_take_their_own_time():
    line = nfc("১৫ আগস্ট ২০২২, ১১:৩০আপডেট : ১৫ আগস্ট ২০২২, ১৫:১২")
    first, second = find_dates(line)
    assert (first.iso, second.iso) == ("2022-08-15T11:30", "2022-08-15T15:12")
    assert first.text == nfc("১৫ আগস্ট ২০২২, ১১:৩০")
    assert second.text == nfc("১৫ আগস্ট ২০২২, ১৫:১২")
    assert first.end <= second.start


def test_a_time_between_two_dates_goes_to_the_nearer_one_only():
    line = nfc("১২ মার্চ ২০২৪,  ১০:৩০, ১৩ মার্চ ২০২৪")
    first, second = find_dates(line)
    assert (first.hour, second.hour) == (None, 10)
    line = nfc("১২ মার্চ ২০২৪, ১০:৩০,  ১৩ মার্চ ২০২৪")
    first, second = find_dates(line)
    assert (first.hour, second.hour) == (10, None)


def test_time_first_and_hhmm_forms_cover_the_span():
    line = nfc("আপডেট: ২১:৩০, মার্চ ২৮, ২০২৪")
    (m,) = find_dates(line)
    assert m.text == nfc("২১:৩০, মার্চ ২৮, ২০২৪") and m.precision == "minute"
    line = nfc("বাংলাদেশ সময়: ২১৩০ ঘণ্টা, মার্চ ২৮, ২০২৪")
    (m,) = find_dates(line)
    assert m.iso == "2024-03-28T21:30" and m.text.startswith(nfc("২১৩০"))


@pytest.mark.parametrize(("line", "expected"), [
    ("১৬:৩৩", [(16, 33)]),
    ("10:30 AM", [(10, 30)]),
    ("12:05 am", [(0, 5)]),
    ("12:05 PM", [(12, 5)]),
    ("১০:৩০ পিএম", [(22, 30)]),
    ("9 PM", [(21, 0)]),
    ("রাত ৯টায়", [(21, 0)]),
    ("রাত ২টায়", [(2, 0)]),
    ("রাত ১২টা", [(0, 0)]),
    ("ভোর ৪টা", [(4, 0)]),
    ("সকাল ১০টা ১৭ মিনিট", [(10, 17)]),
    ("দুপুর ১২টার দিকে", [(12, 0)]),
    ("দুপুর ৩টা", [(15, 0)]),
    ("বিকেল সাড়ে ৪টায়", [(16, 30)]),
    ("সন্ধ্যা পৌনে ৭টা", [(18, 45)]),
    ("রাত ১১:১৫", [(23, 15)]),
    ("সময়ঃ ১০ঃ৩০", [(10, 30)]),
    ("সুরা বাকারা, আয়াত ২ : ১৫৫", []),
    ("সকাল ১০টা থেকে বিকাল ৪টা", [(10, 0), (16, 0)]),
    ("বাংলাদেশ সময়: ২১৩০ ঘণ্টা", [(21, 30)]),
    ("১২০০ ঘণ্টা কাজ করেছেন", []),
    ("১০টা গাড়ি পুড়েছে", []),
    ("২৫:৩০", []),
    ("সুরা বাকারা, আয়াত ২: ১৫৫", []),
    ("আয়াত ২: ১৫", []),
    ("রাত ১০.৩০", [(22, 30)]),
    ("১০.৩০ পিএম", [(22, 30)]),
    ("দাম ১০.৫০ টাকা", []),
    ("৪-২ গোলে", []),
    ("কোনো সংখ্যা নেই", []),
])
def test_find_times(line, expected):
    line = nfc(line)
    found = find_times(line)
    assert [(t.hour, t.minute) for t in found] == expected
    assert all(line[t.start:t.end] == t.text for t in found)


def test_find_weekdays():
    line = nfc("সোমবার, বৃহস্পতিবার আর রোববারের পর Monday, Sun; but the sun sat")
    assert [(line[s:e], w) for s, e, w in find_weekdays(line)] == [
        (nfc("সোমবার"), 0), (nfc("বৃহস্পতিবার"), 3), (nfc("রোববারের"), 6), ("Monday", 0), ("Sun", 6),
    ]


@pytest.mark.parametrize(("bangla_date", "gregorian"), [
    ((1432, 4, 20), dt.date(2025, 8, 4)),      # ২০ শ্রাবণ ১৪৩২ (seed page header)
    ((1431, 1, 3), dt.date(2024, 4, 16)),      # ৩ বৈশাখ ১৪৩১ (seed page header)
    ((1431, 1, 1), dt.date(2024, 4, 14)),      # month starts of 1431
    ((1431, 2, 1), dt.date(2024, 5, 15)),
    ((1431, 3, 1), dt.date(2024, 6, 15)),
    ((1431, 4, 1), dt.date(2024, 7, 16)),
    ((1431, 5, 1), dt.date(2024, 8, 16)),
    ((1431, 6, 1), dt.date(2024, 9, 16)),
    ((1431, 7, 1), dt.date(2024, 10, 17)),     # the 2019 revision: আশ্বিন has 31 days
    ((1431, 8, 1), dt.date(2024, 11, 16)),
    ((1431, 9, 1), dt.date(2024, 12, 16)),     # ১ পৌষ is Victory Day, 16 December
    ((1431, 10, 1), dt.date(2025, 1, 15)),
    ((1431, 11, 1), dt.date(2025, 2, 14)),
    ((1431, 11, 8), dt.date(2025, 2, 21)),     # ৮ ফাল্গুন is 21 February, the date of 1952
    ((1431, 12, 1), dt.date(2025, 3, 15)),     # ফাল্গুন has 29 days when February has 28
    ((1431, 12, 12), dt.date(2025, 3, 26)),    # ১২ চৈত্র is Independence Day
    ((1431, 12, 30), dt.date(2025, 4, 13)),    # last day of 1431
    ((1432, 11, 9), dt.date(2026, 2, 22)),     # a real header: "২২ ফেব্রুয়ারি ২০২৬, ৯ ফাল্গুন ১৪৩২" (unseen/rtvonline)
    ((1432, 12, 15), dt.date(2026, 3, 29)),    # "২৯ মার্চ ২০২৬, ১৫ই চৈত্র ১৪৩২" (unseen/somoynews-latest)
    ((1430, 11, 30), dt.date(2024, 3, 14)),    # ফাল্গুন has 30 days when February has 29
    ((1425, 11, 9), dt.date(2019, 2, 21)),     # before ১৪২৬, the 1987 revision: 21 February was ৯ ফাল্গুন
    ((1425, 7, 1), dt.date(2018, 10, 16)),
    ((1425, 12, 30), dt.date(2019, 4, 13)),    # the last day before the revision
    ((1426, 1, 1), dt.date(2019, 4, 14)),
])
def test_bangla_known_dates(bangla_date, gregorian):
    assert bangla_to_gregorian(*bangla_date) == gregorian
    assert gregorian_to_bangla(gregorian) == bangla_date


@pytest.mark.parametrize("bad", [(1431, 11, 30), (1430, 11, 31), (1431, 7, 31), (1425, 6, 31), (1431, 12, 31),
                                 (1431, 13, 1), (1431, 1, 0)])
def test_bangla_impossible_dates_raise(bad):
    with pytest.raises(ValueError):
        bangla_to_gregorian(*bad)


@pytest.mark.parametrize("year", [1999, 2000, 2019, 2020, 2023, 2024, 2025, 2100])
def test_bangla_round_trip_every_day(year):
    day, seen = dt.date(year, 1, 1), set()
    while day.year == year:
        bangla_date = gregorian_to_bangla(day)
        assert bangla_to_gregorian(*bangla_date) == day
        seen.add(bangla_date)
        day += dt.timedelta(days=1)
    assert len(seen) == (366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365)


def test_bangla_month_lengths_of_one_year():
    lengths = []
    for month in range(1, 13):
        start = bangla_to_gregorian(1431, month, 1)
        end = bangla_to_gregorian(1432, 1, 1) if month == 12 else bangla_to_gregorian(1431, month + 1, 1)
        lengths.append((end - start).days)
    assert lengths == [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]


@pytest.mark.parametrize(("line", "iso", "zone"), [
    ("প্রকাশ: ৭ ডিসেম্বর ২০২৫, ১০:৩০ জিএমটি", "2025-12-07T16:30", "জিএমটি"),
    ("Published: 07 Dec 2025, 04:30 PM IST", "2025-12-07T17:00", "IST"),  # as Indian sites print it
    ("Last Updated: December 07, 2025, 23:50 (GMT)", "2025-12-08T05:50", "GMT"),  # the next day in Dhaka
    ("৭ ডিসেম্বর ২০২৫, ১০:৩০ ভারতীয় সময়", "2025-12-07T11:00", "ভারতীয় সময়"),
    ("৭ ডিসেম্বর ২০২৫, ১০:৩০ BST", "2025-12-07T10:30", None),  # British Summer or Bangladesh Standard Time
    ("৭ ডিসেম্বর ২০২৫ GMT", "2025-12-07", None),  # no time to shift
    ("07 Dec 2025, 04:30 PM GMT+6", "2025-12-07T16:30", None),  # Dhaka's own offset, as printed
])
def test_a_time_printed_with_a_zone_is_given_in_dhaka_time(line, iso, zone):
    (match,) = find_dates(line)
    assert (match.iso, match.zone) == (iso, zone)
    assert zone is None or zone in match.text


def test_a_zone_that_moves_the_day_drops_the_printed_weekday():
    (match,) = find_dates("বুধবার, ৩১ ডিসেম্বর ২০২৫, ২০:৩০ GMT")
    assert (match.iso, match.weekday) == ("2026-01-01T02:30", None)
    (same_day,) = find_dates("বুধবার, ৩১ ডিসেম্বর ২০২৫, ১০:৩০ GMT")
    assert (same_day.iso, same_day.weekday) == ("2025-12-31T16:30", 2)


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-12-30T10:54:21+06:00", "2025-12-30T10:54"),
    ("2025-12-30T06:07:43+00:00", "2025-12-30T12:07"),
    ("2025-12-30T20:15:00Z", "2025-12-31T02:15"),
    ("2024-12-31T20:30:00-05:00", "2025-01-01T07:30"),
    ("2024-03-28T12:00:00+05:30", "2024-03-28T12:30"),
    ("2024-02-28T19:00:00.123+00:00", "2024-02-29T01:00"),
    ("2024-01-02 04:37:50", "2024-01-02T04:37"),
    ("2025-12-30 12:33:56", "2025-12-30T12:33"),
    ("2024/08/12", "2024-08-12"),
    ("12/08/2024", "2024-08-12"),
    ("  ২৪ মার্চ ২০১৯, ১৬:৩৩ ", "2019-03-24T16:33"),
    ("Sun, 07 Dec 2025 16:30:00 +0000", "2025-12-07T22:30"),   # RSS and e-mail dates, as feed scrapers keep them
    ("Sun, 07 Dec 2025 22:30:00 +0600", "2025-12-07T22:30"),
    ("Sun, 07 Dec 2025 16:30:00 GMT", "2025-12-07T22:30"),
    ("Sun, 07 Dec 2025 22:30:00", "2025-12-07T22:30"),
])
def test_parse_iso_datetime(value, iso):
    m = parse_iso_datetime(nfc(value))
    assert m is not None and m.iso == iso
    assert nfc(value)[m.start:m.end] == m.text == nfc(value).strip()


@pytest.mark.parametrize("value", ["Unknown", "", "   ", None, "2024", "১৩ সেপ্টেম্বর", "2024-02-30", "abc 2024-01-01",
                                   "Sun, 30 Feb 2025 22:30:00 +0600", "Sun, 07 Dec 22:30:00 +0600"])
def test_parse_iso_datetime_rejects(value):
    assert parse_iso_datetime(value) is None


def test_match_properties():
    (partial,) = find_dates(nfc("১৩ সেপ্টেম্বর"))
    assert (partial.precision, partial.iso, partial.to_gregorian()) == ("partial", None, None)
    (year_only,) = find_dates(nfc("২০২২ সালে"))
    assert (year_only.year, year_only.precision, year_only.iso) == (2022, "partial", None)
    (bn,) = find_dates(nfc("৩ বৈশাখ ১৪৩১"))
    assert (bn.precision, bn.iso, bn.to_gregorian()) == ("day", None, dt.date(2024, 4, 16))
    (day,) = find_dates("Oct 29, 2025")
    assert (day.precision, day.iso, day.to_gregorian()) == ("day", "2025-10-29", dt.date(2025, 10, 29))
    with pytest.raises(Exception):
        day.year = 2000  # frozen


def test_no_digit_lines_return_nothing():
    assert find_dates(nfc("এপ্রিল মাসে সোমবার রাতে বৈশাখ শুরু")) == []
    assert find_dates("") == []
    assert find_times("সকালে") == []


def test_module_never_reads_the_clock():
    source = inspect.getsource(dates)
    assert "today(" not in source and ".now(" not in source and "time.time" not in source


def test_seed_sample_files_give_the_annotated_dates():
    """Every line of the bundled samples parses with valid spans; header dates match the annotation."""
    isos = []
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        for line in nfc(path.read_text(encoding="utf-8")).split("\n"):
            found = find_dates(line)
            assert all(line[m.start:m.end] == m.text for m in found)
            isos += [m.iso for m in found if m.precision != "partial" and m.calendar == "gregorian"]
    for expected in ["2024-03-28T21:30", "2025-08-04", "2022-08-15T11:30", "2022-08-15T15:12",
                     "2024-04-16", "2025-08-13T13:21", "2025-10-28", "2025-10-29"]:
        assert expected in isos
