"""User text in the Markdown plan, rendered by a real CommonMark parser, reads exactly as typed.

The characters tried are CommonMark's own list of ASCII punctuation (spec 0.31, "ASCII punctuation
character"), written out here: a test that looped over the writer's own list of special characters
could never notice one missing from it. markdown-it-py renders with GFM tables and strikethrough
on, as GitHub and most editors show a plan.
"""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from carepath.export.markdown_plan import md_cell, md_escape

COMMONMARK_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
IMAGE = re.compile(r'<p><img src="chart\.png" alt="([^"]*)" /></p>\n')


def shown(markdown: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, runs of white space as one."""
    text = html.unescape(re.sub(r"<[^>]+>", "", RENDERER.render(markdown)))
    return " ".join(text.split())


def texts_with(char: str) -> list[str]:
    """The character alone, doubled, around words, after a backslash, and in link syntax."""
    return [
        char,
        char * 2,
        f"a{char}b{char}c",
        f"{char}x{char}",
        f"{char * 2}x{char * 2}",
        f"x {char} y",
        f"\\{char}x\\{char}",
        f"[x]{char}(y)",
        f"{char}[a](https://evil.example)",
        f"a]({char}) [b",
    ]


@pytest.mark.parametrize("char", COMMONMARK_PUNCTUATION)
def test_every_punctuation_character_renders_as_typed(char: str) -> None:
    for text in texts_with(char):
        escaped = md_escape(text)
        assert shown(f"Note: {escaped}") == " ".join(f"Note: {text}".split()), escaped
        assert shown(f"# Plan: {escaped}") == " ".join(f"Plan: {text}".split()), escaped
        table = f"| a | b |\n| --- | --- |\n| x | {md_cell(text)} |"
        assert shown(table) == " ".join(f"a b x {text}".split()), md_cell(text)
        image = IMAGE.fullmatch(RENDERER.render(f"![{escaped}](chart.png)"))
        assert image is not None and html.unescape(image[1]) == text, escaped  # alt kept whole


def test_links_emphasis_and_strikethrough_stay_text() -> None:
    rendered = RENDERER.render(md_escape("[click](javascript:alert(1)) **bold** ~~gone~~ `code`"))
    assert "<a" not in rendered and "<strong>" not in rendered
    assert "<s>" not in rendered and "<del>" not in rendered and "<code>" not in rendered


def test_html_never_reaches_the_renderer() -> None:
    rendered = RENDERER.render(md_escape("<script>alert(1)</script> & <b>x</b>"))
    assert "<script>" not in rendered and "<b>" not in rendered
    assert shown(md_escape("<b>x</b> & y")) == "<b>x</b> & y"


def test_a_cell_keeps_its_lines_and_never_adds_a_column() -> None:
    cell = md_cell("one | two\r\nthree")
    table = f"| a | b |\n| --- | --- |\n| x | {cell} |"
    rendered = RENDERER.render(table)
    assert rendered.count("<td>") == 2
    assert "one | two / three" in rendered.replace("\n", "")  # no raw HTML, so no <br>


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_kind_of_line_break_stays_inside_its_cell(newline: str) -> None:
    cell = md_cell(f"one{newline}two")
    assert cell == "one / two"
    rendered = RENDERER.render(f"| a | b |\n| --- | --- |\n| x | {cell} |")
    assert rendered.count("<tr>") == 2 and rendered.count("<td>") == 2  # one row, two cells
    assert md_escape(f"one{newline}two") == "one two"
