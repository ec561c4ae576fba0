"""Outlet and agency lexicons (loaders/data/*.csv) and the matcher in loaders/sources.py."""
from __future__ import annotations

import csv
import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from loaders import sources

DATA = Path(sources.__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
BD_NEWSPAPERS = SHARED / "corpus" / "real" / "bd-newspapers-2025.json"
OUTLET_KINDS = {"newspaper", "portal", "tv", "radio", "agency", "broadcaster"}


def rows(name: str) -> list[dict]:
    """Raw rows of one lexicon CSV."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cells(value: str) -> list[str]:
    """The values of a ``|``-separated cell."""
    return [v.strip() for v in value.split("|") if v.strip()]


def agency_ids(text: str) -> list[str]:
    return [hit.id for hit in sources.find_agencies(text)]


def outlet_ids(text: str) -> list[str]:
    return [hit.id for hit in sources.find_outlets(text)]


# --- phrasings from the seed pages ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("সূত্র: তাস", "tass"),
    ("রাশিয়ার রাষ্ট্রীয় বার্তা সংস্থা ‘তাস’ এর বরাত দিয়ে এসভিআর জানিয়েছে", "tass"),
    ("সূত্র : রয়টার্স", "reuters"),
    ("বার্তা সংস্থা রয়টার্সের সংবাদে বলা হয়", "reuters"),
    ("তিনি বার্তা সংস্থা এএফপিকে বলেন", "afp"),
    ("সিউল থেকে বার্তা সংস্থা এএফপি এ খবর জানিয়েছে।", "afp"),
    ("উত্তর কোরিয়ার রাষ্ট্রীয় সংবাদমাধ্যম কেসিএনএ’র বরাতে এ খবর", "kcna"),
    ("কোরিয়ান সেন্ট্রাল নিউজ এজেন্সি বৈঠক সম্পর্কে রিপোর্ট করে", "kcna"),
    ("উদ্ধৃতি দিয়ে RIA সংবাদ সংস্থা জানিয়েছে।", "ria"),
    ("আরআইএ-এর মতে, বৈঠকটি", "ria"),
    ("ঢাকা, ১৩ আগস্ট, ২০২৫ (বাসস) : রাশিয়ার প্রেসিডেন্ট", "bss"),
    ("বাসস", "bss"),
    ("সূত্র: https://baoquocte.vn/what-is-in-the-gap-286239.html", "baoquocte"),
    ("এ খবর জানিয়েছে বিবিসি।", "bbc"),
    ("খবর এনডিটিভির।ওই শিশুর", "ndtv"),
    ("খবর এএফপি’র।তিনি ওই", "afp"),
    ("খবর বাসসের।ইত্তেফাক/এএম", "bss"),
    ("আল-জাজিরার খবরে বলা হয়", "aljazeera"),
    ("আলজাজিরা জানিয়েছে", "aljazeera"),
    ("মার্কিন বার্তা সংস্থা এপি জানায়, যুদ্ধবিরতির", "ap"),
    ("এই জনসমাবেশে দাবি জানানো হয়। খবর ডনের।", "dawn"),
    ("রোববার দ্যা গার্ডিয়ানের প্রতিবেদনে", "guardian"),
    ("Reuters reported on Monday", "reuters"),
])
def test_seed_phrasings_resolve(text, expected):
    assert agency_ids(text) == [expected]


@pytest.mark.parametrize("text", [
    "তারা বিকেলে তাস খেলছিল",
    "সব পরিকল্পনা তাসের ঘরের মতো ভেঙে পড়ল",
    "বাসসহ তিনটি গাড়ি পুড়ে যায়",
    "তানহা তাসনিমের প্রতিবেদন",
    "মহানগর বিএনপির সদস্য সচিব মাহফুজ উন নবী ডন বলেন",
    "the AP Stylebook says",
])
def test_ambiguous_words_without_cue_are_not_agencies(text):
    assert agency_ids(text) == []


@pytest.mark.parametrize("text, expected", [
    ("আন্তর্জাতিক ডেস্ক | বাংলানিউজটোয়েন্টিফোর.কম", "banglanews24"),
    ("বাংলানিউজটোয়েন্টিফোর.কম'র প্রকাশিত/প্রচারিত কোনো সংবাদ, তথ্য, ছবি", "banglanews24"),
    ("বাসস", "bss"),
    ("সূত্র :দৈনিক ইত্তেফাক,", "ittefaq"),
    ("তিনি প্রথম আলোকে বলেন", "prothomalo"),
    ("দৈনিক যুগান্তর", "jugantor"),
    ("সম্পাদক, প্রতিদিনের বাংলাদেশ", "protidinerbangladesh"),
    ("বিবিসি বাংলাকে তিনি বলেন", "bbc_bangla"),
    ("প্রতিবেদক, নয়াদিগন্তের", "nayadiganta"),
    ("© The Daily Star", "dailystar"),
    ("See https://en.prothomalo.com/bangladesh/x for more", "prothomalo"),
])
def test_outlets_in_header_and_copyright_lines(text, expected):
    assert outlet_ids(text) == [expected]


@pytest.mark.parametrize("text", ["বর্তমান পরিস্থিতি নিয়ে", "এই সময় তিনি বলেন", "Inqilab Moncho resumes blockade",
                                  "বাংলাদেশ পোস্ট অফিসের সেবা", "ইনকিলাব, ইনকিলাব, জিন্দাবাদ",
                                  "দৈনিক বাংলা মোড়ে যানজট", "করতোয়া নদীর পানি বাড়ছে", "আমার সংবাদ সম্মেলনে তিনি বলেন"])
def test_common_words_that_are_also_outlet_names(text):
    assert outlet_ids(text) == []


def test_hits_carry_offsets_surface_and_via():
    text = "খবর: এএফপি’র, Reuters ও reuters.com"
    hits = sources.find_agencies(text)
    assert [(h.id, h.via) for h in hits] == [("afp", "name"), ("reuters", "alias_en"), ("reuters", "domain")]
    assert all(text[h.start:h.end] == h.surface and h.kind == "agency" for h in hits)
    assert hits[0].surface == "এএফপি’র"


def test_precomposed_ya_in_the_input_still_matches():
    raw = "সূত্র: র\u09dfটার্স"          # য় as the single code point U+09DF, not NFC
    assert unicodedata.normalize("NFC", raw) != raw
    assert agency_ids(raw) == ["reuters"]


def test_acronyms_are_case_sensitive_names_are_not():
    assert agency_ids("(AFP) — REUTERS and reuters") == ["afp", "reuters", "reuters"]
    assert agency_ids("the afp of it") == []


# --- domains ----------------------------------------------------------------------------

@pytest.mark.parametrize("host, expected", [
    ("m.prothomalo.com", "prothomalo"),
    ("en.prothomalo.com", "prothomalo"),
    ("www.banglanews24.com", "banglanews24"),
    ("https://www.jagonews24.com/national/news/1", "jagonews24"),
    ("bangla.thedailystar.net", "dailystar"),
    ("https://www.bbc.com/bengali/articles/c0", "bbc_bangla"),
    ("www.bbc.com", None),
    ("https://www.dhakamail.com/national/1", "dhakamail"),
    ("https://bangla.hindustantimes.com/bangladesh/x", "htbangla"),
    ("www.hindustantimes.com", None),                      # the English paper is not its Bangla site
    ("https://zeenews.india.com/bengali/kolkata/x", "zee24ghanta"),
    ("https://zeenews.india.com/india/x", None),
    ("m.dailyamardesh.com", "amardesh"),
    ("https://www.shomoyeralo.com/details.php?id=1", "shomoyeralo"),
    ("https://bangla.aajtak.in/west-bengal/x", "aajtakbangla"),
    ("https://www.aajtak.in/india/x", None),               # the Hindi channel is not its Bangla site
    ("example.com", None),
    ("", None),
])
def test_outlet_for_domain(host, expected):
    assert sources.outlet_for_domain(host) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.prothomalo.com/world/x?y=1", "prothomalo.com"),
    ("http://M.ProthomAlo.com:8080/", "m.prothomalo.com"),
    ("baoquocte.vn/what-is-286239.html", "baoquocte.vn"),
    ("not a url", None),
    ("", None),
])
def test_domain_of(url, expected):
    assert sources.domain_of(url) == expected


def test_info_records():
    assert sources.outlet_info("bss")["kind"] == "agency"
    assert sources.outlet_info("prothomalo")["domains"] == ["prothomalo.com"]
    assert sources.outlet_info("nope") is None
    assert sources.outlet_info("bbc_bangla")["agency"] == "bbc" and sources.outlet_info("prothomalo")["agency"] == ""
    owners = {row["agency"] for row in csv.DictReader((DATA / "outlets.csv").open(encoding="utf-8")) if row["agency"]}
    assert owners <= {row["id"] for row in csv.DictReader((DATA / "agencies.csv").open(encoding="utf-8"))}
    labels = {a: sources.agency_info(a)["name_en"] for a in ("tass", "reuters", "afp", "bss", "kcna", "ria", "bbc")}
    assert labels == {"tass": "TASS", "reuters": "Reuters", "afp": "AFP", "bss": "BSS", "kcna": "KCNA",
                      "ria": "RIA Novosti", "bbc": "BBC"}
    assert sources.agency_info("nope") is None


# --- the CSV files themselves ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["outlets.csv", "agencies.csv"])
def test_csv_rows_are_clean(name):
    table = rows(name)
    ids = [r["id"] for r in table]
    assert len(ids) == len(set(ids))
    for row in table:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", row["id"]), row["id"]
        assert row["name_en"].strip(), row["id"]
        assert re.fullmatch(r"[A-Z]{2}", row["country"]), row["id"]
        for value in row.values():
            assert unicodedata.normalize("NFC", value) == value, (row["id"], value)
        aliases = cells(row.get("name_bn", "")) + cells(row["aliases_bn"]) + cells(row["name_en"]) + cells(
            row["aliases_en"])
        assert set(cells(row["needs_context"])) <= set(aliases), row["id"]
        assert all(re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}(/[a-z]+)?", d) for d in cells(row["domains"])), row["id"]


def test_outlet_rows_cover_the_brief():
    table = {r["id"]: r for r in rows("outlets.csv")}
    assert len(table) >= 45
    assert all(r["name_bn"].strip() and r["kind"] in OUTLET_KINDS for r in table.values())
    assert {"banglanews24", "bss", "prothomalo", "ittefaq", "samakal", "jugantor", "kalerkantho", "bdnews24",
            "jagonews24", "risingbd", "dhakapost", "bbc_bangla", "nayadiganta", "barta24", "dailystar",
            "tbsnews", "dhakatribune", "anandabazar", "bartaman", "sangbadpratidin", "eisamay"} <= set(table)
    assert table["bss"]["kind"] == "agency"


def test_agency_rows_cover_the_brief():
    table = {r["id"]: r for r in rows("agencies.csv")}
    assert len(table) >= 60
    assert {"tass", "reuters", "afp", "ap", "bss", "unb", "kcna", "yonhap", "xinhua", "ria", "interfax",
            "sputnik", "anadolu", "aljazeera", "bbc", "cnn", "dw", "ndtv", "pti", "ani", "kyodo", "nhk",
            "bloomberg", "guardian", "nyt", "dawn", "irna", "voa"} <= set(table)
    assert all(r["display"].strip() for r in table.values())


def test_every_outlet_is_reachable_by_its_own_names():
    for row in rows("outlets.csv"):
        assert outlet_ids(row["name_bn"]) == [row["id"]], row["name_bn"]
        for alias in cells(row["aliases_bn"]):
            assert outlet_ids(f"সূত্র: {alias}") == [row["id"]], alias
        for alias in cells(row["name_en"]) + cells(row["aliases_en"]):
            assert outlet_ids(f"Source: {alias}") == [row["id"]], alias


def test_every_agency_is_reachable_by_its_own_names():
    for row in rows("agencies.csv"):
        for alias in cells(row["aliases_bn"]):
            assert agency_ids(f"সূত্র: {alias}") == [row["id"]], alias
        for alias in cells(row["name_en"]) + cells(row["aliases_en"]):
            assert agency_ids(f"Source: {alias}") == [row["id"]], alias
        for domain in cells(row["domains"]):
            assert sources.agency_for_domain(f"https://www.{domain}/x") == row["id"], domain


def test_a_csv_with_either_spelling_of_ya_loads_the_same(tmp_path):
    path = tmp_path / "agencies.csv"
    path.write_text("id,name_en,display,aliases_bn,aliases_en,domains,country,needs_context\n"
                    "reuters,Reuters,Reuters,র\u09dfটার্স,Reuters,reuters.com,GB,\n", encoding="utf-8")
    lexicon = sources._Lexicon(path, "agency")
    for text in ("সূত্র: রয়টার্স", "সূত্র: র\u09dfটার্স", "রয়টার্সের খবরে"):
        assert [h.id for h in lexicon.find(unicodedata.normalize("NFC", text))] == ["reuters"]


def test_lines_without_candidates_are_cheap():
    line = "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়ার নেতা কিম জং উনের সঙ্গে ফোনালাপ করেছেন। " * 2
    start = time.perf_counter()
    for _ in range(2000):
        assert not sources.find_agencies(line) and not sources.find_outlets(line)
    assert time.perf_counter() - start < 2.0


# --- real scraped corpus (../shared, optional) -----------------------------------------

def _loose(name: str) -> str:
    """A paper name reduced for loose comparison: lower-case letters and digits, no 'the'/'daily'."""
    return re.sub(r"\b(the|daily)\b|[^a-z0-9]", "", name.lower())


@pytest.fixture(scope="module")
def bd_newspapers() -> list[dict]:
    if not BD_NEWSPAPERS.exists():
        pytest.skip(f"{BD_NEWSPAPERS} is not available (../shared is absent)")
    return json.loads(BD_NEWSPAPERS.read_text(encoding="utf-8"))


def test_real_urls_map_to_the_named_paper(bd_newspapers):
    known, outlet_rows = 0, {r["id"]: r for r in rows("outlets.csv")}
    for record in bd_newspapers:
        outlet = sources.outlet_for_domain(record["url"])
        if outlet is None:
            continue
        known += 1
        info = sources.outlet_info(outlet)
        names = {_loose(n) for n in [info["name_en"], *cells(outlet_rows[outlet]["aliases_en"])]}
        paper = _loose(record["paper_name"])
        assert any(n and (n in paper or paper in n) for n in names), (record["url"], record["paper_name"], outlet)
    assert known >= 0.95 * len(bd_newspapers)


def test_real_bengali_bodies_mentioning_an_agency(bd_newspapers):
    bodies = [unicodedata.normalize("NFC", r["article"] or "") for r in bd_newspapers
              if r.get("source_language") == "Bengali"]
    citing = [b for b in bodies if sources.find_agencies(b)]
    share = len(citing) / len(bodies)
    print(f"\n{len(citing)}/{len(bodies)} Bengali bodies ({share:.1%}) mention at least one agency")
    assert len(bodies) > 100 and 0.03 < share < 0.6


@pytest.mark.parametrize(("text", "expected"), [
    ("BBC News বাংলা", "bbc_bangla"),
    ("দৈনিক যুগান্তর", "jugantor"),
    ("স্পোর্টস ডেস্ক, আরটিভি নিউজ", None),   # a desk of the outlet: says more than its name
    ("নিজস্ব প্রতিবেদক", None),
])
def test_outlet_named_outright(text, expected):
    assert sources.outlet_named_outright(text) == expected
