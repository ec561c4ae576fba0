"""From raw mentions to one canonical entity per real-world thing.

Steps, all corpus-level and pure:
1. a canonical key per mention: the gazetteer id, or the mention text with its case
   ending removed where the corpus gives evidence for it;
2. within an article, a lone given name or surname (কিম, নারিশকিন) joins the full
   name of the same type that it starts or ends (কিম জং উন);
3. keys that differ by one word spelt another way (a vowel sign, the virama or a consonant
   that sounds the same: আব্দুল / আবদুল, নাসির / নাছির) merge, inside one type only, into the
   commoner key or the gazetteer entity;
4. entities get a canonical Bengali name, English label, type and counts.
"""
from __future__ import annotations

import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import compress
from operator import itemgetter

import pandas as pd
from rapidfuzz.distance import Levenshtein

from loaders.entities.evidence import SELF_MENTION
from loaders.entities.features import clustered_word_counts, read_clusters
from loaders.entities.gazetteer import Gazetteer, load_gazetteer
from loaders.entities.text import bare_is_common, nfc, possible_splits, tokenize

logger = logging.getLogger(__name__)

# Endings that mark case on a name so reliably that they are removed without further
# evidence (-কে object, -দের plural genitive, apostrophe- or hyphen-joined endings).
_SURE_ENDINGS = frozenset(nfc(s) for s in ("কে", "কেও", "কেই", "দের", "দেরকে"))
_GENITIVE_ENDINGS = frozenset(nfc(s) for s in ("র", "ের", "এর", "য়ের", "েরও", "েরই", "রও", "রই"))
# Postpositions that require a genitive before them: "X-এর সঙ্গে" proves X carried -এর.
_GENITIVE_GOVERNORS = frozenset(nfc(s) for s in (
    "সঙ্গে", "সাথে", "সংগে", "বিরুদ্ধে", "পক্ষে", "পক্ষ", "মধ্যে", "কাছে", "কাছ", "জন্য", "বরাত", "বরাতে", "নেতৃত্বে",
    "সহযোগিতায়", "উদ্দেশে", "প্রতি", "মতে", "দিকে", "পাশে", "ওপর", "উপর", "কথা", "সময়", "পর", "আগে",
))
_KEY_PUNCT = re.compile(r"[-‐–.’'\s]+")
_MIN_FUZZY_TOKEN = 3
_MIN_FUZZY_SINGLE = 5
# How one spelling of a Bengali name differs from another: a vowel sign (আহমেদ, আহমদ; শরীফুল, শরিফুল;
# মুগাবে, মুগাবী), the virama (আবদুল, আব্দুল), or a consonant for one that sounds the same (নাসির, নাছির;
# মন্ডল, মণ্ডল). Any other consonant makes another name: নজরুল is not নুরুল, বিজিবি not বিসিবি.
_VOWEL_SIGNS = frozenset("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc\u09d7")
_SILENT_MARKS = frozenset("\u09cd\u09bc")  # virama, nukta
_SOUNDS_ALIKE = tuple(frozenset(group) for group in ("নণ", "শসষছ", "তৎ", "জয", "ইঈ", "উঊ"))
_GAZETTEER_KEY = "gaz:"  # the key of a mention the gazetteer resolved: this prefix and the entity id


def _key(name: str) -> str:
    """Comparison key of a name: hyphens, dots and apostrophes count as spaces."""
    return _KEY_PUNCT.sub(" ", name).strip()


class _Evidence:
    """What the corpus says about which words really end in a case ending."""

    def __init__(self, surfaces: pd.Series, gazetteer: Gazetteer, word_counts: Mapping[str, int]):
        self.bare = set(surfaces)
        self.endings: dict[str, set[str]] = defaultdict(set)
        for surface in self.bare:
            stem, ending = _split_last(surface)
            if ending:
                self.endings[stem].add(ending)
        self.aliases = set(gazetteer.alias_to_id)
        self.word_counts = word_counts

    def stripped(self, surface: str, next_word: str) -> str:
        """``surface`` without its case ending when the ending is proven, else unchanged.

        A split whose stem the corpus or gazetteer knows bare wins over a longer
        ending (মাহমুদের is মাহমুদ + ের when মাহমুদ occurs alone).
        """
        splits = _surface_splits(surface)
        if not splits:
            return surface
        for stem, _ in splits:
            if stem in self.bare or stem in self.aliases:
                return stem
        if surface in self.endings:
            return surface  # it takes endings itself (ওয়ার্নারকে, ওয়ার্নারের): ওয়ার্নার is the stem
        stem, ending = splits[0]
        proven = (
            ending in _SURE_ENDINGS
            or not ending[0].isalpha() and ending[0] not in "\u09c7"  # joined: ’র, -এর
            or len(self.endings.get(stem, ())) > 1
            or (ending in _GENITIVE_ENDINGS and next_word in _GENITIVE_GOVERNORS)
            or self._frequent_bare(stem, surface)
        )
        return stem if proven else surface

    def _frequent_bare(self, stem: str, surface: str) -> bool:
        """The stem's last word stands alone in running text about as often as the inflected word."""
        return bare_is_common(stem.split()[-1], surface.split()[-1], self.word_counts)


@functools.cache
def news_word_counts() -> dict[str, int]:
    """Approximate word frequencies in Bengali news, from the shipped clusters' frequency buckets."""
    return clustered_word_counts(read_clusters())


def _written_stem(surface: str, stem: str) -> str:
    """The stem as the page wrote it: ``surface`` cut to the length the stripped ending leaves."""
    removed = len(" ".join(tokenize(surface))) - len(stem)
    cut = surface[: len(surface) - removed] if removed > 0 else surface
    return cut.rstrip("-’'")


def _surface_splits(surface: str) -> list[tuple[str, str]]:
    """Every plausible (stem, ending) split of a (possibly multi-word) surface's last word."""
    head, _, last = surface.rpartition(" ")
    return [(f"{head} {stem}" if head else stem, ending) for stem, ending in possible_splits(last)]


def _split_last(surface: str) -> tuple[str, str]:
    """Split the longest plausible case ending off the last word of a surface, else (surface, "")."""
    splits = _surface_splits(surface)
    return splits[0] if splits else (surface, "")


def _partial_names(article_ids: list[str], types: list[str], keys: list[str],
                   gazetteer: Gazetteer) -> dict[tuple[str, str, str], str]:
    """(article, PER, one-word key) -> the key of the fuller name in that article it abbreviates.

    A lone কিম joins কিম জং উন when the full name (or a gazetteer person whose alias
    starts or ends with that word) is mentioned in the same article.
    """
    mapping = {}
    people: dict[str, Counter] = defaultdict(Counter)
    for article, kind, key in zip(article_ids, types, keys):
        if kind == "PER":
            people[article][key] += 1
    for article, counts in people.items():
        shorts = [key for key in counts if " " not in key and not key.startswith(_GAZETTEER_KEY)]
        if not shorts:
            continue
        # First and last word of each fuller name -> that name, the most mentioned name first.
        ends: dict[str, str] = {}
        for key in sorted(counts, key=lambda k: -counts[k]):
            for words in _full_name_words(key, gazetteer):
                ends.setdefault(words[0], key)
                ends.setdefault(words[-1], key)
        mapping.update(((article, "PER", short), ends[short]) for short in shorts if short in ends)
    return mapping


@functools.lru_cache(maxsize=1 << 14)
def _full_name_words(key: str, gazetteer: Gazetteer) -> tuple[tuple[str, ...], ...]:
    """The words of each multi-word spelling of a person key (a gazetteer entry's aliases, or the key itself)."""
    if key.startswith(_GAZETTEER_KEY):
        entry = gazetteer.entries[key.removeprefix(_GAZETTEER_KEY)]
        return tuple(tuple(alias.split()) for alias in entry.aliases if " " in alias)
    return (tuple(key.split()),) if " " in key else ()


def _spelling_variant(word: str, other: str) -> bool:
    """Whether two words one edit apart are spellings of one name (see ``_VOWEL_SIGNS``)."""
    ops = Levenshtein.editops(word, other)
    if len(ops) != 1:
        return False
    op = ops[0]
    if op.tag == "replace":
        pair = {word[op.src_pos], other[op.dest_pos]}
        return pair <= _VOWEL_SIGNS or any(pair <= group for group in _SOUNDS_ALIKE)
    changed = word[op.src_pos] if op.tag == "delete" else other[op.dest_pos]
    return changed in _VOWEL_SIGNS or changed in _SILENT_MARKS


def _fuzzy_targets(counts: Counter, protected: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Map (type, key) to a commoner (type, key) that differs by one word spelt another way.

    See :func:`_spelling_variant`. Only spellings take part: a gazetteer entity ("gaz:iran") is resolved already, and its id is
    one edit from others' (iran, iraq; bbc, bbs; who, wto) by chance."""
    buckets: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for kind, key in counts:
        if key.startswith(_GAZETTEER_KEY):
            continue
        words = key.split()
        for i, word in enumerate(words):
            if len(word) >= _MIN_FUZZY_TOKEN and (len(words) > 1 or len(word) >= _MIN_FUZZY_SINGLE):
                buckets[(kind, len(words), i, *words[:i], *words[i + 1:])].append((kind, key))
    target: dict[tuple[str, str], tuple[str, str]] = {}
    for (_, _, position, *_rest), members in buckets.items():
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda m: (m not in protected, -counts[m], m[1]))
        # Words one edit apart share a one-deletion variant, so only those few pairs are compared.
        earlier: dict[str, list[int]] = defaultdict(list)
        for rank, member in enumerate(ranked):
            word = member[1].split()[position]
            variants = {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
            if rank and member not in protected and member not in target:
                candidates = sorted({r for v in variants for r in earlier.get(v, ())})
                leader = next((r for r in candidates
                               if _spelling_variant(ranked[r][1].split()[position], word)), None)
                if leader is not None:
                    target[member] = ranked[leader]
            for variant in variants:
                earlier[variant].append(rank)
    return target


ENTITY_COLUMNS = ["entity_id", "name_bn", "label_en", "type", "surfaces", "mentions", "articles", "mentions_all",
                  "self_mentions", "aside"]
MENTION_COLUMNS = ["article_id", "entity_id", "n", "start", "end", "surface", "type", "basis", "in_body", "aside"]


def link_entities(mentions: pd.DataFrame, word_counts: Mapping[str, int] | None = None,
                  gazetteer: Gazetteer | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Resolve raw mentions to one entity per real-world thing.

    ``mentions`` has one row per raw mention: article_id, n, start, end, surface, type,
    gazetteer_id (None unless the gazetteer matched), basis, next_word and in_body.
    ``word_counts`` (word -> frequency) is evidence for case endings; by default the
    frequencies behind the shipped word clusters.

    Returns ``(entities, mentions)``. ``entities`` has one row per entity: entity_id
    (the gazetteer id, else ``TYPE:canonical form``), name_bn (canonical Bengali form),
    label_en (English label, None when unknown), type (PER, LOC, ORG), surfaces (every
    spelling seen), mentions and articles (counted over body lines only, without the
    mentions set aside), mentions_all (furniture included), self_mentions (mentions in its
    own articles when it is the outlet) and aside (why the entity is not counted, or None);
    sorted by mentions. ``mentions`` has the columns of ``MENTION_COLUMNS``, each row with
    its entity_id; ``aside`` is None until :mod:`loaders.entities.evidence` sets it.
    """
    gazetteer = gazetteer or load_gazetteer()
    table = mentions.reset_index(drop=True)
    if table.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS), pd.DataFrame(columns=MENTION_COLUMNS)
    # Plain lists: iterating pandas' Arrow-backed string columns element by element is slow.
    article_ids, types, surfaces = table["article_id"].tolist(), table["type"].tolist(), table["surface"].tolist()
    gazetteer_ids, in_body = table["gazetteer_id"].tolist(), table["in_body"].tolist()
    surface_keys = {s: " ".join(tokenize(nfc(s))) for s in dict.fromkeys(surfaces)}
    evidence = _Evidence({surface_keys[s] for s, gid in zip(surfaces, gazetteer_ids) if not isinstance(gid, str)},
                         gazetteer, news_word_counts() if word_counts is None else word_counts)
    # Per mention, the comparison key and the stem as written (hyphens kept, for display).
    memo: dict[tuple[str, str], tuple[str, str]] = {}
    keys, written = [], []
    for gid, surface, next_word in zip(gazetteer_ids, surfaces, table["next_word"].tolist()):
        if isinstance(gid, str):
            keys.append(f"{_GAZETTEER_KEY}{gid}")
            written.append("")
            continue
        found = memo.get((surface, next_word))
        if found is None:
            stem = evidence.stripped(surface_keys[surface], nfc(next_word or ""))
            found = memo[(surface, next_word)] = (_key(stem), _written_stem(surface, stem))
        keys.append(found[0])
        written.append(found[1])
    partial = _partial_names(article_ids, types, keys, gazetteer)
    if partial:
        keys = [partial.get((a, t, k), k) for a, t, k in zip(article_ids, types, keys)]
    # One key, one type: the type it is given most often (the gazetteer's type for its entries).
    majority = {key: kind for (key, kind), _ in Counter(zip(keys, types)).most_common()[::-1]}
    for key in majority:
        if key.startswith(_GAZETTEER_KEY):
            majority[key] = gazetteer.entries[key.removeprefix(_GAZETTEER_KEY)].type
    types = [majority[key] for key in keys]
    alias_keys = {(e.type, _key(alias)): f"{_GAZETTEER_KEY}{e.id}"
                  for e in gazetteer.entries.values() for alias in e.aliases}
    counts = Counter(zip(types, keys))
    # Only spellings seen in the corpus are targets. Letting every gazetteer alias be one as well
    # pulled short names one edit away into the wrong entity (সরাইল -> Israel, এএফসি -> AFP).
    targets = _fuzzy_targets(counts, set(alias_keys))
    entity_ids = []
    for kind, key in zip(types, keys):
        kind_key = targets.get((kind, key), (kind, key))
        resolved = alias_keys.get(kind_key, kind_key[1])
        entity_ids.append(resolved.removeprefix(_GAZETTEER_KEY) if resolved.startswith(_GAZETTEER_KEY)
                          else f"{kind}:{resolved}")
    table = table.assign(entity_id=entity_ids, type=types, aside=None)[MENTION_COLUMNS]
    # The canonical name of a new entity is the stem it was written as most often (longest on ties).
    names: dict[str, tuple[str, str | None]] = {}
    best: dict[str, tuple[int, int]] = {}
    for (entity_id, key), count in Counter(zip(entity_ids, written)).items():
        entry = gazetteer.entries.get(entity_id)
        if entry:
            names[entity_id] = (entry.name_bn, entry.label_en)
        elif (count, len(key)) > best.get(entity_id, (0, 0)):
            best[entity_id] = (count, len(key))
            names[entity_id] = (key, None)
    return _entity_rows(entity_ids, types, surfaces, article_ids, in_body, [None] * len(table), names), table


def entity_table(mentions: pd.DataFrame, names: Mapping[str, tuple[str, str | None]]) -> pd.DataFrame:
    """One row per entity of ``mentions`` (see ``link_entities``); ``names`` gives (name_bn, label_en)."""
    if mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    columns = ("entity_id", "type", "surface", "article_id", "in_body", "aside")
    return _entity_rows(*(mentions[column].tolist() for column in columns), names)


def _entity_rows(entity_ids: list[str], types: list[str], surfaces: list[str], article_ids: list[str],
                 in_body: list[bool], aside: list[str | None], names: Mapping[str, tuple[str, str | None]]
                 ) -> pd.DataFrame:
    """``entity_table`` from the mention columns as lists."""
    # Counted in plain Python: per-group pandas aggregations over a few thousand entities are much slower.
    kinds, spellings, reasons, selves = {}, defaultdict(set), {}, Counter()
    aside = [reason if isinstance(reason, str) else None for reason in aside]  # NaN from a string column is None
    for entity_id, kind, surface, reason in zip(entity_ids, types, surfaces, aside):
        kinds.setdefault(entity_id, kind)
        spellings[entity_id].add(surface)
        if reason and reason.startswith(SELF_MENTION):
            selves[entity_id] += 1
        elif reason:
            reasons[entity_id] = reason
    body = list(compress(zip(entity_ids, article_ids), [b and not a for b, a in zip(in_body, aside)]))
    mentions_all, body_mentions = Counter(entity_ids), Counter(map(itemgetter(0), body))
    body_articles = Counter(map(itemgetter(0), set(body)))
    entities = pd.DataFrame({
        "entity_id": list(kinds),
        "name_bn": [names[e][0] for e in kinds],
        "label_en": [names[e][1] for e in kinds],
        "type": list(kinds.values()),
        "surfaces": [sorted(spellings[e]) for e in kinds],
        "mentions": [body_mentions[e] for e in kinds],
        "articles": [body_articles[e] for e in kinds],
        "mentions_all": [mentions_all[e] for e in kinds],
        "self_mentions": [selves[e] for e in kinds],
        "aside": [reasons.get(e) for e in kinds],
    }, columns=ENTITY_COLUMNS)
    return entities.sort_values(["mentions", "mentions_all", "entity_id"], ascending=[False, False, True],
                                ignore_index=True)
