"""Hostile and degenerate inputs: each gives error rows, never a traceback, and holds little memory."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
import tracemalloc
import zipfile

from loaders import parse_documents, sources_from_bytes
from loaders.readers import archive, dataset

from .conftest import PROJECT
from .test_reading import GOOD

MB = 1024 * 1024


def errors_of(corpus) -> dict[str, str]:
    return dict(zip(corpus.errors["article_id"], corpus.errors["error"]))


def load(name: str, data: bytes):
    return parse_documents(sources_from_bytes(name, name, data), entities=False)


def peak_bytes(function) -> int:
    """Most memory Python allocated while ``function()`` ran."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def zeros_gz(size: int) -> bytes:
    """A .gz of ``size`` zero bytes, written in steps (the test itself never holds them)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb") as out:
        for _ in range(size // MB):
            out.write(bytes(MB))
    return buffer.getvalue()


def test_a_deeply_nested_json_file_is_an_error_row_and_the_cli_keeps_going(tmp_path):
    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "deep.jsonl").write_bytes(b'{"a":' * 70 + b"1" + b"}" * 70 + b"\n"
                                          + json.dumps({"Headline": "শিরোনাম", "Article Body": GOOD}).encode())
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "loaders", "--no-cache", "--no-entities", str(tmp_path)],
                         cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert f"deep.json: JSON nested more than {dataset.MAX_JSON_DEPTH} levels deep" in run.stderr
    assert f"deep.jsonl:line-1: line 1 is JSON nested more than {dataset.MAX_JSON_DEPTH} levels deep" in run.stderr
    assert "2 parsed, 2 errors" in run.stderr
    long_number = b'{"Article Body": ' + b"1" * 5000 + b"}"
    assert errors_of(load("n.jsonl", long_number)) == {"n.jsonl:line-1": "line 1 is JSON holding a number over 4,300 digits long"}


def test_a_gz_bomb_is_refused_in_a_stream_without_holding_its_content(monkeypatch):
    monkeypatch.setattr(dataset, "MAX_DATASET_BYTES", 2 * MB)
    bomb = zeros_gz(40 * MB)
    peak = peak_bytes(lambda: sources_from_bytes("bomb.csv.gz", "bomb.csv.gz", bomb))
    assert errors_of(load("bomb.csv.gz", bomb)) == {
        "bomb.csv.gz": "unpacks to more than 2 MB, the limit for this kind of file"}
    assert peak < 6 * MB  # the old whole-file decompression held all 40 MB
    # under the limit, a .gz still reads as its content, every gzip member of it
    body = GOOD.replace("\n", " ").replace('"', "")
    fine = gzip.compress(b"Headline,Article Body\n") + gzip.compress(f'শিরোনাম,"{body}"\n'.encode())
    assert load("fine.csv.gz", fine).articles["title"].tolist() == ["শিরোনাম"]


def test_an_archive_member_over_its_limit_is_refused_from_the_headers():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        with out.open("big.txt", "w") as member:
            for _ in range(6):
                member.write(bytes(MB))
        out.writestr("good.txt", GOOD)
    data = buffer.getvalue()
    peak = peak_bytes(lambda: sources_from_bytes("a.zip", "a.zip", data))
    corpus = load("a.zip", data)
    assert errors_of(corpus) == {"a.zip/big.txt": "file is 6.0 MB; the limit is 5 MB"}
    assert corpus.articles["article_id"].tolist() == ["a.zip/good.txt"]
    assert peak < 2 * MB

    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w:gz") as out:
        info = tarfile.TarInfo("big.html")
        info.size = 40 * MB
        out.addfile(info, io.BytesIO(bytes(info.size)))
    peak = peak_bytes(lambda: sources_from_bytes("a.tar.gz", "a.tar.gz", tar.getvalue()))
    assert errors_of(load("a.tar.gz", tar.getvalue())) == {"a.tar.gz/big.html": "file is 40.0 MB; the limit is 32 MB"}
    assert peak < 4 * MB


def test_a_file_on_disk_over_its_limit_is_refused_before_it_is_read(tmp_path):
    from loaders import load_corpus

    (tmp_path / "huge.txt").write_bytes(b"x" * (5 * MB + 1))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    corpus = load_corpus([tmp_path], entities=False)
    assert errors_of(corpus) == {"huge.txt": "file is 5.0 MB; the limit is 5 MB"}
    assert corpus.articles["article_id"].tolist() == ["good.txt"]


def test_files_and_records_with_no_text_are_error_rows_not_empty_articles():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for n, content in enumerate([b"a", b".", b"1", b"- -", GOOD.encode()]):
            out.writestr(f"p/{n}.txt", content)
    corpus = load("tiny.zip", buffer.getvalue())
    assert corpus.articles["article_id"].tolist() == ["tiny.zip/p/4.txt"]
    assert set(errors_of(corpus).values()) == {"no text: neither a headline nor an article paragraph was found in it"}
    assert len(corpus.errors) == 4
    rows = [{"Headline": "শিরোনাম", "Article Body": ""}, {"Headline": "", "Article Body": "?"}]
    corpus = load("feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode())
    assert corpus.articles["article_id"].tolist() == ["feed.jsonl:line-1"]  # a headline alone is still an article
    assert errors_of(corpus)["feed.jsonl:line-2"].startswith("no text")


def test_an_unforeseen_reader_failure_costs_only_its_own_file(monkeypatch):
    def broken(*_):
        raise RuntimeError("reader bug")

    monkeypatch.setattr(archive, "gunzip", broken)
    corpus = parse_documents(sources_from_bytes("x.csv.gz", "x.csv.gz", b"")
                             + sources_from_bytes("good.txt", "good.txt", GOOD.encode()), entities=False)
    assert errors_of(corpus) == {"x.csv.gz": "could not be read (RuntimeError: reader bug)"}
    assert corpus.articles["article_id"].tolist() == ["good.txt"]
    monkeypatch.setattr("loaders.corpus.parse_document", broken)
    corpus = parse_documents(sources_from_bytes("good.txt", "good.txt", GOOD.encode()), entities=False)
    assert errors_of(corpus) == {"good.txt": "could not be read (RuntimeError: reader bug)"}
