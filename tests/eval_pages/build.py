"""Build the held-out evaluation set: page dumps and gold annotation from saved HTML pages.

The evaluation set tests the loaders on news sites they were never tuned on. Each page is
a saved HTML article page from a public GitHub repository (scraper test fixtures, crawl
samples, dataset repositories that kept the raw HTML). The HTML itself is not committed:
``sources.json`` names every page by repository, commit and path, and this script turns
the pages into

* ``<site>/<n>.txt`` — the page as a browser's "save as text" gives it (inscriptis, layout
  kept, links and images not shown; menus, tickers, link lists and footers all kept: they
  are what the parser must tell apart from the article);
* ``gold.json`` — the annotation read from the page's own markup: title (JSON-LD
  ``headline``, ``<h1>``, ``og:title``, ``<title>``, taken as the dump line it matches),
  published / updated (JSON-LD ``datePublished`` / ``dateModified``,
  ``article:published_time`` / ``article:modified_time`` meta, ``<time datetime>``; local
  time of the outlet: Asia/Dhaka for Bangladeshi and international Bengali services,
  Asia/Kolkata for Indian outlets; ``YYYY-MM-DDTHH:MM``, or ``YYYY-MM-DD`` for a day-only
  value, null when the markup gives none) and body_lines (1-based dump lines that are
  paragraphs of the article-body element or of the JSON-LD ``articleBody``, matched by
  normalised text; captions, bylines, "আরও পড়ুন" links, share widgets and tags excluded;
  a paragraph the dump repeats counts once, at its first line). ``basis`` records which
  markup gave each field. ``overrides`` in ``sources.json`` replace any field after a
  check by eye, with the reason.

Usage (the mirrors are bare git directories as the session's ``fetch`` brings them)::

    python tests/eval_pages/build.py --mirror owner/name=MIRRORS/owner+name/repo.git ...
    python tests/eval_pages/build.py --mirrors-root MIRRORS            # finds owner+name/*
    python tests/eval_pages/build.py --show kalerkantho/3.txt          # dump with gold marks

``sources.json``: ``{"sites": {site_id: {"outlet": id|null, "country": "BD"|"IN"|..,
"name": str, "body_xpath": optional XPath of the article-body element}}, "pages":
[{"site", "repo", "commit", "path", "url"?, "overrides"?: {field: value}, "note"?}]}``.
Site ids are the ids of ``loaders/data/outlets.csv`` where the outlet is listed there.
This script needs only lxml and inscriptis (the project's runtime dependencies); it is not
run in CI.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
from inscriptis import Inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources.json"
MIN_PAGES, MIN_SITES = 150, 8  # what the set must reach to count as complete

ZONES = {"BD": "Asia/Dhaka", "IN": "Asia/Kolkata"}  # anything else: Asia/Dhaka (Bengali services)
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting"}
BODY_XPATHS = (  # tried in order when the site gives none; the first that holds paragraphs wins
    "//*[@itemprop='articleBody']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
    "//*[contains(@class, 'articleBody') or contains(@class, 'article_body') or contains(@class, 'news-details')"
    " or contains(@class, 'details-content') or contains(@class, 'story-content') or contains(@class, 'content-details')"
    " or contains(@class, 'news_content') or contains(@class, 'post-content') or contains(@class, 'entry-content')]",
    "//article",
)
# Lines inside the body element that are not article text.
NOT_BODY_RE = re.compile(
    r"^(আরও পড়ুন|আরো পড়ুন|আরও পড়ুন|আরও খবর|পড়ুন\s*[:ঃ]|আরও দেখুন|ছবি\s*[:ঃ]|ছবি[-–]|ফাইল ছবি|ভিডিও\s*[:ঃ]|"
    r"শেয়ার|শেয়ার|সম্পর্কিত|ট্যাগ|বিষয়\s*[:ঃ]|Tags?\b|Share\b|Follow\b|Advertisement|বিজ্ঞাপন)",
    re.IGNORECASE)
CREDIT_RE = re.compile(r"^[/\s]*[\u0980-\u09ffA-Za-z.]{1,8}(\s*/\s*[\u0980-\u09ffA-Za-z.]{1,8})+[/\s]*$")  # /এলকে/এমওএফ/
SEPARATORS = str.maketrans({c: " " for c in "\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85\r"})
TEXT_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)


def norm(text: str | None) -> str:
    """NFC, zero-width characters dropped, white space collapsed: the form lines are matched in."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "").replace("\ufeff", "")
    return " ".join(text.split())


# ---------------------------------------------------------------- reading the pages

def read_blob(git_dir: Path, commit: str, path: str) -> bytes:
    """One file of a bare mirror at a commit (gunzipped when it ends in .gz)."""
    data = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout
    return gzip.decompress(data) if path.endswith(".gz") else data


def decode(data: bytes) -> str:
    """The page's text: its declared charset, else UTF-8."""
    head = data[:4096].decode("ascii", "replace")
    match = re.search(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", head, re.IGNORECASE)
    for encoding in ([match.group(1)] if match else []) + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def parse_html(html: str):
    """An lxml tree of the page, scripts kept (JSON-LD lives there)."""
    return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html) or "<html/>")


# ---------------------------------------------------------------- the dump

def dump_text(html: str) -> str:
    """The page as "save as text" gives it: one line per block, furniture kept, trailing spaces cut."""
    tree = parse_html(html)
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//iframe"):
        bad.drop_tree()
    text = Inscriptis(tree, TEXT_CONFIG).get_text().translate(SEPARATORS)
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


# ---------------------------------------------------------------- markup fields

def json_ld_articles(tree) -> list[dict]:
    """Every JSON-LD object of an article type, @graph and lists flattened."""
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            types = node.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                found.append(node)
            walk(node.get("@graph"))
            walk(node.get("mainEntity"))

    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (script.text or "").strip()
        try:
            walk(json.loads(raw, strict=False))
        except ValueError:
            continue
    return found


def meta(tree, *keys: str) -> tuple[str | None, str | None]:
    """The first meta tag (property, name or itemprop) among keys: (value, key)."""
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f"//meta[translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
                                f"='{key}']/@content")
            if values and values[0].strip():
                return values[0].strip(), f"meta {key}"
    return None, None


def local_time(value: str | None, zone: str) -> str | None:
    """An ISO date or date-time in the outlet's local time: YYYY-MM-DDTHH:MM, or YYYY-MM-DD."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(zone))
    return moment.strftime("%Y-%m-%dT%H:%M")


def dates(tree, articles: list[dict], zone: str) -> tuple[dict, dict]:
    """published / updated from JSON-LD, meta tags, then <time datetime>; with their basis."""
    values, basis = {}, {}
    for field, ld_key, meta_keys in (("published", "datePublished", ("article:published_time", "datepublished",
                                                                     "pubdate", "publishdate", "dc.date.issued")),
                                     ("updated", "dateModified", ("article:modified_time", "og:updated_time",
                                                                  "datemodified"))):
        raw, where = None, None
        for item in articles:
            if isinstance(item.get(ld_key), str) and item[ld_key].strip():
                raw, where = item[ld_key], f"JSON-LD {ld_key}"
                break
        if raw is None:
            raw, where = meta(tree, *meta_keys)
        if raw is None and field == "published":
            times = tree.xpath("//time/@datetime")
            if times:
                raw, where = times[0], "<time datetime>"
        values[field] = local_time(raw, zone)
        basis[field] = where if values[field] else None
    return values, basis


def title_candidates(tree, articles: list[dict]) -> list[tuple[str, str]]:
    """Headline strings the markup states, most trusted first: (text, basis)."""
    out = []
    for item in articles:
        if isinstance(item.get("headline"), str):
            out.append((item["headline"], "JSON-LD headline"))
    for h1 in tree.xpath("//h1"):
        out.append((h1.text_content(), "<h1>"))
    value, _ = meta(tree, "og:title")
    if value:
        out.append((value, "og:title"))
    for title in tree.xpath("//title"):
        text = title.text_content()
        out.append((text, "<title>"))
        out.append((re.split(r"\s+[|\-–]\s+", text)[0], "<title> before the site name"))
    return [(norm(text), basis) for text, basis in out if norm(text)]


def find_title(lines: list[str], candidates: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """The dump line (as it stands, stripped) that a markup headline matches."""
    by_norm: dict[str, str] = {}
    for line in lines:
        by_norm.setdefault(norm(line), line.strip())
    for text, basis in candidates:
        if text in by_norm:
            return by_norm[text], basis
    return None, None


# ---------------------------------------------------------------- body lines

def body_paragraphs(tree, articles: list[dict], site_xpath: str | None) -> tuple[list[str], str | None]:
    """The article's paragraphs: <p> (and similar blocks) of the body element, else JSON-LD articleBody."""
    for xpath in ([site_xpath] if site_xpath else []) + list(BODY_XPATHS):
        for element in tree.xpath(xpath):
            for bad in element.xpath(".//figcaption|.//figure|.//script|.//style|.//aside|.//*[contains(@class,"
                                     " 'share')]|.//*[contains(@class, 'tag')]|.//*[contains(@class, 'related')]"):
                bad.drop_tree()
            paragraphs = [norm(p.text_content()) for p in element.xpath(".//p|.//h2|.//h3|.//li|.//blockquote")]
            paragraphs = [p for p in paragraphs if p]
            if sum(len(p) for p in paragraphs) >= 200:
                return paragraphs, f"<p> of {xpath}"
    for item in articles:
        if isinstance(item.get("articleBody"), str) and len(item["articleBody"]) >= 200:
            text = lxml.html.fromstring(f"<div>{item['articleBody']}</div>").text_content()
            return [norm(part) for part in re.split(r"\n+", text) if norm(part)], "JSON-LD articleBody"
    return [], None


def find_body_lines(lines: list[str], paragraphs: list[str], whole: str) -> list[int]:
    """1-based dump lines that are article paragraphs (or whole lines inside the article text)."""
    wanted = set(paragraphs)
    seen: set[str] = set()
    found = []
    for n, line in enumerate(lines, start=1):
        text = norm(line)
        if not text or text in seen or NOT_BODY_RE.match(text) or CREDIT_RE.match(text):
            continue
        if text in wanted or (len(text) >= 40 and text in whole):
            found.append(n)
            seen.add(text)
    return found


# ---------------------------------------------------------------- the whole page

def annotate(html: str, dump: str, site: dict) -> dict:
    """Gold fields of one page from its markup, matched to the lines of its dump."""
    tree = parse_html(html)
    articles = json_ld_articles(tree)
    lines = dump.split("\n")
    zone = ZONES.get(site.get("country"), "Asia/Dhaka")
    title, title_basis = find_title(lines, title_candidates(tree, articles))
    values, date_basis = dates(tree, articles, zone)
    paragraphs, body_basis = body_paragraphs(parse_html(html), articles, site.get("body_xpath"))
    body = find_body_lines(lines, paragraphs, " ".join(paragraphs))
    return {"title": title, "published": values["published"], "updated": values["updated"], "body_lines": body,
            "basis": {"title": title_basis, "published": date_basis["published"], "updated": date_basis["updated"],
                      "body_lines": body_basis, "outlet": "sources.json site table", "time_zone": zone}}


def find_mirror(repo: str, given: dict[str, Path], root: Path | None) -> Path:
    """The bare git directory of a repository: --mirror, else the one git dir under root/owner+name."""
    if repo in given:
        return given[repo]
    if root is not None:
        base = root / repo.replace("/", "+")
        for candidate in [base, *sorted(base.glob("*"))]:
            if (candidate / "HEAD").exists() and (candidate / "objects").exists():
                return candidate
    raise SystemExit(f"no mirror for {repo}: pass --mirror {repo}=PATH or --mirrors-root")


def build(sources: dict, mirrors: dict[str, Path], root: Path | None, out: Path = HERE) -> dict:
    """Write every dump and return the gold document."""
    pages, counters = [], {}
    for page in sources["pages"]:
        site_id = page["site"]
        site = sources["sites"][site_id]
        html = decode(read_blob(find_mirror(page["repo"], mirrors, root), page["commit"], page["path"]))
        dump = dump_text(html)
        counters[site_id] = counters.get(site_id, 0) + 1
        rel = f"{site_id}/{counters[site_id]}.txt"
        (out / site_id).mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(dump, encoding="utf-8")
        entry = {"file": rel, "site": site_id, "outlet": site.get("outlet"), **annotate(html, dump, site)}
        for field, value in (page.get("overrides") or {}).items():
            entry[field] = value
            entry["basis"][field] = f"checked by eye: {page.get('note', 'override')}"
        entry["source"] = {k: page[k] for k in ("repo", "commit", "path", "url") if k in page}
        pages.append({k: entry[k] for k in ("file", "site", "outlet", "title", "published", "updated",
                                            "body_lines", "basis", "source")})
    n_sites = len({p["site"] for p in pages})
    return {"about": __doc__.split("\n\n")[0] + " See PROVENANCE.md and build.py.",
            "status": "complete" if len(pages) >= MIN_PAGES and n_sites >= MIN_SITES else "incomplete",
            "targets": {"pages": MIN_PAGES, "sites": MIN_SITES},
            "sites": {k: {f: v for f, v in s.items() if f != "body_xpath"} for k, s in sources["sites"].items()},
            "pages": pages}


def show(rel: str, out: Path = HERE) -> None:
    """Print a dump with its gold marks (T title, B body) for a check by eye."""
    gold = {p["file"]: p for p in json.loads((out / "gold.json").read_text(encoding="utf-8"))["pages"]}[rel]
    body = set(gold["body_lines"])
    print(json.dumps({k: gold[k] for k in ("title", "published", "updated", "outlet", "basis")},
                     ensure_ascii=False, indent=1))
    for n, line in enumerate((out / rel).read_text(encoding="utf-8").split("\n"), start=1):
        mark = "T" if gold["title"] and norm(line) == norm(gold["title"]) else ("B" if n in body else " ")
        print(f"{n:4d} {mark} {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="the manifest (default: sources.json here)")
    parser.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=GITDIR",
                        help="a fetched bare mirror of a repository the manifest names (repeatable)")
    parser.add_argument("--mirrors-root", type=Path, help="folder holding owner+name/<git dir> mirrors")
    parser.add_argument("--out", type=Path, default=HERE, help="where dumps and gold.json go (default: here)")
    parser.add_argument("--show", metavar="SITE/N.txt", help="print a dump with its gold marks and stop")
    args = parser.parse_args(argv)
    if args.show:
        show(args.show, args.out)
        return 0
    mirrors = {}
    for item in args.mirror:
        repo, _, path = item.partition("=")
        mirrors[repo] = Path(path)
    sources = json.loads(args.sources.read_text(encoding="utf-8"))
    gold = build(sources, mirrors, args.mirrors_root, args.out)
    (args.out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(gold['pages'])} pages from {len({p['site'] for p in gold['pages']})} sites; status {gold['status']}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
