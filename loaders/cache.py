"""On-disk Parquet store of parsed articles, keyed by each source's content hash.

The key is the SHA-1 of a source's kind and bytes (``loaders.document.Source.content_hash``).

The store lives in ``<cache_dir>/<parser version>/`` and holds one row per distinct source
content (``articles.parquet``) plus its lines (``lines.parquet``) and raw entity
mentions (``mentions.parquet``), every row carrying ``content_hash``. The parser version
is a hash of the loader's own code and data files, so any change to the parser starts
a fresh store instead of serving stale parses.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

logger = logging.getLogger(__name__)

_PACKAGE = Path(__file__).parent
TABLES = ("articles", "lines", "mentions")
# Finished corpora (after the cross-page pass and entity linking), keyed by their file list.
SNAPSHOT_TABLES = ("articles", "lines", "mentions", "entities")
MAX_SNAPSHOTS = 8


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Hash of every source and data file the parse depends on."""
    digest = hashlib.sha1()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".csv", ".crfsuite", ".json"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def corpus_key(entries: list[dict]) -> str:
    """Key of a whole corpus: its article ids, paths and content hashes, in order."""
    digest = hashlib.sha1()
    for entry in sorted(entries, key=lambda e: e["article_id"]):
        digest.update(f"{entry['article_id']}\t{entry['path']}\t{entry['content_hash']}\n".encode())
    return digest.hexdigest()


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` atomically (temp file in the same folder, then rename)."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".parquet.tmp")
    os.close(handle)
    try:
        # Uncompressed: the warm load is bound by decoding, and disk is cheap.
        frame.to_parquet(tmp, index=False, compression=None)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class ParseStore:
    """Parsed rows of earlier loads, looked up by content hash."""

    def __init__(self, cache_dir: str | os.PathLike, entities: bool = True):
        # Parses made without entity tagging live apart, so they never pass for tagged ones.
        self.folder = Path(cache_dir) / (parser_version() + ("" if entities else "-no-entities"))

    def _path(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"

    def get(self, hashes: set[str]) -> dict[str, pd.DataFrame] | None:
        """Stored rows of every table (see ``TABLES``) for those hashes that are present, or None."""
        if not hashes or not all(self._path(table).exists() for table in TABLES):
            return None
        keys = sorted(hashes)
        try:
            return {table: pq.read_table(self._path(table), filters=[("content_hash", "in", keys)]).to_pandas()
                    for table in TABLES}
        except (OSError, ValueError) as err:  # a damaged store is rebuilt, never fatal
            logger.warning("ignoring unreadable parse cache %s: %s", self.folder, err)
            return None

    def add(self, tables: dict[str, pd.DataFrame]) -> None:
        """Add the rows of new file contents, rewriting each table atomically (temp file + rename)."""
        if tables["articles"].empty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        new_hashes = set(tables["articles"]["content_hash"])
        for table in TABLES:
            frame, path = tables[table], self._path(table)
            if path.exists():
                try:
                    stored = pq.read_table(path).to_pandas()
                    stored = stored[~stored["content_hash"].isin(new_hashes)]
                    frame = pd.concat([stored, frame], ignore_index=True) if len(stored) else frame
                except (OSError, ValueError) as err:
                    logger.warning("replacing unreadable cache table %s: %s", path, err)
            _write_parquet(frame, path)

    def _snapshot_folder(self, key: str) -> Path:
        return self.folder / "corpora" / key

    def get_snapshot(self, key: str) -> dict[str, pd.DataFrame] | None:
        """The finished tables (``SNAPSHOT_TABLES`` plus ``errors``) of a corpus loaded before, or None."""
        folder = self._snapshot_folder(key)
        names = (*SNAPSHOT_TABLES, "errors")
        if not all((folder / f"{name}.parquet").exists() for name in names):
            return None
        try:
            tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in names}
        except (OSError, ValueError) as err:
            logger.warning("ignoring unreadable corpus snapshot %s: %s", folder, err)
            return None
        os.utime(folder)  # recently used snapshots are the ones kept
        return tables

    def put_snapshot(self, key: str, tables: dict[str, pd.DataFrame]) -> None:
        """Keep a finished corpus; only the ``MAX_SNAPSHOTS`` most recently used are kept."""
        folder = self._snapshot_folder(key)
        folder.mkdir(parents=True, exist_ok=True)
        # errors last: a snapshot counts as present only once every table is written.
        for name in (*SNAPSHOT_TABLES, "errors"):
            _write_parquet(tables[name], folder / f"{name}.parquet")
        snapshots = sorted(folder.parent.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in snapshots[MAX_SNAPSHOTS:]:
            shutil.rmtree(stale, ignore_errors=True)


def default_cache_dir() -> Path:
    """``$KHOBOR_CACHE_DIR`` if set, else ``.cache/parses`` in the project folder."""
    configured = os.environ.get("KHOBOR_CACHE_DIR")
    return Path(configured) if configured else _PACKAGE.parent / ".cache" / "parses"
