"""The Stories page and the Reader's compare view in Chromium, on the real JSON export (13 outlets, one week).

Screenshots go to artifacts/screenshots/ (stories-*.png, reader-compare-shared.png) for a person to look at.
"""
from __future__ import annotations

import os
from urllib.parse import urlencode

import pytest

from loaders import load_corpus

from .conftest import SHARED, shared_path
from .served import EXCEPTION, MAIN, start_server, stop_server
from .test_browser import browser, exceptions, open_page, screenshot  # noqa: F401  (browser: fixture)

EXPORT = SHARED / "corpus" / "real" / "bd-newspapers-2025.json"


@pytest.fixture(scope="module")
def export_corpus(tmp_path_factory):
    """The export in a folder of its own, parsed once into a cache the server then reads warm."""
    folder = tmp_path_factory.mktemp("export")
    os.symlink(shared_path(EXPORT), folder / EXPORT.name)
    cache = tmp_path_factory.mktemp("cache")
    return folder, cache, load_corpus([folder], cache_dir=cache)


@pytest.fixture(scope="module")
def server(chromium, export_corpus):
    folder, cache, _ = export_corpus
    process, base = start_server({"CORPUS_DIR": str(folder), "KHOBOR_CACHE_DIR": str(cache)})
    try:
        yield base
    finally:
        stop_server(process)


def _copied_pair(corpus) -> tuple[str, str, str]:
    """(copy, source, story label) of the copy sharing most with its source, in the story of most outlets."""
    reuse = corpus.reuse[corpus.reuse["basis"] != "unknown"]
    story_of = corpus.stories.set_index("article_id")["story_id"]
    table = corpus.story_table.set_index("story_id")
    ranked = reuse.assign(story=reuse["article_id"].map(story_of)).assign(
        outlets=lambda f: f["story"].map(table["n_outlets"])).sort_values(["outlets", "shared"], ascending=False)
    best = ranked.iloc[0]
    return best["article_id"], best["source_id"], table.at[best["story"], "label"]


def test_the_stories_page_ranks_events_and_lists_a_story_s_copies(server, browser, export_corpus):  # noqa: F811
    corpus = export_corpus[2]
    assert len(corpus.reuse) > 0 and (corpus.story_table["n_outlets"] > 1).any()
    page, requests = open_page(browser, server, "/stories")
    screenshot(page, "stories-json")
    assert exceptions(page) == []
    assert page.locator(f"{MAIN} h1").first.inner_text() == "Stories"
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 1  # the story's timeline
    assert all(url.startswith(server) or url.startswith("data:") for url in requests)

    _, _, label = _copied_pair(corpus)
    picker = page.locator(f'{MAIN} [data-testid="stSelectbox"]').first
    picker.click()
    page.keyboard.type(label[:40])
    page.keyboard.press("Enter")
    page.wait_for_timeout(3000)
    screenshot(page, "stories-json-copies")
    assert exceptions(page) == []
    assert label in page.locator(MAIN).inner_text()
    assert page.locator('[data-testid="stDataFrame"]').count() == 1, "the story's copies are listed"
    page.close()


def test_the_compare_view_marks_the_shared_passages_in_both_columns(server, browser, export_corpus):  # noqa: F811
    copy, source, _ = _copied_pair(export_corpus[2])
    page, _ = open_page(browser, server, "/reader?" + urlencode({"article": copy, "compare": source}))
    page.wait_for_selector("mark.kl-shared", timeout=30000)
    screenshot(page, "reader-compare-shared")
    assert page.locator(EXCEPTION).count() == 0
    columns = page.locator('[data-testid="stColumn"]')
    marked = [columns.nth(k).locator("mark.kl-shared").count() for k in range(columns.count())]
    assert sum(1 for count in marked if count > 0) == 2, marked
    assert page.get_by_text("of this article's body is found in the other one").count() >= 1
    page.close()
