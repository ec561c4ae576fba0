"""Line classification and metadata on small hand-made pages."""
from __future__ import annotations

import re
import unicodedata

from loaders import parse_article
from loaders.lexicon import lexicon

from .conftest import page

PARA = "রাজধানীতে আজ একটি গুরুত্বপূর্ণ বৈঠক অনুষ্ঠিত হয়েছে, যেখানে বিভিন্ন দলের নেতারা অংশ নেন।"
PARA2 = "বৈঠক শেষে সাংবাদিকদের সঙ্গে কথা বলেন মন্ত্রী এবং ভবিষ্যৎ পরিকল্পনার কথা জানান।"


def kinds(text: str) -> dict[int, str]:
    return {line.n: line.kind for line in parse_article(text).lines if line.kind != "blank"}


def test_headline_furniture_and_body():
    article = parse_article(page(
        "জাতীয়", "সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", "নিজস্ব প্রতিবেদক",
        "প্রকাশিত: ১০ জানুয়ারি ২০২৪, ০৯:১৫ পিএম", PARA, PARA2, "সূত্র: বাসস", "এমএস/এফআর",
    ))
    assert [line.kind for line in article.lines] == [
        "section_label", "title", "byline", "timestamp", "body", "body", "attribution", "credit",
    ]
    assert article.meta.published.iso == "2024-01-10T21:15"
    assert article.meta.published.basis == "প্রকাশিত"
    assert article.meta.byline == "নিজস্ব প্রতিবেদক"
    assert article.meta.credits == ("এমএস/এফআর",)
    assert article.meta.attributions == ("bss",)
    assert article.meta.outlet is None  # a cited agency is not the publisher


def test_ad_splitting_a_paragraph_keeps_both_halves():
    half_one = "প্রধানমন্ত্রী আজ সকালে গণভবনে"
    half_two = "বিদেশি অতিথিদের সঙ্গে সাক্ষাৎ করেন।"
    found = kinds(page("শিরোনাম এখানে লেখা আছে", PARA, half_one, "[বিজ্ঞাপন_৩]", half_two, PARA2))
    assert found == {1: "title", 2: "body", 3: "body", 4: "ad_placeholder", 5: "body", 6: "body"}


def test_list_after_article_and_its_dates_are_not_the_articles():
    article = parse_article(page(
        "শিরোনাম এখানে লেখা আছে", PARA, PARA2, "সর্বাধিক পঠিত",
        "নদীতে নৌকাডুবি, নিখোঁজ ৫ Oct 28, 2025", "বাজারে চালের দাম বাড়ল Oct 29, 2025", "১ ২ ৩",
    ))
    assert [line.kind for line in article.lines][3:] == ["list_heading", "most_read_list", "most_read_list", "pagination"]
    assert article.meta.published is None
    assert article.meta.page_date.iso == "2025-10-29"
    assert "upper bound" in article.meta.page_date.basis


def test_unicode_variants_match_the_lexicon():
    decomposed = unicodedata.normalize("NFD", "সর্বাধিক পঠিত")
    with_zero_width = "সর্ব\u200bশেষ"
    found = kinds(page("\ufeffশিরোনাম এখানে লেখা আছে", PARA, PARA2, decomposed, "একটি খবর এখানে", with_zero_width, "আরেকটি খবর"))
    assert found[1] == "title"
    assert found[4] == found[6] == "list_heading"
    assert found[5] == "most_read_list" and found[7] == "latest_news_list"


def test_mixed_digits_in_a_timestamp():
    article = parse_article(page("শিরোনাম এখানে লেখা আছে", "আপডেট: ১৫ আগস্ট ২০23, ১১:30", PARA))
    assert article.meta.updated.iso == "2023-08-15T11:30"


def test_no_headline_and_no_year():
    article = parse_article(page("১৩ সেপ্টেম্বর, " + PARA, PARA2))
    assert article.title is None
    assert article.label.startswith("১৩ সেপ্টেম্বর")
    assert article.meta.published is None
    assert article.meta.published_partial.partial_iso == "--09-13"


def test_relative_day_needs_evidence_in_the_page():
    text = page("শিরোনাম এখানে লেখা আছে", "গতকাল সোমবার " + PARA, PARA2)
    assert parse_article(text).meta.published is None  # nothing in the page to anchor it


def test_line_spans_index_the_original_text():
    source = "\ufeffশিরোনাম\u200c এখানে\r\n\r\n" + PARA + "\r\n" + unicodedata.normalize("NFD", PARA2)
    article = parse_article(source)
    for line in article.lines:
        assert "\n" not in source[line.start : line.end] and "\r" not in source[line.start : line.end]
    assert source[article.lines[2].start : article.lines[2].end] == PARA


def test_markup_in_article_text_is_kept_as_text():
    article = parse_article(page("শিরোনাম <script>alert(1)</script> এখানে", PARA + " <img src=x onerror=alert(1)>"))
    assert article.title == "শিরোনাম <script>alert(1)</script> এখানে"
    assert "<img src=x onerror=alert(1)>" in article.body


def test_question_headline_above_the_lead():
    question = "খালেদা জিয়ার সংকটাপন্ন সময়ে তারেক রহমান দেশে না ফিরে কি ভুল করেছেন?"
    assert kinds(page(question, PARA + " " + PARA2)) == {1: "title", 2: "body"}
    # a question inside running text stays body
    assert kinds(page("শিরোনাম এখানে লেখা আছে", PARA, "তাহলে এখন কী হবে?", PARA2))[3] == "body"


def test_dates_and_numbers_inside_the_body_stay_article_text():
    article = parse_article(page(
        "শিরোনাম এখানে লেখা আছে", PARA, "১ জানুয়ারি ১৯৭১", "২.", PARA2, "ঢাকা। ০৮ আগস্ট ২০২৪",
    ))
    assert [line.kind for line in article.lines] == ["title", "body", "body", "body", "body", "timestamp"]
    assert article.meta.published.iso == "2024-08-08"  # the date after the article, not the one inside it


def test_copyright_words_in_news_text_are_not_a_footer():
    text = "সংস্থাটির অনুমতি ছাড়াই অক্টোবর থেকে নভেম্বর সময়ে ভবনের মূল্য বাবদ বিপুল অর্থ পরিশোধ করা হয়েছে বলে অভিযোগ।"
    assert kinds(page("শিরোনাম এখানে লেখা আছে", PARA, text))[3] == "body"
    assert kinds(page("শিরোনাম এখানে লেখা আছে", PARA, "© ২০২৪ সর্বস্বত্ব সংরক্ষিত"))[3] == "copyright"


def test_phrase_lists_match_in_any_letter_case_without_the_ignorecase_flag():
    lex = lexicon()
    for line in ["© 2024 ALL RIGHTS RESERVED", "Copyright: Daily Ittefaq", "কপিরাইট ইত্তেফাক", "all Rights reserved"]:
        assert lex.copyright_re.search(line), line
    for line in ["খবর বিবিসির", "REPORTED BY Reuters", "According to AFP", "সূত্র: এএফপি"]:
        assert lex.citation_re.search(line), line
    assert not lex.citation_re.search("রাজধানীতে আজ বৃষ্টি হয়েছে")
    assert not (lex.citation_re.flags | lex.copyright_re.flags) & re.IGNORECASE


def test_a_long_sentence_with_one_danda_is_running_text():
    from loaders.layout.features import is_paragraph

    sentence = ("৩০ মার্চ দুপুর ১২টা থেকে বিকাল সাড়ে ৫টা পর্যন্ত সর্বসাধারণের সঙ্গে ঢাকার স্কুল ও কলেজের ছাত্রছাত্রী এবং "
                "৩১ মার্চ দুপুর ১২টা থেকে সাড়ে ৫টা পর্যন্ত সশস্ত্র বাহিনীর সদস্যদের পরিবার ও তিন বাহিনী পরিচালিত "
                "স্কুল-কলেজের ছাত্রছাত্রীদের জন্য প্রদর্শনী উন্মুক্ত থাকবে বলে আয়োজকেরা আজ জানিয়েছেন।")
    words = len(sentence.split())
    assert 40 < words < 80
    assert is_paragraph(sentence, words)
    menu = " ".join(["জাতীয়", "রাজনীতি", "খেলা", "বিনোদন", "বাণিজ্য", "আন্তর্জাতিক"] * 7)  # no mark at all
    assert not is_paragraph(menu, len(menu.split()))
    with_a_domain = menu + " যোগাযোগ: info@khoborerkagoj.com"  # one dot, and no sentence ends the line
    assert not is_paragraph(with_a_domain, len(with_a_domain.split()))


def test_an_outlet_does_not_cite_its_own_organisation():
    told_bbc = "সাবেক এই মন্ত্রী বিবিসিকে জানিয়েছেন, আগামী সপ্তাহে তিনি আবার আদালতে যাবেন।"
    reuters = "বার্তা সংস্থা রয়টার্স জানিয়েছে, বৈঠকে দুই দেশের প্রতিনিধিরা অংশ নেন।"
    bbc_page = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, told_bbc, reuters, PARA2,
                                  "© ২০২৪ বিবিসি বাংলা"))
    assert bbc_page.meta.outlet == "bbc_bangla"
    assert bbc_page.meta.attributions == ("reuters",)  # its own interview is no source
    other = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, told_bbc, reuters, PARA2,
                               "© ২০২৪ প্রথম আলো"))
    assert other.meta.outlet == "prothomalo"
    assert other.meta.attributions == ("bbc", "reuters")  # another outlet quoting the BBC cites it


def test_a_header_in_the_2019_bangla_calendar_agrees_with_its_gregorian_date():
    # 22 February 2026 is ৯ ফাল্গুন ১৪৩২ in the calendar Bangladesh revised in 2019 (the 1987 rules said ১০ ফাল্গুন).
    article = parse_article(page("ঢাকা রোববার, ২২ ফেব্রুয়ারি ২০২৬, ৯ ফাল্গুন ১৪৩২", "সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, PARA2))
    assert article.meta.page_date.iso == "2026-02-22"
    assert article.meta.page_date_check == "Bangla calendar ৯ ফাল্গুন ১৪৩২ agrees; weekday রবিবার agrees"


def test_calls_to_follow_the_site_and_inline_read_more_links_inside_the_text_are_furniture():
    promos = {"আমাদের ফেসবুক পেজে লাইক দিন": "widget", "ইউটিউব চ্যানেল সাবস্ক্রাইব করুন": "widget",
              "হোয়াটসঅ্যাপ চ্যানেলে যুক্ত হোন": "widget", "টেলিগ্রাম চ্যানেলে যুক্ত হতে ক্লিক করুন": "widget",
              "দৈনিক খবরের সর্বশেষ খবর পেতে গুগল নিউজ অনুসরণ করুন": "widget", "ভিডিও দেখুন": "widget",
              "পড়ুন: বন্যায় ডুবল উত্তরের জনপদ": "related_list", "সংশ্লিষ্ট খবর: বন্যায় ডুবল উত্তর": "related_list",
              "গ্রাফিক্স: প্রথম আলো": "caption", "অলংকরণ: আরাফাত করিম": "caption",
              "আরও পড়ুন: নির্বাচন নিয়ে নতুন সিদ্ধান্ত": "related_list", "এ বিষয়ে আরও পড়ুন >> বন্যায় ডুবল উত্তর": "related_list"}
    for line, kind in promos.items():
        found = kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, line, PARA2, "© ২০২৪ দৈনিক খবর"))
        assert found == {1: "title", 2: "body", 3: kind, 4: "body", 5: "copyright"}, line
    said_on_facebook = "তিনি ফেসবুকে লিখেছেন, সবাই যেন শান্ত থাকেন এবং গুজবে কান না দেন।"
    assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, said_on_facebook, PARA2))[3] == "body"


def test_a_byline_or_desk_above_the_text_that_names_an_outlet_is_its_own_staff():
    for credit, outlet in [("যুগান্তর প্রতিবেদক", "jugantor"), ("নিজস্ব প্রতিবেদক | সমকাল", "samakal"),
                           ("প্রথম আলো ডেস্ক", "prothomalo"), ("নিজস্ব প্রতিবেদক", None)]:
        article = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", credit, PARA, PARA2))
        assert article.meta.outlet == outlet, credit
    # Below the text, an outlet in an author note is the guest's affiliation, not the publisher.
    guest = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, PARA2, "লেখক: সাবেক সম্পাদক, দৈনিক ইত্তেফাক"))
    assert guest.meta.outlet is None


def test_a_caption_that_ends_in_its_photo_credit_is_furniture():
    for caption in ["রাজধানীর মতিঝিলে বিক্ষোভ মিছিল করেন শিক্ষার্থীরা। ছবি: প্রথম আলো",
                    "শহীদ মিনারে শ্রদ্ধা (ছবি: ফোকাস বাংলা)", "বন্যাকবলিত এলাকা | Photo: Reuters"]:
        assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, caption, PARA2))[3] == "caption", caption
    for text in ["তিনি বলেন, এই ছবি: আমাদের ইতিহাসের অংশ এবং এটি সংরক্ষণ করা দরকার।",
                 "সংবাদ সম্মেলনে তিনি (ছবিতে ডানে) কথা বলেন।"]:
        assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, text, PARA2))[3] == "body", text


def test_share_buttons_under_a_standfirsts_byline_and_date_line_do_not_end_the_text():
    # Kolkata papers: headline, a one-sentence standfirst, byline, "শেষ আপডেট: …", share buttons, then the text.
    standfirst = "সকালে পাতা তোলার সময় আচমকা ঝোপ থেকে বেরিয়ে এসে হামলা চালায় চিতাবাঘটি।"
    head = ["চা-বাগানে ফের চিতাবাঘের হামলা, জখম শ্রমিক", standfirst, "নিজস্ব সংবাদদাতা", "শেষ আপডেট: ০৭ ডিসেম্বর ২০২৫ ০৭:৫৪"]
    for share in (["Share"], ["শেয়ার করুন", "কপি লিঙ্ক"], []):
        article = parse_article(page(*head, *share, PARA, PARA2))
        assert article.body == "\n".join([standfirst, PARA, PARA2]), share
    # Below the text, under a byline printed at its end, the same buttons are its footer.
    after = parse_article(page(head[0], PARA, PARA2, "নিজস্ব সংবাদদাতা", "Share", PARA.replace("আজ", "গতকাল")))
    assert after.body == "\n".join([PARA, PARA2])


def test_share_buttons_right_under_a_lead_paragraph_below_the_date_line_do_not_end_the_text():
    # DW: headline, author, date, the lead paragraph, the share buttons, then the rest of the text.
    lead = ("জলবায়ু পরিবর্তনে ক্ষতিগ্রস্ত দেশগুলোকে সহায়তার জন্য প্রতিশ্রুত অর্থের সামান্য অংশই এখন পর্যন্ত পৌঁছেছে। "
            "বাংলাদেশের উপকূলের মানুষ বলছেন, প্রতি বছর তাঁদের ক্ষতি বাড়ছে।")
    head = ["জলবায়ু তহবিলের প্রতিশ্রুতি কাগজেই, ক্ষতি বাড়ছে উপকূলে", "নিজস্ব প্রতিবেদক", "০৭/১২/২০২৫"]
    article = parse_article(page(*head, lead, "শেয়ার করুন", "Facebook", "WhatsApp", PARA, PARA2))
    assert article.body == "\n".join([lead, PARA, PARA2])


def test_a_short_sentence_under_a_read_more_headline_it_does_not_retell_is_the_texts():
    said = "ব্যাংকাররা বলছেন, এর পেছনে কয়েকটি কারণ রয়েছে।"
    going_on = ("কৃষি সম্প্রসারণ অধিদপ্তর সূত্রে জানা গেছে, জেলার চারটি উপজেলায় চলতি মৌসুমে প্রায় সাত হাজার "
                "হেক্টর জমিতে আবাদের লক্ষ্যমাত্রা নির্ধারণ করা হয়েছে।")
    links = ["আরও পড়ুন", "নভেম্বরে রেমিট্যান্স এলো ২৮৯ কোটি ডলার", "খোলাবাজারে ডলারের দাম কমেছে"]
    article = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, *links, said, going_on, PARA2))
    assert article.body == "\n".join([PARA, said, going_on, PARA2])
    # A teaser that retells the headline over it, or a list of teaser sentences alone, stays the list's.
    teaser = "খোলাবাজারে ডলারের দাম আজ আরও কমেছে।"
    for items in ([*links, teaser], ["আরও পড়ুন", said, "খোলাবাজারে ডলারের দাম আজ আরও কমেছে।"]):
        found = parse_article(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, *items, going_on, PARA2))
        assert found.body == "\n".join([PARA, going_on, PARA2]), items


def test_a_short_sentence_right_under_the_last_paragraph_ends_the_text():
    last = "বিষয়টি তদন্ত করছে পুলিশ।"
    title = "সরকারের নতুন উদ্যোগ নিয়ে আলোচনা"
    for tail in ([], ["এমএস/এফআর"], ["সূত্র: বাসস", "© ২০২৪ দৈনিক খবর"], ["সর্বাধিক পঠিত", "নদীতে নৌকাডুবি, নিখোঁজ ৫"]):
        assert parse_article(page(title, PARA, PARA2, last, *tail)).body == "\n".join([PARA, PARA2, last]), tail
    # Not a photo's caption over its credit, a call to the reader, a note in brackets, a line among
    # other short lines, or a line after a story list.
    for tail in ([last, "ছবি: সংগৃহীত"], ["আমাদের সঙ্গেই থাকুন।"], ["(মতামত লেখকের নিজস্ব।)"],
                 [last, "নদীতে নৌকাডুবি, নিখোঁজ ৫"], ["সর্বাধিক পঠিত", "নদীতে নৌকাডুবি, নিখোঁজ ৫", last]):
        assert parse_article(page(title, PARA, PARA2, *tail)).body == "\n".join([PARA, PARA2]), tail


def test_a_caption_ending_in_its_agency_or_outlet_after_a_spaced_colon_or_a_dash_is_furniture():
    for caption in ["গাজার খান ইউনিসে ধ্বংসস্তূপের মধ্য দিয়ে হেঁটে যাচ্ছেন ফিলিস্তিনিরা : এএফপি",
                    "কিয়েভে রুশ হামলার পর উদ্ধারকাজ চলছে — রয়টার্স", "শহীদ মিনারে শ্রদ্ধা নিবেদন - প্রথম আলো"]:
        assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, caption, PARA2))[3] == "caption", caption
    # Text: an attribution after a paragraph's sentences, a name the colon does not stand apart from,
    # and a tail that says more than the name.
    for text in ["ভারতের কেন্দ্রীয় সরকার সর্বদলীয় বৈঠক ডেকেছে। মঙ্গলবার এই বৈঠক অনুষ্ঠিত হয়েছে। খবর: এনডিটিভি",
                 "হামলার পর দুই পক্ষই যুদ্ধবিরতির কথা বলেছে। তবে আলোচনার কোনো অগ্রগতি হয়নি : রয়টার্স",
                 "যুদ্ধবিরতি নিয়ে আলোচনায় অগ্রগতির কথা জানিয়েছেন মুখপাত্র: রয়টার্স",
                 "আলোচনায় অগ্রগতির কথা জানিয়েছে দুই পক্ষ — রয়টার্সের এক প্রতিবেদনে এমনটাই বলা হয়েছে"]:
        assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, text, PARA2))[3] == "body", text


def test_a_caption_ending_in_a_credit_that_needs_no_colon_is_furniture():
    # Kolkata papers end a caption with "নিজস্ব চিত্র" (own photo) or "ফাইল ছবি" after its full stop, no colon.
    for caption in ["বাড়ি ফেরার পর মায়ের সঙ্গে যুবক। নিজস্ব চিত্র", "জলমগ্ন রাস্তায় যান চলাচল, ফাইল ছবি",
                    "বিধানসভার সামনে বিক্ষোভ। (ফাইল চিত্র)", "হাসপাতালে ভর্তি রোগীরা। প্রতীকী চিত্র"]:
        assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, caption, PARA2))[3] == "caption", caption
    said = "তিনি বলেন, এটি আসলে একটি প্রতীকী ছবি এবং এর কোনো বিশেষ অর্থ নেই।"  # the words inside a sentence
    assert kinds(page("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা", PARA, said, PARA2))[3] == "body"
