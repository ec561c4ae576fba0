"""What every page reads: the loaded corpus and the rows the sidebar filters leave."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from components.filters import Filters, set_aside
from loaders import Corpus
from loaders.arrow_ops import isin

VIEW_KEY = "app_view"


@dataclass(frozen=True)
class View:
    """The corpus, where it came from, and the filtered articles (never mutate these frames)."""

    corpus: Corpus
    origin: str
    filters: Filters
    articles: pd.DataFrame
    site_names: dict[str, str]
    entities: pd.DataFrame          # the corpus's entities with the user's corrections applied
    all_mentions: pd.DataFrame      # every mention, corrected (entity ids and types as in ``entities``)
    page_mentions: pd.DataFrame     # the same, of article pages only (listings set aside)
    corrections_file: Path
    corrections_error: str | None = None

    @property
    def lines(self) -> pd.DataFrame:
        """Lines of the filtered articles."""
        return self.corpus.lines[isin(self.corpus.lines["article_id"], self.articles["article_id"])]

    @property
    def mentions(self) -> pd.DataFrame:
        """Corrected mentions in the filtered articles (body and furniture; see ``in_body``).

        Selected anew at each call (0.2 s over 2.7 million mentions at 100,000 articles) and not
        kept: the view stays in the session, and a kept selection would cost each session its size.
        """
        if len(self.articles) == len(self.corpus.articles):
            return self.all_mentions  # nothing filtered out
        if not self.filters.include_listings and len(self.articles) == self.pages:
            return self.page_mentions  # only the listings set aside: the sidebar's default
        return self.all_mentions[isin(self.all_mentions["article_id"], self.articles["article_id"])]

    @cached_property
    def pages(self) -> int:
        """The number of article pages (not listings) in the corpus."""
        return len(self.corpus.articles) - set_aside(self.corpus.articles)


def publish(view: View) -> None:
    """Make the view available to the page about to run."""
    st.session_state[VIEW_KEY] = view


def current() -> View:
    """The view app.py prepared for this run."""
    return st.session_state[VIEW_KEY]
