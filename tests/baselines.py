"""The body-extraction baselines the evaluations print beside the loaders: jusText and trafilatura.

jusText runs twice: with a Bengali stoplist of the words found in most pages of the set
scored, and with an empty stoplist and zero stopword thresholds (its language-independent
mode). trafilatura runs with its defaults (comments left out, tables kept). A page dump is
given to them as an HTML page of one ``<p>`` per line; a saved HTML page as itself. Both are
dev-only dependencies (requirements-dev.txt); without them their figures are None.
"""
from __future__ import annotations

import html
import logging
from collections import Counter

from tests.metrics import tokens

STOPLIST_SIZE = 150
BASELINES = ("justext_bn", "justext_li", "trafilatura")

try:
    import justext
except ImportError:
    justext = None
try:
    import trafilatura
except ImportError:
    trafilatura = None


def paragraphs_html(lines: list[str]) -> str:
    """The dump as an HTML page, one <p> per non-blank line."""
    body = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in lines if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def bengali_stoplist(texts: list[str]) -> frozenset[str]:
    """The STOPLIST_SIZE words found in the most texts: an unsupervised Bengali stoplist for jusText."""
    df = Counter()
    for text in texts:
        df.update({t.lower() for t in tokens(text)})
    ranked = sorted(df.items(), key=lambda item: (-item[1], item[0]))  # ties by spelling: same list every run
    return frozenset(word for word, _ in ranked[:STOPLIST_SIZE])


def baseline_tokens(page: str, stoplist: frozenset[str]) -> dict[str, list[str] | None]:
    """Body tokens of one HTML page by each baseline (None where the baseline is not installed)."""
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    result: dict[str, list[str] | None] = dict.fromkeys(BASELINES)
    data = page.encode("utf-8")
    if justext:
        good = [p.text for p in justext.justext(data, stoplist, encoding="utf-8") if not p.is_boilerplate]
        result["justext_bn"] = tokens(" ".join(good))
        good = [p.text for p in justext.justext(data, frozenset(), stopwords_low=0, stopwords_high=0,
                                                encoding="utf-8") if not p.is_boilerplate]
        result["justext_li"] = tokens(" ".join(good))
    if trafilatura:
        result["trafilatura"] = tokens(trafilatura.extract(page, include_comments=False, include_tables=True) or "")
    return result
