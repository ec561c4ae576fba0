"""Precision of the top 100 entities of every real corpus in ../shared, held against the hand review."""
from __future__ import annotations

import pytest

from tests.conftest import shared_path
from tests.entity_review import CORPORA, TOP, judged, read_review, top_entities

MIN_RIGHT = 97  # of the top 100, real names of the right type, as judged by a Bengali reader


@pytest.fixture(scope="module")
def review():
    return read_review()


@pytest.mark.parametrize("name", list(CORPORA))
def test_top_hundred_holds_the_reviewed_precision(name, review, tmp_path_factory):
    shared_path(CORPORA[name])
    table = judged(name, top_entities(name, tmp_path_factory.mktemp("cache")), review)
    assert len(table) == TOP
    not_right = table[table["verdict"] != "right"]
    assert len(table) - len(not_right) >= MIN_RIGHT, not_right[["entity_id", "name", "verdict", "note"]].to_string()


def test_review_has_a_verdict_and_a_note_for_every_wrong_row(review):
    assert {row["verdict"] for row in review.values()} <= {"right", "wrong"}
    assert all(row["note"] for row in review.values() if row["verdict"] == "wrong")
