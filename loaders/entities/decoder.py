"""A fast Viterbi decoder for the shipped CRF, built on per-word-type score vectors.

A linear-chain CRF scores label y at token i as the sum of the weights of the
token's features for y. Our features are a token's own list plus lists lent by its
neighbours at offsets -2..+2, and each list depends on one word type only, so a
word type's contribution in each of those five roles is a fixed vector over the
labels. We compute those vectors once per word type (the model's vocabulary comes
preloaded, see :mod:`loaders.entities.precomputed`), keep them in numpy tables, and
get the scores of a whole batch of lines with five gathers, plus ``start_bias`` on
every label that begins a chunk (B-, S-: labels may be BIOES). Tokens whose score puts O
ahead of every entity label by more than ``FIXED_GAP`` are fixed to O; the runs of
remaining tokens are decoded together, step by step, as one batch. The tests check
this against crfsuite's own decode.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import numpy as np
import pycrfsuite

from loaders.entities.conll import bio_tag
from loaders.entities.features import FeatureExtractor, Roles

logger = logging.getLogger(__name__)

# O must lead every entity label by more than this (log-potential units) for a token
# to be fixed without decoding. On rifat1493/test, 3.0 changes about 12 of 1,879
# chunks compared with a full decode and leaves F1 unchanged; 4.0 changes 3 but
# decodes 1.7 times slower.
FIXED_GAP = 3.0
_ROLES = 5  # own features, then as the word at -2, -1, +1, +2 of another token
BOS, EOS = 0, 1
_BEGIN_PREFIXES = ("B-", "S-")
PAD = 2  # sentence-start rows before each line and sentence-end rows after it, one per neighbour role
# Word types summed per numpy step when preloading: small enough that the gathered weights (about 3 MB)
# reuse one allocation instead of faulting in fresh pages for each step.
_PRELOAD_BLOCK = 2048
_HEADROOM = 16_384  # rows kept free after preloading, for the words a corpus adds


@dataclass(frozen=True)
class CrfWeights:
    """A CRF as numpy tables: labels (O first), state-feature attributes, their weights and the transitions."""

    labels: list[str]
    attributes: list[str]
    weights: np.ndarray  # (attributes + 1) x labels; row 0 stays zero, so that every role has a row to sum
    transitions: np.ndarray  # labels x labels

    @classmethod
    def from_crf(cls, crf: pycrfsuite.Tagger) -> CrfWeights:
        """Read the weights out of a loaded crfsuite model (crfsuite dumps them as text: about 0.4 s)."""
        labels = ["O"] + [label for label in crf.labels() if label != "O"]
        index = {label: i for i, label in enumerate(labels)}
        info = crf.info()
        attributes = sorted({attribute for attribute, _ in info.state_features})
        ids = {attribute: i + 1 for i, attribute in enumerate(attributes)}
        weights = np.zeros((len(attributes) + 1, len(labels)))
        for (attribute, label), weight in info.state_features.items():
            weights[ids[attribute], index[label]] = weight
        transitions = np.zeros((len(labels), len(labels)))
        for (source, target), weight in info.transitions.items():
            transitions[index[source], index[target]] = weight
        return cls(labels, attributes, weights, transitions)


class FastDecoder:
    """Viterbi decoding with cached per-word-type score vectors; label 0 is always O."""

    def __init__(self, model: CrfWeights, features: FeatureExtractor, start_bias: float = 0.0):
        """``start_bias`` is added to the score of every chunk-beginning label at every token."""
        self.model, self.labels = model, model.labels
        self.bio_labels = list(map(bio_tag, self.labels))
        count = len(self.labels)
        # Per label: the entity type it marks (an index into ``_types``, -1 for O) and whether it begins a chunk.
        self._types = sorted({label[2:] for label in self.labels[1:]})
        self._label_types = np.array([-1] + [self._types.index(label[2:]) for label in self.labels[1:]])
        self._label_begins = np.array([label[:2] in _BEGIN_PREFIXES for label in self.labels])
        self._bias = start_bias * self._label_begins
        self._attribute_ids = dict(zip(model.attributes, range(1, len(model.attributes) + 1)))
        self._weights, self._transitions = model.weights, model.transitions
        self._features = features
        self._rows: dict[str, int] = {}
        self.types = ["", ""]  # the word type of each row; the first two are the sentence start and end
        self._tables = np.zeros((_ROLES, 4096, count))
        self._tables[:, [BOS, EOS]] = self._role_scores(list(features.boundary()))
        self._size = 2

    def feature_rows(self, roles_per_type: list[Roles]) -> tuple[list[int], list[int]]:
        """Weight rows of each role's feature list, laid end to end, and where each list begins (types x roles)."""
        known = self._attribute_ids.get
        rows: list[int] = []
        bounds = []
        for roles in roles_per_type:
            for features in roles:
                bounds.append(len(rows))
                rows.append(0)
                rows += filter(None, map(known, features))  # ids start at 1: None marks an unknown feature
        return rows, bounds

    def summed_scores(self, rows: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """Summed weights per label (roles x types x labels) of the feature lists ``feature_rows`` laid out."""
        summed = np.add.reduceat(self._weights[rows], bounds)
        return summed.reshape(len(bounds) // _ROLES, _ROLES, len(self.labels)).transpose(1, 0, 2)

    def _role_scores(self, roles_per_type: list[Roles]) -> np.ndarray:
        """Summed weights per label (roles x types x labels) of each role's feature list."""
        return self.summed_scores(*self.feature_rows(roles_per_type))

    def _add(self, tokens: list[str], scores: np.ndarray | None = None) -> None:
        """Give every word type in ``tokens`` its score vectors (``scores`` when already summed)."""
        needed = self._size + len(tokens)
        if needed > self._tables.shape[1]:
            self._reserve(max(needed, 2 * self._tables.shape[1]))
        if scores is None:
            # Not the extractor's memoised ``roles``: the score table already remembers each type.
            compute = self._features.compute
            scores = self._role_scores([compute(t) for t in tokens])
        self._tables[:, self._size:needed] = scores
        self._rows.update(zip(tokens, range(self._size, needed)))
        self.types += tokens
        self._size = needed

    def _reserve(self, size: int) -> None:
        """Room in the score tables for ``size`` rows (zeroed pages cost nothing until written)."""
        grown = np.zeros((_ROLES, size, len(self.labels)))
        grown[:, :self._size] = self._tables[:, :self._size]
        self._tables = grown

    def preload(self, tokens: list[str], rows: np.ndarray, bounds: np.ndarray) -> None:
        """Add word types whose ``feature_rows`` were computed before (see :mod:`loaders.entities.precomputed`)."""
        self._reserve(self._size + len(tokens) + _HEADROOM)
        for low in range(0, len(tokens), _PRELOAD_BLOCK):
            high = min(low + _PRELOAD_BLOCK, len(tokens))
            first, last = bounds[low * _ROLES], bounds[high * _ROLES] if high < len(tokens) else len(rows)
            self._add(tokens[low:high], self.summed_scores(rows[first:last], bounds[low * _ROLES:high * _ROLES] - first))

    def rows(self, lines: list[list[str]]) -> np.ndarray:
        """The row of every token of all lines, lines laid end to end, new word types added.

        Each line is padded with ``PAD`` sentence-start and ``PAD`` sentence-end rows, so
        a token's neighbours never come from another line.
        """
        rows = self._rows
        padded: list[int | None] = []
        for tokens in lines:
            padded += (BOS,) * PAD
            padded += map(rows.get, tokens)
            padded += (EOS,) * PAD
        if None in padded:
            self._add(list({t for tokens in lines for t in tokens if t not in rows}))
            return self.rows(lines)
        return np.array(padded, dtype=np.intp)

    def token_rows(self, tokens: list[str]) -> list[int]:
        """The row of every token, new word types added."""
        new = list(dict.fromkeys(token for token in tokens if token not in self._rows))  # in order: reproducible rows
        if new:
            self._add(new)
        return list(map(self._rows.__getitem__, tokens))

    def unary(self, rows: np.ndarray) -> np.ndarray:
        """Label scores (tokens x labels) of the tokens of padded ``rows`` (see ``rows``)."""
        at = np.flatnonzero(rows > EOS)
        own, before2, before1, after1, after2 = self._tables
        return (own.take(rows[at], axis=0) + before2.take(rows[at - 2], axis=0) + before1.take(rows[at - 1], axis=0)
                + after1.take(rows[at + 1], axis=0) + after2.take(rows[at + 2], axis=0))

    def decode(self, tokens: list[str]) -> list[str]:
        """Best label sequence for one sentence, as BIO tags."""
        return [self.bio_labels[label] for label in self._best_labels([tokens], None)[0].tolist()]

    def chunks(self, lines: list[list[str]], rows: np.ndarray | None = None) -> list[list[tuple[int, int, str]]]:
        """Per line, the entity chunks (start, end, type) of the best labels by conlleval rules.

        A chunk begins at a B- (or S-) tag, or at any other tag that does not continue a
        chunk of its type on the token before. Lines are independent sequences; decoding many in one
        call shares the fixed numpy overhead, so callers should pass as many lines as they
        have at once. ``rows`` is ``self.rows(lines)`` when the caller has it already.
        """
        best, line_starts = self._best_labels(lines, rows)
        types = self._label_types[best]
        tagged = types >= 0
        continues = tagged & ~self._label_begins[best]
        continues[1:] &= types[1:] == types[:-1]
        continues[line_starts[:-1][line_starts[:-1] < len(best)]] = False
        begins = np.flatnonzero(tagged & ~continues)
        last = tagged.copy()
        last[:-1] &= ~continues[1:]
        line = np.searchsorted(line_starts, begins, side="right") - 1
        offsets = line_starts[line]
        found = iter(zip((begins - offsets).tolist(), (np.flatnonzero(last) + 1 - offsets).tolist(),
                         [self._types[kind] for kind in types[begins].tolist()]))
        return [[next(found) for _ in range(count)] for count in np.bincount(line, minlength=len(lines)).tolist()]

    def _best_labels(self, lines: list[list[str]], rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """The best label of every token of all lines laid end to end, and where each line starts (plus the end)."""
        line_starts = np.zeros(len(lines) + 1, dtype=np.intp)
        np.cumsum(np.fromiter(map(len, lines), dtype=np.intp, count=len(lines)), out=line_starts[1:])
        total = int(line_starts[-1])
        best = np.zeros(total, dtype=np.intp)
        if total == 0:
            return best, line_starts
        scores = self.unary(self.rows(lines) if rows is None else rows)
        if self._bias.any():
            scores += self._bias
        # Column by column: numpy reduces a short last axis far more slowly.
        best_entity = functools.reduce(np.maximum, (scores[:, label] for label in range(2, len(self.labels))),
                                       scores[:, 1])
        open_tokens = scores[:, 0] - best_entity <= FIXED_GAP
        if not open_tokens.any():
            return best, line_starts
        first = np.zeros(total + 1, dtype=bool)
        first[line_starts] = True
        # A run starts at an open token whose predecessor is fixed or in another line, and ends likewise.
        closed_before = np.concatenate(([True], ~open_tokens[:-1])) | first[:-1]
        closed_after = np.concatenate((~open_tokens[1:], [True])) | first[1:]
        starts = np.flatnonzero(open_tokens & closed_before)
        ends = np.flatnonzero(open_tokens & closed_after) + 1
        self._decode_runs(scores, starts, ends, ~first[starts], ~first[ends], best)
        return best, line_starts

    def _decode_runs(self, scores: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                     after_o: np.ndarray, before_o: np.ndarray, best: np.ndarray) -> None:
        """Batch Viterbi over runs of open tokens, writing label indices into ``best``.

        ``after_o``/``before_o`` say whether a run has a fixed-O token just before or
        just after it in its line (otherwise it touches the line's start or end). Runs
        are sorted longest first, so the runs still going at any step are a prefix of
        the batch and every step is a handful of numpy operations on that prefix.
        """
        order = np.argsort(starts - ends, kind="stable")
        starts, lengths = starts[order], (ends - starts)[order]
        into = after_o[order, None] * self._transitions[0]
        out_of = before_o[order, None] * self._transitions[:, 0]
        # going[step]: how many runs are longer than ``step``, i.e. still going at that step.
        going = np.searchsorted(-lengths, -np.arange(int(lengths[0])), side="left")
        score = scores[starts] + into
        runs, labels = np.arange(len(starts)), np.arange(len(self.labels))
        back = [None]
        for step in range(1, len(going)):
            count = going[step]
            candidates = score[:count, :, None] + self._transitions
            came_from = candidates.argmax(axis=1)
            back.append(came_from)
            # The maximum, read where argmax found it: one pass instead of a second reduction.
            score[:count] = candidates[runs[:count, None], came_from, labels] + scores[starts[:count] + step]
        label = (score + out_of).argmax(axis=1)
        best[starts + lengths - 1] = label
        for step in range(len(going) - 1, 0, -1):
            count = going[step]
            label[:count] = back[step][runs[:count], label[:count]]
            best[starts[:count] + step - 1] = label[:count]


def per_line(positions: np.ndarray, starts: np.ndarray) -> list[list[int]]:
    """Sorted positions grouped by the line they fall in (lines begin at ``starts``), as positions in that line."""
    lines = np.searchsorted(starts, positions, side="right") - 1
    within = (positions - starts[lines]).tolist()
    bounds = np.searchsorted(lines, np.arange(len(starts) + 1)).tolist()
    return [within[low:high] for low, high in zip(bounds, bounds[1:])]
