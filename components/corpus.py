"""Which corpus the app shows, and its cached load."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from loaders import Corpus, load_corpus
from loaders.cache import default_cache_dir

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


def corpus_dir() -> Path:
    """``--corpus DIR`` after ``--`` on the command line, else ``$CORPUS_DIR``, else the sample."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    known, _ = parser.parse_known_args(sys.argv[1:])
    chosen = known.corpus or os.environ.get("CORPUS_DIR")
    return Path(chosen).expanduser().resolve() if chosen else SAMPLE_DIR


@st.cache_data(max_entries=4, show_spinner="Reading the corpus …")
def load_folder(folder: str) -> Corpus:
    """Parse a folder once per process (and once per content, thanks to the Parquet cache)."""
    return load_corpus([folder], cache_dir=default_cache_dir())
