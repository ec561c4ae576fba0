"""A folder's corpus is parsed once per server process and shared by every session."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from components import corpus as corpus_source

from .conftest import SAMPLE_DIR

SESSIONS = 8


def test_sessions_opening_a_folder_at_once_share_one_parse(monkeypatch, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "one.txt").write_bytes((SAMPLE_DIR / "000_6e226a8acf7a7e9c.txt").read_bytes())
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    parse, parses = corpus_source.load_corpus, []

    def slow_parse(paths, **options):
        parses.append(paths)
        time.sleep(1)  # every other session arrives while the first one parses
        return parse(paths, **options)

    monkeypatch.setattr(corpus_source, "load_corpus", slow_parse)
    with ThreadPoolExecutor(SESSIONS) as pool:  # a server runs each session's script on a thread of its own
        loaded = list(pool.map(lambda _: corpus_source.load_folder(folder), range(SESSIONS)))
    assert len(parses) == 1
    assert all(other is loaded[0] for other in loaded)
    assert len(loaded[0].corpus.articles) == 1
