"""textnorm.clean: exactly NFC without invisible characters, however the text is spelt."""
from __future__ import annotations

import random
import unicodedata

from loaders.textnorm import INVISIBLE, clean

# Bengali letters and signs, composed and decomposed spellings, marks NFC reorders or
# composes (Latin accents, Hangul jamo, a Tibetan vowel), and the invisible characters.
ALPHABET = [chr(code) for code in range(0x0980, 0x0A00)] + list(
    "ae \u0301\u0300\u0327\u1100\u1161\u11a8\uac00\u0f73\u0344" + INVISIBLE) + ["\U0001d15e"]


def reference(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(ch for ch in text if ch not in INVISIBLE))


def test_clean_equals_nfc_on_random_strings():
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))
        assert clean(text) == reference(text), ascii(text)


def test_clean_spells_out_precomposed_letters_and_swaps_virama_nukta():
    assert clean("বা\u09dfু") == "বা\u09af\u09bcু"
    assert clean("\u09a1\u09cd\u09bc") == "\u09a1\u09bc\u09cd"
    assert clean("কে\u09be") == "কো"
    assert clean("ঢাকা") == "ঢাকা"
