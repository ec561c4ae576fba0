"""The corpus tables, the Parquet parse cache and the command line."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from loaders import load_corpus, parse_documents
from loaders import cache as cache_module

from .conftest import PROJECT, SAMPLE_DIR


def test_tables_have_the_documented_shape(sample_corpus):
    articles, lines = sample_corpus.articles, sample_corpus.lines
    assert articles["article_id"].is_unique and len(articles) == 5
    assert str(articles["published"].dt.tz) == "Asia/Dhaka"
    assert set(lines["article_id"]) == set(articles["article_id"])
    # every line span slices its own text out of the source
    sources = articles.set_index("article_id")["source"]
    for row in lines.sample(40, random_state=1).itertuples():
        assert sources[row.article_id][row.start : row.end] == row.text
    assert articles["body_lines"].map(len).eq(articles["n_body_lines"]).all()


def test_warm_load_comes_from_the_cache(tmp_path, monkeypatch):
    cold = load_corpus([SAMPLE_DIR], cache_dir=tmp_path)
    assert list(tmp_path.rglob("articles.parquet"))

    def refuse(*args, **kwargs):
        raise AssertionError("parsed again although the cache holds every file")

    monkeypatch.setattr("loaders.corpus._parse_many", refuse)
    warm = load_corpus([SAMPLE_DIR], cache_dir=tmp_path)
    listed = ["body_lines", "credits", "attributions", "entities"]
    columns = [c for c in cold.articles.columns if c not in listed]
    pd.testing.assert_frame_equal(warm.articles[columns], cold.articles[columns], check_dtype=False)
    # A fresh parse holds its per-article lists as the arrays a cached load gives back (not a Python list a row).
    for frame, column in [(lambda c: c.articles, name) for name in listed] + [(lambda c: c.entities, "surfaces")]:
        for fresh, cached in zip(frame(cold)[column], frame(warm)[column]):
            assert isinstance(fresh, np.ndarray) and fresh.dtype == cached.dtype and np.array_equal(fresh, cached), column
    pd.testing.assert_frame_equal(warm.lines, cold.lines, check_dtype=False, check_categorical=False)


def test_loading_without_entities_never_loads_the_tagger(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the entity tagger was loaded although entities are off")

    monkeypatch.setattr("loaders.entities.extract.default_tagger", refuse)
    corpus = load_corpus([SAMPLE_DIR], entities=False)
    assert len(corpus.articles) == 5 and corpus.mentions.empty


def test_changed_file_is_parsed_again(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("প্রথম শিরোনাম এখানে\nপ্রথম অনুচ্ছেদ, যা একটি বাক্য দিয়ে শেষ হয়।", encoding="utf-8")
    first = load_corpus([folder], cache_dir=tmp_path / "cache")
    (folder / "a.txt").write_text("নতুন শিরোনাম এখানে\nপ্রথম অনুচ্ছেদ, যা একটি বাক্য দিয়ে শেষ হয়।", encoding="utf-8")
    second = load_corpus([folder], cache_dir=tmp_path / "cache")
    assert (first.articles.loc[0, "title"], second.articles.loc[0, "title"]) == ("প্রথম শিরোনাম এখানে", "নতুন শিরোনাম এখানে")


def test_parser_version_changes_with_the_code(monkeypatch, tmp_path):
    before = cache_module.parser_version()
    cache_module.parser_version.cache_clear()
    (tmp_path / "extra.py").write_text("x = 1\n")
    monkeypatch.setattr(cache_module, "_PACKAGE", tmp_path)
    try:
        assert cache_module.parser_version() != before
    finally:
        cache_module.parser_version.cache_clear()


def test_cli_prints_one_json_object_per_article(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01")
    result = subprocess.run(
        [sys.executable, "-m", "loaders", "--jsonl", "--no-cache", "--parquet", str(tmp_path / "out"),
         str(SAMPLE_DIR), str(tmp_path / "broken.txt")],
        capture_output=True, text=True, cwd=PROJECT, check=False,
    )
    assert result.returncode == 0
    records = [json.loads(line, parse_constant=lambda bad: pytest.fail(f"not JSON: {bad}"))
               for line in result.stdout.splitlines()]
    assert len(records) == 5
    first = records[0]
    for field in ("file", "title", "label", "outlet", "published", "published_basis", "updated", "page_date",
                  "body_lines", "lines", "attributions", "desk", "byline", "dateline", "credits", "entities"):
        assert field in first
    assert first["file"] == "000_6e226a8acf7a7e9c.txt" and first["outlet"] == "banglanews24"
    assert first["published"] == "2024-03-28T21:30" and first["body_lines"][0] == 11
    assert {"n": 1, "kind": "page_date_header"}.items() <= first["lines"][0].items()
    assert records[2]["title"] is None and records[2]["published"] is None
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet").shape[0] == 5


def test_cli_fails_when_nothing_parsed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "loaders", "--jsonl", "--no-cache", str(tmp_path)],
                            capture_output=True, text=True, cwd=PROJECT, check=False)
    assert result.returncode == 1 and "empty file" in result.stderr


def test_line_printed_on_many_pages_of_a_site_is_template():
    from loaders import parse_documents

    promo = "সব খবর পেতে আমাদের হোয়াটসঅ্যাপ চ্যানেল ফলো করুন।"
    shared_pair = "এই বাক্যটি দুটি পাতায় ছাপা হয়েছে, তাই এটি খবরই থাকে।"
    docs = []
    for i, topic in enumerate(["বন্যা", "নির্বাচন", "বাজেট", "ক্রিকেট"]):
        body = [f"{topic} নিয়ে আজ বিস্তারিত প্রতিবেদন প্রকাশ করা হয়েছে, যেখানে অনেক তথ্য আছে।"]
        body += [shared_pair] if i < 2 else []
        text = "\n".join([f"{topic} নিয়ে নতুন খবর", "প্রকাশ: ১০ জানুয়ারি ২০২৪, ০৯:১৫", *body, promo])
        docs.append((f"{i}.txt", f"{i}.txt", text.encode()))
    corpus = parse_documents(docs)
    by_text = corpus.lines.groupby("text")["kind"].agg(lambda k: set(map(str, k)))
    assert by_text[promo] == {"widget"}
    assert by_text[shared_pair] == {"body"}
    assert all(promo not in body for body in corpus.articles["body"])
    assert corpus.articles["n_body_lines"].tolist() == [2, 2, 1, 1]
    assert [list(n) for n in corpus.articles["body_lines"]] == [[3, 4], [3, 4], [3], [3]]
    assert corpus.articles["boilerplate_share"].tolist() == [0.4, 0.4, 0.5, 0.5]


def test_parallel_ingest_gives_the_tables_of_one_process(tmp_path):
    from loaders import read_paths

    from .test_datasets import csv_bytes, record

    sentences = ["ঢাকায় প্রধানমন্ত্রী শেখ হাসিনা আজ বৈঠক করেছেন।", "চট্টগ্রাম বন্দরে নতুন জাহাজ এসেছে বলে জানিয়েছে রয়টার্স।"]
    rows = [record(n, **{"Article Body": f"{sentences[n % 2]} খবর {n}।\n\nআরও পড়ুন\n\n{sentences[(n + 1) % 2]}"})
            for n in range(450)]
    (tmp_path / "export.csv").write_bytes(csv_bytes(rows) + b"short,row\n")
    sources = read_paths([SAMPLE_DIR, tmp_path])
    one = parse_documents(sources, workers=1)
    two = parse_documents(sources, workers=2)
    assert len(one.articles) == 455 and len(one.errors) == 1 and len(one.mentions) > 900
    for table in ("articles", "lines", "errors", "mentions", "entities"):
        pd.testing.assert_frame_equal(getattr(one, table), getattr(two, table))



def test_dask_cluster_of_two_workers_writes_the_tables_of_one_process(tmp_path):
    from .test_datasets import csv_bytes, record

    # 450 records and the sample make two chunks of sources, one for each worker.
    rows = [record(n, **{"Article Body": f"ঢাকায় আজ বৈঠক হয়েছে বলে জানিয়েছে রয়টার্স। খবর {n}।"}) for n in range(450)]
    (tmp_path / "export.csv").write_bytes(csv_bytes(rows))
    outputs = {}
    for name, extra in [("one", ["--workers", "1"]), ("dask", ["--dask", "local:2"])]:
        outputs[name] = tmp_path / name
        subprocess.run([sys.executable, "-m", "loaders", "--no-cache", "--parquet", str(outputs[name]), *extra,
                        str(SAMPLE_DIR), str(tmp_path / "export.csv")], cwd=PROJECT, capture_output=True, check=True)
    articles = pd.read_parquet(outputs["dask"] / "articles.parquet")
    assert len(articles) == 455 and len(pd.read_parquet(outputs["dask"] / "mentions.parquet")) > 450
    for table in ("articles", "lines", "errors", "mentions", "entities"):
        pd.testing.assert_frame_equal(pd.read_parquet(outputs["one"] / f"{table}.parquet"),
                                      pd.read_parquet(outputs["dask"] / f"{table}.parquet"))


def test_lines_of_an_article_are_its_rows_of_the_lines_table(sample_corpus):
    lines = sample_corpus.lines
    for article_id in sample_corpus.articles["article_id"]:
        pd.testing.assert_frame_equal(sample_corpus.lines_of(article_id), lines[lines["article_id"] == article_id])
    assert sample_corpus.lines_of("no such file.txt").empty


def test_site_host_is_the_web_address_the_page_gives(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    body = "".join(f"<p>{sentence}</p>" for sentence in [
        "রাজধানীতে আজ একটি গুরুত্বপূর্ণ বৈঠক অনুষ্ঠিত হয়েছে, যেখানে বিভিন্ন দলের নেতারা অংশ নেন।",
        "বৈঠক শেষে সাংবাদিকদের সঙ্গে কথা বলেন মন্ত্রী এবং ভবিষ্যৎ পরিকল্পনার কথা জানান।"] * 3)
    page = ('<html><head><link rel="canonical" href="https://www.notunkhobor24.com/national/1"></head>'
            f"<body><h1>সরকারের নতুন উদ্যোগ নিয়ে আলোচনা</h1>{body}</body></html>")
    (folder / "unlisted.html").write_text(page, encoding="utf-8")
    (folder / "dump.txt").write_text("সরকারের নতুন উদ্যোগ নিয়ে আলোচনা\n" + body.replace("<p>", "").replace("</p>", "\n"),
                                     encoding="utf-8")
    articles = load_corpus([folder], cache_dir=tmp_path / "cache").articles.set_index("article_id")
    assert articles.loc["unlisted.html", "outlet"] is None
    assert articles.loc["unlisted.html", "site_host"] == "notunkhobor24.com"
    assert pd.isna(articles.loc["dump.txt", "site_host"])  # no address: the page template groups it
