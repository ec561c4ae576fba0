"""Entities: seeds' key entities, case endings, spellings, the held-out score, the CLI, corrections."""
from __future__ import annotations

import io
import json
import re
import sys
import unicodedata

import numpy as np
import pandas as pd
import pytest

from loaders.entities import (
    Corrections, apply_corrections, corrections_path, link_entities, load_corrections, save_corrections, tag_text,
)
from loaders.entities.__main__ import tag_conll
from loaders.entities.conll import bio_tag, chunks, normalise_tag, read_conll, score, to_bioes
from loaders.entities.corrections import CorrectionsError
from loaders.entities.decoder import FastDecoder
from loaders.entities.gazetteer import load_gazetteer
from loaders.entities.layout import LAST_SPACE, WordTable
from loaders.entities.tagger import default_tagger
from loaders.entities.text import CASE_SUFFIXES, word_tokens
from tests.conftest import SHARED, nfc, shared_path

RIFAT_TEST = SHARED / "ner" / "rifat1493" / "test.txt"

# The gold's English names, as the canonical entity each must resolve to.
GOLD_IDS = {
    "Vladimir Putin": "vladimir_putin", "North Korea": "north_korea", "Russia": "russia", "Pyongyang": "pyongyang",
    "Moscow": "moscow", "KCNA": "kcna", "SVR": "svr", "Sergey Naryshkin": "sergey_naryshkin",
    "Ri Chang Dae": "ri_chang_dae", "TASS": "tass", "Ukraine": "ukraine", "United States": "united_states",
    "Kremlin": "kremlin", "Kim Jong Un": "kim_jong_un", "Choe Son Hui": "choe_son_hui", "Beijing": "beijing",
    "China": "china", "South Korea": "south_korea", "Sergey Lavrov": "sergey_lavrov",
    "Korean Peninsula": "korean_peninsula", "Sergei Shoigu": "sergei_shoigu", "RIA Novosti": "ria_novosti",
    "BBC": "bbc", "Japan": "japan", "Soviet Union": "soviet_union", "Donald Trump": "donald_trump",
    "Alaska": "alaska", "Seoul": "seoul", "AFP": "afp", "Kursk": "kursk",
    "Korean People's Army": "korean_peoples_army",
    "University of North Korean Studies": "university_of_north_korean_studies",
    "Yang Moo-jin": "PER:ইয়াং মু জিন",
}
# Other spellings the seeds use for the same entity (the issue names these).
VARIANTS = {
    "kim_jong_un": ["কিম জং-উন", "কিং জং উন", "কিম"],
    "north_korea": ["উ. কোরিয়া"],
    "united_states": ["মার্কিন", "যুক্তরাষ্ট্র"],
    "russia": ["রুশ"],
}
_ENDINGS = "|".join(re.escape(s) for s in CASE_SUFFIXES)


def occurrences(text: str, spelling: str) -> list[tuple[int, int]]:
    """Spans of ``spelling`` as a whole word in ``text``, a case ending allowed."""
    pattern = rf"(?<![\w\u0980-\u09ff]){re.escape(spelling)}(?:(?:[-’']?(?:{_ENDINGS})))?(?![\w\u0980-\u09ff])"
    return [(m.start(), m.start() + len(spelling)) for m in re.finditer(pattern, text)]


def test_every_key_entity_is_found_in_its_article_body(sample_corpus, gold):
    body_entities = sample_corpus.mentions[sample_corpus.mentions["in_body"]]
    for name, item in gold.items():
        found = set(body_entities.loc[body_entities["article_id"] == name, "entity_id"])
        expected = {GOLD_IDS[entity["en"]] for entity in item["key_entities"]}
        assert expected <= found, (name, expected - found)


def test_every_spelling_in_the_body_resolves_to_the_same_entity(sample_corpus, gold):
    mentions, lines = sample_corpus.mentions, sample_corpus.lines
    checked = 0
    for name, item in gold.items():
        body = lines[(lines["article_id"] == name) & (lines["kind"] == "body")]
        spans = mentions[mentions["article_id"] == name]
        for entity in item["key_entities"]:
            entity_id = GOLD_IDS[entity["en"]]
            covering = spans[spans["entity_id"] == entity_id]
            for spelling in [nfc(entity["bn"]), *VARIANTS.get(entity_id, [])]:
                for line in body.itertuples():
                    for start, end in occurrences(nfc(line.text), spelling):
                        # Sample lines are NFC already, so line offsets add up to source offsets.
                        at = line.start + start
                        assert ((covering["start"] <= at) & (covering["end"] >= line.start + end)).any(), \
                            (name, spelling, line.n)
                        checked += 1
    assert checked > 100


def test_top_twenty_over_the_seeds_are_real_names(sample_corpus, gold):
    top = sample_corpus.entities.head(20)
    named = set(load_gazetteer().entries) | set(GOLD_IDS.values())
    assert set(top["entity_id"]) <= named, set(top["entity_id"]) - named
    assert {"vladimir_putin", "kim_jong_un", "russia", "north_korea"} <= set(top["entity_id"].head(6))


def test_mentions_in_link_lists_do_not_count(sample_corpus):
    mentions = sample_corpus.mentions
    furniture = mentions[~mentions["in_body"]]
    assert not furniture.empty
    kinds = sample_corpus.lines.set_index(["article_id", "n"])["kind"]
    assert all(kinds[(a, n)] != "body" for a, n in zip(furniture["article_id"], furniture["n"]))
    entities = sample_corpus.entities.set_index("entity_id")
    assert (entities["mentions"] <= entities["mentions_all"]).all()
    body_only = furniture.loc[~furniture["entity_id"].isin(mentions.loc[mentions["in_body"], "entity_id"]), "entity_id"]
    assert (entities.loc[body_only.unique(), "mentions"] == 0).all()


def test_offsets_point_into_the_raw_text_despite_invisible_characters():
    # A BOM, a zero-width joiner and a precomposed য় (U+09DF) before the name.
    text = "\ufeffঢাকায়\u200d আজ রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন বক্তব্য দেন।"
    found = {m.gazetteer_id: m for m in tag_text(text)}
    putin = found["vladimir_putin"]
    assert text[putin.start:putin.end] == "ভ্লাদিমির পুতিন"
    russia = found["russia"]
    assert nfc(text[russia.start:russia.end]) == "রাশিয়ার"


def test_word_tokens_are_normalised_and_keep_spans_into_the_written_word():
    written = "(কো\u200bরি" + unicodedata.normalize("NFD", "য়া") + "’র,"
    pieces = word_tokens(written)
    assert pieces.tokens == ("(", nfc("কোরিয়া’র"), ",")
    spans = list(zip(pieces.starts, pieces.ends))
    assert [written[a:b] for a, b in spans] == ["(", written[1:-1], ","]


def test_layout_places_every_token_where_the_line_as_written_has_it():
    tagger = default_tagger()
    lines = [
        "সফরে এসেছেন ভ্লাদিমির পুতিন।",  # one space between words: the quick path
        " ঢাকা থেকে খবর  ",  # white space at the ends only
        "  ঢাকা\tথেকে  \u00a0খবর ",  # leading, doubled, tab, NBSP and trailing white space
        "ঢাকা\u3000থেকে\u2028খবর\x1cআজ\u200bকাল",  # rarer white space; a zero-width space is not one
        "\u200b \ufeffরাশিয়ার (কো\u200bরিয়া’র), 2023",  # invisible-only word, precomposed য়, joined ending
        "",
        "x",
    ]
    table = WordTable(tagger._decoder)
    table.layout(["\u200b"])  # a first batch whose only word has no tokens leaves the tables integral
    layout = table.layout(lines)
    for j, line in enumerate(lines):
        expected = []
        for match in re.finditer(r"\S+", line):
            piece = word_tokens(match.group())
            expected += [(token, match.start() + a, match.start() + b)
                         for token, a, b in zip(piece.tokens, piece.starts, piece.ends)]
        first = layout.first_token[j]
        positions = range(first, first + len(layout.tokens[j]))
        got = list(zip(layout.tokens[j], layout.char_starts[positions].tolist(), layout.char_ends[positions].tolist()))
        assert got == expected and all(type(start) is int for _, start, _ in got), line
        rows = layout.rows[layout.line_starts[j] - 2:layout.line_starts[j] + len(layout.tokens[j]) + 2]
        assert rows.tolist() == tagger._decoder.rows([layout.tokens[j]]).tolist()


def test_the_layout_knows_every_white_space_character():
    assert not any(chr(code).isspace() for code in range(LAST_SPACE + 1, sys.maxunicode + 1))


def test_a_name_across_odd_spacing_has_one_spaced_surface_and_raw_offsets():
    text = "সফরে এসেছেন  ভ্লাদিমির\u00a0পুতিন, জানিয়েছে ক্রেমলিন।"
    putin = next(m for m in tag_text(text) if m.gazetteer_id == "vladimir_putin")
    assert putin.surface == "ভ্লাদিমির পুতিন"
    assert text[putin.start:putin.end] == "ভ্লাদিমির\u00a0পুতিন"


def _raw(article: str, surface: str, kind: str = "PER", next_word: str = "", gazetteer_id=None, in_body=True) -> dict:
    return {"article_id": article, "n": 1, "start": 0, "end": len(surface), "surface": nfc(surface), "type": kind,
            "gazetteer_id": gazetteer_id, "basis": "tagger", "next_word": next_word, "in_body": in_body}


def link(*rows: dict, counts=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    return link_entities(pd.DataFrame(list(rows)), word_counts=counts or {})


def test_case_endings_are_removed_only_with_evidence():
    entities, mentions = link(_raw("a", "মাহমুদের"), _raw("b", "মাহমুদ"), _raw("c", "আনোয়ার"), _raw("d", "কামালকে"))
    ids = dict(zip(mentions["surface"], mentions["entity_id"]))
    assert ids[nfc("মাহমুদের")] == ids[nfc("মাহমুদ")] == nfc("PER:মাহমুদ")  # the bare stem occurs elsewhere
    assert ids[nfc("আনোয়ার")] == nfc("PER:আনোয়ার")  # ends in র, but nothing says it is an ending
    assert ids[nfc("কামালকে")] == nfc("PER:কামাল")  # -কে always marks the object


def test_near_spellings_merge_within_a_type_only():
    entities, mentions = link(*[_raw(str(i), "রবার্ট মুগাবে") for i in range(3)], _raw("x", "রবার্ট মুগাবী"),
                              _raw("y", "রবার্ট মুগাবো", kind="LOC"))
    ids = mentions.groupby("type")["entity_id"].agg(set)
    assert ids["PER"] == {nfc("PER:রবার্ট মুগাবে")}
    assert ids["LOC"] == {nfc("LOC:রবার্ট মুগাবো")}


@pytest.mark.parametrize(("common", "rare", "one"), [
    ("আবদুল মান্নান", "আব্দুল মান্নান", True),   # the virama
    ("মহিউদ্দিন আহমেদ", "মহিউদ্দিন আহমদ", True),  # a vowel sign
    ("শরিফুল ইসলাম", "শরীফুল ইসলাম", True),     # a long vowel for a short one
    ("নাসির উদ্দিন", "নাছির উদ্দিন", True),      # a consonant that sounds the same
    ("নুরুল ইসলাম", "নজরুল ইসলাম", False),     # another consonant: another name
    ("শেখ কামাল", "শেখ জামাল", False),
    ("মাহবুব আলম", "মাহবুব আলী", False),
])
def test_only_spellings_of_one_name_merge_not_names_one_letter_apart(common, rare, one):
    _, mentions = link(*[_raw(str(i), common) for i in range(3)], _raw("x", rare))
    ids = mentions.set_index("article_id")["entity_id"]
    assert (ids["x"] == ids["0"]) == one


def test_a_place_one_letter_from_a_gazetteer_name_keeps_its_own_entity():
    # সরাইল (an upazila) is one edit from ইসরাইল (Israel) but is a different place.
    _, mentions = link(_raw("a", "সরাইল", kind="LOC"), _raw("b", "ইসরাইল", kind="LOC", gazetteer_id="israel"))
    assert mentions.set_index("article_id")["entity_id"].to_dict() == {"a": nfc("LOC:সরাইল"), "b": "israel"}


@pytest.mark.parametrize(("common", "rare"),
                         [("iran", "iraq"), ("bnp", "bjp"), ("bbc", "bbs"), ("afp", "ap"), ("who", "wto")])
def test_gazetteer_entities_whose_ids_are_one_letter_apart_stay_apart(common, rare):
    gazetteer = load_gazetteer()
    rows = [_raw(str(i), gazetteer.entries[common].name_bn, kind=gazetteer.entries[common].type, gazetteer_id=common)
            for i in range(3)]
    rows.append(_raw("x", gazetteer.entries[rare].name_bn, kind=gazetteer.entries[rare].type, gazetteer_id=rare))
    entities, mentions = link(*rows)
    assert mentions.set_index("article_id")["entity_id"].to_dict() == {"0": common, "1": common, "2": common, "x": rare}
    assert set(entities["entity_id"]) == {common, rare}


def test_gazetteer_adjectives_and_short_forms_resolve_to_the_country():
    ids = {m.surface: m.gazetteer_id for m in tag_text("রুশ বাহিনী এবং মার্কিন সেনারা উ. কোরিয়ার সীমান্তে")}
    assert ids[nfc("রুশ")] == "russia" and ids[nfc("মার্কিন")] == "united_states"
    assert ids[nfc("উ. কোরিয়ার")] == "north_korea"


def test_fast_decoder_agrees_with_crfsuite():
    tagger = default_tagger()
    unbiased = FastDecoder(tagger._decoder.model, tagger._features)
    sentences = [[t for t, _ in s] for s in read_conll(shared_path(RIFAT_TEST))[:400]]
    same = sum(unbiased.decode(tokens) == tagger.full_crf_tags(tokens) for tokens in sentences)
    assert same / len(sentences) >= 0.97


def test_bioes_labels_keep_the_chunks_of_bio_tags():
    tags = ["B-PER", "B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-ORG", "I-ORG"]
    bioes = to_bioes(tags)
    assert bioes == ["S-PER", "B-PER", "E-PER", "O", "S-LOC", "B-ORG", "I-ORG", "E-ORG"]
    assert chunks(map(bio_tag, bioes)) == chunks(tags)


def test_a_start_bias_finds_more_chunks():
    tagger = default_tagger()
    cautious, eager = FastDecoder(tagger._decoder.model, tagger._features), FastDecoder(tagger._decoder.model, tagger._features, 3.0)
    sentences = [[t for t, _ in s] for s in read_conll(shared_path(RIFAT_TEST))[:200]]
    found = [sum(map(len, decoder.chunks(sentences))) for decoder in (cautious, eager)]
    assert found[1] > found[0]


def test_decoder_chunks_follow_conlleval_rules():
    decoder = default_tagger()._decoder
    sentences = [[t for t, _ in s] for s in read_conll(shared_path(RIFAT_TEST))[:400]]
    # Lines decoded together, an empty one among them, must give each line its own chunks.
    batch = sentences[:200] + [[]] + sentences[200:]
    found = decoder.chunks(batch)
    assert found[200] == []
    for tokens, line_chunks in zip(sentences, found[:200] + found[201:]):
        assert set(line_chunks) == chunks(decoder.decode(tokens))
        assert line_chunks == sorted(line_chunks)
    assert sum(map(len, found)) > 300


def test_a_chunk_never_runs_from_one_line_into_the_next(monkeypatch):
    decoder = default_tagger()._decoder
    labels = ["B-PER", "I-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]
    best = np.array([decoder.labels.index(label) for label in labels])
    monkeypatch.setattr(decoder, "_best_labels", lambda lines, rows: (best, np.array([0, 2, 2, 8])))
    assert decoder.chunks([["a", "b"], [], list("cdefgh")]) == [
        [(0, 2, "PER")], [], [(0, 1, "PER"), (2, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]]


def test_held_out_f1_beats_the_baseline():
    gold = read_conll(shared_path(RIFAT_TEST))
    out = io.StringIO()
    assert tag_conll(RIFAT_TEST, out) == len(gold)
    predicted = _parse_output(out.getvalue())
    assert [len(s) for s in predicted] == [len(s) for s in gold]
    assert [t for s in predicted for t, _ in s] == [t for s in gold for t, _ in s]
    result = score([[normalise_tag(t) for _, t in s] for s in gold], [[t for _, t in s] for s in predicted])
    assert result.prf()[2] >= 0.73


def _parse_output(text: str) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from the CLI's output."""
    return [[tuple(line.split("\t")) for line in block.splitlines()] for block in text.split("\n\n") if block.strip()]


def test_conll_cli_keeps_every_token_in_order(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("\ufeffশেখ\tB-PER\nহাসিনা\tI-PER\nঢাকায়\n\n\nপুতিন\tO\n", encoding="utf-8")
    out = io.StringIO()
    tag_conll(path, out)
    blocks = _parse_output(out.getvalue())
    assert [[t for t, _ in b] for b in blocks] == [["শেখ", "হাসিনা", "ঢাকায়"], ["পুতিন"]]
    assert all(tag == "O" or re.fullmatch(r"[BI]-(PER|LOC|ORG)", tag) for b in blocks for _, tag in b)
    assert blocks[1][0][1] == "B-PER"


# --- corrections -------------------------------------------------------------------

def test_corrections_round_trip_atomically(tmp_path):
    path = corrections_path(tmp_path)
    assert not load_corrections(path)
    edits = (Corrections().rename("PER:কিম", label_en="Kim").merge("PER:কিম", "kim_jong_un")
             .retype("ORG:পদ্মা", "LOC").add_alias("পুতিনজি", "vladimir_putin").ban("PER:আজ"))
    save_corrections(edits, path)
    assert load_corrections(path) == edits
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind
    assert json.loads(path.read_text(encoding="utf-8"))["merge"] == {"PER:কিম": "kim_jong_un"}


def test_a_damaged_corrections_file_is_reported_not_replaced(tmp_path):
    path = corrections_path(tmp_path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorrectionsError):
        load_corrections(path)
    assert path.read_text(encoding="utf-8") == "{not json"


def test_merge_cycles_and_bad_types_are_refused():
    with pytest.raises(ValueError):
        Corrections().merge("a", "b").merge("b", "a")
    with pytest.raises(ValueError):
        Corrections().retype("a", "THING")


def test_corrections_apply_without_reparsing(sample_corpus):
    entities, mentions = sample_corpus.entities, sample_corpus.mentions
    before = entities.copy(deep=True)
    putin_mentions = int(entities.set_index("entity_id").loc["vladimir_putin", "mentions"])
    moscow_mentions = int(entities.set_index("entity_id").loc["moscow", "mentions"])
    edits = (Corrections().merge("moscow", "russia").ban("ukraine").retype("kremlin", "LOC")
             .rename("vladimir_putin", name_bn="ভ্লাদিমির পুতিন").add_alias("মস্কো", "vladimir_putin"))
    fixed_entities, fixed_mentions = apply_corrections(entities, mentions, edits)
    table = fixed_entities.set_index("entity_id")
    assert "ukraine" not in table.index and "ukraine" not in set(fixed_mentions["entity_id"])
    assert "moscow" not in table.index
    assert table.loc["vladimir_putin", "mentions"] == putin_mentions + moscow_mentions  # the alias wins over the merge
    assert table.loc["vladimir_putin", "name_bn"] == "ভ্লাদিমির পুতিন"
    assert table.loc["kremlin", "type"] == "LOC"
    assert set(fixed_mentions.loc[fixed_mentions["entity_id"] == "kremlin", "type"]) == {"LOC"}
    pd.testing.assert_frame_equal(entities, before)  # the cached input is untouched
