"""Republished copies of real articles, mixed with same-day articles that copy nothing, and their gold.

Material is the CSV exports of ``../shared`` (Prothom Alo, Samakal, Jugantor; see
:mod:`tests.harness.material`). Each chosen article is printed in the furniture of one real
page and republished in another's, the way outlets reuse agency and each other's copy: a new
headline, a dateline and agency credit in front of the text, a credit line after it, and
at random trimmed to its first paragraphs, a paragraph dropped, a lead sentence added. The
copy is published 1 to 30 hours after the original. Beside each copied article stand one or
two articles of the same day, printed as pages too, that nobody copies. Articles that share a
sentence with another article of the exports are left out (see :func:`_uncopied`).

The gold is the set of (copy, original) pairs. Deterministic: one ``random.Random`` per seed,
material in a fixed order, no clock.
"""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from .harness.calendars import published_line
from .harness.material import TITLE_SLOT, _sentences, ArticleText, Furniture, article_texts, furniture_sources

PLACES = ["ঢাকা", "চট্টগ্রাম", "রাজশাহী", "খুলনা", "সিলেট", "বরিশাল"]
CREDITS = ["বাসস", "ইউএনবি", "এএফপি", "রয়টার্স"]
LEADS = ["এ বিষয়ে বিস্তারিত তথ্য পাওয়া গেছে সংশ্লিষ্ট সূত্রে।", "ঘটনাটি নিয়ে দিনভর আলোচনা চলে বিভিন্ন মহলে।",
         "সংশ্লিষ্টরা বিষয়টি নিশ্চিত করেছেন।"]
SENTENCE_WORDS = 8
PREFIXES = ["", "যে কারণে ", "বিস্তারিত: ", "জেনে নিন: "]


@dataclass(frozen=True)
class ReuseSet:
    """Page dumps as ``(article_id, path, bytes)`` sources and the gold pairs ``(copy id, original id)``."""

    sources: list[tuple[str, str, bytes]]
    gold: set[tuple[str, str]]


def _page(furniture: Furniture, title: str, date_line: str, paragraphs: list[str]) -> str:
    """An article page: the furniture's header, the headline, its byline lines, the date line, the text, what follows."""
    def lines(blocks) -> list[str]:
        return [line.replace(TITLE_SLOT, title) for block in blocks for line in (*block, "")]

    text = [f"{p}\n" for p in paragraphs]
    return "\n".join([*lines(furniture.header), title, "", *lines(furniture.byline), date_line, "", *text,
                      *lines(furniture.after)])


def _copy(rng: random.Random, article: ArticleText) -> list[str]:
    """The copy's body: dateline and credit in front, possibly trimmed, a paragraph dropped, a lead sentence added."""
    paragraphs = list(article.paragraphs)
    if rng.random() < 0.4:
        paragraphs = paragraphs[: max(2, round(len(paragraphs) * rng.uniform(0.5, 0.9)))]
    if len(paragraphs) >= 4 and rng.random() < 0.5:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    credit = rng.choice(CREDITS)
    paragraphs[0] = f"{rng.choice(PLACES)}, ({credit}) : {paragraphs[0]}"
    if rng.random() < 0.5:
        paragraphs.insert(0, rng.choice(LEADS))
    return [*paragraphs, f"সূত্র: {credit}"]


def _later(published: str, rng: random.Random) -> str:
    moment = datetime.fromisoformat(published)
    return (moment + timedelta(hours=rng.randint(1, 30), minutes=rng.randrange(60))).strftime("%Y-%m-%dT%H:%M")


def _uncopied(texts: list[ArticleText]) -> list[ArticleText]:
    """The texts that share no sentence of ``SENTENCE_WORDS`` or more words with another: the exports
    republish their own and agency copy too (the same report twice, a photo story beside its article),
    and such a pair, missing from the gold, would count against the loaders."""
    sentences = [{s for s in _sentences(" ".join(t.paragraphs)) if len(s.split()) >= SENTENCE_WORDS} for t in texts]
    spread = Counter(s for found in sentences for s in found)
    return [t for t, found in zip(texts, sentences) if all(spread[s] == 1 for s in found)]


def generate(copies: int = 150, seed: int = 0) -> ReuseSet:
    """``copies`` republished articles, their originals and one or two uncopied articles of each original's day."""
    rng = random.Random(f"reuse:{seed}")
    texts = _uncopied([t for t in article_texts() if t.origin.startswith("csv:") and t.published and t.title])
    by_day: dict[tuple[str, str], list[ArticleText]] = defaultdict(list)
    for text in texts:
        by_day[(text.origin, text.published[:10])].append(text)
    days = sorted(day for day, group in by_day.items() if len(group) >= 2)
    layouts = [f for f in furniture_sources() if not f.listing]
    sources, gold, used = [], set(), set()

    def add(article_id: str, page: str) -> None:
        sources.append((article_id, article_id, page.encode("utf-8")))

    for number in range(copies):
        group = [t for t in by_day[days[number % len(days)]] if t.key not in used]
        if len(group) < 2:
            continue
        original, *others = rng.sample(group, min(len(group), rng.randint(2, 3)))
        used.update(t.key for t in (original, *others))
        home, away = rng.sample(layouts, 2)
        for text in (original, *others):
            add(f"{text.key}.txt", _page(home, text.title, published_line(text.published, rng, True, False),
                                         list(text.paragraphs)))
        copy_id = f"copy-{number:03d}-of-{original.key}.txt"
        title = rng.choice(PREFIXES) + " ".join(original.title.split()[: max(3, len(original.title.split()) - 1)])
        add(copy_id, _page(away, title, published_line(_later(original.published, rng), rng, True, False),
                           _copy(rng, original)))
        gold.add((copy_id, f"{original.key}.txt"))
    return ReuseSet(sources, gold)


def synthetic_tables(count: int, copy_share: float = 0.02, seed: int = 0, start: int = 0, retell_share: float = 0.05
                     ) -> tuple["pd.DataFrame", "pd.DataFrame", set[tuple[str, str]]]:
    """``articles`` and ``lines`` tables of ``count`` generated articles, built directly (no pages to parse),
    for the speed benchmark: random sentences of the bundled sample's words, dates over three years,
    ten outlets, entities; a ``copy_share`` of them republish an earlier one (trimmed, a paragraph
    dropped, a new lead), and a ``retell_share`` report an earlier one's event in their own words
    (its headline with one word changed, its lead's words in another order, its entities, up to a
    day and a half later). Ids start at ``start``, so a second call adds articles to a first one's;
    also returns the planted (copy, source) pairs."""
    import numpy as np
    import pandas as pd

    from .corpus_factory import SAMPLE

    vocabulary = sorted({w for p in SAMPLE.glob("*.txt") for w in p.read_text(encoding="utf-8").split() if len(w) > 1})
    rng = np.random.default_rng(seed)
    day0 = pd.Timestamp("2023-01-01", tz="Asia/Dhaka")

    words = np.array(vocabulary, dtype=object)[rng.integers(0, len(vocabulary), (4 * count + 1000, 12))]
    pool = [" ".join(row) + "।" for row in words]  # sentences drawn from a pool: building each apart is slow

    ids = [f"syn-{start + i:06d}" for i in range(count)]
    entity_ids = [f"e{k}" for k in range(500)]
    published = list(day0 + pd.to_timedelta(rng.integers(0, 3 * 365 * 24 * 60, count), unit="min"))
    entities = [[entity_ids[k] for k in rng.integers(0, 500, 3)] for _ in range(count)]
    bodies, titles, planted = [], [], set()
    for i in range(count):
        if i > 10 and rng.random() < retell_share:
            j = int(rng.integers(0, i))
            title = titles[j].split()
            title[int(rng.integers(0, len(title)))] = vocabulary[int(rng.integers(0, len(vocabulary)))]
            titles.append(" ".join(title))
            published[i] = published[j] + pd.Timedelta(minutes=int(rng.integers(0, 36 * 60)))
            entities[i] = entities[j]
            lead = " ".join(rng.permutation(bodies[j][0].split()))  # its words, not its sentences: no text reused
            bodies.append([lead, *(" ".join(pool[k] for k in rng.integers(0, len(pool), 3)) for _ in range(int(rng.integers(2, 6))))])
            continue
        if i > 10 and rng.random() < copy_share:
            j = int(rng.integers(0, i))
            paragraphs = list(bodies[j])[: max(2, len(bodies[j]) - int(rng.integers(0, 2)))]
            bodies.append([pool[int(rng.integers(0, len(pool)))], *paragraphs])
            planted.add((ids[i], ids[j]))
        else:
            bodies.append([" ".join(pool[k] for k in rng.integers(0, len(pool), 3)) for _ in range(int(rng.integers(3, 7)))])
        titles.append(" ".join(vocabulary[k] for k in rng.integers(0, len(vocabulary), 7)))
    articles = pd.DataFrame({
        "article_id": ids, "page_kind": "article", "title": titles, "body": ["\n".join(b) for b in bodies],
        "published": pd.DatetimeIndex(published), "outlet": [f"outlet{k}" for k in rng.integers(0, 10, count)], "fingerprint": None,
        "attributions": [[] for _ in range(count)],
        "content_hash": [f"{start}-{i}" for i in range(count)],  # as a parse gives each page's bytes
        "entities": entities,
    })
    rows = [(a, 1, "title", t) for a, t in zip(ids, titles)]
    rows += [(a, n, "body", text) for a, body in zip(ids, bodies) for n, text in enumerate(body, start=2)]
    lines = pd.DataFrame(rows, columns=["article_id", "n", "kind", "text"]).sort_values(["article_id", "n"], kind="stable")
    return articles, lines.reset_index(drop=True), planted
