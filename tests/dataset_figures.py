"""Agreement of the loaded ../shared datasets with their own columns (for the tests and `make bench`)."""
from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

from loaders import load_corpus

# paper_name values of bd-newspapers-2025.json and the outlets.csv id each one is.
KNOWN_PAPERS = {"Prothom Alo": "prothomalo", "Jago News 24": "jagonews24", "The Daily Star": "dailystar",
                "Rising BD": "risingbd", "BBC Bangla": "bbc_bangla", "The Business Standard": "tbsnews",
                "Samakal": "samakal", "Daily Naya Diganta": "nayadiganta", "Dhaka Post": "dhakapost",
                "Dhaka Tribune": "dhakatribune", "Jugantor": "jugantor", "Barta24": "barta24", "BD News 24": "bdnews24"}


def headline(value: str | None) -> str:
    """A headline cell as the loaders give titles: NFC, single spaces."""
    return unicodedata.normalize("NFC", " ".join((value or "").split()))


def _minute(value: str) -> str:
    """'2024-01-02 04:37:50' or '2024/08/12' as the loaders' ISO text (a naive time is Dhaka time)."""
    return value[:16].replace(" ", "T").replace("/", "-")


def csv_agreement(folder: Path) -> dict:
    """Rows, rows loaded, titles equal to the headline column, published equal to the date column."""
    corpus = load_corpus([folder], entities=False)
    articles = corpus.articles.set_index("article_id")
    figures = {"rows": 0, "loaded": len(articles), "errors": len(corpus.errors), "headlines": 0, "titles_equal": 0,
               "dated": 0, "published_equal": 0}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for n, row in enumerate(rows, start=1):
            figures["rows"] += 1
            key = f"{path.name}:row-{n}"
            if key not in articles.index:
                continue
            article = articles.loc[key]
            if headline(row.get("Headline")):
                figures["headlines"] += 1
                figures["titles_equal"] += article["title"] == headline(row["Headline"])
            date = row.get("Date Published") or row.get("Date")
            if date:
                figures["dated"] += 1
                figures["published_equal"] += article["published_iso"] == _minute(date)
    return figures


def json_agreement(path: Path) -> dict:
    """Records, records loaded, titles equal to `headline`, outlets right for known `paper_name`s."""
    records = json.loads(path.read_text(encoding="utf-8"))
    corpus = load_corpus([path], entities=False)
    articles = corpus.articles.set_index("record")
    figures = {"records": len(records), "loaded": len(articles), "errors": len(corpus.errors), "headlines": 0,
               "titles_equal": 0, "known_outlets": 0, "outlets_right": 0}
    for index, item in enumerate(records):
        if index not in articles.index:
            continue
        article = articles.loc[index]
        if headline(item.get("headline")):
            figures["headlines"] += 1
            figures["titles_equal"] += article["title"] == headline(item["headline"])
        if item.get("paper_name") in KNOWN_PAPERS:
            figures["known_outlets"] += 1
            figures["outlets_right"] += article["outlet"] == KNOWN_PAPERS[item["paper_name"]]
    return figures
