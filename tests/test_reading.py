"""Bad input becomes a per-file error with a plain reason; everything else still loads."""
from __future__ import annotations

import codecs

import pytest

from loaders import load_corpus, parse_documents
from loaders.reading import MAX_BYTES, UnreadableFile, decode

from .conftest import page

GOOD = page("একটি শিরোনাম এখানে", "", "প্রকাশ: ২৪ মার্চ ২০১৯, ১৬:৩৩", "", "এটি খবরের প্রথম অনুচ্ছেদ, যা একটি পূর্ণ বাক্য দিয়ে শেষ হয়।")


def document(name: str, data: bytes) -> tuple[str, str, bytes]:
    return (name, f"/corpus/{name}", data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("খবর".encode("utf-8")[:-1] + b"\xff tail", "not UTF-8"),
        ("বাংলা খবর".encode("cp1252", errors="ignore") + b"\xe0\xa6", "not UTF-8"),
        (b"<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body></html>", "HTML"),
        (b"<div><p>a</p><p>b</p><span>c</span><a href=x>d</a></div>", "HTML"),
        (b"a" * (MAX_BYTES + 1), "limit is 5 MB"),
    ],
)
def test_refused_files_say_why(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode(data)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GOOD.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GOOD.encode("utf-8"), "utf-8-sig"),
        (GOOD.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), "utf-16"),
    ],
)
def test_accepted_encodings_give_the_same_article(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == GOOD
    corpus = parse_documents([document("a.txt", data)])
    assert corpus.articles.loc[0, "title"] == "একটি শিরোনাম এখানে"
    assert corpus.articles.loc[0, "published_iso"] == "2019-03-24T16:33"


def test_one_bad_file_loses_nothing_else(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "also-good.txt").write_text(GOOD + "\n", encoding="utf-16")
    (tmp_path / "notes.md").write_text("ignored: not a .txt file")
    corpus = load_corpus([tmp_path])
    assert sorted(corpus.articles["article_id"]) == ["good.txt", "nested/also-good.txt"]
    errors = dict(zip(corpus.errors["article_id"], corpus.errors["error"]))
    assert errors == {"empty.txt": "empty file", "image.txt": "binary file, not text (it contains NUL bytes)"}


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    corpus = load_corpus([tmp_path / "nope.txt"])
    assert corpus.articles.empty
    assert "cannot open" in corpus.errors.loc[0, "error"]


def test_zip_members_become_documents():
    import io
    import zipfile

    from loaders import sources_from_bytes

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pages/a.txt", GOOD)
        archive.writestr("pages/b.txt", b"")
        archive.writestr("pages/readme.md", "not an article")
    docs = sources_from_bytes("upload.zip", "upload.zip", buffer.getvalue())
    assert [d.article_id for d in docs] == ["upload.zip/pages/a.txt", "upload.zip/pages/b.txt"]
    corpus = parse_documents(docs)
    assert corpus.articles["article_id"].tolist() == ["upload.zip/pages/a.txt"]
    assert corpus.errors["error"].tolist() == ["empty file"]
    broken = sources_from_bytes("bad.zip", "bad.zip", b"PK\x03\x04 not really")
    assert isinstance(broken[0].data, UnreadableFile) and "zip" in str(broken[0].data)


CHALLENGE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<script>window._cf_chl_opt = {cType: 'managed'};</script></head><body>
<div class="main-wrapper"><h1 class="zone-name-title">www.example-news.com.bd</h1>
<h2>Performing security verification</h2>
<p>This website uses a security service to protect against malicious bots. This page is displayed while
the website verifies you are not a bot.</p>
<div class="footer">Ray ID: 8f2a1b3c4d5e6f70 Performance and Security by Cloudflare Privacy</div></div></body></html>"""
BLOCKED_DUMP = "Attention Required! | Cloudflare\n\nSorry, you have been blocked\n\nYou are unable to access example.com"


def test_a_bot_check_saved_instead_of_the_page_is_an_error_row(tmp_path):
    (tmp_path / "story.html").write_bytes(CHALLENGE)
    (tmp_path / "blocked.txt").write_text(BLOCKED_DUMP, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    quoted = GOOD + "\n\n" + "\n\n".join(  # an article quoting such a phrase is long, and stays an article
        ["ওয়েবসাইটে ঢুকতে গেলে লেখা আসে 'Verifying you are human', এরপর অনেক পাঠক আর অপেক্ষা করেন না।"] * 20)
    (tmp_path / "quoted.txt").write_text(quoted, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert sorted(corpus.articles["article_id"]) == ["good.txt", "quoted.txt"]
    errors = dict(zip(corpus.errors["article_id"], corpus.errors["error"]))
    assert errors.keys() == {"story.html", "blocked.txt"}
    assert '("Performing security verification")' in errors["story.html"] and "bot check" in errors["blocked.txt"]


NOT_FOUND = "\n".join(["হোম", "জাতীয়", "রাজনীতি", "খেলা", "", "৪০৪", "", "দুঃখিত! আপনি যে পাতাটি খুঁজছেন তা পাওয়া যায়নি।",
                       "", "প্রচ্ছদে ফিরে যান", "", "সর্বশেষ"]
                      + [f"সর্বশেষ খবরের শিরোনাম নম্বর {i} এখানে দেখা যাবে" for i in range(20)] + ["© ২০২৫ দৈনিক নতুন খবর"])


def test_a_sites_not_found_page_is_an_error_row_and_an_article_quoting_it_is_not(tmp_path):
    (tmp_path / "gone.txt").write_text(NOT_FOUND, encoding="utf-8")
    (tmp_path / "gone.html").write_text(f"<html><body><h1>পেজটি খুঁজে পাওয়া যায়নি</h1><ul>"
                                        + "".join(f"<li><a href=/{i}>সর্বশেষ খবর {i}</a></li>" for i in range(30))
                                        + "</ul></body></html>", encoding="utf-8")
    story = GOOD + "\n\n" + ("সাইটে খবরটি খোঁজার পর পাঠকেরা দেখেন, 'পেজটি খুঁজে পাওয়া যায়নি'। এ নিয়ে সমালোচনার মুখে "
                              "প্রতিষ্ঠানটি জানায়, কারিগরি ত্রুটির কারণে কয়েকটি পুরোনো খবরের ঠিকানা বদলে গেছে এবং "
                              "শিগগিরই সেগুলো আবার পাওয়া যাবে বলে আশা করা হচ্ছে।")
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert list(corpus.articles["article_id"]) == ["story.txt"]
    errors = dict(zip(corpus.errors["article_id"], corpus.errors["error"]))
    assert errors.keys() == {"gone.txt", "gone.html"} and all('"not found" page' in e for e in errors.values())
