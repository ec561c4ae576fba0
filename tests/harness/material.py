"""The real material the harness is made of, read from ``../shared/corpus``.

* :func:`article_texts` — headline, body paragraphs and publish time of real articles: the
  seeds, the Ittefaq pages, the three CSV exports, the Bengali records of the JSON export
  and the three unseen article pages.
* :func:`furniture_sources` — the page furniture (menus, tickers, lists, footers) of real
  pages: the five seeds, the three unseen articles and the six not-article pages, with the
  source page's own headline, date line and article text taken out.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone, timedelta
from pathlib import Path

from .calendars import MONTHS_BN, bn

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
DHAKA = timezone(timedelta(hours=6))
TITLE_SLOT = "\x00TITLE\x00"    # where a lifted line held its page's headline: the new headline goes there
MIN_PARAGRAPHS, MAX_PARAGRAPHS, MIN_TOKENS, MIN_PARAGRAPH_CHARS, MIN_PARAGRAPH_WORDS = 3, 10, 80, 25, 4

# Outlet of each not-article page, by file name (the article pages' outlets are in their gold).
NOT_ARTICLE_OUTLETS = {"bdnews24-archive": "bdnews24", "bdpratidin-home": "bdpratidin",
                       "bdpratidin-national": "bdpratidin", "bdpratidin-sports": "bdpratidin",
                       "kalerkantho-latest": "kalerkantho", "somoynews-latest": "somoytv"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@dataclass(frozen=True)
class ArticleText:
    """One real article: where it comes from, its headline (None if the page had none), its body
    paragraphs and its publish time as gold writes it ("YYYY-MM-DDTHH:MM", "YYYY-MM-DD" or None)."""
    origin: str
    key: str
    title: str | None
    paragraphs: tuple[str, ...]
    published: str | None


@dataclass(frozen=True)
class Furniture:
    """The furniture of one real page, as blocks (runs of consecutive lines) by where they stood:
    ``header`` above the headline, ``byline`` between headline and body (date line removed),
    ``inbody`` between body paragraphs, ``after`` below the body, ``footer`` below that (kept apart only
    on not-article pages, whose ``after`` is their own listing). ``listing`` marks a not-article page."""
    name: str
    outlet: str | None
    header: tuple[tuple[str, ...], ...]
    byline: tuple[tuple[str, ...], ...]
    inbody: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    footer: tuple[tuple[str, ...], ...]
    listing: bool


# ---------------------------------------------------------------- article texts

def _word_count(text: str) -> int:
    return len(text.split())


def _keep(origin: str, key: str, title: str | None, paragraphs: list[str], published: str | None) -> list[ArticleText]:
    """The article as a one-item list when its body is long enough, else an empty list."""
    paragraphs = [nfc(p) for p in paragraphs if nfc(p)]
    if len(paragraphs) < MIN_PARAGRAPHS:  # a body scraped as one or two lines: paragraphs of three sentences
        sentences = _sentences(" ".join(paragraphs))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    # Short lines are sign-offs and credits (টিটি/এমএএইচ/), which the seeds' gold counts as furniture.
    paragraphs = [p for p in paragraphs if len(p) >= MIN_PARAGRAPH_CHARS and len(p.split()) >= MIN_PARAGRAPH_WORDS]
    if len(paragraphs) < MIN_PARAGRAPHS or sum(map(_word_count, paragraphs)) < MIN_TOKENS:
        return []
    title = " ".join(nfc(title).split()) if title else None  # a few exports break a headline over two lines
    return [ArticleText(origin, key, title, tuple(paragraphs[:MAX_PARAGRAPHS]), published)]


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def _seeds() -> list[ArticleText]:
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))
    out = []
    for item in gold["articles"]:
        lines = (CORPUS / "seeds" / item["file"]).read_text(encoding="utf-8").split("\n")
        out += _keep("seed", item["file"], item["title"], [lines[n - 1] for n in item["body_lines"]], item["published"])
    return out


def _unseen() -> list[ArticleText]:
    gold = json.loads((CORPUS / "unseen" / "articles" / "gold.json").read_text(encoding="utf-8"))
    out = []
    for item in gold["articles"]:
        lines = (CORPUS / "unseen" / "articles" / "text" / item["file"]).read_text(encoding="utf-8").split("\n")
        out += _keep("unseen", item["file"], item["title"], [lines[n - 1] for n in item["body_lines"]],
                     item["published"])
    return out


def _ittefaq() -> list[ArticleText]:
    """Title line, section line, ``প্রকাশ : ২৫ মার্চ ২০১৯, ০০:০০``, body. The print edition's 00:00 is no
    time of day, so these dates are days."""
    out = []
    month_of = {name: i + 1 for i, name in enumerate(MONTHS_BN)}
    digits = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
    for path in sorted((CORPUS / "real" / "ittefaq-2019").glob("*.txt")):
        lines = [nfc(line) for line in path.read_text(encoding="utf-8").split("\n")]
        found = re.search(r"(\d+) (\S+) (\d{4})", lines[2].translate(digits)) if len(lines) > 3 else None
        if not found or found.group(2) not in month_of:
            continue
        day = f"{int(found.group(3)):04d}-{month_of[found.group(2)]:02d}-{int(found.group(1)):02d}"
        out += _keep("ittefaq", path.name, lines[0], lines[3:], day)
    return out


def _csv_exports() -> list[ArticleText]:
    out = []
    for path in sorted((CORPUS / "real" / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                body = row.get("Article Body") or row.get("Body") or ""
                stamp = row.get("Date Published") or row.get("Date") or ""
                try:
                    published = (_minute(datetime.fromisoformat(stamp)) if ":" in stamp
                                 else datetime.strptime(stamp, "%Y/%m/%d").date().isoformat())
                except ValueError:
                    continue
                out += _keep(f"csv:{path.stem}", f"{path.stem}#{number}", row["Headline"], body.split("\n"), published)
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[।?!])\s+", text) if s.strip()]


def _json_export() -> list[ArticleText]:
    """The Bengali records, whose bodies are one line (cut into paragraphs by :func:`_keep`). Sentences
    found in three or more records (the BBC's WhatsApp prompt and the like) and a body's repeats of its
    own sentences are the scraper's leftovers, not article text, and are dropped."""
    records = [r for r in json.loads((CORPUS / "real" / "bd-newspapers-2025.json").read_text(encoding="utf-8"))
               if r.get("source_language") == "Bengali" and r.get("article") and r.get("headline")]
    spread: dict[str, int] = {}
    for record in records:
        for sentence in set(_sentences(nfc(record["article"]))):
            spread[sentence] = spread.get(sentence, 0) + 1
    out = []
    for record in records:
        seen, kept = set(), []
        for sentence in _sentences(nfc(record["article"])):
            if spread[sentence] < 3 and sentence not in seen:
                seen.add(sentence)
                kept.append(sentence)
        try:
            moment = datetime.fromisoformat(record.get("publication_date") or "")
        except ValueError:
            continue  # undated pages are made on purpose (UNDATED_SHARE), not left to the export's gaps
        published = _minute(moment.astimezone(DHAKA) if moment.tzinfo else moment)
        out += _keep("bd-newspapers", str(record["id"]), record["headline"], [" ".join(kept)], published)
    return out


def article_texts() -> list[ArticleText]:
    """Every usable real article, in a fixed order."""
    return _seeds() + _unseen() + _ittefaq() + _csv_exports() + _json_export()


# ---------------------------------------------------------------- furniture

def _blocks(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Runs of consecutive non-blank lines (None marks a line taken out: it ends a run too)."""
    out, run = [], []
    for line in lines + [""]:
        if line:
            run.append(line)
        elif run:
            out.append(tuple(run))
            run = []
    return tuple(out)


def _with_title_slot(line: str, title: str | None) -> str:
    """A furniture line that repeats its page's headline (a breadcrumb, a list entry) gets the slot instead."""
    return line.replace(title, TITLE_SLOT) if title and title in line else line


def _is_date_line_of(line: str, published: str) -> bool:
    """Whether a line states the source page's own publish date (day, month name and year)."""
    day = datetime.fromisoformat(published[:10])
    return (MONTHS_BN[day.month - 1] in line and bn(day.year) in line
            and re.search(rf"(?<![০-৯]){bn(day.day)}|{bn(day.day, 2)}", line) is not None)


def _article_furniture(name: str, outlet: str | None, lines: list[str], title: str | None, title_line: int | None,
                       body_lines: list[int], drop: set[int], published: str | None) -> Furniture:
    """Cut an article page's lines around its headline and body. Lines in ``drop`` (1-based), lines that
    repeat the body and the page's own date lines go; lines that repeat the headline keep a title slot."""
    body = set(body_lines)
    body_text = {lines[n - 1] for n in body}
    first, last = min(body), max(body)
    top = title_line or first
    kept: list[str] = []
    for number, line in enumerate(lines, start=1):
        own_date = published is not None and abs(number - top) <= 8 and _is_date_line_of(line, published)
        if number in body or number in drop or number == title_line or line in body_text or own_date \
                or (published is not None and number > last and _is_date_line_of(line, published)):
            kept.append("")
        else:
            kept.append(_with_title_slot(line, title))
    return Furniture(name, outlet, header=_blocks(kept[:top - 1]), byline=_blocks(kept[top:first - 1]),
                     inbody=_blocks(kept[first:last - 1]), after=_blocks(kept[last:]), footer=(), listing=False)


def _seed_furniture() -> list[Furniture]:
    """The seeds' non-body lines by their hand annotation; headlines, dates and attributions of the
    seed's own story go."""
    gold = json.loads((CORPUS / "seeds.gold.json").read_text(encoding="utf-8"))
    out = []
    for item in gold["articles"]:
        lines = [nfc(line) for line in (CORPUS / "seeds" / item["file"]).read_text(encoding="utf-8").split("\n")]
        drop, title_line = set(), None
        for span, kind in item["boilerplate"].items():
            first, _, last = span.partition("-")
            numbers = range(int(first), int(last or first) + 1)
            if kind == "title":
                title_line = int(first)
            if kind in ("title", "duplicate_title", "timestamp", "attribution"):
                drop.update(numbers)
        out.append(_article_furniture(f"seed:{item['file'][:3]}", item["outlet"], lines, item["title"] and nfc(item["title"]),
                                      title_line, item["body_lines"], drop, None))
    return out


def _unseen_article_furniture() -> list[Furniture]:
    base = CORPUS / "unseen" / "articles"
    gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    out = []
    for item in gold["articles"]:
        lines = [nfc(line) for line in (base / "text" / item["file"]).read_text(encoding="utf-8").split("\n")]
        out.append(_article_furniture(f"unseen:{Path(item['file']).stem}", item["outlet"], lines, nfc(item["title"]),
                                      item["title_line"], item["body_lines"], set(), item["published"]))
    return out


def _is_long(line: str) -> bool:
    """A headline-like line: four words or more once a list marker is taken off."""
    return len(re.sub(r"^(?:[*o+•]|\d+\.)\s+", "", line).split()) >= 4


def _dense(flags: list[bool], at: int, step: int) -> bool:
    """Whether the line at ``at`` is long and at least 5 of the 8 non-blank lines from it (forwards or
    backwards by ``step``) are long: where a page's run of headlines starts or ends."""
    window = flags[at::step][:8] if step > 0 else flags[at::-1][:8]
    return flags[at] and sum(window) >= 5


def _not_article_furniture() -> list[Furniture]:
    """A not-article page cut by structure: the header is everything above the first dense run of
    headline-like lines (with the short heading line right above it), the footer everything below
    the last one; the middle (the page's own listing) is split into blocks at blank lines."""
    out = []
    for path in sorted((CORPUS / "unseen" / "not-articles" / "text").glob("*.txt")):
        lines = [nfc(line) for line in path.read_text(encoding="utf-8").split("\n")]
        filled = [i for i, line in enumerate(lines) if line]
        flags = [_is_long(lines[i]) for i in filled]
        start = next(k for k in range(len(filled)) if _dense(flags, k, 1))
        if start and not flags[start - 1]:
            start -= 1
        end = next(k for k in range(len(filled) - 1, -1, -1) if _dense(flags, k, -1))
        head, tail = filled[start], filled[end]
        out.append(Furniture(f"listing:{path.stem}", NOT_ARTICLE_OUTLETS[path.stem], header=_blocks(lines[:head]),
                             byline=(), inbody=(), after=_blocks(lines[head:tail + 1]), footer=_blocks(lines[tail + 1:]),
                             listing=True))
    return out


def furniture_sources() -> list[Furniture]:
    """The fourteen furniture sources, in a fixed order."""
    return _seed_furniture() + _unseen_article_furniture() + _not_article_furniture()


