"""textnorm: exactly NFC without invisible characters, however the text is spelt, with offsets back."""
from __future__ import annotations

import random
import unicodedata

from loaders.textnorm import INVISIBLE, clean, normalise_word

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


def reference_offsets(word: str) -> tuple[int, ...]:
    """Per character of the clean word, where it came from: grow a prefix of the word and see what NFC makes of it."""
    kept = [i for i, ch in enumerate(word) if ch not in INVISIBLE]
    stripped = "".join(word[i] for i in kept)
    offsets: list[int] = []
    for size in range(1, len(stripped) + 1):
        offsets += [kept[size - 1]] * (len(unicodedata.normalize("NFC", stripped[:size])) - len(offsets))
    return tuple(offsets)


def test_normalised_words_map_every_character_back_to_where_it_was_written():
    rng = random.Random(11)
    letters = [chr(code) for code in range(0x0995, 0x09b9)] + ["\u09dc", "\u09dd", "\u09df", "া", "ে", "\u09cd"]
    for alphabet in (letters + list(INVISIBLE), ALPHABET):
        for _ in range(5_000):
            word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
            found = normalise_word(word)
            if found is None:
                assert clean(word) == word
                continue
            normalised, offsets = found
            assert normalised == reference(word)
            assert offsets == reference_offsets(word)[:len(normalised)], ascii(word)
