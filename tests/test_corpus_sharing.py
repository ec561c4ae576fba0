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


def test_sessions_waiting_for_a_first_load_are_told_how_far_its_parse_has_come(monkeypatch, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "one.txt").write_bytes((SAMPLE_DIR / "000_6e226a8acf7a7e9c.txt").read_bytes())
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(corpus_source, "_WAIT_POLL_S", 0.05)
    parse, told = corpus_source.load_corpus, []

    def slow_parse(paths, progress, **options):
        progress(0, 1)
        time.sleep(1)  # every other session arrives while the first one parses
        progress(1, 1)
        time.sleep(0.5)
        return parse(paths, progress=progress, **options)

    monkeypatch.setattr(corpus_source, "load_corpus", slow_parse)
    message = corpus_source.waiting_message
    monkeypatch.setattr(corpus_source, "waiting_message", lambda so_far: told.append(so_far) or message(so_far))
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda _: corpus_source.load_folder(folder), range(3)))
    assert (0, 1) in told and (1, 1) in told  # each change shown as it comes, the first count included
    assert told.count((1, 1)) == 2  # once to each of the two waiting sessions, not once a poll
    assert not corpus_source._PARSED_SO_FAR  # nothing left over for the next folder's first load
    assert "4,000 of 10,000 files parsed" in message((4_000, 10_000))
