"""Stories (loaders/stories.py): events, not topics; the stage's tables in the cache and the CLI."""
from __future__ import annotations

import pandas as pd

from loaders import parse_documents, read_paths
from loaders.__main__ import main
from loaders.stories import find_stories, republished

from .conftest import SAMPLE_DIR
from .reuse_factory import synthetic_tables


def _articles(rows: list[tuple[str, str, str, list[str]]]) -> pd.DataFrame:
    """(id, title, published, entities) rows as an articles table."""
    return pd.DataFrame([{"article_id": a, "page_kind": "article", "title": t, "body": "", "outlet": f"o{i}",
                          "fingerprint": f"f{i}", "published": pd.Timestamp(p, tz="Asia/Dhaka") if p else pd.NaT,
                          "entities": e} for i, (a, t, p, e) in enumerate(rows)])


NO_REUSE = pd.DataFrame(columns=["article_id", "source_id"])


def test_one_event_across_outlets_is_one_story_and_the_same_topic_later_is_another():
    articles = _articles([
        ("a", "মিরপুরে পোশাক কারখানায় আগুন, আহত পাঁচ শ্রমিক", "2024-05-05 11:00", ["mirpur"]),
        ("b", "মিরপুরের পোশাক কারখানায় আগুনে আহত পাঁচ", "2024-05-06 09:00", ["mirpur"]),
        ("c", "মিরপুরে পোশাক কারখানায় আগুন, আহত তিন শ্রমিক", "2024-09-20 10:00", ["mirpur"]),
        ("d", "সিলেটে টানা বৃষ্টিতে নগরী প্লাবিত", "2024-05-05 12:00", ["sylhet"]),
        ("e", "কারখানায় আগুন নিয়ে পুরোনো প্রতিবেদন", None, []),
    ])
    stories, table, _ = find_stories(articles, NO_REUSE)
    story = dict(zip(stories["article_id"], stories["story_id"]))
    assert story["a"] == story["b"]
    assert len({story["a"], story["c"], story["d"], story["e"]}) == 4
    first = table.set_index("story_id").loc[story["a"]]
    assert (first["n_articles"], first["n_outlets"], first["label"]) == (2, 2, "মিরপুরে পোশাক কারখানায় আগুন, আহত পাঁচ শ্রমিক")
    assert first["first_published"] == pd.Timestamp("2024-05-05 11:00", tz="Asia/Dhaka")
    # Text shared joins the undated article to its story, however far apart.
    stories, _, _ = find_stories(articles, pd.DataFrame({"article_id": ["e"], "source_id": ["c"]}))
    story = dict(zip(stories["article_id"], stories["story_id"]))
    assert story["e"] == story["c"] != story["a"]


def test_the_five_seeds_are_one_topic_and_five_stories(sample_corpus):
    assert len(sample_corpus.stories) == 5
    assert sample_corpus.stories["story_id"].nunique() == 5
    assert sample_corpus.story_table["n_articles"].tolist() == [1] * 5


def test_the_stage_is_cached_and_incremental(tmp_path):
    sources = list(read_paths([SAMPLE_DIR]))
    extra = [(f"again-{s.article_id}", s.path, s.data + b"\n\n") for s in sources[:2]]  # two pages printed twice
    first = parse_documents(sources, cache_dir=tmp_path, entities=False)
    assert first.reuse.empty
    grown = parse_documents(sources + extra, cache_dir=tmp_path, entities=False)
    fresh = parse_documents(sources + extra, entities=False)
    snapshot = parse_documents(sources + extra, cache_dir=tmp_path, entities=False)
    for name in ("reuse", "stories", "story_table"):
        pd.testing.assert_frame_equal(getattr(grown, name), getattr(fresh, name))
        pd.testing.assert_frame_equal(getattr(snapshot, name).reset_index(drop=True), getattr(fresh, name),
                                      check_dtype=False)
    assert set(map(frozenset, zip(grown.reuse["article_id"], grown.reuse["source_id"]))) == {
        frozenset((s.article_id, f"again-{s.article_id}")) for s in sources[:2]}


def test_added_articles_are_linked_alone_and_the_tables_match_a_run_from_scratch():
    articles, lines, _ = synthetic_tables(2_100, seed=3)
    first = articles["article_id"].isin(articles["article_id"][:2_000])
    stage = republished(articles[first], lines[lines["article_id"].isin(articles["article_id"][first])])
    grown = republished(articles, lines, stage.index)
    fresh = republished(articles, lines)
    assert len(fresh.index.stories.links) > 50  # the retold events are linked, so the comparison means something
    assert len(grown.index.stories.links) == len(fresh.index.stories.links)
    for name in ("reuse", "stories", "story_table"):
        pd.testing.assert_frame_equal(getattr(grown, name), getattr(fresh, name))
    too_many = republished(articles, lines, republished(articles[:1_500], lines).index)  # 29% new: all compared again
    pd.testing.assert_frame_equal(too_many.story_table, fresh.story_table)


def test_the_cli_writes_the_stage_tables(tmp_path):
    assert main(["--no-cache", "--no-entities", "--parquet", str(tmp_path), str(SAMPLE_DIR)]) == 0
    assert pd.read_parquet(tmp_path / "reuse.parquet").columns.tolist() == ["article_id", "source_id", "shared", "passages", "basis"]
    assert len(pd.read_parquet(tmp_path / "stories.parquet")) == 5
    assert pd.read_parquet(tmp_path / "story_table.parquet").columns.tolist() == [
        "story_id", "label", "first_published", "n_articles", "n_outlets", "outlets"]


def test_the_index_of_a_corpus_whose_pages_had_no_comparable_body_is_not_used_for_another(tmp_path):
    """Eight copies of one page make all its lines site furniture, so none of them has a body to
    compare; the next corpus, without those copies, must not inherit their line counts."""
    from loaders import load_corpus, parse_article

    seed_name = "004_ba2a176cc4aaac8d.txt"
    page = (SAMPLE_DIR / seed_name).read_text(encoding="utf-8")
    copies, other = tmp_path / "copies", tmp_path / "other"
    copies.mkdir()
    other.mkdir()
    (copies / seed_name).write_text(page, encoding="utf-8")
    for k in range(1, 8):
        (copies / f"again-{k}.txt").write_text(page + "\n" * k, encoding="utf-8")
    (other / seed_name).write_text(page, encoding="utf-8")
    body = "\n\n".join(line.text for line in parse_article(page, seed_name).body_lines)
    (other / "bare.txt").write_text(body, encoding="utf-8")  # the same text with no page around it

    load_corpus([copies], cache_dir=tmp_path / "cache")
    after = load_corpus([other], cache_dir=tmp_path / "cache").reuse
    fresh = load_corpus([other], cache_dir=tmp_path / "fresh").reuse
    assert len(fresh) == 1
    pd.testing.assert_frame_equal(after, fresh)
