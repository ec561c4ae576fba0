"""The 50 largest stories of each real export, for the hand review in ``tests/story_review.csv``.

``python -m tests.story_review`` prints each story's articles (date, outlet, headline) and
its verdict, or ``UNREVIEWED``; ``--write`` adds the unreviewed ones to the CSV with an
empty verdict, to be filled in by a Bengali reader (``one_event`` or ``mixed``).
"""
from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import pandas as pd

REVIEW = Path(__file__).with_name("story_review.csv")
CORPORA = {"bd-newspapers-2025": "real/bd-newspapers-2025.json", "prothomalo-2024": "real/csv/prothomalo-2024.csv",
           "samakal-2024": "real/csv/samakal-2024.csv", "jugantor-2024": "real/csv/jugantor-2024.csv"}
TOP = 50
FIELDS = ["corpus", "rank", "story_id", "members", "n_articles", "label", "verdict", "note"]


def members_key(article_ids) -> str:
    """A short hash of a story's sorted article ids: a verdict holds for exactly the articles read."""
    return hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:12]


def largest(corpus) -> list[tuple[pd.Series, pd.DataFrame]]:
    """The ``TOP`` largest stories (most articles, then most outlets, then id) with their articles, first published first."""
    table = corpus.story_table.sort_values(["n_articles", "n_outlets", "story_id"], ascending=[False, False, True])
    articles = corpus.articles.merge(corpus.stories, on="article_id")
    return [(story, articles[articles["story_id"] == story["story_id"]].sort_values("published"))
            for _, story in table.head(TOP).iterrows()]


def reviews() -> dict[tuple[str, str], dict]:
    """The reviewed rows by (corpus, members)."""
    if not REVIEW.exists():
        return {}
    with REVIEW.open(encoding="utf-8", newline="") as handle:
        return {(row["corpus"], row["members"]): row for row in csv.DictReader(handle)}


def main(argv: list[str]) -> int:
    from loaders import load_corpus
    from loaders.cache import default_cache_dir
    from tests.conftest import SHARED

    known, added = reviews(), []
    for name, path in CORPORA.items():
        corpus = load_corpus([SHARED / "corpus" / path], cache_dir=default_cache_dir())
        for rank, (story, members) in enumerate(largest(corpus), start=1):
            key = members_key(members["article_id"])
            verdict = known.get((name, key), {}).get("verdict") or "UNREVIEWED"
            print(f"\n[{name} #{rank}] {story['story_id']} {key} n={story['n_articles']} outlets={story['n_outlets']}: {verdict}")
            for row in members.itertuples():
                print(f"    {str(row.published)[:16]}  {row.outlet or '-':<14} {row.title}")
            if (name, key) not in known:
                added.append({"corpus": name, "rank": rank, "story_id": story["story_id"], "members": key,
                              "n_articles": story["n_articles"], "label": story["label"], "verdict": "", "note": ""})
    if "--write" in argv and added:
        rows = list(known.values()) + added
        with REVIEW.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, FIELDS)
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
