"""The corrections form of the Entities page: rename, retype, merge, add an alias, ban, undo; and the recent edits."""
from __future__ import annotations

import streamlit as st

from components.entity_stats import TYPE_NAMES, display_name
from components.sidebar import editor_name
from components.state import View
from loaders.entities import history_table, load_corrections, update_corrections
from loaders.entities.corrections import ACTIONS, CorrectionsError

MERGE_CHOICES = 500  # the most mentioned entities offered as merge targets (type to search them)
RECENT_EDITS = 50


def _save(view: View, by: str | None, change, entity_id: str, action: str, detail: str = "") -> None:
    """Apply ``change`` to the stored corrections under the file lock, log it with the user's name ``by``, and rerun."""
    try:
        update_corrections(view.corrections_file, change, entity_id, action, detail, by=by)
    except (CorrectionsError, ValueError, OSError) as err:
        st.error(f"Not saved: {err}")
        return
    st.rerun()


def correction_panel(view: View, entity_id: str) -> None:
    """Forms that correct one entity; each saves to the corrections file beside the cache."""
    names = view.entities.set_index("entity_id")
    entity = names.loc[entity_id]
    author = editor_name()  # drawn in the sidebar on this page only, where corrections are made
    with st.expander("Correct this entity", icon=":material/edit:"):
        st.caption(f"Saved in `{view.corrections_file}` and applied on the next run for every corpus; nothing is re-parsed.")
        if view.corrections_error:
            st.error("The corrections file cannot be read, so it is not changed here. Fix or remove it first.")
            return
        rename, retype, merge, alias, ban = st.tabs(["Rename", "Type", "Merge", "Add alias", "Not an entity"])
        with rename.form("entities_rename_form", border=False):
            name_bn = st.text_input("Bengali name", value=str(entity["name_bn"]))
            label_en = st.text_input("English label", value=entity["label_en"] if isinstance(entity["label_en"], str) else "")
            if st.form_submit_button("Save name"):
                _save(view, author, lambda c: c.rename(entity_id, name_bn=name_bn, label_en=label_en), entity_id, "rename",
                      " / ".join(filter(None, (name_bn.strip(), label_en.strip()))))
        with retype.form("entities_retype_form", border=False):
            kinds = list(TYPE_NAMES)
            kind = st.radio("Type", kinds, index=kinds.index(entity["type"]) if entity["type"] in kinds else 0,
                            format_func=TYPE_NAMES.get, horizontal=True)
            if st.form_submit_button("Save type"):
                _save(view, author, lambda c: c.retype(entity_id, kind), entity_id, "retype", kind)
        with merge.form("entities_merge_form", border=False):
            others = [e for e in names.index[:MERGE_CHOICES] if e != entity_id]
            # A dict's get, not a closure: Streamlit keeps a widget's format_func with the session.
            shown = {e: f"{display_name(names.at[e, 'name_bn'], names.at[e, 'label_en'])} ({e})" for e in others}
            into = st.selectbox("Count it as part of", others, index=None, placeholder="Choose an entity",
                                format_func=shown.get)
            if st.form_submit_button("Merge") and into:
                _save(view, author, lambda c: c.merge(entity_id, into), entity_id, "merge", into)
        with alias.form("entities_alias_form", border=False):
            spelling = st.text_input("Another spelling of this entity", placeholder="e.g. পুতিনজি")
            if st.form_submit_button("Add alias") and spelling.strip():
                _save(view, author, lambda c: c.add_alias(spelling, entity_id), entity_id, "alias", spelling.strip())
        with ban.form("entities_ban_form", border=False):
            st.write("Hide it from every count and list, e.g. a common word the tagger took for a name.")
            if st.form_submit_button("Not an entity", type="primary"):
                _save(view, author, lambda c: c.ban(entity_id), entity_id, "ban")
        stored = load_corrections(view.corrections_file)
        if stored:
            st.caption(f"Corrections so far: {len(stored.renames)} renamed, {len(stored.retypes)} retyped, "
                       f"{len(stored.merges)} merged, {len(stored.aliases)} aliases, {len(stored.bans)} banned.")
            undo = st.selectbox("Undo every correction of", sorted(_named(stored)), index=None, key="entities_undo",
                                placeholder="Choose an entity id")
            if undo and st.button("Undo", key="entities_undo_button"):
                _save(view, author, lambda c: c.forget(undo), undo, "undo")


def _named(corrections) -> set[str]:
    """Every entity id a correction mentions."""
    return (set(corrections.renames) | set(corrections.merges) | set(corrections.merges.values())
            | set(corrections.retypes) | set(corrections.aliases.values()) | set(corrections.bans))


def recent_corrections(view: View) -> None:
    """The newest saved corrections, by anyone: when, who, which entity, what changed."""
    if view.corrections_error:
        return
    recent = history_table(load_corrections(view.corrections_file), RECENT_EDITS)
    if recent.empty:
        return
    with st.expander(f"Recent corrections ({len(recent)})", icon=":material/history:"):
        st.caption("Newest first; the name is what the saver typed in the sidebar, if anything.")
        st.dataframe(recent.assign(action=recent["action"].map(ACTIONS).fillna(recent["action"]),
                                   by=recent["by"].fillna("—")),
                     hide_index=True, width="stretch", key="entities_recent_corrections", column_config={
                         "at": st.column_config.DatetimeColumn("When (UTC)", format="YYYY-MM-DD HH:mm:ss"),
                         "by": "Who", "entity_id": "Entity", "action": "Change", "detail": "Set to"})
