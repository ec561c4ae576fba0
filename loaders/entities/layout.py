"""Raw lines laid out for tagging: tokens, decoder rows, and where every token sits in its line.

Each distinct written word is split into normalised tokens once (``text.split_word``).
The word table keeps, per word type, its tokens' decoder rows and their spans in the
word as written, in flat numpy arrays. A batch of lines is then laid out with a few
array operations, however long its lines are: the padded row layout the decoder reads,
each line's tokens, and each token's character span in the line as written.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from loaders.entities.decoder import BOS, EOS, PAD, FastDecoder
from loaders.entities.text import split_word

logger = logging.getLogger(__name__)

# Which code points are white space (what ``str.split`` splits on); none lies beyond U+3000.
LAST_SPACE = 0x3000
_IS_SPACE = np.array([chr(code).isspace() for code in range(LAST_SPACE + 1)] + [False])


@dataclass(frozen=True)
class Layout:
    """A batch of lines as the tagger reads them.

    ``rows``: decoder row of every token, each line padded as ``FastDecoder.rows``
    lays it out; ``line_starts[j]``: where line j's first token sits in ``rows``;
    ``tokens[j]``: line j's tokens. Per token, in batch order (line j's token k is
    number ``first_token[j] + k``): ``char_starts``/``char_ends``, its span in its line
    as written, and ``word``, the batch number of the written word it comes from.
    """

    rows: np.ndarray
    line_starts: np.ndarray
    tokens: list[list[str]]
    first_token: list[int]
    char_starts: np.ndarray
    char_ends: np.ndarray
    word: np.ndarray


class WordTable:
    """Every written word met so far, with its tokens' decoder rows and spans (grows with the vocabulary)."""

    def __init__(self, decoder: FastDecoder):
        self._decoder = decoder
        self._ids: dict[str, int] = {}
        empty = np.zeros(0, dtype=np.intp)
        # Per word type: how many tokens, and where they begin in the flat arrays.
        self._counts, self._firsts = empty, empty
        # Per token of every word type: its text, decoder row, and span in the written word.
        self._texts = np.zeros(0, dtype=object)
        self._rows, self._starts, self._ends = empty, empty, empty

    def _word_ids(self, words: list[str]) -> np.ndarray:
        """The type id of every word, new words added."""
        try:
            return np.fromiter(map(self._ids.__getitem__, words), dtype=np.intp, count=len(words))
        except KeyError:
            self._add(list(dict.fromkeys(word for word in words if word not in self._ids)))
            return self._word_ids(words)

    def _add(self, words: list[str]) -> None:
        """Split new word types into tokens and append them to the tables."""
        pieces = [split_word(word) for word in words]
        counts = np.fromiter((len(piece.tokens) for piece in pieces), dtype=np.intp, count=len(pieces))
        texts = [token for piece in pieces for token in piece.tokens]
        self._firsts = _append(self._firsts, len(self._rows) + np.cumsum(counts) - counts)
        self._counts = _append(self._counts, counts)
        self._texts = _append(self._texts, texts)
        self._rows = _append(self._rows, self._decoder.token_rows(texts))
        self._starts = _append(self._starts, [start for piece in pieces for start in piece.starts])
        self._ends = _append(self._ends, [end for piece in pieces for end in piece.ends])
        self._ids.update(zip(words, range(len(self._ids), len(self._ids) + len(words))))

    def preload(self, words: list[str], counts: np.ndarray, rows: np.ndarray, starts: np.ndarray,
                ends: np.ndarray) -> None:
        """Add word types split before: per word its token count, per token its decoder row and span (as ``export``)."""
        types = np.array(self._decoder.types, dtype=object)
        self._firsts = _append(self._firsts, len(self._rows) + np.cumsum(counts) - counts)
        self._counts = _append(self._counts, counts)
        self._texts = _append(self._texts, types[rows])
        self._rows, self._starts, self._ends = (_append(self._rows, rows), _append(self._starts, starts),
                                                _append(self._ends, ends))
        self._ids.update(zip(words, range(len(self._ids), len(self._ids) + len(words))))

    def export(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every word type in order, with what ``preload`` takes to add it again."""
        return list(self._ids), self._counts, self._rows, self._starts, self._ends

    def layout(self, lines: list[str]) -> Layout:
        """Lay out raw lines (see :class:`Layout`); a line's words are what ``str.split`` finds."""
        # A newline is white space, so no word runs from one line into the next.
        joined = "\n".join(lines)
        words = joined.split()
        ids = self._word_ids(words)
        counts = self._counts[ids]
        line_offsets = np.zeros(len(lines) + 1, dtype=np.intp)
        np.cumsum(np.fromiter(map(len, lines), dtype=np.intp, count=len(lines)) + 1, out=line_offsets[1:])
        begins = _word_begins(joined)
        word_bounds = np.searchsorted(begins, line_offsets)
        word_starts = begins - line_offsets[:-1].repeat(np.diff(word_bounds))
        # Token bounds of each line, as running totals over the batch.
        tokens_through = np.zeros(len(words) + 1, dtype=np.intp)
        np.cumsum(counts, out=tokens_through[1:])
        token_bounds = tokens_through[word_bounds]
        total = int(token_bounds[-1])
        word = np.repeat(np.arange(len(words)), counts)
        flat = self._firsts[ids][word] + np.arange(total) - tokens_through[word]
        token_rows = self._rows[flat]
        # Sentence-start and sentence-end rows around every line (the decoder's layout).
        padding = 2 * PAD * np.arange(len(lines)) + PAD
        line_starts = token_bounds[:-1] + padding
        rows = np.full(total + 2 * PAD * len(lines), BOS, dtype=np.intp)
        for after in range(PAD):
            rows[token_bounds[1:] + padding + after] = EOS
        rows[np.arange(total) + padding.repeat(np.diff(token_bounds))] = token_rows
        all_tokens = self._texts[flat].tolist()
        first_token = token_bounds.tolist()
        tokens = [all_tokens[low:high] for low, high in zip(first_token, first_token[1:])]
        return Layout(rows, line_starts, tokens, first_token[:-1], word_starts[word] + self._starts[flat],
                      word_starts[word] + self._ends[flat], word)


def _append(array: np.ndarray, values) -> np.ndarray:
    """``array`` followed by ``values``, in the array's own type (numpy would make an empty list float)."""
    return np.concatenate((array, np.array(values, dtype=array.dtype)))


def _word_begins(text: str) -> np.ndarray:
    """Offsets in ``text`` of every word ``str.split`` finds: a non-space after a space or at the start."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = _IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
    return np.flatnonzero(~space & np.concatenate(([True], space[:-1])))
