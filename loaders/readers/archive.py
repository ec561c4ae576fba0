"""The members of ``.zip`` and ``.tar`` / ``.tar.gz`` archives as ``(name, bytes)`` pairs."""
from __future__ import annotations

import io
import logging
import tarfile
import zipfile

from ..reading import UnreadableFile

logger = logging.getLogger(__name__)

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
MAX_MEMBERS = 20000
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024


def _limits(count: int, size: int) -> None:
    """Refuse an archive that unpacks to more than the limits (a zip bomb, or a mistake)."""
    if count > MAX_MEMBERS or size > MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"archive unpacks to too much ({count} files, {size / 1048576:.0f} MB); "
                             f"the limits are {MAX_MEMBERS} files, {MAX_UNPACKED_BYTES // 1048576} MB")


def members(data: bytes, name: str, wanted) -> list[tuple[str, bytes | UnreadableFile]]:
    """The archive's files whose names ``wanted(name)`` accepts, in archive order.

    A member that cannot be unpacked becomes an :class:`UnreadableFile` entry; an archive
    that cannot be opened at all raises :class:`UnreadableFile`.
    """
    if name.lower().endswith(".zip"):
        return _zip_members(data, wanted)
    return _tar_members(data, wanted)


def _zip_members(data: bytes, wanted) -> list[tuple[str, bytes | UnreadableFile]]:
    """Members of a zip archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [m for m in archive.infolist() if not m.is_dir() and wanted(m.filename)]
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise UnreadableFile(f"not a readable zip archive ({err})") from None
    _limits(len(infos), sum(m.file_size for m in infos))
    return _unpacked(infos, lambda m: m.filename, archive.read, (zipfile.BadZipFile, OSError, RuntimeError, ValueError))


def _tar_members(data: bytes, wanted) -> list[tuple[str, bytes | UnreadableFile]]:
    """Members of a tar archive, compressed or not."""
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
        infos = [m for m in archive.getmembers() if m.isfile() and wanted(m.name)]
    except (tarfile.TarError, OSError, EOFError) as err:
        raise UnreadableFile(f"not a readable tar archive ({err or 'truncated'})") from None
    _limits(len(infos), sum(m.size for m in infos))
    return _unpacked(infos, lambda m: m.name, lambda m: archive.extractfile(m).read(), (tarfile.TarError, OSError, EOFError))


def _unpacked(infos, name_of, read, failures) -> list[tuple[str, bytes | UnreadableFile]]:
    """(name, bytes) of each member; one that fails to unpack (damaged, encrypted, truncated) says why."""
    found = []
    for info in infos:
        try:
            found.append((name_of(info), read(info)))
        except failures as err:
            found.append((name_of(info), UnreadableFile(f"cannot unpack from the archive ({err or 'truncated'})")))
    return found
