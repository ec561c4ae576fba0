"""Which corpus the app shows (folder, or this session's uploads), and its cached load."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import streamlit as st

from loaders import Corpus, ReadOptions, load_corpus, parse_documents, sources_from_bytes
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


# Folders this server process has parsed: their finished tables are in the disk cache.
_PARSED_FOLDERS: set[str] = set()


def kept(name: str, signature, build):
    """``build()``, kept in this session under ``name`` until ``signature`` changes.

    st.cache_data hands out a fresh copy on every call (0.3 s for 10,000 articles), so a
    session keeps its copy for later reruns; the tables are never modified.
    """
    entry = st.session_state.get(name)
    if entry is None or entry[0] != signature:
        entry = (signature, build())
        st.session_state[name] = entry
    return entry[1]


@st.cache_data(max_entries=4, show_spinner=False)
def _load_folder(folder: str) -> Corpus:
    """A folder's corpus, kept in memory; after the first parse it comes from the disk cache."""
    return load_corpus([folder], cache_dir=default_cache_dir())


def _with_progress(parse):
    """Run ``parse(progress)`` under a progress bar with a file count, then remove the bar."""
    slot = st.empty()

    def update(done: int, total: int) -> None:
        slot.progress(done / max(total, 1), text=f"Parsing {done:,} of {total:,} files …")

    result = parse(update)
    slot.empty()
    return result


def load_folder(folder: Path) -> Corpus:
    """The folder's corpus, with a progress bar the first time this process parses it.

    The progress bar is drawn outside the cached function: Streamlit replays elements
    drawn inside a cached call into later sessions, where the bar no longer exists.
    """
    key = str(folder)

    def build() -> Corpus:
        if key in _PARSED_FOLDERS:
            return _load_folder(key)
        corpus = _with_progress(lambda update: load_corpus([key], cache_dir=default_cache_dir(), progress=update))
        _PARSED_FOLDERS.add(key)
        return corpus

    return kept("corpus_folder", key, build)


def load_uploads(files, options: ReadOptions = ReadOptions()) -> Corpus:
    """Parse uploaded files (dumps, HTML pages, datasets, archives); kept in this session only."""
    def build() -> Corpus:
        sources = [s for upload in files for s in sources_from_bytes(upload.name, upload.name, upload.getvalue(), options)]
        return _with_progress(lambda update: parse_documents(sources, progress=update))

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


@st.cache_data(max_entries=8, show_spinner=False)
def _corrected(corpus_key: str, corrections_json: str, _corpus: Corpus):
    """The corpus's (entities, mentions) with corrections applied; keyed by corpus and corrections."""
    return apply_corrections(_corpus.entities, _corpus.mentions, Corrections.from_json(json.loads(corrections_json)))


def corrected_entities(corpus: Corpus, corpus_key: str):
    """(entities, mentions, error): the corrections file applied; an unusable file is reported, not applied."""
    try:
        corrections = load_corrections(corrections_file())
    except CorrectionsError as err:
        return corpus.entities, corpus.mentions, str(err)
    if not corrections:
        return corpus.entities, corpus.mentions, None
    signature = (corpus_key, json.dumps(corrections.to_json(), sort_keys=True))
    entities, mentions = kept("corpus_corrected", signature, lambda: _corrected(*signature, corpus))
    return entities, mentions, None
