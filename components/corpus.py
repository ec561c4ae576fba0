"""Which corpus the app shows (a folder, shared by every session, or this session's uploads), and its load."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Callable
from functools import cached_property, partial
from pathlib import Path

import pandas as pd
import streamlit as st

from components.filters import listed
from components.sidebar import FilterOptions, filter_options
from loaders import Corpus, ReadOptions, load_corpus, parse_documents, sources_from_bytes
from loaders.arrow_ops import isin
from loaders.cache import default_cache_dir
from loaders.readers import dataset_columns
from loaders.entities import Corrections, apply_corrections, corrections_path, load_corrections
from loaders.entities.corrections import CorrectionsError

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


def corpus_dir() -> Path:
    """``--corpus DIR`` after ``--`` on the command line, else ``$CORPUS_DIR``, else the sample."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    known, _ = parser.parse_known_args(sys.argv[1:])
    chosen = known.corpus or os.environ.get("CORPUS_DIR")
    return Path(chosen).expanduser().resolve() if chosen else SAMPLE_DIR


class LoadedCorpus:
    """A corpus and what the app works out from it once, whichever session asks first.

    A folder's is held once per server process and shared by every session that opens it; an
    upload's lives in its own session. Its frames are never modified: pages derive new ones.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._corrected_lock = threading.Lock()
        self._corrected: tuple[str, tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]] | None = None

    @cached_property
    def filter_options(self) -> FilterOptions:
        """The sidebar's choices (listing the cited agencies of 100,000 articles alone takes 0.1 s)."""
        return filter_options(self.corpus.articles)

    def corrected(self, corrections: Corrections) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(entities, mentions, the mentions of article pages) with ``corrections`` applied, worked out
        once per version of them.

        The third is what every page reads while the sidebar sets listing pages aside and filters
        nothing else (selecting it takes 0.2–0.5 s at 100,000 articles). Only the latest version is
        kept: every session reads the same corrections file.
        """
        signature = json.dumps(corrections.to_json(), sort_keys=True)
        with self._corrected_lock:
            if self._corrected is None or self._corrected[0] != signature:
                entities, mentions = apply_corrections(self.corpus.entities, self.corpus.mentions, corrections)
                articles = self.corpus.articles
                pages = articles["article_id"][~listed(articles)]
                in_pages = mentions if len(pages) == len(articles) else mentions[isin(mentions["article_id"], pages)]
                self._corrected = (signature, (entities, mentions, in_pages))
            return self._corrected[1]


def kept(name: str, signature, build):
    """``build()``, kept in this session under ``name`` until ``signature`` changes (what no other session may see)."""
    entry = st.session_state.get(name)
    if entry is None or entry[0] != signature:
        entry = (signature, build())
        st.session_state[name] = entry
    return entry[1]


# One first load at a time in this server process: sessions that open a folder while another
# parses it wait for that parse and share its tables instead of parsing the folder again.
_FIRST_LOAD = threading.Lock()
# Folders this server process has loaded: _shared_folder holds them (or, once evicted, the disk cache).
_LOADED_FOLDERS: set[str] = set()
# How far the first load under way has come, by folder: (files parsed, files), for the sessions waiting on it.
_PARSED_SO_FAR: dict[str, tuple[int, int]] = {}
# How often a waiting session re-reads that count. Its line is plain text, not a spinner: eight
# browsers animating a spinner through a long parse take a core's worth of CPU from it when they
# run on the server's machine, as in the load test.
_WAIT_POLL_S = 1.0


@st.cache_resource(max_entries=4, show_spinner=False)
def _shared_folder(folder: str, _parsed: Corpus | None = None) -> LoadedCorpus:
    """A folder's corpus, held once for every session of this server process (not copied per session).

    ``_parsed`` hands over the tables a first load has just parsed under its progress bar;
    without it (a folder evicted from this cache) they come back from the Parquet cache.
    """
    return LoadedCorpus(_parsed if _parsed is not None else load_corpus([folder], cache_dir=default_cache_dir()))


def _with_progress(parse):
    """Run ``parse(progress)`` under a progress bar with a file count, then remove the bar."""
    slot = st.empty()

    def update(done: int, total: int) -> None:
        slot.progress(done / max(total, 1), text=f"Parsing {done:,} of {total:,} files …")

    result = parse(update)
    slot.empty()
    return result


def load_folder(folder: Path) -> LoadedCorpus:
    """The folder's corpus, shared by every session; the session that loads it first shows a progress bar.

    The bar is drawn outside the cached function: Streamlit replays elements drawn inside a
    cached call into later sessions, where the bar no longer exists.
    """
    key = str(folder)
    if key not in _LOADED_FOLDERS:
        if not _FIRST_LOAD.acquire(blocking=False):
            _wait_for_first_load(key)
        try:
            if key not in _LOADED_FOLDERS:  # the session this one waited for may have loaded it
                _shared_folder(key, _with_progress(partial(_parse_folder, key)))
                _LOADED_FOLDERS.add(key)
        finally:
            _PARSED_SO_FAR.pop(key, None)
            _FIRST_LOAD.release()
    return _shared_folder(key)


def _parse_folder(key: str, update: Callable[[int, int], None]) -> Corpus:
    """Parse the folder, telling this session's progress bar and the sessions waiting for it how far it has come."""
    def report(done: int, total: int) -> None:
        _PARSED_SO_FAR[key] = (done, total)
        update(done, total)

    return load_corpus([key], cache_dir=default_cache_dir(), progress=report)


def waiting_message(parsed_so_far: tuple[int, int] | None) -> str:
    """What a session waiting for another session's first load of its folder is told."""
    count = f" ({parsed_so_far[0]:,} of {parsed_so_far[1]:,} files parsed)" if parsed_so_far else ""
    return f"Another session is loading this corpus{count}. It opens here as soon as that is done."


def _wait_for_first_load(key: str) -> None:
    """Take the first-load lock once the session holding it is done, telling how far its parse has come."""
    slot, shown = st.empty(), ()
    while True:
        now = _PARSED_SO_FAR.get(key)
        if now != shown:
            slot.info(waiting_message(now), icon=":material/hourglass_top:")
            shown = now
        if _FIRST_LOAD.acquire(timeout=_WAIT_POLL_S):
            break
    slot.empty()


def load_uploads(files, options: ReadOptions = ReadOptions()) -> LoadedCorpus:
    """Parse uploaded files (dumps, HTML pages, datasets, archives); kept in this session only."""
    def build() -> LoadedCorpus:
        sources = [s for upload in files for s in sources_from_bytes(upload.name, upload.name, upload.getvalue(), options)]
        return LoadedCorpus(_with_progress(lambda update: parse_documents(sources, progress=update)))

    return kept("corpus_upload", (upload_signature(files), options), build)


def upload_signature(files) -> tuple:
    """What identifies a set of uploads (name, size and upload id of each file)."""
    return tuple((f.name, f.size, f.file_id) for f in files)


def upload_columns(files) -> list[str]:
    """The column names of the uploaded dataset files (CSV, JSON …), in order of first appearance."""
    def build() -> list[str]:
        names = [c for upload in files for c in dataset_columns(upload.name, upload.getvalue())]
        return list(dict.fromkeys(names))

    return kept("corpus_upload_columns", upload_signature(files), build)


def corrections_file() -> Path:
    """The user's entity corrections, kept beside the parse cache."""
    return corrections_path(default_cache_dir())


def corrected_entities(loaded: LoadedCorpus):
    """(entities, mentions, mentions of article pages, error): the corrections file applied (see
    :meth:`LoadedCorpus.corrected`); an unusable file is reported, not applied."""
    try:
        corrections = load_corrections(corrections_file())
    except CorrectionsError as err:
        return (*loaded.corrected(Corrections()), str(err))
    return (*loaded.corrected(corrections), None)
