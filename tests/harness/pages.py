"""Assemble harness pages: a real article text inside one real page's furniture plus synthetic forms.

Each page draws from its own ``random.Random`` seeded by the harness seed and the page number,
so a page does not change when the number of pages does, and no wall clock is read.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from . import forms
from .calendars import header_date_lines, published_line
from .material import TITLE_SLOT, ArticleText, Furniture, article_texts, furniture_sources

OUTLETS_CSV = Path(__file__).resolve().parents[2] / "loaders" / "data" / "outlets.csv"
LISTING_SHARE = 1 / 6
UNDATED_SHARE = 0.04
PAGE_TEXT_SHARE = 0.1          # article pages whose text is a seed's or an unseen page's
LISTING_FURNITURE_BLOCKS = 12   # blocks of a not-article page's own listing kept below an article
Block = forms.Block


@dataclass
class HarnessPage:
    """One generated page dump and its gold."""
    page_id: str
    text: str
    gold: dict = field(default_factory=dict)


def outlet_names() -> dict[str, list[str]]:
    """Every spelling of each outlet in the lexicon: names, aliases and domains."""
    names: dict[str, list[str]] = {}
    with OUTLETS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cells = [row["name_bn"], row["name_en"], row["aliases_bn"], row["aliases_en"], row["domains"]]
            names[row["id"]] = [n.strip() for cell in cells for n in (cell or "").split("|") if n.strip()]
    return names


def names_outlet(text: str, names: list[str]) -> bool:
    """Whether the page text spells the outlet's name anywhere (English names in any case)."""
    folded = text.casefold()
    return any(name.casefold() in folded for name in names)


class _Dump:
    """Lines of a page dump, with a blank line between blocks unless a block is put tight."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, block: Block, tight: bool = False) -> int:
        """Append a block; return the 1-based number of its first line."""
        if self.lines and not tight:
            self.lines.append("")
        self.lines.extend(block)
        return len(self.lines) - len(block) + 1

    def add_all(self, blocks: list[Block]) -> None:
        for block in blocks:
            self.add(block)


def _fill_slots(blocks, title: str | None) -> list[Block]:
    """Furniture blocks with the lifted page's headline slot holding ``title``; with no title (a page
    without a headline, a listing) the lines that held the lifted page's headline go."""
    filled = [tuple(line.replace(TITLE_SLOT, title) if title else line for line in block
                    if title or TITLE_SLOT not in line) for block in blocks]
    return [block for block in filled if block]


class _PageMaker:
    """The material, read once, and the recipe of one page from its number."""

    def __init__(self, seed: int):
        self.seed = seed
        self.texts = article_texts()
        self.page_texts = [t for t in self.texts if t.origin in ("seed", "unseen")]
        self.export_texts = [t for t in self.texts if t.origin not in ("seed", "unseen")]
        self.sources = furniture_sources()
        self.names = outlet_names()
        self.headlines = sorted({t.title for t in self.texts if t.title})
        self.stories = [(t.title, t.paragraphs[0].split("।")[0] + "।") for t in self.texts if t.title]

    def page(self, number: int) -> HarnessPage:
        rng = random.Random(f"layout-harness:{self.seed}:{number}")
        furniture = self.sources[number % len(self.sources)]
        # The seeds' and unseen pages' own texts are few: drawn on purpose, else they would hardly appear.
        article = rng.choice(self.page_texts if rng.random() < PAGE_TEXT_SHARE else self.export_texts)
        others = [h for h in rng.sample(self.headlines, 60) if h != article.title]
        if rng.random() < LISTING_SHARE:
            dump, used, gold = self._listing(rng, furniture, others)
        else:
            dump, used, gold = self._article(rng, furniture, article, others)
        text = "\n".join(dump.lines) + "\n"
        outlet = furniture.outlet if furniture.outlet and names_outlet(text, self.names[furniture.outlet]) else None
        gold.update(outlet=outlet, furniture=furniture.name, forms=sorted(used))
        return HarnessPage(f"h{self.seed}-{number:04d}", text, gold)

    # ------------------------------------------------------------ shared parts

    def _header(self, rng: random.Random, furniture: Furniture, title: str | None, others: list[str],
                today: date | None, used: set[str]) -> list[Block]:
        """Menus, the source's header, a ticker; a "today" date when ``today`` is given."""
        blocks: list[Block] = []
        if today is not None and rng.random() < 0.5:
            blocks.append(tuple(header_date_lines(today, rng)))
            used.add("header_date")
        for name, make in (("menu_run_together", forms.menu_run_together), ("menu_bulleted", forms.menu_bulleted),
                           ("menu_numbered", forms.menu_numbered)):
            if rng.random() < 0.3:
                blocks += make(rng)
                used.add(name)
        blocks += _fill_slots(furniture.header, title)
        if rng.random() < 0.4:
            blocks += forms.ticker(rng, others)
            used.add("ticker")
        return blocks

    def _below(self, rng: random.Random, furniture: Furniture, title: str | None, others: list[str], today: date | None,
               used: set[str], own_listing: bool) -> list[Block]:
        """Everything under the article or listing: the source's lists and footer, synthetic lists, an imprint."""
        after = list(furniture.after)
        if furniture.listing:
            after = after[:LISTING_FURNITURE_BLOCKS] if own_listing else []
        blocks = _fill_slots(after, title)
        for _ in range(rng.choice((0, 1, 1, 2))):
            listed = others + ([title] if title and rng.random() < 0.2 else [])
            blocks += forms.headline_list(rng, listed, today)
            used.add("lists")
        blocks += [tuple(b) for b in furniture.footer]
        if rng.random() < 0.35:
            name = self.names[furniture.outlet][0] if furniture.outlet and rng.random() < 0.5 else None
            blocks += forms.imprint(rng, name, (today or date(2025, 1, 1)).year)
            used.add("imprint")
        return blocks

    # ------------------------------------------------------------ article pages

    def _article(self, rng: random.Random, furniture: Furniture, article: ArticleText, others: list[str]):
        used: set[str] = set()
        published = article.published
        if published is not None and rng.random() < UNDATED_SHARE:
            published = None
            used.add("undated")
        # An undated page gets no synthetic dates at all: a header date or dated list beside a weekday in
        # the body would let a reader infer a day, as the seeds' gold does, and the gold says null.
        today = datetime.fromisoformat(published[:10]).date() + timedelta(days=rng.randint(1, 700)) if published else None
        title = article.title
        dump = _Dump()
        dump.add_all(self._header(rng, furniture, title, others, today, used))
        if rng.random() < 0.35:
            dump.add_all(forms.breadcrumb(rng, title, rng.choice(forms.SECTIONS[1:])))
            used.add("breadcrumb")
        date_text = None
        if published:
            labelled = rng.random() < 0.5
            english = rng.random() < 0.25
            date_text = published_line(published, rng, labelled, english)
            used.add("date_labelled" if labelled else "date_unlabelled")
            used.add("date_english_digits" if english else "date_bengali_digits")
        above = date_text is not None and rng.random() < 0.2
        if above:
            used.add("date_above_headline")
        inserts = self._body_inserts(rng, furniture, others, len(article.paragraphs), used)
        tight_body = rng.random() < 0.15
        if tight_body:
            used.add("body_without_blank_lines")
        byline = _fill_slots(furniture.byline, title)
        author = rng.random() < 0.5
        if author:
            used.add("author_line")
        head = (rng.choice(forms.AUTHORS if author else forms.DESKS),)
        if date_text and not above:
            head += (date_text,)
        gold_title_line, body_lines = None, []
        copies = 2 if rng.random() < 0.15 else 1
        if copies == 2:
            used.add("repeated_block")
        for copy in range(copies):
            if above:
                dump.add((date_text,))
            if title:
                line = dump.add((title,))
                gold_title_line = gold_title_line or line
            dump.add_all(byline)
            dump.add(head)
            if copy == 0 and rng.random() < 0.3:
                dump.add((rng.choice(forms.CAPTIONS),))
                used.add("caption")
            for index, paragraph in enumerate(article.paragraphs):
                if index in inserts:
                    dump.add_all(inserts[index])
                number = dump.add((paragraph,), tight=tight_body and index > 0 and index not in inserts)
                if copy == 0:
                    body_lines.append(number)
            if copy == 0 and rng.random() < 0.25:
                dump.add_all(forms.author_note(rng))
                used.add("author_note")
            if rng.random() < 0.3:
                dump.add_all(forms.share_widget(rng))
        dump.add_all(self._below(rng, furniture, title, others, today, used, own_listing=True))
        gold = {"page_kind": "article", "title": title, "title_line": gold_title_line, "published": published,
                "body_lines": body_lines, "article": f"{article.origin}/{article.key}"}
        return dump, used, gold

    def _body_inserts(self, rng: random.Random, furniture: Furniture, others: list[str], paragraphs: int,
                      used: set[str]) -> dict[int, list[Block]]:
        """Furniture that stands between body paragraphs, by the index of the paragraph it precedes."""
        choices = []
        if rng.random() < 0.35:
            choices.append(("ads", [(rng.choice(forms.ADS),)]))
        if rng.random() < 0.15:
            choices.append(("ads", [(rng.choice(forms.ADS),)]))
        if rng.random() < 0.2:
            choices.append(("caption", [(rng.choice(forms.CAPTIONS),)]))
        if rng.random() < 0.15:
            choices.append(("video_player", forms.video_player()))
        if rng.random() < 0.25:
            choices.append(("read_more", forms.read_more(rng, others)))
        if furniture.inbody and rng.random() < 0.6:
            choices.append(("source_inbody", [tuple(b) for b in furniture.inbody]))
        inserts: dict[int, list[Block]] = {}
        for name, blocks in choices:
            inserts.setdefault(rng.randint(1, paragraphs - 1), []).extend(blocks)
            used.add(name)
        return inserts

    # ------------------------------------------------------------ listing pages

    def _listing(self, rng: random.Random, furniture: Furniture, others: list[str]):
        used = {"listing"}
        today = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2600))
        dump = _Dump()
        dump.add_all(self._header(rng, furniture, None, others, today, used))
        style = rng.randrange(4)
        if style == 0:
            dump.add_all(forms.latest_listing(rng, others, today))
        elif style == 1:
            dump.add_all(forms.archive_listing(rng, others, today))
        elif style == 2:
            dump.add_all(forms.section_listing(rng, rng.sample(self.stories, 20)))
        else:
            dump.add_all(forms.home_listing(rng, others, today))
        used.add(("latest", "archive", "section", "home")[style] + "_listing")
        dump.add_all(self._below(rng, furniture, None, others, today, used, own_listing=False))
        gold = {"page_kind": "listing", "title": None, "title_line": None, "published": None, "body_lines": [],
                "article": None}
        return dump, used, gold


def generate(pages: int = 300, seed: int = 0) -> list[HarnessPage]:
    """``pages`` harness pages, the same ones on every run for the same ``seed``."""
    maker = _PageMaker(seed)
    return [maker.page(number) for number in range(pages)]
