"""620 real Ittefaq pages (title, section, `প্রকাশ :` line, body), a layout the seeds lack."""
from __future__ import annotations

import re

import pytest

from loaders import load_corpus

from .conftest import ITTEFAQ_DIR, nfc, shared_path

BN_MONTHS = {
    "জানুয়ারি": 1, "ফেব্রুয়ারি": 2, "মার্চ": 3, "এপ্রিল": 4, "মে": 5, "জুন": 6,
    "জুলাই": 7, "আগস্ট": 8, "সেপ্টেম্বর": 9, "অক্টোবর": 10, "নভেম্বর": 11, "ডিসেম্বর": 12,
}
DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
PUBLISHED_LINE = re.compile(r"প্রকাশ\s*:\s*(\d+)\s+(\S+)\s+(\d{4}),\s*(\d+):(\d+)")


def expected_published(text: str) -> str | None:
    """The প্রকাশ line's date, read independently of the loader."""
    for line in text.splitlines():
        match = PUBLISHED_LINE.search(nfc(line).translate(DIGITS))
        if match and nfc(match.group(2)) in {nfc(k) for k in BN_MONTHS}:
            day, month, year, hour, minute = match.groups()
            month_number = {nfc(k): v for k, v in BN_MONTHS.items()}[nfc(month)]
            return f"{int(year):04d}-{month_number:02d}-{int(day):02d}T{int(hour):02d}:{int(minute):02d}"
    return None


@pytest.fixture(scope="module")
def ittefaq():
    return load_corpus([shared_path(ITTEFAQ_DIR)])


def test_every_file_loads(ittefaq):
    assert len(ittefaq.articles) == 620
    assert ittefaq.errors.empty


def test_published_matches_the_prokash_line(ittefaq):
    expected = ittefaq.articles["source"].map(expected_published)
    assert expected.notna().all()
    agreement = (ittefaq.articles["published_iso"] == expected).mean()
    assert agreement >= 0.99
    assert set(ittefaq.articles["published_basis"].dropna()) <= {"প্রকাশ"}


def test_title_is_the_first_line(ittefaq):
    first_lines = ittefaq.articles["source"].map(lambda text: nfc(text.split("\n")[0].strip()))
    agreement = (ittefaq.articles["title"].map(lambda t: nfc(t) if isinstance(t, str) else None) == first_lines).mean()
    assert agreement >= 0.99


def test_section_and_body_lines(ittefaq):
    kinds = ittefaq.lines.pivot_table(index="article_id", columns="n", values="kind", aggfunc="first", observed=True)
    assert (kinds[2].astype(str) == "section_label").mean() >= 0.99
    assert (kinds[4].astype(str) == "body").mean() >= 0.99
    has_text = ittefaq.articles["source"].map(lambda text: any(line.strip() for line in text.split("\n")[3:]))
    assert has_text.mean() >= 0.99
    assert (ittefaq.articles.loc[has_text, "n_body_lines"] >= 1).all()
    assert (ittefaq.articles.loc[~has_text, "n_body_lines"] == 0).all()
