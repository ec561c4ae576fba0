"""Entity mentions in HTML: hover titles, mention links to the Entities page, the tint key.

``mention_spans`` reads one article's body mentions from the mentions table; the article
view (``components.article_view.highlight``) turns them into links with ``mention_link``.
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import quote

import pandas as pd

from components.entity_stats import display_name
from components.escaping import as_text, escaped, escaped_raw
from components.html_style import CSS
from loaders.entities.evidence import is_self_mention

ENTITY_TYPES = {"PER": "person", "LOC": "place", "ORG": "organisation"}


def mention_link(text: str, entity_id: str, label: str, kind: str = "") -> str:
    """One mention as a link to the Entities page (id URL-quoted, everything escaped), tinted by entity type."""
    href = "/entities?entity=" + quote(entity_id, safe="")
    classes = f"mention kl-ent-{kind}" if kind in ENTITY_TYPES else "mention"
    return (f'<a href="{escape(href, quote=True)}" target="_self" class="{classes}" '
            f'title="{escaped(label or entity_id)}">{escaped_raw(text)}</a>')


def entity_title(name_bn, label_en=None, kind=None) -> str:
    """Hover text of a mention: 'ভ্লাদিমির পুতিন · Vladimir Putin (person)'."""
    names = display_name(as_text(name_bn), as_text(label_en))
    kind = ENTITY_TYPES.get(as_text(kind), as_text(kind))
    return f"{names} ({kind})" if names and kind else names or kind


def entity_titles(entities: pd.DataFrame | None, entity_ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> hover title, for the ids the entities table knows."""
    wanted = set(entity_ids)
    if entities is None or len(entities) == 0 or not wanted or "entity_id" not in entities:
        return {}
    rows = entities[entities["entity_id"].isin(wanted)].reindex(columns=["entity_id", "name_bn", "label_en", "type"])
    return {entity_id: entity_title(name, label, kind) for entity_id, name, label, kind in rows.itertuples(index=False)}


def mention_spans(mentions: pd.DataFrame | None, entities: pd.DataFrame | None,
                  article_id: str) -> list[tuple[int, int, str, str, str]]:
    """One article's body mentions as ``(start, end, entity_id, hover title, type)``; empty when there are none.

    Words judged not names (see ``loaders.entities.evidence``) are not highlighted; the outlet's own name is.
    """
    if mentions is None or len(mentions) == 0:
        return []
    rows = mentions[mentions["article_id"] == article_id]
    if "in_body" in rows:
        rows = rows[rows["in_body"].fillna(False).astype(bool)]
    if "aside" in rows:
        rows = rows[rows["aside"].isna() | is_self_mention(rows["aside"])]
    titles = entity_titles(entities, rows["entity_id"].unique())
    kinds = rows["type"] if "type" in rows else [""] * len(rows)
    return [(start, end, entity_id, titles.get(entity_id, entity_id), as_text(kind))
            for start, end, entity_id, kind in zip(rows["start"], rows["end"], rows["entity_id"], kinds)]


def mention_key_html(kinds: Iterable[str]) -> str:
    """Key to the mention tints for the entity types present, with what a click does."""
    kinds = set(kinds)
    present = [kind for kind in ENTITY_TYPES if kind in kinds]
    chips = "".join(f'<span class="kl-key kl-ent-{kind}">{escaped(ENTITY_TYPES[kind])}</span>' for kind in present)
    return (f'{CSS}<div class="kl kl-mention-key"><span>Entity mentions:</span>{chips}'
            f'<span>hover for the name, click to open it on the Entities page</span></div>')
