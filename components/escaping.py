"""Values as safe display text: Markdown-literal strings and escaped HTML text.

Every piece of article text goes through ``html.escape`` (here) before it becomes markup,
so a page dump that contains ``<script>``, Markdown or LaTeX shows those characters
literally. Missing values (None, NaN, NA) show as empty text.
"""
from __future__ import annotations

import math
import re
from html import escape

import pandas as pd

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def markdown_literal(value) -> str:
    """Text for Streamlit's Markdown elements (st.header, st.caption) that shows exactly as written.

    Every character Markdown, LaTeX (``$``) or Streamlit directives (``:red[…]``) could
    act on is backslash-escaped.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", as_text(value))


def escaped(value) -> str:
    """Escaped text of any value (None and NaN become an empty string)."""
    return escape(as_text(value), quote=True)


def as_text(value) -> str:
    """A value as display text; missing values (None, NaN, NA) are empty."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def as_int(value) -> int | None:
    """An integer, or None for missing or non-numeric values."""
    try:
        if value is None or pd.isna(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def escaped_raw(text: str) -> str:
    """Raw text made safe for a pre-wrap box: stray carriage returns become spaces, then escaped."""
    return escape(text.replace("\r", " "), quote=True)
