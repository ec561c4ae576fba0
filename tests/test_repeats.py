"""The cross-page pass that relabels a site's repeated template lines, on small hand-made tables."""
from __future__ import annotations

import pandas as pd

from loaders.repeats import relabel_repeated_lines

PROMO = "আমাদের হোয়াটসঅ্যাপ চ্যানেল ফলো করুন"


def tables(pages: int, outlet: str = "samakal") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``pages`` pages of one outlet: a title, two lines of their own, and the same promo line."""
    articles, lines = [], []
    for i in range(pages):
        article_id = f"p{i}.txt"
        texts = [(f"শিরোনাম {i}", "title"), (f"প্রথম অনুচ্ছেদ {i}।", "body"), (PROMO, "body"), (f"শেষ অনুচ্ছেদ {i}।", "body")]
        for n, (text, kind) in enumerate(texts):
            lines.append({"article_id": article_id, "n": n, "kind": kind, "text": text, "reason": "page pass"})
        body = [text for text, kind in texts if kind == "body"]
        articles.append({"article_id": article_id, "outlet": outlet, "fingerprint": "f1", "label": f"শিরোনাম {i}",
                         "body": "\n".join(body), "n_body_lines": 3, "n_boilerplate_lines": 0,
                         "boilerplate_share": 0.0, "body_lines": [1, 2, 3]})
    lines = pd.DataFrame(lines).astype({"kind": "category", "text": "str", "article_id": "str"})
    return pd.DataFrame(articles).astype({"article_id": "str"}), lines


def test_a_line_on_three_pages_of_a_site_is_template_and_the_bodies_are_recounted():
    articles, lines = tables(3)
    before = lines.copy(), articles.copy()
    new_articles, new_lines = relabel_repeated_lines(articles, lines)
    promo = new_lines[new_lines["text"] == PROMO]
    assert promo["kind"].astype(str).eq("widget").all()
    assert promo["reason"].eq("printed on 3 pages of this site").all()
    assert new_lines.loc[new_lines["text"] != PROMO, "kind"].astype(str).tolist() == ["title", "body", "body"] * 3
    first = new_articles.iloc[0]
    assert first["body"] == "প্রথম অনুচ্ছেদ 0।\nশেষ অনুচ্ছেদ 0।"
    assert (first["n_body_lines"], first["n_boilerplate_lines"], list(first["body_lines"])) == (2, 1, [1, 3])
    assert first["boilerplate_share"] == 0.25
    pd.testing.assert_frame_equal(lines, before[0])
    pd.testing.assert_frame_equal(articles, before[1])


def test_two_pages_or_two_sites_are_not_enough():
    _, new_lines = relabel_repeated_lines(*tables(2))
    assert new_lines.loc[new_lines["text"] == PROMO, "kind"].astype(str).eq("body").all()
    one, lines_one = tables(2, outlet="samakal")
    other, lines_other = tables(1, outlet="jugantor")
    other = other.assign(article_id="q0.txt", label="অন্য শিরোনাম")
    lines_other = lines_other.assign(article_id="q0.txt")
    _, new_lines = relabel_repeated_lines(pd.concat([one, other], ignore_index=True),
                                          pd.concat([lines_one, lines_other], ignore_index=True))
    assert new_lines.loc[new_lines["text"] == PROMO, "kind"].astype(str).eq("body").all()
