"""A generated corpus of realistic page dumps for the dashboard benchmark.

Pages are assembled from the bundled sample's sentences and headlines with varied
outlets (named in copyright lines, or unnamed sites with their own template),
publish dates over three years, cited agencies and trailing story lists.
Deterministic for a given seed.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BN_MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট",
             "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]
OUTLETS = ["প্রথম আলো", "বাংলানিউজটোয়েন্টিফোর.কম", "যুগান্তর", "সমকাল", "কালের কণ্ঠ", "ইত্তেফাক",
           "জাগো নিউজ", "ঢাকা পোস্ট", "বাংলা ট্রিবিউন", "নয়া দিগন্ত"]
AGENCIES = ["রয়টার্স", "এএফপি", "বাসস", "তাস", "এপি", "বিবিসি", "আল-জাজিরা", "ইউএনবি"]
UNKNOWN_TEMPLATES = [
    ["Share this news on:", "সর্বশেষ"],
    ["মন্তব্য (0)", "সম্পর্কিত"],
    ["শেয়ার করুন", "সর্বাধিক পঠিত"],
]


def _sentences() -> tuple[list[str], list[str]]:
    """Sentences and headline-like lines from the sample pages."""
    sentences, headlines = [], []
    for path in sorted(SAMPLE.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if "।" in line:
                sentences += [s.strip() + "।" for s in line.split("।") if len(s.split()) >= 5]
            elif 4 <= len(line.split()) <= 14 and not re.search(r"[0-9০-৯]{4}", line):
                headlines.append(line)
    return sentences, headlines


def _bn(number: int, width: int = 0) -> str:
    return f"{number:0{width}d}".translate(BN_DIGITS)


def page(rng: random.Random, sentences: list[str], headlines: list[str], day: dt.date) -> str:
    """One page dump."""
    named = rng.random() < 0.75
    outlet = rng.choice(OUTLETS)
    lines = [rng.choice(headlines), ""]
    lines.append(f"প্রকাশ: {_bn(day.day, 2)} {BN_MONTHS[day.month - 1]} {_bn(day.year)}, {_bn(rng.randrange(24), 2)}:{_bn(rng.randrange(60), 2)}")
    lines.append("")
    for sentence in rng.sample(sentences, rng.randint(4, 9)):
        lines += [sentence, ""]
    if rng.random() < 0.6:
        lines.append(f"সূত্র: {rng.choice(AGENCIES)}")
    template = [] if named else UNKNOWN_TEMPLATES[rng.randrange(len(UNKNOWN_TEMPLATES))]
    lines += template
    lines += rng.sample(headlines, 5)
    if named:
        lines.append(f"{outlet}'র প্রকাশিত কোনো সংবাদ কপিরাইট আইনে পূর্বানুমতি ছাড়া ব্যবহার করা যাবে না।")
    return "\n".join(lines)


def write_corpus(folder: Path, count: int = 10_000, seed: int = 7) -> Path:
    """Write ``count`` generated pages into ``folder`` and return it."""
    rng = random.Random(seed)
    sentences, headlines = _sentences()
    start = dt.date(2023, 1, 1)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        (folder / f"gen_{i:05d}.txt").write_text(page(rng, sentences, headlines, day), encoding="utf-8")
    return folder
