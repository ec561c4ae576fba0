"""News outlets and agencies named in Bengali page text, matched from two CSV lexicons.

``data/outlets.csv`` lists Bangladeshi and West Bengal outlets, ``data/agencies.csv`` the
agencies and foreign media that articles cite. Each lexicon compiles, at import, into one
regex built as a prefix trie, so a line with no candidate fails in one pass. Bengali
aliases may carry attached case endings (রয়টার্সের, এএফপিকে, কেসিএনএ’র, আরআইএ-এর);
short or ambiguous aliases (তাস is also "playing cards") count only next to an
attribution cue (সূত্র, বার্তা সংস্থা, বরাত, জানিয়েছে, quotes, brackets) or alone on a line.
"""
from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .dates import HOME_ZONES

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"

_SEPS = " \u00a0-\u2010\u2011\u2013"       # spaces and hyphens inside a name are optional
_SEP = "\x00"                               # trie token standing for an optional separator
_SEP_RE = "[ \u00a0\\-\u2010\u2011\u2013]{0,2}"
_WORD = "\u0980-\u09ffA-Za-z0-9"            # characters that continue a word
# Attached endings: genitive, accusative, locative, then an optional ও/ই clitic.
_ENDINGS = ["য়ের", "ের", "এর", "র", "কে", "তে", "য়", "ে", "এ"]
_CLITIC = "(?:ও|ই)?"
_COMPOSED = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}
_COMPOSED_RE = re.compile("|".join(_COMPOSED))
_BN_LETTER = re.compile("[\u0985-\u09b9\u09ce\u09dc-\u09df]")
_LEFT_CUE = re.compile(unicodedata.normalize("NFC", (
    r"(?:সূত্র|বার্তা\s?সংস্থা|সংবাদ\s?সংস্থা|সংবাদ\s?মাধ্যম|গণমাধ্যম|নিউজ\s?এজেন্সি|এজেন্সি|খবর|পত্রিকা"
    r"|দৈনিক|সাময়িকী|টেলিভিশন|[Ss]ource|[Nn]ews agency|[Aa]ccording to|[Rr]eported by)"
    r"\s*[:ঃ\-–—]?\s*[‘'\"“(\[]?\s*$")))
# Organisations take the non-honorific verb (জানিয়েছে, বলেছে); people take জানিয়েছেন, বলেন.
_RIGHT_CUE = re.compile(unicodedata.normalize("NFC", (
    r"\s*,?\s*(?:বরাত|উদ্ধৃতি|খবর|(?:জানিয়েছে|জানায়|জানাচ্ছে|জানাল|বলেছে|বলছে|লিখেছে"
    r"|reported|reports)(?![\u0980-\u09ffA-Za-z]))")))
_OPENED = re.compile(r"[‘'\"“(\[]\s*$")
_CLOSED = re.compile(r"[’'\"”)\]]")
_ARTICLE = re.compile("^(?:দ্যা|দি)(?= )")
_LINE_REST = re.compile(r"[\s।.,:;|\-–—]*$")


@dataclass(frozen=True)
class SourceHit:
    """One outlet or agency mention: lexicon id, kind, span in the given text, how it matched."""

    id: str
    kind: str       # "outlet" | "agency"
    start: int
    end: int
    surface: str
    via: str        # "name" | "domain" | "alias_en"


def _variants(text: str) -> set[str]:
    """The NFC spelling plus the one with precomposed য়/ড়/ঢ়, so raw input matches too."""
    return {text, _COMPOSED_RE.sub(lambda m: _COMPOSED[m.group()], text)}


def _key(text: str, fold: bool = False) -> str:
    """Lookup key of a surface: NFC, দ্যা/দি read as দ্য, no separators, optionally lower-cased."""
    text = _ARTICLE.sub("দ্য", unicodedata.normalize("NFC", text))
    key = "".join(ch for ch in text if ch not in _SEPS)
    return key.lower() if fold else key


def _trie_regex(words: set[str], fold: bool = False) -> str:
    """Regex source for any of ``words``: a prefix trie, longer continuations first.

    Folding writes ASCII letters as [aA] classes; (?i) would defeat sre's fast branch skip.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in re.sub(f"[{re.escape(_SEPS)}]+", _SEP, word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        if ch == _SEP:
            return _SEP_RE
        return f"[{ch.lower()}{ch.upper()}]" if fold and ch.isascii() and ch.isalpha() else re.escape(ch)

    def emit(node: dict) -> str:
        alts = [atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


def _split(cell: str | None) -> list[str]:
    """Values of a ``|``-separated CSV cell, NFC, stripped, empties dropped."""
    return [unicodedata.normalize("NFC", v).strip() for v in (cell or "").split("|") if v.strip()]


def _short(alias: str) -> bool:
    """Whether an alias is too short to trust without context (≤ 2 letters)."""
    return len(alias.replace(" ", "") if alias.isascii() else _BN_LETTER.findall(alias)) <= 2


class _Lexicon:
    """One CSV lexicon: rows by id, alias keys, and the combined compiled regex."""

    def __init__(self, path: Path, kind: str):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [{k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items()}
                    for row in csv.DictReader(handle)]
        self.kind, self.rows, self.keys, self.context, self.domains = kind, {}, {}, set(), {}
        bn_words: set[str] = set()
        en_words: dict[bool, set[str]] = {True: set(), False: set()}
        for row in rows:
            rid = row["id"]
            if rid in self.rows:
                raise ValueError(f"{path.name}: duplicate id {rid!r}")
            self.rows[rid] = row
            flagged = set(_split(row.get("needs_context")))
            bn = _split(row.get("name_bn")) + _split(row.get("aliases_bn"))
            en = _split(row.get("name_en")) + _split(row.get("aliases_en"))
            for alias in bn:
                self._add(("name", _key(alias)), rid, alias in flagged or _short(alias))
                for article in ("দ্যা ", "দি ") if alias.startswith("দ্য ") else ():
                    bn_words |= _variants(article + alias[4:])
                bn_words |= _variants(alias)
            for alias in en:
                exact = alias.replace(" ", "").isupper()
                self._add(("alias_en", _key(alias, not exact)), rid, alias in flagged or _short(alias))
                en_words[exact].add(alias if exact else alias.lower())
            for domain in _split(row.get("domains")):
                self.domains.setdefault(domain.lower(), rid)
        endings = "|".join(sorted({v for e in _ENDINGS for v in _variants(e)}, key=len, reverse=True))
        suffix = (f"(?:[’'`\\-](?:{endings}){_CLITIC}|(?:{endings})?{_CLITIC}(?![{_WORD}]))")
        en_end = f"(?:[’'`\\-]?(?:{endings}){_CLITIC}(?![{_WORD}]))?(?![A-Za-z0-9])"
        # Each branch is guarded by its script so a failing position costs one class test.
        self.regex = re.compile(
            f"(?<![{_WORD}.@\\-])(?:"
            f"(?=[\u0980-\u09ff])(?P<name>{_trie_regex(bn_words)}){suffix}"
            f"|(?=[A-Za-z0-9])(?:(?:[A-Za-z0-9\\-]+\\.)*"
            f"(?P<dom>{_trie_regex(set(self.domains), True)})(?![\\w\\-]|\\.\\w)"
            f"|(?P<cs>{_trie_regex(en_words[True])}){en_end}"
            f"|(?P<ci>{_trie_regex(en_words[False], True)}){en_end}))")
        logger.debug("%s: %d rows, %d aliases, %d domains", path.name, len(self.rows),
                     len(self.keys), len(self.domains))

    def _add(self, key: tuple[str, str], rid: str, needs_context: bool) -> None:
        """Register one alias key (the first row wins a clash); note if it needs a cue."""
        if self.keys.setdefault(key, rid) != rid:
            logger.warning("%s alias %r claimed by %s and %s", self.kind, key[1], self.keys[key], rid)
        self.context |= {key} if needs_context else set()

    def find(self, text: str) -> list[SourceHit]:
        """All hits in ``text``, left to right, contextual aliases only next to a cue."""
        hits = []
        for match in self.regex.finditer(text):
            group = match.lastgroup
            if group == "dom":
                rid, via = self.domains.get(match.group("dom").lower()), "domain"
            else:
                via = "name" if group == "name" else "alias_en"
                key = (via, _key(match.group(group), group == "ci"))
                rid = self.keys.get(key)
                if key in self.context and not _has_cue(text, match):
                    continue
            if rid:
                hits.append(SourceHit(rid, self.kind, match.start(), match.end(), match.group(), via))
        return hits


def _has_cue(text: str, match: re.Match) -> bool:
    """Whether an ambiguous mention sits next to an attribution cue or alone on its line."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    left = text[max(line_start, match.start() - 40):match.start()]
    right = text[match.end():line_end if line_end >= 0 else len(text)]
    if _LEFT_CUE.search(left) or _RIGHT_CUE.match(right) or (_OPENED.search(left) and _CLOSED.match(right)):
        return True
    return not text[line_start:match.start()].strip(" \t\r•-–—") and bool(_LINE_REST.match(right))


_OUTLETS = _Lexicon(DATA_DIR / "outlets.csv", "outlet")
_AGENCIES = _Lexicon(DATA_DIR / "agencies.csv", "agency")


def find_outlets(text: str) -> list[SourceHit]:
    """Find news outlets named in ``text`` (already NFC, as from ``textnorm.clean``).

    Matches Bengali names with attached endings (প্রথম আলোর, বাংলানিউজটোয়েন্টিফোর.কম'র),
    English names and domains such as ``en.prothomalo.com``. Offsets index ``text``.
    """
    return _OUTLETS.find(text)


def outlet_named_outright(text: str) -> str | None:
    """The outlet a text is the name of ("BBC News বাংলা", "দৈনিক যুগান্তর"): a name covering nearly all
    its letters; None for a text that says more ("স্পোর্টস ডেস্ক, আরটিভি নিউজ")."""
    text = unicodedata.normalize("NFC", text).strip()
    letters = len(re.sub(r"\W", "", text))
    return next((hit.id for hit in find_outlets(text) if len(re.sub(r"\W", "", hit.surface)) >= 0.8 * letters), None)


def find_agencies(text: str) -> list[SourceHit]:
    """Find news agencies and cited foreign media in ``text`` (already NFC).

    ``সূত্র: তাস``, ``‘তাস’ এর বরাত দিয়ে`` and ``রয়টার্সের`` all give hits;
    ``তাস খেলছিল`` does not, because তাস needs an attribution cue.
    """
    return _AGENCIES.find(text)


def _info(lexicon: _Lexicon, rid: str, fields: tuple[str, ...]) -> dict | None:
    """Selected fields of one row, with ``domains`` as a list."""
    row = lexicon.rows.get(rid)
    return None if row is None else {
        "id": rid, **{f: row.get(f, "") for f in fields}, "domains": _split(row.get("domains"))}


def outlet_ids() -> list[str]:
    """The ids of every outlet in ``data/outlets.csv``."""
    return list(_OUTLETS.rows)


def outlet_info(outlet_id: str) -> dict | None:
    """Describe an outlet: id, name_bn, name_en, kind, country, domains, aliases_bn (a list) and
    agency (the id in ``agencies.csv`` of the organisation it belongs to, "" for none); None if unknown."""
    info = _info(_OUTLETS, outlet_id, ("name_bn", "name_en", "kind", "country", "agency"))
    return info and {**info, "aliases_bn": _split(_OUTLETS.rows[outlet_id].get("aliases_bn"))}


def home_zone(outlet_id: str | None) -> str | None:
    """The UTC offset of the clock times an outlet prints when it is not Dhaka's (a Kolkata paper's
    "+05:30"), by its country (``calendar.toml [clock.home_zones]``); None at home or when unknown."""
    info = outlet_info(outlet_id) if outlet_id else None
    return HOME_ZONES.get(info["country"]) if info else None


def agency_info(agency_id: str) -> dict | None:
    """Describe an agency: id, name_en, full_name, country and domains; None if unknown.

    ``name_en`` is the short display label people expect ("TASS", "RIA Novosti");
    ``full_name`` is the CSV's long form ("TASS Russian News Agency").
    """
    info = _info(_AGENCIES, agency_id, ("display", "country"))
    if info is not None:
        info["full_name"] = _AGENCIES.rows[agency_id]["name_en"]
        info["name_en"] = info["display"] = info["display"] or info["full_name"]
    return info


def _host_and_segment(url: str) -> tuple[str | None, str]:
    """Lower-cased host without ``www.`` and the first path segment of a URL or bare host."""
    url = url.strip()
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").rstrip(".").removeprefix("www.")
    except ValueError:
        return None, ""
    return (host, parts.path.strip("/").split("/")[0].lower()) if "." in host else (None, "")


def domain_of(url: str) -> str | None:
    """Return the host of ``url`` (scheme optional), lower-cased, port and ``www.`` removed.

    ``https://www.prothomalo.com/x`` gives ``prothomalo.com``; text without a host gives None.
    """
    return _host_and_segment(url)[0]


def _lookup_domain(table: dict[str, str], url: str) -> str | None:
    """Id for the longest known suffix of the host, preferring host/first-segment entries."""
    host, segment = _host_and_segment(url)
    labels = host.split(".") if host else []
    for i in range(len(labels) - 1):
        parent = ".".join(labels[i:])
        if found := table.get(f"{parent}/{segment}") or table.get(parent):
            return found
    return None


def outlet_for_domain(host: str) -> str | None:
    """Return the outlet id for a host or URL, e.g. ``m.prothomalo.com`` -> ``prothomalo``.

    Subdomains fall back to their parent; a full URL may also pick a path-specific
    entry (``https://www.bbc.com/bengali/...`` -> ``bbc_bangla``). None when unknown.
    """
    return _lookup_domain(_OUTLETS.domains, host)


def agency_for_domain(host: str) -> str | None:
    """Return the agency id for a host or URL (``www.reuters.com`` -> ``reuters``), else None."""
    return _lookup_domain(_AGENCIES.domains, host)
