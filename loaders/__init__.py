"""Khobor Lens loaders: Bengali news page dumps in, tidy pandas tables out.

Entry points:
- :func:`load_corpus` — files and folders to a :class:`Corpus` (articles, lines, errors);
- :func:`parse_documents` — the same from in-memory ``(article_id, path, bytes)`` triples;
- :func:`parse_article` — one decoded page to an :class:`Article`;
- :func:`documents_from_zip` — the ``.txt`` members of an uploaded zip as documents.

Nothing here imports Streamlit; the app wraps :func:`load_corpus` in ``st.cache_data``.
"""
from .article import Article, parse_article
from .corpus import Corpus, load_corpus, parse_documents, read_documents
from .lines import BOILERPLATE_KINDS, LINE_KINDS
from .reading import documents_from_zip

__all__ = [
    "Article",
    "BOILERPLATE_KINDS",
    "Corpus",
    "documents_from_zip",
    "LINE_KINDS",
    "load_corpus",
    "parse_article",
    "parse_documents",
    "read_documents",
]
