"""Evidence across the pages of one site: a line most of its pages print is template.

One page alone cannot always tell its headline from a ticker item, or its publish date
from the site's "today" header. A scrape holds many pages of each site, and there the
template shows: the ticker, the menu and the header date stand on most pages, while a
headline stands on one. This pass looks only at what the single-page decisions chose as
the headline and as a date line above it, and the header date a publish date was inferred from;
where most pages of the same site print that line, the page is parsed again with it marked
as template (a header date all of a site's pages share is the day they were saved, not the
day an article was written). A site with fewer than
``MIN_PAGES`` pages gives no evidence, so a lone page is never changed.
"""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ..lexicon import key_of

logger = logging.getLogger(__name__)

MIN_PAGES = 3      # pages of one site (distinct stories) before its template can be told
MIN_SHARE = 0.5    # share of the site's pages that print a line for it to be template
_PAGE_KINDS = ("dump", "html")  # dataset records carry no page template


def site_of(articles: pd.DataFrame) -> pd.Series:
    """The site of each page: its outlet, else its template fingerprint."""
    return articles["outlet"].fillna("fp:" + articles["fingerprint"].astype(str))


def _chosen_lines(articles: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame:
    """(content_hash, text) of each page's headline line, of a publish-date line above it, and of
    the header date a publish date was inferred from ("গতকাল সোমবার" before that day)."""
    titles = lines.loc[lines["kind"].astype(str).eq("title"), ["content_hash", "n", "text"]]
    published = articles[["content_hash", "published_line"]].dropna()
    dated = lines.merge(published, left_on=["content_hash", "n"], right_on=["content_hash", "published_line"])
    first_title = titles.groupby("content_hash")["n"].min()
    # A date below the headline is the article's own even when pages of one day share it.
    above = first_title.reindex(dated["content_hash"]).fillna(-1).to_numpy()
    dated = dated[dated["n"].to_numpy() < above]
    inferred = articles.loc[articles["published_basis"].eq("inferred"), ["content_hash", "page_date_line"]].dropna()
    anchors = lines.merge(inferred, left_on=["content_hash", "n"], right_on=["content_hash", "page_date_line"])
    return pd.concat([titles[["content_hash", "text"]], dated[["content_hash", "text"]],
                      anchors[["content_hash", "text"]]], ignore_index=True)


def page_sites(articles: pd.DataFrame) -> pd.Series:
    """Site of each distinct page (content hash -> outlet or template fingerprint); records have none."""
    pages = articles[articles["input_kind"].isin(_PAGE_KINDS)].drop_duplicates("content_hash")
    return pd.Series(site_of(pages).to_numpy(), index=pages["content_hash"])


def template_lines(articles: pd.DataFrame, lines: pd.DataFrame, site: pd.Series) -> dict[str, frozenset[str]]:
    """Content hash -> keys of its chosen headline or date lines that most pages of its site print.

    ``articles`` and ``lines`` are the parse tables keyed by ``content_hash`` (one row per
    distinct page), with the articles' ``published_line`` column and the lines' ``n``,
    ``kind`` and ``text``; ``site`` is :func:`page_sites` of the pages' first parse (a page
    parsed again keeps its site).
    """
    if articles.empty or lines.empty or site.empty:
        return {}
    pages = articles.drop_duplicates("content_hash")
    # Pages count once per story: the same article saved twice (two crawls) is no template evidence.
    # Stories are numbered by their body text; a page without a body is a story of its own.
    codes = pd.factorize(pages["body"].fillna(""))[0]
    own = -1 - np.arange(len(pages))
    codes = np.where(pages["body"].fillna("").str.len().to_numpy() == 0, own, codes)
    story = pd.Series(codes, index=pages["content_hash"].to_numpy()).reindex(site.index)
    sizes = story.groupby(site).nunique()
    site = site[sizes.reindex(site).to_numpy() >= MIN_PAGES]
    if site.empty:
        return {}
    lines = lines[lines["content_hash"].isin(site.index)]
    chosen = _chosen_lines(pages[pages["content_hash"].isin(site.index)], lines)
    if chosen.empty:
        return {}
    printed = lines.loc[lines["text"].isin(set(chosen["text"])), ["content_hash", "text"]].drop_duplicates()
    printed["site"] = site.reindex(printed["content_hash"]).to_numpy()
    printed["story"] = story.reindex(printed["content_hash"]).to_numpy()
    spread = printed.groupby(["site", "text"])["story"].nunique().to_dict()
    chosen["site"] = site.reindex(chosen["content_hash"]).to_numpy()
    pages_printing = [spread.get((s, t), 0) for s, t in zip(chosen["site"], chosen["text"])]
    needed = [max(MIN_PAGES, MIN_SHARE * sizes[s]) for s in chosen["site"]]
    chosen = chosen[[have >= need for have, need in zip(pages_printing, needed)]]
    found: dict[str, set[str]] = {}
    for digest, text in zip(chosen["content_hash"], chosen["text"]):
        found.setdefault(digest, set()).add(key_of(text))
    if found:
        logger.info("%d pages chose a line most pages of their site print; parsing them again", len(found))
    return {digest: frozenset(keys) for digest, keys in found.items()}
