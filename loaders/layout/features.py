"""Per-line facts every layout decision reads: shape, lexicon kind, dates and list context.

A line's *intrinsic* kind is what it is wherever it stands on the page (a share button,
a copyright line, a date line, a section name). The position of a line relative to the
article block decides the rest (see :mod:`loaders.layout.block` and ``loaders.lines``).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property

from .. import dates, sources
from ..lexicon import key_of_clean, lexicon
from ..textnorm import clean

logger = logging.getLogger(__name__)

# Lines longer than this are never furniture phrases or headlines, so they get no lookup key.
KEY_MAX_WORDS = 40
_CAPTION_WORDS = 30  # a photo caption is a sentence or two
_BYLINE_WORDS = 5  # "নিজস্ব প্রতিবেদক", "বিশেষ প্রতিনিধি, চট্টগ্রাম"
_BYLINE_PLACE_WORDS = 3  # "কুড়িগ্রাম", "কক্সবাজার সদর": the place a reporter files from
PLACE_UNDER_BYLINE = "the reporter's place or name under the byline"
_SENTENCE_MARK_RE = re.compile(r"[।?!:;,]")
_SENTENCE_END_RE = re.compile(r"[।?!]\W*$")
_BYLINE_LABEL_WORDS = 10  # "পদবী, বিবিসি নিউজ বাংলা, ঢাকা": a name or a post, an outlet and a place
_CONTACT_LABELS = 2  # "ফোন :" and "ই-মেইল:" on one line: a footer's address block
_PATTERN_WORDS = 15  # the longest furniture line a pattern describes (a linked headline after "আরও পড়ুন:")
_COLON_RE = re.compile(r"[:：ঃ]")  # a photo credit has one (ছবি: …); most lines do not, and the credit pattern is costly
_DASH_RE = re.compile(r"[—–]")     # or a dash before it (—নিজস্ব চিত্র)
# A caption's agency or outlet after a spaced colon or a dash, at the line's end ("… ফিলিস্তিনিরা : এএফপি").
_SOURCE_MARK_RE = re.compile(r"[:：ঃ—–]")  # with " -": most lines have none, and the credit pattern is costly
_SOURCE_CREDIT_RE = re.compile(r"(?:\s[:：ঃ]|\s-|[—–])\s*(?P<name>[^\s:：ঃ—–।|/()\[\]][^:：ঃ—–।|/()\[\]]{0,39}?)[।.]?\s*$")
_SOURCE_CAPTION_WORDS = 3  # the words a caption needs before its credit ("… : এএফপি")
_SENTENCE_MARK_INSIDE_RE = re.compile(r"[।?!]")
_CAPTION_SENTENCE_WORDS = 20  # a caption that ends a sentence over its credit is one sentence of up to this many words
# Lines under which reporter initials alone sign the text: its closing date line, source line, ad slot or credit.
_SIGN_OFF_ABOVE = frozenset({"dated", "attribution", "ad_placeholder", "credit"})
_DATELINE_CHARS = 120
# Bengali spellings of Latin letter names: reporter initials are runs of these (জেএইচ = J H).
_LETTER_NAMES = (
    "ডব্লিউ", "ওয়াই", "এক্স", "এইচ", "কিউ", "জেড", "এফ", "এল", "এম", "এন", "এস", "আর",
    "আই", "ইউ", "বি", "সি", "ডি", "জি", "জে", "কে", "পি", "টি", "ভি", "এ", "ই", "ও",
)
_INITIALS = "(?:" + "|".join(_LETTER_NAMES) + ")+"
_CREDIT_RE = re.compile(rf"/?\s*{_INITIALS}(?:\s*/\s*{_INITIALS})*\s*/?|/?[A-Z]{{1,4}}(?:/[A-Z]{{1,4}})+/?")
_SENTENCE_END_RE = re.compile(r"[.?!।॥][\s'\"’”»)\]|]*$")
_SPLIT_RE = re.compile(r"\n")
_PROSE_MARKS = ("।", ".", ",", "?", "!", ";", "—", "'", "’", "\"", "”")
_WORDS_PER_MARK = 40      # running text has a sentence end or comma at least this often
_MENU_ENTRY_WORDS = 2     # menu links are a word or two (আজকের পত্রিকা); headlines and names are longer
_MENU_WINDOW = 2          # menu entries in a row beside an outlet name that make it one of them
_TICKER_ITEMS = 3
_TICKER_LABEL_SHARE = 0.25  # items of a ticker that may be one word (a "উদ্ধৃতি" or "ভিডিও" label among headlines)
_AUTHOR_LINE_WORDS = 7     # a name and the place it is filed from
_AUTHOR_NAME_WORDS = 4     # "আবদুল্লাহ আল মামুন", "মো. রফিকুল ইসলাম"
_AUTHOR_PLACE_WORDS = 2    # "…, চট্টগ্রাম", "…, কক্সবাজার প্রতিনিধি" is a reporter word
_PARTICLE_CHARS = 3        # আল, বিন, উল: particles inside a name
_DATE_LINE_SHARE = 0.6     # of a short line in dates, times, labels and the byline before them: a date line
_TICKER_DATE_SHARE = 0.3   # more of the line than this in dates: a "date | আপডেট: date" line, not headlines
_MENU_ENTRY_KINDS = frozenset({None, "section_label", "menu", "widget", "share_widget", "pagination", "outlet_label"})
# The lines that sign an article under its headline: its author, desk or date line.
BYLINE_KINDS = frozenset({"dated", "byline", "desk", "desk_and_outlet"})
_STEM_CHARS = 4
# Words of _STEM_CHARS letters or more between spaces and punctuation.
_LONG_WORD_RE = re.compile(r"[^\s'\"‘’“”()\[\]{}.,:;!?।\-–—|/]{4,}")
_HAS_DIGIT_RE = re.compile(r"[0-9০-৯]")
_BENGALI_LETTER_RE = re.compile(r"[\u0985-\u09B9\u09CE\u09DC-\u09DF]")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
# A list item as text dumps print it: "* ", "o ", "+ ", "- ", "• " bullets or "1. " / "১) " numbers.
_BULLET_RE = re.compile(r"^\s*(?:[*•◦▪●+\-–o]\s+|[*•◦▪●]$|[0-9০-৯]{1,2}[.)]\s+)")
# A letter or digit of any script (what str.isalnum accepts), or a Bengali sign that is not one.
_COUNTED_RE = re.compile(r"[^\W_]|[A-Za-z\u0980-\u09E5\u09F0-\u09FF]")
_LEADING_SEGMENT_RE = re.compile(r"([^|।]*)([|।]?)", re.DOTALL)


@dataclass
class LineFeatures:
    """Facts about one line of the page (mutable only while the page is being classified).

    ``intrinsic`` is the kind the line has wherever it stands (None: it depends on where);
    ``paragraph`` marks running text; ``bullet`` a line printed as a list item;
    ``other_calendar`` a date line that also gives the Bangla or Hijri date, as header dates do;
    ``template`` a line the other pages of the site print too (see :mod:`loaders.layout.site`);
    ``latin`` a line in Latin letters or ASCII digits with no Bengali letter (on a Bengali
    page, a video player's or an embed's interface text; never running text there).
    """

    n: int
    start: int
    end: int
    text: str
    key: str
    words: int
    intrinsic: str | None
    reason: str
    paragraph: bool
    dates: tuple
    labelled: bool
    bullet: bool = False
    latin: bool = False
    has_time: bool = False
    other_calendar: bool = False
    template: bool = False

    @property
    def numbered(self) -> bool:
        """Is the line a numbered list item ("১. …", "3) …"): a quiz's question, a section of the text,
        a breadcrumb's step?"""
        return self.bullet and self.key[:1].isdigit()

    @cached_property
    def stems(self) -> frozenset[str]:
        """The line's word stems (see :func:`word_stems`), worked out once."""
        return word_stems(self.text)

    @cached_property
    def story_stems(self) -> frozenset[str]:
        """Its stems less those any story says (``data/common_stems.txt``): what names its own story."""
        return self.stems - lexicon().common_stems

    @property
    def headline_like(self) -> bool:
        """A free, short, non-sentence line in Bengali: a headline, a list item or a menu entry."""
        return self.intrinsic is None and not self.paragraph and not self.latin and self.words >= 1


def word_stems(text: str) -> frozenset[str]:
    """Beginnings of a text's longer words: Bengali inflects at the end (পুতিনের, পুতিন), so
    the first few letters say which word it is well enough to compare two texts."""
    return frozenset(word[:_STEM_CHARS] for word in _LONG_WORD_RE.findall(text))


def shared_share(own: set[str], others: set[str]) -> float:
    """Share of ``own`` word stems that ``others`` has too (0 for none)."""
    return len(own & others) / len(own) if own else 0.0


def split_lines(text: str) -> list[tuple[int, int, int]]:
    """(1-based number, start, end) of every line; a trailing carriage return is excluded."""
    spans = []
    pos = 0
    for n, match in enumerate(_SPLIT_RE.finditer(text + "\n"), start=1):
        end = match.start()
        if end > pos and text[end - 1 : end] == "\r":
            end -= 1
        spans.append((n, pos, end))
        pos = match.end()
    if spans and spans[-1][1] == len(text) and len(spans) > 1:
        spans.pop()  # a final newline does not open another line
    return spans


def is_paragraph(text: str, words: int) -> bool:
    """Does the line read like running article text rather than a headline or widget?

    A long line needs some punctuation: a menu or tag cloud run into one line has none.
    """
    if words >= 25:
        # A line that ends a sentence needs a mark per whole 40 words (one long sentence is prose);
        # any other long line one per 40 words or part, so that a menu with one dot stays a menu.
        per = words // _WORDS_PER_MARK if _SENTENCE_END_RE.search(text) else -(-words // _WORDS_PER_MARK)
        return sum(text.count(mark) for mark in _PROSE_MARKS) >= max(1, per)
    if "।" in text and words >= 5:
        return True
    if words >= 10 and _SENTENCE_END_RE.search(text):
        return True
    return words >= 8 and text.count(",") >= 3


def _date_coverage(text: str, found: tuple) -> float:
    """Share of the line's letters and digits that belong to dates, times and date labels, or to a
    byline the date line opens with ("নিজস্ব প্রতিবেদক | ০৭ ডিসেম্বর ২০২৫, ১৬:৩০")."""
    total = len(_COUNTED_RE.findall(text))
    if not total:
        return 0.0
    lex = lexicon()
    spans = [(m.start, m.end) for m in found]
    spans += [(m.start, m.end) for m in dates.find_times(text)]
    spans += [(s, e) for s, e, _ in dates.find_weekdays(text)]
    spans += [m.span() for m in lex.date_label_re.finditer(text)]
    share = _covered(text, spans) / total
    # The byline is sought only where it may matter: a line this much date is a date line anyway.
    if share < _DATE_LINE_SHARE and (byline := leading_byline(text, found)):
        share = _covered(text, spans + [(0, len(byline))]) / total
    return share


def _covered(text: str, spans: list[tuple[int, int]]) -> int:
    """Letters and digits of the text inside the spans, those of overlapping spans once."""
    hit = reach = 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            hit += len(_COUNTED_RE.findall(text, start, end))
            reach = end
    return hit


def leading_byline(text: str, found: tuple | None = None) -> str | None:
    """The credit a date line opens with, if any: a reporter word, a desk, a person's name (with
    the place filed from) or an outlet's name, before a "|" or "।" ("নিজস্ব প্রতিবেদক | ০৭ ডিসেম্বর
    …") or right before the date or its label, as a page whose author and date are inline prints
    them ("নিজস্ব প্রতিনিধি ০৭ ডিসেম্বর, ২০২৫", "ইত্তেফাক রিপোর্ট প্রকাশ : ১২ জুন ২০২৫, ০৯:১৫").
    ``found``: the line's dates, when already known."""
    head, bar = _LEADING_SEGMENT_RE.match(text).groups()
    if not bar:
        lex = lexicon()
        found = dates.find_dates(text) if found is None else found
        starts = [m.start for m in found[:1]] + [m.start() for m in lex.date_label_re.finditer(text)][:1]
        head = text[: min(starts)] if starts else ""
    name = head.strip().rstrip(",:;-–—").rstrip()
    return head.rstrip() if name and _credit_head(name) else None


def _credit_head(name: str) -> bool:
    """Does the text before a date line's date credit the story (see :func:`leading_byline`)?"""
    lex, words = lexicon(), len(name.split())
    if words <= _BYLINE_WORDS and (lex.byline_re.search(name) or lex.desk_re.search(name)):
        return True
    return words <= _AUTHOR_LINE_WORDS and (_author_name(name) or _whole_line_source(name) is not None)


def outlet_part(text: str, found: tuple | None = None) -> str | None:
    """The outlet one "|"-separated part of a byline or date line names outright, or the credit it
    opens with, if any ("Authored by … | এই সময় ডিজিটাল | Updated: …", "ইত্তেফাক রিপোর্ট প্রকাশ : …").
    ``found``: the line's dates, when already known."""
    for part in text.split("|") if "|" in text else [leading_byline(text, found) or ""]:
        hit = _whole_line_source(part.strip())
        if hit is not None and hit.kind == "outlet":
            return hit.id
    return None


def _whole_line_source(text: str) -> sources.SourceHit | None:
    """An outlet or agency name that makes up (nearly) the whole line, past a word that labels the
    site ("আনন্দবাজার অনলাইন")."""
    text = lexicon().site_word_re.sub("", text)
    letters = len(key_of_clean(text))
    for hit in sources.find_outlets(text) + sources.find_agencies(text):
        if letters and (hit.end - hit.start) >= 0.8 * letters:
            return hit
    return None


def _ends_in_closing_credit(text: str) -> bool:
    """Does the line end in a credit that needs no name ("… নিজস্ব চিত্র।")? A quick test before the pattern."""
    tail = text.rstrip(" ।.)]")
    ends = lexicon().closing_credits
    return tail.endswith(ends) or tail[-1:].isascii() and tail.casefold().endswith(ends)  # only English has case


def _source_credit(text: str) -> bool:
    """Does a caption end in the agency or outlet that took its photo, after a spaced colon or a dash
    ("… হেঁটে যাচ্ছেন ফিলিস্তিনিরা : এএফপি", "… — রয়টার্স")? The name must be all that follows the
    mark, and what comes before it one sentence at most: a paragraph that ends "… জানায়। খবর: এনডিটিভি",
    or a colon glued to the word before it ("… বলেছেন: রয়টার্স"), is text."""
    match = _SOURCE_CREDIT_RE.search(text) if _SOURCE_MARK_RE.search(text) or " -" in text else None
    if match is None:
        return False
    head = text[: match.start()]
    return (len(head.split()) >= _SOURCE_CAPTION_WORDS and not _SENTENCE_MARK_INSIDE_RE.search(head.rstrip(" ।?!"))
            and _whole_line_source(match["name"]) is not None)


def _run_together_sections(key: str) -> int:
    """How many section names a menu glued into one word carries ("হোমজাতীয়রাজনীতিখেলা")."""
    squeezed = key.replace(" ", "")
    return sum(1 for name in lexicon().sections if len(name) >= 3 and name.replace(" ", "") in squeezed)


def _ticker(text: str) -> bool:
    """Three or more headlines on one line between | marks, none a sentence (a headline may have one |).
    A few items may be one-word labels; a row of single words is a menu, not a ticker."""
    if text.count("|") < _TICKER_ITEMS - 1:
        return False
    segments = [s.split() for s in text.split("|")]
    headlines = sum(len(words) >= 2 for words in segments)
    return (len(segments) >= _TICKER_ITEMS and "।" not in text and headlines >= _TICKER_ITEMS
            and all(words for words in segments) and headlines >= (1 - _TICKER_LABEL_SHARE) * len(segments))


def _author_name(text: str) -> bool:
    """Is the line a person's name alone, perhaps with the place a reporter files from
    ("রফিকুল ইসলাম, চট্টগ্রাম"): two to four words, each mostly written as part of a name."""
    if any(mark in text for mark in "।?!:"):
        return False
    name, _, place = text.partition(",")
    words = name.split()
    named = [key_of_clean(w) in lexicon().person_words for w in words]
    # A short particle inside a name ("আবদুল্লাহ আল মামুন", "সাকিব আল হাসান") is annotated as
    # part of it only now and then; it counts between two name words.
    particle = [0 < i < len(words) - 1 and len(w) <= _PARTICLE_CHARS and named[i - 1] and named[i + 1]
                for i, w in enumerate(words)]
    return (2 <= len(words) <= _AUTHOR_NAME_WORDS and len(place.split()) <= _AUTHOR_PLACE_WORDS
            and all(name or inside for name, inside in zip(named, particle)))


def _intrinsic(text: str, key: str, words: int, found: tuple, bullet: bool) -> tuple[str | None, str]:
    """Kind a line has wherever it stands, from the lexicon and its own shape."""
    lex = lexicon()
    if not text:
        return "blank", "empty line"
    if _ticker(text) and not (found and _date_coverage(text, found) >= _TICKER_DATE_SHARE):
        return "menu", "headlines run together with | (a ticker)"
    if words > KEY_MAX_WORDS:
        return None, ""
    if not key:
        return "widget", "punctuation only"
    if "।" not in text and lex.list_kind(key):
        return "list_heading", f"list heading “{key}”"
    if key in lex.exact:
        return lex.exact[key], f"known page phrase “{key}”"
    if found and words <= 20 and _date_coverage(text, found) >= _DATE_LINE_SHARE:
        return "dated", "date line"
    if words <= _PATTERN_WORDS and (kind := lex.pattern_kind(text, short=words <= 6)):
        return kind, f"matches the {kind.replace('_', ' ')} pattern"
    if words <= _PATTERN_WORDS and lex.follow_call(key):
        return "widget", "a call to follow the site on a platform"
    if (words <= 60 and lex.copyright_re.search(text)) or (words <= 12 and lex.copyright_short_re.search(text)):
        return "copyright", "copyright or legal notice"
    if words <= 60 and len(lex.contact_label_re.findall(text)) >= _CONTACT_LABELS:
        return "copyright", "the site's address and contacts (ফোন:, ই-মেইল: …)"
    if words <= 14 and lex.attribution_re.match(text):
        return "attribution", "source label (সূত্র:)"
    if words <= 4 and _CREDIT_RE.fullmatch(text.strip()):
        return "credit", "reporter initials"
    segments = [s.strip() for s in re.split(r"[|,]", text)]
    if len(segments[0].split()) <= 5 and lex.desk_re.search(segments[0]):
        if len(segments) > 1 and any(sources.find_outlets(s) for s in segments[1:]):
            return "desk_and_outlet", "desk name with outlet"
        return "desk", "desk name"
    if words <= _BYLINE_WORDS and lex.byline_re.search(text):
        return "byline", "reporter word (প্রতিবেদক, প্রতিনিধি …)"
    if words <= _BYLINE_LABEL_WORDS and lex.byline_label_re.match(text):
        return "byline", "byline label (লেখা, পদবী …)"
    if words <= _AUTHOR_LINE_WORDS and not bullet and _author_name(text):
        return "byline", "a person's name alone on the line (the author)"
    if words <= 6 and not bullet and _whole_line_source(text):
        return "outlet_label", "outlet or agency name alone on the line"
    if words <= 3 and lex.link_item_marker.fullmatch(key):
        return "link_marker", "image/link marker of a story list"
    if words <= 6 and lex.caption_re.match(text) or words <= _CAPTION_WORDS and lex.labelled_caption_re.match(text):
        return "caption", "photo caption or credit (ছবি: …)"
    if words <= _CAPTION_WORDS and (_COLON_RE.search(text) and lex.credit_end_re.search(text)
                                    # a caption and its credit in two spans of one line: no sentence mark
                                    or _COLON_RE.search(text) and "।" not in text and lex.run_in_credit_re.search(text)
                                    or _DASH_RE.search(text) and lex.dash_credit_re.search(text)
                                    or _ends_in_closing_credit(text) and lex.closing_credit_re.search(text)):
        return "caption", "photo caption ending in its credit (… ছবি: …)"
    if words <= _CAPTION_WORDS and _source_credit(text):
        return "caption", "photo caption ending in its agency or outlet (… : এএফপি)"
    if words <= 4 and key in lex.sections:
        return "section_label", f"section name “{key}”"
    if words >= 4 and "।" not in text and sum(w in lex.sections for w in key.split()) >= max(3, words / 2):
        return "menu", "several section names in a row"
    if words <= 3 and "।" not in text and _run_together_sections(key) >= 3:
        return "menu", "section names run together"
    return None, ""


def has_latin_letters(text: str) -> bool:
    """Does the text hold English letters (an English or bilingual headline: "Read The Story (পর্ব-১০)")?"""
    return _LATIN_LETTER_RE.search(text) is not None


def line_features(source: str, site_furniture: frozenset[str] = frozenset(),
                  spans: list[tuple[int, int, int]] | None = None) -> list[LineFeatures]:
    """Features of every line of the page, blank lines included.

    ``site_furniture`` holds the keys of lines that most pages of the page's site print:
    whatever they say, they are template (a date among them is the site's header date).
    ``spans``: the lines as ``(n, start, end)``, when not those of :func:`split_lines`.
    """
    lex = lexicon()
    feats = []
    for n, start, end in spans if spans is not None else split_lines(source):
        raw = clean(source[start:end])
        text = raw.strip()
        words = len(text.split())
        key = key_of_clean(text) if words <= KEY_MAX_WORDS else ""
        # Furniture dates fill short lines; in a long paragraph only an opening dateline matters.
        scanned = text if words <= KEY_MAX_WORDS else text[:_DATELINE_CHARS]
        found = tuple(dates.find_dates(scanned)) if _HAS_DIGIT_RE.search(scanned) else ()
        bullet = bool(_BULLET_RE.match(text)) and words <= KEY_MAX_WORDS
        kind, reason = _intrinsic(text, key, words, found, bullet)
        template = bool(key) and key in site_furniture
        if template and kind != "dated":
            kind, reason = "widget", "printed on most pages of this site"
        letters = _BENGALI_LETTER_RE.search(text) is not None
        feats.append(
            LineFeatures(
                n, start, end, text, key, words, kind, reason,
                paragraph=kind is None and (not bullet or "।" in text) and is_paragraph(text, words),
                dates=found,
                labelled=bool(found) and bool(lex.date_label_re.search(text)),
                bullet=bullet,
                latin=not letters and any(ch.isascii() and ch.isalnum() for ch in text),
                has_time=any(m.hour is not None for m in found),
                other_calendar=any(m.calendar != "gregorian" for m in found),
                template=template,
            )
        )
    content = [f for f in feats if f.intrinsic != "blank"]
    _outlet_names_in_menus(content)
    _lines_of_bylines_and_credits(content)
    latin_words = sum(f.words for f in feats if f.paragraph and f.latin)
    if latin_words < sum(f.words for f in feats if f.paragraph) / 2:  # a Bengali page
        for f in feats:
            f.paragraph = f.paragraph and not f.latin
    return feats


def _lines_of_bylines_and_credits(content: list[LineFeatures]) -> None:
    """Lines that belong to the furniture line next to them, as Prothom Alo prints them:

    - the reporter's place (or name) on the line under a byline of reporter words alone
      ("প্রতিনিধি" over "কুড়িগ্রাম"): a short line that would otherwise pass for a headline;
    - a photo's caption on the line over its credit ("… আজ শুক্রবার দুপুরে" over "ছবি: প্রথম আলো"),
      when it stands below the article's header or text (a headline over its lead photo's credit
      stays the headline) and does not end a sentence; the lead photo's caption, between the header
      and the text, may be one short sentence ("শনিবার দুপুরে … করছেন কৃষকেরা।" over "ছবি: বাংলা ট্রিবিউন").

    And reporter initials alone on a line ("জেএইচ") sign the text only where a sign-off stands:
    under its last paragraph or its closing date or source line. Elsewhere a Bengali acronym spells
    letters as initials do: a tag link or a trending topic (ডিএমটিসিএল, বিপিএল) is no credit.
    The slash form ("এসআই/এমএস") signs wherever it stands.
    """
    lex = lexicon()
    for i, f in enumerate(content):
        if f.intrinsic == "credit" and "/" not in f.text and not (i and _signs_off(content[i - 1])):
            f.intrinsic, f.reason = None, ""
    for i in range(1, len(content)):
        above, f = content[i - 1], content[i]
        if f.intrinsic is not None:
            continue
        only_reporter_words = above.intrinsic == "byline" and not lex.byline_re.sub("", above.text).strip(" ,")
        # A place or a name has no digits: "৭ মিনিট আগে" under the byline is when, not where.
        short_name = (f.words <= _BYLINE_PLACE_WORDS and not f.paragraph and not _SENTENCE_MARK_RE.search(f.text)
                      and not _HAS_DIGIT_RE.search(f.text))
        if only_reporter_words and short_name:
            f.intrinsic, f.reason = "byline", PLACE_UNDER_BYLINE
            continue
        credit = content[i + 1] if i + 1 < len(content) else None
        settled = above.paragraph or above.intrinsic in ("dated", "byline", "desk", "caption")
        if (credit is not None and credit.intrinsic == "caption" and lex.caption_re.match(credit.text) and settled
                and f.words <= _CAPTION_WORDS and (not _SENTENCE_END_RE.search(f.text)
                                                   or _caption_sentence(f, above, content[i + 2 : i + 3]))):
            f.intrinsic, f.reason, f.paragraph = "caption", "photo caption over its credit line", False


def _signs_off(above: LineFeatures) -> bool:
    """Is the line over reporter initials one a sign-off follows: the text's last paragraph, or the date,
    source line, ad slot or other credit that closes it?"""
    return above.paragraph or above.intrinsic in _SIGN_OFF_ABOVE


def _caption_sentence(f: LineFeatures, above: LineFeatures, below_credit: list[LineFeatures]) -> bool:
    """Is a line over a photo credit that ends a sentence its caption all the same? It is the lead photo's:
    one short sentence between the article's header (its date line, byline or desk) and its text, which
    goes on under the credit. Between paragraphs such a line may as well be a short paragraph of the
    text over a photo that has only a credit, and it stays text."""
    return (not above.paragraph and f.words <= _CAPTION_SENTENCE_WORDS
            and not _SENTENCE_MARK_INSIDE_RE.search(f.text.rstrip(" '\"’”।?!"))
            and bool(below_credit) and below_credit[0].paragraph)


def _menu_entry(f: LineFeatures | None) -> bool:
    """A short line of the kind menus are made of (a section name, a link, a button)."""
    return f is not None and not f.paragraph and f.words <= _MENU_ENTRY_WORDS and f.intrinsic in _MENU_ENTRY_KINDS


def _outlet_names_in_menus(content: list[LineFeatures]) -> None:
    """An outlet name among menu entries is a menu link (আজকের পত্রিকা: "today's paper"), not the outlet:
    one between two entries, or one that ends or opens a run of them, unless a desk, byline or date
    line follows it."""
    for i, f in enumerate(content):
        if f.intrinsic != "outlet_label":
            continue
        before, after = content[max(0, i - _MENU_WINDOW) : i], content[i + 1 : i + 1 + _MENU_WINDOW]
        between = bool(before) and bool(after) and _menu_entry(before[-1]) and _menu_entry(after[0])
        in_run = any(len(side) == _MENU_WINDOW and all(map(_menu_entry, side)) for side in (before, after))
        # Over a desk, byline or date line it credits the article under its headline (বাসস), as no menu
        # link does; with a word that labels the site ("আনন্দবাজার অনলাইন") it is the masthead.
        signs = (bool(after) and after[0].intrinsic in BYLINE_KINDS) or bool(lexicon().site_word_re.search(f.text))
        if (between or in_run) and not signs:
            f.intrinsic, f.reason = "menu", "outlet name among menu entries (a link, not the page's outlet)"
