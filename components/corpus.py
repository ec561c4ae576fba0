"""Which corpus the app shows (folder, or this session's uploads), and its cached load."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from loaders import Corpus, documents_from_zip, load_corpus, parse_documents
from loaders.cache import default_cache_dir

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


@st.cache_data(max_entries=4, show_spinner=False)
def _load_folder(folder: str, _progress=None) -> Corpus:
    """Parse a folder once per process (and once per file content, thanks to the Parquet cache)."""
    return load_corpus([folder], cache_dir=default_cache_dir(), progress=_progress)


def load_folder(folder: Path) -> Corpus:
    """The folder's corpus, with a progress bar while it is parsed for the first time."""
    slot, update = _progress_bar()
    corpus = _load_folder(str(folder), _progress=update)
    slot.empty()
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
