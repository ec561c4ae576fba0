"""Find the article on a page of any layout: line features, the article block, its headline and the page kind.

- :mod:`~loaders.layout.features` — what each line is on its own (shape, lexicon kind, dates, list marks);
- :mod:`~loaders.layout.block` — where the article's running text is (or, for a poem or a quiz, its lines);
- :mod:`~loaders.layout.headline` — which line above the block is the headline, and which date is its own;
- :mod:`~loaders.layout.page_kind` — whether the page is an article at all;
- :mod:`~loaders.layout.doubled` — which sentences of a dataset record its scraper wrote twice in a row.
"""
from .block import Block, find_block, non_prose_block
from .doubled import split_doubled
from .features import (PLACE_UNDER_BYLINE, LineFeatures, has_latin_letters, leading_byline, line_features,
                       outlet_part, split_lines)
from .headline import first_headline, own_date_above, pick_title, signed, signed_head
from .page_kind import MIN_ARTICLE_WORDS, PAGE_KINDS, dated_head, page_kind

__all__ = ["Block", "LineFeatures", "MIN_ARTICLE_WORDS", "PAGE_KINDS", "PLACE_UNDER_BYLINE", "dated_head",
           "find_block", "first_headline", "has_latin_letters", "leading_byline", "line_features", "non_prose_block",
           "outlet_part", "own_date_above", "page_kind", "pick_title", "signed", "signed_head", "split_doubled", "split_lines"]
