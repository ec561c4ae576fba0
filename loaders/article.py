"""Parse one page dump into an :class:`Article`: classified lines plus metadata."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from .document import Document
from .lines import BOILERPLATE_KINDS, LIST_KINDS, PRINTED_TITLE, Line, classify
from .metadata import Metadata, extract, with_given

logger = logging.getLogger(__name__)

LABEL_LENGTH = 90
# The error row of a source that parses to nothing to read (a one-byte file, a line of punctuation).
NO_TEXT = "no text: neither a headline nor an article paragraph was found in it"


@dataclass(frozen=True)
class Article:
    """One parsed page: the source text, every line with its kind, and the metadata."""

    name: str
    source: str
    lines: tuple[Line, ...]
    title: str | None
    meta: Metadata
    title_basis: str | None = None
    document: Document | None = None
    page_kind: str = "article"
    page_kind_reason: str = ""

    @property
    def body_lines(self) -> list[Line]:
        """The lines that make up the clean article."""
        return [line for line in self.lines if line.kind == "body"]

    @property
    def body(self) -> str:
        """The clean article text, one paragraph per line."""
        return "\n".join(line.text for line in self.body_lines)

    @property
    def has_text(self) -> bool:
        """Whether there is anything to read: a body line, a headline of two letters or more, or a page of listed stories."""
        return (any(line.kind == "body" for line in self.lines) or sum(map(str.isalpha, self.title or "")) >= 2
                or self.page_kind != "article")

    @property
    def label(self) -> str:
        """A display name: the title, else the start of the first body line (for a listing page, of
        its first listed story), else the file name."""
        if self.title:
            return self.title
        first = next((line.text for line in self.body_lines), "")
        if self.page_kind != "article":
            story = next((line.text for line in self.lines if line.kind in LIST_KINDS), "")
            return f"Listing page: {_cut(story)}" if story else "Listing page"
        if not first:
            return self.name
        return _cut(first)

    @property
    def boilerplate_lines(self) -> int:
        """How many non-blank lines are page furniture."""
        return sum(line.kind in BOILERPLATE_KINDS for line in self.lines)


def _cut(text: str) -> str:
    """The text, or its first words up to ``LABEL_LENGTH`` characters and an ellipsis."""
    if len(text) <= LABEL_LENGTH:
        return text
    return text[:LABEL_LENGTH].rsplit(" ", 1)[0] + " …"


def parse_document(document: Document, name: str = "", site_furniture: frozenset[str] = frozenset()) -> Article:
    """Parse a document from any reader (dump, dataset record, HTML page).

    The document's text is classified line by line; a headline the source states is the
    title (its line, if the text has one, is marked as the title line), and every value
    the source states outright (dates, outlet, author) takes precedence over what the
    lines suggest, keeping the source's basis (``column Headline``, ``og:title meta``).
    Offsets in the result index ``document.text``. ``site_furniture`` holds the keys of
    lines most pages of the page's site print (see :mod:`loaders.layout.site`).
    """
    given_title = document.get("title")
    classified, kind, kind_reason = classify(document.text, given_title.value if given_title else None,
                                             page=document.kind != "record", site_furniture=site_furniture)
    lines = tuple(classified)
    given_outlet = document.get("outlet")
    meta = with_given(extract(classified, given_outlet.value if given_outlet else None), document, classified)
    if kind != "article":
        title, basis = None, None  # a listing's <title> names the page, not a story; it stays in the fields
    else:
        title_line = next((line for line in lines if line.kind == "title"), None)
        if given_title and title_line and title_line.reason == PRINTED_TITLE and document.kind != "record":
            # the page prints the headline its markup names in other words: readers saw the line
            title, basis = title_line.text, f"line {title_line.n}: the {given_title.basis} as the page prints it"
        elif given_title:
            title, basis = given_title.value, given_title.basis
        else:
            title, basis = (title_line.text, f"line {title_line.n}: {title_line.reason}") if title_line else (None, None)
    return Article(name=name, source=document.text, lines=lines, title=title, meta=meta, title_basis=basis,
                   document=document, page_kind=kind, page_kind_reason=kind_reason)


def parse_article(source: str, name: str = "") -> Article:
    """Parse the decoded text of one page dump.

    ``source`` is the text exactly as read (offsets in the result index into it);
    ``name`` identifies the article (normally its file name). Titles are ``None`` when the
    dump has no headline line; see :mod:`loaders.metadata` for how dates, outlet and
    attributions are found.
    """
    return parse_document(Document(text=source, encoding="utf-8"), name)
