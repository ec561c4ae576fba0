"""Finding entity mentions in lines: gazetteer matches first, the CRF for the rest.

Raw lines are laid out by ``layout.WordTable`` (tokens, decoder rows and character
spans per word type). The CRF is decoded by ``decoder.FastDecoder`` (per-word-type
score vectors, batch Viterbi over the uncertain runs); ``full_crf_tags`` is crfsuite's
own decode, the reference the tests compare it with.
"""
from __future__ import annotations

import functools
import logging
import tomllib
from dataclasses import dataclass
from itertools import accumulate, chain
from pathlib import Path

import numpy as np
import pycrfsuite

from loaders.entities.conll import bio_tag
from loaders.entities.decoder import EOS, PAD, per_line
from loaders.entities.features import (
    CLASSES_PATH, CLUSTERS_PATH, MODEL_PATH, NAMES_PATH, FeatureExtractor, clustered_word_counts, read_clusters,
    read_word_features,
)
from loaders.entities.gazetteer import Gazetteer, load_gazetteer
from loaders.entities.layout import Layout
from loaders.entities.mentions import RawMention
from loaders.entities.precomputed import decoder_and_words
from loaders.entities.text import bare_is_common, nfc, possible_splits, split_suffix

logger = logging.getLogger(__name__)

# Added to the CRF score of every chunk-beginning label (B-, S-), since the CRF alone is cautious: on five
# contiguous folds of rifat1493/train.txt (c2=0.5) the whole tagger's precision was 0.78 and recall 0.67.
# Pooled fold F1 by bias: 0 -> 0.722, 0.5 -> 0.731, 0.75 -> 0.732, 1.0 -> 0.731 (0.736 with c2=1.0), 1.25 -> 0.733.
START_BIAS = 1.0
WORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "entity_words.toml"
# Tokens that never begin or end a mention: punctuation the CRF may sweep into a chunk.
_EDGE_PUNCT = frozenset("‘’'\"“”()[]{},;:!?।|…–—/.-")
# Genitive endings that end a person's or place's name inside a longer CRF chunk
# ("কিমের ফোনালাপ" is Kim's phone call); the bare -র needs corpus evidence as well.
_GENITIVE = frozenset(nfc(s) for s in ("ের", "য়ের", "এর", "েরও", "য়েরও"))
_WEAK_GENITIVE = nfc("র")
_MIN_PROPAGATED = 3  # shorter words (উন, মু) are too ambiguous to tag wherever they occur
_Target = tuple[str, "str | None"]  # (entity type, gazetteer id) that a person's name stands for


@dataclass(frozen=True)
class EntityWords:
    """The tagger's word lists from ``data/entity_words.toml``."""

    not_entities: frozenset[str]
    person_trailing_nouns: frozenset[str]


@functools.cache
def entity_words(path: Path = WORDS_PATH) -> EntityWords:
    """The word lists, NFC-normalised, loaded once."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return EntityWords(frozenset(map(nfc, data["not_entities"])), frozenset(map(nfc, data["person_trailing_nouns"])))


class EntityTagger:
    """A loaded CRF model plus the gazetteer, tagging token lists and raw lines."""

    def __init__(self, model_path: Path = MODEL_PATH, clusters_path: Path = CLUSTERS_PATH,
                 gazetteer: Gazetteer | None = None, names_path: Path = NAMES_PATH, classes_path: Path = CLASSES_PATH):
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model_path))
        self.gazetteer = gazetteer or load_gazetteer()
        clusters = read_clusters(clusters_path)
        names = read_word_features(names_path)
        self._features = FeatureExtractor(clusters, self.gazetteer, names, read_word_features(classes_path))
        # Words banglakit annotates mostly as (part of) a person's name: নওশের stays whole before আলী.
        self._person_words = frozenset(word for word, kinds in names.items() if "PER" in kinds)
        # The shipped tables describe the shipped gazetteer only.
        self._decoder, self._word_table = decoder_and_words(model_path, (clusters_path, names_path, classes_path),
                                                            self._features, precomputed=gazetteer is None,
                                                            start_bias=START_BIAS)
        self._gazetteer_starts = self.gazetteer.first_tokens()
        self._gazetteer_seconds = self.gazetteer.second_tokens()
        self._words = entity_words()
        self._word_counts = clustered_word_counts(clusters)
        # Per decoder row (see ``_row_properties``), grown as the decoder meets new words.
        self._row_starts = np.zeros(0, dtype=bool)
        self._row_sizes = np.zeros(0, dtype=np.intp)
        # The lengths a first word may have before a row's word to be a misspelt alias (empty unless a second word).
        self._row_fuzzy_sizes = np.zeros((0, 2), dtype=np.intp)
        self._row_prefixes = np.zeros(0, dtype=np.intp)
        self._prefix_ids: dict[str, int] = {}
        self._row_properties()  # for the preloaded words, before any fork

    def crf_tags(self, tokens: list[str]) -> list[str]:
        """BIO tags from the CRF alone (fast decoder) for a tokenised, normalised sentence."""
        return self._decoder.decode(tokens)

    def full_crf_tags(self, tokens: list[str]) -> list[str]:
        """BIO tags from crfsuite's own decode of the whole sequence, without ``START_BIAS``
        (the reference for an unbiased ``FastDecoder``)."""
        return list(map(bio_tag, self._crf.tag(self._features.sentence(tokens)))) if tokens else []

    def gazetteer_matches(self, tokens: list[str], candidates: list[int] | None = None
                          ) -> list[tuple[int, int, str]]:
        """Non-overlapping longest gazetteer matches as (first token, end token, entry id).

        ``candidates`` are the positions, in order, where a match can begin, when known:
        a token that begins an alias, or one followed by an alias's second word (the
        first may be misspelt).
        """
        matches = []
        next_free = 0
        starts, seconds = self._gazetteer_starts, self._gazetteer_seconds
        if candidates is None:
            candidates = [i for i, token in enumerate(tokens)
                          if token in starts or i + 1 < len(tokens) and tokens[i + 1] in seconds]
        for i in candidates:
            if i < next_free:
                continue
            found = (self.gazetteer.match_at(tokens, i) if tokens[i] in starts else None) \
                or self.gazetteer.fuzzy_match_at(tokens, i)
            if found:
                matches.append((i, i + found[0], found[1]))
                next_free = i + found[0]
        return matches

    def tags(self, tokens: list[str]) -> list[str]:
        """BIO tags of a tokenised, normalised sentence, by the training data's convention.

        These are the chunks ``mentions`` reports, except that generic nouns the
        annotators tagged (পুলিশ, সরকার, দেশের) are kept here and dropped there.
        """
        tags = ["O"] * len(tokens)
        for start, end, kind, _, _ in self._chunks(tokens, self._decoder.chunks([tokens])[0], keep_common=True):
            tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        return tags

    def mentions(self, lines: list[str]) -> list[list[RawMention]]:
        """Entity mentions per line of one text, ordered by position.

        Lines may be raw: offsets point into each line as given, while ``surface`` is
        the normalised text of the mention (NFC, no invisible characters, one space
        between words). A person named in full on one line is also found where another
        line uses only the surname or first name.
        """
        return [[RawMention._make(mention) for mention in line] for line in self.mentions_of_texts([lines])[0]]

    def mentions_of_texts(self, texts: list[list[str]]) -> list[list[list[tuple]]]:
        """``mentions`` of many texts at once, as plain tuples of the fields of :class:`RawMention`.

        The CRF decodes the lines of all texts as one batch.
        """
        layout = self._word_table.layout(list(chain.from_iterable(texts)))
        token_lines, rows, starts = layout.tokens, layout.rows, layout.line_starts
        decoded = self._decoder.chunks(token_lines, rows)
        row_starts, row_sizes, row_fuzzy_sizes, prefixes = self._row_properties()
        # Where a gazetteer match can begin: an alias's first word, or a real token before an alias's
        # second word that is long enough to be a misspelling of the first.
        can_begin = row_starts[rows]
        sizes, fuzzy_sizes = row_sizes[rows[:-1]], row_fuzzy_sizes[rows[1:]]
        can_begin[:-1] |= (fuzzy_sizes[:, 0] <= sizes) & (sizes <= fuzzy_sizes[:, 1]) & (rows[:-1] > EOS)
        candidates = per_line(np.flatnonzero(can_begin), starts)
        chunks: list[list[tuple]] = []
        first = 0
        for lines in texts:
            last = first + len(lines)
            text_chunks = [self._chunks(token_lines[j], decoded[j], candidates[j]) if decoded[j] or candidates[j] else []
                           for j in range(first, last)]
            names = self._person_names(token_lines[first:last], text_chunks)
            if names:
                # Tokens that begin with a name's first three letters, the only ones that can be that name.
                wanted = np.zeros(len(self._prefix_ids), dtype=bool)
                wanted[[self._prefix_ids[name[:3]] for name in names]] = True
                low, high = starts[first] - PAD, starts[last] - PAD if last < len(starts) else len(rows)
                near = np.flatnonzero(wanted[prefixes[rows[low:high]]]) + low
                text_chunks = [_propagate(tokens, line_chunks, names, nearby) if nearby else line_chunks
                               for tokens, line_chunks, nearby
                               in zip(token_lines[first:last], text_chunks, per_line(near, starts[first:last]))]
            chunks += text_chunks
            first = last
        found = _mention_tuples(layout, chunks)
        bounds = list(accumulate(map(len, texts), initial=0))
        return [found[low:high] for low, high in zip(bounds, bounds[1:])]

    def _row_properties(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per decoder row: does its word begin a gazetteer alias, its length, the lengths a misspelt
        first word may have before it, and an id of its first three letters."""
        new = self._decoder.types[len(self._row_starts):]
        if new:
            starts, ids, sizes = self._gazetteer_starts, self._prefix_ids, self.gazetteer.fuzzy_first_sizes
            self._row_starts = np.concatenate((self._row_starts, [t in starts for t in new]))
            self._row_sizes = np.concatenate((self._row_sizes, [len(t) for t in new]))
            self._row_fuzzy_sizes = np.concatenate((self._row_fuzzy_sizes, [sizes(t) for t in new]))
            self._row_prefixes = np.concatenate((self._row_prefixes, [ids.setdefault(t[:3], len(ids)) for t in new]))
        return self._row_starts, self._row_sizes, self._row_fuzzy_sizes, self._row_prefixes

    def _person_names(self, tokenized: list[list[str]], chunks: list[list[tuple]]) -> dict[str, _Target]:
        """Single words that name a person found elsewhere in the same text -> (type, gazetteer id).

        The first and last word of a multi-word person name (কিম of কিম জং উন) and
        one-word person names qualify, unless they are short, common nouns, or name two people.
        """
        names: dict[str, _Target | None] = {}
        stop = self._words.not_entities
        for tokens, line_chunks in zip(tokenized, chunks):
            for start, end, kind, entry_id, basis in line_chunks:
                if kind != "PER" or (basis == "gazetteer" and end - start == 1):
                    continue
                words = {tokens[start], split_suffix(tokens[end - 1])[0]}
                for word in words:
                    if len(word) < _MIN_PROPAGATED or word in stop or not word[0].isalpha():
                        continue
                    names[word] = _agree(names.get(word, (kind, entry_id)), (kind, entry_id))
        return {word: target for word, target in names.items() if target}

    def _chunks(self, tokens: list[str], crf_chunks: list[tuple[int, int, str]], candidates: list[int] | None = None,
                keep_common: bool = False) -> list[tuple[int, int, str, str | None, str]]:
        """Gazetteer matches plus the tidied CRF chunks that do not overlap them, by position."""
        found: list[tuple[int, int, str, str | None, str]] = []
        taken: set[int] = set()
        tidy = _tidy_crf_chunks(tokens, crf_chunks)
        matches = self.gazetteer_matches(tokens, candidates)
        for start, end, entry_id in matches:
            kind = self.gazetteer.entries[entry_id].type
            if self._inside_longer_chunk(tokens, (start, end, kind), tidy, matches):
                continue
            found.append((start, end, kind, entry_id, "gazetteer"))
            taken.update(range(start, end))
        for start, end, kind in tidy:
            # A CRF chunk running into a gazetteer name keeps only the part before it.
            if taken:
                end = min(taken.intersection(range(start, end)), default=end)
            end = self._name_end(tokens, start, end, kind)
            if end > start and (keep_common or not self._common_words(tokens[start:end])):
                found.append((start, end, kind, None, "tagger"))
        found.sort()
        return found

    def _inside_longer_chunk(self, tokens: list[str], match: tuple[int, int, str], chunks: list[tuple[int, int, str]],
                             matches: list[tuple[int, int, str]]) -> bool:
        """The gazetteer match is the only one touching a longer CRF organisation chunk (সিলেট in সিলেট ক্যাডেট কলেজ),
        place chunk around a place (সুদানের in দক্ষিণ সুদানের) or person chunk that ends with a person (এরশাদ in
        এইচ এম এরশাদ), whose other words are not all common nouns (রুশ বাহিনী stays রুশ). A person's chunk that
        runs on after the name may cover two people (পুতিন চোয়েকে), so the gazetteer wins there."""
        start, end, kind = match
        for low, high, chunk_kind in chunks:
            if low <= start and end <= high and high - low > end - start and (
                    chunk_kind == "ORG" or chunk_kind == kind == "LOC" or chunk_kind == kind == "PER" and end == high):
                return sum(s < high and low < e for s, e, _ in matches) == 1 \
                    and not self._common_words(tokens[low:start] + tokens[end:high])
        return False

    def _name_end(self, tokens: list[str], start: int, end: int, kind: str) -> int:
        """Where a CRF person or place name really ends: before a trailing noun, after an inner genitive.

        In a person's name an ending needs corpus evidence (the bare stem is common) and no known name
        after it: নওশের আলী, কবির হোসেন and মতিয়ার রহমান are whole names, কিমের ফোনালাপ is not
        (with the person rule of ``_inside_longer_chunk``, pooled fold F1 0.7356 -> 0.7404).
        """
        if kind == "ORG":
            return end
        person = kind == "PER"
        if person:
            while end - start > 1 and tokens[end - 1] in self._words.person_trailing_nouns:
                end -= 1
        for i in range(start, end - 1):
            stem, ending = split_suffix(tokens[i])
            if ending not in _GENITIVE and ending != _WEAK_GENITIVE:
                continue
            if person and tokens[i + 1] in self._person_words:
                continue
            # A place's full genitive ends it outright; a weak one, or any in a person's name, needs the evidence.
            if (person or ending == _WEAK_GENITIVE) and not bare_is_common(stem, tokens[i], self._word_counts):
                continue
            return i + 1
        return end

    def _common_words(self, words: list[str]) -> bool:
        """Every word of a candidate name is a common noun, a title or lower-case Latin."""
        stop = self._words.not_entities
        if all(w.isascii() and not any(ch.isupper() for ch in w) for w in words):
            return True  # lower-case Latin (URL slugs, code) is never a name
        return " ".join(words) in stop or all(w.rstrip(".") in stop or split_suffix(w)[0] in stop for w in words)


def _mention_tuples(layout: Layout, chunks: list[list[tuple]]) -> list[list[tuple]]:
    """Per line, its chunks as mentions with character offsets into the line as written.

    Plain tuples with the fields of :class:`RawMention`: a long corpus makes millions.
    """
    # joined[t]: token t comes from the same written word as the token before it.
    joined = np.concatenate(([False], layout.word[1:] == layout.word[:-1])).tolist()
    firsts, lasts, partial = [], [], []
    for tokens, first, line_chunks in zip(layout.tokens, layout.first_token, chunks):
        for s, e, kind, entry_id, basis in line_chunks:
            # A hyphenated name (মু-জিন) is one name: a hyphen inside one written word, a letter after it.
            while (e + 1 < len(tokens) and tokens[e] == "-" and basis != "gazetteer" and tokens[e + 1][0].isalpha()
                   and joined[first + e] and joined[first + e + 1]):
                e += 2
            surface = tokens[s] if e - s == 1 else tokens[s] + "".join(
                token if glued else " " + token for token, glued in zip(tokens[s + 1:e], joined[first + s + 1:first + e]))
            firsts.append(first + s)
            lasts.append(first + e - 1)
            partial.append((surface, kind, entry_id, basis, tokens[e] if e < len(tokens) else ""))
    begins = iter(layout.char_starts[firsts].tolist())
    ends = iter(layout.char_ends[lasts].tolist())
    fields = iter(partial)
    return [[(next(begins), next(ends), *next(fields)) for _ in line_chunks] for line_chunks in chunks]


def _agree(first: _Target | None, second: _Target) -> _Target | None:
    """One target for a word named twice: equal ones, or the gazetteer's over an unlinked name; else None."""
    if first is None or first == second or second[1] is None:
        return first
    return second if first[1] is None else None


def _propagate(tokens: list[str], chunks: list[tuple], names: dict[str, _Target], candidates: list[int]
               ) -> list[tuple]:
    """``chunks`` plus a one-word mention for every untagged token at ``candidates`` that is a known person's name."""
    added = []
    covered = None
    for i in candidates:
        token = tokens[i]
        target = names.get(token) or next((names[stem] for stem, _ in possible_splits(token) if stem in names), None)
        if target is None:
            continue
        if covered is None:
            covered = {j for start, end, *_ in chunks for j in range(start, end)}
        if i not in covered:
            added.append((i, i + 1, target[0], target[1], "propagated"))
    return sorted(chunks + added) if added else chunks


def _tidy_crf_chunks(tokens: list[str], chunks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """CRF chunks trimmed of edge punctuation, with hyphen-split halves of a name rejoined (মু-জিন)."""
    trimmed: list[tuple[int, int, str]] = []
    for start, end, kind in chunks:
        while start < end and tokens[start] in _EDGE_PUNCT:
            start += 1
        while end > start and tokens[end - 1] in _EDGE_PUNCT:
            end -= 1
        if start == end or not any(map(str.isalpha, "".join(tokens[start:end]))):
            continue
        if kind == "PER" and trimmed and trimmed[-1][2] == kind and trimmed[-1][1] + 1 == start \
                and tokens[start - 1] == "-":
            trimmed[-1] = (trimmed[-1][0], end, kind)
            continue
        trimmed.append((start, end, kind))
    return trimmed


@functools.cache
def default_tagger() -> EntityTagger:
    """The shipped model and gazetteer, loaded once per process."""
    return EntityTagger()
