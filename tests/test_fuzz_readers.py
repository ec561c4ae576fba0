"""Property-based fuzzing of every reader: real inputs cut, repeated, bit-flipped, nested and re-encoded.

Whatever the mutated file holds, the batch it came in loads: the other file is still an
article, every source of the mutated file ends as an article or an error row with a
plain reason, and none needed the readers' safety net for unforeseen failures.
Deterministic (derandomized, no example database), a few seconds. Inputs that once
broke a reader are kept in ``tests/fuzz_cases/`` and run every time.
"""
from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import parse_documents, sources_from_bytes

from .conftest import SAMPLE_DIR

CASES = Path(__file__).parent / "fuzz_cases"
GOOD_NAME = "good.txt"
GOOD = (SAMPLE_DIR / "001_3bfc753714e309ae.txt").read_bytes()
_DUMP = (SAMPLE_DIR / "000_6e226a8acf7a7e9c.txt").read_text(encoding="utf-8")
_LINES = [line for line in _DUMP.splitlines() if line.strip()]
_RECORDS = [{"Headline": _LINES[0], "Date Published": "2024-08-05 23:41", "Article Body": "\n".join(_LINES[3:9])},
            {"headline": _LINES[1], "article": _LINES[10], "paper_name": "Jugantor", "tags": [{"x": [1, 2]}]}]
_HTML = ("<!doctype html><html><head><meta charset='utf-8'><title>" + _LINES[0] + " | প্রথম আলো</title>"
         "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-01-02T04:37:50+06:00\"}"
         "</script></head><body><nav><a href='/'>প্রচ্ছদ</a> <a href='/bd'>বাংলাদেশ</a></nav><article><h1>" + _LINES[0]
         + "</h1>" + "".join(f"<p>{line}</p>" for line in _LINES[3:9]) + "</article></body></html>")


def _csv() -> bytes:
    rows = ["Headline,Date Published,Article Body"]
    rows += ['"{}",{},"{}"'.format(r["Headline"], r["Date Published"], r["Article Body"].replace('"', "'"))
             for r in _RECORDS[:1]]
    return ("\n".join(rows) + "\n").encode()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _tar_gz(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


_MHTML = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.prothomalo.com/a/1\r\n"
          b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
          b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
          + _HTML.encode().replace(b"=", b"=3D") + b"\r\n--B--\r\n")
SEEDS = {
    "page.txt": _DUMP.encode(),
    "page.html": _HTML.encode(),
    "page.mhtml": _MHTML,
    "export.csv": _csv(),
    "export.tsv": _csv().replace(b",", b"\t"),
    "feed.json": json.dumps(_RECORDS, ensure_ascii=False).encode(),
    "feed.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in _RECORDS).encode(),
    "page.txt.gz": gzip.compress(_DUMP.encode()),
    "bundle.zip": _zip({"a/page.txt": _DUMP.encode(), "a/feed.jsonl": json.dumps(_RECORDS[0]).encode()}),
    "bundle.tar.gz": _tar_gz({"page.html": _HTML.encode(), "export.csv": _csv()}),
}
ENCODINGS = ("utf-16", "utf-16-be", "cp1252", "latin-1", "utf-8-sig", "cp1251")


def _mutate(data: bytes, step: tuple) -> bytes:
    """One mutation: cut, repeat, flip, nest or re-encode part of ``data``."""
    kind, a, b, n = step
    size = max(len(data), 1)
    a, b = sorted((a % (size + 1), b % (size + 1)))
    if kind == "cut":
        return data[:a] + data[b:]
    if kind == "truncate":
        return data[:a]
    if kind == "repeat":
        return data[:b] + data[a:b] * (n % 50) + data[b:]
    if kind == "flip":
        return data[:a] + bytes([data[a] ^ (1 << n % 8)]) + data[a + 1:] if a < len(data) else data
    if kind == "nest":
        opening, closing = [(b"[", b"]"), (b'{"a":', b"}"), (b"<div>", b"</div>")][n % 3]
        return data[:a] + opening * (n * 40) + data[a:b] + closing * (n * 40) + data[b:]
    if kind == "encode":  # a stretch of the text in another encoding, as a mis-saved export has
        text = data[a:b].decode("utf-8", errors="replace")
        return data[:a] + text.encode(ENCODINGS[n % len(ENCODINGS)], errors="replace") + data[b:]
    if kind == "wrap":  # the mutated bytes packed once more, or the packing cut short
        packed = gzip.compress(data) if n % 2 else _zip({"inner.json": data})
        return packed[: len(packed) * (a % 4 + 1) // 4]
    raise AssertionError(kind)


STEPS = st.tuples(st.sampled_from(["cut", "truncate", "repeat", "flip", "nest", "encode", "wrap"]),
                  st.integers(0, 1 << 16), st.integers(0, 1 << 16), st.integers(1, 60))


def check_batch(name: str, data: bytes) -> None:
    """The property: a batch of the file and a good page loads, and every source of the file is accounted for."""
    sources = sources_from_bytes(name, name, data) + sources_from_bytes(GOOD_NAME, GOOD_NAME, GOOD)
    corpus = parse_documents(sources, entities=False)
    assert GOOD_NAME in set(corpus.articles["article_id"])
    accounted = set(corpus.articles["article_id"]) | set(corpus.errors["article_id"])
    assert {source.article_id for source in sources} <= accounted
    for message in corpus.errors["error"]:
        assert message.strip() and not message.startswith("could not be read"), message


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(name=st.sampled_from(sorted(SEEDS)), steps=st.lists(STEPS, min_size=1, max_size=3))
def test_mutated_real_inputs_never_take_the_batch_down(name, steps):
    data = SEEDS[name]
    for step in steps:
        data = _mutate(data, step)
    check_batch(name, data)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_file() and p.suffix != ".md"))
def test_inputs_that_once_failed(case):
    check_batch(case, (CASES / case).read_bytes())
