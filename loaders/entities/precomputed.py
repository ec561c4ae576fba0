"""The tagger's per-word tables, precomputed for the model's vocabulary and shipped as ``model/tables.npz``.

A fresh process would otherwise read the CRF weights out of crfsuite's text dump and
build the features, score vectors and token splits of every word it meets (about two
seconds for a few thousand pages). The file holds the weights and, for every word of
the clusters, classes and names files and of the gazetteer's aliases (also as pages
spell them, with precomposed য় ড় ঢ়), the decoder's feature rows and the word table's
tokens, exactly as they are built from cold (a test compares them). Other words are
still added as they are met.

The file carries a hash of everything it derives from: the model, the word files, the
gazetteer and the code that turns words into features and tokens. A file whose hash
does not match is refused with a warning, and the tables are built from cold.
``python -m loaders.entities tables`` (and ``train``) writes it.
"""
from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from pathlib import Path

import numpy as np
import pycrfsuite

from loaders.entities.decoder import CrfWeights, FastDecoder
from loaders.entities.features import (
    CLASSES_PATH, CLUSTERS_PATH, MODEL_PATH, NAMES_PATH, FeatureExtractor, read_clusters, read_word_features,
)
from loaders.entities.gazetteer import GAZETTEER_PATH, load_gazetteer
from loaders.entities.layout import WordTable
from loaders.entities.text import split_word

logger = logging.getLogger(__name__)

TABLES_NAME = "tables.npz"
_PACKAGE = Path(__file__).resolve().parents[1]
# The code that turns a word into features, feature rows and tokens: a change to it makes the tables stale.
_CODE = ("entities/features.py", "entities/text.py", "entities/gazetteer.py", "entities/decoder.py",
         "entities/layout.py", "textnorm.py")
_SEPARATOR = "\n"  # joins the stored strings; no token or feature holds white space
_PUNCTUATION = "‘’'\"“”()[]{}<>«»,;:!?।|…–—/.-"
# NFC spells these letters as letter + nukta; pages often write the precomposed letter.
_PRECOMPOSED = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip member dates, so that rebuilding gives the same bytes
_STRINGS = ("labels", "attributes", "types", "words")
_WORD_ARRAYS = ("word_counts", "word_rows", "word_starts", "word_ends")


def tables_path(model_path: Path) -> Path:
    """Where the tables of a model file live: beside it."""
    return model_path.parent / TABLES_NAME


def inputs_key(model_path: Path, word_files: tuple[Path, ...], gazetteer_path: Path = GAZETTEER_PATH) -> str:
    """Hash of the model, the word files, the gazetteer and the feature and token code."""
    digest = hashlib.sha1()
    for path in (model_path, *word_files, gazetteer_path, *(_PACKAGE / name for name in _CODE)):
        digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"-") + b"\0")
    return digest.hexdigest()


def decoder_and_words(model_path: Path, word_files: tuple[Path, ...], features: FeatureExtractor,
                      precomputed: bool = True, start_bias: float = 0.0) -> tuple[FastDecoder, WordTable]:
    """The decoder (with ``start_bias``, see :class:`FastDecoder`) and word table of a model: from its shipped
    tables when they are current, else from cold."""
    stored = _load(inputs_key(model_path, word_files), tables_path(model_path)) if precomputed else None
    if stored is None:
        crf = pycrfsuite.Tagger()
        crf.open(str(model_path))
        decoder = FastDecoder(CrfWeights.from_crf(crf), features, start_bias)
        return decoder, WordTable(decoder)
    text = {name: bytes(stored[name]).decode().split(_SEPARATOR) for name in _STRINGS}
    decoder = FastDecoder(CrfWeights(text["labels"], text["attributes"], stored["weights"], stored["transitions"]),
                          features, start_bias)
    sizes = stored["type_sizes"].astype(np.intp)
    decoder.preload(text["types"], stored["type_rows"].astype(np.intp), np.cumsum(sizes) - sizes)
    words = WordTable(decoder)
    words.preload(text["words"], *(stored[name].astype(np.intp) for name in _WORD_ARRAYS))
    return decoder, words


def build_tables(model_path: Path = MODEL_PATH, clusters_path: Path = CLUSTERS_PATH, names_path: Path = NAMES_PATH,
                 classes_path: Path = CLASSES_PATH) -> Path:
    """Build the tables of a model from cold and write them beside it; returns their path."""
    clusters, names, classes = read_clusters(clusters_path), read_word_features(names_path), read_word_features(classes_path)
    gazetteer = load_gazetteer()
    features = FeatureExtractor(clusters, gazetteer, names, classes)
    word_files = (clusters_path, names_path, classes_path)
    decoder, table = decoder_and_words(model_path, word_files, features, precomputed=False)
    words = _vocabulary([*clusters, *names, *classes, *set().union(*gazetteer.alias_tokens.values())])
    # Tokens first, in sorted order, so that every build numbers the rows alike.
    decoder.token_rows(sorted({token for word in words for token in split_word(word).tokens}))
    table.layout(words)
    types = decoder.types[2:]
    rows, bounds = decoder.feature_rows([features.compute(token) for token in types])
    stored_words, counts, word_rows, starts, ends = table.export()
    crf = decoder.model
    arrays = {
        "key": np.frombuffer(inputs_key(model_path, word_files).encode(), dtype=np.uint8),
        **{name: _joined(values) for name, values in zip(_STRINGS, (crf.labels, crf.attributes, types, stored_words))},
        "weights": crf.weights, "transitions": crf.transitions,
        "type_rows": _compact(np.array(rows)),
        "type_sizes": _compact(np.diff(bounds, append=len(rows))),  # smaller than the bounds themselves
        **{name: _compact(array) for name, array in zip(_WORD_ARRAYS, (counts, word_rows, starts, ends))},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", _FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w") as member:
                np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
    path = tables_path(model_path)
    path.write_bytes(buffer.getvalue())
    logger.info("wrote %s: %d word types, %d written words", path, len(types), len(stored_words))
    return path


def _load(key: str, path: Path) -> dict[str, np.ndarray] | None:
    """The arrays stored at ``path`` if they were built from the inputs ``key`` names; None (and a warning) if not."""
    if not path.exists():
        logger.warning("no precomputed tagger tables at %s; building them from cold", path)
        return None
    with np.load(path, allow_pickle=False) as stored:
        if bytes(stored["key"]).decode() != key:
            logger.warning("ignoring %s: built from another model, word files or feature code "
                           "(python -m loaders.entities tables rebuilds it)", path)
            return None
        return {name: stored[name] for name in stored.files}


def _vocabulary(words: list[str]) -> list[str]:
    """The words, punctuation, and every word also spelt with precomposed letters, sorted."""
    found = set(words).union(_PUNCTUATION)
    for word in list(found):
        spelt = word
        for nfc_form, precomposed in _PRECOMPOSED.items():
            spelt = spelt.replace(nfc_form, precomposed)
        found.add(spelt)
    return sorted(found)


def _compact(array: np.ndarray) -> np.ndarray:
    """A non-negative integer array in the smallest type that holds it."""
    return array.astype(np.min_scalar_type(int(array.max(initial=0))))


def _joined(values: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array (far faster to load than a numpy string array)."""
    if any(_SEPARATOR in value for value in values):
        raise ValueError("a stored string holds the separator")
    return np.frombuffer(_SEPARATOR.join(values).encode(), dtype=np.uint8)
