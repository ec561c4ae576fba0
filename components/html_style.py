"""The stylesheet every HTML fragment of the Reader (raw page, article, dates, mentions) opens with.

Each fragment is shown with its own ``st.html`` call, so each carries this ``<style>`` block;
the Entities page adds its keyword-in-context rules after it.
"""
from __future__ import annotations

FONT = "'Noto Sans Bengali', 'Source Sans', sans-serif"

CSS = f"""
<style>
.kl {{ font-family: {FONT}; color: #1f2430; line-height: 1.7; }}
.kl * {{ box-sizing: border-box; }}
.kl-raw {{ max-height: 75vh; overflow: auto; border: 1px solid #d9dce3; border-radius: 8px;
  background: #fff; font-size: 0.88rem; }}
.kl-line {{ display: flex; align-items: flex-start; border-bottom: 1px solid rgba(0,0,0,0.045); }}
.kl-line.kl-blank {{ min-height: 0.55rem; line-height: 0.55rem; }}
.kl-line.kl-body {{ box-shadow: inset 3px 0 0 #b4232c; }}
.kl-line.kl-title {{ box-shadow: inset 3px 0 0 #b4232c; font-weight: 700; }}
.kl-n {{ flex: 0 0 3.2em; text-align: right; padding: 0.1rem 0.6em 0.1rem 0; color: #8a8f9c;
  font-family: 'Source Code Pro', monospace; font-size: 0.75rem; line-height: 1.85rem; user-select: none; }}
.kl-blank .kl-n {{ line-height: 0.55rem; font-size: 0.6rem; }}
.kl-t {{ flex: 1 1 auto; min-width: 0; padding: 0.1rem 0.5rem 0.1rem 0; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
.kl-tag {{ flex: 0 0 auto; align-self: center; margin: 0 0.5rem; padding: 0 0.45rem; border-radius: 999px;
  font-size: 0.68rem; line-height: 1.2rem; color: #4a5060; background: rgba(255,255,255,0.7);
  border: 1px solid rgba(0,0,0,0.08); white-space: nowrap; }}
.kl-tag.kl-note {{ color: #7a4b00; border-color: #e8c468; }}
.kl-legend {{ display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0 0 0.5rem 0; font-size: 0.78rem; }}
.kl-legend-group {{ display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; }}
.kl-legend-name {{ color: #6b7080; margin-right: 0.1rem; }}
.kl-chip {{ padding: 0 0.45rem; border-radius: 4px; border: 1px solid rgba(0,0,0,0.12); line-height: 1.4rem;
  white-space: nowrap; cursor: help; }}
.kl-chip.kl-body, .kl-chip.kl-title {{ box-shadow: inset 3px 0 0 #b4232c; }}
.kl-article {{ font-size: 1.02rem; }}
.kl-outlet {{ color: #b4232c; font-size: 0.85rem; font-weight: 700; letter-spacing: 0.01em; }}
.kl-headline {{ font-size: 1.55rem; font-weight: 700; line-height: 1.45; margin: 0.15rem 0 0.6rem 0; }}
.kl-headline.kl-missing {{ font-size: 1.05rem; font-weight: 400; color: #6b7080; font-style: italic; }}
.kl-meta {{ display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0 0 0.9rem 0;
  padding: 0.55rem 0.75rem; background: #f7f8fa; border-radius: 8px; font-size: 0.86rem; }}
.kl-meta dt {{ color: #6b7080; font-weight: 400; margin: 0; }}
.kl-meta dd {{ margin: 0; }}
.kl-fields-head {{ font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: #6b7080; margin: 0.2rem 0 0.4rem; }}
.kl-fields .kl-meta dd {{ overflow-wrap: anywhere; }}
.kl-basis {{ color: #6b7080; font-size: 0.8rem; }}
.kl-flag {{ display: inline-block; padding: 0 0.4rem; margin-left: 0.3rem; border-radius: 4px; font-size: 0.72rem;
  line-height: 1.25rem; background: #fdf0cc; color: #7a4b00; }}
.kl-muted {{ color: #8a8f9c; }}
.kl-agency {{ display: inline-block; padding: 0 0.45rem; margin: 0 0.25rem 0.1rem 0; border-radius: 4px;
  background: #dcf2e3; font-size: 0.8rem; line-height: 1.35rem; }}
.kl-text p {{ margin: 0 0 0.85rem 0; }}
.kl-text mark.kl-shared {{ background: #ece3ff; color: inherit; box-shadow: 0 2px 0 #8e6bd8; padding: 0.1rem 0; }}
.kl a.mention, .kl .kl-key {{ color: inherit; text-decoration: none; background: #f1f1f1;
  border-bottom: 2px solid #9aa0a6; border-radius: 2px; padding: 0 1px; }}
.kl a.kl-ent-PER, .kl span.kl-ent-PER {{ background: #fff1b8; border-bottom-color: #e0b400; }}
.kl a.kl-ent-LOC, .kl span.kl-ent-LOC {{ background: #dcebff; border-bottom-color: #5b8def; }}
.kl a.kl-ent-ORG, .kl span.kl-ent-ORG {{ background: #dcf2e3; border-bottom-color: #3aa466; }}
.kl a.mention:hover {{ filter: brightness(0.93); }}
.kl-mention-key {{ display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; font-size: 0.78rem;
  color: #6b7080; margin: 0 0 0.4rem 0; }}
.kl-facts {{ display: flex; flex-wrap: wrap; gap: 0.2rem 1.4rem; font-size: 0.84rem; color: #4a5060; }}
.kl-facts b {{ color: #6b7080; font-weight: 400; margin-right: 0.3rem; }}
.kl-notice {{ padding: 0.6rem 0.9rem; border-radius: 8px; font-size: 0.92rem; }}
.kl-notice.kl-info {{ background: #e8f0fe; color: #1d3b6e; }}
.kl-notice.kl-warn {{ background: #fdf0cc; color: #5c3b00; }}
.kl-notice code {{ font-family: 'Source Code Pro', monospace; font-size: 0.85em; background: rgba(0,0,0,0.06);
  padding: 0 0.25rem; border-radius: 3px; }}
</style>
"""
