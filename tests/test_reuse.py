"""Republished text (loaders/reuse.py): alignment and direction on hand-written pages, the generated
republished copies of real articles (precision and recall), and the incremental index."""
from __future__ import annotations

import pandas as pd
import pytest

from loaders import parse_documents
from loaders.reuse import pair_shares, shared_spans
from loaders.reuse_index import find_reuse

from .conftest import SHARED, shared_path

PARAGRAPHS = [
    "রাজধানীর মিরপুরে একটি পোশাক কারখানায় আগুন লেগে অন্তত পাঁচজন শ্রমিক আহত হয়েছেন বলে জানিয়েছে ফায়ার সার্ভিস।",
    "ফায়ার সার্ভিসের নিয়ন্ত্রণ কক্ষের কর্মকর্তা জানান, সকাল দশটার দিকে কারখানার চতুর্থ তলায় আগুনের সূত্রপাত হয়।",
    "খবর পেয়ে ফায়ার সার্ভিসের আটটি ইউনিট ঘটনাস্থলে গিয়ে প্রায় দুই ঘণ্টার চেষ্টায় আগুন নিয়ন্ত্রণে আনে।",
    "আহত শ্রমিকদের উদ্ধার করে ঢাকা মেডিকেল কলেজ হাসপাতালে পাঠানো হয়েছে, তাঁদের অবস্থা আশঙ্কামুক্ত।",
    "আগুন লাগার কারণ ও ক্ষয়ক্ষতির পরিমাণ তাৎক্ষণিকভাবে জানা যায়নি বলে কারখানার কর্তৃপক্ষ জানিয়েছে।",
]
OTHER = ["সিলেটে টানা বৃষ্টিতে নগরীর নিচু এলাকাগুলো প্লাবিত হয়েছে এবং সড়কে যান চলাচল ব্যাহত হচ্ছে বলে জানা গেছে।",
         "আবহাওয়া অধিদপ্তর জানিয়েছে আগামী দুই দিন ভারী বৃষ্টির সম্ভাবনা রয়েছে এবং পাহাড়ধসের আশঙ্কাও আছে।"]


def _tables(pages: dict[str, dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """articles and lines tables of hand-written pages: {id: {lines: [(kind, text)], published, outlet, attributions}}."""
    articles = pd.DataFrame([{"article_id": a, "page_kind": "article", "published": pd.Timestamp(p["published"], tz="Asia/Dhaka")
                              if p.get("published") else pd.NaT, "outlet": p.get("outlet"),
                              "attributions": p.get("attributions", []), "fingerprint": a, "title": a, "body": ""}
                             for a, p in pages.items()])
    lines = pd.DataFrame([{"article_id": a, "n": n, "kind": kind, "text": text}
                          for a, p in pages.items() for n, (kind, text) in enumerate(p["lines"], start=1)])
    return articles, lines


def _page(paragraphs: list[str], furniture: str = "শেয়ার করুন") -> list[tuple[str, str]]:
    out = [("title", "শিরোনাম"), ("byline", furniture)]
    for text in paragraphs:
        out += [("body", text), ("blank", "")]
    return out + [("copyright", "সর্বস্বত্ব সংরক্ষিত")]


def test_a_trimmed_copy_with_a_new_lead_is_found_with_its_passages_and_its_source():
    copy = ["ঢাকা, ৫ মে (বাসস) : দিনের শুরুতেই এই দুর্ঘটনার খবর ছড়িয়ে পড়ে আশপাশের এলাকায়।", *PARAGRAPHS[:2], *PARAGRAPHS[3:]]
    articles, lines = _tables({
        "source": {"lines": _page(PARAGRAPHS), "published": "2024-05-05 11:00", "outlet": "bss"},
        "copy": {"lines": _page(copy, "নিজস্ব প্রতিবেদক"), "published": "2024-05-05 13:00", "attributions": ["bss"]},
        "other": {"lines": _page(OTHER), "published": "2024-05-05 12:00"},
    })
    reuse, _ = find_reuse(articles, lines)
    assert reuse[["article_id", "source_id", "basis"]].values.tolist() == [["copy", "source", "published"]]
    row = reuse.iloc[0]
    assert 0.7 < row["shared"] < 0.9  # all but the added lead and the 5-grams across the seams
    # copy lines 5-7 are source paragraphs 1-2 (lines 3, 5); 9-11 are paragraphs 4-5 (lines 9, 11): one dropped between
    assert row["passages"] == [[5, 7, 3, 5], [9, 11, 9, 11]]


def test_direction_falls_back_to_the_agency_and_else_is_unknown_both_ways():
    pages = {"agency": {"lines": _page(PARAGRAPHS), "outlet": "bss"},
             "paper": {"lines": _page(PARAGRAPHS[:4]), "attributions": ["bss"]}}
    reuse, _ = find_reuse(*_tables(pages))
    assert reuse[["article_id", "source_id", "basis"]].values.tolist() == [["paper", "agency", "agency"]]
    pages = {"a": {"lines": _page(PARAGRAPHS)}, "b": {"lines": _page(PARAGRAPHS[:4])}}
    reuse, _ = find_reuse(*_tables(pages))
    assert reuse[["article_id", "source_id", "basis"]].values.tolist() == [["a", "b", "unknown"], ["b", "a", "unknown"]]
    assert reuse.set_index("article_id")["shared"].round(2).to_dict() == {"a": pytest.approx(0.79, abs=0.05), "b": 1.0}


def test_furniture_and_unrelated_text_never_count():
    notice = "মন্তব্য করতে লগইন করুন এবং আমাদের নীতিমালা মেনে চলুন পাঠকের মন্তব্য তাঁর নিজের দায়িত্বে প্রকাশিত হয় সম্পাদকের নয়"
    pages = {"a": {"lines": _page(PARAGRAPHS[:3]) + [("comments_widget", notice)]},
             "b": {"lines": _page(OTHER) + [("comments_widget", notice)]}}
    reuse, _ = find_reuse(*_tables(pages))
    assert reuse.empty


def test_adding_articles_gives_the_table_a_fresh_run_gives():
    pages = {f"p{i}": {"lines": _page(PARAGRAPHS[i:] + OTHER[: i % 2 + 1]), "published": f"2024-05-0{i + 1} 10:00"}
             for i in range(3)}
    pages["q"] = {"lines": _page(OTHER), "published": "2024-05-09 10:00"}
    articles, lines = _tables(pages)
    first = articles["article_id"].isin(["p0", "q"])
    _, index = find_reuse(articles[first], lines[lines["article_id"].isin(["p0", "q"])])
    again, _ = find_reuse(articles, lines, index)
    fresh, _ = find_reuse(articles, lines)
    pd.testing.assert_frame_equal(again, fresh)
    assert len(fresh) >= 3


@pytest.fixture(scope="module")
def generated():
    shared_path(SHARED / "corpus" / "real" / "csv")
    from .reuse_factory import generate

    made = generate()
    corpus = parse_documents(made.sources, entities=False, workers=1)
    return made, corpus


def test_republished_copies_of_real_articles_are_found(generated):
    made, corpus = generated
    found = {frozenset(pair) for pair in zip(corpus.reuse["article_id"], corpus.reuse["source_id"])}
    gold = {frozenset(pair) for pair in made.gold}
    assert len(gold) >= 100
    precision, recall = len(found & gold) / len(found), len(found & gold) / len(gold)
    print(f"reuse on real copies: precision {precision:.2f}, recall {recall:.2f} ({len(found & gold)} of {len(gold)})")
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    directed = set(zip(corpus.reuse["article_id"], corpus.reuse["source_id"], corpus.reuse["basis"]))
    right = sum((copy, source, "published") in directed for copy, source in made.gold)
    assert right >= 0.95 * len(found & gold)


def test_every_reuse_pair_is_in_one_story(generated):
    _, corpus = generated
    story = dict(zip(corpus.stories["article_id"], corpus.stories["story_id"]))
    assert all(story[a] == story[b] for a, b in zip(corpus.reuse["article_id"], corpus.reuse["source_id"]))


def test_pair_shares_read_the_rows_between_two_articles_either_way():
    reuse = pd.DataFrame({"article_id": ["copy", "other", "source"], "source_id": ["source", "source", "copy"],
                          "shared": [0.8, 0.5, 0.3], "passages": [[], [], []], "basis": ["unknown"] * 3})
    assert pair_shares(reuse, "copy", "source") == (0.8, 0.3)
    assert pair_shares(reuse, "source", "other") == (None, 0.5)
    assert pair_shares(reuse, "copy", "other") == (None, None)


def test_shared_spans_mark_runs_of_five_words_found_in_the_other_body():
    first = "শিরোনাম\nঢাকায় আজ ভারী বৃষ্টি হয়েছে, জানিয়েছে আবহাওয়া অফিস। নতুন বাক্য এখানে।\nশেষ লাইন"
    second = "অন্য লাইন এখানে\n\u200cঢাকায় আজ ভারী বৃষ্টি হয়েছে জানিয়েছে আবহাওয়া অফিস।"
    lines_of = [[(8, 69)], [(16, len(second))]]
    mine, theirs = shared_spans((first, lines_of[0]), (second, lines_of[1]))
    assert [first[a:b] for a, b in mine] == ["ঢাকায় আজ ভারী বৃষ্টি হয়েছে, জানিয়েছে আবহাওয়া অফিস।"]
    assert [second[a:b] for a, b in theirs] == ["\u200cঢাকায় আজ ভারী বৃষ্টি হয়েছে জানিয়েছে আবহাওয়া অফিস।"]
    assert shared_spans((first, [(0, 7)]), (second, lines_of[1])) == ([], [])  # a headline is no body
    four = "এক দুই তিন চার"
    assert shared_spans((four, [(0, len(four))]), (four, [(0, len(four))])) == ([], [])  # under five words
