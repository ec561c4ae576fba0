"""``python -m tests.harness [--pages N] [--seed S] [--write DIR]``: generate the layout-variation
harness, score the loaders on it by furniture source, print the table (see ``tests.harness``)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .material import CORPUS
from .pages import generate
from .scoring import report, score


def write(pages, folder: Path) -> None:
    """The pages as .txt files and their gold as gold.json, for reading them by eye."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / f"{page.page_id}.txt").write_text(page.text, encoding="utf-8")
    gold = [{"file": f"{p.page_id}.txt", **p.gold} for p in pages]
    (folder / "gold.json").write_text(json.dumps({"pages": gold}, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.harness", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="number of pages (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="harness seed (default 0)")
    parser.add_argument("--write", type=Path, help="also write the pages and gold.json to this folder")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: the harness is made of the pages there", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.ERROR)
    pages = generate(args.pages, args.seed)
    if args.write:
        write(pages, args.write)
    print(f"layout harness: {len(pages)} pages, seed {args.seed}; body F1, title, published on article pages; "
          "outlet right/null/wrong and page kind on all")
    print(report(score(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
