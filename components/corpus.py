"""Which corpus the app shows (folder, or this session's uploads), and its cached load."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import streamlit as st

from loaders import Corpus, documents_from_zip, load_corpus, parse_documents
from loaders.cache import default_cache_dir
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


def _progress_bar():
    """A progress bar placeholder and the callback that moves it."""
    slot = st.empty()

    def update(done: int, total: int) -> None:
        slot.progress(done / max(total, 1), text=f"Parsing {done:,} of {total:,} files …")

    return slot, update


# Folders this server process has parsed: their finished tables are in the disk cache.
_PARSED_FOLDERS: set[str] = set()


@st.cache_data(max_entries=4, show_spinner=False)
def _load_folder(folder: str) -> Corpus:
    """A folder's corpus, kept in memory; after the first parse it comes from the disk cache."""
    return load_corpus([folder], cache_dir=default_cache_dir())


def load_folder(folder: Path) -> Corpus:
    """The folder's corpus, with a progress bar the first time this process parses it.

    The progress bar is drawn outside the cached function: Streamlit replays elements
    drawn inside a cached call into later sessions, where the bar no longer exists.
    """
    key = str(folder)
    # st.cache_data hands out a fresh copy on every call (0.3 s for 10,000 articles), so a
    # session keeps its copy for later reruns; the tables are never modified.
    kept = st.session_state.get("corpus_folder")
    if kept and kept[0] == key:
        return kept[1]
    if key not in _PARSED_FOLDERS:
        slot, update = _progress_bar()
        load_corpus([key], cache_dir=default_cache_dir(), progress=update)
        slot.empty()
        _PARSED_FOLDERS.add(key)
    corpus = _load_folder(key)
    st.session_state["corpus_folder"] = (key, corpus)
    return corpus


def load_uploads(files) -> Corpus:
    """Parse uploaded ``.txt`` files and ``.zip`` archives; kept in this session only."""
    signature = tuple((f.name, f.size, f.file_id) for f in files)
    if st.session_state.get("corpus_upload_signature") != signature:
        documents = []
        for upload in files:
            data = upload.getvalue()
            if upload.name.lower().endswith(".zip"):
                documents += documents_from_zip(data, upload.name)
            else:
                documents.append((upload.name, upload.name, data))
        slot, update = _progress_bar()
        st.session_state["corpus_upload"] = parse_documents(documents, progress=update)
        st.session_state["corpus_upload_signature"] = signature
        slot.empty()
    return st.session_state["corpus_upload"]


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
    kept = st.session_state.get("corpus_corrected")  # as in load_folder: skip the per-call copy
    if not kept or kept[0] != signature:
        kept = (signature, _corrected(*signature, corpus))
        st.session_state["corpus_corrected"] = kept
    entities, mentions = kept[1]
    return entities, mentions, None
