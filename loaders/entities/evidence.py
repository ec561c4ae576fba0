"""Which mentions are not coverage: the article's own outlet, and tagged words that are not names.

Two corpus-level passes after linking, both pure:

- **Self-mentions.** A mention of the outlet that published the article (its credits,
  bylines, "ইত্তেফাককে বলেন") says nothing about what the outlet covers.
- **Not a name.** Bengali has no capitals, so the statistical tagger sometimes takes a
  common noun, a title or initials for a name. The corpus shows which: a word that takes
  plural or classifier endings (ব্যাংকগুলো), that the tagger marks in only a small share of
  its uses, that follows determiners (এই ব্যাংক), that stands between an organisation and a
  person's name (বিএনপি চেয়ারপারসন খালেদা জিয়া), or a "person" made only of letter names
  (এএম). Gazetteer entities are never judged: they are curated names.

Each such mention gets a plain-language reason in the ``aside`` column; everything else is
``None`` and counts.
"""
from __future__ import annotations

import functools
import logging
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.arrow_ops import contiguous, word_counts
from loaders.entities.gazetteer import Gazetteer, inflected_forms, load_gazetteer
from loaders.entities.text import nfc, possible_splits, tokenize
from loaders.sources import outlet_ids, outlet_info

logger = logging.getLogger(__name__)

WORDS_PATH = Path(__file__).resolve().parents[1] / "data" / "name_evidence.toml"
SELF_MENTION = "self-mention: the article's own outlet"
SITE_NAME_SHARE = 0.05  # share of a site's articles that name an outlet before it is taken for the site's own
SITE_NAME_LEAD = 3  # ... and how many times more articles than any other outlet
MIN_SITE_NAMED = 5
CREDIT_INITIALS = "not coverage: desk initials in the outlet's credit (ইত্তেফাক/এমআরএম)"
CREDIT_SHARE = 0.5  # share of an entity's mentions glued to the outlet's own name
MIN_PLURAL_FORMS = 3  # plural or classifier forms in the corpus that make a word a common noun
MIN_FREE_USES = 20  # uses (outside longer names) before the tagged share says anything
MAX_NAME_SHARE = 0.3  # a name is tagged in most of its uses; a common word in few
MIN_ADJACENT = 3  # mentions needed before their neighbours say anything
TITLE_SHARE = 0.5  # share of mentions between an organisation or place and a person's name
TITLE_BEFORE_NAME_SHARE = 0.8  # share of mentions right before a person's name
_WORD_WINDOW = 40  # characters before a mention searched for its previous word
DETERMINER_SHARE = 0.2  # share of mentions right after a determiner or quantifier
MIN_DETERMINERS = 2


@dataclass(frozen=True)
class NameWords:
    """The word lists of ``data/name_evidence.toml``, NFC."""

    plural_endings: tuple[str, ...]
    determiners: frozenset[str]
    initials: re.Pattern


@functools.cache
def name_words(path: Path = WORDS_PATH) -> NameWords:
    """The word lists, loaded once."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    letters = sorted(map(nfc, data["letter_names"]), key=len, reverse=True)
    return NameWords(tuple(map(nfc, data["plural_endings"])), frozenset(map(nfc, data["determiners"])),
                     re.compile("(?:" + "|".join(map(re.escape, letters)) + ")+"))


def aside_reasons(entities: pd.DataFrame, mentions: pd.DataFrame, lines: pd.DataFrame, articles: pd.DataFrame,
                  gazetteer: Gazetteer | None = None) -> pd.Series:
    """Why each mention does not count as coverage (``None`` when it does), aligned with ``mentions``.

    ``entities`` and ``mentions`` come from :func:`loaders.entities.link_entities`;
    ``lines`` has article_id, n, start, kind and text (offsets into each article's text,
    like the mentions'); ``articles`` has article_id, outlet (or NA) and fingerprint (the
    site template or dataset file the article comes from).
    """
    reasons = pd.Series(None, index=mentions.index, dtype=object)
    if mentions.empty:
        return reasons
    gazetteer = gazetteer or load_gazetteer()
    order, ordered = _text_order(mentions)
    not_names = _not_names(entities, mentions, ordered, lines, name_words())
    if not_names:
        reasons = reasons.where(~mentions["entity_id"].isin(list(not_names)), mentions["entity_id"].map(not_names))
    owners = _owners(articles, mentions, entities, gazetteer)
    pairs = pd.MultiIndex.from_tuples(list(owners) or [("", "")])
    found = pd.MultiIndex.from_arrays([mentions["article_id"].astype(str), mentions["entity_id"].astype(str)])
    own = found.isin(pairs)
    reasons[own] = [owners[pair] for pair in found[own]]
    credits = _credit_initials(ordered, own[order], lines)
    if credits:
        reasons = reasons.where(~mentions["entity_id"].isin(credits), CREDIT_INITIALS)
    return reasons.astype(object).where(reasons.notna(), None)


def is_self_mention(reasons: pd.Series) -> pd.Series:
    """Whether each ``aside`` reason marks a self-mention (a missing reason does not)."""
    return reasons.fillna("").astype(str).str.startswith(SELF_MENTION)


def _text_order(mentions: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """The mentions' positions in text order (article, then offset), and the columns the neighbour tests read in that order."""
    # Article ids as codes in sorted order: numpy sorts integers far faster than Python strings.
    articles, _ = pd.factorize(mentions["article_id"], sort=True)
    order = np.lexsort((mentions["start"].to_numpy(), articles))
    # One chunk per string column first: selecting from a column held in many chunks copies them all.
    columns = ["article_id", "n", "start", "end", "type", "entity_id", "basis", "surface"]
    return order, contiguous(mentions[columns]).iloc[order].reset_index(drop=True)


def _from_tagger(entity_ids: pd.Series) -> pd.Series:
    """Whether each entity comes from the statistical tagger: its id is ``TYPE:surface``, a gazetteer id has no colon."""
    return entity_ids.str.contains(":", regex=False)


def _same_line(ordered: pd.DataFrame) -> np.ndarray:
    """For each mention in text order but the last, whether the next one is on the same line."""
    article, n = ordered["article_id"].to_numpy(), ordered["n"].to_numpy()
    return (article[1:] == article[:-1]) & (n[1:] == n[:-1])


def _line_texts(lines: pd.DataFrame, rows: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """The start offset and text of each row's line."""
    line = _line_positions(lines, rows)
    every_text = lines["text"].tolist()  # then indexed in Python: a pyarrow take of long lines was far slower here
    return lines["start"].to_numpy()[line], [every_text[i] for i in line]


def _credit_initials(ordered: pd.DataFrame, own: np.ndarray, lines: pd.DataFrame) -> list[str]:
    """Tagger entities written, in most of their mentions, right after the outlet's own name with a slash
    (ইত্তেফাক/এমআরএম): the initials of the desk that filed the story.

    ``ordered`` is the mentions in text order (``_text_order``), ``own`` whether each is a self-mention.
    """
    start, end = ordered["start"].to_numpy(), ordered["end"].to_numpy()
    after_own = np.zeros(len(ordered), dtype=bool)
    after_own[1:] = own[:-1] & _same_line(ordered) & (start[1:] - end[:-1] == 1)
    if after_own.any():  # the one character between them must be the slash
        glued = np.flatnonzero(after_own)
        line_starts, texts = _line_texts(lines, ordered.iloc[glued])
        after_own[glued] = [text[at - line_start - 1:at - line_start] == "/"
                            for at, line_start, text in zip(start[glued], line_starts, texts)]
    tagged = _from_tagger(ordered["entity_id"]).to_numpy()
    share = pd.Series(after_own[tagged], index=ordered["entity_id"].to_numpy()[tagged]).groupby(level=0).mean()
    return share[share >= CREDIT_SHARE].index.tolist()


def _owners(articles: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, gazetteer: Gazetteer
            ) -> dict[tuple[str, str], str]:
    """(article id, entity id) -> self-mention reason, for each article's mentions of its own outlet.

    The outlet is the article's own when the loaders know it. Articles of an unknown outlet
    are grouped by site template or dataset file: an outlet named in at least
    ``SITE_NAME_SHARE`` of the group's articles, and in ``SITE_NAME_LEAD`` times as many as
    any other outlet, is the site's own name (the outlet column stays unknown).
    """
    outlet_entities = _outlet_entities(entities, gazetteer)
    owners: dict[tuple[str, str], str] = {}
    known = articles[articles["outlet"].notna()]
    for article_id, outlet in zip(known["article_id"], known["outlet"]):
        for entity_id in outlet_entities.get(outlet, ()):
            owners[(article_id, entity_id)] = SELF_MENTION
    unknown = articles.loc[articles["outlet"].isna(), ["article_id", "fingerprint"]]
    named = mentions.loc[mentions["entity_id"].isin({e for ids in outlet_entities.values() for e in ids}),
                         ["article_id", "entity_id"]].drop_duplicates().merge(unknown, on="article_id")
    sizes = unknown["fingerprint"].value_counts()
    members = unknown.groupby("fingerprint")["article_id"].agg(list)
    for fingerprint, group in named.groupby("fingerprint"):
        size = int(sizes[fingerprint])
        counts = group["entity_id"].value_counts()
        runner_up = counts.iloc[1] if len(counts) > 1 else 0
        if counts.iloc[0] >= max(SITE_NAME_SHARE * size, MIN_SITE_NAMED) and counts.iloc[0] >= SITE_NAME_LEAD * runner_up:
            reason = (f"{SELF_MENTION} (the site's own name: named in {counts.iloc[0]} of its {size} articles, "
                      "far more than any other outlet)")
            for article_id in members[fingerprint]:
                owners[(article_id, counts.index[0])] = reason
    return owners


def _outlet_entities(entities: pd.DataFrame, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Outlet id -> the entity ids that are that outlet, by its Bengali names (gazetteer entries and tagged names)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for entity_id, name in zip(entities["entity_id"], entities["name_bn"]):
        by_name[nfc(str(name))].append(entity_id)
    result: dict[str, set[str]] = defaultdict(set)
    for outlet_id in outlet_ids():
        info = outlet_info(outlet_id)
        for name in map(nfc, [info["name_bn"], *info["aliases_bn"]]):
            if name in gazetteer.alias_to_id:
                result[outlet_id].add(gazetteer.alias_to_id[name])
            result[outlet_id].update(by_name.get(name, ()))
    return result


def _not_names(entities: pd.DataFrame, mentions: pd.DataFrame, ordered: pd.DataFrame, lines: pd.DataFrame,
               words: NameWords) -> dict[str, str]:
    """Entity id -> why the corpus shows it is not a name, for the tagger's entities that fail a test."""
    tagged = entities[_from_tagger(entities["entity_id"])]
    if tagged.empty:
        return {}
    body = mentions[mentions["in_body"].astype(bool)]
    names = {e: tokenize(nfc(str(n))) for e, n in zip(tagged["entity_id"], tagged["name_bn"])}
    single = {e: tokens[0] for e, tokens in names.items() if len(tokens) == 1}
    surfaces = _single_word_surfaces(body, set(single))
    families = {e: _family(word, surfaces.get(e, {})) for e, word in single.items()}
    wanted = {form for family in families.values() for form in family}
    wanted |= {stem + ending for stem in single.values() for ending in words.plural_endings}
    counts = word_counts(lines.loc[lines["kind"] == "body", "text"], wanted)
    inside = _words_inside_longer_mentions(body, wanted)
    context = _context(ordered, lines, set(names))
    reasons = {}
    for entity_id, tokens in names.items():
        kind = entity_id.split(":", 1)[0]
        reason = (
            _initials(kind, tokens, words)
            or _plural(single.get(entity_id), counts, words)
            or _rarely_tagged(sum(surfaces.get(entity_id, {}).values()), families.get(entity_id, ()), counts, inside)
            or (_title(context.get(entity_id)) if kind == "PER" and len(tokens) == 1 else None)
            or _after_determiners(context.get(entity_id))
        )
        if reason:
            reasons[entity_id] = reason
    logger.info("%d of %d tagged entities judged not names", len(reasons), len(names))
    return reasons


def _single_word_surfaces(body: pd.DataFrame, entity_ids: set[str]) -> dict[str, Counter]:
    """Per one-word entity, how often each of its one-word spellings is tagged in body lines."""
    rows = body[body["entity_id"].isin(list(entity_ids))]
    result: dict[str, Counter] = defaultdict(Counter)
    for entity_id, surface in zip(rows["entity_id"], rows["surface"]):
        tokens = tokenize(surface)
        if len(tokens) == 1:
            result[entity_id][tokens[0]] += 1
    return result


def _family(word: str, surfaces: Counter) -> set[str]:
    """The word's spellings in the corpus: as tagged, and its stem with every case ending (বিমানবন্দর, বিমানবন্দরে …)."""
    stems = {word, *(stem for stem, _ in possible_splits(word)[:1])}
    return set(surfaces).union(*(inflected_forms(stem) for stem in stems))


def _words_inside_longer_mentions(body: pd.DataFrame, wanted: set[str]) -> Counter:
    """How often each wanted word is a part of a longer mention (ব্যাংক in বাংলাদেশ ব্যাংক)."""
    inside: Counter = Counter()
    for surface, times in body["surface"].value_counts().items():
        tokens = tokenize(surface)
        if len(tokens) > 1:
            for token in tokens:
                if token in wanted:
                    inside[token] += times
    return inside


@dataclass
class _Context:
    """What stands next to an entity's mentions."""

    mentions: int = 0
    before_person: int = 0  # a person's full name (several words, or a gazetteer name) follows after white space only
    after_organisation: int = 0  # an organisation or place before it, white space between
    determiners: Counter = field(default_factory=Counter)


def _context(ordered: pd.DataFrame, lines: pd.DataFrame, entity_ids: set[str]) -> dict[str, _Context]:
    """Per entity, its neighbours: the mentions and words right before and after each of its mentions.

    ``ordered`` is the mentions in text order (``_text_order``).
    """
    same_line = _same_line(ordered)
    starts, ends, types = ordered["start"].to_numpy(), ordered["end"].to_numpy(), ordered["type"].to_numpy()
    full_name = (ordered["basis"].eq("gazetteer") | ordered["surface"].str.contains(" ", regex=False)).to_numpy()
    picked = np.flatnonzero(ordered["entity_id"].isin(list(entity_ids)).to_numpy())
    line_starts, texts = _line_texts(lines, ordered.iloc[picked])
    found: dict[str, _Context] = defaultdict(_Context)
    determiners = name_words().determiners
    for i, entity_id, line_start, text in zip(picked, ordered["entity_id"].to_numpy()[picked], line_starts, texts):
        here = found[entity_id]
        here.mentions += 1
        offset = starts[i] - line_start
        before = text[max(0, offset - _WORD_WINDOW):offset].split()  # the word before, not the whole line
        if before and nfc(before[-1]) in determiners:
            here.determiners[nfc(before[-1])] += 1
        touches_before = i > 0 and same_line[i - 1] and not text[ends[i - 1] - line_start:starts[i] - line_start].strip()
        touches_after = (i + 1 < len(ordered) and same_line[i]
                         and not text[ends[i] - line_start:starts[i + 1] - line_start].strip())
        person_after = touches_after and types[i + 1] == "PER" and full_name[i + 1]
        organisation_before = touches_before and types[i - 1] in ("ORG", "LOC")
        here.before_person += person_after
        here.after_organisation += organisation_before
    return found


def _line_positions(lines: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """Row position in ``lines`` of each row's (article_id, n), found by hashing (a merge of the text is slow)."""
    articles = pd.Index(lines["article_id"].unique())
    stride = int(lines["n"].max()) + 1
    line_keys = pd.Index(articles.get_indexer(lines["article_id"]) * stride + lines["n"].to_numpy())
    return line_keys.get_indexer(articles.get_indexer(rows["article_id"]) * stride + rows["n"].to_numpy())


def _initials(kind: str, tokens: list[str], words: NameWords) -> str | None:
    """A 'person' spelt only with the names of letters (কে, এএম) is initials cut from a name."""
    if kind == "PER" and all(words.initials.fullmatch(token) for token in tokens):
        return "not a name: only initials"
    return None


def _plural(stem: str | None, counts: dict[str, int], words: NameWords) -> str | None:
    """A word seen with plural or classifier endings is a common noun."""
    if stem is None:
        return None
    forms = {stem + ending: counts.get(stem + ending, 0) for ending in words.plural_endings}
    total = sum(forms.values())
    if total < MIN_PLURAL_FORMS:
        return None
    example = max(forms, key=forms.get)
    return f"a common noun: the corpus has its plural or classifier forms {total} times ({example} ×{forms[example]})"


def _rarely_tagged(tagged: int, family: set[str], counts: dict[str, int], inside: Counter) -> str | None:
    """A word tagged in only a small share of its uses (in any case form, outside longer names) is a common word."""
    free = sum(counts.get(s, 0) - inside.get(s, 0) for s in family)
    if free >= MIN_FREE_USES and tagged < MAX_NAME_SHARE * free:
        return f"a common word: tagged as a name in only {tagged} of its {free} uses"
    return None


def _title(context: _Context | None) -> str | None:
    """A word between an organisation and a person's name, or nearly always before a name, is a title."""
    if context is None or context.mentions < MIN_ADJACENT:
        return None
    if context.after_organisation >= TITLE_SHARE * context.mentions and context.before_person:
        return (f"a title: {context.after_organisation} of its {context.mentions} mentions follow an "
                "organisation or place, as in 'বিএনপি চেয়ারপারসন খালেদা জিয়া'")
    if context.before_person >= TITLE_BEFORE_NAME_SHARE * context.mentions:
        return (f"not a name on its own: {context.before_person} of its {context.mentions} mentions stand right "
                "before a person's full name (a title, or a part of that name)")
    return None


def _after_determiners(context: _Context | None) -> str | None:
    """A word that often follows এই, ওই, একটি … is a common noun."""
    if context is None:
        return None
    total = sum(context.determiners.values())
    if total >= MIN_DETERMINERS and total >= DETERMINER_SHARE * context.mentions:
        shown = ", ".join(word for word, _ in context.determiners.most_common(3))
        return f"a common noun: {total} of its {context.mentions} mentions follow a determiner ({shown})"
    return None
