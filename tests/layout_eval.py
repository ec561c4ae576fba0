"""Figures by layout for ``make eval``: the real unseen pages, the seeds and the layout harness.

Rows:

* the three unseen article pages (``../shared/corpus/unseen/articles``) as text dumps and as
  HTML. Their gold body lines are lines of the text dumps, so the HTML pages' body F1 compares
  the tokens of those gold lines with the tokens of the loaders' body text;
* the six not-article pages as text and as HTML: page kind, outlet, and the in-body entity
  mentions the loaders count for them (entities on for these few pages; an article-less page
  must add none);
* the five seeds against ``seeds.gold.json``;
* the layout harness (:mod:`tests.harness`) by furniture source, the minimum over the sources
  (leave-one-source-out) and all pages.

jusText and trafilatura body F1 stand beside the loaders' on the same inputs: dumps given as
one ``<p>`` per line, HTML pages as they are. Their jusText stoplist is the Bengali words
found in most of the dumps of this run.
"""
from __future__ import annotations

import json
from pathlib import Path

from tests.baselines import BASELINES, baseline_tokens, bengali_stoplist, paragraphs_html
from tests.harness import generate
from tests.harness.material import CORPUS, NOT_ARTICLE_OUTLETS
from tests.harness.scoring import body_tokens, by_source, score
from tests.metrics import f1, loader_fields, page_figures, summary, table, tokens

UNSEEN_ARTICLES = CORPUS / "unseen" / "articles"
NOT_ARTICLES = CORPUS / "unseen" / "not-articles"
SEEDS = CORPUS / "seeds"
COLUMNS = ("body_f1", "justext_bn_f1", "justext_li_f1", "trafilatura_f1", "title", "published", "outlet",
           "page_kind", "mentions")


def _load(paths: list[Path], entities: bool = False):
    """The loaders' fields by resolved path, and the corpus (for its mentions)."""
    from loaders import load_corpus

    corpus = load_corpus([str(p) for p in paths], cache_dir=None, entities=entities, workers=1)
    return {Path(path).resolve(): fields for path, fields in loader_fields(corpus).items()}, corpus


def _baseline_f1(page_html: str, gold_body: list[str], stoplist: frozenset[str] | None) -> dict:
    """Each baseline's body F1 on one page (None where it is not installed, or with no stoplist: not asked for)."""
    if stoplist is None:
        return {f"{name}_f1": None for name in BASELINES}
    found = baseline_tokens(page_html, stoplist)
    return {f"{name}_f1": None if found[name] is None else f1(found[name], gold_body) for name in BASELINES}


def _dump_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def unseen_article_rows(form: str, stoplist: frozenset[str] | None = None) -> list[dict]:
    """One row per unseen article page as a text dump (``form`` "text") or HTML page ("html"); the
    baselines run when given their ``stoplist``."""
    gold = json.loads((UNSEEN_ARTICLES / "gold.json").read_text(encoding="utf-8"))["articles"]
    dumps = [UNSEEN_ARTICLES / "text" / item["file"] for item in gold]
    paths = dumps if form == "text" else [UNSEEN_ARTICLES / "html" / f"{d.stem}.html" for d in dumps]
    predicted, _ = _load(paths)
    rows = []
    for item, dump, path in zip(gold, dumps, paths):
        lines = _dump_lines(dump)
        gold_body = tokens(" ".join(lines[n - 1] for n in item["body_lines"]))
        found = predicted.get(path.resolve())
        if form == "text":
            found_body = body_tokens("\n".join(lines), found["body_lines"] if found else [])
            page_html = paragraphs_html(lines)
        else:
            found_body = tokens(found["body"]) if found else []
            page_html = path.read_text(encoding="utf-8")
        figures = page_figures({**item, "page_kind": "article"}, found, gold_body, found_body)
        rows.append({"file": path.name, **figures, **_baseline_f1(page_html, gold_body, stoplist)})
    return rows


def not_article_rows(form: str) -> list[dict]:
    """One row per not-article page: page kind, outlet and the in-body mentions counted for it."""
    paths = sorted((NOT_ARTICLES / form).glob("*.txt" if form == "text" else "*.html"))
    predicted, corpus = _load(paths, entities=True)
    mentions = corpus.mentions
    counted = mentions[mentions["in_body"].astype(bool) & mentions["aside"].isna()]
    per_article = counted.groupby("article_id").size()
    article_paths = dict(zip(corpus.articles["article_id"], corpus.articles["path"]))
    per_path = {Path(article_paths[a]).resolve(): int(n) for a, n in per_article.items() if a in article_paths}
    rows = []
    for path in paths:
        gold = {"title": None, "published": None, "outlet": NOT_ARTICLE_OUTLETS[path.stem], "page_kind": "listing"}
        figures = page_figures(gold, predicted.get(path.resolve()), [], [])
        rows.append({"file": path.name, **figures, "mentions": per_path.get(path.resolve(), 0)})
    return rows


def seed_rows(stoplist: frozenset[str] | None = None) -> list[dict]:
    """One row per seed against its hand annotation."""
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))["articles"]
    paths = [SEEDS / item["file"] for item in gold]
    predicted, _ = _load(paths)
    rows = []
    for item, path in zip(gold, paths):
        lines = _dump_lines(path)
        found = predicted.get(path.resolve())
        gold_body = body_tokens("\n".join(lines), item["body_lines"])
        figures = page_figures({**item, "page_kind": "article"}, found, gold_body,
                               body_tokens("\n".join(lines), found["body_lines"] if found else []))
        rows.append({"file": path.name, **figures, **_baseline_f1(paragraphs_html(lines), gold_body, stoplist)})
    return rows


def harness_rows(pages, stoplist: frozenset[str] | None = None) -> list[dict]:
    """The harness rows of :func:`tests.harness.scoring.score`, with the baselines on article pages."""
    rows = score(pages)
    for row, page in zip(rows, pages):
        if page.gold["page_kind"] == "article":
            gold_body = body_tokens(page.text, page.gold["body_lines"])
            row.update(_baseline_f1(paragraphs_html(page.text.split("\n")), gold_body, stoplist))
    return rows


def layout_report(harness_pages: int = 300) -> str:
    """The table of figures by layout (see the module docstring)."""
    pages = generate(harness_pages)
    dumps = ([p.text for p in pages] + ["\n".join(_dump_lines(p)) for p in sorted(SEEDS.glob("*.txt"))]
             + ["\n".join(_dump_lines(p)) for p in sorted((UNSEEN_ARTICLES / "text").glob("*.txt"))])
    stoplist = bengali_stoplist(dumps)
    lines = [("unseen articles, text", summary(unseen_article_rows("text", stoplist=stoplist))),
             ("unseen articles, HTML", summary(unseen_article_rows("html", stoplist=stoplist))),
             ("not-articles, text", summary(not_article_rows("text"))),
             ("not-articles, HTML", summary(not_article_rows("html"))),
             ("seeds", summary(seed_rows(stoplist)))]
    lines += by_source(harness_rows(pages, stoplist))
    return table(lines, COLUMNS)
