"""Integrity of the held-out evaluation set in tests/eval_pages (not the parser's accuracy there)."""
from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
EVAL = PROJECT / "tests" / "eval_pages"
GOLD = EVAL / "gold.json"
SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"
MIN_PAGES, MIN_SITES = 150, 8


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "").replace("\ufeff", "")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gold() -> dict:
    """The gold file; the checks skip while it holds no pages (see PROVENANCE.md for why)."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    if not data["pages"]:
        pytest.skip("tests/eval_pages holds no pages yet: no public saved Bengali news pages were found")
    return data


@pytest.fixture(scope="module")
def dumps(gold) -> dict[str, list[str]]:
    """Each gold file's lines (only the files that exist)."""
    out = {}
    for page in gold["pages"]:
        path = EVAL / page["file"]
        if path.is_file():
            out[page["file"]] = path.read_text(encoding="utf-8").split("\n")
    return out


def test_every_gold_file_exists_once(gold):
    files = [page["file"] for page in gold["pages"]]
    assert len(files) == len(set(files))
    missing = [f for f in files if not (EVAL / f).is_file()]
    assert not missing


def test_every_dump_has_gold():
    on_disk = {p.relative_to(EVAL).as_posix() for p in EVAL.glob("*/*.txt")}
    assert on_disk <= {page["file"] for page in json.loads(GOLD.read_text(encoding="utf-8"))["pages"]}


def test_fields_are_well_formed(gold):
    for page in gold["pages"]:
        assert page["file"].startswith(page["site"] + "/"), page["file"]
        for field in ("published", "updated"):
            value = page[field]
            assert value is None or (len(value) in (10, 16) and value[4] == "-"), (page["file"], field, value)
        assert set(page["basis"]) >= {"title", "published", "updated", "body_lines"}, page["file"]
        assert {"repo", "commit", "path"} <= set(page["source"]), page["file"]


def test_body_lines_in_range_and_not_blank(gold, dumps):
    for page in gold["pages"]:
        lines = dumps[page["file"]]
        assert page["body_lines"], page["file"]
        assert page["body_lines"] == sorted(set(page["body_lines"])), page["file"]
        for n in page["body_lines"]:
            assert 1 <= n <= len(lines) and lines[n - 1].strip(), (page["file"], n)


def test_title_is_a_line_of_its_dump(gold, dumps):
    for page in gold["pages"]:
        assert page["title"], page["file"]
        assert norm(page["title"]) in {norm(line) for line in dumps[page["file"]]}, page["file"]


def test_set_is_big_and_varied_enough(gold):
    pages, sites = len(gold["pages"]), len({page["site"] for page in gold["pages"]})
    assert pages >= MIN_PAGES and sites >= MIN_SITES, f"{pages} pages from {sites} sites"


def test_nothing_copied_from_shared():
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is not available (../shared is absent)")
    shared = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SHARED_CORPUS.rglob("*") if p.is_file()}
    ours = {p.relative_to(EVAL).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in EVAL.rglob("*") if p.is_file()}
    assert not [name for name, digest in ours.items() if digest in shared]
