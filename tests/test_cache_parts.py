"""The parse cache's parts: half-written ones never count, a page stored twice is read once, many are merged."""
from __future__ import annotations

import pandas as pd

from loaders import cache
from loaders.cache import ParseStore


def tables(*hashes: str, tag: str = "") -> dict[str, pd.DataFrame]:
    return {"articles": pd.DataFrame({"content_hash": list(hashes), "title": [f"{h}{tag}" for h in hashes]}),
            "lines": pd.DataFrame({"content_hash": [h for h in hashes for _ in range(2)], "n": [1, 2] * len(hashes)}),
            "mentions": pd.DataFrame({"content_hash": list(hashes), "surface": ["x"] * len(hashes)})}


def test_parts_are_read_whole_once_and_merged(tmp_path, monkeypatch):
    store = ParseStore(tmp_path)
    store.add(tables("a", "b"))
    store.add(tables("b", "c", tag="-again"))  # a second load that parsed b at the same time
    # a load killed after writing the lines of its part, before its articles: that part does not count
    some_lines = next((store.folder / "lines").glob("*.parquet")).read_bytes()
    (store.folder / "lines" / "99999999999999999999-1.parquet").write_bytes(some_lines)
    found = store.get({"a", "b", "c", "d"})
    assert sorted(found["articles"]["content_hash"]) == ["a", "b", "c"]
    assert found["lines"].groupby("content_hash").size().to_dict() == {"a": 2, "b": 2, "c": 2}
    assert len(found["mentions"]) == 3

    monkeypatch.setattr(cache, "MAX_PARTS", 3)
    for n in range(3):
        store.add(tables(f"n{n}"))
    store.tidy()
    assert len(list((store.folder / "articles").glob("*.parquet"))) == 1
    merged = store.get({"a", "b", "c", "n0", "n1", "n2"})
    assert sorted(merged["articles"]["content_hash"]) == ["a", "b", "c", "n0", "n1", "n2"]
    assert len(merged["lines"]) == 12
