"""Scraper exports — CSV, TSV, JSON arrays and JSON Lines — as one source per record.

A dataset file is split into records first (:func:`split_dataset`); each record becomes
a :class:`~loaders.document.Source` whose bytes are the record's own fields plus the
column roles and time zone used to read it, so the parse cache keys on all three.
:func:`read_record` turns such bytes into a :class:`~loaders.document.Document`: the
body column is the text whose lines get classified; headline, dates, outlet, URL and
author columns become given values with ``column <name>`` as their basis.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import sources
from ..dates import offset_zone, parse_iso_datetime
from ..document import Document, Given, Source
from ..reading import UnreadableFile, repaired, too_large

logger = logging.getLogger(__name__)

DATASET_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson")
MAX_DATASET_BYTES = 1024 * 1024 * 1024
MAX_FIELD_CHARS = 5 * 1024 * 1024
# Records are flat, or nest an author or a list of tags; deeper JSON is a broken or hostile file
# (Python's JSON reader and every step after it recurse once per level).
MAX_JSON_DEPTH = 64
DEFAULT_ZONE = "Asia/Dhaka"
_ENVELOPE_LEVELS = 3  # objects an API response may wrap its array of records in
FIELD_DISPLAY_CHARS = 300
ROLES = ("body", "title", "published", "updated", "outlet", "url", "author")

_DATA = tomllib.loads((Path(__file__).parents[1] / "data" / "columns.toml").read_text("utf-8"))
_NOTE_RE = re.compile(r"\s*\([^)]*\)\s*$")
_SEPARATORS_RE = re.compile(r"[\s_\-.]+")
_CAMEL_HUMP_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_OFFSET_RE = re.compile(r"(?:Z|[+-]\d\d:?\d\d)\s*$", re.IGNORECASE)
_MISSING = frozenset(_DATA["missing"]["values"])
_PROSE_ITEM_CHARS = 80
_UNIX_TIME_RE = re.compile(r"\d{10}(?:\d{3})?")
# 1995-01-01 to 2100-01-01 UTC: a ten-digit number outside them is no moment of a news page.
_UNIX_TIME_SPAN = (788918400, 4102444800)
_RECORD_LABEL = {".csv": "row", ".tsv": "row", ".json": "item", ".jsonl": "line", ".ndjson": "line"}
_DHAKA = ZoneInfo(DEFAULT_ZONE)

csv.field_size_limit(min(sys.maxsize, MAX_FIELD_CHARS))


def column_key(name: str) -> str:
    """How a column name is compared: NFC, casefolded, separators and camelCase humps as single
    spaces ("pubDate", "articleBody" as JavaScript scrapers name them), no "(…)" note."""
    name = _NOTE_RE.sub("", unicodedata.normalize("NFC", str(name)).strip().lstrip("\ufeff"))
    return _SEPARATORS_RE.sub(" ", _CAMEL_HUMP_RE.sub(" ", name)).strip().casefold()


_ROLE_NAMES = {role: [column_key(n) for n in names] for role, names in _DATA["roles"].items()}
_ROLE_WORDS = {role: frozenset(column_key(w) for w in _DATA["role_words"][role]) for role in _DATA["role_words"]["order"]}
_NO_ROLE_WORDS = frozenset(column_key(w) for w in _DATA["role_words"]["exclude"])


def parse_mapping(text: str | None) -> dict[str, str]:
    """``title=Headline,body=Text`` as ``{"title": "Headline", "body": "Text"}``; raises ValueError on a bad role."""
    mapping = {}
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        role, sep, column = part.partition("=")
        role = role.strip().lower()
        if not sep or role not in ROLES or not column.strip():
            raise ValueError(f"bad --map entry {part!r}: use role=COLUMN with a role among {', '.join(ROLES)}")
        mapping[role] = column.strip()
    return mapping


def check_zone(zone: str | None) -> str:
    """The time-zone name for dates without an offset; raises ValueError for an unknown zone."""
    zone = zone or DEFAULT_ZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {zone!r} (use a name such as Asia/Dhaka or UTC)") from None
    return zone


def assign_roles(columns: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Which column plays which role: the user's mapping first, then the names in ``columns.toml``,
    then a word in the column's name (``[role_words]``: "news_content" is the body).

    Raises :class:`UnreadableFile` when a mapped column is absent or no body column is found.
    """
    by_key = {}
    for column in columns:
        by_key.setdefault(column_key(column), column)
    roles, taken = {}, set()
    for role, wanted in (mapping or {}).items():
        column = by_key.get(column_key(wanted))
        if column is None:
            raise UnreadableFile(f"no column named {wanted!r} for {role}; the columns are {', '.join(map(repr, columns))}")
        roles[role] = column
        taken.add(column)
    for role in ROLES:
        if role in roles:
            continue
        column = next((by_key[n] for n in _ROLE_NAMES[role] if n in by_key and by_key[n] not in taken), None)
        if column is not None:
            roles[role] = column
            taken.add(column)
    for role, words in _ROLE_WORDS.items():
        if role in roles:
            continue
        column = next((column for key, column in by_key.items() if column not in taken
                       and words & (named := set(key.split())) and not named & _NO_ROLE_WORDS), None)
        if column is not None:
            roles[role] = column
            taken.add(column)
    if "body" not in roles:
        raise UnreadableFile(
            f"no article body column among {', '.join(map(repr, columns)) or 'no columns'}; "
            "name it with --map body=COLUMN (or pick it in the upload panel)")
    return roles


def _cell(value) -> str | None:
    """A record value as text (None when it means 'no value')."""
    if value is None or isinstance(value, float) and value != value:
        return None
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value if v is not None]
        # A scraper that kept each paragraph of the text as an item wrote prose, one line each;
        # tags and authors are short names, listed on one line.
        prose = any(len(item) >= _PROSE_ITEM_CHARS or "।" in item for item in items)
        value = ("\n" if prose else ", ").join(items)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return None if text.strip().casefold() in _MISSING else text


def _decode(data: bytes) -> tuple[str, str]:
    """Text of a dataset file; undecodable bytes are kept as surrogates so only their records fail."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise UnreadableFile(f"broken UTF-16 text (bad bytes at offset {err.start})") from None
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file, not a text dataset (it contains NUL bytes)")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return data.decode(encoding, errors="surrogateescape"), encoding


def _undecodable(fields: list[tuple[str, str | None]]) -> bool:
    """Whether a record holds bytes that were not UTF-8."""
    return any(value and re.search("[\udc80-\udcff]", value) for _, value in fields)


def _csv_records(text: str, suffix: str) -> Iterator[tuple[int, list[tuple[str, str | None]] | str]]:
    """(row number, fields) per CSV/TSV data row, or (row number, reason) for a malformed one."""
    if suffix == ".tsv":
        delimiter = "\t"
    else:
        first = text.split("\n", 1)[0]
        delimiter = max(",;\t|", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        raise UnreadableFile(f"no header row ({err})" if str(err) else "no header row") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    yield 0, header
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            row_number += 1
            yield row_number, f"malformed row ({err})"
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        if len(row) != len(header):
            yield row_number, f"has {len(row)} fields; the header has {len(header)}"
            continue
        yield row_number, [(name, _cell(value)) for name, value in zip(header, row)]


def _too_deep(value) -> bool:
    """Whether parsed JSON nests arrays and objects more than ``MAX_JSON_DEPTH`` levels (walked without recursion)."""
    stack = [(value, 1)] if isinstance(value, (list, dict)) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        stack += ((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node)
                  if isinstance(child, (list, dict)))
    return False


def _json(text: str):
    """Parsed JSON; raises ValueError (``json.JSONDecodeError`` for bad syntax) when it is unusable."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:  # the parser gives up past about a thousand levels
        value = None
    except ValueError:  # Python refuses integers of more than 4,300 digits (a CPU guard)
        raise ValueError("holding a number over 4,300 digits long") from None
    else:
        if not _too_deep(value):
            return value
    raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep")


def _enveloped(loaded: dict) -> list:
    """The records of a JSON object: the one array of objects that an API envelope holds
    ({"articles": [...]}, {"status": "ok", "data": {"items": [...]}}), else the object itself as
    one record (whose list of tags is no list of records)."""
    node = loaded
    for _ in range(_ENVELOPE_LEVELS):
        lists = [v for v in node.values() if isinstance(v, list) and all(isinstance(item, dict) for item in v)]
        if len(lists) == 1:
            return lists[0]
        inner = [v for v in node.values() if isinstance(v, dict)]
        if lists or len(inner) != 1:
            break
        node = inner[0]
    return [loaded]


def _json_records(text: str, suffix: str) -> Iterator[tuple[int, list[tuple[str, str | None]] | str]]:
    """(index or line number, fields) per JSON record, or a reason for an unusable one."""
    if suffix == ".json":
        try:
            loaded = _json(text)
        except json.JSONDecodeError as err:
            raise UnreadableFile(f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
        except ValueError as err:
            raise UnreadableFile(f"JSON {err}") from None
        if isinstance(loaded, dict):
            loaded = _enveloped(loaded)
        if not isinstance(loaded, list):
            raise UnreadableFile("JSON is not a list of records")
        items = enumerate(loaded)
    else:
        items = ((n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip())
    for number, item in items:
        if suffix != ".json":
            try:
                item = _json(item)
            except json.JSONDecodeError as err:
                yield number, f"is not valid JSON ({err.msg}, column {err.colno})"
                continue
            except ValueError as err:
                yield number, f"is JSON {err}"
                continue
        if not isinstance(item, dict):
            yield number, f"is a JSON {type(item).__name__}, not an object with fields"
            continue
        yield number, [(str(key), _cell(value)) for key, value in item.items()]


def _records(text: str, suffix: str) -> Iterator[tuple[int, list[tuple[str, str | None]] | str]]:
    """The records of a dataset's text; a CSV/TSV yields its header first, as record 0."""
    return _csv_records(text, suffix) if suffix in (".csv", ".tsv") else _json_records(text, suffix)


def split_dataset(article_id: str, path: str, data: bytes, suffix: str,
                  mapping: dict[str, str] | None = None, zone: str | None = None) -> list[Source]:
    """The records of one dataset file as sources (one per record) and unreadable entries.

    ``suffix`` is the format (``.csv``, ``.tsv``, ``.json``, ``.jsonl``, ``.ndjson``);
    ``mapping`` overrides column roles (``{"body": "Text"}``); ``zone`` names the time
    zone of dates without an offset (Asia/Dhaka by default). A file that cannot be read
    at all is one unreadable entry; a bad record is an entry naming its row or index,
    and every other record still loads.
    """
    label = _RECORD_LABEL[suffix]
    try:
        if not data or data.isspace():  # not data.strip(): that copies a large file whole
            raise UnreadableFile("empty file")
        if len(data) > MAX_DATASET_BYTES:
            raise too_large(len(data), MAX_DATASET_BYTES)
        text, _ = repaired(*_decode(data))
        records = _records(text, suffix)
        header = next(records)[1] if suffix in (".csv", ".tsv") else None
        roles = assign_roles(header, mapping) if header is not None else None
        zone = check_zone(zone)
        out = []
        for number, fields in records:
            member = f"{article_id}:{label}-{number}"
            if isinstance(fields, str):
                out.append(Source(member, path, UnreadableFile(f"{label} {number} {fields}"), "record", number))
                continue
            try:
                used = roles or assign_roles([name for name, _ in fields], mapping)
            except UnreadableFile as err:
                out.append(Source(member, path, UnreadableFile(f"{label} {number}: {err}"), "record", number))
                continue
            out.append(Source(member, path, _record_bytes(fields, used, zone, label, number), "record", number))
        if not out:
            raise UnreadableFile("holds no records" + (" (a header without rows)" if header is not None else ""))
        return out
    except UnreadableFile as err:
        return [Source(article_id, path, err, "record")]


def _record_bytes(fields, roles: dict[str, str], zone: str, label: str, number: int) -> bytes | UnreadableFile:
    """The bytes a record is cached under, or why the record cannot be an article."""
    if _undecodable(fields):
        return UnreadableFile(f"{label} {number} is not valid UTF-8 text")
    values = dict(fields)
    body, title = values.get(roles["body"]) or "", values.get(roles.get("title"))
    if not body.strip() and not (title and title.strip()):
        return UnreadableFile(f"{label} {number} has neither a headline nor a body")
    if len(body) > MAX_FIELD_CHARS:
        return UnreadableFile(f"{label} {number}: the body is over {MAX_FIELD_CHARS // 1048576} MB")
    return json.dumps({"roles": roles, "zone": zone, "fields": fields}, ensure_ascii=False).encode()


def columns(data: bytes, suffix: str) -> list[str]:
    """The column names of a dataset file (its CSV header, the keys of its first JSON records); [] if unreadable."""
    try:
        text, _ = _decode(data)
        records = _records(text, suffix)
        if suffix in (".csv", ".tsv"):
            return next(records)[1]
        names: dict[str, None] = {}
        for _, fields in islice(records, 200):
            if isinstance(fields, list):
                names.update(dict.fromkeys(name for name, _ in fields))
        return list(names)
    except UnreadableFile:
        return []


def _unix_time(value: str) -> Given | None:
    """A cell holding Unix time (seconds since 1970 UTC, or milliseconds, as databases and APIs export
    it: "1501068600") as Asia/Dhaka ISO text; None unless it falls in the years news sites have existed."""
    if not _UNIX_TIME_RE.fullmatch(value):
        return None
    seconds = int(value[:10])
    if not _UNIX_TIME_SPAN[0] <= seconds < _UNIX_TIME_SPAN[1]:
        return None
    moment = dt.datetime.fromtimestamp(seconds, dt.timezone.utc).astimezone(_DHAKA)
    return Given(moment.strftime("%Y-%m-%dT%H:%M"), "", "minute")


def _column_date(value: str, zone: dt.tzinfo | None) -> Given | None:
    """A date cell read in ``zone`` (None: Dhaka) when it has no offset, as Asia/Dhaka ISO text; None if unreadable."""
    if unix := _unix_time(value):
        return unix
    match = parse_iso_datetime(value)
    if match is None or not match.iso:
        return None
    if zone is None or match.precision == "day" or _OFFSET_RE.search(value):
        return Given(match.iso, "", match.precision)
    local = dt.datetime.fromisoformat(match.iso).replace(tzinfo=zone)
    return Given(local.astimezone(_DHAKA).strftime("%Y-%m-%dT%H:%M"), "", match.precision)


def _clock_zone(chosen: str, outlet: str | None) -> tuple[dt.tzinfo | None, str]:
    """The zone of the record's times without an offset, and a note for their basis: the one the user
    chose; else, for an outlet abroad, its own (a Kolkata paper's export keeps India time); else Dhaka (None)."""
    if chosen != DEFAULT_ZONE:
        return ZoneInfo(chosen), ""
    offset = sources.home_zone(outlet)
    if offset is None:
        return None, ""
    return offset_zone(offset), f" (UTC{offset}, the outlet's time)"


def _outlet_of(value: str) -> str | None:
    """The outlet id a cell names outright (a name covering the cell, or a site address)."""
    return sources.outlet_named_outright(value) or (sources.outlet_for_domain(value) if "." in value else None)


def read_record(data: bytes) -> Document:
    """The document of one record made by :func:`split_dataset`."""
    record = json.loads(data)
    roles, zone = record["roles"], record["zone"]
    fields = [(name, value) for name, value in record["fields"]]
    values = dict(fields)
    given: list[tuple[str, Given]] = []

    def column(role: str) -> tuple[str, str] | None:
        name = roles.get(role)
        value = values.get(name) if name else None
        return (name, unicodedata.normalize("NFC", " ".join(value.split()))) if value and value.strip() else None

    for role in ("title", "url", "author"):
        if found := column(role):
            given.append((role, Given(found[1], f"column {found[0]}")))
    outlet = None
    if found := column("outlet"):
        outlet = (_outlet_of(found[1]), f"column {found[0]}")
    if not (outlet and outlet[0]) and (found := column("url")):
        outlet = (sources.outlet_for_domain(found[1]), f"domain of column {found[0]}")
    if outlet and outlet[0]:
        given.append(("outlet", Given(*outlet)))
    clock_zone, note = _clock_zone(zone, outlet[0] if outlet else None)
    for role in ("published", "updated"):
        if (found := column(role)) and (date := _column_date(found[1], clock_zone)):
            if _UNIX_TIME_RE.fullmatch(found[1]):
                shifted = " (Unix time)"
            else:
                shifted = note if date.precision == "minute" and not _OFFSET_RE.search(found[1]) else ""
            given.append((role, Given(date.value, f"column {found[0]}{shifted}", date.precision)))
    shown = tuple((name, value[:FIELD_DISPLAY_CHARS] if value else "") for name, value in fields if name != roles["body"])
    text = (values.get(roles["body"]) or "").replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, encoding="utf-8", kind="record", given=tuple(given), fields=shown)
