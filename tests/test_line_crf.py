"""The line-CRF experiment (:mod:`tests.line_crf`) reads a harness page's gold into line labels faithfully."""
from tests.harness import generate
from tests.line_crf import gold_labels, harness_pages, page_features


def test_labels_and_features_follow_the_gold():
    pages = harness_pages(generate(45))
    article = next(p for p in pages if p.gold["page_kind"] == "article" and p.gold["title_line"])
    labels = gold_labels(article)
    assert [f.n for f, label in zip(article.lines, labels) if label == "body"] == article.gold["body_lines"]
    titles = [f.text for f, label in zip(article.lines, labels) if label == "title"]
    assert titles == [article.gold["title"].strip()]
    listing = next(p for p in pages if p.gold["page_kind"] != "article")
    assert set(gold_labels(listing)) == {"other"}
    feats = page_features(pages)
    assert all(len(feats[p.page_id]) == len(p.lines) for p in pages)
    assert any(f.startswith("site_share=") for f in feats[article.page_id][0])
