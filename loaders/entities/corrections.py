"""User corrections to the linked entities, kept in a small JSON file beside the parse cache.

The file (``<cache dir>/entity_corrections.json``) survives parser upgrades, because the
parse store lives in versioned sub-folders next to it. It looks like::

    {"format": "khobor-lens/entity-corrections", "version": 1,
     "rename": {"PER:পুতিন": {"name_bn": "ভ্লাদিমির পুতিন", "label_en": "Vladimir Putin"}},
     "merge":  {"PER:কিম": "kim_jong_un"},
     "retype": {"ORG:পদ্মা": "LOC"},
     "alias":  {"পুতিনজি": "putin"},
     "ban":    ["PER:আজ"],
     "history": [{"at": "2026-12-07T03:59:12+00:00", "by": "Rina", "entity_id": "PER:আজ",
                  "action": "ban", "detail": ""}]}

Corrections apply to the tables :func:`loaders.entities.link_entities` returns, so
an edit shows on the next render without re-parsing anything. :func:`update_corrections`
reads, changes and writes the file under a lock (``entity_corrections.json.lock``), so
that colleagues saving at the same moment never lose an edit, and logs each edit with
its time and, when given, its author (the newest ``MAX_HISTORY`` are kept).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from loaders.entities.gazetteer import ENTITY_TYPES, load_gazetteer
from loaders.entities.linking import entity_table
from loaders.entities.text import candidate_stems, nfc

logger = logging.getLogger(__name__)

FILE_NAME = "entity_corrections.json"
FORMAT = "khobor-lens/entity-corrections"
VERSION = 1
_MAX_MERGE_CHAIN = 50
MAX_HISTORY = 500
LOCK_TIMEOUT = 10.0  # seconds a save waits for another one to finish
ACTIONS = {"rename": "renamed", "retype": "type changed", "merge": "merged", "alias": "alias added",
           "ban": "marked not an entity", "undo": "corrections undone"}
HISTORY_COLUMNS = ["at", "by", "entity_id", "action", "detail"]


class CorrectionsError(ValueError):
    """The corrections file exists but cannot be used (it is left untouched)."""


@dataclass(frozen=True)
class Edit:
    """One saved correction: when (UTC, ISO 8601), by whom (None when no name was given), of what, and how.

    ``action`` is a key of ``ACTIONS``; ``detail`` the value it set (a name, a type, a target id, an alias).
    """

    at: str
    by: str | None
    entity_id: str
    action: str
    detail: str = ""


@dataclass(frozen=True)
class Corrections:
    """Edits a user made to the entity list; every method returns a new object.

    ``renames``: entity id -> {"name_bn", "label_en"} (either may be missing);
    ``merges``: entity id -> the id it is part of; ``retypes``: entity id -> PER/LOC/ORG;
    ``aliases``: Bengali spelling -> entity id; ``bans``: ids that are not entities.
    """

    renames: dict[str, dict[str, str]] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)
    retypes: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    bans: frozenset[str] = frozenset()
    history: tuple[Edit, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.renames or self.merges or self.retypes or self.aliases or self.bans)

    def rename(self, entity_id: str, name_bn: str | None = None, label_en: str | None = None) -> Corrections:
        """Give an entity a new Bengali name and/or English label (blank values are ignored)."""
        names = dict(self.renames.get(entity_id, {}))
        if name_bn and name_bn.strip():
            names["name_bn"] = nfc(name_bn.strip())
        if label_en and label_en.strip():
            names["label_en"] = label_en.strip()
        return replace(self, renames={**self.renames, entity_id: names})

    def merge(self, entity_id: str, into: str) -> Corrections:
        """Count ``entity_id`` as part of ``into`` from now on."""
        if entity_id == into:
            raise ValueError("an entity cannot be merged into itself")
        if _resolve({**self.merges, entity_id: into}, into) == entity_id:
            raise ValueError(f"{into} is already merged into {entity_id}")
        return replace(self, merges={**self.merges, entity_id: into})

    def retype(self, entity_id: str, kind: str) -> Corrections:
        """Change an entity's type to PER, LOC or ORG."""
        if kind not in ENTITY_TYPES:
            raise ValueError(f"type must be one of {', '.join(ENTITY_TYPES)}")
        return replace(self, retypes={**self.retypes, entity_id: kind})

    def add_alias(self, alias: str, entity_id: str) -> Corrections:
        """Count every mention spelt ``alias`` (with or without a case ending) as ``entity_id``."""
        alias = " ".join(nfc(alias).split())
        if not alias:
            raise ValueError("an alias cannot be empty")
        return replace(self, aliases={**self.aliases, alias: entity_id})

    def ban(self, entity_id: str) -> Corrections:
        """Mark an entity as a false one: its mentions disappear from every count."""
        return replace(self, bans=self.bans | {entity_id})

    def forget(self, entity_id: str) -> Corrections:
        """Drop every correction that names ``entity_id`` (as source, target or alias target); the history stays."""
        return replace(
            self,
            renames={k: v for k, v in self.renames.items() if k != entity_id},
            merges={k: v for k, v in self.merges.items() if entity_id not in (k, v)},
            retypes={k: v for k, v in self.retypes.items() if k != entity_id},
            aliases={k: v for k, v in self.aliases.items() if v != entity_id},
            bans=self.bans - {entity_id},
        )

    def logged(self, edit: Edit) -> Corrections:
        """These corrections with ``edit`` added to the history (the newest ``MAX_HISTORY`` are kept)."""
        return replace(self, history=(*self.history, edit)[-MAX_HISTORY:])

    def to_json(self) -> dict:
        """The file's JSON object."""
        return {"format": FORMAT, "version": VERSION, "rename": self.renames, "merge": self.merges,
                "retype": self.retypes, "alias": self.aliases, "ban": sorted(self.bans),
                "history": [asdict(edit) for edit in self.history]}

    @classmethod
    def from_json(cls, data: dict) -> Corrections:
        """Corrections from the file's JSON object; raises CorrectionsError when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CorrectionsError("not a Khobor Lens entity-corrections file")
        if data.get("version") != VERSION:
            raise CorrectionsError(f"unsupported corrections version {data.get('version')!r}")
        try:
            return cls(
                renames={str(k): {n: str(v) for n, v in dict(names).items() if n in ("name_bn", "label_en")}
                         for k, names in data.get("rename", {}).items()},
                merges={str(k): str(v) for k, v in data.get("merge", {}).items()},
                retypes={str(k): str(v) for k, v in data.get("retype", {}).items() if v in ENTITY_TYPES},
                aliases={nfc(str(k)): str(v) for k, v in data.get("alias", {}).items()},
                bans=frozenset(map(str, data.get("ban", []))),
                history=tuple(Edit(**{k: item.get(k) for k in HISTORY_COLUMNS}) for item in data.get("history", [])),
            )
        except (AttributeError, TypeError, ValueError) as err:
            raise CorrectionsError(f"malformed corrections file: {err}") from err


def corrections_path(cache_dir: str | os.PathLike) -> Path:
    """Where the corrections for parses cached in ``cache_dir`` are kept."""
    return Path(cache_dir) / FILE_NAME


def load_corrections(path: str | os.PathLike) -> Corrections:
    """The corrections stored at ``path``; none when the file does not exist yet.

    Raises :class:`CorrectionsError` when the file exists but is not valid, so that a
    damaged file is reported and never silently overwritten.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Corrections()
    except OSError as err:
        raise CorrectionsError(f"cannot read {path}: {err.strerror or err}") from err
    try:
        return Corrections.from_json(json.loads(text))
    except json.JSONDecodeError as err:
        raise CorrectionsError(f"{path} is not valid JSON (line {err.lineno})") from err


def save_corrections(corrections: Corrections, path: str | os.PathLike) -> None:
    """Write ``corrections`` to ``path`` atomically: a temp file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(corrections.to_json(), out, ensure_ascii=False, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def update_corrections(path: str | os.PathLike, change: Callable[[Corrections], Corrections], entity_id: str,
                       action: str, detail: str = "", by: str | None = None) -> Corrections:
    """Read the corrections at ``path``, apply ``change``, log it and write them back, all under a file lock.

    Two saves at the same moment both survive: the second reads what the first wrote.
    The edit is logged as ``action`` (a key of ``ACTIONS``) on ``entity_id`` with
    ``detail``, the time and ``by`` (a blank name is stored as None). Raises
    :class:`CorrectionsError` when the file is unusable or stays locked ``LOCK_TIMEOUT``
    seconds, and ValueError for an impossible change; the file is then unchanged.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT):
            _remove_leftovers(path)
            at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            edit = Edit(at, (by or "").strip() or None, entity_id, action, detail)
            corrections = change(load_corrections(path)).logged(edit)
            save_corrections(corrections, path)
    except Timeout:
        raise CorrectionsError(f"{path} is locked by another save; try again") from None
    return corrections


def _remove_leftovers(path: Path) -> None:
    """Delete temp files of saves that were killed mid-write (only called under the lock, when none is running)."""
    for stale in path.parent.glob(f"{path.name}*.tmp"):
        stale.unlink(missing_ok=True)


def history_table(corrections: Corrections, limit: int = 50) -> pd.DataFrame:
    """The newest ``limit`` edits, newest first: columns ``HISTORY_COLUMNS`` (``at`` as UTC timestamps)."""
    frame = pd.DataFrame([asdict(edit) for edit in reversed(corrections.history[-limit:])], columns=HISTORY_COLUMNS)
    return frame.assign(at=pd.to_datetime(frame["at"], utc=True, errors="coerce"))


def _resolve(merges: dict[str, str], entity_id: str) -> str:
    """Follow merge links to the entity that finally absorbs ``entity_id`` (cycles stop)."""
    seen = {entity_id}
    for _ in range(_MAX_MERGE_CHAIN):
        target = merges.get(entity_id)
        if target is None or target in seen:
            break
        seen.add(target)
        entity_id = target
    return entity_id


def _alias_target(surface: str, aliases: dict[str, str]) -> str | None:
    """The entity an alias gives this surface, matched bare or after removing case endings."""
    if surface in aliases:
        return aliases[surface]
    head, _, last = surface.rpartition(" ")
    for stem in candidate_stems(last):
        target = aliases.get(f"{head} {stem}" if head else stem)
        if target:
            return target
    return None


def apply_corrections(entities: pd.DataFrame, mentions: pd.DataFrame,
                      corrections: Corrections) -> tuple[pd.DataFrame, pd.DataFrame]:
    """New ``(entities, mentions)`` tables with the user's corrections applied (inputs are not changed).

    Order: aliases re-point mentions, merges fold entities together, bans drop them,
    retypes change their type, renames set their names. Counts are recomputed.
    """
    if not corrections or mentions.empty:
        return entities, mentions
    ids = mentions["entity_id"]
    if corrections.aliases:
        by_surface = {s: _alias_target(s, corrections.aliases) for s in mentions["surface"].unique()}
        ids = ids.where(mentions["surface"].map(by_surface).isna(), mentions["surface"].map(by_surface))
    resolved = ids.map(lambda e: _resolve(corrections.merges, e))
    keep = ~(ids.isin(corrections.bans) | resolved.isin(corrections.bans))
    corrected = mentions.assign(entity_id=resolved)[keep]
    names = _names(entities, corrected["entity_id"].unique())
    kinds = entities.set_index("entity_id")["type"].to_dict()
    gazetteer = load_gazetteer().entries
    for entity_id in corrected["entity_id"].unique():
        if entity_id not in kinds:
            kinds[entity_id] = gazetteer[entity_id].type if entity_id in gazetteer else entity_id.split(":", 1)[0]
    kinds.update(corrections.retypes)
    corrected = corrected.assign(type=corrected["entity_id"].map(kinds).fillna(corrected["type"]))
    for entity_id, edit in corrections.renames.items():
        if entity_id in names:
            names[entity_id] = (edit.get("name_bn", names[entity_id][0]), edit.get("label_en", names[entity_id][1]))
    return entity_table(corrected, names), corrected.reset_index(drop=True)


def _names(entities: pd.DataFrame, wanted) -> dict[str, tuple[str, str | None]]:
    """(name_bn, label_en) for every wanted id: from the table, the gazetteer, or the id itself."""
    known = dict(zip(entities["entity_id"], zip(entities["name_bn"], entities["label_en"])))
    gazetteer = load_gazetteer().entries
    names = {}
    for entity_id in wanted:
        if entity_id in known:
            names[entity_id] = known[entity_id]
        elif entity_id in gazetteer:
            names[entity_id] = (gazetteer[entity_id].name_bn, gazetteer[entity_id].label_en)
        else:
            names[entity_id] = (entity_id.split(":", 1)[-1], None)
    return names
