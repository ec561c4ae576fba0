"""Dates (components/date_view.py): precision, where a date came from, the article header's date rows."""
from __future__ import annotations

from components import aggregate, article_view, date_view

from .html_checks import texts_between_tags


def test_dates_show_precision_and_basis():
    assert aggregate.format_date("2024-03-28T21:30", "minute") == "28 Mar 2024, 21:30"
    assert aggregate.format_date("2025-10-28", "day") == "28 Oct 2025"
    assert aggregate.format_date(None) == ""
    assert date_view.basis_text("প্রকাশ", 4) == "from প্রকাশ, line 4"
    assert date_view.basis_text("inferred", 3, "উত্তর কোরিয়ার নেতা। গতকাল সোমবার ক্রেমলিনে আলোচনা") == \
        "inferred from গতকাল সোমবার…, line 3"


def test_article_header_reports_dates_honestly(sample_corpus):
    articles = sample_corpus.articles.set_index("article_id", drop=False)
    lines = sample_corpus.lines

    def html_of(article_id: str) -> str:
        return texts_between_tags(article_view.article_html(articles.loc[article_id], lines[lines["article_id"] == article_id]))

    partial = html_of("002_7415ef057343b78a.txt")
    assert "13 Sep, year unknown" in partial and "partial" in partial
    inferred = html_of("001_3bfc753714e309ae.txt")
    assert "28 Oct 2025" in inferred and "inferred" in inferred and "গতকাল সোমবার" in inferred
    stated = html_of("004_ba2a176cc4aaac8d.txt")
    assert "13 Aug 2025, 13:21" in stated and "from প্রকাশ, line 4" in stated
    assert "AFP" in stated and "Bangladesh Sangbad Sangstha" in stated
    assert "No headline on the page" in partial


def test_a_date_that_is_an_upper_bound_is_flagged_as_one():
    from loaders import parse_documents

    page = "\n\n".join(["শহরে বৃষ্টি, জল জমল একাধিক রাস্তায়", "নিজস্ব সংবাদদাতা", "শেষ আপডেট: ০৮ জুলাই ২০২৫ ১৬:৩০",
                        "মঙ্গলবার সকাল থেকেই শহর জুড়ে ভারী বৃষ্টি শুরু হয়েছে। দক্ষিণের একাধিক রাস্তায় জল জমে যায়, ফলে "
                        "যান চলাচল ব্যাহত হয়। আবহাওয়া দফতর জানিয়েছে, আগামী দু’দিন বৃষ্টির সম্ভাবনা রয়েছে।"])
    corpus = parse_documents([("rain.txt", "/corpus/rain.txt", page.encode())], entities=False)
    row = corpus.articles.iloc[0]
    html = texts_between_tags(article_view.article_html(row, corpus.lines))
    assert "8 Jul 2025, 16:30" in html and "upper bound" in html
    assert html.count("upper bound") == 2  # the flag, and the basis that explains it
