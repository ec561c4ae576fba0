"""The app on the bundled sample, driven headless with Streamlit's AppTest."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import PROJECT, SAMPLE_DIR


def test_overview_shows_the_sample():
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "5"
    assert metrics["Outlets"] == "2"
    table = app.dataframe[0].value
    assert len(table) == 5
    assert "পুতিনের গোয়েন্দা প্রধানের উত্তর কোরিয়া সফর" in set(table["label"])


def sidebar_caption(app) -> str:
    return next(c.value for c in app.sidebar.caption if "articles" in c.value)


def test_corpus_dir_is_loaded_and_bad_files_are_reported(tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLE_DIR / "000_6e226a8acf7a7e9c.txt").read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"
    assert sidebar_caption(app) == "**1** of 1 articles · corpus: pages"
    errors = app.dataframe[0].value
    assert errors["article_id"].tolist() == ["broken.txt"] and errors["error"].iloc[0]


def test_sidebar_entity_filter_narrows_every_page(monkeypatch, tmp_path):
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    app.selectbox(key="filter_entity").set_value("donald_trump").run()
    assert not app.exception
    assert sidebar_caption(app).startswith("**1** of 5 articles")
    assert len(app.dataframe[0].value) == 1
    app.switch_page("components/pages/entities.py").run()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Articles"] == "1"


def test_the_overview_table_sends_the_first_thousand_rows_and_says_so(tmp_path, monkeypatch):
    from .corpus_factory import write_corpus

    monkeypatch.setenv("CORPUS_DIR", str(write_corpus(tmp_path / "corpus", 1_020)))
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=300).run()
    assert not app.exception
    shown = int({m.label: m.value for m in app.metric}["Articles"].replace(",", ""))
    assert shown > 1_000
    assert len(app.dataframe[-1].value) == 1_000
    assert any(f"the first 1,000 of {shown:,} articles" in c.value for c in app.caption)
