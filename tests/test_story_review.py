"""The 50 largest stories of every real export, read by a Bengali reader (tests/story_review.csv):
at least 90% of them must be one event. A story whose articles differ from the ones read counts as mixed."""
from __future__ import annotations

from loaders import load_corpus

from .conftest import SHARED, shared_path
from .story_review import CORPORA, TOP, largest, members_key, reviews

SHARE = 0.9


def test_the_largest_stories_are_events():
    known = reviews()
    one_event = {}
    for name, path in CORPORA.items():
        corpus = load_corpus([shared_path(SHARED / "corpus" / path)])
        verdicts = [known.get((name, members_key(members["article_id"])), {}).get("verdict")
                    for _, members in largest(corpus)]
        assert len(verdicts) == TOP
        one_event[name] = verdicts.count("one_event")
    assert sum(one_event.values()) >= SHARE * TOP * len(CORPORA), one_event
