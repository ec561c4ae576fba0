"""The layout decisions on small pages written here: article block, headline, own date, page kind, outlet."""
from __future__ import annotations

import pandas as pd
import pytest

from components.aggregate import is_inferred
from loaders import parse_article, parse_document
from loaders.document import Document, Given
from loaders.layout import find_block, line_features, page_kind, pick_title

PARAGRAPHS = [
    "রাজধানীর মিরপুরে আজ সকালে একটি পোশাক কারখানায় আগুন লাগে। ফায়ার সার্ভিসের ছয়টি ইউনিট এক ঘণ্টার চেষ্টায় আগুন নিয়ন্ত্রণে আনে।",
    "ফায়ার সার্ভিসের কর্মকর্তা জানান, শর্ট সার্কিট থেকে আগুনের সূত্রপাত হতে পারে। তবে তদন্ত কমিটি গঠন করা হয়েছে এবং প্রতিবেদন পেলে বিস্তারিত জানা যাবে।",
    "কারখানার শ্রমিকেরা জানান, আগুন লাগার পরপরই সবাই নিরাপদে বেরিয়ে আসেন। এতে কেউ হতাহত হননি বলে পুলিশ নিশ্চিত করেছে।",
]
TITLE = "মিরপুরে পোশাক কারখানায় আগুন, হতাহত নেই"
TICKER = ["শিরোনাম", "* বাজেট পাস হলো সংসদে", "* টেস্টে জয় পেল বাংলাদেশ", "* বৃষ্টিতে জলাবদ্ধতা রাজধানীতে",
          "* নতুন শিক্ষাবর্ষ শুরু আজ"]
MENU = ["* জাতীয়", "* রাজনীতি", "* খেলা", "* বিনোদন", "* আজকের পত্রিকা", "* ই-পেপার"]
OTHER_STORIES = ["সর্বশেষ", "সংসদে বাজেট পাস, বাড়ল করমুক্ত আয়সীমা", "টেস্টে বড় জয় বাংলাদেশের",
                 "প্রকাশ: ১২ মে ২০২৫, ১০:১৫ এএম", "বৃষ্টিতে ডুবল রাজধানীর সড়ক"]


def page(*blocks: list[str]) -> str:
    """A text dump: the given lines with a blank line after each, as inscriptis writes them."""
    return "\n\n".join(line for block in blocks for line in block)


def test_the_headline_stands_above_the_block_not_in_the_menu_or_ticker():
    text = page(["ঢাকা, বুধবার ১৪ মে ২০২৫, ৩১ বৈশাখ ১৪৩২"], MENU, TICKER, [TITLE, "নিজস্ব প্রতিবেদক",
                "১৩ মে ২০২৫, ০৯:৪০ পিএম | আপডেট: ১৩ মে ২০২৫, ১০:০৫ পিএম"], PARAGRAPHS, OTHER_STORIES)
    article = parse_article(text)
    assert article.page_kind == "article"
    assert article.title == TITLE
    assert article.meta.published.iso == "2025-05-13T21:40"   # the unlabelled line under the byline
    assert article.meta.updated.iso == "2025-05-13T22:05"
    assert article.meta.page_date.iso == "2025-05-14"         # the header's "today" stays the page date
    assert article.body == "\n".join(PARAGRAPHS)
    assert article.meta.outlet is None                        # আজকের পত্রিকা in a menu names no outlet


def test_a_date_with_a_time_close_above_the_headline_is_the_articles_own():
    text = page(["১৪ মে ২০২৫, ৩১ বৈশাখ ১৪৩২"], MENU, ["১. হোম", "২. জাতীয়", f"৩. {TITLE} ..."],
                ["১৩ মে ২০২৫ ২১:৪০", "Share", "প্রিন্ট", "কপি লিঙ্ক", TITLE, "অনলাইন ডেস্ক"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == TITLE and "breadcrumb" in article.title_basis
    assert article.meta.published.iso == "2025-05-13T21:40"
    assert article.meta.page_date.iso == "2025-05-14"


def test_interruptions_inside_the_text_stay_out_of_the_body_and_do_not_cut_it():
    player = ["Video Player is loading.", "Play Video", "Current Time 0:00", "00:01",
              "Beginning of dialog window. Escape will cancel and close the window."]
    text = page([TITLE, "১৩ মে ২০২৫, ০৯:৪০ পিএম", "ছবি: সংগৃহীত"], PARAGRAPHS[:1], ["বিজ্ঞাপন"], player,
                ["আরও পড়ুন", "সংসদে বাজেট পাস, বাড়ল করমুক্ত আয়সীমা"], PARAGRAPHS[1:], ["advertisement"])
    article = parse_article(text)
    assert article.title == TITLE
    assert article.body == "\n".join(PARAGRAPHS)
    kinds = {line.text: line.kind for line in article.lines}
    assert kinds["ছবি: সংগৃহীত"] == "caption" and kinds["Play Video"] == "widget"


def test_a_repeated_article_block_is_furniture():
    block = [TITLE, "প্রকাশ: ১৩ মে ২০২৫, ০৯:৪০ পিএম", *PARAGRAPHS, "মন্তব্য করুন"]
    article = parse_article(page(MENU, block, ["* সর্বশেষ", "* পঠিত", "সব খবর"], block))
    assert article.body == "\n".join(PARAGRAPHS)
    assert sum(line.kind == "repeated_block" for line in article.lines) == len(PARAGRAPHS)


def test_listing_pages_are_not_articles_and_have_no_body():
    stories = [
        ("মিরপুরে কারখানায় আগুন", "মিরপুরের একটি পোশাক কারখানায় আজ সকালে আগুন লাগে। ফায়ার সার্ভিসের ছয়টি ইউনিট তা নেভায়।"),
        ("সংসদে বাজেট পাস", "জাতীয় সংসদে আজ নতুন অর্থবছরের বাজেট কণ্ঠভোটে পাস হয়েছে। বিরোধীরা ওয়াকআউট করেন।"),
        ("টেস্টে বড় জয় বাংলাদেশের", "চট্টগ্রাম টেস্টে জিম্বাবুয়েকে ইনিংস ব্যবধানে হারিয়েছে বাংলাদেশ। ম্যাচসেরা হয়েছেন তাইজুল।"),
        ("বৃষ্টিতে ডুবল রাজধানী", "টানা বর্ষণে রাজধানীর নিচু এলাকাগুলোতে জলাবদ্ধতা দেখা দিয়েছে। যানজটে ভোগান্তি বেড়েছে।"),
        ("চালের দাম কমেছে", "খুচরা বাজারে মোটা চালের কেজিপ্রতি দাম দুই টাকা কমেছে। আমদানি বাড়ায় সরবরাহ স্বাভাবিক।"),
        ("নতুন শিক্ষাক্রমে পরীক্ষা", "মাধ্যমিকে নতুন শিক্ষাক্রমের মূল্যায়ন পদ্ধতি চূড়ান্ত করেছে শিক্ষা মন্ত্রণালয়। শিক্ষকেরা প্রশিক্ষণ পাবেন।"),
    ]
    teasers = []
    for i, (headline, teaser) in enumerate(stories):
        teasers += ["বাংলাদেশ", f"{i + 1} মিনিট আগে", headline, teaser]
    listing = parse_article(page(MENU, teasers, OTHER_STORIES))
    assert listing.page_kind == "listing"
    assert listing.title is None and listing.body == ""
    headlines = parse_article(page(MENU, TICKER, [f"* খবর নম্বর {i} এর শিরোনাম" for i in range(30)]))
    assert headlines.page_kind == "listing" and headlines.body == ""


SECTION_ITEMS = [  # headline, its date line, a teaser long enough to pass for an article's text
    ("ডেঙ্গুতে আরও ৫ জনের মৃত্যু, হাসপাতালে ভর্তি ৮৫০", "ডেঙ্গু আক্রান্ত হয়ে গত ২৪ ঘণ্টায় সারাদেশে আরও পাঁচজনের মৃত্যু হয়েছে। এ নিয়ে চলতি বছর "
     "ডেঙ্গুতে মৃতের সংখ্যা দাঁড়িয়েছে ৩৫০ জনে। একই সময়ে হাসপাতালে ভর্তি হয়েছেন আরও ৮৫০ জন রোগী, যাদের বেশির ভাগ ঢাকার বাইরের।"),
    ("শীতে বাড়ছে শ্বাসকষ্টের রোগী, হাসপাতালে ভিড়", "শীতের শুরুতেই রাজধানীর হাসপাতালগুলোতে শ্বাসকষ্টের রোগীর ভিড় বাড়ছে। শিশু ও বয়স্করাই বেশি "
     "আক্রান্ত হচ্ছেন বলে জানিয়েছেন চিকিৎসকেরা।"),
    ("মেট্রোরেল চলবে শুক্রবারেও, নতুন সময়সূচি প্রকাশ", "আগামী সপ্তাহ থেকে শুক্রবারেও মেট্রোরেল চলবে বলে জানিয়েছে ঢাকা ম্যাস ট্রানজিট "
     "কোম্পানি। ছুটির দিনে বিকেল তিনটা থেকে রাত নয়টা পর্যন্ত ট্রেন চলবে।"),
    ("সোনার দাম আবার বাড়ল, ভরি এক লাখ ৪০ হাজার টাকা", "দেশের বাজারে সোনার দাম আবারও বেড়েছে। ভালো মানের প্রতি ভরি সোনার দাম দুই হাজার "
     "টাকা বাড়িয়ে নির্ধারণ করা হয়েছে।"),
    ("বিশ্বকাপ বাছাইয়ে বাংলাদেশের প্রথম জয়", "বিশ্বকাপ বাছাইপর্বে প্রথম জয়ের দেখা পেয়েছে বাংলাদেশ। ঘরের মাঠে প্রতিপক্ষকে ২-০ "
     "গোলে হারিয়েছে জামাল ভূঁইয়ারা।"),
]


def test_a_section_page_of_dated_headlines_over_long_teasers_is_a_listing():
    items = [line for i, (headline, teaser) in enumerate(SECTION_ITEMS)
             for line in (headline, f"০৭ ডিসেম্বর ২০২৫, ১{i}:০০", teaser)]
    listing = parse_article(page(MENU, items))
    assert listing.page_kind == "listing" and listing.body == ""
    # a short article of two paragraphs with such items printed right under it stays the article
    article = parse_article(page(MENU, [TITLE, "প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ০৯:০০"], PARAGRAPHS[:2], items))
    assert article.page_kind == "article" and article.title == TITLE
    assert article.body.split("\n") == PARAGRAPHS[:2]


SUBHEADED = [
    "সাতক্ষীরার শ্যামনগর উপজেলার গাবুরা ইউনিয়নের বাসিন্দা রহিমা বেগম গত পাঁচ বছরে তিনবার ঘর হারিয়েছেন। প্রতিবারই "
    "ঘূর্ণিঝড়ের জলোচ্ছ্বাসে বাঁধ ভেঙে লোনা পানি ঢুকেছে গ্রামে।",
    "‘প্রতিশ্রুতি আর বাস্তবতার ফারাক বিশাল'",
    "২০২২ সালে মিশরের শার্ম আল শেখে জাতিসংঘের জলবায়ু সম্মেলনে ‘লস অ্যান্ড ড্যামেজ' তহবিল গঠনের সিদ্ধান্ত হয়েছিল। তিন বছর "
    "পর সেই তহবিলে প্রতিশ্রুতি এসেছে ৮০ কোটি ডলারের কিছু বেশি।",
    "জলবায়ু বিশেষজ্ঞ অধ্যাপক আইনুন নিশাত বলেন, ক্ষতিগ্রস্ত দেশগুলোর প্রকৃত প্রয়োজন বছরে কয়েকশো বিলিয়ন ডলার। সেখানে এই "
    "তহবিল প্রতীকী ছাড়া আর কিছু নয়।",
    "অর্থ পেতে লাগে দুই থেকে তিন বছর",
    "পরিবেশ মন্ত্রণালয়ের একজন কর্মকর্তা নাম প্রকাশ না করার শর্তে জানান, তহবিল থেকে অর্থ পাওয়ার প্রক্রিয়া জটিল। প্রকল্প "
    "প্রস্তাব তৈরি ও অনুমোদনে দুই থেকে তিন বছর লেগে যায়।",
    "কপ-৩০ সম্মেলনেও অগ্রগতি হয়নি",
    "ব্রাজিলের বেলেমে সদ্য শেষ হওয়া কপ-৩০ সম্মেলনেও এ বিষয়ে উল্লেখযোগ্য অগ্রগতি হয়নি বলে মনে করেন উন্নয়নকর্মীরা। তাঁরা "
    "বলছেন, সহায়তা অনুদান হিসেবে আসা জরুরি।",
]


def test_an_article_cut_by_subheadings_under_its_byline_and_date_is_no_listing():
    # Each section tells another side of the story in other words, so its paragraphs share few;
    # but only the headline has a byline and a date line: the subheadings stand bare on their text.
    head = ["জলবায়ু তহবিলের প্রতিশ্রুতি কাগজেই, ক্ষতি বাড়ছে উপকূলে", "নিজস্ব প্রতিবেদক", "প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৩:৩০"]
    article = parse_article(page(MENU, head, SUBHEADED))
    assert (article.page_kind, article.title) == ("article", head[0])
    assert article.body.split("\n") == SUBHEADED
    # A listing prints every story's head alike: its other headlines stand over their own date lines.
    items = [line for i, (headline, teaser) in enumerate(SECTION_ITEMS)
             for line in (headline, f"০৭ ডিসেম্বর ২০২৫, ১{i}:০০", teaser)]
    assert parse_article(page(MENU, ["নিজস্ব প্রতিবেদক"], items)).page_kind == "listing"


SECTION_CARDS = [
    ('এইচএসসির ফল প্রকাশ আগস্টের দ্বিতীয় সপ্তাহে',
     'আন্তশিক্ষা বোর্ড সমন্বয় কমিটি জানিয়েছে, খাতা মূল্যায়নের কাজ প্রায় শেষ পর্যায়ে। নির্ধারিত সময়েই ফল প্রকাশের প্রস্তুতি চলছে।'),
    ('চালের দাম কেজিতে বাড়ল ৪ টাকা',
     'রাজধানীর খুচরা বাজারে মোটা ও মাঝারি চালের দাম গত এক সপ্তাহে কেজিতে তিন থেকে চার টাকা বেড়েছে। ব্যবসায়ীরা বলছেন, মিল পর্যায়ে দাম বাড়ানো হয়েছে।'),
    ('রোহিঙ্গা প্রত্যাবাসন নিয়ে ঢাকায় ত্রিপক্ষীয় বৈঠক আজ',
     'বৈঠকে বাংলাদেশ, মিয়ানমার ও চীনের প্রতিনিধিরা অংশ নেবেন। পরীক্ষামূলক প্রকল্পের আওতায় প্রথম দফায় কতজনকে ফেরানো হবে, সে বিষয়ে আলোচনা হবে।'),
    ('সুন্দরবনে মধু আহরণ মৌসুম শুরু, বনে ঢুকছেন মৌয়ালরা',
     'খুলনা ও সাতক্ষীরা রেঞ্জ থেকে পাস নিয়ে প্রথম দিনেই প্রায় দেড় হাজার মৌয়াল বনে প্রবেশ করেছেন।'),
    ('জাতীয় নির্বাচন নিয়ে দলগুলোর সঙ্গে ইসির সংলাপ শুরু রোববার',
     'প্রথম দিনে নিবন্ধিত ১২টি দলকে আমন্ত্রণ জানানো হয়েছে। সংলাপে ভোটের সময়সূচি ও আচরণবিধি নিয়ে মতামত নেবে কমিশন।'),
    ('সোনার দাম ভরিতে কমল ১ হাজার ৬৮০ টাকা',
     'বাংলাদেশ জুয়েলার্স সমিতি জানিয়েছে, ভালো মানের প্রতি ভরি সোনা এখন বিক্রি হবে ১ লাখ ৬৮ হাজার টাকায়। নতুন দাম কাল থেকে কার্যকর হবে।'),
    ('প্রাথমিকে ৬ হাজার শিক্ষক নিয়োগের বিজ্ঞপ্তি শিগগির',
     'প্রাথমিক ও গণশিক্ষা মন্ত্রণালয় জানিয়েছে, চলতি মাসের মধ্যেই বিজ্ঞপ্তি প্রকাশের প্রস্তুতি চলছে। এবার লিখিত পরীক্ষার নম্বর বাড়ানো হচ্ছে।'),
]


def test_teasers_of_different_stories_sharing_only_words_any_story_says_are_a_listing():
    # Seven cards of a section page, each a headline, a teaser and its age: stems any story says
    # ("জানিয়েছে", "থেকে", "প্রকাশ") recur in them, not one story.
    items = [line for i, (headline, teaser) in enumerate(SECTION_CARDS) for line in (headline, teaser, f"{i + 1} ঘণ্টা আগে")]
    listing = parse_article(page(MENU, items))
    assert (listing.page_kind, listing.body) == ("listing", "")


def test_a_section_pages_name_over_dated_headlines_is_no_dated_brief():
    # The <h1> names the section; its stories follow, each headline over its update line, and only
    # some with a teaser (a short one first): their dates are not the section name's own date line.
    lines = ["সম্পাদকীয় ও মতামত", "সাক্ষাৎকার", "প্রতিক্রিয়া"]
    teasers = {0: " ".join(SECTION_ITEMS[0][1].split()[:12]), 3: " ".join(SECTION_ITEMS[0][1].split()[:25])}
    for i, (headline, _) in enumerate(SECTION_ITEMS):
        lines += [headline, *([teasers[i]] if i in teasers else []), f"আপডেটঃ ০৭ ডিসেম্বর ২০২৫ | ১{'০১২৩৪'[i]}:০০"]
    named = Document(text=page(MENU, lines, ["আরও"]), encoding="utf-8", kind="html",
                     given=(("title", Given("সম্পাদকীয় ও মতামত", "<h1>")),))
    listing = parse_document(named)
    assert (listing.page_kind, listing.title, listing.body) == ("listing", None, "")


def test_bbc_banglas_labelled_byline_and_captions_are_furniture():
    # BBC News বাংলা prints its screen readers' labels: "লেখা, " (author), "পদবী, " (post), and
    # "ছবির উৎস, " / "ছবির ক্যাপশান, " before each picture's credit and caption, above and inside the text.
    picture = ["ছবির উৎস, Getty Images", "ছবির ক্যাপশান, রাজধানীর একটি কারখানায় আগুন নেভানোর চেষ্টা করছেন ফায়ার সার্ভিসের কর্মীরা"]
    text = page(["সরাসরি কনটেন্টে যান", "সেকশন", "মূলপাতা", "বাংলাদেশ", "আন্তর্জাতিক"],
                [TITLE, "লেখা, মীর সাব্বির", "পদবী, বিবিসি নিউজ বাংলা, ঢাকা", "৭ ডিসেম্বর ২০২৫",
                 "আপডেট হয়েছে ৮ ডিসেম্বর ২০২৫"], picture, PARAGRAPHS[:2], picture,
                ["বিবিসি বাংলায় আরো পড়তে পারেন:", "শীতে যেভাবে সুস্থ থাকবেন", "দিল্লিতে বায়ুদূষণ চরমে, স্কুল বন্ধ"],
                PARAGRAPHS[2:], OTHER_STORIES)
    article = parse_article(text)
    assert (article.title, article.body) == (TITLE, "\n".join(PARAGRAPHS))
    assert (article.meta.byline, article.meta.outlet) == ("মীর সাব্বির", "bbc_bangla")
    # its JSON-LD credits the outlet as the author: the reporter the page prints stays the byline
    marked = Document(text=text, encoding="utf-8", kind="html", given=(("author", Given("BBC News বাংলা", "JSON-LD author")),))
    assert parse_document(marked).meta.byline == "মীর সাব্বির"
    assert (article.meta.published.iso, article.meta.updated.iso) == ("2025-12-07", "2025-12-08")
    assert {line.kind for line in article.lines if line.text in picture} == {"caption"}


def test_a_home_pages_lead_story_is_no_article_even_with_a_long_teaser():
    # A home page: its lead headline over one long teaser, with no byline or date line, among dozens
    # of other stories' headlines. An article of one paragraph has its byline or date line.
    lead = " ".join(PARAGRAPHS)  # 60 words
    others = [f"{headline} {n}" for n in "১২৩৪৫৬" for headline, _ in SECTION_ITEMS]
    home = parse_article(page(MENU, ["শিরোনাম"], others[:12], [TITLE, lead], ["সর্বশেষ"], others[12:]))
    assert (home.page_kind, home.title, home.body) == ("listing", None, "")
    assert "lead story" in home.page_kind_reason
    brief = parse_article(page(MENU, ["শিরোনাম"], others[:12], [TITLE, "নিজস্ব প্রতিবেদক", lead], ["সর্বশেষ"], others[12:]))
    assert (brief.page_kind, brief.title, brief.body) == ("article", TITLE, lead)


def test_the_sites_name_over_its_header_date_is_not_the_headline():
    masthead = ["দৈনিক নতুন সময়", "রবিবার, ৭ ডিসেম্বর ২০২৫"]  # no time, no "প্রকাশ": the site's date, not a story's
    text = ("ত্রয়োদশ জাতীয় সংসদ নির্বাচনের তফসিল ঘোষণা করেছে নির্বাচন কমিশন। প্রধান নির্বাচন কমিশনার আজ সন্ধ্যায় জাতির উদ্দেশে "
            "দেওয়া ভাষণে এ তফসিল ঘোষণা করেন। ভোট গ্রহণ হবে ফেব্রুয়ারির দ্বিতীয় সপ্তাহে। রাজনৈতিক দলগুলো তফসিলকে স্বাগত "
            "জানিয়েছে, তবে কয়েকটি দল সময় বাড়ানোর দাবি করেছে।")
    headline = "নির্বাচনের তফসিল ঘোষণা, ভোট ফেব্রুয়ারির দ্বিতীয় সপ্তাহে"
    sections = ["হোম", "জাতীয়", "রাজনীতি", "অর্থনীতি", "খেলা", "বিনোদন"]
    article = parse_article(page(masthead, sections, [headline, text], OTHER_STORIES))
    assert (article.page_kind, article.title, article.body) == ("article", headline, text)
    assert article.meta.published is None  # the header's date is the page's, not the article's


def test_a_brief_under_a_dated_headline_is_still_an_article():
    brief = "সংসদে আজ বাজেট পাস হয়েছে। অর্থমন্ত্রী প্রস্তাবটি উত্থাপন করেন।"
    article = parse_article(page(MENU, TICKER, [TITLE, "প্রকাশ: ১৩ মে ২০২৫, ০৯:৪০ পিএম", brief], OTHER_STORIES))
    assert article.page_kind == "article" and article.body == brief and article.title == TITLE


def test_block_and_headline_indexes():
    content = [f for f in line_features(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক"], PARAGRAPHS)) if f.intrinsic != "blank"]
    block = find_block(content)
    assert [content[i].text for i in (block.start, block.end)] == [PARAGRAPHS[0], PARAGRAPHS[-1]]
    title, why = pick_title(content, block.start)
    assert content[title].text == TITLE and why
    assert page_kind(content, block, title)[0] == "article"
    assert find_block([f for f in line_features(page(MENU)) if f.intrinsic != "blank"]) is None


def test_markup_giving_only_a_day_yields_to_the_visible_date_line():
    text = page([TITLE, "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS)
    day_only = Document(text=text, encoding="utf-8", kind="html",
                        given=(("published", Given("2025-05-13", "article:published_time meta", "day")),))
    assert parse_document(day_only).meta.published.iso == "2025-05-13T21:40"
    other_day = Document(text=text, encoding="utf-8", kind="html",
                         given=(("published", Given("2025-05-12", "article:published_time meta", "day")),))
    assert parse_document(other_day).meta.published.iso == "2025-05-12"


@pytest.mark.parametrize(("printed", "markup", "published"), [
    ("১৩ মে ২০২৫, ০৯:৪০ পিএম", "2025-05-14T03:40", "2025-05-13T21:40"),  # 21:40 labelled UTC: 6 hours off
    ("১৩ মে ২০২৫, ০৯:৪০ পিএম", "2025-05-13T22:10", "2025-05-13T22:10"),  # half an hour off: markup stands
    ("১৩ মে ২০২৫, ০৩:৪০ পিএম GMT", "2025-05-13T21:40", "2025-05-13T21:40"),  # the page prints another zone
    ("Published May 13, 2025 09:40 PM IST", "2025-05-14T03:40", "2025-05-13T22:10"),  # IST labelled UTC: 5.5 h off
])
def test_markup_whole_hours_off_the_printed_time_carries_a_wrong_time_zone(printed, markup, published):
    doc = Document(text=page([TITLE, printed], PARAGRAPHS), encoding="utf-8", kind="html",
                   given=(("published", Given(markup, "JSON-LD datePublished", "minute")),))
    meta = parse_document(doc).meta
    assert meta.published.iso == published
    assert ("wrong time zone" in meta.published.basis) == (published != markup)


@pytest.mark.parametrize(("outlet", "printed", "published", "basis"), [
    ("anandabazar", "প্রকাশ: ০৮ জুলাই ২০২৫ ১৬:৩০", "2025-07-08T17:00", "the outlet's time"),  # India time
    ("anandabazar", "প্রকাশ: ০৮ জুলাই ২০২৫ ২৩:৪৫", "2025-07-09T00:15", "the outlet's time"),
    ("anandabazar", "Published: 08 Jul 2025, 04:30 PM IST", "2025-07-08T17:00", "IST, in Dhaka time"),  # once
    ("anandabazar", "প্রকাশ: ০৮ জুলাই ২০২৫", "2025-07-08", "প্রকাশ"),
    ("prothomalo", "প্রকাশ: ০৮ জুলাই ২০২৫ ১৬:৩০", "2025-07-08T16:30", "প্রকাশ"),
    (None, "প্রকাশ: ০৮ জুলাই ২০২৫ ১৬:৩০", "2025-07-08T16:30", "প্রকাশ"),
])
def test_an_outlet_abroad_prints_its_own_clock_time(outlet, printed, published, basis):
    given = (("outlet", Given(outlet, "og:site_name meta")),) if outlet else ()
    doc = Document(text=page([TITLE, printed], PARAGRAPHS), encoding="utf-8", kind="html", given=given)
    meta = parse_document(doc).meta
    assert meta.published.iso == published
    assert basis in meta.published.basis and meta.published.basis.count("Dhaka time") <= 1


def test_dataset_records_are_always_articles():
    record = Document(text="\n".join(PARAGRAPHS[:1]), encoding="utf-8", kind="record",
                      given=(("title", Given(TITLE, "column Headline")),))
    article = parse_document(record)
    assert article.page_kind == "article" and article.body == PARAGRAPHS[0]


SITE_TITLES = ["মিরপুরে পোশাক কারখানায় আগুন", "সংসদে বাজেট পাস হলো", "টেস্টে বড় জয় বাংলাদেশের", "বৃষ্টিতে ডুবল রাজধানী"]


def write_site(folder, header: list[str], between: list[str]) -> list[str]:
    """Pages of one site: a menu, ``header`` lines, the headline, ``between`` lines, the text, a footer."""
    folder.mkdir()
    for i, title in enumerate(SITE_TITLES):
        text = page(["হোম", "জাতীয়", "খেলা"], header, [title], between, PARAGRAPHS[i % 3:] + PARAGRAPHS[:i % 3],
                    ["© ২০২৫ দৈনিক খবরের কাগজ"])
        (folder / f"p{i}.txt").write_text(text, encoding="utf-8")
    return sorted(str(path) for path in folder.iterdir())


def test_lines_most_pages_of_a_site_print_are_never_its_headline_or_publish_date(tmp_path):
    from loaders import load_corpus

    files = write_site(tmp_path / "site", ["১৪ মে ২০২৫, ১০:০০"], ["আজকের বিশেষ আয়োজন দেখুন এখানে"])
    alone = load_corpus(files[:1], entities=False).articles.iloc[0]
    # One page cannot tell a header date with a time, right above the headline, from its own.
    assert alone["title"] == SITE_TITLES[0] and alone["published_iso"] == "2025-05-14T10:00"
    articles = load_corpus(files, entities=False).articles.sort_values("article_id")
    assert articles["title"].tolist() == SITE_TITLES
    assert articles["published_iso"].isna().all() and (articles["page_date_iso"] == "2025-05-14").all()


def test_a_date_below_the_headline_stays_the_publish_date_when_pages_of_a_day_share_it(tmp_path):
    from loaders import load_corpus

    files = write_site(tmp_path / "site", [], ["প্রকাশ: ১৪ মে ২০২৫"])
    articles = load_corpus(files, entities=False).articles.sort_values("article_id")
    assert articles["title"].tolist() == SITE_TITLES
    assert (articles["published_iso"] == "2025-05-14").all()


def test_a_header_date_most_pages_of_a_site_print_dates_no_article_said_to_be_of_yesterday(tmp_path):
    from loaders import load_corpus

    folder = tmp_path / "site"
    folder.mkdir()
    yesterday = "গতকাল সোমবার রাজধানীতে এক অনুষ্ঠানে মন্ত্রী এসব কথা বলেন। তিনি আরও জানান, কাজ চলছে এবং শিগগির শেষ হবে।"
    for i, title in enumerate(SITE_TITLES):
        (folder / f"p{i}.txt").write_text(page(
            ["ঢাকা, রবিবার ২৯ মার্চ ২০২৬", "১৫ চৈত্র ১৪৩২, ০৯ শাওয়াল ১৪৪৭"], ["হোম", "জাতীয়", "খেলা"], [title],
            [yesterday, *PARAGRAPHS[i % 3:]], ["© ২০২৬ দৈনিক খবরের কাগজ"]), encoding="utf-8")
    files = sorted(str(path) for path in folder.iterdir())
    alone = load_corpus(files[:1], entities=False).articles.iloc[0]
    # One page cannot tell its issue date (which dates "গতকাল সোমবার") from the day it was saved.
    assert alone["published_basis"] == "inferred" and alone["page_date_iso"] == "2026-03-29"
    articles = load_corpus(files, entities=False).articles
    assert articles["published_iso"].isna().all() and (articles["page_date_iso"] == "2026-03-29").all()


def test_the_same_article_saved_three_times_is_no_template_evidence(tmp_path):
    from loaders import load_corpus

    text = page(["হোম", "জাতীয়"], [SITE_TITLES[0], "প্রকাশ: ১৪ মে ২০২৫, ১০:০০"], PARAGRAPHS)
    for i in range(3):  # three crawls of one page: different bytes, one story
        (tmp_path / f"crawl{i}.txt").write_text(text + "\n" * i, encoding="utf-8")
    articles = load_corpus([tmp_path], entities=False).articles
    assert (articles["title"] == SITE_TITLES[0]).all() and (articles["published_iso"] == "2025-05-14T10:00").all()


def test_an_outlet_name_at_the_end_of_a_menu_is_no_evidence():
    text = page(["* জাতীয়", "* খেলা", "* বিনোদন", "আজকের পত্রিকা"], [TITLE, "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == TITLE and article.meta.outlet is None
    named = parse_article(page([TITLE, "আজকের পত্রিকা", "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS))
    assert named.meta.outlet == "ajkerpatrika"  # standing alone under the headline, it names the outlet


def test_an_authors_name_alone_above_the_text_is_a_byline_not_the_headline():
    text = page(MENU, [TITLE, "রফিকুল ইসলাম, চট্টগ্রাম", "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == TITLE
    # A headline no longer than the name and sharing no word with the text: only the name tells them apart.
    short = page(MENU, ["ভয়াবহ দুর্ঘটনা", "রফিকুল ইসলাম", "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS)
    assert parse_article(short).title == "ভয়াবহ দুর্ঘটনা"
    kinds = {line.text: line.kind for line in article.lines}
    assert kinds["রফিকুল ইসলাম, চট্টগ্রাম"] == "byline"
    # Two words that are no one's name stay free to be a headline.
    assert parse_article(page(["মিরপুরে আগুন"], PARAGRAPHS)).title == "মিরপুরে আগুন"


def test_a_ticker_may_carry_a_one_word_label_but_a_row_of_single_words_is_no_ticker():
    ticker = "ভিডিও | বাজেট পাস হলো সংসদে | টেস্টে জয় পেল বাংলাদেশ | বৃষ্টিতে জলাবদ্ধতা রাজধানীতে"
    reasons = {line.text: line.reason for line in parse_article(page([ticker, TITLE], PARAGRAPHS)).lines}
    assert "ticker" in reasons[ticker]
    words = "জাতীয় | রাজনীতি | খেলা | বিনোদন"
    reasons = {line.text: line.reason for line in parse_article(page([words, TITLE], PARAGRAPHS)).lines}
    assert "ticker" not in reasons[words]


def test_a_two_step_breadcrumb_of_section_names_is_never_the_headline():
    article = parse_article(page(["হোম / প্রযুক্তি"], PARAGRAPHS))
    assert article.title is None
    assert parse_article(page(["হোম / প্রযুক্তি", TITLE], PARAGRAPHS)).title == TITLE


def test_an_english_headline_may_mix_in_bengali_words():
    paragraphs = [
        "The city corporation said on Tuesday that the new bus route would open next month, after a survey of commuters.",
        "Officials said the route would link the northern suburbs with the business district and cut travel time by half.",
        "Residents welcomed the plan, but some shopkeepers said the construction had already hurt their trade this year.",
    ]
    headline = "New bus route for Dhaka commuters (পর্ব-১০)"
    assert parse_article(page(["Home", "News"], [headline], paragraphs)).title == headline


def test_one_word_in_common_with_the_text_does_not_make_a_listed_story_the_headline():
    headline = "ভয়াবহ দুর্ঘটনা এড়ানো গেল"   # shares no word with the text
    paragraphs = [PARAGRAPHS[0].replace("আজ সকালে", "আজ সকালের সময়"), *PARAGRAPHS[1:]]
    listed = "সর্বশেষ সময়"                # a story-list entry that shares only "সময়" with it
    article = parse_article(page([listed, headline, "১৩ মে ২০২৫, ০৯:৪০ পিএম"], paragraphs, OTHER_STORIES, [listed]))
    assert article.title == headline


def test_a_story_list_sharing_words_with_the_text_does_not_beat_a_headline_over_its_byline():
    headline = "ভয়াবহ দুর্ঘটনা এড়ানো গেল"   # shares no word with the text
    stories = "\n".join(["মিরপুরে পোশাক কারখানায় আগুন", "ফায়ার সার্ভিসের ছয়টি ইউনিট", "বাজেট পাস হলো সংসদে"])
    text = page(MENU, [stories, headline, "নিজস্ব প্রতিবেদক", "১৩ মে ২০২৫, ০৯:৪০ পিএম"], PARAGRAPHS)
    assert parse_article(text).title == headline


def test_a_read_more_link_above_the_text_is_not_the_headline():
    text = page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", "১৩ মে ২০২৫, ০৯:৪০ পিএম", "আরও পড়ুন",
                       "সংসদে বাজেট পাস, বাড়ল করমুক্ত আয়সীমা"], PARAGRAPHS)
    assert parse_article(text).title == TITLE


def test_the_headline_over_its_desk_line_beats_short_lines_nearer_the_text():
    headline = "কেমন যাবে মকর রাশির ২০২৪"
    text = page(MENU, [headline, "আন্তর্জাতিক ডেস্ক", "শুভ রং: সাদা, কালো, লাল ও নীল", "শুভ বার: মঙ্গল, বুধ, শুক্র ও শনি"],
                PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and "byline" in article.title_basis


def test_a_headline_printed_twice_over_a_name_nobody_annotated_is_still_the_headline():
    headline = "জানার জন্য ভ্রমণে"
    text = page(MENU, [headline, headline, "নুসরাত জাহান তুলি", "২৭ মার্চ ২০১৯"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2019-03-27"


def test_a_particle_inside_an_authors_name_keeps_it_a_name():
    text = page(MENU, [TITLE, "আবদুল্লাহ আল মামুন"], PARAGRAPHS)
    kinds = {line.text: line.reason for line in parse_article(text).lines}
    assert kinds["আবদুল্লাহ আল মামুন"] == "a person's name alone on the line (the author)"


def test_the_sites_today_header_does_not_make_a_section_pages_first_teaser_a_dated_brief():
    pairs = [
        ("সৌদিতে সড়ক দুর্ঘটনায় বাংলাদেশি শ্রমিক নিহত", "সৌদি আরবে সড়ক দুর্ঘটনায় এক বাংলাদেশি শ্রমিকের মৃত্যু হয়েছে।"),
        ("চট্টগ্রাম বিশ্ববিদ্যালয় খুলবে ১৯ আগস্ট", "বিশ্ববিদ্যালয়ের আবাসিক হল খুলবে ১৮ আগস্ট।"),
        ("নতুন সরকারের কাছে প্রত্যাশা", "দেশের মানুষ এক উজ্জ্বল ভবিষ্যতের স্বপ্ন দেখছে।"),
    ]
    header = ["বুধবার, ৩০ জুলাই ২০২৫, ১৫ই শ্রাবণ ১৪৩২, ০৪ সফর ১৪৪৭", "সম্পাদকীয়"]
    section = parse_article(page(header, [line for pair in pairs for line in pair], TICKER, MENU))
    assert section.page_kind == "listing"
    # The same first story with a date line of its own is a brief.
    brief = parse_article(page(header, [pairs[0][0], "৩০ জুলাই ২০২৫, ১০:১৫", pairs[0][1]], TICKER, MENU))
    assert brief.page_kind == "article" and brief.title == pairs[0][0]


def test_a_section_page_whose_first_teasers_read_as_running_text_is_still_a_listing():
    pairs = [
        ("সরকার পতনের পর যা বলছেন ক্রিকেটাররা", "কোটা সংস্কার আন্দোলন এবং পরবর্তীতে সরকার পদত্যাগের এক দফা দাবির মুখে শেষ পর্যন্ত সরে দাঁড়ালেন প্রধানমন্ত্রী।",
         "দেশ ছাড়ার পর ক্রিকেটারদের অনেকেই সামাজিক যোগাযোগমাধ্যমে নিজেদের মত জানিয়েছেন।"),
        ("জয়-পরাজয়ের নিয়ামক চা-শ্রমিকদের ভোট", "হবিগঞ্জ-৪ (মাধবপুর ও চুনারুঘাট) আসনের ভোটারের একটা বড় অংশ চা-শ্রমিক।",
         "বাগানের শ্রমিকেরা এবার কাকে ভোট দেবেন, তা নিয়ে প্রার্থীদের মধ্যে চলছে নানা হিসাব-নিকাশ।"),
        ("ড. ইউনূসের মামলা আইনগতভাবে মোকাবিলা করা হবে", "অন্তর্বর্তী সরকারের প্রধান উপদেষ্টার মামলাগুলো আদালতেই মোকাবিলা করা হবে বলে জানিয়েছেন তাঁর আইনজীবী।", None),
        ("শেখ হাসিনার সঙ্গে ভারতের নিরাপত্তা উপদেষ্টার বৈঠক", "ভারতের জাতীয় নিরাপত্তা উপদেষ্টা অজিত দোভাল হিন্দন বিমানঘাঁটিতে বৈঠক করেছেন।", None),
        ("হাঁটলেই চার্জ হবে মোবাইল", "অভাবনীয় এক চার্জার তৈরি করেছেন দুই ভারতীয় তরুণ।", None),
    ]
    lines = [line for headline, teaser, more in pairs for line in (headline, teaser, more) if line]
    # The first two stories' teasers make a block of running text; the stories under it show what it is.
    section = parse_article(page(MENU, lines, ["এই বিভাগের আরও খবর »"], TICKER))
    assert section.page_kind == "listing"


VERSE = ["বাসায় গিয়ে দরজা খুলে দু’পা রাখি যেই–", "সামনে দেখি জারিফ সোনা, জাফিন মণি নেই–",
         "কোথায় জাফিন! কোথায় জাফিন! খুঁজতে থাকি ঘরে", "খেয়াল করি ড্রয়িং রুমের পর্দাখানি নড়ে",
         "পর্দা নড়ে! কী হয়েছে? হাত বাড়ালাম যেই–", "অমনি জাফিন চেঁচিয়ে বলে, ‘আব্বু আমি এই’।"]


def test_a_poem_under_its_headline_byline_and_date_line_is_an_article_with_its_verses_as_body():
    text = page(MENU, TICKER, ["আলোর পুতুল", "অনলাইন ডেস্ক", "০৯ আগস্ট ২০২৪, ২২:১৭ | আপডেট: ১০ আগস্ট ২০২৪, ০৫:৫০"],
                VERSE[:4], ["বিজ্ঞাপন"], VERSE[4:], OTHER_STORIES)
    article = parse_article(text)
    assert article.page_kind == "article" and "not prose" in article.page_kind_reason
    assert article.title == "আলোর পুতুল"
    assert article.meta.published.iso == "2024-08-09T22:17" and article.meta.updated.iso == "2024-08-10T05:50"
    assert article.body == "\n".join(VERSE)


def test_a_quiz_keeps_its_numbered_questions():
    questions = ["১১. স্পর্শের দিক থেকে বল কত প্রকার?", "ক. এক প্রকার খ. দুই প্রকার", "১২. নিউটনের গতির প্রথম সূত্র কোনটি?",
                 "ক. জড়তার সূত্র খ. ভরবেগের সূত্র", "১৩. বলের একক কোনটি?", "ক. নিউটন খ. জুল"]
    text = page(MENU, ["বহুনির্বাচনি প্রশ্ন : পদার্থবিজ্ঞান", "শাহনাজ পারভীন", "০১ জানুয়ারি ২০২৪, ০৫:৫৮ পিএম", "প্রতীকী ছবি"],
                questions, ["সর্বশেষ"], [f"* খবর নম্বর {i} এর শিরোনাম" for i in range(8)])
    article = parse_article(text)
    assert article.page_kind == "article" and article.title == "বহুনির্বাচনি প্রশ্ন : পদার্থবিজ্ঞান"
    assert article.body == "\n".join(questions) and article.meta.published.iso == "2024-01-01T17:58"
    # An agency's credit alone signs it as well as an author does.
    credited = parse_article(text.replace("শাহনাজ পারভীন", "বাসস"))
    assert credited.page_kind == "article" and credited.body == "\n".join(questions)


def test_stories_listed_with_their_authors_and_dates_are_still_a_listing():
    stories = [("মিরপুরে কারখানায় আগুন", "রফিকুল ইসলাম"), ("সংসদে বাজেট পাস", "শাহরিয়ার হাসান"),
               ("টেস্টে বড় জয় বাংলাদেশের", "নিজস্ব প্রতিবেদক"), ("বৃষ্টিতে ডুবল রাজধানী", "অনলাইন ডেস্ক"),
               ("চালের দাম কমেছে", "মামুন আহমেদ"), ("নতুন শিক্ষাক্রমে পরীক্ষা", "রফিকুল হাসান")]
    lines = [line for i, (headline, author) in enumerate(stories)
             for line in (headline, author, f"১{i} মে ২০২৫, ০৯:৪০ পিএম")]
    assert parse_article(page(MENU, lines, OTHER_STORIES)).page_kind == "listing"


def test_a_headline_printed_twice_is_taken_whole_not_from_its_clipped_copy():
    headline = "আইন-ই-আকবরী"
    article = parse_article(page(MENU, [f"{headline} ...", "১৩ মে ২০২৫, ০৯:৪০ পিএম", headline], PARAGRAPHS))
    assert article.title == headline


def test_label_lines_that_read_as_a_story_list_do_not_hide_the_signed_headline():
    headline = "কেমন যাবে কন্যা রাশির ২০২৪"
    labels = ["শুভ রত্ন: পান্না ও পোখরাজ", "শুভ রং: সাদা, হলুদ ও সবুজ", "শুভ বার: সোম, বুধ, শুক্র ও বৃহস্পতি"]
    text = page(MENU, [headline, "স্পোর্টস ডেস্ক", "প্রকাশ : বুধবার, ০৩ জানুয়ারি ২০২৪ , ১৩:৩৩"], labels, PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-03T13:33"


AUTHOR_NOBODY_ANNOTATED = "তনুশ্রী দেবনাথ"   # neither word is in loaders/data/person_words.txt


def test_an_unknown_authors_name_under_the_desk_line_is_not_the_headline():
    headline = "বিষণ্ন বিকেল"   # as short as the name: only the desk line between tells them apart
    text = page(MENU, [headline, "অনলাইন ডেস্ক", AUTHOR_NOBODY_ANNOTATED, "প্রকাশিত: ০৫ আগস্ট ২০২৪, ২৩:০৯"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-08-05T23:09"


def test_an_unknown_authors_name_signs_the_headline_over_label_lines():
    headline = "কেমন যাবে মীন রাশির ২০২৪"
    labels = ["অধিপতি গ্রহ: নেপচুন ও বৃহস্পতি", "শুভ রত্ন: পোখরাজ ও গোমেদ", "শুভ রং: লাল, হলুদ ও কমলা"]
    text = page(MENU, [headline, AUTHOR_NOBODY_ANNOTATED, "প্রকাশ : জানুয়ারি ০৩, ২০২৪, ০১:৪৪ পিএম"], labels, PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-03T13:44"


def test_a_caption_inside_the_signature_does_not_unsign_the_headline():
    headline = "কেমন যাবে কর্কট রাশির ২০২৪"
    labels = ["শুভ রত্ন: মুক্তা ও মুনস্টোন", "শুভ রং: সাদা, সোনালি ও ক্রিম", "শুভ বার: সোম, শুক্র ও বুধ"]
    text = page(MENU, [headline, "স্পোর্টস ডেস্ক, আরটিভি নিউজ", "ছবি: সংগৃহীত", "মাহমুদুল হাসান",
                       "03 জানুয়ারি 2024, 13:29 | আপডেট: 03 জানুয়ারি 2024, 03:52 PM"], labels, PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-03T13:29"


def test_a_video_players_english_under_a_bengali_headline_is_not_its_standfirst():
    player = ["Play Skip Backward Skip Forward", "Seek to live, currently behind live LIVE",
              "Beginning of dialog window. Escape will cancel and close the window."]
    text = page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", "১৩ মে ২০২৫, ০৯:৪০ পিএম"], player, PARAGRAPHS)
    article = parse_article(text)
    assert article.title == TITLE and article.body == "\n".join(PARAGRAPHS)


SERIES = "নদীর পাড়ের দিনলিপি"
# The parts before this one, listed between the signature and the text, an ad slot before the last.
EARLIER_PARTS = [f"{n} পর্ব: {SERIES} - {k}" for n, k in (("প্রথম", "১"), ("দ্বিতীয়", "২"), ("তৃতীয়", "৩"))] + [
    "বিজ্ঞাপন", f"চতুর্থ পর্ব: {SERIES} - ৪"]


def test_a_series_earlier_parts_under_the_signature_do_not_take_the_headline():
    headline = f"{SERIES} - ৫"
    text = page(MENU, [headline, "নিজস্ব প্রতিবেদক", "প্রকাশ : জানুয়ারি ০২, ২০২৪, ১১:০০ এএম"], EARLIER_PARTS, PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-02T11:00"


def test_a_time_printed_right_above_the_headline_closes_its_signature():
    headline = f"{SERIES} - ৫"
    text = page(MENU, ["প্রকাশ: মঙ্গলবার, 02 জানুয়ারি 2024 , 11:00 AM", headline, "আন্তর্জাতিক ডেস্ক"], EARLIER_PARTS,
                PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-02T11:00"


BRIEF = "অস্ট্রেলিয়ায় টপ এন্ড সিরিজে মঙ্গলবার রয়েছে চারটি ম্যাচ। এদিকে ইংল্যান্ডে চলছে দ্য হানড্রেড। খেলার সময়সূচি:"
SCHEDULE = ["টপ এন্ড সিরিজ (টি-টোয়েন্টি)", "সকাল ৬টা, টি স্পোর্টস ইউটিউব ও অ্যাপ নর্দার্ন টেরিটরি-রেনেগেডস",
            "সকাল ৯টা ৩০ মিনিট, টি স্পোর্টস ইউটিউব ও অ্যাপ ক্যাপিটাল টেরিটরি-স্টারস",
            "দুপুর ২টা ৩০ মিনিট, টি স্পোর্টস ইউটিউব ও অ্যাপ দ্য হানড্রেড",
            "সন্ধ্যা ৭টা ৩০ মিনিট, টি স্পোর্টস ও সনি স্পোর্টস ৫ নর্দার্ন-লন্ডন"]


def test_a_dated_brief_goes_on_in_the_schedule_it_introduces():
    headline = "আজকের খেলা: ১৩ আগস্ট ২০২৪"
    text = page(MENU, [headline, "ক্রীড়া ডেস্ক", "১৩ আগস্ট ২০২৪", BRIEF, "Video Player is loading.", "Play Video",
                       "advertisement"], SCHEDULE, OTHER_STORIES)
    article = parse_article(text)
    assert article.page_kind == "article" and article.title == headline
    assert article.body == "\n".join([BRIEF, *SCHEDULE])


def test_other_stories_headlines_after_a_dated_brief_stay_out_of_its_body():
    headline = "আজকের খেলা: ১৩ আগস্ট ২০২৪"
    others = ["সংসদে বাজেট পাস, বাড়ল করমুক্ত আয়সীমা", "টেস্টে বড় জয় বাংলাদেশের", "বৃষ্টিতে ডুবল রাজধানীর সড়ক",
              "নতুন শিক্ষাবর্ষ শুরু হলো আজ", "ডেঙ্গুতে আরও দুজনের মৃত্যু"]
    article = parse_article(page(MENU, [headline, "ক্রীড়া ডেস্ক", "১৩ আগস্ট ২০২৪", BRIEF], others))
    assert article.title == headline and article.body == BRIEF


def test_a_dated_headline_among_dated_headlines_is_a_list_item_not_a_brief():
    # A latest-news page: each headline over its date line and section; the last headline ends in
    # "!" and is long enough to read as a sentence, the "brief" of the headline above a short one.
    items = [["বাজেট পাস হলো সংসদে", "প্রকাশিত : ১৭ মার্চ ২০২২, ০২:০২ PM", "রাজনীতি"],
             ["টেস্টে জয় পেল বাংলাদেশ", "প্রকাশিত : ১৭ মার্চ ২০২২, ০১:২৬ PM", "খেলা"],
             ["কারাগারগুলোতে ধারণ ক্ষমতার বেশি আসামি", "প্রকাশিত : ১৭ মার্চ ২০২২, ০১:২১ PM", "জাতীয়"],
             ["সোফা যখন গাড়ি", "প্রকাশিত : ১৭ মার্চ ২০২২, ১২:২৯ PM", "ই-পেপার"],
             ["নদীভাঙনের মুখে পদ্মাপাড়ের তিন গ্রামের পাঁচ শতাধিক পরিবারের অনিশ্চিত বসবাস!",
              "প্রকাশিত : ১৭ মার্চ ২০২২, ১১:৫১ AM"]]
    assert parse_article(page(["সর্বশেষ"], *items, MENU)).page_kind == "listing"
    brief = parse_article(page(MENU, [TITLE, "প্রকাশিত : ১৭ মার্চ ২০২২, ১২:৫৬ PM"], PARAGRAPHS[:1], OTHER_STORIES))
    assert brief.page_kind == "article" and brief.title == TITLE   # a headline over its date line, alone


def test_an_unknown_authors_name_under_a_headline_with_its_time_above_is_not_the_headline():
    headline = "নতুন বছরে পুরোনো প্রতিশ্রুতি রাখার দিন এসেছে"   # shares no word with the text
    text = page(MENU, ["জানুয়ারি ০১, ২০২৪ , ১০:২৪ | আপডেট: ০১ জানুয়ারি ২০২৪, ১৯:৩২", headline, AUTHOR_NOBODY_ANNOTATED],
                PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-01-01T10:24"


def test_an_agency_credit_over_the_desk_line_is_not_a_menu_link_and_keeps_the_short_headline():
    headline = "বিকালের নাশতা"   # two words, like the menu entries above it
    text = page(MENU, [headline, "বাসস", "স্পোর্টস ডেস্ক", "Aug 13, 2024"], PARAGRAPHS)
    article = parse_article(text)
    assert article.title == headline and article.meta.published.iso == "2024-08-13"
    kinds = {line.text: line.kind for line in article.lines}
    assert kinds["বাসস"] == "outlet_label"


def test_numbered_sections_of_an_article_are_not_other_stories_headlines():
    # A job notice: a paragraph, then each post as a numbered heading with its lines under it.
    posts = [["১. পদের নাম: সহকারী প্রকৌশলী (ইলেকট্রিক্যাল)", "যোগ্যতা: বিএসসি ইঞ্জিনিয়ারিং। পেশাগত ক্ষেত্রে অভিজ্ঞদের অগ্রাধিকার দেওয়া হবে।"],
             ["২. পদের নাম: হিসাবরক্ষণ কর্মকর্তা", "যোগ্যতা: স্নাতকোত্তর ডিগ্রি। হিসাব সংরক্ষণে তিন বছরের অভিজ্ঞতা থাকতে হবে।"],
             ["৩. পদের নাম: প্রশাসনিক কর্মকর্তা", "যোগ্যতা: স্নাতক ডিগ্রি। কম্পিউটার চালনায় দক্ষতা থাকতে হবে এবং বয়স ত্রিশের কম।"]]
    headline = "পর্যটন করপোরেশনে চাকরি, পদ ৩৫"
    text = page(MENU, [headline, "অনলাইন ডেস্ক", "০২ জানুয়ারি ২০২৪ ১৩:০৫"], PARAGRAPHS[:1], *posts, OTHER_STORIES)
    article = parse_article(text)
    assert article.page_kind == "article" and article.title == headline
    assert article.body == "\n".join([PARAGRAPHS[0], *(line for post in posts for line in post)])


QUIZ = ["১১. স্পর্শের দিক থেকে বল কত প্রকার?", "ক. এক প্রকার খ. দুই প্রকার", "১২. বলের প্রকারভেদে স্পর্শ বল কোনটি?",
        "ক. ঘর্ষণ বল খ. মহাকর্ষ বল", "১৩. স্পর্শ ছাড়া কোন বল কাজ করে?", "ক. চৌম্বক বল খ. ঘর্ষণ বল"]
SECTION_PAGE = [["শিরোনাম", "* আমাদের নতুন নতুন বাজার খুঁজতে হবে", "* মার্চের ১৭ দিনে রেমিট্যান্স", "* ডিম দিয়েছে ঘড়িয়াল"],
                ["১. হোম", "২. জাতীয়", "অনলাইন ভার্সন"],
                ["আমাদের নতুন নতুন বাজার খুঁজতে হবে : প্রধানমন্ত্রী",
                 "দেশের রফতানি আয় বাড়াতে পণ্য বহুমুখীকরণ ও নতুন নতুন বাজার খোঁজার তাগিদ দিয়েছেন প্রধানমন্ত্রী। আজ "
                 "রাজধানীতে এক অনুষ্ঠানে তিনি এ কথা বলেন। ব্যবসায়ীদের নতুন বাজারে যেতে সরকার সব ধরনের সহযোগিতা দেবে বলেও জানান তিনি।"],
                ["হজ ফ্লাইট শুরু ২১ মে", "এবারের হজের প্রথম ফ্লাইট ২১ মে ঢাকা ছাড়বে বলে জানিয়েছে ধর্ম মন্ত্রণালয়। যাত্রীদের টিকা, "
                 "ভিসা ও টিকিটের প্রস্তুতি চলছে এবং হজ ক্যাম্পে তাঁদের থাকার ব্যবস্থা করা হয়েছে।"],
                ["পদোন্নতি পেলেন ৭২ সিনিয়র সহকারী জজ", "আইন মন্ত্রণালয় এক প্রজ্ঞাপনে ৭২ জন বিচারকের পদোন্নতির কথা জানিয়েছে। তাঁরা "
                 "যুগ্ম জেলা জজ হিসেবে দেশের বিভিন্ন আদালতে যোগ দেবেন বলে প্রজ্ঞাপনে বলা হয়েছে।"],
                ["নাইকো মামলায় বিচার শুরু", "নাইকো দুর্নীতি মামলায় অভিযোগ গঠন করে বিচার শুরুর আদেশ দিয়েছেন আদালত। রাষ্ট্রপক্ষের "
                 "সাক্ষ্য নেওয়া হবে আগামী মাসে, আসামিপক্ষ অভিযোগ থেকে অব্যাহতির আবেদন করেছিল।"],
                ["কমছে না হজের বিমান ভাড়া", "রমজানে জাল নোট নিয়ে সতর্কতা", "এই বিভাগের আরও খবর »"]]


def test_a_quiz_above_a_section_pages_lead_teaser_is_the_article():
    assert parse_article(page(MENU, *SECTION_PAGE)).page_kind == "listing"   # the furniture alone
    headline = "বহুনির্বাচনি প্রশ্ন : পদার্থবিজ্ঞান"
    text = page(MENU, [headline, "বিনোদন ডেস্ক", "০২ জানুয়ারি ২০২৪, ০৫:৩১ পিএম", "ছবি: সংগৃহীত।"], QUIZ,
                ["শেয়ার করুন"], *SECTION_PAGE)
    article = parse_article(text)
    assert article.page_kind == "article" and article.title == headline and article.body == "\n".join(QUIZ)


def test_headlines_under_the_one_signed_story_of_a_listing_are_not_a_text_that_is_not_prose():
    stories = [["মিরপুরে কারখানায় আগুন", "রফিকুল ইসলাম", "১২ মে ২০২৫, ০৯:৪০ পিএম"], ["সংসদে বাজেট পাস হলো"],
               ["টেস্টে বড় জয় বাংলাদেশের"], ["বৃষ্টিতে ডুবল রাজধানী"], ["চালের দাম কমেছে বাজারে"], ["নতুন শিক্ষাক্রমে পরীক্ষা"]]
    assert parse_article(page(MENU, *stories, ["সর্বশেষ"], OTHER_STORIES[1:])).page_kind == "listing"


def test_the_text_goes_on_below_a_read_more_link_it_does_not_retell():
    link = ["আরও পড়ুন", "বনরক্ষীদের দেখে হরিণ ও ফাঁদ ফেলে পালালেন তাঁরা"]
    going_on = "পরে রাতে একই এলাকার আরেকটি গুদামে তল্লাশি চালায় পুলিশ। সেখানে কোনো অনিয়ম পাওয়া যায়নি বলে জানিয়েছেন তদন্ত কর্মকর্তা।"
    others = [["জন্মদিনে ছবি প্রকাশ করে কী লিখলেন চিত্রনায়িকা?",
               "আজ ঢালিউডের এক চিত্রনায়কের জন্মদিন। বিশেষ দিনটিতে নায়িকা সামাজিক মাধ্যমে পুরোনো ছবি প্রকাশ করেছেন।"],
              ["বিশ্বকাপের দল ঘোষণা করল বোর্ড, ফিরলেন দুই পেসার",
               "আগামী মাসের বিশ্বকাপের জন্য পনেরো সদস্যের দল ঘোষণা করেছে ক্রিকেট বোর্ড। চোট কাটিয়ে দলে ফিরেছেন দুই পেসার।"]]
    head = [TITLE, "নিজস্ব প্রতিবেদক", "১৩ মে ২০২৫, ০৯:৪০ পিএম"]
    text = page(MENU, head, PARAGRAPHS, link, [going_on], ["লেখক: সাংবাদিক ও কলাম লেখক", "১ মিনিট আগে"], *others)
    assert parse_article(text).body == "\n".join([*PARAGRAPHS, going_on])
    # Under the same heading, stories whose paragraphs retell their headlines stay out.
    listed = ["আরও পড়ুন", "বাজেট পাস হলো সংসদে",
              "সংসদে আজ নতুন অর্থবছরের বাজেট পাস হয়েছে। কণ্ঠভোটে বাজেট পাসের পর অধিবেশন মুলতবি করা হয়।",
              "টেস্টে জয় পেল বাংলাদেশ", "টেস্টে আজ সফরকারীদের হারিয়ে জয় পেয়েছে বাংলাদেশ। শেষ দিনে দুই উইকেট দরকার ছিল।"]
    assert parse_article(page(MENU, head, PARAGRAPHS, listed)).body == "\n".join(PARAGRAPHS)


@pytest.mark.parametrize(("date_line", "published", "updated"), [
    ("প্রকাশ : ০৭ ডিসেম্বর ২০২৫, ১০:৩০ পিএম | আপডেট : ০৭ ডিসেম্বর ২০২৫, ১১:০০ পিএম", "2025-12-07T22:30", "2025-12-07T23:00"),
    ("আপডেট: ০৮ ডিসেম্বর ২০২৫, ০৯:০০ | প্রকাশিত: ০৭ ডিসেম্বর ২০২৫, ২২:৩০", "2025-12-07T22:30", "2025-12-08T09:00"),
    ("প্রথম প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ২২:৩০ সর্বশেষ সম্পাদনা: ০৮ ডিসেম্বর ২০২৫, ০৯:০০", "2025-12-07T22:30", "2025-12-08T09:00"),
    ("আপলোড সময় : ০৭ ডিসেম্বর ২০২৫, ২২:৩০", "2025-12-07T22:30", None),
    ("প্রকাশকাল: ০৭ ডিসেম্বর ২০২৫", "2025-12-07", None),
    ("প্রকাশের তারিখ: ০৭ ডিসেম্বর ২০২৫", "2025-12-07", None),
    ("প্রকাশিত: ০৭ ডিসেম্বর ২০২৫, ১৬:৩০ | আপডেট: ১৮:১০", "2025-12-07T16:30", "2025-12-07T18:10"),  # same day
    ("Published: 07 Dec 2025, 16:30 | Updated: 18:10", "2025-12-07T16:30", "2025-12-07T18:10"),
    ("ঢাকা, রবিবার, ০৭ ডিসেম্বর ২০২৫ | আপডেট: ১৬:৩০", "2025-12-07", "2025-12-07T16:30"),
    ("Posted on December 7, 2025 at 4:30 pm", "2025-12-07T16:30", None),
    ("০৭ ডিসেম্বর ২০২৫ খ্রিস্টাব্দ", "2025-12-07", None),  # the era word is part of the date
    ("প্রকাশঃ ০৭ ডিসেম্বর ২০২৫, ০৪ঃ৩০ পিএম", "2025-12-07T16:30", None),  # a visarga for the colon
    ("প্রকাশিত: ০১ জুলাই ২০২৫ | ১০:৩০ আপডেটঃ ০১ জুলাই ২০২৫ | ১১:১৫", "2025-07-01T10:30", "2025-07-01T11:15"),
    ("প্রকাশ: ১১ ডিসেম্বর ২৫ । ১৮:২৫ | আপডেট: ১১ ডিসেম্বর ২৫ । ১৯:০২", "2025-12-11T18:25", "2025-12-11T19:02"),
])
def test_the_label_before_each_date_says_whether_it_is_the_publish_or_the_update_time(date_line, published, updated):
    article = parse_article(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", date_line], PARAGRAPHS))
    assert article.title == TITLE
    assert (article.meta.published.iso, article.meta.updated and article.meta.updated.iso) == (published, updated)


@pytest.mark.parametrize("separator", ["|", "।"])
def test_a_byline_opening_the_date_line_leaves_it_a_date_line(separator):
    article = parse_article(page(MENU, [TITLE, f"নিজস্ব প্রতিবেদক {separator} ০৭ ডিসেম্বর ২০২৫, ১৬:৩০"], PARAGRAPHS))
    assert (article.title, article.body) == (TITLE, "\n".join(PARAGRAPHS))
    assert (article.meta.published.iso, article.meta.byline) == ("2025-12-07T16:30", "নিজস্ব প্রতিবেদক")


@pytest.mark.parametrize("credit", ["Authored by সুদীপ্ত বন্দ্যোপাধ্যায়", "Reported by: সুদীপ্ত বন্দ্যোপাধ্যায়",
                                    "By সুদীপ্ত বন্দ্যোপাধ্যায় | Updated: 7 Dec 2025, 4:25 pm"])
def test_words_before_the_authors_name_are_not_part_of_the_byline(credit):
    assert parse_article(page(MENU, [TITLE, credit, "৭ ডিসেম্বর ২০২৫"], PARAGRAPHS)).meta.byline == "সুদীপ্ত বন্দ্যোপাধ্যায়"


def test_an_outlet_named_in_its_own_part_of_the_date_line_is_the_publisher():
    line = "Authored by সুদীপ্ত বন্দ্যোপাধ্যায় | এই সময় ডিজিটাল | Updated: 7 Dec 2025, 4:25 pm"
    meta = parse_article(page(MENU, [TITLE, line], PARAGRAPHS)).meta
    assert (meta.outlet, meta.byline) == ("eisamay", "সুদীপ্ত বন্দ্যোপাধ্যায়")
    assert meta.updated.iso == "2025-12-07T16:55"  # a Kolkata paper's clock: India time
    # "এই সময়" ("at this time") inside a sentence of the line names nobody
    other = parse_article(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক | এই সময় শহরে যানজট | ৭ ডিসেম্বর ২০২৫"], PARAGRAPHS))
    assert other.meta.outlet is None


def test_a_relative_time_under_the_byline_is_not_the_reporters_place():
    article = parse_article(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", "৭ মিনিট আগে"], PARAGRAPHS))
    assert (article.meta.byline, article.body) == ("নিজস্ব প্রতিবেদক", "\n".join(PARAGRAPHS))


@pytest.mark.parametrize(("date_line", "published", "byline", "desk"), [
    ("নিজস্ব প্রতিনিধি ০৭ ডিসেম্বর, ২০২৫", "2025-12-07", "নিজস্ব প্রতিনিধি", None),  # author and date inline, no bar
    ("স্পোর্টস ডেস্ক | ০৭ ডিসেম্বর ২০২৫, ২২:৪৮ | আপডেট: ০৭ ডিসেম্বর ২০২৫, ২৩:২০", "2025-12-07T22:48", None,
     "স্পোর্টস ডেস্ক"),
    ("অনলাইন ডেস্ক প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৬:৩০", "2025-12-07T16:30", None, "অনলাইন ডেস্ক"),
])
def test_a_byline_or_desk_inline_before_the_date_credits_the_story(date_line, published, byline, desk):
    article = parse_article(page(MENU, [TITLE, date_line], PARAGRAPHS))
    assert (article.title, article.body) == (TITLE, "\n".join(PARAGRAPHS))
    meta = article.meta
    assert (meta.published.iso, meta.byline, meta.desk) == (published, byline, desk)


KOLKATA_PAGE = ["আনন্দবাজার অনলাইন", "কলকাতা", "রাজ্য", "দেশ", "বিদেশ", "খেলা",
                "শীতের শুরুতেই কলকাতায় বাড়ছে ডেঙ্গি, উদ্বেগে স্বাস্থ্য দফতর", "নিজস্ব সংবাদদাতা", "কলকাতা",
                "শেষ আপডেট: ০৭ ডিসেম্বর ২০২৫ ২২:৩০", "শেয়ার"]


def test_a_one_word_line_printed_twice_above_the_text_is_no_headline():
    # "কলকাতা" stands in the menu and again as the dateline: it neither breaks the parse nor heads the page
    article = parse_article(page(KOLKATA_PAGE, PARAGRAPHS))
    assert article.title == KOLKATA_PAGE[6]
    assert article.body.split("\n") == PARAGRAPHS


def test_an_outlets_name_with_a_word_labelling_the_site_is_its_masthead_even_over_a_menu():
    assert parse_article(page(KOLKATA_PAGE, PARAGRAPHS)).meta.outlet == "anandabazar"
    assert parse_article(page(["আনন্দবাজার", *KOLKATA_PAGE[1:]], PARAGRAPHS)).meta.outlet is None  # a menu link


def test_kolkata_captions_tags_and_a_related_heading_spelt_another_way_are_furniture():
    captions = ["জলমগ্ন রাস্তা। মঙ্গলবার। —নিজস্ব চিত্র।", "বৈঠকে মেয়র। ছবি: পিটিআই।", "প্রতীকী চিত্র।"]
    tail = ["বিষয়: Kolkata Rain, Waterlogging, আবহাওয়া", "#ডেঙ্গি #কলকাতা", "এই বিভাগের আরো খবর",
            "মেট্রোর নতুন পথে পরীক্ষামূলক চলাচল শুরু", "শহরে বাড়ছে বাজারদর, চিন্তায় ক্রেতারা"]
    article = parse_article(page(KOLKATA_PAGE, captions[:1], PARAGRAPHS[:1], captions[1:], PARAGRAPHS[1:], tail))
    assert article.body.split("\n") == PARAGRAPHS
    kinds = {line.text: line.kind for line in article.lines}
    assert [kinds[text] for text in captions + tail[:3]] == ["caption"] * 3 + ["widget", "widget", "list_heading"]
    assert {kinds[text] for text in tail[3:]} == {"related_list"}


def test_a_page_giving_only_its_update_time_is_dated_by_it_as_an_upper_bound():
    meta = parse_article(page(KOLKATA_PAGE, PARAGRAPHS)).meta  # "শেষ আপডেট: … ২২:৩০", India time
    assert meta.published.iso == meta.updated.iso == "2025-12-07T23:00"
    assert "upper bound" in meta.published.basis and is_inferred(pd.Series([meta.published.basis])).all()
    stated = parse_article(page(MENU, [TITLE, "প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১০:০০ | আপডেট: ০৭ ডিসেম্বর ২০২৫, ১২:০০"],
                                PARAGRAPHS)).meta
    assert (stated.published.iso, stated.published.basis) == ("2025-12-07T10:00", "প্রকাশ")


def test_a_kicker_a_reporters_place_and_a_caption_over_its_credit_are_not_the_headline_or_the_text():
    # Prothom Alo's layout: a topic label over the headline and its summary, the reporter's place under
    # "প্রতিনিধি", the lead photo's caption over its own credit line. The two words of the label both
    # recur in the text, yet the headline that repeats five of its six is the title.
    headline = "কুড়িগ্রামে বন্যায় পানিবন্দী ৫০ হাজার মানুষ, খাদ্যসংকট"
    summary = "টানা বর্ষণ ও উজানের ঢলে ব্রহ্মপুত্র ও ধরলার পানি বিপৎসীমার ওপর দিয়ে প্রবাহিত হচ্ছে, ফলে জেলার নিম্নাঞ্চল প্লাবিত"
    caption = "বন্যার পানিতে ডুবে আছে চিলমারী উপজেলার একটি গ্রাম। আজ শুক্রবার দুপুরে"
    text_lines = ["কুড়িগ্রামে বন্যা পরিস্থিতির আরও অবনতি হয়েছে। জেলার নয়টি উপজেলার অন্তত ৫০ হাজার মানুষ পানিবন্দী হয়ে "
                  "পড়েছেন। অনেক এলাকায় খাবার ও বিশুদ্ধ পানির সংকট দেখা দিয়েছে।",
                  "পানি উন্নয়ন বোর্ড জানিয়েছে, ব্রহ্মপুত্র নদের পানি চিলমারী পয়েন্টে বিপৎসীমার ২৫ সেন্টিমিটার ওপর দিয়ে "
                  "প্রবাহিত হচ্ছে। ধরলার পানিও বাড়ছে।",
                  "জেলা প্রশাসক বলেন, ক্ষতিগ্রস্তদের মধ্যে ত্রাণ বিতরণ শুরু হয়েছে। প্রয়োজনে আশ্রয়কেন্দ্র খোলা হবে।"]
    text = page(["বাংলাদেশ", "রাজনীতি", "বিশ্ব", "বাণিজ্য", "মতামত", "খেলা"],
                ["বন্যা পরিস্থিতি", headline, summary, "প্রতিনিধি", "কুড়িগ্রাম", "প্রকাশ: ০৮ আগস্ট ২০২৫, ১০: ৫৫", caption,
                 "ছবি: প্রথম আলো"], text_lines, ["আরও পড়ুন", "বন্যায় তিস্তাপাড়ের মানুষের দুর্ভোগ"])
    article = parse_article(text)
    assert (article.title, article.body) == (headline, "\n".join([summary, *text_lines]))  # the summary is text
    kinds = {line.text: line.kind for line in article.lines}
    assert (kinds["কুড়িগ্রাম"], kinds[caption]) == ("byline", "caption")
    assert article.meta.byline == "প্রতিনিধি, কুড়িগ্রাম"


def test_a_kicker_whose_every_word_recurs_in_the_text_yields_to_the_headline_over_the_byline():
    kicker, headline = "স্বাস্থ্য অধিদপ্তরের তথ্য", "রাজধানীতে ডেঙ্গুতে আরও ৩ জনের মৃত্যু, হাসপাতালে ৪৮৭"
    text_lines = ["ডেঙ্গু আক্রান্ত হয়ে গত ২৪ ঘণ্টায় আরও তিনজনের মৃত্যু হয়েছে। একই সময়ে সারা দেশে হাসপাতালে ভর্তি হয়েছেন ৪৮৭ "
                  "জন ডেঙ্গু রোগী।",
                  "আজ রবিবার স্বাস্থ্য অধিদপ্তরের হেলথ ইমার্জেন্সি অপারেশন সেন্টার ও কন্ট্রোল রুম থেকে পাঠানো এক বিজ্ঞপ্তিতে "
                  "এ তথ্য জানানো হয়েছে।",
                  "বিজ্ঞপ্তিতে বলা হয়, মৃত তিনজনের মধ্যে দুজন ঢাকা দক্ষিণ সিটি করপোরেশন এলাকার এবং একজন বরিশাল বিভাগের বাসিন্দা।"]
    article = parse_article(page(MENU, [kicker, headline, "নিজস্ব প্রতিবেদক", "প্রকাশিত: ০৭ ডিসেম্বর, ২০২৫ ১৬:৩০"],
                                 text_lines))
    assert (article.title, article.body) == (headline, "\n".join(text_lines))


def test_an_indian_outlets_markup_stamping_its_india_time_as_utc_yields_to_the_printed_time():
    # HT Bangla: "…T09:40:00Z" for the 09:40 its page prints in India time; Dhaka's clock reads 10:10.
    given = (("published", Given("2025-12-07T15:40", "article:published_time meta", "minute")),
             ("outlet", Given("htbangla", "site address")))
    doc = Document(text=page([TITLE, "প্রকাশিত: ০৭ ডিসেম্বর ২০২৫, ০৯:৪০"], PARAGRAPHS), encoding="utf-8",
                   kind="html", given=given)
    published = parse_document(doc).meta.published
    assert published.iso == "2025-12-07T10:10" and "5.5 h off it: a wrong time zone" in published.basis


def test_a_sites_address_and_contacts_after_its_story_lists_are_no_text():
    footer = ("টাইমস মিডিয়া ভবন (৫ম তলা) | ৩৮৭ তেজগাঁও শিল্প এলাকা, ঢাকা - ১২০৮ । ফোন : ৫৫০২৯৮৩২-৩৮ । "
              "বিজ্ঞাপন : +৮৮০১৭১৪০৮০৩৭৮ । ই-মেইল: news@example.com")
    article = parse_article(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", "প্রকাশ: ১১ ডিসেম্বর ২০২৫, ১৮:২৫"], PARAGRAPHS,
                                 ["সর্বাধিক পঠিত", "যেভাবে জানবেন আপনার ভোটকেন্দ্র", footer]))
    assert article.body == "\n".join(PARAGRAPHS)
    assert {line.text: line.kind for line in article.lines}[footer] == "copyright"


def test_the_lead_photos_caption_over_its_credit_is_a_caption_though_it_ends_a_sentence():
    # Between the article's date line and its text, a short sentence over "ছবি: …" captions the lead photo.
    caption = "শনিবার দুপুরে পদ্মার চরে জমি প্রস্তুত করছেন কৃষকেরা।"
    head = [TITLE, "রাজশাহী প্রতিনিধি", "প্রকাশিত: ২১:৪৫, ০৬ ডিসেম্বর ২০২৫"]
    article = parse_article(page(head, [caption, "ছবি: বাংলা ট্রিবিউন"], PARAGRAPHS))
    assert article.body == "\n".join(PARAGRAPHS)
    assert {line.text: line.kind for line in article.lines}[caption] == "caption"
    # Between paragraphs, a short paragraph over a photo that has only its credit stays text; and so do
    # two sentences over a credit.
    short = "রোববার এক প্রেস বিজ্ঞপ্তিতে এ তথ্য জানিয়েছে ফায়ার সার্ভিস।"
    inside = parse_article(page(head, PARAGRAPHS[:1], [short, "ছবি: সংগৃহীত"], PARAGRAPHS[1:]))
    assert inside.body == "\n".join([PARAGRAPHS[0], short, *PARAGRAPHS[1:]])
    two = "শনিবার দুপুরে পদ্মার চরে জমি প্রস্তুত করছেন কৃষকেরা। চরে এবার ধানের আবাদ বেড়েছে।"
    assert parse_article(page(head, [two, "ছবি: বাংলা ট্রিবিউন"], PARAGRAPHS)).body.split("\n")[0] == two


def test_a_subheaded_article_ends_at_a_list_heading_spelt_the_sites_way_and_its_cards_stay_out():
    head = ["জলবায়ু তহবিলের প্রতিশ্রুতি কাগজেই, ক্ষতি বাড়ছে উপকূলে", "নিজস্ব প্রতিবেদক", "প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৩:৩০"]
    cards = [line for i, (headline, teaser) in enumerate(SECTION_CARDS[:3])
             for line in (headline, teaser, f"০{i + 1}/১২/২০২৫")]
    for heading in ("এ বিষয়ে আরো প্রতিবেদন", "দেশজুড়ে - এর আরও খবর"):
        article = parse_article(page(MENU, head, SUBHEADED, [heading], cards))
        assert (article.page_kind, article.title) == ("article", head[0]), heading
        assert article.body.split("\n") == SUBHEADED, heading
        assert {line.text: line.kind for line in article.lines}[heading] == "list_heading"


def test_a_read_more_link_run_into_its_headline_is_no_subheading():
    link = "আরও পড়ুন মেট্রোরেলের সময়সূচি বদলাল কর্তৃপক্ষ"
    article = parse_article(page(MENU, [TITLE, "নিজস্ব প্রতিবেদক", "প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৩:৩০"],
                                 PARAGRAPHS[:2], [link], PARAGRAPHS[2:]))
    assert article.body.split("\n") == PARAGRAPHS
    assert {line.text: line.kind for line in article.lines}[link] == "related_list"


def test_an_outlets_staff_credit_inline_before_the_date_names_the_byline_and_the_outlet():
    brief = ["রাজধানীর মিরপুর-১০ নম্বর গোলচত্বরে বাসের চাপায় এক কলেজছাত্রী নিহত হয়েছেন।",
             "বৃহস্পতিবার সকাল সাড়ে ৮টার দিকে রাস্তা পার হওয়ার সময় এ দুর্ঘটনা ঘটে বলে জানিয়েছে পুলিশ।"]
    article = parse_article(page(MENU, ["মিরপুরে বাসচাপায় কলেজছাত্রী নিহত", "ইত্তেফাক রিপোর্ট প্রকাশ : ১২ জুন ২০২৫, ০৯:১৫"],
                                 brief, OTHER_STORIES))
    assert (article.page_kind, article.body) == ("article", "\n".join(brief))
    meta = article.meta
    assert (meta.byline, meta.outlet, meta.published.iso) == ("ইত্তেফাক রিপোর্ট", "ittefaq", "2025-06-12T09:15")


def test_a_photo_storys_captions_with_their_credits_run_in_are_captions_not_a_story_list():
    intro = ("সিলেটের গোয়াইনঘাট উপজেলার রাতারগুল দেশের একমাত্র স্বীকৃত মিঠাপানির জলাবন। বর্ষায় বনের গাছগুলোর অর্ধেক ডুবে "
             "থাকে পানিতে, তখন নৌকায় চড়ে বন ঘুরে দেখেন পর্যটকেরা।")
    captions = [f"{scene}{' ' if i else ''}ছবি: আনিস মাহমুদ" for i, scene in enumerate((
        "পানিতে ডুবে থাকা হিজল আর করচগাছের সারি", "ডিঙিনৌকায় চড়ে বনের ভেতর ঘুরছেন পর্যটকেরা",
        "গাছের ডালে বসে আছে একটি পানকৌড়ি", "বনের ভেতর দিয়ে চলে গেছে সরু জলপথ",
        "পর্যটকদের জন্য তৈরি করা হয়েছে কাঠের ওয়াচটাওয়ার", "বিকেলের আলোয় জলাবনের অন্য রকম রূপ"))]
    article = parse_article(page(MENU, ["বর্ষায় অপরূপ রাতারগুল", "নিজস্ব প্রতিবেদক", "প্রকাশ: ১২ জুন ২০২৫, ০৮:০০"],
                                 [intro], captions, OTHER_STORIES))
    assert (article.page_kind, article.title, article.body) == ("article", "বর্ষায় অপরূপ রাতারগুল", intro)
    kinds = {line.text: line.kind for line in article.lines}
    assert {kinds[caption] for caption in captions} == {"caption"}  # the first glued to it ("…সারিছবি: …"), as DW's
