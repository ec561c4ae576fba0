"""Dumps a text-mode browser or converter wrapped at a fixed width read one paragraph per line."""
from __future__ import annotations

import textwrap

from loaders import parse_documents, sources_from_bytes
from loaders.readers.wrapped import unwrap

PARAGRAPHS = [
    "ঢাকা শহরের যানজট নিরসনে নতুন পরিকল্পনা হাতে নিয়েছে সরকার। রোববার সচিবালয়ে এক বৈঠকে এ সিদ্ধান্ত নেওয়া হয় বলে "
    "জানিয়েছেন সংশ্লিষ্ট কর্মকর্তারা।",
    "বৈঠকে উপস্থিত ছিলেন সড়ক পরিবহন ও সেতু মন্ত্রণালয়ের সচিব, ঢাকা উত্তর ও দক্ষিণ সিটি করপোরেশনের প্রধান নির্বাহী "
    "কর্মকর্তা এবং পুলিশের ঊর্ধ্বতন কর্মকর্তারা। তাঁরা বলেন, আগামী মাস থেকে পরীক্ষামূলকভাবে কয়েকটি সড়কে নতুন ব্যবস্থা "
    "চালু হবে।",
    "কর্মকর্তারা জানান, প্রথম ধাপে মিরপুর, ফার্মগেট ও মতিঝিল এলাকায় বাস থামার নির্দিষ্ট স্থান চিহ্নিত করা হবে। পরে "
    "পর্যায়ক্রমে পুরো শহরে এ ব্যবস্থা ছড়িয়ে দেওয়া হবে।",
]
TITLE = "যানজট কমাতে নতুন পরিকল্পনা নিল সরকার"


def wrapped(paragraphs: list[str], width: int, indent: str = "") -> str:
    return "\n\n".join(textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in paragraphs)


def lynx_dump() -> str:
    """A page as ``lynx -dump`` prints it: numbered links, wrapped paragraphs, the addresses at the end."""
    menu = "\n".join(f"     * [{n}]{name}" for n, name in enumerate(["হোম", "জাতীয়", "রাজনীতি", "খেলা"], start=2))
    return (f"   [1]দৈনিক নতুন আলো\n\n{menu}\n\n{TITLE}\n\n   নিজস্ব প্রতিবেদক\n\n"
            f"   প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৬:৩০\n\n   [6][IMG]\n\n{wrapped(PARAGRAPHS, 76, '   ')}\n\n"
            "সম্পর্কিত খবর\n\n     * [7]বাসভাড়া বাড়ানোর প্রস্তাব\n     * [8]রাজধানীতে নতুন ফ্লাইওভার চালু\n\n"
            "References\n\n   1. https://www.example.com/\n   2. https://www.example.com/\n"
            "   7. https://www.example.com/national/124\n   8. https://www.example.com/national/125\n")


def load(name: str, text: str):
    return parse_documents(sources_from_bytes(name, name, text.encode()), entities=False)


def test_a_lynx_dump_reads_one_paragraph_per_line_without_its_link_numbers():
    article = load("lynx.txt", lynx_dump()).articles.iloc[0]
    assert (article["page_kind"], article["title"]) == ("article", TITLE)
    assert (article["byline"], article["published_iso"]) == ("নিজস্ব প্রতিবেদক", "2025-12-07T16:30")
    assert article["body"].split("\n") == PARAGRAPHS
    assert "[1]" not in article["source"] and "দৈনিক নতুন আলো" in article["source"]


def test_a_dump_filled_at_72_columns_without_link_numbers_is_joined_too():
    text = f"{TITLE}\n\nনিজস্ব প্রতিবেদক\n\nপ্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৬:৩০\n\n{wrapped(PARAGRAPHS, 72)}\n\n[১] টীকা\n"
    article = load("plain.txt", text).articles.iloc[0]
    assert article["body"].split("\n") == PARAGRAPHS
    assert "[১] টীকা" in article["source"]  # no lynx reference list: brackets stay


def test_headlines_of_about_one_length_and_browser_dumps_are_not_joined():
    headlines = "\n".join(["সংসদে বাজেট পাস, বাড়ল করমুক্ত আয়সীমা ও কমল করপোরেট কর", "টেস্টে বড় জয় বাংলাদেশের, সিরিজ জিতল ২-০ ব্যবধানে",
                           "বৃষ্টিতে ডুবল রাজধানীর সড়ক, অফিসগামীদের চরম ভোগান্তি", "সোনার দাম ভরিতে কমল ১ হাজার ৬৮০ টাকা"])
    assert unwrap("\n\n".join([headlines] * 4)) is None
    assert unwrap("\n\n".join([TITLE, *PARAGRAPHS])) is None  # one line per paragraph already


def test_lynxs_reference_list_in_parts_is_known_in_one_pass():
    # "Visible links:" and "Hidden links:" head parts of the list; a pattern matching the whole list
    # at once backtracked without end on 44 entries (a Kaler Kantho page), this reads it line by line.
    entries = "\n".join(f"  {n}. file:///online/national/2025/12/07/{1612000 + n}" for n in range(1, 45))
    text = lynx_dump().replace("References\n\n", f"References\n\n   Visible links:\n{entries}\n   Hidden links:\n")
    article = load("lynx.txt", text).articles.iloc[0]
    assert article["body"].split("\n") == PARAGRAPHS and "[7]" not in article["source"]
