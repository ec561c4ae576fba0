"""Command line: ``python -m loaders --jsonl PATH...`` prints one JSON object per article.

PATHs are page dumps, HTML pages, CSV/TSV/JSON/JSON Lines datasets (one article per
record; ``--map`` names columns the loaders do not find by name), archives of them, or
folders. Unreadable files and records are reported on stderr; the exit status is 0 when
at least one article parsed. ``--parquet OUT`` also writes the articles, lines, errors,
mentions and entities tables to OUT/, and those of republished text and stories (reuse,
stories, story_table; see :mod:`loaders.stories`). ``--dask ADDRESS`` parses on a Dask cluster
(see :mod:`loaders.cluster`).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from pathlib import Path

import pandas as pd

from .cache import default_cache_dir
from .corpus import load_corpus
from .readers import ReadOptions

logger = logging.getLogger(__name__)

JSON_FIELDS = (
    "input_kind", "page_kind", "page_kind_reason", "title", "title_basis", "label", "url", "outlet", "outlet_basis", "published", "published_basis",
    "published_precision", "published_partial", "updated", "updated_basis", "page_date", "page_date_basis", "page_date_check",
    "attributions", "desk", "byline", "dateline", "credits", "site_host", "fingerprint", "entities",
)


def _plain(value):
    """A JSON-ready value: lists stay lists, every kind of missing value becomes None."""
    if hasattr(value, "tolist") or isinstance(value, (list, tuple)):
        return list(value)
    return None if pd.isna(value) else value


def _record(article, lines) -> dict:
    """The JSON object printed for one article."""
    record = {"file": article["article_id"]}
    if not pd.isna(article["record"]):
        record["record"] = int(article["record"])
    for field in JSON_FIELDS:
        record[field] = _plain(article[f"{field}_iso"] if field in ("published", "updated", "page_date") else article[field])
    record["body_lines"] = [int(n) for n in article["body_lines"]]
    record["lines"] = [{"n": int(n), "kind": kind, "reason": reason} for n, kind, reason in lines]
    return record


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, load the files and print or write the results."""
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files (.txt, .html, .csv, .tsv, .json, .jsonl, .zip, .tar.gz …) or folders")
    parser.add_argument("--jsonl", action="store_true", help="print one JSON object per article")
    parser.add_argument("--no-cache", action="store_true", help="parse everything; skip the Parquet cache")
    parser.add_argument("--parquet", metavar="OUT", help="write articles/lines/errors/mentions/entities/reuse/stories/story_table .parquet files to OUT/")
    parser.add_argument("--no-entities", action="store_true", help="skip entity tagging (faster; entities stay empty)")
    parser.add_argument("--map", metavar="ROLE=COLUMN,…",
                        help="dataset columns by role: title, body, published, updated, outlet, url, author "
                             "(e.g. title=Headline,body=Text); other roles are still found by name")
    parser.add_argument("--timezone", metavar="ZONE", default="Asia/Dhaka",
                        help="time zone of dataset dates that carry none (default Asia/Dhaka)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="processes that parse on this machine (default: every core for 400 or more new files)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="parse on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local workers")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        options = ReadOptions.parse(args.map, args.timezone)
    except ValueError as err:
        parser.error(str(err))

    with contextlib.ExitStack() as stack:
        executor = None
        if args.dask:
            from .cluster import DaskBag, dask_client  # Dask is imported only for a cluster run

            executor = DaskBag(stack.enter_context(dask_client(args.dask)))
        corpus = load_corpus(args.paths, cache_dir=None if args.no_cache else default_cache_dir(),
                             entities=not args.no_entities, options=options, workers=args.workers,
                             executor=executor)
    for row in corpus.errors.itertuples():
        where = row.path if pd.isna(row.record) else row.article_id
        print(f"error: {where}: {row.error}", file=sys.stderr)
    if args.jsonl:
        grouped = {key: list(zip(g["n"], g["kind"].astype(str), g["reason"])) for key, g in corpus.lines.groupby("article_id", sort=False)}
        for _, article in corpus.articles.iterrows():
            record = _record(article, grouped.get(article["article_id"], []))
            print(json.dumps(record, ensure_ascii=False, allow_nan=False))
    if args.parquet:
        out = Path(args.parquet)
        out.mkdir(parents=True, exist_ok=True)
        for name in ("articles", "lines", "errors", "mentions", "entities", "reuse", "stories", "story_table"):
            getattr(corpus, name).to_parquet(out / f"{name}.parquet", index=False)
    print(f"{len(corpus.articles)} parsed, {len(corpus.errors)} errors", file=sys.stderr)
    return 0 if len(corpus.articles) else 1


if __name__ == "__main__":
    status = main()
    # Leave without freeing the corpus object by object (a quarter of a second for a few thousand pages).
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
