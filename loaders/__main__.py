"""Command line: ``python -m loaders --jsonl PATH...`` prints one JSON object per article.

Unreadable files are reported on stderr; the exit status is 0 when at least one file
parsed. ``--parquet OUT`` also writes the articles, lines, errors, mentions and entities tables to OUT/.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import pandas as pd

from .cache import default_cache_dir
from .corpus import load_corpus

logger = logging.getLogger(__name__)

JSON_FIELDS = (
    "title", "label", "outlet", "outlet_basis", "published", "published_basis", "published_precision",
    "published_partial", "updated", "updated_basis", "page_date", "page_date_basis", "page_date_check",
    "attributions", "desk", "byline", "dateline", "credits", "fingerprint", "entities",
)


def _plain(value):
    """A JSON-ready value: lists stay lists, every kind of missing value becomes None."""
    if hasattr(value, "tolist") or isinstance(value, (list, tuple)):
        return list(value)
    return None if pd.isna(value) else value


def _record(article, lines) -> dict:
    """The JSON object printed for one article."""
    record = {"file": article["article_id"]}
    for field in JSON_FIELDS:
        record[field] = _plain(article[f"{field}_iso"] if field in ("published", "updated", "page_date") else article[field])
    record["body_lines"] = [int(n) for n in article["body_lines"]]
    record["lines"] = [{"n": int(n), "kind": kind, "reason": reason} for n, kind, reason in lines]
    return record


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, load the files and print or write the results."""
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="page-dump .txt files or folders of them")
    parser.add_argument("--jsonl", action="store_true", help="print one JSON object per article")
    parser.add_argument("--no-cache", action="store_true", help="parse everything; skip the Parquet cache")
    parser.add_argument("--parquet", metavar="OUT", help="write articles/lines/errors/mentions/entities .parquet files to OUT/")
    parser.add_argument("--no-entities", action="store_true", help="skip entity tagging (faster; entities stay empty)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    corpus = load_corpus(args.paths, cache_dir=None if args.no_cache else default_cache_dir(),
                         entities=not args.no_entities)
    for row in corpus.errors.itertuples():
        print(f"error: {row.path}: {row.error}", file=sys.stderr)
    if args.jsonl:
        grouped = {key: list(zip(g["n"], g["kind"].astype(str), g["reason"])) for key, g in corpus.lines.groupby("article_id", sort=False)}
        for _, article in corpus.articles.iterrows():
            record = _record(article, grouped.get(article["article_id"], []))
            print(json.dumps(record, ensure_ascii=False, allow_nan=False))
    if args.parquet:
        out = Path(args.parquet)
        out.mkdir(parents=True, exist_ok=True)
        for name in ("articles", "lines", "errors", "mentions", "entities"):
            getattr(corpus, name).to_parquet(out / f"{name}.parquet", index=False)
    print(f"{len(corpus.articles)} parsed, {len(corpus.errors)} errors", file=sys.stderr)
    return 0 if len(corpus.articles) else 1


if __name__ == "__main__":
    sys.exit(main())
