"""Summary tables for the Entities page (pure pandas, no Streamlit).

Every function takes the (corrected, filtered) mentions table of ``loaders.corpus``
and returns a small DataFrame whose columns its docstring lists; charts draw these,
never one row per mention.
"""
from __future__ import annotations

import pandas as pd

from components.aggregate import bucket_starts, per_site
from components.filters import SITE_COLUMNS
from loaders import Corpus
from loaders.arrow_ops import isin

TYPE_NAMES = {"PER": "Person", "LOC": "Place", "ORG": "Organisation"}
KWIC_CHARS = 70  # context shown on each side of a mention


COUNTED_COLUMNS = ["article_id", "entity_id", "type", "n", "start", "end"]


def counted(mentions: pd.DataFrame, include_furniture: bool = False) -> pd.DataFrame:
    """The mentions that count, in COUNTED_COLUMNS: none set aside (self-mentions, words that are not names),
    and body lines only unless furniture (link lists, footers …) is included."""
    rows = mentions[COUNTED_COLUMNS]  # fewer columns to copy when a large table is filtered
    keep = mentions["aside"].isna()
    return rows[keep if include_furniture else keep & mentions["in_body"].astype(bool)]


def set_aside(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The entities whose body mentions are set aside, most articles first.

    Columns: entity_id, name, type_name, reason, mentions, articles (in the given mentions).
    """
    rows = mentions.loc[mentions["aside"].notna() & mentions["in_body"].astype(bool), ["entity_id", "article_id", "aside"]]
    counts = rows.groupby(["entity_id", "aside"]).agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
    counts = counts.reset_index().rename(columns={"aside": "reason"})
    names = entities.set_index("entity_id").reindex(counts["entity_id"])
    counts["name"] = [display_name(bn, en) for bn, en in zip(names["name_bn"], names["label_en"])]
    counts["type_name"] = names["type"].map(TYPE_NAMES).to_numpy()
    return counts.sort_values(["articles", "mentions"], ascending=False, kind="stable", ignore_index=True)[
        ["entity_id", "name", "type_name", "reason", "mentions", "articles"]]


def of_entity(mentions: pd.DataFrame, entity_id: str) -> pd.DataFrame:
    """The entity's rows of a mentions table (what the functions below take as ``mine``)."""
    return mentions[mentions["entity_id"] == entity_id]


def _rows_of(articles: pd.DataFrame, article_ids, columns: list[str]) -> pd.DataFrame:
    """The given columns of the articles with these ids, indexed by article id."""
    return articles.loc[isin(articles["article_id"], article_ids), ["article_id", *columns]].set_index("article_id")


def display_name(name_bn, label_en) -> str:
    """'ভ্লাদিমির পুতিন · Vladimir Putin', or whichever of the two names is known (each shown once)."""
    return " · ".join(dict.fromkeys(x for x in (name_bn, label_en) if isinstance(x, str) and x))


def top_entities(mentions: pd.DataFrame, entities: pd.DataFrame, types: tuple[str, ...] = tuple(TYPE_NAMES),
                 by: str = "articles", top: int = 25) -> pd.DataFrame:
    """The ``top`` entities of the given types, ranked ``by`` mentions or articles.

    Columns: entity_id, name, type, type_name, mentions, articles (both always present).
    """
    rows = mentions[mentions["type"].isin(types)]
    counts = rows.groupby("entity_id", sort=False).agg(mentions=("article_id", "size"),
                                                       articles=("article_id", "nunique"))
    other = "articles" if by == "mentions" else "mentions"
    counts = counts.sort_values([by, other], ascending=False, kind="stable").head(top).reset_index()
    names = entities.set_index("entity_id").reindex(counts["entity_id"])
    counts["name"] = [display_name(bn, en) for bn, en in zip(names["name_bn"], names["label_en"])]
    counts["type"] = names["type"].to_numpy()
    counts["type_name"] = counts["type"].map(TYPE_NAMES)
    return counts[["entity_id", "name", "type", "type_name", "mentions", "articles"]]


def articles_mentioning(mine: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Articles that mention the entity (``mine``: its mentions), most mentions first.

    Columns: article_id, label, outlet_name_en ("unknown" when not named), published_iso
    ("undated" when the page gives no full date), mentions.
    """
    counts = mine.groupby("article_id").size().rename("mentions")
    chosen = _rows_of(articles, counts.index, ["label", "outlet_name_en", "published_iso"]).loc[counts.index]
    table = chosen.assign(mentions=counts, outlet_name_en=chosen["outlet_name_en"].fillna("unknown"),
                          published_iso=chosen["published_iso"].fillna("undated")).reset_index()
    return table.sort_values(["mentions", "published_iso"], ascending=[False, False], kind="stable",
                             ignore_index=True)


def over_time(mine: pd.DataFrame, articles: pd.DataFrame, freq: str) -> tuple[pd.DataFrame, int]:
    """Mentions and articles per published-date bucket, plus how many mentioning articles are undated.

    Columns: bucket (start of the day/week/month, Asia/Dhaka), mentions, articles.
    """
    published = _rows_of(articles, mine["article_id"].unique(), ["published"])["published"]
    stamps = mine["article_id"].map(published)
    dated = mine[stamps.notna()].assign(bucket=bucket_starts(stamps[stamps.notna()], freq))
    undated = mine.loc[stamps.isna(), "article_id"].nunique()
    table = dated.groupby("bucket").agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
    return table.reset_index(), undated


def outlets(mine: pd.DataFrame, articles: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Outlets of the articles that mention the entity (columns of ``aggregate.per_site``)."""
    return per_site(_rows_of(articles, mine["article_id"].unique(), SITE_COLUMNS), names)


def cooccurring(mentions: pd.DataFrame, mine: pd.DataFrame, entities: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Entities named in the same articles as the one whose mentions are ``mine``.

    Columns: entity_id, name, type (Person, Place, Organisation), shared_articles (articles
    naming both), mentions (in those articles).
    """
    shared = isin(mentions["article_id"], mine["article_id"].unique())
    others = mentions.loc[shared & ~isin(mentions["entity_id"], mine["entity_id"].unique()), ["article_id", "entity_id"]]
    counts = others.groupby("entity_id").agg(shared_articles=("article_id", "nunique"),
                                             mentions=("article_id", "size"))
    counts = counts.sort_values(["shared_articles", "mentions"], ascending=False, kind="stable").head(top)
    names = entities.set_index("entity_id").reindex(counts.index)
    counts["name"] = [display_name(bn, en) for bn, en in zip(names["name_bn"], names["label_en"])]
    counts["type"] = names["type"].map(TYPE_NAMES).to_numpy()
    return counts.reset_index()[["entity_id", "name", "type", "shared_articles", "mentions"]]


def kwic(mine: pd.DataFrame, corpus: Corpus, limit: int = 30) -> list[dict]:
    """Keyword-in-context snippets of the entity's mentions (``mine``), at most ``limit``.

    Each is a dict: article_id, label, n (line), source (the article text), context
    (start, end of the snippet in ``source``, inside the mention's line) and mention
    (start, end, entity_id, type).
    """
    rows = mine.head(limit)
    if rows.empty:
        return []
    by_article = _rows_of(corpus.articles, rows["article_id"], ["label", "source"])
    snippets = []
    for row in rows.itertuples(index=False):
        lines = corpus.lines_of(row.article_id)
        line_start, line_end = lines.loc[lines["n"] == row.n, ["start", "end"]].iloc[0]
        source = by_article.at[row.article_id, "source"]
        snippets.append({
            "article_id": row.article_id,
            "label": by_article.at[row.article_id, "label"],
            "n": int(row.n),
            "source": source,
            "context": _word_window(source, int(row.start), int(row.end), int(line_start), int(line_end)),
            "mention": (int(row.start), int(row.end), row.entity_id, row.type),
        })
    return snippets


def _word_window(source: str, start: int, end: int, line_start: int, line_end: int) -> tuple[int, int]:
    """About ``KWIC_CHARS`` either side of [start, end), inside the line, cut at spaces (never mid-word)."""
    left = max(line_start, start - KWIC_CHARS)
    if left > line_start:
        space = source.find(" ", left, start)
        left = space + 1 if space != -1 else start
    right = min(line_end, end + KWIC_CHARS)
    if right < line_end:
        space = source.rfind(" ", end, right)
        right = space if space != -1 else end
    return left, right
