"""The precomputed tagger tables (``model/tables.npz``): current, reproducible, and tagging exactly as from cold."""
from __future__ import annotations

import shutil

import numpy as np
import pytest

from loaders.entities import precomputed
from loaders.entities.features import CLASSES_PATH, CLUSTERS_PATH, MODEL_PATH, NAMES_PATH
from loaders.entities.gazetteer import load_gazetteer
from loaders.entities.tagger import EntityTagger, default_tagger
from tests.conftest import ITTEFAQ_DIR, SAMPLE_DIR

WORD_FILES = (CLUSTERS_PATH, NAMES_PATH, CLASSES_PATH)
ITTEFAQ_PAGES = 60


def _texts() -> list[list[str]]:
    """The lines of the bundled sample and, when ../shared is there, of some Ittefaq pages."""
    paths = sorted(SAMPLE_DIR.glob("*.txt")) + sorted(ITTEFAQ_DIR.glob("*.txt"))[:ITTEFAQ_PAGES]
    return [path.read_text(encoding="utf-8-sig").splitlines() for path in paths]


@pytest.fixture(scope="module")
def cold() -> EntityTagger:
    """A tagger that builds every table from cold (an explicit gazetteer turns the shipped tables off)."""
    return EntityTagger(gazetteer=load_gazetteer())


def test_the_shipped_tables_are_current():
    key = precomputed.inputs_key(MODEL_PATH, WORD_FILES)
    assert precomputed._load(key, precomputed.tables_path(MODEL_PATH)) is not None, \
        "model/tables.npz is stale: run python -m loaders.entities tables"


def test_rebuilding_the_tables_gives_the_same_bytes(tmp_path):
    for path in (MODEL_PATH, *WORD_FILES):
        shutil.copy(path, tmp_path / path.name)
    built = precomputed.build_tables(*(tmp_path / path.name for path in (MODEL_PATH, CLUSTERS_PATH, NAMES_PATH,
                                                                          CLASSES_PATH)))
    assert built.read_bytes() == precomputed.tables_path(MODEL_PATH).read_bytes()


def test_a_stale_file_is_refused(tmp_path, caplog):
    for path in (MODEL_PATH, *WORD_FILES):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(precomputed.tables_path(MODEL_PATH), tmp_path / precomputed.TABLES_NAME)
    with open(tmp_path / CLUSTERS_PATH.name, "a", encoding="utf-8") as handle:
        handle.write("নতুনশব্দ\t1.1.1\t3\n")
    words = tuple(tmp_path / path.name for path in WORD_FILES)
    key = precomputed.inputs_key(tmp_path / MODEL_PATH.name, words)
    assert precomputed._load(key, tmp_path / precomputed.TABLES_NAME) is None
    assert "ignoring" in caplog.text


def test_preloaded_score_vectors_equal_the_cold_ones(cold):
    shipped = default_tagger()._decoder
    types = shipped.types[2:]
    cold_rows = cold._decoder.token_rows(types)
    shipped_rows = [shipped._rows[token] for token in types]
    assert np.array_equal(shipped._tables[:, shipped_rows], cold._decoder._tables[:, cold_rows])
    assert np.array_equal(shipped._tables[:, :2], cold._decoder._tables[:, :2])


def test_tagging_with_and_without_the_tables_is_identical(cold):
    texts = _texts()
    assert default_tagger().mentions_of_texts(texts) == cold.mentions_of_texts(texts)
    sentences = [line.split() for lines in texts for line in lines if line.strip()]
    assert [default_tagger().tags(s) for s in sentences] == [cold.tags(s) for s in sentences]
