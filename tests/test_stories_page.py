"""The Stories page driven headless with Streamlit's AppTest: a seed republished by another site."""
from __future__ import annotations

import re
import shutil

from components.escaping import markdown_literal

from .conftest import SAMPLE_DIR
from .html_checks import HOSTILE
from .test_reader_page import html_of, parse_cache, reader  # noqa: F401  (parse_cache: autouse, private per test)
from .test_sources_page import chart_data, open_page

STORIES = "components/pages/stories.py"
SEED = "004_ba2a176cc4aaac8d.txt"  # বাসস's own article


def test_the_sample_alone_has_no_story_of_two_articles():
    app = open_page(STORIES)
    assert not app.exception
    assert "No story of two or more articles" in app.info[0].value


def _with_copy(tmp_path, monkeypatch, headline: str | None = None) -> None:
    """The sample plus another site's page: its own header and footer around bss's text (under
    ``headline`` when given), as the corpus folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, folder)
    lines = (SAMPLE_DIR / SEED).read_text(encoding="utf-8").split("\n")
    if headline:
        lines = [headline if line.strip() == _seed_title() else line for line in lines]
    (folder / "copy.txt").write_text("\n".join(["অন্য খবর", "", *lines, "", "সর্বস্বত্ব সংরক্ষিত অন্য খবর ২০২৫"]),
                                     encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(folder))


def _seed_title() -> str:
    from loaders import parse_article
    return parse_article((SAMPLE_DIR / SEED).read_text(encoding="utf-8"), SEED).title


def test_a_republished_seed_is_one_story_with_its_copy(tmp_path, monkeypatch):
    _with_copy(tmp_path, monkeypatch)
    app = open_page(STORIES)
    assert not app.exception
    assert len(app.selectbox(key="stories_story").options) == 1
    assert {m.label: m.value for m in app.metric}["Articles"] == "2"
    (reuse,) = app.dataframe
    frame = reuse.value
    assert len(frame) >= 1 and (frame["shared"] > 0.9).all()
    assert all(link.startswith("reader?article=") and "&compare=" in link for link in frame["compare"])
    assert len(chart_data(app)[0]) == 2  # both articles on the timeline


def test_a_hostile_headline_is_shown_as_text(tmp_path, monkeypatch):
    hostile = " ".join(HOSTILE[:3] + HOSTILE[4:5]) + " " + _seed_title()  # script, img, javascript: link, LaTeX
    _with_copy(tmp_path, monkeypatch, headline=hostile)
    app = open_page(STORIES)
    assert not app.exception
    shown = [m.value for m in app.markdown if "javascript" in m.value]
    assert shown, "the copy's headline is listed"
    for markdown in shown:
        # Rendered with HTML allowed (for <small>): every other "<", "[" and "$" of the headline is escaped.
        bare = markdown.replace("<small>", "").replace("</small>", "")
        assert not re.search(r"(?<!\\)[<$]", bare), bare
        assert "\\[x\\]\\(javascript\\:" in bare


def test_the_compare_link_marks_the_shared_passages_in_both_articles(tmp_path, monkeypatch):
    _with_copy(tmp_path, monkeypatch)
    (link,) = open_page(STORIES).dataframe[0].value["compare"].head(1)
    params = dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))
    app = reader(**params)
    assert not app.exception
    columns = [body for body in html_of(app) if 'class="kl kl-article"' in body]
    assert len(columns) == 2
    for body in columns:
        marked, paragraphs = body.count('<mark class="kl-shared">'), body.count("<p>")
        assert marked >= 3 and marked >= paragraphs - 1, "the copied body is marked, paragraph by paragraph"
    notices = [body for body in html_of(app) if "found in the other one" in body]
    assert len(notices) >= 1 and "%" in notices[0]


def test_a_large_story_lists_a_few_headlines_per_outlet_and_counts_the_rest(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, folder)
    page = (SAMPLE_DIR / SEED).read_bytes()
    for k in range(1, 8):  # the same page saved seven more times
        (folder / f"again-{k}.txt").write_bytes(page + b"\n" * k)
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    app = open_page(STORIES)
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Articles"] == "8"
    headlines = [link for m in app.markdown for link in re.findall(r"\]\(reader\?article=[^)]*\)", m.value)]
    assert len(headlines) == 5
    assert any(c.value == "and 3 later article(s) of this outlet" for c in app.caption)


def test_a_copy_without_a_headline_is_listed_by_its_opening_words(tmp_path, monkeypatch):
    from loaders import parse_article

    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, folder)
    seed = parse_article((SAMPLE_DIR / SEED).read_text(encoding="utf-8"), SEED)
    (folder / "bare.txt").write_text("\n\n".join(line.text for line in seed.body_lines), encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    app = open_page(STORIES)
    assert not app.exception
    links = [part for m in app.markdown for part in m.value.split("\n\n") if "](reader?article=" in part]
    assert len(links) == 2 and all(not link.startswith("[]") for link in links)
    opening = markdown_literal(parse_article("\n\n".join(line.text for line in seed.body_lines), "bare.txt").label)
    assert any(link.startswith(f"[{opening}]") for link in links)
    (reuse,) = app.dataframe
    assert not reuse.value["copy"].str.endswith(": ").any() and not reuse.value["source"].str.endswith(": ").any()
