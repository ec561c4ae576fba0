"""On-disk Parquet store of parsed articles, keyed by the SHA-1 of each file's bytes.

The store lives in ``<cache_dir>/<parser version>/`` and holds one row per distinct file
content (``articles.parquet``) plus its lines (``lines.parquet``). The parser version
is a hash of the loader's own code and data files, so any change to the parser starts
a fresh store instead of serving stale parses.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

logger = logging.getLogger(__name__)

_PACKAGE = Path(__file__).parent


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Hash of every source and data file the parse depends on."""
    digest = hashlib.sha1()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".csv", ".crfsuite", ".json"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def content_hash(data: bytes) -> str:
    """The cache key of a file's bytes."""
    return hashlib.sha1(data).hexdigest()


class ParseStore:
    """Parsed rows of earlier loads, looked up by content hash."""

    def __init__(self, cache_dir: str | os.PathLike):
        self.folder = Path(cache_dir) / parser_version()

    def _path(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"

    def get(self, hashes: set[str]) -> tuple[pd.DataFrame, pd.DataFrame] | None:
        """Stored (articles, lines) rows for those hashes that are present, or None."""
        if not hashes or not self._path("articles").exists():
            return None
        keys = sorted(hashes)
        try:
            articles = pq.read_table(self._path("articles"), filters=[("content_hash", "in", keys)]).to_pandas()
            lines = pq.read_table(self._path("lines"), filters=[("content_hash", "in", keys)]).to_pandas()
        except (OSError, ValueError) as err:  # a damaged store is rebuilt, never fatal
            logger.warning("ignoring unreadable parse cache %s: %s", self.folder, err)
            return None
        return articles, lines

    def add(self, articles: pd.DataFrame, lines: pd.DataFrame) -> None:
        """Append new rows, rewriting each table atomically (temp file + rename)."""
        if articles.empty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for table, frame in (("articles", articles), ("lines", lines)):
            path = self._path(table)
            if path.exists():
                try:
                    frame = pd.concat([pq.read_table(path).to_pandas(), frame], ignore_index=True)
                    frame = frame.drop_duplicates(
                        subset=["content_hash"] if table == "articles" else ["content_hash", "n"], keep="last"
                    )
                except (OSError, ValueError) as err:
                    logger.warning("replacing unreadable cache table %s: %s", path, err)
            handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".parquet.tmp")
            os.close(handle)
            try:
                # Uncompressed: the warm load is bound by decoding, and disk is cheap.
                frame.to_parquet(tmp, index=False, compression=None)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)


def default_cache_dir() -> Path:
    """``$KHOBOR_CACHE_DIR`` if set, else ``.cache/parses`` in the project folder."""
    configured = os.environ.get("KHOBOR_CACHE_DIR")
    return Path(configured) if configured else _PACKAGE.parent / ".cache" / "parses"
