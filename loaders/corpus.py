"""Load a folder (or list) of page dumps into three tidy tables.

``articles`` — one row per parsed file or dataset record:
    article_id (file path relative to the folder given; ``<file>:row-N``, ``:item-N`` or
    ``:line-N`` for a dataset's records), path, record (row number or JSON index inside a
    dataset file, else <NA>), input_kind (``dump``, ``record`` or ``html``), page_kind
    (``article``, or ``listing`` for a latest-news, archive, section or home page: no title,
    no body) and page_kind_reason (see :mod:`loaders.layout.page_kind`), content_hash,
    encoding, title (None when the source has no headline), title_basis (the column, tag
    or line it came from), label (display name), url (as the source states it), fields
    (JSON list of the record's other columns or the page's meta tags, as [name, value]
    pairs; None for dumps), outlet (canonical id
    or None), outlet_basis, outlet_name_bn, outlet_name_en, site_host (the host of url,
    lower-cased, without www.; None without a URL), fingerprint (hash of the page
    template, or of the dataset file for records of an unnamed outlet; groups pages of one
    site, known or not),
    published / updated / page_date (tz-aware Asia/Dhaka timestamps, NaT when unknown),
    published_iso / updated_iso / page_date_iso (as precise as the page says),
    published_basis / updated_basis / page_date_basis (the label or line the value came
    from, e.g. প্রকাশ, আপডেট, বাংলাদেশ সময়, timestamp, dateline, inferred),
    published_precision / updated_precision ('minute', 'day', 'partial' or None),
    published_line / updated_line / page_date_line (1-based source line, or <NA>),
    published_partial (ISO 8601 truncated date such as --09-13 when only day and month
    are known), page_date_check (calendar and weekday cross-checks of the header),
    desk, byline, dateline (place), credits (list of initials), attributions (list of
    agency ids or source domains), body (clean text, one paragraph per line), body_lines
    (list of 1-based line numbers), n_lines (non-blank lines), n_body_lines,
    n_boilerplate_lines, boilerplate_share (boilerplate lines / non-blank lines), n_chars,
    source (the decoded file text; line spans index into it),
    entities (list of the entity ids mentioned in body lines, most mentioned first).
``lines`` — one row per line: article_id, n (1-based), start, end (character span in
    ``source``, newline excluded), kind (see ``loaders.lines.LINE_KINDS``), reason, text.
``mentions`` — one row per entity mention: article_id, entity_id, n (line), start, end
    (character span in ``source``), surface (normalised text), type (PER, LOC, ORG),
    basis (gazetteer or tagger), in_body (the line is article body, not furniture).
``entities`` — one row per entity: see :func:`loaders.entities.link_entities`.
``errors`` — one row per unusable file or record: article_id, path, record (row number or
    JSON index, <NA> for a whole file), error (plain language).
``reuse``, ``stories``, ``story_table`` — republished text and stories, from the stage after
    parsing: see :mod:`loaders.stories`.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import compress
from typing import Protocol

import numpy as np
import pandas as pd

from . import sources
from .arrow_ops import contiguous, lists_as_arrays
from .article import NO_TEXT, Article, parse_document
from .cache import SNAPSHOT_TABLES, TABLES, ParseStore, corpus_key
from .document import Source
from .entities import link_entities
from .entities.evidence import aside_reasons
from .entities.linking import entity_table
from .entities.extract import MENTION_COLUMNS, mention_columns
from .entities.tagger import default_tagger
from .layout.site import page_sites, template_lines
from .readers import ReadOptions, read_paths, to_document
from .reading import UnreadableFile, unforeseen
from .repeats import relabel_repeated_lines
from .reuse import REUSE_COLUMNS
from .stories import STORY_COLUMNS, STORY_TABLE_COLUMNS, republished

logger = logging.getLogger(__name__)

TIMEZONE = "Asia/Dhaka"
ERROR_COLUMNS = ["article_id", "path", "record", "error"]
FILE_COLUMNS = ["article_id", "path", "record", "content_hash"]
LINE_COLUMNS = ["article_id", "n", "start", "end", "kind", "reason", "text"]
_CACHED_MENTION_COLUMNS = ["content_hash", *MENTION_COLUMNS]
# Articles tagged together: the CRF decodes a batch's lines in one pass of numpy steps.
_TAGGING_BATCH = 200
# Sources parsed between two progress reports; a process pool pays off from PARALLEL_MIN new sources.
_CHUNK = 400
_SITE_ROUNDS = 3  # re-parses of a page whose new headline is again a site template line
PARALLEL_MIN = 400
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
# Fixed types, so that an all-empty column (no gazetteer match in a batch) still fits the Parquet store.
_MENTION_DTYPES = {"content_hash": "str", "n": "int64", "start": "int64", "end": "int64", "surface": "str", "type": "str",
                   "gazetteer_id": "str", "basis": "str", "next_word": "str"}
_DATE_FIELDS = ("published", "updated", "page_date")
Progress = Callable[[int, int], None]


class ChunkMapper(Protocol):
    """Where chunks of sources are parsed: ``map(function, chunks, flags)`` yields the results in order.

    A ``concurrent.futures`` executor is one; :class:`loaders.cluster.DaskBag` runs them on Dask.
    """

    def map(self, function: Callable, *iterables: Iterable) -> Iterable: ...


@dataclass(frozen=True)
class Corpus:
    """The tables of a loaded corpus (see the module docstring for columns)."""

    articles: pd.DataFrame
    lines: pd.DataFrame
    errors: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    reuse: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REUSE_COLUMNS))
    stories: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=STORY_COLUMNS))
    story_table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=STORY_TABLE_COLUMNS))

    def lines_of(self, article_id: str) -> pd.DataFrame:
        """The article's rows of ``lines``, in order, through an index built on first use.

        Comparing a 2.4-million-row column to one id takes a second at 100,000 articles.
        """
        ids, order, bounds = self._line_rows
        if article_id not in ids:
            return self.lines.iloc[:0]
        i = ids.get_loc(article_id)
        return self.lines.iloc[order[bounds[i] : bounds[i + 1]]]

    @cached_property
    def _line_rows(self) -> tuple[pd.Index, np.ndarray, np.ndarray]:
        """The article ids of ``lines``, its row numbers grouped by article, and where each group starts."""
        codes, ids = pd.factorize(self.lines["article_id"])
        order = np.argsort(codes, kind="stable")
        return pd.Index(ids), order, np.searchsorted(codes[order], np.arange(len(ids) + 1))


def _date_columns(prefix: str, value) -> dict:
    """Flatten a DateValue into ``<prefix>_*`` columns."""
    return {
        f"{prefix}_iso": value.iso if value else None,
        f"{prefix}_basis": value.basis if value else None,
        f"{prefix}_precision": value.precision if value else None,
        f"{prefix}_line": value.line if value else None,
    }


def _article_row(digest: str, article: Article) -> dict:
    """Cacheable row of one parsed article (everything that depends only on its bytes)."""
    meta, document = article.meta, article.document
    url = document.get("url")
    body_lines = [line.n for line in article.body_lines]
    non_blank = sum(line.kind != "blank" for line in article.lines)
    info = sources.outlet_info(meta.outlet) if meta.outlet else None
    return {
        "content_hash": digest,
        "input_kind": document.kind,
        "encoding": document.encoding,
        "page_kind": article.page_kind,
        "page_kind_reason": article.page_kind_reason,
        "title": article.title,
        "title_basis": article.title_basis,
        "label": article.label,
        "url": url.value if url else None,
        "fields": json.dumps(document.fields, ensure_ascii=False) if document.fields else None,
        "outlet": meta.outlet,
        "outlet_basis": meta.outlet_basis or None,
        "outlet_name_bn": info["name_bn"] if info else None,
        "outlet_name_en": info["name_en"] if info else None,
        "site_host": sources.domain_of(url.value) if url else None,
        "fingerprint": meta.fingerprint,
        **_date_columns("published", meta.published),
        "published_partial": meta.published_partial.partial_iso if meta.published_partial else None,
        **_date_columns("updated", meta.updated),
        **_date_columns("page_date", meta.page_date),
        "page_date_check": meta.page_date_check or None,
        "desk": meta.desk,
        "byline": meta.byline,
        "dateline": meta.dateline,
        "credits": list(meta.credits),
        "attributions": list(meta.attributions),
        "body": article.body,
        "body_lines": body_lines,
        "n_lines": non_blank,
        "n_body_lines": len(body_lines),
        "n_boilerplate_lines": article.boilerplate_lines,
        "boilerplate_share": article.boilerplate_lines / non_blank if non_blank else 0.0,
        "n_chars": len(article.source),
        "source": article.source,
        "entities": [],
    }


def _append_rows(columns: dict[str, dict[str, list]], digest: str, article: Article) -> None:
    """Add the article's row and its lines' rows to the column lists of the cacheable tables."""
    for key, value in _article_row(digest, article).items():
        columns["articles"].setdefault(key, []).append(value)
    for key, values in _line_rows(digest, article).items():
        columns["lines"].setdefault(key, []).extend(values)


def _line_rows(digest: str, article: Article) -> dict[str, list]:
    """Column lists of the lines table for one article."""
    lines = article.lines
    return {
        "content_hash": [digest] * len(lines),
        "n": [line.n for line in lines],
        "start": [line.start for line in lines],
        "end": [line.end for line in lines],
        "kind": [line.kind for line in lines],
        "reason": [line.reason for line in lines],
        "text": [article.source[line.start : line.end] for line in lines],
    }


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while a parse builds its tables.

    A parse allocates millions of small, acyclic objects that outlive it; the collector
    would walk them over and over (about a tenth of a cold ingest) and free none. Only
    the caller that paused it resumes it, so overlapping parses leave it running.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _empty_columns() -> dict[str, dict[str, list]]:
    """Column lists of the cacheable tables, with no rows yet."""
    return {"articles": {}, "lines": {}, "mentions": {name: [] for name in _CACHED_MENTION_COLUMNS}}


def _parse_chunk(chunk: list[Source], entities: bool = True) -> tuple[dict[str, pd.DataFrame] | None, dict[str, str]]:
    """Read and parse sources (in a worker process or in this one).

    Returns the chunk's cacheable tables (see ``loaders.cache.TABLES``; None when no source
    had text) and, by content hash, why a source could not be read. The worker builds the
    frames: they travel back as Arrow buffers, not as millions of pickled strings.
    """
    columns = _empty_columns()
    refused: dict[str, str] = {}
    untagged: list[tuple[str, Article]] = []
    with _collector_paused():
        for source in chunk:
            digest = source.content_hash
            try:
                article = parse_document(to_document(source), digest)
            except UnreadableFile as err:
                refused[digest] = str(err)
                continue
            except Exception as err:  # noqa: BLE001 - the safety net: an unforeseen failure costs only this source
                refused[digest] = str(unforeseen(source.article_id, err))
                continue
            if not article.has_text:
                refused[digest] = NO_TEXT
                continue
            _append_rows(columns, digest, article)
            if entities:
                untagged.append((digest, article))
                if len(untagged) == _TAGGING_BATCH:
                    _add_mentions(untagged, columns["mentions"])
        if untagged:
            _add_mentions(untagged, columns["mentions"])
    return (_tables(columns) if columns["articles"] else None), refused


def _pool(workers: int) -> ProcessPoolExecutor:
    """A pool of processes forked from this one, which has the parser and its lexicons loaded already.

    Forked, never spawned: a spawned worker re-runs the parent's ``__main__``, which under
    Streamlit is the app script itself. The workers only parse (no threads, no I/O), and
    CPython re-creates the logging and import locks in a forked child.
    """
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def _parse_many(sources: list[Source], progress: Progress | None = None, already_done: int = 0,
                entities: bool = True, workers: int = 1, executor: ChunkMapper | None = None,
                save: Callable[[dict[str, pd.DataFrame]], None] | None = None,
                ) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Read and parse sources, across ``workers`` processes or an ``executor``, into the cacheable tables and the refusals.

    ``save(tables)`` receives each chunk's tables as soon as the chunk is parsed, so that
    a process killed in the middle of a long parse has kept what it finished.
    """
    size = _CHUNK if workers == 1 or executor else max(_TAGGING_BATCH, min(_CHUNK, len(sources) // (4 * workers) + 1))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    total, done = already_done + len(sources), already_done
    parts: list[dict[str, pd.DataFrame]] = []
    refused: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        if executor is not None:
            results = executor.map(_parse_chunk, chunks, [entities] * len(chunks))
        elif workers > 1 and len(chunks) > 1:
            if entities:
                default_tagger()  # loaded once here: the forked workers inherit it (and its gazetteer, which linking needs)
            pool = stack.enter_context(_pool(min(workers, len(chunks))))
            results = pool.map(_parse_chunk, chunks, [entities] * len(chunks))
        else:
            results = (_parse_chunk(chunk, entities) for chunk in chunks)
        for chunk, (tables, chunk_refused) in zip(chunks, results):  # in order: the tables of one pass
            if tables is not None:
                if save:
                    save(tables)
                parts.append(tables)
            refused.update(chunk_refused)
            done += len(chunk)
            if progress:
                progress(done, total)
    return _joined(parts), refused


def _tables(columns: dict[str, dict[str, list]]) -> dict[str, pd.DataFrame]:
    """The cacheable tables of parsed column lists (at least one article)."""
    return {"articles": pd.DataFrame(columns["articles"]), "lines": pd.DataFrame(columns["lines"]),
            "mentions": pd.DataFrame(columns["mentions"], columns=_CACHED_MENTION_COLUMNS).astype(_MENTION_DTYPES)}


def _joined(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The chunks' tables joined, in order, with the column types one pass would have given them
    (a chunk whose column is all None holds it as objects)."""
    if len(parts) <= 1:
        return parts[0] if parts else _empty_tables()
    return {table: pd.concat([part[table] for part in parts], ignore_index=True).infer_objects() for table in TABLES}


def _with_site_evidence(parsed: dict[str, pd.DataFrame], blobs: dict[str, Source]) -> dict[str, pd.DataFrame]:
    """The tables with the pages parsed again whose headline or header date most pages of their site print.

    See :mod:`loaders.layout.site`. A page parsed again may choose another template line,
    so this repeats a few rounds. Mentions stay: they depend on the text alone, and the
    final line kinds decide which count. These parses depend on the whole corpus, so the
    per-page cache keeps the page's own parse; the corpus snapshot keeps these.
    """
    furniture: dict[str, frozenset[str]] = {}
    sites = page_sites(parsed["articles"]) if len(parsed["articles"]) else pd.Series(dtype=object)
    first_prints: dict[str, str] = {}  # each page's first fingerprint, read when the first round parses any again
    for _ in range(_SITE_ROUNDS):
        found = template_lines(parsed["articles"], parsed["lines"], sites)
        grown = {h: furniture.get(h, frozenset()) | keys for h, keys in found.items() if h in blobs}
        grown = {h: keys for h, keys in grown.items() if keys != furniture.get(h)}
        if not grown:
            break
        furniture.update(grown)
        rows: dict[str, dict[str, list]] = {"articles": {}, "lines": {}}
        for digest, keys in grown.items():
            _append_rows(rows, digest, parse_document(to_document(blobs[digest]), digest, keys))
        # The page's template fingerprint stays that of its first parse: it names the site.
        first_prints = first_prints or dict(zip(parsed["articles"]["content_hash"], parsed["articles"]["fingerprint"]))
        rows["articles"]["fingerprint"] = [first_prints[h] for h in rows["articles"]["content_hash"]]
        for table in ("articles", "lines"):
            kept = parsed[table][~parsed[table]["content_hash"].isin(grown)]
            parsed = {**parsed, table: pd.concat([kept, pd.DataFrame(rows[table])], ignore_index=True)}
    return parsed


def _empty_tables() -> dict[str, pd.DataFrame]:
    """The cacheable tables of no articles."""
    return {"articles": pd.DataFrame(columns=["content_hash"]), "lines": pd.DataFrame(),
            "mentions": pd.DataFrame(columns=_CACHED_MENTION_COLUMNS).astype(_MENTION_DTYPES)}


def _add_mentions(untagged: list[tuple[str, Article]], mention_lists: dict[str, list]) -> None:
    """Tag the ``(content hash, article)`` pairs as one batch, append their mention rows, empty the batch."""
    for (digest, _), found in zip(untagged, mention_columns([(a.source, a.lines) for _, a in untagged])):
        mention_lists["content_hash"] += [digest] * len(found["n"])
        for key, values in found.items():
            mention_lists[key] += values
    untagged.clear()


def _finish(files: pd.DataFrame, parsed: dict[str, pd.DataFrame], errors: list[dict]) -> Corpus:
    """Attach file identities to parsed rows, type the date columns and link the entities."""
    articles = files.merge(parsed["articles"], on="content_hash", how="inner")
    # A dataset's records share no page template: the file they come from is their site.
    if len(articles):
        unnamed = articles["input_kind"].eq("record") & articles["outlet"].isna()
        if unnamed.any():  # an assignment through an all-false mask still rewrites the whole Arrow column
            articles.loc[unnamed, "fingerprint"] = articles.loc[unnamed, "path"].map(_file_fingerprint)
    lines = parsed["lines"]
    for field in _DATE_FIELDS:
        iso = articles[f"{field}_iso"] if len(articles) else pd.Series(dtype=object)
        articles[field] = pd.to_datetime(iso, format="ISO8601").dt.tz_localize(TIMEZONE)
        articles[f"{field}_line"] = articles[f"{field}_line"].astype("Int64") if len(articles) else pd.Series(dtype="Int64")
    if not lines.empty:
        lines = files[["article_id", "content_hash"]].merge(lines, on="content_hash").drop(columns="content_hash")
        lines["kind"] = lines["kind"].astype("category")
    else:
        lines = pd.DataFrame(columns=LINE_COLUMNS)
    articles, lines = relabel_repeated_lines(articles.reset_index(drop=True), lines)
    lines = contiguous(lines[LINE_COLUMNS].reset_index(drop=True))  # one chunk before linking selects from it
    entities, mentions = _link(files, parsed["mentions"], lines,
                               articles.reindex(columns=["article_id", "outlet", "fingerprint"]))
    articles["entities"] = _entities_per_article(articles["article_id"], mentions)
    return Corpus(articles=lists_as_arrays(contiguous(articles)), lines=lines, errors=_errors_frame(errors),
                  mentions=contiguous(mentions), entities=lists_as_arrays(entities))


def _file_fingerprint(path: str) -> str:
    """The fingerprint of records from one dataset file: a short hash of its path."""
    return hashlib.sha1(f"file:{path}".encode()).hexdigest()[:10]


def _link(files: pd.DataFrame, raw: pd.DataFrame, lines: pd.DataFrame, articles: pd.DataFrame
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw mentions of the loaded files, marked body or furniture by the final line kinds, linked,
    with the self-mentions and the words that are not names set aside."""
    raw = files[["article_id", "content_hash"]].merge(raw, on="content_hash").drop(columns="content_hash")
    body = lines.loc[lines["kind"] == "body", ["article_id", "n"]].assign(in_body=True)
    raw = raw.merge(body, on=["article_id", "n"], how="left")
    raw["in_body"] = raw["in_body"].fillna(False).astype(bool)
    entities, mentions = link_entities(raw)
    if mentions.empty:
        return entities, mentions
    mentions["aside"] = aside_reasons(entities, mentions, lines, articles)
    return entity_table(mentions, dict(zip(entities["entity_id"], zip(entities["name_bn"], entities["label_en"])))), mentions


def _entities_per_article(article_ids: pd.Series, mentions: pd.DataFrame) -> list[list[str]]:
    """Per article, the entity ids of its body mentions that count (none set aside), most mentioned first."""
    counts = Counter(compress(zip(mentions["article_id"].tolist(), mentions["entity_id"].tolist()),
                              (mentions["in_body"] & mentions["aside"].isna()).tolist()))
    ranked: dict[str, list[tuple[int, str]]] = {}
    for (article_id, entity_id), count in counts.items():
        ranked.setdefault(article_id, []).append((-count, entity_id))
    return [[entity_id for _, entity_id in sorted(ranked.get(article_id, ()))] for article_id in article_ids]


def parse_documents(
    documents: Iterable[Source | tuple[str, str, bytes | UnreadableFile]],
    cache_dir: str | os.PathLike | None = None,
    progress: Progress | None = None,
    entities: bool = True,
    workers: int | None = None,
    executor: ChunkMapper | None = None,
) -> Corpus:
    """Build a :class:`Corpus` from sources (see :mod:`loaders.readers`).

    This is the common path for files on disk and for uploads; a plain
    ``(article_id, path, bytes)`` triple is a page dump. Each source whose bytes the
    cache has not seen is read by the reader of its kind; a source that cannot be read
    becomes a row of ``errors`` and the others still load. With ``cache_dir``, parses
    are looked up in and added to the Parquet store there, keyed by content hash, and
    the finished tables of the whole corpus are kept too, so that loading the same
    files again reads them back without re-linking the entities.
    ``progress(done, total)`` is called as documents are parsed. With ``entities=False``
    no entity tagging is done (``mentions`` and ``entities`` stay empty), for speed.
    ``workers`` processes read and parse the new sources (default: every core once there
    are ``PARALLEL_MIN`` of them, where processes can be forked); the tables are the same
    as from one process. An ``executor`` (see :class:`ChunkMapper`, e.g. a Dask cluster
    through :class:`loaders.cluster.DaskBag`) parses them instead, with the same tables.
    """
    documents = [d if isinstance(d, Source) else Source(*d) for d in documents]
    entries, errors, blobs = [], [], {}
    for source in documents:
        if isinstance(source.data, UnreadableFile):
            errors.append({"article_id": source.article_id, "path": source.path, "record": source.record,
                           "error": str(source.data)})
            continue
        digest = source.content_hash
        entries.append({"article_id": source.article_id, "path": source.path, "record": source.record,
                        "content_hash": digest})
        blobs[digest] = source
    store = ParseStore(cache_dir, entities) if cache_dir else None
    snapshot_key = corpus_key(entries) if store else None
    snapshot = store.get_snapshot(snapshot_key) if store else None
    if snapshot:
        if progress:
            progress(len(documents), len(documents))
        decode_errors = snapshot.pop("errors")
        return Corpus(errors=_errors_frame(errors, decode_errors), **{name: contiguous(t) for name, t in snapshot.items()})
    parsed = store.get(set(blobs)) if store else None
    known = set(parsed["articles"]["content_hash"]) if parsed else set()
    # Only sources the cache has never seen are read: a cached hash was read fine before.
    todo = [source for digest, source in blobs.items() if digest not in known]
    refused: dict[str, str] = {}
    tidied: Future | None = None
    if todo:
        if workers is None:
            workers = (os.cpu_count() or 1) if len(todo) >= PARALLEL_MIN and CAN_FORK else 1
        with _collector_paused():
            new, refused = _parse_many(todo, progress, len(documents) - len(todo), entities, workers, executor,
                                       store.add if store else None)
        if store:
            # Merging the store's parts is file reading and writing, mostly outside the GIL: it runs
            # on a thread beside the stages below, which need one core.
            background = ThreadPoolExecutor(1, thread_name_prefix="khobor-parse-store")
            tidied = background.submit(store.tidy)
            background.shutdown(wait=False)  # its thread ends with this one task
        parsed = {table: pd.concat([parsed[table], new[table]], ignore_index=True) for table in TABLES} if parsed else new
    elif progress:
        progress(len(documents), len(documents))
    for entry in entries:
        if entry["content_hash"] in refused:
            errors.append({**{k: entry[k] for k in ("article_id", "path", "record")}, "error": refused[entry["content_hash"]]})
            logger.info("skipped %s: %s", entry["article_id"], refused[entry["content_hash"]])
    files = [entry for entry in entries if entry["content_hash"] not in refused]
    files_frame = pd.DataFrame(files, columns=FILE_COLUMNS).astype({"record": "Int64"})
    if parsed is None:
        parsed = _empty_tables()
    with _collector_paused():
        corpus = _finish(files_frame, _with_site_evidence(parsed, blobs), errors)
        # The stage after parsing, computed here rather than on first use so that the snapshot keeps it;
        # the store's index of the last corpus limits the comparisons to the pages that are new.
        stage = republished(corpus.articles, corpus.lines, store.get_stage_index() if store else None)
        corpus = replace(corpus, reuse=stage.reuse, stories=stage.stories, story_table=stage.story_table)
    if tidied:
        tidied.result()
    if store:
        store.put_stage_index(stage.index)
        decode_errors = corpus.errors[corpus.errors["article_id"].isin([e["article_id"] for e in entries])]
        store.put_snapshot(snapshot_key, {**{name: getattr(corpus, name) for name in SNAPSHOT_TABLES},
                                          "errors": decode_errors.reset_index(drop=True)})
    return corpus


def _errors_frame(errors: list[dict], *more: pd.DataFrame) -> pd.DataFrame:
    """The errors table: one row per unreadable file or record."""
    frames = [pd.DataFrame(errors, columns=ERROR_COLUMNS), *more]
    return pd.concat([f.astype({"record": "Int64"}) for f in frames], ignore_index=True)


def load_corpus(
    paths: Iterable[str | os.PathLike],
    cache_dir: str | os.PathLike | None = None,
    progress: Progress | None = None,
    entities: bool = True,
    options: ReadOptions = ReadOptions(),
    workers: int | None = None,
    executor: ChunkMapper | None = None,
) -> Corpus:
    """Load page dumps, HTML pages, datasets and archives from files and folders into a :class:`Corpus`.

    ``paths`` may mix folders (every readable file below them is read) and files; see
    :mod:`loaders.readers` for the formats and ``options`` for reading datasets (column
    roles, time zone). Unreadable files and records (binary, wrong encoding, empty, too
    large, malformed rows) become rows of ``corpus.errors`` with a plain-language reason;
    everything else still loads. ``cache_dir`` enables the Parquet parse cache (see
    :mod:`loaders.cache`), so that an unchanged corpus loads without re-parsing.
    ``entities=False`` skips entity tagging; ``workers`` is the number of processes that
    parse, or ``executor`` parses elsewhere (see :func:`parse_documents`).
    """
    return parse_documents(read_paths(paths, options), cache_dir=cache_dir, progress=progress, entities=entities,
                           workers=workers, executor=executor)
