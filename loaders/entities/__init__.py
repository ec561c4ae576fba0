"""Named entities in Bengali news: tagging, linking to one entity per real-world thing, user corrections.

Entry points:
- :func:`tag_text` — raw mentions (gazetteer first, then the CRF) of a text, offsets into it;
- :func:`link_entities` — raw mentions of a corpus to ``(entities, mentions)`` tables;
- :func:`load_corrections` / :func:`update_corrections` / :func:`apply_corrections` — the
  user's renames, merges, retypes, aliases and bans, kept in a JSON file beside the cache
  and changed under a file lock, each edit logged with its time and author.

``python -m loaders.entities --conll FILE`` tags a CoNLL file; ``... train`` rebuilds the model.
"""
from loaders.entities.corrections import (
    Corrections, apply_corrections, corrections_path, history_table, load_corrections, save_corrections, update_corrections,
)
from loaders.entities.extract import tag_text
from loaders.entities.linking import ENTITY_COLUMNS, MENTION_COLUMNS, link_entities
from loaders.entities.mentions import RawMention

__all__ = [
    "Corrections",
    "ENTITY_COLUMNS",
    "MENTION_COLUMNS",
    "RawMention",
    "apply_corrections",
    "corrections_path",
    "history_table",
    "link_entities",
    "load_corrections",
    "save_corrections",
    "tag_text",
    "update_corrections",
]
