"""The layout-variation harness (tests/harness) and the acceptance figures measured with it.

Part A checks the instrument itself: it is deterministic and its gold agrees with its pages.
Part B holds the acceptance thresholds of the loader rewrite ("Done means" of the issue);
they measure the loaders, not the harness.
"""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from .conftest import SHARED, nfc, shared_path

CORPUS = SHARED / "corpus"
SMALL_HARNESS = 280          # twenty pages per furniture source: runs in seconds
BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_BN = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
             "নভেম্বর", "ডিসেম্বর")


@pytest.fixture(scope="module")
def harness():
    shared_path(CORPUS)
    from tests.harness import generate

    return generate(SMALL_HARNESS)


# ---------------------------------------------------------------- A: the instrument


def test_generation_is_deterministic(harness):
    from tests.harness import generate

    again = generate(SMALL_HARNESS)
    assert [(p.page_id, p.text, p.gold) for p in again] == [(p.page_id, p.text, p.gold) for p in harness]


def test_a_page_does_not_depend_on_how_many_are_generated(harness):
    from tests.harness import generate

    fewer = generate(20)
    assert [(p.text, p.gold) for p in fewer] == [(p.text, p.gold) for p in harness[:20]]


def test_every_furniture_source_and_both_page_kinds_are_covered(harness):
    sources = {p.gold["furniture"] for p in harness}
    assert len(sources) == 14
    kinds = [p.gold["page_kind"] for p in harness]
    assert 0.08 <= kinds.count("listing") / len(kinds) <= 0.3


def test_gold_title_is_the_text_of_its_line(harness):
    for page in harness:
        lines = page.text.split("\n")
        if page.gold["title"] is None:
            assert page.gold["title_line"] is None
        else:
            assert lines[page.gold["title_line"] - 1] == page.gold["title"], page.page_id


def test_gold_body_lines_are_prose(harness):
    for page in harness:
        lines = page.text.split("\n")
        numbers = page.gold["body_lines"]
        assert numbers == sorted(set(numbers)), page.page_id
        assert bool(numbers) == (page.gold["page_kind"] == "article"), page.page_id
        for n in numbers:
            assert len(lines[n - 1].split()) >= 4, (page.page_id, n, lines[n - 1])


def _date_is_written(text: str, published: str) -> bool:
    """Whether one line states the day, month and year (and the minute, when gold has one) of ``published``."""
    moment = datetime.fromisoformat(published)
    for line in text.split("\n"):
        latin = line.translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789"))
        if str(moment.year) not in latin:
            continue
        if MONTHS_BN[moment.month - 1] not in line and MONTHS_EN[moment.month - 1] not in line:
            continue
        if not re.search(rf"(?<!\d)0?{moment.day}(?!\d)", latin):
            continue
        if "T" not in published or re.search(rf"(?<!\d)0?({moment.hour}|{moment.hour % 12 or 12}):{moment.minute:02d}",
                                              latin):
            return True
    return False


def test_gold_published_is_written_in_the_page(harness):
    for page in harness:
        if page.gold["published"] is not None:
            assert _date_is_written(page.text, page.gold["published"]), page.page_id


def test_no_gold_outlet_without_its_name_in_the_page(harness):
    from tests.harness.pages import names_outlet, outlet_names

    names = outlet_names()
    for page in harness:
        if page.gold["outlet"] is not None:
            assert names_outlet(page.text, names[page.gold["outlet"]]), page.page_id


def test_lifted_furniture_keeps_no_trace_of_its_own_article(harness):
    """The source page's headline slot is always filled, and its own date lines and body lines are gone."""
    import json

    from tests.harness.material import TITLE_SLOT, furniture_sources

    assert all(TITLE_SLOT not in p.text for p in harness)
    own_dates = {"unseen:jamuna": "২৯ মার্চ ২০২৬, ০১:২১ পিএম", "unseen:rtvonline": "২২ ফেব্রুয়ারি ২০২৬ , ০১:১৬ পিএম",
                 "unseen:bdpratidin": "২০ মার্চ, ২০২৩ ১৩:১৮", "seed:000": "২১:৩০, মার্চ ২৮, ২০২৪",
                 "seed:004": "১৩ আগস্ট ২০২৫, ১৩:২১"}
    for source in furniture_sources():
        lifted = "\n".join(line for part in (source.header, source.byline, source.inbody, source.after)
                           for block in part for line in block)
        if source.name in own_dates:
            assert own_dates[source.name] not in lifted, source.name
    unseen = CORPUS / "unseen" / "articles"
    for item in json.loads((unseen / "gold.json").read_text(encoding="utf-8"))["articles"]:
        source = next(s for s in furniture_sources() if s.name == f"unseen:{item['file'][:-4]}")
        lifted = {line for part in (source.header, source.byline, source.inbody, source.after)
                  for block in part for line in block}
        lines = (unseen / "text" / item["file"]).read_text(encoding="utf-8").split("\n")
        assert not lifted & {nfc(lines[n - 1]).strip() for n in item["body_lines"]}, item["file"]


# ---------------------------------------------------------------- B: acceptance figures for the loaders
# "Done means" of the issue: title, published and page kind >= 0.97, body F1 >= 0.95, outlet never
# wrong, on every page together and on every furniture source left out in turn.

THRESHOLDS = {"title": 0.97, "published": 0.97, "body_f1": 0.95, "page_kind": 0.97}


@pytest.fixture(scope="module")
def harness_figures(harness):
    from tests.harness.scoring import by_source, score

    return dict(by_source(score(harness)))


@pytest.fixture(scope="module")
def held_out_minimum(harness_figures):
    return harness_figures["harness MIN over sources"]


@pytest.mark.parametrize("figure", sorted(THRESHOLDS))
def test_acceptance_harness_all_pages(harness_figures, figure):
    assert harness_figures["harness ALL"][figure] >= THRESHOLDS[figure]


@pytest.mark.parametrize("figure", sorted(THRESHOLDS))
def test_acceptance_harness_held_out_minimum(held_out_minimum, figure):
    assert held_out_minimum[figure] >= THRESHOLDS[figure]


def test_acceptance_harness_outlet_never_wrong(held_out_minimum):
    assert held_out_minimum["outlet"][2] == 0


@pytest.fixture(params=["text", "html"])
def form(request) -> str:
    """The unseen pages as text dumps, then as the saved HTML."""
    shared_path(CORPUS / "unseen")
    return request.param


def test_acceptance_unseen_article_pages(form):
    from tests.layout_eval import unseen_article_rows

    figures = {r["file"]: (r["title"], r["published"], r["outlet"], r["body_f1"] >= 0.95)
               for r in unseen_article_rows(form)}
    assert len(figures) == 3
    assert figures == dict.fromkeys(figures, (1.0, 1.0, "right", True))


def test_acceptance_not_article_pages(form):
    """None is taken for an article, none adds a mention to the entity counts."""
    from tests.layout_eval import not_article_rows

    figures = {r["file"]: (r["page_kind"], r["mentions"]) for r in not_article_rows(form)}
    assert len(figures) == 6
    assert figures == dict.fromkeys(figures, (1.0, 0))


# Other seeds draw other texts, furniture and forms. Seeds 7-12 were kept unseen while the rules of
# the held-out work were written (README, "Other harness seeds as a held-out check"): every page
# of each must still meet the bar, so that a rule fitted to seed 0 alone shows here.
HELD_OUT_SEEDS = range(7, 13)
HELD_OUT_PAGES = 140         # ten pages per furniture source


@pytest.mark.parametrize("seed", HELD_OUT_SEEDS)
def test_acceptance_other_harness_seeds(seed):
    shared_path(CORPUS)
    from tests.harness import generate
    from tests.harness.scoring import by_source, score

    every_page = dict(by_source(score(generate(HELD_OUT_PAGES, seed))))["harness ALL"]
    assert {figure: every_page[figure] >= THRESHOLDS[figure] for figure in THRESHOLDS} == dict.fromkeys(THRESHOLDS, True)
    assert every_page["outlet"][2] == 0
