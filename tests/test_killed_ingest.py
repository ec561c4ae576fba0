"""A command-line ingest killed halfway keeps the pages it parsed: the next load serves them from the cache."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import loaders.corpus
from loaders import load_corpus
from loaders.cache import ParseStore

from .conftest import PROJECT
from .corpus_factory import write_corpus

PAGES = 2400


def test_a_cli_ingest_killed_halfway_loses_nothing_it_parsed(tmp_path, monkeypatch):
    folder, cache = write_corpus(tmp_path / "pages", PAGES), tmp_path / "cache"
    parts = ParseStore(cache, entities=False).folder / "articles"
    ingest = subprocess.Popen([sys.executable, "-m", "loaders", "--no-entities", "--workers", "1", str(folder)],
                              cwd=PROJECT, env={**os.environ, "KHOBOR_CACHE_DIR": str(cache)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(parts.glob("*.parquet")) and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ingest.poll() is None, "the ingest ended before it could be killed halfway"
    os.kill(ingest.pid, signal.SIGKILL)
    assert ingest.wait() == -signal.SIGKILL

    parsed = []
    parse_chunk = loaders.corpus._parse_chunk
    monkeypatch.setattr(loaders.corpus, "_parse_chunk", lambda chunk, entities: parsed.append(len(chunk))
                        or parse_chunk(chunk, entities))
    corpus = load_corpus([folder], cache_dir=cache, entities=False, workers=1)
    assert len(corpus.articles) == PAGES and corpus.errors.empty
    assert 0 < sum(parsed) <= PAGES - loaders.corpus._CHUNK  # at least the first chunk came from the cache
    fresh = load_corpus([folder], entities=False, workers=1)
    for column in ("article_id", "title", "published_iso", "body", "outlet"):
        assert corpus.articles[column].tolist() == fresh.articles[column].tolist()
