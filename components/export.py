"""Downloads of the filtered articles table (pure functions: DataFrame in, bytes out)."""
from __future__ import annotations

import io

import pandas as pd

EXPORT_COLUMNS = [
    "article_id", "title", "label", "outlet", "outlet_name_en", "outlet_name_bn", "site_host", "fingerprint",
    "published_iso", "published_basis", "published_precision", "published_partial",
    "updated_iso", "updated_basis", "page_date_iso", "page_date_basis", "page_date_check",
    "desk", "byline", "dateline", "credits", "attributions", "entities",
    "n_lines", "n_body_lines", "n_boilerplate_lines", "boilerplate_share", "body",
]
_LIST_COLUMNS = ("credits", "attributions", "entities")


def export_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """The exported columns, in a fixed order (the raw page source is left out)."""
    return articles[[c for c in EXPORT_COLUMNS if c in articles.columns]].reset_index(drop=True)


def to_csv_bytes(articles: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM so spreadsheet programs show Bengali; lists joined with '; '."""
    frame = export_frame(articles).copy()
    for column in _LIST_COLUMNS:
        if column in frame:
            frame[column] = frame[column].map(lambda values: "; ".join(map(str, values)))
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_parquet_bytes(articles: pd.DataFrame) -> bytes:
    """Parquet of the exported columns, lists kept as lists."""
    buffer = io.BytesIO()
    export_frame(articles).to_parquet(buffer, index=False)
    return buffer.getvalue()


def rows_as(encode, articles: pd.DataFrame, index: pd.Index) -> bytes:
    """``encode`` (:func:`to_csv_bytes` or :func:`to_parquet_bytes`) of the rows of ``articles`` at ``index``."""
    return encode(articles.loc[index])
