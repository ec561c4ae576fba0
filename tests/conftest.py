"""Shared fixtures: the bundled sample, the optional ../shared data, small page factories."""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = PROJECT / "data" / "sample"
SHARED = PROJECT.parent / "shared"
GOLD_PATH = SHARED / "corpus" / "seeds.gold.json"
ITTEFAQ_DIR = SHARED / "corpus" / "real" / "ittefaq-2019"


def nfc(text: str | None) -> str | None:
    """NFC form of gold strings, which may use either spelling of য়."""
    return unicodedata.normalize("NFC", text) if text is not None else None


def shared_path(path: Path) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for the browser tests; missing, they are skipped (failed on CI, which installs it)."""
    from .served import CHROMIUM

    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing; .ci/run installs it with apt")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    """The hand annotation of the five seeds, by file name."""
    data = json.loads(shared_path(GOLD_PATH).read_text(encoding="utf-8"))
    return {item["file"]: item for item in data["articles"]}


@pytest.fixture(scope="session")
def sample_corpus():
    """The bundled sample parsed without the disk cache."""
    from loaders import load_corpus

    return load_corpus([SAMPLE_DIR])


def page(*lines: str) -> str:
    """A page dump made of the given lines."""
    return "\n".join(lines)
