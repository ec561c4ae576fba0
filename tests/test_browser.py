"""Every page in a real browser: Streamlit served on localhost, Debian's Chromium via Playwright.

Fails on any exception box. Screenshots go to artifacts/screenshots/ for a person to look at.
"""
from __future__ import annotations

import pytest

from .served import CHROMIUM_ARGS, EXCEPTION, MAIN, PROJECT, start_server, stop_server

SHOTS = PROJECT / "artifacts" / "screenshots"
PAGES = {
    "overview": "/",
    "entities": "/entities",
    "sources": "/sources",
    "timeline": "/timeline",
    "reader": "/reader?article=001_3bfc753714e309ae.txt",
    "reader-compare": "/reader?article=003_2912fb69db994f90.txt&compare=000_6e226a8acf7a7e9c.txt",
}


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory):
    process, base = start_server({"KHOBOR_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    try:
        yield base
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def browser(chromium, server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def open_page(browser, server: str, path: str):
    """A new tab on ``path``, once the page has drawn its title (or an exception box), with the hosts it asked."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + path)
    page.wait_for_selector(f"{MAIN} h1, {EXCEPTION}", timeout=60000)
    page.wait_for_timeout(3000)  # charts and fonts settle
    return page, requests


def screenshot(page, name: str) -> None:
    """The whole page, not only the first screen (Streamlit scrolls inside its own container)."""
    height = page.evaluate("Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1400, "height": min(height + 50, 8000)})
    page.wait_for_timeout(1000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def exceptions(page) -> list[str]:
    """Text of every exception box on the page."""
    return page.locator(EXCEPTION).all_inner_texts()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_without_exception(server, browser, name):
    page, requests = open_page(browser, server, PAGES[name])
    screenshot(page, name)
    assert exceptions(page) == []
    assert page.locator(f"{MAIN} h1").count() >= 1
    foreign = [url for url in requests if not url.startswith(server) and not url.startswith("data:")]
    assert foreign == [], "the page contacted other hosts"
    assert any("NotoSansBengali" in url for url in requests), "the Bengali font is not self-hosted"
    page.close()


def test_timeline_brush_narrows_the_page(server, browser):
    page, _ = open_page(browser, server, "/timeline")
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    box = chart.bounding_box()
    # Drag across the middle of the chart: on the sample (monthly bars, Aug 2022 – Oct 2025) that
    # takes the March 2024 bar and nothing else.
    y = box["y"] + box["height"] * 0.3
    page.mouse.move(box["x"] + box["width"] * 0.35, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=10)
    page.mouse.up()
    page.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=30000)
    page.wait_for_timeout(2000)
    screenshot(page, "timeline-brushed")
    assert exceptions(page) == []
    assert "in the selected range" in page.locator('[data-testid="stAlertContentSuccess"]').inner_text()
    assert page.get_by_text("Articles in range").count() == 1
    page.close()


def test_uploads_stay_in_their_session_and_never_run(server, browser, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("<script>alert(1)</script> পুতিনের সফর\n\nরাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন "
                       "<img src=x onerror=alert(2)> উত্তর কোরিয়া সফর করেছেন বলে জানিয়েছে বার্তা সংস্থা।\n",
                       encoding="utf-8")
    page, _ = open_page(browser, server, "/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(hostile))
    page.get_by_text("1 of 1 articles · corpus: 1 uploaded file(s)").first.wait_for(timeout=60000)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Reader").click()  # same session, no reload
    # .first: while a rerun finishes, Streamlit can briefly keep the stale copy of an element.
    page.get_by_text("Clean article", exact=True).first.wait_for(timeout=60000)
    page.wait_for_timeout(2000)
    assert page.get_by_text("<script>alert(1)</script>", exact=False).count() >= 1  # shown as text
    other = browser.new_context().new_page()
    other.goto(server + "/")
    other.get_by_text("5 of 5 articles · corpus: bundled sample").first.wait_for(timeout=60000)
    assert dialogs == []
    assert exceptions(page) == [] and exceptions(other) == []
    other.close()
    page.close()


def test_upload_panel_takes_a_csv_a_json_file_and_a_zip_of_html_pages(server, browser, tmp_path):
    import json
    import zipfile

    body = "রাজধানীতে আজ সকালে বড় একটি সমাবেশ হয়েছে, যেখানে হাজারো মানুষ অংশ নেন বলে জানিয়েছেন আয়োজকেরা।"
    (tmp_path / "export.csv").write_text(
        "Date Published,Headline,Article Body\n"
        f'2024-08-05 23:41:40,সিএসভির শিরোনাম <b>এক</b>,"{body}\n\nআরও পড়ুন\n\n{body}"\n'
        f'2024-08-06 10:00:00,সিএসভির শিরোনাম দুই,"{body}"\n', encoding="utf-8")
    records = [{"url": "https://www.jugantor.com/national/9", "paper_name": "Jugantor", "headline": "জেসনের শিরোনাম",
                "article": body, "publication_date": "2025-12-30T06:07:43+00:00"}]
    (tmp_path / "feed.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    html = ('<html><head><meta property="og:site_name" content="প্রথম আলো">'
            '<meta property="article:published_time" content="2024-01-02T04:37:50+06:00"></head><body>'
            '<nav><a href="/">প্রচ্ছদ</a> <a href="/bd">বাংলাদেশ</a></nav>'
            f'<article><h1>এইচটিএমএলের শিরোনাম</h1><p>{body}</p><p>{body}</p></article>'
            '<footer>© প্রথম আলো</footer></body></html>')
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.writestr("saved/page.html", html)
    page, _ = open_page(browser, server, "/")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(
        [str(tmp_path / name) for name in ("export.csv", "feed.json", "pages.zip")])
    page.get_by_text("4 of 4 articles · corpus: 3 uploaded file(s)").first.wait_for(timeout=90000)
    assert page.get_by_text("Dataset columns").count() == 1
    page.locator('[data-testid="stSidebarNav"] a', has_text="Reader").click()
    page.get_by_text("Clean article", exact=True).first.wait_for(timeout=60000)
    page.wait_for_timeout(2000)
    assert page.get_by_text("Fields of record 1 of export.csv").count() >= 1
    assert page.get_by_text("headline from column Headline").count() >= 1
    assert page.get_by_text("সিএসভির শিরোনাম <b>এক</b>").count() >= 1  # markup in a cell shows as text
    screenshot(page, "reader-record")
    assert exceptions(page) == []
    page.close()


def test_bad_uploads_are_listed_in_the_upload_panel_and_the_rest_loads(server, browser, tmp_path):
    import zipfile

    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with zipfile.ZipFile(tmp_path / "tiny.zip", "w") as archive:
        archive.writestr("a.txt", b"a")
    (tmp_path / "good.txt").write_text("পুতিনের সফর\n\nরাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়া সফর করেছেন "
                                      "বলে জানিয়েছে বার্তা সংস্থা রয়টার্স।\n", encoding="utf-8")
    page, _ = open_page(browser, server, "/")
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(
        [str(tmp_path / name) for name in ("deep.json", "tiny.zip", "good.txt")])
    page.get_by_text("1 of 1 articles · corpus: 3 uploaded file(s)").first.wait_for(timeout=60000)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("2 uploaded file(s) or record(s) could not be read").first.wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    assert sidebar.get_by_text("deep.json: JSON nested more than 64 levels deep").count() == 1
    assert sidebar.get_by_text("tiny.zip/a.txt: no text").count() == 1
    screenshot(page, "upload-errors")
    assert exceptions(page) == []
    page.close()
