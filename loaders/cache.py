"""On-disk Parquet store of parsed articles, keyed by each source's content hash.

The key is the SHA-1 of a source's kind and bytes (``loaders.document.Source.content_hash``).

The store lives in ``<cache_dir>/<parser version>/`` and holds one row per distinct source
content (``articles/``) plus its lines (``lines/``) and raw entity mentions
(``mentions/``), every row carrying ``content_hash``. The parser version is a hash of
the loader's own code and data files, so any change to the parser starts a fresh store
instead of serving stale parses.

Each :meth:`ParseStore.add` writes one *part*: a ``<part>.parquet`` file in each table's
folder, the articles file last, so a part counts only once it is whole. A load adds a
part per chunk of pages parsed, so a process killed in the middle of a long parse keeps
every chunk it finished; :meth:`ParseStore.tidy` merges the parts once there are many.

Beside the parts, ``corpora/<key>/`` keeps finished corpora (snapshots) and
``stage_*.parquet`` the index of the last corpus's republished-text and stories stage (see
:class:`loaders.stories.StageIndex`).
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from scipy import sparse

from .reuse import NUM_PERM
from .reuse_index import PAIR_COLUMNS, ReuseIndex
from .stories import StageIndex, StoryIndex

logger = logging.getLogger(__name__)

_PACKAGE = Path(__file__).parent
TABLES = ("articles", "lines", "mentions")
# Finished corpora (after the cross-page pass and entity linking), keyed by their file list.
SNAPSHOT_TABLES = ("articles", "lines", "mentions", "entities", "reuse", "stories", "story_table")
MAX_SNAPSHOTS = 8
MAX_PARTS = 16  # more parts than this are merged into one at the end of a load
# The stage index of the last corpus (loaders/stories.py), its reuse part last.
_STAGE_PARTS = ("story_pages", "story_terms", "story_vocabulary", "story_links", "pairs", "members", "counted", "sites",
                "bodies")
_ORPHAN_SECONDS = 3600  # a lines or mentions part this old without its articles part was left by a killed load


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
    """Parsed rows of earlier loads, looked up by content hash (see the module docstring for its parts)."""

    def __init__(self, cache_dir: str | os.PathLike, entities: bool = True):
        # Parses made without entity tagging live apart, so they never pass for tagged ones.
        self.folder = Path(cache_dir) / (parser_version() + ("" if entities else "-no-entities"))

    def _parts(self) -> list[str]:
        """The names of the whole parts, oldest first."""
        folder = self.folder / "articles"
        return sorted(path.stem for path in folder.glob("*.parquet")) if folder.is_dir() else []

    def _read(self, table: str, parts: list[str], keys: list[str] | None) -> pd.DataFrame:
        """The rows of ``table`` in those parts (only those of ``keys`` when given), with a ``part`` column."""
        filters = [("content_hash", "in", keys)] if keys is not None else None
        frames = [pq.read_table(self.folder / table / f"{part}.parquet", filters=filters).to_pandas().assign(part=part)
                  for part in parts]
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]

    def _rows(self, parts: list[str], keys: list[str] | None) -> dict[str, pd.DataFrame]:
        """Every table's rows in ``parts``; a page stored in two parts (two loads at once) is taken from one."""
        articles = self._read("articles", parts, keys)
        twice = articles["content_hash"].duplicated()
        tables = {"articles": articles[~twice]}
        for table in TABLES[1:]:
            frame = self._read(table, parts, keys)
            if twice.any():
                frame = frame.merge(tables["articles"][["content_hash", "part"]], on=["content_hash", "part"])
            tables[table] = frame
        return {table: frame.drop(columns="part").reset_index(drop=True) for table, frame in tables.items()}

    def get(self, hashes: set[str]) -> dict[str, pd.DataFrame] | None:
        """Stored rows of every table (see ``TABLES``) for those hashes that are present, or None."""
        parts = self._parts()
        if not hashes or not parts:
            return None
        try:
            return self._rows(parts, sorted(hashes))
        except (OSError, ValueError) as err:  # a damaged store, or parts merged meanwhile: parse again, never fatal
            logger.warning("ignoring unreadable parse cache %s: %s", self.folder, err)
            return None

    def add(self, tables: dict[str, pd.DataFrame]) -> None:
        """Store the rows of new file contents as one new part (each file written atomically, the articles last)."""
        if tables["articles"].empty:
            return
        part = f"{time.time_ns():020d}-{os.getpid()}"
        for table in (*TABLES[1:], "articles"):
            (self.folder / table).mkdir(parents=True, exist_ok=True)
            _write_parquet(tables[table], self.folder / table / f"{part}.parquet")

    def tidy(self) -> None:
        """Merge the parts into one once there are more than ``MAX_PARTS``; drop parts killed loads left half-written.

        One process merges at a time; another that finds the lock taken leaves it to that one.
        """
        parts = self._parts()
        if len(parts) <= MAX_PARTS:
            return
        try:
            with FileLock(self.folder / "tidy.lock", timeout=0):
                self.add(self._rows(parts, None))
                for part in parts:  # articles first: from then on the old part no longer counts
                    for table in ("articles", *TABLES[1:]):
                        (self.folder / table / f"{part}.parquet").unlink(missing_ok=True)
                whole, old = set(self._parts()), time.time() - _ORPHAN_SECONDS
                for table in TABLES[1:]:
                    for path in (self.folder / table).glob("*.parquet"):
                        if path.stem not in whole and path.stat().st_mtime < old:
                            path.unlink(missing_ok=True)
        except Timeout:
            return
        except (OSError, ValueError) as err:
            logger.warning("could not merge the parse cache %s: %s", self.folder, err)

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

    def get_stage_index(self) -> StageIndex | None:
        """The stage index of the last corpus loaded (see :class:`loaders.stories.StageIndex`), or None."""
        paths = {part: self.folder / f"stage_{part}.parquet" for part in _STAGE_PARTS}
        if not all(path.exists() for path in paths.values()):
            return None
        try:
            parts = {part: pd.read_parquet(path) for part, path in paths.items()}
        except (OSError, ValueError) as err:
            logger.warning("ignoring an unreadable stage index in %s: %s", self.folder, err)
            return None
        if len({frame.attrs.get("stamp") for frame in parts.values()}) != 1:
            return None  # two loads wrote at once, and the parts belong to different corpora
        bodies, sites, terms = parts["bodies"], parts["sites"], parts["story_terms"]
        signatures = np.frombuffer(b"".join(bodies["signature"]), np.uint32).reshape(len(bodies), NUM_PERM)
        reuse = ReuseIndex(bodies["key"].tolist(), signatures, bodies["size"].to_numpy(), parts["pairs"][PAIR_COLUMNS],
                           parts["members"].astype({"ident": np.uint64}),
                           pd.Series(sites["count"].to_numpy(), index=sites["line"].to_numpy(np.uint64)),
                           parts["counted"]["ident"].to_numpy(np.uint64))
        ident = parts["story_pages"]["ident"].to_numpy(np.uint64)
        vocabulary = pd.Index(parts["story_vocabulary"]["term"].to_numpy(object), dtype=object)
        matrix = sparse.csr_matrix((terms["weight"].to_numpy(), (terms["row"].to_numpy(), terms["term"].to_numpy())),
                                   shape=(len(ident), len(vocabulary)))
        links = parts["story_links"][["a", "b"]].to_numpy(np.int64).reshape(-1, 2)
        return StageIndex(reuse, StoryIndex(ident, matrix, vocabulary, links))

    def put_stage_index(self, index: StageIndex) -> None:
        """Keep the index of this corpus for the next load (one index: the next corpus is mostly this one plus new files)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = f"{time.time_ns()}-{os.getpid()}"
        reuse, stories = index.reuse, index.stories
        terms = stories.terms.tocoo()
        parts = {"story_pages": pd.DataFrame({"ident": stories.ident}),
                 "story_terms": pd.DataFrame({"row": terms.row.astype(np.int32), "term": terms.col.astype(np.int32),
                                              "weight": terms.data}),
                 "story_vocabulary": pd.DataFrame({"term": stories.vocabulary.to_numpy(object)}),
                 "story_links": pd.DataFrame(stories.links, columns=["a", "b"]),
                 "pairs": reuse.pairs, "members": reuse.members, "counted": pd.DataFrame({"ident": reuse.counted}),
                 "sites": pd.DataFrame({"line": reuse.site_lines.index.to_numpy(np.uint64),
                                        "count": reuse.site_lines.to_numpy(np.int64)}),
                 "bodies": pd.DataFrame({"key": reuse.keys, "size": reuse.sizes,
                                         "signature": [row.tobytes() for row in reuse.signatures]})}
        for part in _STAGE_PARTS:  # the bodies last: a reader finding parts of two loads ignores them
            frame = parts[part].copy()
            frame.attrs["stamp"] = stamp
            _write_parquet(frame, self.folder / f"stage_{part}.parquet")


def default_cache_dir() -> Path:
    """``$KHOBOR_CACHE_DIR`` if set, else ``.cache/parses`` in the project folder."""
    configured = os.environ.get("KHOBOR_CACHE_DIR")
    return Path(configured) if configured else _PACKAGE.parent / ".cache" / "parses"
