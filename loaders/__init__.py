"""Khobor Lens loaders: Bengali news page dumps in, tidy pandas tables out.

Entry points:
- :func:`load_corpus` — files and folders to a :class:`Corpus` (articles, lines, errors);
- :func:`parse_documents` — the same from in-memory ``(article_id, path, bytes)`` triples;
- :func:`parse_article` — one decoded page to an :class:`Article`.

Nothing here imports Streamlit; the app wraps :func:`load_corpus` in ``st.cache_data``.
"""
from .article import Article, parse_article
from .corpus import Corpus, load_corpus, parse_documents, read_documents
from .lines import BOILERPLATE_KINDS, LINE_KINDS

__all__ = [
    "Article",
    "BOILERPLATE_KINDS",
    "Corpus",
    "LINE_KINDS",
    "load_corpus",
    "parse_article",
    "parse_documents",
    "read_documents",
]
