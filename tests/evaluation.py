"""Score the loaders by layout and on the held-out page dumps of ``tests/eval_pages`` (``make eval``).

First comes the table by layout of :mod:`tests.layout_eval`: the real unseen article pages
(text and HTML), the not-article pages, the seeds and the layout-variation harness by
furniture source (``--harness-pages`` sets its size). It needs ``../shared/corpus`` and is
left out without it, or when ``--gold`` names a gold file.

Then, for the pages of the gold file, for each site and overall it prints

* body token F1 — the bag of tokens (text split at white space and punctuation, NFC) of the
  predicted body lines against the gold body lines, F1 per page, then the mean over pages;
  the same figure for two baselines run on the same dumps: jusText (each dump line given
  as one ``<p>``; with a Bengali stoplist of the 150 words that occur in most dumps of the
  set, and with an empty stoplist and zero stopword thresholds, jusText's
  language-independent mode) and trafilatura (``trafilatura.extract`` on the dump lines
  wrapped as ``<p>`` paragraphs of an HTML page);
* title exact match after NFC and white-space normalisation;
* published / updated exact: to the minute when the gold value has a time, to the day
  when it has only a day; a null gold value must be predicted null;
* outlet accuracy (null gold must be predicted null).

The predictions come from the project's public API: :func:`loaders.load_corpus` on the
dump files (no cache, no entity tagging), its ``articles`` table (title, published_iso,
updated_iso, outlet, body_lines: the lines of kind ``body``).

``--split`` reports the figures on a held-out half by site (sites sorted by id, every
second one held out: the 2nd, 4th, …) so that a learned line classifier can be trained on
the other half; the held-out figures come first, then the training half's. ``--gold``
scores another gold file of the same form (its ``file`` paths are relative to it).
jusText and trafilatura are dev-only dependencies (requirements-dev.txt); without them
their columns show "n/a".
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tests.baselines import BASELINES, baseline_tokens, bengali_stoplist, paragraphs_html
from tests.metrics import f1, loader_fields, mean, norm, same_time, tokens

GOLD = Path(__file__).resolve().parent / "eval_pages" / "gold.json"

COLUMNS = (("body_f1", "body F1"), ("justext_bn_f1", "jusText bn"), ("justext_li_f1", "jusText li"),
           ("trafilatura_f1", "trafilatura"), ("title", "title"), ("published", "published"),
           ("updated", "updated"), ("outlet", "outlet"))


# ---------------------------------------------------------------- predictions

def loader_predictions(paths: list[Path]) -> dict[Path, dict]:
    """The loaders' article fields per dump file."""
    from loaders import load_corpus

    corpus = load_corpus([str(p) for p in paths], cache_dir=None, entities=False)
    for _, row in corpus.errors.iterrows():
        print(f"loaders could not read {row['path']}: {row['error']}", file=sys.stderr)
    return {Path(path).resolve(): fields for path, fields in loader_fields(corpus).items()}


# ---------------------------------------------------------------- scoring

def score_pages(gold_path: Path) -> tuple[list[dict], dict]:
    """One row of figures per gold page."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = gold["pages"]
    if not pages:
        return [], gold
    paths = [(gold_path.parent / p["file"]).resolve() for p in pages]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    predicted = loader_predictions(paths)
    stoplist = bengali_stoplist(texts)
    base = [baseline_tokens(paragraphs_html(text.split("\n")), stoplist) for text in texts]
    rows = []
    for page, path, text, extra in zip(pages, paths, texts, base):
        lines = text.split("\n")
        pred = predicted.get(path, {"title": None, "published": None, "updated": None, "outlet": None,
                                    "body_lines": []})
        gold_tokens = tokens(" ".join(lines[n - 1] for n in page["body_lines"] if 0 < n <= len(lines)))
        pred_tokens = tokens(" ".join(lines[n - 1] for n in pred["body_lines"] if 0 < n <= len(lines)))
        row = {"site": page["site"], "file": page["file"], "body_f1": f1(pred_tokens, gold_tokens),
               "title": float(norm(pred["title"]) == norm(page["title"])
                              if page["title"] is not None or pred["title"] is not None else 1.0),
               "published": float(same_time(pred["published"], page["published"])),
               "updated": float(same_time(pred["updated"], page["updated"])),
               "outlet": float((pred["outlet"] or None) == (page["outlet"] or None))}
        for name in BASELINES:
            row[f"{name}_f1"] = None if extra[name] is None else f1(extra[name], gold_tokens)
        rows.append(row)
    return rows, gold


def summary(rows: list[dict]) -> dict:
    return {key: mean([r[key] for r in rows]) for key, _ in COLUMNS}


def table(title: str, rows: list[dict], sites: list[str]) -> str:
    """Overall line first, then one line per site."""
    head = f"{'site':<20}{'pages':>6}" + "".join(f"{label:>13}" for _, label in COLUMNS)
    out = [title, head, "-" * len(head)]

    def line(name, subset):
        s = summary(subset)
        cells = "".join(f"{'n/a':>13}" if s[k] is None else f"{s[k]:>13.3f}" for k, _ in COLUMNS)
        return f"{name:<20}{len(subset):>6}{cells}"

    out.append(line("ALL", rows))
    out += [line(site, [r for r in rows if r["site"] == site]) for site in sites]
    return "\n".join(out)


def split_sites(sites: list[str]) -> tuple[list[str], list[str]]:
    """(training half, held-out half): sites sorted by id, every second one held out."""
    ordered = sorted(sites)
    return ordered[0::2], ordered[1::2]


def print_layouts(harness_pages: int) -> None:
    """The table by layout, when ../shared/corpus is there to make it from."""
    from tests.layout_eval import CORPUS, layout_report

    if not CORPUS.exists():
        print(f"{CORPUS} is absent: no figures by layout\n")
        return
    print(f"Figures by layout (harness: {harness_pages} pages). Body F1, title, published on article pages; outlet "
          "right/null/wrong and page kind on all; mentions: in-body entity mentions counted for not-article pages.")
    print("jusText bn = Bengali stoplist of the run's 150 most widespread words; jusText li = empty stoplist; "
          "both, and trafilatura, on the same inputs (dumps as one <p> per line, HTML as saved)\n")
    print(layout_report(harness_pages))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="score only this gold file (default: the layouts, then "
                                                   "tests/eval_pages/gold.json)")
    parser.add_argument("--harness-pages", type=int, default=300, help="size of the layout harness (default 300)")
    parser.add_argument("--split", action="store_true",
                        help="report the held-out half of the sites first, then the training half")
    parser.add_argument("--pages", action="store_true", help="also print one line per page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    if args.gold is None:
        print_layouts(args.harness_pages)
    gold_path = args.gold or GOLD
    rows, gold = score_pages(gold_path)
    if not rows:
        print(f"{gold_path}: no pages to score (status: {gold.get('status', '?')}); see tests/eval_pages/PROVENANCE.md")
        return 0
    sites = sorted({r["site"] for r in rows})
    print(f"{len(rows)} pages from {len(sites)} sites; set status: {gold.get('status', '?')}")
    print("body F1: loaders; jusText bn = Bengali stoplist of the set's 150 most widespread words; "
          "jusText li = empty stoplist, language-independent; trafilatura on the dump as <p> paragraphs\n")
    if args.split:
        train, held = split_sites(sites)
        print(table(f"HELD-OUT sites ({', '.join(held)})", [r for r in rows if r["site"] in held], held))
        print()
        print(table(f"TRAINING sites ({', '.join(train)})", [r for r in rows if r["site"] in train], train))
    else:
        print(table("ALL sites", rows, sites))
    if args.pages:
        print()
        for r in rows:
            print(f"{r['file']:<32}" + "".join("      n/a" if r[k] is None else f"{r[k]:>9.3f}" for k, _ in COLUMNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
