"""The raw page view (components/raw_page.py): escaping of hostile lines, kind colours, legend, hover."""
from __future__ import annotations

import re
from html import unescape

import pytest

from components import raw_page
from loaders import LINE_KINDS

from .html_checks import HOSTILE, assert_inert, lines_frame, texts_between_tags


@pytest.mark.parametrize("hostile", HOSTILE)
def test_raw_page_escapes_hostile_lines(hostile):
    source = "শিরোনাম এখানে\n\n" + hostile + "\n" + hostile
    html = raw_page.raw_page_html(source, lines_frame(source))
    assert_inert(html)
    assert hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert hostile in texts_between_tags(html)


def test_every_line_kind_has_a_colour_and_a_legend_entry():
    assert set(LINE_KINDS) <= set(raw_page.KIND_COLOURS)
    grouped = [kind for _, _, kinds in raw_page.KIND_GROUPS for kind in kinds]
    assert len(grouped) == len(set(grouped)), "a kind sits in two groups"
    for kind, colour in raw_page.KIND_COLOURS.items():
        assert re.fullmatch(r"#[0-9a-f]{6}", colour), kind
    legend = raw_page.legend_html(LINE_KINDS)
    for kind in set(LINE_KINDS) - {"blank"}:
        assert f">{kind.replace('_', ' ')}</span>" in legend
    assert raw_page.kind_colour("new_kind") == raw_page.UNKNOWN_COLOUR


def test_raw_page_numbers_tints_and_hover():
    source = "শিরোনাম এখানে\n\nপ্রথম অনুচ্ছেদ দীর্ঘ একটি বাক্য যা খবরের মূল অংশ, অনেক শব্দ আছে এখানে।\nসূত্র: রয়টার্স"
    lines = lines_frame(source)
    html = raw_page.raw_page_html(source, lines, {1: "published"})
    rows = re.findall(r'<div class="kl-line ([\w-]+)" style="background:(#\w+)" title="([^"]*)"><span class="kl-n">(\d+)</span>', html)
    assert [int(r[3]) for r in rows] == list(lines["n"])
    for (cls, colour, title, _), (_, line) in zip(rows, lines.iterrows()):
        assert cls == f"kl-{line['kind']}"
        assert colour == raw_page.KIND_COLOURS[line["kind"]]
        assert unescape(title) == f"{line['kind']} — {line['reason']}"
    assert '<span class="kl-tag kl-note">published</span>' in html
    assert "max-height: 75vh" in html and "overflow: auto" in html
    assert "Noto Sans Bengali" in html
