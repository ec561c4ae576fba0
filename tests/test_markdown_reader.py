"""Markdown dumps (reader services, crawlers) read as the page a browser shows, not as markup."""
from __future__ import annotations

from loaders import parse_documents, sources_from_bytes

PARAGRAPHS = [
    "ঢাকা শহরের যানজট নিরসনে নতুন পরিকল্পনা হাতে নিয়েছে সরকার। রোববার সচিবালয়ে এক বৈঠকে এ সিদ্ধান্ত নেওয়া হয় বলে "
    "জানিয়েছেন সংশ্লিষ্ট কর্মকর্তারা।",
    "বৈঠকে উপস্থিত ছিলেন সড়ক পরিবহন ও সেতু মন্ত্রণালয়ের সচিব এবং পুলিশের ঊর্ধ্বতন কর্মকর্তারা। তাঁরা বলেন, আগামী মাস থেকে "
    "পরীক্ষামূলকভাবে কয়েকটি সড়কে নতুন ব্যবস্থা চালু হবে।",
    "কর্মকর্তারা জানান, প্রথম ধাপে মিরপুর, ফার্মগেট ও মতিঝিল এলাকায় বাস থামার নির্দিষ্ট স্থান চিহ্নিত করা হবে। পরে "
    "পর্যায়ক্রমে পুরো শহরে এ ব্যবস্থা ছড়িয়ে দেওয়া হবে।",
]
TITLE = "যানজট কমাতে নতুন পরিকল্পনা নিল সরকার"
MARKDOWN = f"""[![দৈনিক নতুন আলো](https://example.com/logo.png)](https://www.example.com/)

* [হোম](https://www.example.com/)
* [জাতীয়](https://www.example.com/national)
* [রাজনীতি](https://www.example.com/politics)

# {TITLE}

**নিজস্ব প্রতিবেদক**

প্রকাশ: ০৭ ডিসেম্বর ২০২৫, ১৬:৩০

![ফাইল ছবি](https://example.com/a.jpg)

{PARAGRAPHS[0]}

{PARAGRAPHS[1]}

**আরও পড়ুন:** [মেট্রোরেলের সময়সূচি বদলাল](https://www.example.com/national/123)

{PARAGRAPHS[2]}

## সম্পর্কিত খবর

* [বাসভাড়া বাড়ানোর প্রস্তাব](https://www.example.com/national/124)
* [রাজধানীতে নতুন ফ্লাইওভার চালু](https://www.example.com/national/125)
"""


def load(name: str, data: bytes):
    return parse_documents(sources_from_bytes(name, name, data), entities=False)


def test_a_markdown_dump_gives_its_headline_byline_and_text_without_the_markup():
    for name in ("page.md", "page.txt"):  # a .txt of Markdown is known by its markup
        corpus = load(name, MARKDOWN.encode())
        article = corpus.articles.iloc[0]
        assert article["input_kind"] == "markdown", name
        assert (article["title"], article["byline"]) == (TITLE, "নিজস্ব প্রতিবেদক")
        assert article["published_iso"] == "2025-12-07T16:30"
        assert article["body"].split("\n") == PARAGRAPHS
        assert "](" not in article["source"] and "**" not in article["source"]


def test_a_reader_services_header_states_the_title_address_and_publish_time():
    jina = (f"Title: {TITLE} | প্রথম আলো\nURL Source: https://www.prothomalo.com/bangladesh/abc\n"
            f"Published Time: 2025-12-07T10:30:00+00:00\nMarkdown Content:\n# {TITLE}\n\n" + "\n\n".join(PARAGRAPHS))
    article = load("jina.txt", jina.encode()).articles.iloc[0]
    assert (article["input_kind"], article["title"]) == ("markdown", TITLE)
    assert (article["outlet"], article["outlet_basis"]) == ("prothomalo", "domain of the URL Source: header")
    assert (article["published_iso"], article["published_basis"]) == ("2025-12-07T16:30", "Published Time: header")
    assert article["url"] == "https://www.prothomalo.com/bangladesh/abc"


def test_a_plain_dump_with_a_hashtag_and_an_address_stays_a_plain_dump():
    plain = "\n".join([TITLE, "#ঢাকা #যানজট", *PARAGRAPHS, "বিস্তারিত: https://www.example.com/national/123"])
    assert load("plain.txt", plain.encode()).articles.iloc[0]["input_kind"] == "dump"


def test_a_folders_own_notes_in_markdown_are_no_pages_of_it(tmp_path):
    from loaders import read_paths

    (tmp_path / "page.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "README.md").write_text("# The corpus\n\nScraped in December from [the site](https://example.com).\n")
    (tmp_path / "sources.md").write_text("See ../README.md for where each file came from.\n")
    assert [source.article_id for source in read_paths([tmp_path])] == ["page.md"]
    assert [source.kind for source in read_paths([tmp_path / "README.md"])] == ["markdown"]  # named: read


def test_an_archives_own_notes_are_no_pages_of_it_either():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("crawl/page.md", MARKDOWN)
        archive.writestr("crawl/README.md", "# The crawl\n\nPages from [the site](https://example.com), December.\n")
    sources = sources_from_bytes("crawl.zip", "crawl.zip", buffer.getvalue())
    assert [(source.article_id, source.kind) for source in sources] == [("crawl.zip/crawl/page.md", "markdown")]
