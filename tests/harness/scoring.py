"""Score the loaders on harness pages, by furniture source (leave-one-source-out).

The pages whose furniture comes from source S are layouts that the rules shaped on the other
sources never saw; so each source's figures are one held-out score, and the minimum over the
sources is the figure the acceptance thresholds apply to.

Body F1, title and published are scored on article pages; outlet and page kind on every page.
"""
from __future__ import annotations

from tests.metrics import loader_fields, page_figures, summary, table, tokens, worst

from .pages import HarnessPage

COLUMNS = ("body_f1", "title", "published", "outlet", "page_kind")


def harness_path(page: HarnessPage) -> str:
    return f"harness/{page.page_id}.txt"


def predict(pages: list[HarnessPage]) -> dict[str, dict | None]:
    """The loaders' fields for each page, through the public API, by page id."""
    from loaders import parse_documents

    corpus = parse_documents([(f"{p.page_id}.txt", harness_path(p), p.text.encode("utf-8")) for p in pages],
                             cache_dir=None, entities=False, workers=1)
    fields = loader_fields(corpus)
    return {p.page_id: fields.get(harness_path(p)) for p in pages}


def body_tokens(text: str, line_numbers: list[int]) -> list[str]:
    """Tokens of the given 1-based lines of a dump."""
    lines = text.split("\n")
    return tokens(" ".join(lines[n - 1] for n in line_numbers if 0 < n <= len(lines)))


def score(pages: list[HarnessPage]) -> list[dict]:
    """One row of figures per page, with its furniture source."""
    predicted = predict(pages)
    rows = []
    for page in pages:
        found = predicted[page.page_id]
        row = page_figures(page.gold, found, body_tokens(page.text, page.gold["body_lines"]),
                           body_tokens(page.text, found["body_lines"] if found else []))
        rows.append({"page_id": page.page_id, "source": page.gold["furniture"], **row})
    return rows


def by_source(rows: list[dict]) -> list[tuple[str, dict]]:
    """(source, summary) per furniture source, in the order the sources first appear, then the
    minimum over the sources and the summary of all pages."""
    sources = list(dict.fromkeys(r["source"] for r in rows))
    per_source = [(f"harness {s}", summary([r for r in rows if r["source"] == s])) for s in sources]
    return per_source + [("harness MIN over sources", worst([s for _, s in per_source])),
                         ("harness ALL", summary(rows))]


def report(rows: list[dict]) -> str:
    return table(by_source(rows), COLUMNS)
