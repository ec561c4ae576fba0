"""Corpus-level pass: a short line printed on many pages of one site is template, not news.

A single page cannot tell a site's fixed promo line ("… হোয়াটসঅ্যাপ চ্যানেল ফলো করুন")
or its section name from article text; seen across pages of the same outlet (or the
same template fingerprint, when the outlet is unknown) it can. This runs after the
parse cache, on the tables, so cached parses stay valid whatever else is loaded.
"""
from __future__ import annotations

import logging

import pandas as pd

from .arrow_ops import isin
from .lexicon import key_of
from .textnorm import clean

logger = logging.getLogger(__name__)

MIN_PAGES = 3          # distinct pages (with distinct titles) that must repeat a line
MAX_CHARS = 200        # longer lines are real paragraphs even when syndicated
# Kinds the per-page pass may have given to a template line, and what it becomes.
_RELABEL = {"body": "widget", "byline": "section_label"}


def relabel_repeated_lines(articles: pd.DataFrame, lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return copies of (articles, lines) with cross-page template lines relabelled.

    Only lines the page pass called ``body`` or a guessed ``byline`` are considered, and
    only when at least ``MIN_PAGES`` pages with different titles of one site print them.
    Article body columns are recomputed for the pages that changed.
    """
    if articles.empty:
        return articles, lines
    candidate = lines["kind"].isin(list(_RELABEL))
    candidate &= lines["text"].where(candidate, "").str.len() <= MAX_CHARS
    if lines["kind"].eq("byline").any():
        candidate &= ~(lines["kind"].eq("byline") & lines["reason"].str.startswith("reporter word"))
    rows = lines.loc[candidate, ["article_id", "kind", "text"]].copy()
    if rows.empty:
        return articles, lines
    meta = articles.set_index("article_id")
    site = meta["outlet"].fillna("fp:" + meta["fingerprint"])
    rows["site"] = rows["article_id"].map(site)
    rows["title"] = rows["article_id"].map(meta["label"])
    texts = rows["text"].tolist()
    keys = _once_each(key_of, texts)
    rows["key"] = [keys[text] for text in texts]
    rows = rows[rows["key"] != ""]
    spread = rows.groupby(["site", "key"])["title"].transform("nunique")
    repeated = rows[spread >= MIN_PAGES]
    if repeated.empty:
        return articles, lines
    kinds = lines["kind"].astype(str)
    kinds.loc[repeated.index] = repeated["kind"].map(_RELABEL)
    reasons = lines["reason"].copy()
    reasons.loc[repeated.index] = [f"printed on {n} pages of this site" for n in spread.loc[repeated.index]]
    lines = lines.assign(kind=kinds.astype("category"), reason=reasons)  # the other columns are not copied
    changed = set(repeated["article_id"])
    logger.info("relabelled %d repeated template lines on %d pages", len(repeated), len(changed))
    return _recount(articles, lines, changed), lines


def _once_each(function, values: list[str]) -> dict[str, str]:
    """Value -> ``function(value)``, called once per distinct value (template lines repeat across pages)."""
    return {value: function(value) for value in set(values)}


def _recount(articles: pd.DataFrame, lines: pd.DataFrame, changed: set[str]) -> pd.DataFrame:
    """Recompute the body-derived columns of the changed articles, in one pass over their lines."""
    subset = lines.loc[isin(lines["article_id"], changed), ["article_id", "kind", "text", "n"]]
    # Per article: body texts, body line numbers, non-blank lines, title lines.
    tally: dict[str, tuple[list[str], list[int], list[int]]] = {a: ([], [], [0, 0]) for a in changed}
    # Whole columns as Python lists: iterating a pyarrow-backed column converts one value at a time.
    kinds, line_texts = subset["kind"].astype(str).tolist(), subset["text"].tolist()
    cleaned = _once_each(lambda text: clean(text).strip(), [t for t, k in zip(line_texts, kinds) if k == "body"])
    for article_id, kind, text, n in zip(subset["article_id"].tolist(), kinds, line_texts, subset["n"].tolist()):
        texts, numbers, counts = tally[article_id]
        if kind == "body":
            texts.append(cleaned[text])
            numbers.append(n)
        counts[0] += kind != "blank"
        counts[1] += kind == "title"
    articles = articles.copy()
    ids = articles["article_id"].tolist()
    positions = [i for i, article_id in enumerate(ids) if article_id in tally]
    new = {"body": [], "n_body_lines": [], "n_boilerplate_lines": [], "boilerplate_share": [], "body_lines": []}
    for i in positions:
        texts, numbers, (non_blank, titles) = tally[ids[i]]
        boilerplate = non_blank - len(texts) - titles
        new["body"].append("\n".join(texts))
        new["n_body_lines"].append(len(texts))
        new["n_boilerplate_lines"].append(boilerplate)
        new["boilerplate_share"].append(boilerplate / non_blank if non_blank else 0.0)
        new["body_lines"].append(numbers)
    for column, values in new.items():
        merged = articles[column].tolist()
        for i, value in zip(positions, values):
            merged[i] = value
        articles[column] = pd.Series(merged, index=articles.index, dtype=articles[column].dtype)
    return articles
