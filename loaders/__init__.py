"""Khobor Lens loaders: Bengali news page dumps, HTML pages and datasets in, tidy pandas tables out.

Entry points:
- :func:`load_corpus` — files, folders and archives to a :class:`Corpus` (articles, lines, errors, …);
- :func:`read_paths` / :func:`sources_from_bytes` — files or uploaded bytes as sources, one per
  page or dataset record, without parsing them;
- :func:`parse_documents` — a :class:`Corpus` from such sources;
- :func:`parse_article` — one decoded page dump to an :class:`Article`.

Nothing here imports Streamlit; the app wraps :func:`load_corpus` in ``st.cache_data``.
"""
from .article import Article, parse_article, parse_document
from .corpus import Corpus, load_corpus, parse_documents
from .document import Document, Source
from .lines import BOILERPLATE_KINDS, LINE_KINDS
from .readers import ReadOptions, read_paths, sources_from_bytes

__all__ = [
    "Article",
    "BOILERPLATE_KINDS",
    "Corpus",
    "Document",
    "LINE_KINDS",
    "ReadOptions",
    "Source",
    "load_corpus",
    "parse_article",
    "parse_document",
    "parse_documents",
    "read_paths",
    "sources_from_bytes",
]
