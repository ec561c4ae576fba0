"""The Entities page on the bundled sample, driven headless with Streamlit's AppTest."""
from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components.entity_stats import (articles_mentioning, cooccurring, counted, kwic, of_entity, outlets, over_time,
                                     top_entities)
from components.escaping import markdown_literal
from loaders.entities import Corrections, corrections_path, save_corrections

from .conftest import PROJECT

PAGE = "components/pages/entities.py"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """A private cache folder (and so a private corrections file) per test."""
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    st.cache_data.clear()
    return tmp_path / "cache"


def entities_page(entity: str | None = None) -> AppTest:
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    app.run()
    if entity:
        app.query_params["entity"] = entity
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def picker(app: AppTest):
    return next(box for box in app.selectbox if box.label == "Entity")


def test_putin_is_among_the_top_entities():
    app = entities_page()
    options = picker(app).options
    assert any("Vladimir Putin" in option for option in options[:5])
    assert any("Kim Jong Un" in option for option in options[:5])
    assert {m.label for m in app.metric} >= {"Mentions", "Articles", "Type", "Spellings"}


def test_query_param_opens_an_entity_with_its_context():
    app = entities_page("kim_jong_un")
    assert app.header[0].value == "কিম জং উন · Kim Jong Un"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "5" and metrics["Type"] == "Person"
    html = "".join(block.proto.body for block in app.get("html"))
    assert "কিং জং উন" in html  # the typo spelling is shown in context, highlighted as the same entity
    assert "/entities?entity=kim_jong_un" in html


def test_a_ban_in_the_corrections_file_hides_the_entity(private_cache):
    save_corrections(Corrections().ban("ukraine").rename("russia", label_en="Russian Federation"),
                     corrections_path(private_cache))
    app = entities_page()
    options = picker(app).options
    assert not any("Ukraine" in option for option in options)
    assert any("Russian Federation" in option for option in options)


def test_a_damaged_corrections_file_is_reported(private_cache):
    private_cache.mkdir(parents=True, exist_ok=True)
    corrections_path(private_cache).write_text("{broken", encoding="utf-8")
    app = entities_page()
    assert any("not applied" in w.value for w in app.warning)


def test_page_helpers_count_body_mentions_only(sample_corpus):
    mentions = sample_corpus.mentions
    body = counted(mentions)
    assert len(body) < len(mentions) and mentions.loc[body.index, "in_body"].all()
    top = top_entities(body, sample_corpus.entities, ("PER",), "articles", top=3)
    assert set(top["type"]) == {"PER"} and top["articles"].is_monotonic_decreasing
    putin = of_entity(body, "vladimir_putin")
    assert len(putin) and set(putin["entity_id"]) == {"vladimir_putin"}
    together = cooccurring(body, putin, sample_corpus.entities)
    assert "kim_jong_un" in set(together["entity_id"].head(5)) and "vladimir_putin" not in set(together["entity_id"])
    buckets, undated = over_time(putin, sample_corpus.articles, "M")
    dated = sample_corpus.articles["published"].notna()
    assert buckets["articles"].sum() + undated == putin["article_id"].nunique()
    assert undated <= (~dated).sum()
    listed = articles_mentioning(putin, sample_corpus.articles)
    assert listed["mentions"].sum() == len(putin) and listed["mentions"].is_monotonic_decreasing
    assert outlets(putin, sample_corpus.articles, {})["articles"].sum() == putin["article_id"].nunique()
    snippet = kwic(putin, sample_corpus, limit=1)[0]
    start, end = snippet["mention"][:2]
    assert snippet["source"][start:end].startswith("পুতিন") or "পুতিন" in snippet["source"][start:end]
    assert snippet["context"][0] <= start and end <= snippet["context"][1]


def test_entity_names_show_literally(private_cache):
    hostile = "**কিম** $x$ :red[hi] <script>alert(1)</script> a_b"
    save_corrections(Corrections().rename("kim_jong_un", name_bn=hostile, label_en="Kim"), corrections_path(private_cache))
    app = entities_page("kim_jong_un")
    header = app.header[0].value
    assert header == markdown_literal(f"{hostile} · Kim")
    assert "\\*\\*" in header and "\\$x\\$" in header and "\\:red\\[" in header and "\\<script\\>" in header


def test_ranking_defaults_to_articles_and_the_outlets_own_name_is_shown_apart():
    app = entities_page()
    ranking = next(control for control in app.get("button_group") if control.label == "Rank by")
    assert ranking.value == "articles"
    assert any("Ranked by the number of articles" in caption.value for caption in app.caption)
    (aside,) = [e for e in app.expander if e.label.startswith("Not counted")]
    assert aside.label == "Not counted: 1 outlet(s) naming themselves"
    table = aside.dataframe[0].value
    assert table["name"].str.contains("Bangladesh Sangbad Sangstha").any()
    assert table["reason"].str.startswith("self-mention").all()
    assert not any("Bangladesh Sangbad Sangstha" in option for option in picker(app).options)


def test_a_saved_correction_records_when_and_who_and_the_page_lists_it(private_cache):
    import datetime as dt

    from loaders.entities import load_corrections

    app = entities_page("kim_jong_un")
    app.text_input(key="sidebar_editor_name").input("  Rina  ").run()
    next(button for button in app.button if button.label == "Not an entity").click().run()
    assert not app.exception, app.exception
    stored = load_corrections(corrections_path(private_cache))
    assert stored.bans == {"kim_jong_un"}
    (edit,) = stored.history
    assert (edit.by, edit.entity_id, edit.action) == ("Rina", "kim_jong_un", "ban")
    assert abs(dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(edit.at)) < dt.timedelta(minutes=1)
    (recent,) = [frame.value for frame in app.dataframe if "entity_id" in frame.value.columns and "by" in frame.value.columns]
    assert recent[["by", "entity_id", "action"]].values.tolist() == [["Rina", "kim_jong_un", "marked not an entity"]]


LISTING_HEADLINES = ["পুতিনের সঙ্গে কিমের বৈঠক শেষ", "মস্কোয় পৌঁছেছেন কিম জং উন", "উত্তর কোরিয়ায় পুতিনের সফর নিয়ে আলোচনা",
                     "রাশিয়া ও উত্তর কোরিয়ার চুক্তি সই", "ঢাকায় বৃষ্টি, জলাবদ্ধতা", "সিলেটে বন্যা পরিস্থিতির অবনতি",
                     "বাণিজ্যমেলা শুরু হচ্ছে কাল", "ট্রাম্পের সঙ্গে পুতিনের ফোনালাপ"]


def test_a_listing_page_s_mentions_count_only_when_listings_are_shown(tmp_path, monkeypatch):
    import shutil

    from .conftest import SAMPLE_DIR

    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, folder)
    (folder / "latest.txt").write_text("সর্বশেষ খবর\n\n" + "\n\n".join(
        f"{h}\n{i + 1} ঘণ্টা আগে | আন্তর্জাতিক" for i, h in enumerate(LISTING_HEADLINES)) + "\n", encoding="utf-8")
    monkeypatch.setenv("CORPUS_DIR", str(folder))
    counts = lambda app: next(c.value for c in app.caption if " mentions of " in c.value)  # noqa: E731
    app = entities_page()
    app.toggle(key="entities_furniture").set_value(True).run()  # a listing's lines are all furniture
    set_aside = counts(app)
    app.toggle(key="filter_listings").set_value(True).run()
    assert not app.exception
    shown = counts(app)
    assert "in 5 articles" in set_aside and "in 6 articles" in shown
    count = lambda caption: int(caption.split(" mentions")[0].replace(",", ""))  # noqa: E731
    assert count(shown) > count(set_aside), "the listing's mentions count once it is shown"
