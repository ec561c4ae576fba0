"""Score the loaders on harness pages, by furniture source (leave-one-source-out).

The pages whose furniture comes from source S are layouts that the rules shaped on the other
sources never saw; so each source's figures are one held-out score, and the minimum over the
sources is the figure the acceptance thresholds apply to.

Body F1, title and published are scored on article pages; outlet and page kind on every page.
"""
from __future__ import annotations

from collections import Counter

from tests.metrics import f1, is_article, loader_fields, mean, outlet_verdict, same_time, same_title, tokens

from .pages import HarnessPage

FIGURES = ("body_f1", "title", "published", "page_kind")


def harness_path(page: HarnessPage) -> str:
    return f"harness/{page.page_id}.txt"


def predict(pages: list[HarnessPage]) -> dict[str, dict]:
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


def score_page(page: HarnessPage, predicted: dict | None) -> dict:
    """One page's figures; a page the loaders dropped scores as an article with nothing found."""
    gold = page.gold
    predicted = predicted or {"title": None, "published": None, "outlet": None, "body_lines": [], "page_kind": None}
    row = {"page_id": page.page_id, "source": gold["furniture"], "gold_kind": gold["page_kind"],
           "outlet": outlet_verdict(predicted["outlet"], gold["outlet"]),
           "page_kind": float(is_article(predicted["page_kind"]) == (gold["page_kind"] == "article")),
           "body_f1": None, "title": None, "published": None}
    if gold["page_kind"] == "article":
        row["body_f1"] = f1(body_tokens(page.text, predicted["body_lines"]), body_tokens(page.text, gold["body_lines"]))
        row["title"] = float(same_title(predicted["title"], gold["title"]))
        row["published"] = float(same_time(predicted["published"], gold["published"]))
    return row


def score(pages: list[HarnessPage]) -> list[dict]:
    predicted = predict(pages)
    return [score_page(page, predicted[page.page_id]) for page in pages]


def summary(rows: list[dict]) -> dict:
    """Mean figures of a set of page rows, with the outlet verdicts counted."""
    verdicts = Counter(r["outlet"] for r in rows)
    return {"pages": len(rows), **{k: mean([r[k] for r in rows]) for k in FIGURES},
            "outlet_right": verdicts["right"], "outlet_null": verdicts["null"], "outlet_wrong": verdicts["wrong"]}


def by_source(rows: list[dict]) -> dict[str, dict]:
    """Figures per furniture source, in source order of first appearance."""
    sources = list(dict.fromkeys(r["source"] for r in rows))
    return {s: summary([r for r in rows if r["source"] == s]) for s in sources}


def minimum_over_sources(per_source: dict[str, dict]) -> dict:
    """The worst held-out figure of each kind (and the most wrong outlets of any one source)."""
    figures = list(per_source.values())
    out = {"pages": min(f["pages"] for f in figures), "outlet_wrong": max(f["outlet_wrong"] for f in figures),
           "outlet_right": min(f["outlet_right"] for f in figures), "outlet_null": max(f["outlet_null"] for f in figures)}
    for key in FIGURES:
        values = [f[key] for f in figures if f[key] is not None]
        out[key] = min(values) if values else None
    return out


def format_row(name: str, figures: dict, extra: dict | None = None, extra_keys: tuple = ()) -> str:
    """One table line: pages, the figures (n/a where not scored), outlet right/null/wrong."""
    def cell(value):
        return f"{'n/a':>9}" if value is None else f"{value:>9.3f}"
    extras = "".join(cell((extra or {}).get(k)) for k in extra_keys)
    outlet = f"{figures['outlet_right']:>4}/{figures['outlet_null']}/{figures['outlet_wrong']}"
    return (f"{name:<38}{figures['pages']:>6}{cell(figures['body_f1'])}{extras}{cell(figures['title'])}"
            f"{cell(figures['published'])} {outlet:>12}{cell(figures['page_kind'])}")


def header_line(extra_labels: tuple = ()) -> str:
    labels = "".join(f"{label:>9}" for label in extra_labels)
    return (f"{'layout':<38}{'pages':>6}{'body F1':>9}{labels}{'title':>9}{'published':>10}"
            f"{'outlet r/n/w':>13}{'kind':>9}")


def report(rows: list[dict]) -> str:
    """Per-source table, the minimum over sources and the overall line."""
    per_source = by_source(rows)
    head = header_line()
    lines = [head, "-" * len(head)]
    lines += [format_row(f"harness {name}", figures) for name, figures in per_source.items()]
    lines.append(format_row("harness MIN over sources", minimum_over_sources(per_source)))
    lines.append(format_row("harness ALL", summary(rows)))
    return "\n".join(lines)
