"""Input readers: files, folders, archives and uploads become sources; sources become documents.

Which reader a file gets is decided by its name (``.txt`` dump, ``.md`` Markdown, ``.html``
page, ``.csv`` / ``.tsv`` / ``.json`` / ``.jsonl`` dataset, ``.zip`` / ``.tar.gz`` archive, any
of them ``.gz``-compressed), with one look at the bytes: a ``.txt`` that is really HTML is read
as HTML, one that is Markdown as Markdown. Nothing is ever read as one article made of a whole dataset file. Adding a format
means adding one reader module and one line in :func:`to_document`.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, Source
from ..reading import MAX_BYTES, MAX_PAGE_BYTES, UnreadableFile, decode, looks_like_html, too_large, unforeseen
from . import archive, dataset
from .markdown import MARKDOWN_SUFFIXES, looks_like_markdown, read_markdown
from .stand_in import refuse_stand_in
from .wrapped import unwrap

logger = logging.getLogger(__name__)

DUMP_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht")
SUPPORTED = ".txt, .md, .html, .htm, .mhtml, .csv, .tsv, .json, .jsonl (each may be .gz), .zip, .tar, .tar.gz"
_MAX_DEPTH = 2  # an archive inside an archive is read; one more level is not
_NOTES_NAMES = frozenset({"README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "PROVENANCE", "NOTES"})


@dataclass(frozen=True)
class ReadOptions:
    """How dataset files are read: column roles the user named, and the zone of dates without one."""

    mapping: tuple[tuple[str, str], ...] = ()
    zone: str | None = None

    @classmethod
    def parse(cls, mapping: str | None = None, zone: str | None = None) -> ReadOptions:
        """Options from the CLI's ``--map`` and ``--timezone`` text; raises ValueError on bad input."""
        return cls(tuple(sorted(dataset.parse_mapping(mapping).items())), dataset.check_zone(zone))


def _format(name: str) -> tuple[str, bool]:
    """(format suffix, gzip-compressed) of a file name; ``.tar.gz`` is one format."""
    lower = name.lower()
    for suffix in (".tar.gz", ".tgz"):
        if lower.endswith(suffix):
            return suffix, False
    compressed = lower.endswith(".gz")
    stem = lower[:-3] if compressed else lower
    return os.path.splitext(stem)[1], compressed


def readable(name: str) -> bool:
    """Whether a file in a folder or archive is one the readers take (by its name)."""
    suffix, _ = _format(name)
    return suffix in DUMP_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + dataset.DATASET_SUFFIXES + archive.ARCHIVE_SUFFIXES


def size_limit(name: str) -> int:
    """The most bytes a file of this name may hold, unpacked (its format's limit; the same for its ``.gz``)."""
    suffix, _ = _format(name)
    if suffix in archive.ARCHIVE_SUFFIXES:
        return archive.MAX_UNPACKED_BYTES
    if suffix in dataset.DATASET_SUFFIXES:
        return dataset.MAX_DATASET_BYTES
    return MAX_PAGE_BYTES if suffix in HTML_SUFFIXES else MAX_BYTES


def sources_from_bytes(article_id: str, path: str, data: bytes, options: ReadOptions = ReadOptions(),
                       depth: int = 0, name: str | None = None) -> list[Source]:
    """The sources in one file's bytes: itself, its records, or its archive members.

    The format comes from ``name`` (by default ``article_id``); a ``.gz`` file is unpacked
    and read by the name without ``.gz``.
    """
    try:
        return _sources(article_id, path, data, options, depth, name or article_id)
    except Exception as err:  # noqa: BLE001 - the safety net: one file's unforeseen failure is its own error row
        return [Source(article_id, path, unforeseen(article_id, err))]


def _sources(article_id: str, path: str, data: bytes, options: ReadOptions, depth: int, name: str) -> list[Source]:
    """:func:`sources_from_bytes` without its safety net."""
    suffix, compressed = _format(name)
    if compressed:
        try:
            data = archive.gunzip(data, size_limit(name))
        except UnreadableFile as err:
            return [Source(article_id, path, err)]
        return _sources(article_id, path, data, options, depth, name[:-3])
    if suffix in archive.ARCHIVE_SUFFIXES:
        if depth >= _MAX_DEPTH:
            return [Source(article_id, path, UnreadableFile("archive nested too deep inside other archives"))]
        try:
            found = archive.members(data, article_id, _page_member, size_limit)
        except UnreadableFile as err:
            return [Source(article_id, path, err)]
        out = []
        for member, content in found:
            member_id, member_path = f"{article_id}/{member}", f"{path}/{member}"
            if isinstance(content, UnreadableFile):
                out.append(Source(member_id, member_path, content))
            else:
                out += sources_from_bytes(member_id, member_path, content, options, depth + 1)
        return out
    if suffix in dataset.DATASET_SUFFIXES:
        return dataset.split_dataset(article_id, path, data, suffix, dict(options.mapping), options.zone)
    if suffix in HTML_SUFFIXES:
        return [Source(article_id, path, data, "html")]
    if suffix in MARKDOWN_SUFFIXES:
        return [Source(article_id, path, data, "markdown")]
    if suffix in DUMP_SUFFIXES or not suffix:
        kind = "html" if looks_like_html(data) else "markdown" if looks_like_markdown(data) else "dump"
        return [Source(article_id, path, data, kind)]
    return [Source(article_id, path, UnreadableFile(f"unsupported file type {suffix}; Khobor Lens reads {SUPPORTED}"))]


def dataset_columns(name: str, data: bytes, depth: int = 0) -> list[str]:
    """The column names of the dataset files in a file or archive, for a column picker ([] when it holds none)."""
    suffix, compressed = _format(name)
    try:
        if compressed:
            return dataset_columns(name[:-3], archive.gunzip(data, size_limit(name)), depth)
        if suffix in archive.ARCHIVE_SUFFIXES and depth < _MAX_DEPTH:
            found = archive.members(data, name, lambda member: _format(member)[0] in dataset.DATASET_SUFFIXES
                                    or _format(member)[0] in archive.ARCHIVE_SUFFIXES, size_limit)
            names = [c for member, content in found if isinstance(content, bytes)
                     for c in dataset_columns(member, content, depth + 1)]
            return list(dict.fromkeys(names))
        return dataset.columns(data, suffix) if suffix in dataset.DATASET_SUFFIXES else []
    except UnreadableFile:
        return []
    except Exception as err:  # noqa: BLE001 - the column picker must not take the upload panel down
        unforeseen(name, err)
        return []


def read_paths(paths: Iterable[str | os.PathLike], options: ReadOptions = ReadOptions()) -> list[Source]:
    """The sources in files and folders (folders are searched for every readable file below them).

    ``article_id`` is the path relative to the folder given, or the file name for a file
    given directly, with ``:row-N`` / ``:item-N`` / ``:line-N`` for a dataset's records;
    a file that cannot be opened is kept as an unreadable source, so it is reported.
    """
    out: list[Source] = []
    for root in map(Path, paths):
        files = _files_below(root) if root.is_dir() else [(root.name, str(root))]
        for article_id, file in files:
            try:
                with open(file, "rb") as handle:
                    limit = size_limit(file)
                    # refused before it is read: a file on disk is never held past its format's limit
                    if (size := os.fstat(handle.fileno()).st_size) > limit:
                        out.append(Source(article_id, file, too_large(size, limit)))
                        continue
                    data = handle.read()
            except OSError as err:
                out.append(Source(article_id, file, UnreadableFile(f"cannot open the file ({err.strerror or err})")))
                continue
            out += sources_from_bytes(article_id, file, data, options)
    return out


def _folder_notes(name: str) -> bool:
    """Is the file a folder's or an archive's own notes in Markdown (README.md, SOURCES.md …), which
    describe the corpus rather than hold a page of it? Given by name or uploaded, it is still read."""
    stem, _, suffix = name.rsplit("/", 1)[-1].rpartition(".")
    return f".{suffix.lower()}" in MARKDOWN_SUFFIXES and stem.upper() in _NOTES_NAMES


def _page_member(name: str) -> bool:
    """Is an archive member read: a readable format, and not the archive's own notes?"""
    return readable(name) and not _folder_notes(name)


def _files_below(root: Path) -> list[tuple[str, str]]:
    """(path relative to ``root``, full path) of each readable file below it, in path order, less
    the folder's own notes (:func:`_folder_notes`).

    ``os.walk`` rather than ``Path.rglob``: a folder of 100,000 pages is listed in a tenth of the time.
    """
    found = []
    for folder, _, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [(prefix + name, os.path.join(folder, name)) for name in names
                  if readable(name) and not _folder_notes(name)]
    return sorted(found, key=lambda pair: pair[0].split("/"))


def to_document(source: Source) -> Document:
    """Run the reader of the source's kind; raises :class:`UnreadableFile` with the reason (a page
    that a site served in place of the story among them: a bot check, a "not found" page)."""
    if source.kind == "record":
        return dataset.read_record(source.data)
    if source.kind == "html":
        from .html import read_html  # lxml and inscriptis load only when a page needs them

        document = read_html(source.data)
    elif source.kind == "markdown":
        document = read_markdown(source.data)
    else:
        decoded = decode(source.data)
        document = Document(text=unwrap(decoded.text) or decoded.text, encoding=decoded.encoding)
    refuse_stand_in(document.text)
    return document
