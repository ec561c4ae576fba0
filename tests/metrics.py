"""Figures shared by the evaluations (``tests.evaluation``, ``tests.harness``): tokens, F1, date and
outlet verdicts, and the article fields the loaders' public tables give for each page."""
from __future__ import annotations

import unicodedata
from collections import Counter


def norm(text: str | None) -> str:
    """NFC with white space collapsed (zero-width joiners dropped)."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "").replace("\ufeff", "")
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Tokens: the text split at white space and at every punctuation character (। included)."""
    text = norm(text)
    return "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text).split()


def f1(predicted: list[str], gold: list[str]) -> float:
    """Bag-of-tokens F1 of one page; both empty counts as a perfect match."""
    if not predicted and not gold:
        return 1.0
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def same_time(predicted: str | None, gold: str | None) -> bool:
    """Exact to the minute when gold has a time, to the day when it has a day only; null must meet null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if "T" in gold:
        return predicted[:16] == gold[:16]
    return predicted[:10] == gold[:10]


def same_title(predicted: str | None, gold: str | None) -> bool:
    """Exact after NFC and white-space normalisation; a null gold title must be predicted null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return norm(predicted) == norm(gold)


def outlet_verdict(predicted: str | None, gold: str | None) -> str:
    """"right" (null meeting null included), "null" (no outlet where gold has one) or "wrong"."""
    if predicted == gold:
        return "right"
    return "null" if predicted is None else "wrong"


def is_article(page_kind: str | None) -> bool:
    """Pages the loaders do not mark (before the ``page_kind`` column existed) count as articles."""
    return page_kind in (None, "article")


def mean(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _value(row, name: str):
    """A table cell, with pandas' missing values (None, NaN, NA) as None."""
    v = row.get(name)
    return None if v is None or (not isinstance(v, (list, tuple, str)) and v != v) else v


def loader_fields(corpus) -> dict[str, dict]:
    """The loaders' article fields per source path, from a :class:`loaders.Corpus`'s ``articles`` table."""
    by_path = {}
    for _, row in corpus.articles.iterrows():
        by_path[row["path"]] = {
            "title": _value(row, "title"), "published": _value(row, "published_iso"),
            "updated": _value(row, "updated_iso"), "outlet": _value(row, "outlet"),
            "body_lines": [int(n) for n in row["body_lines"]], "body": _value(row, "body") or "",
            "page_kind": _value(row, "page_kind")}
    return by_path


# ---------------------------------------------------------------- page figures and tables

MEAN_KEYS = ("body_f1", "justext_bn_f1", "justext_li_f1", "trafilatura_f1", "title", "published", "page_kind")
LABELS = {"body_f1": "body F1", "justext_bn_f1": "jusText bn", "justext_li_f1": "jusText li",
          "trafilatura_f1": "trafilatura", "title": "title", "published": "published", "outlet": "outlet r/n/w",
          "page_kind": "kind", "mentions": "mentions"}


def page_figures(gold: dict, predicted: dict | None, gold_body: list[str], predicted_body: list[str]) -> dict:
    """One page's figures against its gold (title, published, outlet, page_kind). Body F1, title and
    published are scored on article pages only; a page the loaders dropped counts as nothing found."""
    predicted = predicted or {"title": None, "published": None, "outlet": None, "page_kind": None}
    row = {"outlet": outlet_verdict(predicted["outlet"], gold["outlet"]),
           "page_kind": float(is_article(predicted["page_kind"]) == (gold["page_kind"] == "article")),
           "body_f1": None, "title": None, "published": None}
    if gold["page_kind"] == "article":
        row["body_f1"] = f1(predicted_body, gold_body)
        row["title"] = float(same_title(predicted["title"], gold["title"]))
        row["published"] = float(same_time(predicted["published"], gold["published"]))
    return row


def summary(rows: list[dict]) -> dict:
    """Means of the page figures (over the pages that have them), outlet verdicts counted, mentions summed."""
    verdicts = Counter(r["outlet"] for r in rows)
    mentions = [r["mentions"] for r in rows if r.get("mentions") is not None]
    return {"pages": len(rows), **{k: mean([r.get(k) for r in rows]) for k in MEAN_KEYS},
            "outlet": (verdicts["right"], verdicts["null"], verdicts["wrong"]),
            "mentions": sum(mentions) if mentions else None}


def worst(summaries: list[dict]) -> dict:
    """The worst figure of each kind over several summaries: the leave-one-source-out minimum."""
    out = {"pages": min(s["pages"] for s in summaries), "mentions": None,
           "outlet": (min(s["outlet"][0] for s in summaries), max(s["outlet"][1] for s in summaries),
                      max(s["outlet"][2] for s in summaries))}
    for key in MEAN_KEYS:
        values = [s[key] for s in summaries if s[key] is not None]
        out[key] = min(values) if values else None
    return out


def table(lines: list[tuple[str, dict]], columns: tuple[str, ...]) -> str:
    """A fixed-width table of named summaries; n/a where a figure was not scored."""
    width = max([len(name) for name, _ in lines] + [6]) + 2

    def cell(key: str, value) -> str:
        if key == "outlet":
            return f"{'/'.join(map(str, value)):>13}"
        if value is None:
            return f"{'n/a':>12}"
        return f"{value:>12}" if key == "mentions" else f"{value:>12.3f}"

    head = f"{'layout':<{width}}{'pages':>6}" + "".join(f"{LABELS[k]:>{13 if k == 'outlet' else 12}}" for k in columns)
    out = [head, "-" * len(head)]
    for name, figures in lines:
        out.append(f"{name:<{width}}{figures['pages']:>6}" + "".join(cell(k, figures[k]) for k in columns))
    return "\n".join(out)
