"""Read a saved HTML page, or an ``.mhtml`` web archive, into a :class:`~loaders.document.Document`.

The text is the page as a browser's "save as text" gives it, one line per block, menus
and footers included: telling title, body and boilerplate apart is the line
classifier's job, not this reader's. The given fields come from markup only (meta
tags, JSON-LD, ``<link rel=canonical>``, ``<h1>``, ``<time datetime>``), never from
the visible text, and a field the markup does not state is left out.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import json
import logging
import re
import unicodedata
from html import unescape

import lxml.html
from inscriptis import Inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import etree

from .. import sources
from ..dates import DateMatch, parse_iso_datetime
from ..document import Document, Given
from ..reading import MAX_PAGE_BYTES, UnreadableFile, repaired, too_large

logger = logging.getLogger(__name__)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
_MHTML_RE = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROPPED = ("script", "style", "noscript", "template", "svg", "iframe")  # never shown as text
_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "ReportageNewsArticle",
                            "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
                            "AskPublicNewsArticle"})  # schema.org's news article types
_TITLE_SEP_RE = re.compile(r"\s+(?:[|\-–—।]|::)\s+")
_MIN_HEADLINE_WORDS = 3  # a shorter line the page prints (a menu's "ভারত") does not make the head of a title
_BLANKS_RE = re.compile(r"\n{3,}")
_LAYOUT_CELL_WORDS = 40  # a data table's cell holds a name or a figure; a layout table's, the article
_MAX_FIELDS, _MAX_FIELD_CHARS = 15, 300
# Meta keys (lower-cased name, property or itemprop) for the dates, most trusted first.
_PUBLISHED_META = ("article:published_time", "pubdate", "publishdate", "date", "dc.date.issued",
                   "itemprop=datepublished", "datepublished", "og:published_time", "article:published",
                   "published_time", "publish-date", "publish_date", "publication_date", "parsely-pub-date",
                   "sailthru.date", "dcterms.created", "dcterms.date", "dc.date", "release_date")
_UPDATED_META = ("article:modified_time", "og:updated_time", "itemprop=datemodified", "datemodified",
                 "og:modified_time", "article:modified", "modified_time", "dcterms.modified", "lastmod")
_TEXT_CONFIG = ParserConfig(css=CSS_PROFILES["strict"])  # "relaxed" pads inline tags: "কথা ।"


def _nfc(value: str) -> str:
    """NFC text with runs of white space collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _shown_text(element) -> str:
    """An element's text as the page shows it, on one line: a ``<br>`` or a block inside it is a space
    (``text_content()`` would glue the words on either side)."""
    try:
        return _nfc(Inscriptis(element, _TEXT_CONFIG).get_text())
    except RecursionError:  # inscriptis recurses once per nesting level
        return _nfc(element.text_content())


def _unpack_mhtml(data: bytes) -> tuple[bytes, str | None, str | None]:
    """The first ``text/html`` part of a web archive: its bytes, MIME charset and location."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
            # a header with non-ASCII bytes comes back as an email Header object, not text
            return part.get_payload(decode=True) or b"", part.get_content_charset(), str(location) if location else None
    raise UnreadableFile("web archive (.mhtml) without an HTML page in it")


def _codec(label: str | None) -> str | None:
    """Python's codec for a declared charset, or None when Python does not know it."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        logger.info("unknown declared charset %r", label)
        return None
    # As in browsers: a UTF-16/32 label on bytes without a BOM is a mislabelled UTF-8 page.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    """The page's text and its encoding: BOM, then the declared charset, then UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                raise UnreadableFile(f"broken {name.upper()} page (bad bytes at offset {err.start})") from None
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file, not an HTML page (it contains NUL bytes)")
    meta = _CHARSET_RE.search(data[:4096])
    label = declared or (meta.group(1).decode("ascii") if meta else None)
    if codec := _codec(label):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as err:
            try:  # a page saved as UTF-8 under the charset its template declares
                return data.decode("utf-8"), f"utf-8 (the page says {label})"
            except UnicodeDecodeError:
                raise UnreadableFile(f"the page says it is {label}, but byte 0x{data[err.start]:02x} "
                                     f"at offset {err.start} is not {label}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        why = f"its declared charset {label!r} is unknown" if label else "no charset declared"
        raise UnreadableFile(f"not UTF-8 HTML (undecodable byte 0x{data[err.start]:02x} "
                             f"at offset {err.start}) and {why}") from None


def _parse(text: str) -> lxml.html.HtmlElement:
    """The lxml tree of the decoded page; an empty document is unreadable."""
    text = _XML_DECL_RE.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    # huge_tree: else libxml2 silently drops everything after 256 levels of nesting. One parser
    # per call, as lxml parsers must not be shared between threads.
    try:
        return lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as err:
        raise UnreadableFile(f"no HTML content in the page ({err})") from None


def _json_ld(tree) -> tuple[list[dict], dict[str, dict]]:
    """Article objects first, then other ``@graph`` objects, of every JSON-LD block; and an ``@id`` index."""
    articles, others, by_id = [], [], {}

    def visit(node, in_graph: bool, depth: int) -> None:
        if isinstance(node, list) and depth < 6:  # deeper nesting is broken markup: stop there
            for item in node:
                visit(item, in_graph, depth + 1)
        if not isinstance(node, dict) or depth >= 6:
            return
        if isinstance(node.get("@id"), str):
            by_id.setdefault(node["@id"], node)
        kinds = node.get("@type")
        kinds = {kinds} if isinstance(kinds, str) else set(filter(lambda k: isinstance(k, str), kinds)) \
            if isinstance(kinds, list) else set()
        if kinds & _ARTICLE_TYPES:
            articles.append(node)
        elif in_graph:
            others.append(node)
        if "@graph" in node:
            visit(node["@graph"], True, depth + 1)
        if isinstance(node.get("mainEntity"), (dict, list)):  # a WebPage whose main entity is the article
            visit(node["mainEntity"], in_graph, depth + 1)

    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            visit(json.loads(raw, strict=False), False, 0)  # strict=False: raw newlines inside strings
        except (ValueError, RecursionError) as err:
            logger.debug("skipping malformed JSON-LD: %s", err)
    return articles + others, by_id


def _ld_value(objects: list[dict], key: str) -> str | None:
    """The first non-empty string value of ``key`` among the JSON-LD objects."""
    return next((_nfc(o[key]) for o in objects if isinstance(o.get(key), str) and o[key].strip()), None)


def _ld_names(value, by_id: dict[str, dict]) -> list[str]:
    """Names in a JSON-LD person/organisation value: a string, an object, an ``@id`` reference or a list."""
    if isinstance(value, list):
        return [name for item in value[:20] for name in _ld_names(item, by_id)]
    if isinstance(value, dict):
        ref = value.get("@id")
        value = by_id.get(ref, value) if "name" not in value and isinstance(ref, str) else value
        value = value.get("name")
    return [_nfc(unescape(value))] if isinstance(value, str) and value.strip() else []


def _metas(tree) -> dict[str, tuple[str, str]]:
    """First value of each meta name/property/itemprop: lower-cased key -> (name as written, value)."""
    found: dict[str, tuple[str, str]] = {}
    for el in tree.xpath("//*[@itemprop or self::meta]"):
        name = (el.get("property") or el.get("name")) if el.tag == "meta" else None
        if not name and el.get("itemprop"):
            name = "itemprop=" + el.get("itemprop").strip()
        value = el.get("content") or el.get("datetime")  # never an element's visible text
        if name and value and value.strip():
            found.setdefault(name.strip().lower(), (name.strip(), _nfc(value)))
    return found


def _http_url(value: str | None) -> str | None:
    """The value when it is an absolute http(s) URL, else None."""
    value = (value or "").strip()
    return value if re.match(r"(?i)https?://[^/\s]", value) else None


def _outlet_named(value: str | None) -> str | None:
    """The outlet id when one lexicon hit covers the whole value ("প্রথম আলো", "jugantor.com")."""
    value = _nfc(value or "").strip(" |-–—:,")
    hits = [h for h in sources.find_outlets(value) if h.start == 0 and h.end == len(value)] if value else []
    return hits[0].id if hits else None


def _strip_site(title: str, site: str | None, printed: frozenset[str]) -> str:
    """A page title without its trailing " | Site" segments: those after the longest head the
    page prints as a line of its own (of a headline's length, and the whole title printed
    nowhere), else the last segment when it names the site (``og:site_name``, a listed outlet)."""
    seps = list(_TITLE_SEP_RE.finditer(title))
    if not seps:
        return title
    if " ".join(title.split()) not in printed:
        for sep in reversed(seps):
            head = " ".join(title[: sep.start()].split())
            if len(head.split()) >= _MIN_HEADLINE_WORDS and head in printed:
                return head
    head, tail = title[: seps[-1].start()].strip(), title[seps[-1].end():].strip()
    named = (site and tail.casefold() == _nfc(site).casefold()) or _outlet_named(tail)
    return head if head and (named or len(seps) > 1) else title


def _headline_like(text: str | None, site: str | None) -> bool:
    """Whether a title candidate says something; a logo <h1> or bare site name does not."""
    return bool(text) and text != site and not _outlet_named(text)


def _agrees(text: str, other: str) -> bool:
    """Whether two titles are one headline: one holds the other, or they share half the shorter one's words."""
    a, b = text.casefold(), other.casefold()
    if a in b or b in a:
        return True
    words, others = set(a.split()), set(b.split())
    return len(words & others) * 2 >= min(len(words), len(others))


def _h1_headline(h1s: list[str], others: list[str], site: str | None) -> str | None:
    """The ``<h1>`` that is the headline: the first that agrees with the other markup titles, else the
    first of a headline's length, or of any length when the markup states no other title. A short
    ``<h1>`` the other titles do not hold ("জাতীয়", "সর্বশেষ") names a section or a list, not the story."""
    candidates = [text for text in h1s if _headline_like(text, site)]
    return (next((text for text in candidates if any(_agrees(text, other) for other in others)), None)
            or next((text for text in candidates if not others or len(text.split()) >= _MIN_HEADLINE_WORDS), None))


def _as_date(raw: str | None) -> DateMatch | None:
    """Dhaka-time date of a complete Gregorian markup value, else None."""
    found = parse_iso_datetime(re.sub(r"\s+(?=(?:Z|[+-]\d\d:?\d\d)$)", "", raw)) if raw else None  # "10:30 +06:00"
    return found if found is not None and found.iso else None


def _first_date(ld_value: str | None, ld_basis: str, metas: dict, keys: tuple, time_raw=None) -> Given | None:
    """The first of JSON-LD, the meta ``keys`` and ``<time datetime>`` that reads as a complete date."""
    candidates = [(ld_value, ld_basis), *((metas[k][1], f"{metas[k][0]} meta") for k in keys if k in metas),
                  (time_raw, "<time datetime>")]
    for raw, basis in candidates:
        if found := _as_date(raw):
            return Given(found.iso, basis, found.precision)
        if raw:
            logger.debug("unreadable %s value %r", basis, raw)
    return None


def _link_blocks(tree) -> None:
    """Put menu links on lines of their own: links in ``<nav>`` and rows of bare sibling links."""
    def in_row(a) -> bool:
        parent = a.getparent()
        return (parent is not None and parent.tag not in ("p", "h1", "h2", "h3", "h4", "h5", "h6")
                and not (parent.text or "").strip() and sum(k.tag == "a" for k in parent) > 1
                and all(not (k.tail or "").strip() for k in parent))

    for a in [a for a in tree.xpath("//a") if in_row(a) or a.xpath("ancestor::nav")]:
        a.tag = "div"  # browsers show these apart through CSS; glued text would merge words
    for el in tree.xpath("//ul | //ul/li"):
        el.tag = "div"  # no "* " bullets or indentation: a browser's copied text has none


def _unroll_layout_tables(tree) -> None:
    """Lay out a table that holds the page (a cell with a heading, or with a paragraph's worth of words)
    as blocks, one cell after the other, as a browser's copied text gives it. Inscriptis draws cells
    side by side, which would splice a sidebar into the headline, the date line and the text; a data
    table (short cells: names, figures) keeps its rows."""
    for table in tree.xpath("//table"):
        rows = table.xpath("./tr | ./*/tr")
        cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
        if any(cell.xpath(".//h1 | .//h2 | .//h3") or len(cell.text_content().split()) >= _LAYOUT_CELL_WORDS
               for cell in cells):
            for el in [table, *table.xpath("./thead | ./tbody | ./tfoot"), *rows, *cells]:
                el.tag = "div"


def _page_text(tree) -> str:
    """The visible text, one line per block, NFC, without BOMs, zero-width spaces or blank runs."""
    etree.strip_elements(tree, *_DROPPED, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for hidden in tree.xpath("//body//*[@hidden]"):  # browsers draw none (inscriptis reads inline display:none itself)
        hidden.drop_tree()
    _unroll_layout_tables(tree)
    _link_blocks(tree)
    try:
        text = unicodedata.normalize("NFC", Inscriptis(tree, _TEXT_CONFIG).get_text())
    except RecursionError:  # inscriptis recurses once per nesting level
        raise UnreadableFile("the page's markup is nested too deeply to read") from None
    text = text.replace("\ufeff", "").replace("\u200b", "")  # ZWNJ/ZWJ stay: Bengali spelling uses them
    return _BLANKS_RE.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip("\n")


def text_of_html(markup: str) -> str:
    """The visible text of an HTML fragment or page, as :func:`read_html` makes it (for rendered Markdown)."""
    return _page_text(_parse(markup))


def read_html(data: bytes) -> Document:
    """Read a saved HTML page or ``.mhtml`` web archive into a :class:`Document` of kind "html".

    The bytes are decoded by BOM, then the charset a ``<meta>`` declares in the first
    4 KB (or the archive's MIME charset), then as UTF-8. ``text`` is the page's visible
    text (inscriptis, scripts, styles and templates dropped), one line per block with
    menus and footers kept for the line classifier. ``given`` holds the title, publish
    and update times (Asia/Dhaka ISO text), outlet id, canonical URL and author that the
    markup states, each with its basis; ``fields`` are the raw markup values for display.

    Raises :class:`UnreadableFile` for empty, oversized, binary, undecodable or text-less pages.
    """
    if len(data) > MAX_PAGE_BYTES:
        raise too_large(len(data), MAX_PAGE_BYTES)
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "file contains only white space")
    declared = location = None
    head = data[:4096].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if re.match(rb"[A-Za-z-]+:", head) and _MHTML_RE.search(head):
        data, declared, location = _unpack_mhtml(data)
        if not data.strip():
            raise UnreadableFile("web archive (.mhtml) whose HTML page is empty")
    decoded, encoding = repaired(*_decode(data, declared))
    tree = _parse(decoded)
    ld, by_id = _json_ld(tree)  # before the text pass drops the <script> blocks
    metas = _metas(tree)
    meta = {key: value for key, (_, value) in metas.items()}
    seen = [value for key, value in metas.items() if key in _PUBLISHED_META + _UPDATED_META]
    text = _page_text(tree)
    if not text.strip():
        raise UnreadableFile("the page has no visible text")

    site = meta.get("og:site_name")
    h1s = [_shown_text(h) for h in tree.xpath("//article//h1") + tree.xpath("//h1")]
    title_el = tree.find(".//title")
    page_title = _nfc(title_el.text_content()) if title_el is not None else ""
    headline = _ld_value(ld, "headline")
    canonical = next((_http_url(link.get("href")) for link in tree.xpath("//link[@href]")
                      if "canonical" in (link.get("rel") or "").lower().split()), None)
    og_url = _http_url(meta.get("og:url"))
    time_el = next(iter(tree.xpath("//article//time[@datetime]")), None)
    time_raw = _nfc(time_el.get("datetime")) if time_el is not None else None
    ld_published, ld_modified = _ld_value(ld, "datePublished"), _ld_value(ld, "dateModified")
    publishers = [n for o in ld for n in _ld_names(o.get("publisher"), by_id)]
    authors = next((names for o in ld if (names := _ld_names(o.get("author"), by_id))), [])

    given: dict[str, Given | None] = {}
    printed = frozenset(" ".join(line.split()) for line in text.splitlines())
    titles = ((unescape(headline or ""), "JSON-LD headline"),
              (_strip_site(meta.get("og:title", ""), site, printed), "og:title meta"),
              (_strip_site(page_title, site, printed), "<title>"))
    h1 = _h1_headline(h1s, [title for title, _ in titles if _headline_like(title, site)], site)
    given["title"] = next((Given(title, basis) for title, basis in ((h1, "<h1>"), *titles)
                           if _headline_like(title, site)), None)
    given["published"] = _first_date(ld_published, "JSON-LD datePublished", metas, _PUBLISHED_META, time_raw)
    given["updated"] = _first_date(ld_modified, "JSON-LD dateModified", metas, _UPDATED_META)
    outlets = (("og:site_name meta", _outlet_named(site)),
               ("JSON-LD publisher", next(filter(None, map(_outlet_named, publishers)), None)),
               ("domain of the canonical URL", sources.outlet_for_domain(canonical or og_url or "")))
    given["outlet"] = next((Given(outlet, basis) for basis, outlet in outlets if outlet), None)
    given["url"] = Given(canonical, "canonical link") if canonical else Given(og_url, "og:url meta") if og_url else None
    given["author"] = (Given(", ".join(dict.fromkeys(authors)), "JSON-LD author") if authors
                       else Given(meta["author"], "author meta") if meta.get("author") else None)

    # Most telling first: the cap drops the description and the archive location before a date.
    shown = [("<title>", page_title), metas.get("og:title"), ("JSON-LD headline", headline), ("<h1>", h1),
             metas.get("og:site_name"), ("JSON-LD publisher", ", ".join(dict.fromkeys(publishers))),
             ("JSON-LD datePublished", ld_published), ("JSON-LD dateModified", ld_modified), *seen,
             ("<time datetime>", time_raw), ("canonical", canonical), metas.get("og:url"),
             ("JSON-LD author", ", ".join(dict.fromkeys(authors))), metas.get("author"),
             metas.get("description"), ("Content-Location", location)]
    fields = tuple((name, value[:_MAX_FIELD_CHARS]) for name, value in filter(None, shown) if value)[:_MAX_FIELDS]
    return Document(text=text, encoding=encoding, kind="html",
                    given=tuple((k, v) for k, v in given.items() if v is not None), fields=fields)
