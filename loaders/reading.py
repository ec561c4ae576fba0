"""Decode page-dump bytes into text, turning every unusable file into a plain-language error."""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_PAGE_BYTES = 32 * 1024 * 1024  # a saved page; an .mhtml archive carries its images
_HTML_RE = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAG_RE = re.compile(rb"</?(?:div|p|span|a|script|meta|link|td|li)\b[^>]*>", re.IGNORECASE)
_MOJIBAKE_RE = re.compile("à[¦§]")  # the lead bytes of Bengali UTF-8 (E0 A6, E0 A7) read as Windows-1252


class UnreadableFile(Exception):
    """A file that cannot be loaded as an article; the message says why, for the user."""


def unforeseen(article_id: str, err: Exception) -> UnreadableFile:
    """The error row of a failure no reader foresaw: logged in full, and it costs only this file or record."""
    logger.error("reading %s failed unexpectedly", article_id, exc_info=err)
    return UnreadableFile(f"could not be read ({type(err).__name__}: {str(err)[:200]})")


def too_large(size: int, limit: int) -> UnreadableFile:
    """The refusal of a file of ``size`` bytes over its format's ``limit`` (the same words wherever it is found)."""
    return UnreadableFile(f"file is {size / 1048576:.1f} MB; the limit is {limit // 1048576} MB")


@dataclass(frozen=True)
class Decoded:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str


def repaired(text: str, encoding: str) -> tuple[str, str]:
    """The text with Bengali mojibake undone, and its encoding saying so; as it was when it has none.

    UTF-8 Bengali read once as Windows-1252 or Latin-1 and saved again (বাংলা as à¦¬à¦¾à¦‚à¦²à¦¾, an
    Excel round trip) is decoded back by ftfy; a text with none of those pairs is not touched.
    """
    if not _MOJIBAKE_RE.search(text):
        return text, encoding
    import ftfy  # only for a damaged text: importing it costs a process about 60 ms (python -X importtime)

    fixed = ftfy.fix_encoding(text)
    return (fixed, f"{encoding}, mojibake repaired") if fixed != text else (text, encoding)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML page rather than a text dump (a doctype, or markup tags up front)."""
    head = data[:4096].replace(b"\x00", b"")
    return bool(_HTML_RE.match(head)) or len(_TAG_RE.findall(head)) >= 5


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a page dump, or raise :class:`UnreadableFile` with the reason.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read;
    empty, oversized, binary, undecodable and HTML files are refused.
    """
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "file contains only white space")
    if len(data) > MAX_BYTES:
        raise too_large(len(data), MAX_BYTES)
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
    if looks_like_html(data):
        raise UnreadableFile("this is an HTML page, not a text dump; save the page as plain text")
    if not text.strip(" \t\r\n\ufeff\u200b"):
        raise UnreadableFile("file contains no text")
    return Decoded(*repaired(text, encoding))
