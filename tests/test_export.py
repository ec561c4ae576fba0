"""Exports of the filtered articles table."""
from __future__ import annotations

import io

import pandas as pd

from components.export import export_frame, rows_as, to_csv_bytes, to_parquet_bytes


def test_csv_keeps_bengali_and_flattens_lists(sample_corpus):
    data = to_csv_bytes(sample_corpus.articles)
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert len(frame) == 5 and "source" not in frame.columns
    row = frame.set_index("article_id").loc["004_ba2a176cc4aaac8d.txt"]
    assert row["attributions"] == "bss; afp; kcna"
    assert row["title"].startswith("ট্রাম্পের সঙ্গে")


def test_parquet_round_trips_the_filtered_rows(sample_corpus):
    subset = sample_corpus.articles[sample_corpus.articles["outlet"].notna()]
    frame = pd.read_parquet(io.BytesIO(to_parquet_bytes(subset)))
    assert frame["article_id"].tolist() == subset["article_id"].tolist()
    assert list(frame.columns) == list(export_frame(subset).columns)
    assert list(frame.loc[0, "attributions"]) == ["tass"]


def test_rows_as_encodes_the_chosen_rows_with_their_text(sample_corpus):
    chosen = sample_corpus.articles.index[[1, 3]]
    frame = pd.read_parquet(io.BytesIO(rows_as(to_parquet_bytes, sample_corpus.articles, chosen)))
    assert frame["article_id"].tolist() == sample_corpus.articles.loc[chosen, "article_id"].tolist()
    assert frame["body"].str.len().gt(100).all()
