"""Entity mentions in HTML (components/entity_view.py): body mentions of one article, hover titles, type tints."""
from __future__ import annotations

import re

import pandas as pd

from components import article_view, entity_view

from .html_checks import assert_inert


def test_mention_spans_reads_body_mentions_of_one_article():
    mentions = pd.DataFrame({"article_id": ["a", "a", "b", "a"], "entity_id": ["p", "k", "p", "x"],
                             "start": [1, 5, 1, 9], "end": [3, 8, 3, 12], "in_body": [True, False, True, True],
                             "type": ["PER", "PER", "PER", "ORG"]})
    entities = pd.DataFrame({"entity_id": ["p", "k"], "name_bn": ["ভ্লাদিমির পুতিন", "কিম জং উন"],
                             "label_en": ["Vladimir Putin", None], "type": ["PER", "PER"]})
    assert entity_view.mention_spans(mentions, entities, "a") == [
        (1, 3, "p", "ভ্লাদিমির পুতিন · Vladimir Putin (person)", "PER"),
        (9, 12, "x", "x", "ORG"),  # an id the entities table does not know shows as itself
    ]
    assert entity_view.mention_spans(mentions, None, "a")[0] == (1, 3, "p", "p", "PER")
    assert entity_view.mention_spans(mentions.drop(columns="type"), None, "a")[0] == (1, 3, "p", "p", "")
    assert entity_view.mention_spans(None, entities, "a") == []
    assert entity_view.mention_spans(mentions.iloc[0:0], entities, "a") == []
    assert entity_view.entity_titles(entities, ["k"]) == {"k": "কিম জং উন (person)"}
    assert entity_view.entity_title("ঢাকা", "Dhaka", "LOC") == "ঢাকা · Dhaka (place)"


def test_mentions_are_tinted_by_entity_type_and_keyed():
    source = "পুতিন মস্কো সফরে"
    html = article_view.highlight(source, 0, len(source), [(0, 5, "putin", "Putin", "PER"), (6, 11, "moscow", "Moscow", "LOC"),
                                                            (12, 16, "odd", "Odd", "<b>")])
    classes = re.findall(r'class="([^"]*)"', html)
    assert classes == ["mention kl-ent-PER", "mention kl-ent-LOC", "mention"], "unknown types get no class"
    key = entity_view.mention_key_html(["LOC", "PER", "PER"])
    assert re.findall(r'kl-ent-(\w+)">(\w+)</span>', key) == [("PER", "person"), ("LOC", "place")]
    assert_inert(key)
