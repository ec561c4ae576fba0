"""Self-mentions and the corpus evidence that a tagged word is not a name (loaders.entities.evidence)."""
from __future__ import annotations

import pandas as pd

from loaders.entities.evidence import CREDIT_INITIALS, SELF_MENTION, aside_reasons
from loaders.entities.linking import entity_table


def corpus(texts: dict[str, str], tagged: list[tuple[str, str, str, str]], outlets: dict | None = None,
           fingerprint: str = "site"):
    """Entities, mentions, lines and articles of one-line articles; ``tagged`` is (article, surface, entity id, type)."""
    lines = pd.DataFrame({"article_id": list(texts), "n": 1, "start": 0, "kind": "body", "text": list(texts.values())})
    rows, seen = [], {}
    for article_id, surface, entity_id, kind in tagged:
        start = texts[article_id].index(surface, seen.get((article_id, surface), 0))
        seen[(article_id, surface)] = start + 1
        rows.append({"article_id": article_id, "entity_id": entity_id, "n": 1, "start": start,
                     "end": start + len(surface), "surface": surface, "type": kind,
                     "basis": "tagger" if ":" in entity_id else "gazetteer", "in_body": True, "aside": None})
    mentions = pd.DataFrame(rows)
    names = {e: (e.split(":", 1)[-1], None) for e in mentions["entity_id"]}
    entities = entity_table(mentions, names)
    articles = pd.DataFrame({"article_id": list(texts), "fingerprint": fingerprint,
                             "outlet": [(outlets or {}).get(a) for a in texts]})
    return entities, mentions, lines, articles


def reasons_of(*args) -> dict[str, set]:
    """Entity id -> the set of reasons its mentions were given."""
    entities, mentions, lines, articles = args
    found = mentions.assign(reason=aside_reasons(entities, mentions, lines, articles))
    return {e: set(group["reason"]) for e, group in found.groupby("entity_id")}


def test_the_articles_own_outlet_is_a_self_mention_and_other_outlets_are_coverage():
    texts = {"a": "ইত্তেফাককে তিনি বলেন, প্রথম আলো লিখেছে।", "b": "ইত্তেফাককে তিনি বলেন।"}
    tagged = [("a", "ইত্তেফাককে", "ittefaq", "ORG"), ("a", "প্রথম আলো", "prothom_alo", "ORG"),
              ("b", "ইত্তেফাককে", "ittefaq", "ORG")]
    found = reasons_of(*corpus(texts, tagged, outlets={"a": "ittefaq"}, fingerprint=None))
    assert found["prothom_alo"] == {None}
    assert found["ittefaq"] == {SELF_MENTION, None}  # b's outlet is unknown and b has no site to judge by


def test_an_outlet_named_across_a_sites_articles_is_its_own_name_even_when_the_outlet_is_unknown():
    texts = {f"p{i}": f"খবর {i}। ©ইত্তেফাক" for i in range(8)} | {"q": "বিবিসি জানায়।"}
    tagged = [(a, "ইত্তেফাক", "ittefaq", "ORG") for a in texts if a != "q"] + [("q", "বিবিসি", "bbc", "ORG")]
    found = reasons_of(*corpus(texts, tagged))
    (reason,) = found["ittefaq"]
    assert reason.startswith(SELF_MENTION) and "8 of its 9 articles" in reason
    assert found["bbc"] == {None}


def test_a_word_with_classifier_forms_is_a_common_noun_and_a_name_is_not():
    texts = {"a": "ব্যাংক থেকে ঋণ। ব্যাংকগুলো বন্ধ। ব্যাংকটি খোলা। ব্যাংকটির মালিক। রাশিয়া বলেছে।"}
    found = reasons_of(*corpus(texts, [("a", "ব্যাংক", "ORG:ব্যাংক", "ORG"), ("a", "রাশিয়া", "LOC:রাশিয়া", "LOC")]))
    (reason,) = found["ORG:ব্যাংক"]
    assert reason.startswith("a common noun") and "3 times" in reason
    assert found["LOC:রাশিয়া"] == {None}


def test_a_word_the_tagger_rarely_marks_is_a_common_word():
    texts = {"a": " ".join(["চেয়ারম্যান বললেন।"] * 30), "b": "চেয়ারম্যান আসেন।"}
    found = reasons_of(*corpus(texts, [("b", "চেয়ারম্যান", "PER:চেয়ারম্যান", "PER")]))
    (reason,) = found["PER:চেয়ারম্যান"]
    assert "only 1 of its 31 uses" in reason


def test_a_word_between_an_organisation_and_a_persons_name_is_a_title():
    texts = {a: "বিএনপি চেয়ারপারসন খালেদা জিয়া বলেন।" for a in "abc"}
    tagged = [(a, s, e, k) for a in "abc" for s, e, k in (
        ("বিএনপি", "bnp", "ORG"), ("চেয়ারপারসন", "PER:চেয়ারপারসন", "PER"), ("খালেদা জিয়া", "khaleda_zia", "PER"))]
    found = reasons_of(*corpus(texts, tagged))
    (reason,) = found["PER:চেয়ারপারসন"]
    assert reason.startswith("a title")
    assert found["khaleda_zia"] == {None} and found["bnp"] == {None}


def test_names_in_a_comma_list_are_not_titles():
    texts = {a: "দলে আছেন জাকের, তানজিদ হাসান ও রিশাদ।" for a in "abc"}
    tagged = [(a, s, e, "PER") for a in "abc" for s, e in (
        ("জাকের", "PER:জাকের"), ("তানজিদ হাসান", "PER:তানজিদ হাসান"), ("রিশাদ", "PER:রিশাদ"))]
    assert all(reasons == {None} for reasons in reasons_of(*corpus(texts, tagged)).values())


def test_a_person_spelt_only_with_letter_names_is_initials_and_an_acronym_organisation_is_not():
    texts = {"a": "সকাল ১০টা এএম থেকে জেপি নেতারা।"}
    found = reasons_of(*corpus(texts, [("a", "এএম", "PER:এএম", "PER"), ("a", "জেপি", "ORG:জেপি", "ORG")]))
    assert found["PER:এএম"] == {"not a name: only initials"}
    assert found["ORG:জেপি"] == {None}


def test_gazetteer_entities_are_never_judged():
    texts = {"a": "ব্যাংকগুলো ব্যাংকটি ব্যাংকটির ব্যাংকটা বাংলাদেশ ব্যাংক।"}
    found = reasons_of(*corpus(texts, [("a", "বাংলাদেশ ব্যাংক", "bangladesh_bank", "ORG")]))
    assert found["bangladesh_bank"] == {None}


def test_set_aside_mentions_do_not_count_in_the_entity_table():
    texts = {f"p{i}": "©ইত্তেফাক ঢাকা" for i in range(6)}
    tagged = [(a, s, e, k) for a in texts for s, e, k in (("ইত্তেফাক", "ittefaq", "ORG"), ("ঢাকা", "dhaka", "LOC"))]
    entities, mentions, lines, articles = corpus(texts, tagged)
    mentions["aside"] = aside_reasons(entities, mentions, lines, articles)
    table = entity_table(mentions, {"ittefaq": ("ইত্তেফাক", "The Daily Ittefaq"), "dhaka": ("ঢাকা", "Dhaka")})
    rows = table.set_index("entity_id")
    assert rows.at["ittefaq", "mentions"] == 0 and rows.at["ittefaq", "self_mentions"] == 6
    assert rows.at["dhaka", "mentions"] == 6 and rows.at["dhaka", "articles"] == 6


def test_desk_initials_after_the_outlets_own_name_are_not_coverage():
    texts = {f"p{i}": f"খবর {i} শেষ।ইত্তেফাক/এমআরএম" for i in range(6)}
    tagged = [(a, s, e, "ORG") for a in texts for s, e in (("ইত্তেফাক", "ittefaq"), ("এমআরএম", "ORG:এমআরএম"))]
    found = reasons_of(*corpus(texts, tagged))
    assert found["ORG:এমআরএম"] == {CREDIT_INITIALS}
    spaced = {a: text.replace("/", " ") for a, text in texts.items()}
    assert reasons_of(*corpus(spaced, tagged))["ORG:এমআরএম"] == {None}
