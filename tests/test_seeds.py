"""The five founding articles against their hand annotation (../shared/corpus/seeds.gold.json)."""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from loaders import sources

from .conftest import nfc

SEED_FILES = [
    "000_6e226a8acf7a7e9c.txt",
    "001_3bfc753714e309ae.txt",
    "002_7415ef057343b78a.txt",
    "003_2912fb69db994f90.txt",
    "004_ba2a176cc4aaac8d.txt",
]


def _line_numbers(spec: str) -> list[int]:
    """'27-66' -> [27, …, 66]; '5' -> [5]."""
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _value(x):
    """Missing values of any pandas flavour as None."""
    return None if not isinstance(x, (list, tuple)) and pd.isna(x) else x


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", nfc(text)))


def _f1(predicted: Counter, expected: Counter) -> float:
    overlap = sum((predicted & expected).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(predicted.values()), overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def by_file(sample_corpus):
    articles = sample_corpus.articles.set_index("article_id")
    lines = {key: group.set_index("n") for key, group in sample_corpus.lines.groupby("article_id")}
    return articles, lines


@pytest.mark.parametrize("name", SEED_FILES)
def test_title_outlet_and_dates(name, gold, by_file):
    articles, _ = by_file
    article, expected = articles.loc[name], gold[name]
    assert nfc(_value(article["title"])) == nfc(expected["title"] and expected["title"].strip())
    assert _value(article["outlet"]) == expected["outlet"]
    assert _value(article["published_iso"]) == expected["published"]
    assert _value(article["updated_iso"]) == expected["updated"]
    assert _value(article["page_date_iso"]) == expected["page_date"]


def test_partial_date_stays_without_year(gold, by_file):
    articles, _ = by_file
    article = articles.loc["002_7415ef057343b78a.txt"]
    partial = gold["002_7415ef057343b78a.txt"]["published_partial"]
    assert _value(article["published_iso"]) is None
    assert article["published_partial"] == f"--{partial['month']:02d}-{partial['day']:02d}"


def test_inferred_date_is_marked(by_file):
    articles, _ = by_file
    article = articles.loc["001_3bfc753714e309ae.txt"]
    assert article["published_basis"] == "inferred"
    assert article["published_precision"] == "day"


@pytest.mark.parametrize("name", SEED_FILES)
def test_body_token_f1(name, gold, by_file, sample_corpus):
    articles, lines = by_file
    source_lines = articles.loc[name, "source"].split("\n")
    expected = _tokens(" ".join(source_lines[n - 1] for n in gold[name]["body_lines"]))
    predicted = _tokens(" ".join(lines[name].loc[lines[name]["kind"] == "body", "text"]))
    assert _f1(predicted, expected) >= 0.98


@pytest.mark.parametrize("name", SEED_FILES)
def test_boilerplate_kinds_as_annotated(name, gold, by_file):
    _, lines = by_file
    kinds = lines[name]["kind"].astype(str)
    wrong = {
        n: (kinds[n], kind)
        for spec, kind in gold[name]["boilerplate"].items()
        for n in _line_numbers(spec)
        if kinds[n] != kind
    }
    assert wrong == {}, "line: (got, annotated)"
    annotated = {n for spec in gold[name]["boilerplate"] for n in _line_numbers(spec)} | set(gold[name]["body_lines"])
    unannotated = {n: kinds[n] for n in kinds.index if n not in annotated and kinds[n] != "blank"}
    assert unannotated == {}


@pytest.mark.parametrize("name", SEED_FILES)
def test_attributions_credits_desk(name, gold, by_file):
    articles, _ = by_file
    article, expected = articles.loc[name], gold[name]
    labels = {
        (sources.agency_info(a) or {}).get("display", a) for a in article["attributions"]
    }
    assert labels == set(expected["attributions"])
    assert [nfc(c) for c in article["credits"]] == [nfc(c) for c in expected["credits"]]
    assert nfc(_value(article["desk"])) == nfc(expected["desk"])
    if "dateline" in expected:
        assert nfc(_value(article["dateline"])) == nfc(expected["dateline"])
