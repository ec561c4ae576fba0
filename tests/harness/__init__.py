"""The layout-variation harness: page dumps in layouts the loaders were not built on, with gold.

Real saved Bengali article pages are rare, so the variety is generated: real article texts
(:mod:`.material`) are wrapped in the furniture of one real page (a seed, an unseen article
page or a not-article page) plus synthetic forms (:mod:`.forms`: tickers, run-together and
numbered menus, breadcrumbs, lists, three-calendar header dates, unlabelled date lines,
captions, ads and video players inside the body, repeated article blocks, author notes,
imprints). About one page in six is a listing (latest news, archive, section or home page).
:func:`generate` is deterministic: fixed seeds, no clock, stable order.

:mod:`.scoring` scores the loaders' public tables by furniture source: each source's pages
are layouts the rules shaped on the other sources never saw. This is an instrument: nothing
here is training data, and the loaders must not be tuned to its pages.

``python -m tests.harness --pages 300`` prints the table.
"""
from .pages import HarnessPage, generate

__all__ = ["HarnessPage", "generate"]
