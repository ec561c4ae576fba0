"""Scraper exports (CSV, TSV, JSON, JSON Lines, compressed, archived) load one article per record."""
from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import tarfile
import zipfile

import pandas as pd
import pytest

from loaders import ReadOptions, load_corpus, parse_documents, sources_from_bytes
from loaders.readers import dataset_columns

from .conftest import PROJECT, SHARED, shared_path
from .dataset_figures import csv_agreement, json_agreement

BODY = "রাজধানীতে আজ সকালে বড় একটি সমাবেশ হয়েছে, যেখানে হাজারো মানুষ অংশ নেন। আয়োজকেরা দাবি জানিয়েছেন।"
BODY2 = "দ্বিতীয় অনুচ্ছেদে আরও বিস্তারিত তথ্য দেওয়া হয়েছে, যা খবরের মূল অংশ তুলে ধরে।"
REAL = SHARED / "corpus" / "real"


def record(n: int = 1, **extra) -> dict:
    """One scraped article as a scraper would export it."""
    return {"Headline": f"সমাবেশে হাজারো মানুষ {n}", "Date Published": "2024-08-05 23:41:40",
            "Article Body": f"{BODY}\n\nআরও পড়ুন\n\n{BODY2}", **extra}


def csv_bytes(rows: list[dict], delimiter: str = ",") -> bytes:
    """Rows as a CSV (or TSV) file with a header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def load(name: str, data: bytes, options: ReadOptions = ReadOptions()):
    """Parse one uploaded file's bytes (no cache, no entity tagging)."""
    return parse_documents(sources_from_bytes(name, name, data, options), entities=False)


def errors_of(corpus) -> dict[str, str]:
    return dict(zip(corpus.errors["article_id"], corpus.errors["error"]))


def test_csv_rows_become_articles_with_column_basis():
    corpus = load("export.csv", csv_bytes([record(1), record(2)]))
    articles = corpus.articles.set_index("article_id")
    assert list(articles.index) == ["export.csv:row-1", "export.csv:row-2"]
    first = articles.loc["export.csv:row-1"]
    assert first["title"] == "সমাবেশে হাজারো মানুষ 1" and first["title_basis"] == "column Headline"
    assert first["published_iso"] == "2024-08-05T23:41" and first["published_basis"] == "column Date Published"
    assert str(first["published"]) == "2024-08-05 23:41:00+06:00"
    assert first["record"] == 1 and first["input_kind"] == "record"
    assert first["outlet"] is None  # nothing names the outlet: unknown, not guessed from the file name
    # the body is still classified: the "আরও পড়ুন" link heading is furniture, the paragraphs are body
    assert first["body"] == f"{BODY}\n{BODY2}"
    kinds = corpus.lines[corpus.lines["article_id"] == "export.csv:row-1"].set_index("n")["kind"].astype(str)
    assert kinds[3] == "list_heading"
    fields = dict(json.loads(first["fields"]))
    assert fields == {"Headline": "সমাবেশে হাজারো মানুষ 1", "Date Published": "2024-08-05 23:41:40"}


def test_paragraphs_a_scraper_took_twice_in_a_row_count_once():
    # A flattened record whose scraper wrote each paragraph twice: "A A B B C".
    last = "আয়োজকেরা জানান, আগামী সপ্তাহে আবারও সমাবেশ হবে। সেখানে আরও বেশি মানুষ আসবেন বলে আশা করছেন তাঁরা।"
    doubled = " ".join([BODY, BODY, BODY2, BODY2, last])
    said_twice = "না। না। " + " ".join([BODY, BODY2, last, "কেউ বললেন, না।"])  # a writer's short repeat stays
    corpus = load("export.json", json.dumps([record(1, **{"Article Body": doubled}),
                                              record(2, **{"Article Body": said_twice})], ensure_ascii=False).encode())
    articles = corpus.articles.set_index("article_id")
    first = articles.loc["export.json:item-0"]
    assert first["body"].split("\n") == [BODY, BODY2, last]
    lines = corpus.lines[corpus.lines["article_id"] == "export.json:item-0"].sort_values("n")
    assert list(lines["kind"].astype(str)) == ["body", "repeated_block", "body", "repeated_block", "body"]
    assert all(doubled[start:end] in (BODY, BODY2, last) for start, end in zip(lines["start"], lines["end"]))
    assert articles.loc["export.json:item-1", "body"] == said_twice  # one line, all of it text


def test_english_and_bengali_column_names_and_outlet_from_name_or_url():
    rows = [
        {"url": "https://www.jugantor.com/national/1", "paper_name": "Unknown", "headline": "শিরোনাম এক",
         "article": BODY, "author": "None", "publication_date": "2025-12-30T06:07:43+00:00",
         "modification_date": "2025-12-30T08:47:33+06:00"},
        {"url": "https://example.org/x", "paper_name": "Rising BD", "headline": "শিরোনাম দুই", "article": BODY,
         "author": "নিজস্ব প্রতিবেদক", "publication_date": "Unknown", "modification_date": None},
        {"url": "https://example.org/y", "paper_name": "Some Local Paper", "headline": "শিরোনাম তিন", "article": BODY,
         "author": None, "publication_date": None, "modification_date": None},
    ]
    corpus = load("news.json", json.dumps(rows, ensure_ascii=False).encode())
    a = corpus.articles.set_index("record")
    assert a.loc[0, "outlet"] == "jugantor" and a.loc[0, "outlet_basis"] == "domain of column url"
    assert a.loc[0, "published_iso"] == "2025-12-30T12:07"  # UTC converted to Dhaka
    assert a.loc[0, "updated_iso"] == "2025-12-30T08:47" and a.loc[0, "updated_basis"] == "column modification_date"
    assert a.loc[0, "url"] == "https://www.jugantor.com/national/1" and pd.isna(a.loc[0, "byline"])
    assert a.loc[1, "outlet"] == "risingbd" and a.loc[1, "outlet_basis"] == "column paper_name"
    assert pd.isna(a.loc[1, "published_iso"])  # "Unknown" is no date, and no date is invented
    assert a.loc[1, "byline"] == "নিজস্ব প্রতিবেদক"
    assert pd.isna(a.loc[2, "outlet"])
    bengali = csv_bytes([{"শিরোনাম": "বাংলা কলামের শিরোনাম", "তারিখ": "২৪ মার্চ ২০১৯, ১৬:৩৩", "বিস্তারিত": BODY}])
    row = load("bn.csv", bengali).articles.iloc[0]
    assert row["title"] == "বাংলা কলামের শিরোনাম" and row["published_iso"] == "2019-03-24T16:33"


@pytest.mark.parametrize("name", ["a.tsv", "a.jsonl", "a.ndjson", "a.csv.gz", "a.json.gz"])
def test_every_dataset_format_reads_the_same(name):
    rows = [record(1), record(2)]
    if ".tsv" in name:
        data = csv_bytes(rows, "\t")
    elif ".csv" in name:
        data = csv_bytes(rows)
    elif ".jsonl" in name or ".ndjson" in name:
        data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    else:
        data = json.dumps({"articles": rows}, ensure_ascii=False).encode()
    if name.endswith(".gz"):
        data = gzip.compress(data)
    corpus = load(name, data)
    assert corpus.errors.empty
    assert corpus.articles["title"].tolist() == ["সমাবেশে হাজারো মানুষ 1", "সমাবেশে হাজারো মানুষ 2"]
    assert corpus.articles["published_iso"].tolist() == ["2024-08-05T23:41"] * 2


def test_bad_records_are_errors_naming_the_record_and_the_rest_loads():
    good = csv_bytes([record(1)]).decode()
    text = good + 'a,b\n' + "\n".join(good.splitlines()[1:]).replace("1", "3") + "\n"
    data = text.encode() + "সমাবেশে,2024-08-05,".encode() + b"\xff\xfe broken bytes\n"
    corpus = load("mixed.csv", data)
    assert corpus.articles["article_id"].tolist() == ["mixed.csv:row-1", "mixed.csv:row-3"]
    errors = errors_of(corpus)
    assert errors["mixed.csv:row-2"] == "row 2 has 2 fields; the header has 3"
    assert errors["mixed.csv:row-4"] == "row 4 is not valid UTF-8 text"
    assert corpus.errors.set_index("article_id").loc["mixed.csv:row-2", "record"] == 2

    lines = [json.dumps(record(1), ensure_ascii=False), "{not json", "[1, 2]", json.dumps({"Headline": "", "Article Body": ""})]
    corpus = load("feed.jsonl", "\n".join(lines).encode())
    assert corpus.articles["record"].tolist() == [1]
    errors = errors_of(corpus)
    assert errors["feed.jsonl:line-2"].startswith("line 2 is not valid JSON")
    assert errors["feed.jsonl:line-3"] == "line 3 is a JSON list, not an object with fields"
    assert errors["feed.jsonl:line-4"] == "line 4 has neither a headline nor a body"


def test_camel_case_columns_of_a_feed_scrapers_json_and_rss_dates():
    rows = [{"newsTitle": "শিরোনাম এক", "articleBody": BODY, "pubDate": "Mon, 05 Aug 2024 17:41:40 +0000",
             "dateModified": "2024-08-06T09:00:00+06:00", "link": "https://www.jugantor.com/national/1"}]
    a = load("feed.json", json.dumps(rows, ensure_ascii=False).encode()).articles.iloc[0]
    assert a["title"] == "শিরোনাম এক" and a["title_basis"] == "column newsTitle"
    assert a["published_iso"] == "2024-08-05T23:41" and a["published_basis"] == "column pubDate"
    assert a["updated_iso"] == "2024-08-06T09:00" and a["outlet"] == "jugantor"
    assert BODY in a["body"]


def test_columns_found_by_a_word_in_their_names_and_unix_times():
    # The Kaggle export of Prothom Alo names its date "published_date"; other scrapers "news_content",
    # "publish_time", "domain"; a database dump gives Unix time. A fetch time is not a publication time.
    rows = [{"news_id": 7, "news_headline": "শিরোনাম এক", "news_content": BODY, "scraped_at": "2024-09-01 08:00:00",
             "publish_time": 1722879700, "last_modified_ms": "1722966100000", "domain": "www.kalerkantho.com"},
            {"news_id": 8, "news_headline": "শিরোনাম দুই", "news_content": BODY, "scraped_at": "2024-09-01 08:00:00",
             "publish_time": 99, "last_modified_ms": None, "domain": "www.kalerkantho.com"}]
    articles = load("db.json", json.dumps(rows, ensure_ascii=False).encode()).articles
    first = articles.iloc[0]
    assert (first["title"], first["title_basis"]) == ("শিরোনাম এক", "column news_headline")
    assert (first["published_iso"], first["published_basis"]) == ("2024-08-05T23:41", "column publish_time (Unix time)")
    assert first["updated_iso"] == "2024-08-06T23:41" and first["outlet"] == "kalerkantho"
    assert BODY in first["body"]
    assert pd.isna(articles.iloc[1]["published_iso"])  # 99 seconds after 1970 is no news page's time
    kaggle = {"author": "নিজস্ব প্রতিবেদক", "published_date": "2017-07-26 17:30:00",
              "modification_date": "2017-07-26 18:10:00", "comment_count": 0, "title": "শিরোনাম", "content": BODY}
    a = load("kaggle.jsonl", json.dumps(kaggle, ensure_ascii=False).encode()).articles.iloc[0]
    assert (a["published_iso"], a["updated_iso"]) == ("2017-07-26T17:30", "2017-07-26T18:10")


def test_records_inside_an_api_envelope_and_a_lone_record_with_tags():
    one = {"title": "শিরোনাম এক", "content": BODY, "tags": ["রাজনীতি", "ঢাকা"]}
    envelope = {"status": "ok", "total": 2, "data": {"items": [one, {**one, "title": "শিরোনাম দুই"}]}}
    assert load("api.json", json.dumps(envelope, ensure_ascii=False).encode()).articles["title"].tolist() == [
        "শিরোনাম এক", "শিরোনাম দুই"]
    lone = load("one.json", json.dumps(one, ensure_ascii=False).encode())  # its tags are no records
    assert lone.articles["title"].tolist() == ["শিরোনাম এক"] and lone.errors.empty


def test_a_text_kept_as_a_list_of_paragraphs_reads_one_paragraph_per_line_and_tags_stay_one_line():
    one = {"title": "শিরোনাম এক", "content": [BODY, BODY2], "tags": ["রাজনীতি", "ঢাকা"]}
    article = load("paras.json", json.dumps([one], ensure_ascii=False).encode()).articles.iloc[0]
    assert article["body"] == f"{BODY}\n{BODY2}"
    assert dict(json.loads(article["fields"]))["tags"] == "রাজনীতি, ঢাকা"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.json", b"[]", "holds no records"),
    ("envelope.json", b'{"articles": []}', "holds no records"),
    ("header.csv", "শিরোনাম,বিস্তারিত\n".encode(), "holds no records (a header without rows)"),
])
def test_a_dataset_without_records_is_an_error_row(name, data, reason):
    assert errors_of(load(name, data)) == {name: reason}


def test_missing_body_column_and_broken_files_say_why():
    corpus = load("meta.csv", csv_bytes([{"Headline": "x", "Date": "2024-01-01"}]))
    assert corpus.articles.empty
    (message,) = corpus.errors["error"]
    assert message.startswith("no article body column among 'Headline', 'Date'") and "--map body=" in message
    assert errors_of(load("bad.json", b'[{"Headline": "x",'))["bad.json"].startswith("not valid JSON (line 1")
    assert errors_of(load("x.csv.gz", b"not gzip at all"))["x.csv.gz"].startswith("not a readable .gz file")
    assert errors_of(load("empty.csv", b""))["empty.csv"] == "empty file"
    assert errors_of(load("notes.xml", b"<x/>"))["notes.xml"].startswith("unsupported file type .xml")


def test_mapping_names_columns_and_a_wrong_mapping_is_an_error():
    rows = [{"Heading Text": "নিজের শিরোনাম", "Story": BODY, "Date": "2024-02-01 10:00", "Notes": BODY2}]
    options = ReadOptions.parse("title=Heading Text, body=Notes")
    article = load("custom.csv", csv_bytes(rows), options).articles.iloc[0]
    assert article["title"] == "নিজের শিরোনাম" and article["body"] == BODY2
    assert article["published_iso"] == "2024-02-01T10:00"  # the roles not mapped are still found by name
    wrong = load("custom.csv", csv_bytes(rows), ReadOptions.parse("body=Text"))
    assert "no column named 'Text' for body" in wrong.errors.loc[0, "error"]
    with pytest.raises(ValueError, match="bad --map entry"):
        ReadOptions.parse("colour=Story")


def test_time_zone_of_dates_without_one():
    rows = [record(1, **{"Date Published": "2024-08-05 10:00:00"}), record(2, **{"Date Published": "2024-08-05T10:00:00+06:00"})]
    utc = load("utc.csv", csv_bytes(rows), ReadOptions.parse(zone="UTC")).articles
    assert utc["published_iso"].tolist() == ["2024-08-05T16:00", "2024-08-05T10:00"]  # an explicit offset wins
    with pytest.raises(ValueError, match="unknown time zone"):
        ReadOptions.parse(zone="Mars/Olympus")


def test_an_indian_outlets_times_without_an_offset_are_india_time_unless_the_user_names_a_zone():
    rows = [record(1, **{"Outlet": "আনন্দবাজার পত্রিকা", "Date Published": "2024-08-05 23:45:00"}),
            record(2, **{"Outlet": "আনন্দবাজার পত্রিকা", "Date Published": "2024-08-05T10:00:00+05:30"}),
            record(3, **{"Outlet": "প্রথম আলো", "Date Published": "2024-08-05 23:45:00"})]
    articles = load("export.csv", csv_bytes(rows)).articles
    assert articles["published_iso"].tolist() == ["2024-08-06T00:15", "2024-08-05T10:30", "2024-08-05T23:45"]
    assert "the outlet's time" in articles["published_basis"][0] and articles["published_basis"][2] == "column Date Published"
    utc = load("export.csv", csv_bytes(rows), ReadOptions.parse(zone="UTC")).articles
    assert utc["published_iso"].tolist()[0] == "2024-08-06T05:45"  # the user's zone wins


def test_archives_of_mixed_formats_and_a_broken_member(tmp_path):
    page = f"ঢাকায় সমাবেশ\n\nপ্রকাশ: ২৪ মার্চ ২০১৯, ১৬:৩৩\n\n{BODY}\n".encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("dump.txt", page)
        archive.writestr("data/export.csv", csv_bytes([record(1), record(2)]))
        archive.writestr("skip.png", b"\x89PNG")
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("inner/feed.jsonl")
        content = json.dumps(record(7), ensure_ascii=False).encode()
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    (tmp_path / "bundle.zip").write_bytes(buffer.getvalue())
    (tmp_path / "more.tar.gz").write_bytes(tar_buffer.getvalue())
    # a zip whose member's bytes are damaged after the header (CRC check fails)
    broken = bytearray(buffer.getvalue())
    start = broken.index(b"dump.txt") + len(b"dump.txt")
    broken[start + 5] ^= 0xFF
    (tmp_path / "broken.zip").write_bytes(bytes(broken))
    corpus = load_corpus([tmp_path], entities=False)
    ids = set(corpus.articles["article_id"])
    assert {"bundle.zip/dump.txt", "bundle.zip/data/export.csv:row-1", "bundle.zip/data/export.csv:row-2",
            "more.tar.gz/inner/feed.jsonl:line-1", "broken.zip/data/export.csv:row-1"} <= ids
    assert errors_of(corpus)["broken.zip/dump.txt"].startswith("cannot unpack from the archive")
    kinds = corpus.articles.set_index("article_id")["input_kind"]
    assert kinds["bundle.zip/dump.txt"] == "dump" and kinds["more.tar.gz/inner/feed.jsonl:line-1"] == "record"
    assert errors_of(load("fake.tar.gz", b"\x1f\x8b garbage"))["fake.tar.gz"].startswith("not a readable tar archive")


def test_records_of_one_file_are_one_site_and_repeated_furniture_is_relabelled():
    footer = "আমাদের হোয়াটসঅ্যাপ চ্যানেলে যুক্ত হতে এখানে ক্লিক করুন"
    rows = [{"Headline": f"শিরোনাম {n}", "Article Body": f"{BODY} {n}\n{footer}\n{BODY2}"} for n in range(4)]
    corpus = load("bbc.csv", csv_bytes(rows))
    assert corpus.articles["fingerprint"].nunique() == 1
    footers = corpus.lines[corpus.lines["text"] == footer]
    assert len(footers) == 4 and (footers["kind"].astype(str) != "body").all()
    assert not corpus.articles["body"].str.contains(footer).any()


def test_dataset_columns_for_the_upload_panel():
    assert dataset_columns("a.csv", csv_bytes([record(1)])) == ["Headline", "Date Published", "Article Body"]
    assert dataset_columns("a.jsonl.gz", gzip.compress(b'{"x": 1}\n{"y": 2}')) == ["x", "y"]
    assert dataset_columns("a.txt", b"plain") == []


def test_cli_prints_one_record_per_row_with_its_number(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([record(1), record(2)]))
    result = subprocess.run([sys.executable, "-m", "loaders", "--jsonl", "--no-cache", "--no-entities", str(path)],
                            cwd=PROJECT, capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["record"] for r in records] == [1, 2]
    assert records[0]["title_basis"] == "column Headline" and records[0]["file"] == "export.csv:row-1"
    dump = subprocess.run([sys.executable, "-m", "loaders", "--jsonl", "--no-cache", "--no-entities",
                           str(PROJECT / "data" / "sample")], cwd=PROJECT, capture_output=True, text=True, check=True)
    first_dump = json.loads(dump.stdout.splitlines()[0])
    assert set(records[0]) == set(first_dump) | {"record"}


def test_real_csvs_load_every_row_with_its_headline_and_date():
    figures = csv_agreement(shared_path(REAL / "csv"))
    assert figures["rows"] == figures["loaded"] == 2190 and figures["errors"] == 0
    assert figures["titles_equal"] == figures["headlines"]
    assert figures["published_equal"] >= 0.99 * figures["dated"]


def test_real_json_records_load_with_known_outlets():
    figures = json_agreement(shared_path(REAL / "bd-newspapers-2025.json"))
    assert figures["records"] == figures["loaded"] == 647 and figures["errors"] == 0
    assert figures["titles_equal"] == figures["headlines"]
    assert figures["outlets_right"] == figures["known_outlets"] == 647


def test_bengali_mojibake_is_repaired_in_dumps_datasets_and_pages():
    headline = "সমাবেশে হাজারো মানুষ"

    def garbled(text: str) -> str:  # UTF-8 read as Latin-1 and saved again, as an Excel round trip leaves it
        return text.encode("utf-8").decode("latin-1")

    dump = load("dump.txt", garbled(f"{headline}\n{BODY}\n{BODY2}").encode("utf-8")).articles.iloc[0]
    assert dump["title"] == headline and dump["encoding"] == "utf-8, mojibake repaired"
    table = load("table.csv", csv_bytes([{"Headline": garbled(headline), "Article Body": garbled(BODY)}]))
    assert table.articles["title"].tolist() == [headline] and BODY in table.articles["body"].iloc[0]
    # A page saved as UTF-8 under the charset its template declares reads as UTF-8, not as an error.
    page = f'<html><head><meta charset="windows-1252"></head><body><h1>{headline}</h1><p>{BODY}</p><p>{BODY2}</p></body></html>'
    read = load("page.html", page.encode("utf-8")).articles.iloc[0]
    assert read["title"] == headline and read["encoding"] == "utf-8 (the page says windows-1252)"
    clean = load("clean.txt", f"{headline}\n{BODY}\n{BODY2}".encode("utf-8")).articles.iloc[0]
    assert clean["encoding"] == "utf-8"  # nothing to repair, nothing said
