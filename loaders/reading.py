"""Read page-dump files into text, turning every unusable file into a plain-language error."""
from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt",)
_HTML_RE = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAG_RE = re.compile(rb"</?(?:div|p|span|a|script|meta|link|td|li)\b[^>]*>", re.IGNORECASE)


class UnreadableFile(Exception):
    """A file that cannot be loaded as an article; the message says why, for the user."""


@dataclass(frozen=True)
class Decoded:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a page dump, or raise :class:`UnreadableFile` with the reason.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read;
    empty, oversized, binary, undecodable and HTML files are refused.
    """
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "file contains only white space")
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"file is {len(data) / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise UnreadableFile(f"broken UTF-16 text (bad bytes at offset {err.start})") from None
    else:
        if b"\x00" in data[:8192]:
            raise UnreadableFile("binary file, not text (it contains NUL bytes)")
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise UnreadableFile(
                f"not UTF-8 text (undecodable byte 0x{data[err.start]:02x} at offset {err.start}); "
                "save it as UTF-8"
            ) from None
    head = data[:4096].replace(b"\x00", b"")
    if _HTML_RE.match(head) or len(_TAG_RE.findall(head)) >= 5:
        raise UnreadableFile("this is an HTML page, not a text dump; save the page as plain text")
    if not text.strip(" \t\r\n\ufeff\u200b"):
        raise UnreadableFile("file contains no text")
    return Decoded(text, encoding)


def collect_files(paths) -> list[Path]:
    """Expand folders into the ``.txt`` files below them; explicit files are kept as given."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            found.append(path)
    return found


MAX_ZIP_MEMBERS = 20000
MAX_ZIP_BYTES = 500 * 1024 * 1024


def documents_from_zip(data: bytes, archive_name: str) -> list[tuple[str, str, bytes | UnreadableFile]]:
    """The ``.txt`` members of a zip archive as ``(article_id, path, bytes)`` triples.

    A member over the size limit becomes an :class:`UnreadableFile` entry; an archive that
    is not a zip, or that unpacks to more than ``MAX_ZIP_BYTES`` or ``MAX_ZIP_MEMBERS``
    files, is refused whole with one entry saying why.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(TEXT_SUFFIXES)]
    except (zipfile.BadZipFile, OSError) as err:
        return [(archive_name, archive_name, UnreadableFile(f"not a readable zip archive ({err})"))]
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
        reason = f"archive unpacks to too much ({len(members)} files); the limits are {MAX_ZIP_MEMBERS} files, 500 MB"
        return [(archive_name, archive_name, UnreadableFile(reason))]
    documents = []
    for member in members:
        path = f"{archive_name}/{member.filename}"
        if member.file_size > MAX_BYTES:
            documents.append((member.filename, path, UnreadableFile(
                f"file is {member.file_size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB")))
            continue
        try:
            documents.append((member.filename, path, archive.read(member)))
        except (zipfile.BadZipFile, OSError, RuntimeError) as err:  # encrypted or damaged member
            documents.append((member.filename, path, UnreadableFile(f"cannot unpack from the archive ({err})")))
    return documents
