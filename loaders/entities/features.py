"""CRF features for Bengali tokens, precomputed once per word type.

A token's features are its own list plus short lists lent by its neighbours; every
list depends on one word type only, so it is built once per type and reused.
"""
from __future__ import annotations

import logging
import math
import re
from pathlib import Path

from loaders.entities.gazetteer import ENTITY_TYPES, Gazetteer
from loaders.entities.text import split_suffix

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_PATH = MODEL_DIR / "model.crfsuite"
CLUSTERS_PATH = MODEL_DIR / "clusters.tsv"
NAMES_PATH = MODEL_DIR / "names.tsv"
CLASSES_PATH = MODEL_DIR / "word_classes.tsv"
_PUNCT = "‘’'\"“”()[]{}<>«»,;:!?।|…–—/"
_QUOTES = "‘’'\"“”"
_BOUNDARY = ("__BOS__", "__EOS__")
_NO_CLUSTER = ("c=none",)
_NO_CLASS = ("k=none",)


def read_clusters(path: Path = CLUSTERS_PATH) -> dict[str, tuple[str, int]]:
    """Word -> (cluster path such as ``3.5.1``, frequency bucket) from the shipped clusters file."""
    clusters: dict[str, tuple[str, int]] = {}
    if not path.exists():
        logger.warning("no word clusters at %s; tagging without them", path)
        return clusters
    shared: dict[str, tuple[str, int]] = {}  # a few thousand distinct values: one tuple each
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip("\n").partition("\t")
            found = shared.get(value)
            if found is None:
                cluster, bucket = value.split("\t")
                found = shared[value] = (cluster, int(bucket))
            clusters[word] = found
    return clusters


def read_word_features(path: Path) -> dict[str, tuple[str, ...]]:
    """Word -> feature strings from a shipped ``word<TAB>feature,feature`` file (names.tsv, word_classes.tsv)."""
    if not path.exists():
        logger.warning("no word features at %s; tagging without them", path)
        return {}
    features: dict[str, tuple[str, ...]] = {}
    shared: dict[str, tuple[str, ...]] = {}  # words share a few thousand distinct lists: one tuple each
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, values = line.rstrip("\n").split("\t")
            found = shared.get(values)
            features[word] = found if found is not None else shared.setdefault(values, tuple(values.split(",")))
    return features


def clustered_word_counts(clusters: dict[str, tuple[str, int]]) -> dict[str, int]:
    """Approximate corpus frequency of each clustered word (the low end of its bucket)."""
    return {word: 2 ** bucket for word, (_, bucket) in clusters.items()}


def frequency_bucket(count: int) -> int:
    """Log-scale bucket of a corpus frequency, shared by training and tagging."""
    return min(int(math.log2(count + 1)), 15)


_DIGIT_RE = re.compile(r"\d")
_BENGALI_RE = re.compile(r"[\u0980-\u09ff]+")


def _shape(core: str) -> str:
    """Coarse character class of a word: digit, latin, bengali, punct or mixed."""
    if not core:
        return "punct"
    if _DIGIT_RE.search(core):
        return "digit"
    if core.isascii():
        return "latin"
    return "bengali" if _BENGALI_RE.fullmatch(core) else "mixed"


Roles = tuple[list[str], list[str], list[str], list[str], list[str]]


class FeatureExtractor:
    """Per-word-type feature lists, memoised: a type's own features and those it lends its neighbours.

    ``roles(token)`` gives five lists: the token's own features, then the features it
    lends another token when it stands two before, one before, one after or two
    after that token (``-1w=X`` on a token means "the previous word is X").
    """

    def __init__(self, clusters: dict[str, tuple[str, int]], gazetteer: Gazetteer,
                 names: dict[str, tuple[str, ...]] | None = None, classes: dict[str, tuple[str, ...]] | None = None):
        """``names``: word -> entity types (``nm=PER``); ``classes``: word -> embedding classes, coarsest first."""
        paths = {path for path, _ in clusters.values()}
        # Per cluster path, its prefix features (c1=3, c2=3.5, c3=3.5.1), for a word and for a stem.
        self._path_features = {path: _prefixes("c", path) for path in paths}
        self._stem_path_features = {path: _prefixes("stc", path) for path in paths}
        self._clusters = clusters
        self._gazetteer_features = _gazetteer_index(gazetteer)
        self._name_features = {word: tuple(f"nm={kind}" for kind in kinds) for word, kinds in (names or {}).items()}
        self._classes = classes or {}
        self._roles: dict[str, Roles] = {}
        self._bos = self.compute(_BOUNDARY[0])
        self._eos = self.compute(_BOUNDARY[1])

    def roles(self, token: str) -> Roles:
        """The five feature lists of ``token`` (memoised per word type)."""
        found = self._roles.get(token)
        if found is None:
            found = self._roles[token] = self.compute(token)
        return found

    def compute(self, token: str) -> Roles:
        """Build the five feature lists of one word type (not memoised: for callers that keep their own results)."""
        core = token.strip(_PUNCT)
        word = core or token
        stem, suffix = split_suffix(word)
        clusters = self._clusters
        cluster = clusters.get(word)
        gazetteer = self._gazetteer_features.get(word, ()) or self._gazetteer_features.get(stem, ())
        gazetteer += self._name_features.get(word, ()) or self._name_features.get(stem, ())
        own = [f"w={core}", f"stem={stem}", f"suf={suffix}", f"shape={_shape(core)}",
               f"len={min(len(core), 8)}", f"p2={core[:2]}", f"p3={core[:3]}",
               f"s1={core[-1:]}", f"s2={core[-2:]}", f"s3={core[-3:]}", f"fq={cluster[1] if cluster else 0}"]
        if core != token:
            own.append("quoteL" if token[0] in _QUOTES else "punctL" if core and token[0] in _PUNCT else "punctR")
        if "-" in core:
            own.append("hyphen")
        if "." in core:
            own.append("dot")
        own += self._path_features[cluster[0]] if cluster else _NO_CLUSTER
        stem_cluster = clusters.get(stem) if stem != word else None
        if stem_cluster:
            own += self._stem_path_features[stem_cluster[0]]
        own += gazetteer
        classes = self._classes.get(word) or self._classes.get(stem) or _NO_CLASS
        own += classes
        near = cluster or stem_cluster
        near_cluster = near[0].rsplit(".", 1)[0] if near else "none"
        before = [f"-1w={word}", f"-1stem={stem}", f"-1suf={suffix}", f"-1c2={near_cluster}"]
        after = [f"+1w={word}", f"+1stem={stem}", f"+1suf={suffix}", f"+1c2={near_cluster}"]
        before += ["-1" + g for g in gazetteer] + ["-1" + classes[0]]
        after += ["+1" + g for g in gazetteer] + ["+1" + classes[0]]
        return own, [f"-2w={word}"], before, after, [f"+2w={word}"]
    def window(self, tokens: list[str], start: int, end: int) -> list[list[str]]:
        """Feature lists for ``tokens[start:end]``, with neighbours taken from the whole list."""
        count = len(tokens)
        roles, bos, eos = self.roles, self._bos, self._eos

        def around(j: int) -> Roles:
            return bos if j < 0 else eos if j >= count else roles(tokens[j])

        return [roles(tokens[i])[0] + around(i - 2)[1] + around(i - 1)[2] + around(i + 1)[3] + around(i + 2)[4]
                for i in range(start, end)]

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists for every token of one sentence."""
        return self.window(tokens, 0, len(tokens))

    def boundary(self) -> tuple[Roles, Roles]:
        """Roles of the sentence-start and sentence-end pseudo tokens."""
        return self._bos, self._eos


def _prefixes(name: str, path: str) -> tuple[str, ...]:
    """Features for every level of a cluster path: ``c1=3``, ``c2=3.5``, ``c3=3.5.1``."""
    parts = path.split(".")
    return tuple(f"{name}{level}={'.'.join(parts[:level])}" for level in range(1, len(parts) + 1))


def _gazetteer_index(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Word -> gazetteer features: ``gza=T`` if it is a whole alias of type T, else ``gzt=T`` if inside one."""
    index: dict[str, tuple[str, ...]] = {}
    for word in set().union(*gazetteer.alias_tokens.values()):
        features = []
        for kind in ENTITY_TYPES:
            if word in gazetteer.single_aliases[kind]:
                features.append(f"gza={kind}")
            elif word in gazetteer.alias_tokens[kind]:
                features.append(f"gzt={kind}")
        index[word] = tuple(features)
    return index
