"""Unpacking: ``.gz`` files and the members of ``.zip`` and ``.tar`` / ``.tar.gz`` archives.

Nothing is unpacked past the limit of the format it unpacks to: a ``.gz`` file is
decompressed in a stream and refused as soon as it passes the limit, and an archive
member whose stated size is over its limit is refused from the archive's headers,
before a byte of it is unpacked. A compression bomb costs time, never memory.
"""
from __future__ import annotations

import gzip
import io
import logging
import tarfile
import zipfile
import zlib
from collections.abc import Callable

from ..reading import UnreadableFile, too_large

logger = logging.getLogger(__name__)

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
MAX_MEMBERS = 20000
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
_STREAM_CHUNK = 1024 * 1024

Member = tuple[str, "bytes | UnreadableFile"]


def gunzip(data: bytes, limit: int) -> bytes:
    """The content of a .gz file (every gzip member of it), refused once it passes ``limit`` bytes.

    A first pass decompresses in 1 MB steps and keeps nothing but the count, so a file
    that unpacks to gigabytes is refused holding one step; only content within the
    limit is decompressed a second time, into memory.
    """
    failures = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError; EOFError: truncated
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            size = 0
            while step := len(stream.read(_STREAM_CHUNK)):
                size += step
                if size > limit:
                    raise UnreadableFile(f"unpacks to more than {limit // 1048576} MB, the limit for this kind of file")
        return gzip.decompress(data)
    except failures as err:
        raise UnreadableFile(f"not a readable .gz file ({err})") from None


def _limits(count: int, size: int) -> None:
    """Refuse an archive that unpacks to more than the limits (a zip bomb, or a mistake)."""
    if count > MAX_MEMBERS or size > MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"archive unpacks to too much ({count} files, {size / 1048576:.0f} MB); "
                             f"the limits are {MAX_MEMBERS} files, {MAX_UNPACKED_BYTES // 1048576} MB")


def members(data: bytes, name: str, wanted: Callable[[str], bool],
            limit_of: Callable[[str], int]) -> list[Member]:
    """The archive's files whose names ``wanted(name)`` accepts, in archive order.

    ``limit_of(name)`` is the most bytes a member of that name may unpack to; a larger one,
    or one that cannot be unpacked, becomes an :class:`UnreadableFile` entry. An archive
    that cannot be opened at all raises :class:`UnreadableFile`.
    """
    if name.lower().endswith(".zip"):
        return _zip_members(data, wanted, limit_of)
    return _tar_members(data, wanted, limit_of)


def _zip_members(data: bytes, wanted, limit_of) -> list[Member]:
    """Members of a zip archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [m for m in archive.infolist() if not m.is_dir() and wanted(m.filename)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise UnreadableFile(f"not a readable zip archive ({err})") from None
    _limits(len(infos), sum(m.file_size for m in infos))
    # zipfile never unpacks past a member's stated size (and then checks its CRC), so the stated size bounds memory.
    return _unpacked(infos, lambda m: m.filename, lambda m: m.file_size, archive.read, limit_of,
                     (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, zlib.error,
                      NotImplementedError))


def _tar_members(data: bytes, wanted, limit_of) -> list[Member]:
    """Members of a tar archive, compressed or not."""
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
        infos = [m for m in archive.getmembers() if m.isfile() and wanted(m.name)]
    except (tarfile.TarError, OSError, EOFError, zlib.error) as err:
        raise UnreadableFile(f"not a readable tar archive ({err or 'truncated'})") from None
    _limits(len(infos), sum(m.size for m in infos))
    return _unpacked(infos, lambda m: m.name, lambda m: m.size, lambda m: archive.extractfile(m).read(m.size),
                     limit_of, (tarfile.TarError, OSError, EOFError, zlib.error))


def _unpacked(infos, name_of, size_of, read, limit_of, failures) -> list[Member]:
    """(name, bytes) of each member; one that is too large or fails to unpack (damaged, encrypted, truncated) says why."""
    found: list[Member] = []
    for info in infos:
        name, size, limit = name_of(info), size_of(info), limit_of(name_of(info))
        if size > limit:
            found.append((name, too_large(size, limit)))
            continue
        try:
            found.append((name, read(info)))
        except failures as err:
            found.append((name, UnreadableFile(f"cannot unpack from the archive ({err or 'truncated'})")))
    return found
