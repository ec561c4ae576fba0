"""The top 100 entities of each real Bengali corpus in ../shared, and the hand review of them.

``entity_review.csv`` (beside this file) records, for every entity that reached a top 100
when it was written, whether a Bengali reader judged it a real name of the right type
(``right``) or not (``wrong``), with a note. ``make bench`` prints the lists with these
verdicts; ``tests/test_entity_review.py`` holds the precision. An entity missing from the
review counts as wrong, so a change that brings new entities into a list must be reviewed.

``python -m tests.entity_review`` prints the entities of the current lists that are not
reviewed yet.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pandas as pd

REVIEW_PATH = Path(__file__).with_name("entity_review.csv")
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
# Every Bengali corpus of ../shared/corpus/real that the loaders read, by the name the review uses.
CORPORA = {
    "ittefaq-2019": REAL / "ittefaq-2019",
    "bd-newspapers-2025": REAL / "bd-newspapers-2025.json",
    "prothomalo-2024": REAL / "csv" / "prothomalo-2024.csv",
    "samakal-2024": REAL / "csv" / "samakal-2024.csv",
    "jugantor-2024": REAL / "csv" / "jugantor-2024.csv",
}
TOP = 100


def top_entities(name: str, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """The corpus's top ``TOP`` entities by the Entities page's default ranking (columns of ``top_entities``)."""
    from components import entity_stats
    from loaders import load_corpus

    corpus = load_corpus([CORPORA[name]], cache_dir=cache_dir)
    return entity_stats.top_entities(entity_stats.counted(corpus.mentions), corpus.entities, top=TOP)


def read_review(path: Path = REVIEW_PATH) -> dict[tuple[str, str], dict[str, str]]:
    """(corpus, entity_id) -> the review row (verdict, note …)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {(row["corpus"], row["entity_id"]): row for row in csv.DictReader(handle)}


def judged(name: str, top: pd.DataFrame, review: dict) -> pd.DataFrame:
    """``top`` with the review's verdict ("unreviewed" when missing) and note."""
    rows = [review.get((name, entity_id), {}) for entity_id in top["entity_id"]]
    return top.assign(verdict=[row.get("verdict", "unreviewed") for row in rows],
                      note=[row.get("note", "") for row in rows])


def main() -> int:
    review = read_review()
    for name, path in CORPORA.items():
        if path.exists():
            table = judged(name, top_entities(name), review)
            for row in table[table["verdict"] == "unreviewed"].itertuples():
                print(f"{name},{row.entity_id},{row.name},{row.type},,")
    return 0


if __name__ == "__main__":
    sys.exit(main())
