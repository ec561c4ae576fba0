"""The one document type every input reader yields, and the raw units readers start from.

A :class:`Source` is what was found on disk or uploaded: an identity, the input kind and
its bytes (or the reason it cannot be read). Its content hash is the parse-cache key, so
a reader only runs for bytes the cache has not seen. A reader turns a source's bytes
into a :class:`Document`: the text whose lines get classified (line spans index into
it), plus whatever fields the source already states (title, dates, outlet, URL, author),
each with its basis. Everything after that — line kinds, dates, outlet, entities, cache —
never asks which reader made the document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

# Input kinds: a page-text dump, one record of a CSV/JSON dataset, a saved HTML page, a Markdown dump.
INPUT_KINDS = ("dump", "record", "html", "markdown")
# Fields a source may state outright; dates are ISO text in Asia/Dhaka time.
GIVEN_FIELDS = ("title", "published", "updated", "outlet", "url", "author")


class Source(NamedTuple):
    """One readable unit: a file, an archive member or one record of a dataset file.

    ``data`` is the unit's bytes, or an :class:`~loaders.reading.UnreadableFile` saying
    why there are none; ``record`` is the row number (CSV/TSV, JSON Lines) or index
    (JSON array) inside its file, None for a whole file.
    """

    article_id: str
    path: str
    data: object
    kind: str = "dump"
    record: int | None = None

    @property
    def content_hash(self) -> str:
        """The parse-cache key: the kind and the bytes (a dump's key is its bytes' SHA-1)."""
        digest = hashlib.sha1() if self.kind == "dump" else hashlib.sha1(self.kind.encode() + b"\0")
        digest.update(self.data)
        return digest.hexdigest()


@dataclass(frozen=True)
class Given:
    """A value the source states outright, and where it says it (``column Headline``, ``og:title``)."""

    value: str
    basis: str
    precision: str | None = None  # for dates: "minute" or "day"


@dataclass(frozen=True)
class Document:
    """What every reader yields: text to classify, its encoding, and the fields the source gives.

    ``fields`` are the record's own columns or the page's meta tags as ``(name, value)``
    pairs, shown by the Reader in place of a raw page; ``given`` maps names from
    ``GIVEN_FIELDS`` to :class:`Given` values.
    """

    text: str
    encoding: str
    kind: str = "dump"
    given: tuple[tuple[str, Given], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> Given | None:
        """The given value of a field, or None."""
        return next((value for key, value in self.given if key == name), None)
