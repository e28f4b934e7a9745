"""The Markdown plan: GFM tables that no note can break, text shown as typed, charts beside it,
and nothing that needs HTML: it is rendered here by markdown-it with HTML turned off."""

from __future__ import annotations

import html
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carepath.core.errors import SaveError
from carepath.export.markdown_plan import MD_SPECIAL, md_cell, md_escape, md_lines
from carepath.export.plan import export_plan
from carepath.export.plan_content import SECTION_TITLES

TODAY = date(2026, 11, 26)
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
ASCII_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def split_row(line: str) -> list[str]:
    """A GFM table row's cells: a backslash escapes the next character, other pipes split."""
    cells, current, index = [], [], 0
    line = line.strip()
    assert line.startswith("|") and line.endswith("|"), line
    body = line[1:]
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index : index + 2])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    return cells


def unescape(cell: str) -> str:
    """What a CommonMark renderer shows for an escaped cell: escapes dropped, entities decoded."""
    out, index = [], 0
    cell = cell.replace("<br>", "\n")
    while index < len(cell):
        if cell[index] == "\\" and index + 1 < len(cell) and cell[index + 1] in ASCII_PUNCTUATION:
            out.append(cell[index + 1])
            index += 2
        else:
            out.append(cell[index])
            index += 1
    return html.unescape("".join(out))


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cells (the delimiter row left out)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = split_row(line)
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


@pytest.mark.parametrize("label", ["demo", "hostile", "empty"])
def test_every_table_keeps_its_column_count(exports, label):
    markdown = exports[f"{label}.md"].read_text(encoding="utf-8")
    found = tables(markdown)
    assert len(found) >= 3
    for table in found:
        widths = {len(row) for row in table}
        assert len(widths) == 1, table
    for line in markdown.splitlines():
        if line.startswith("|"):
            assert "\n" not in line and "\r" not in line


def test_sections_headings_and_relative_images_that_exist(exports):
    path = exports["demo.md"]
    markdown = path.read_text(encoding="utf-8")
    assert markdown.startswith("# Personal development plan: Alex Rivera \\(sample\\)")
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == list(SECTION_TITLES.values())
    links = IMAGE_LINK.findall(markdown)
    assert len(links) == 3
    for link in links:
        assert "://" not in link and not link.startswith(("/", "\\")) and ".." not in link
        image = path.parent / link
        assert image.is_file() and image.suffix == ".svg"
        svg = image.read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<svg" in svg
        assert re.search(r'<svg[^>]* role="img"', svg)
        assert "<title " in svg and "<desc " in svg


def test_hostile_text_is_escaped_and_reads_back_as_typed(exports, hostile_name, hostile_note):
    markdown = exports["hostile.md"].read_text(encoding="utf-8")
    assert "<script>" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in markdown
    assert "**bold**" not in markdown and "\\*\\*bold\\*\\*" in markdown
    assert "](javascript" not in markdown and "](http://evil" not in markdown
    assert "`rm" not in markdown.replace("\\`rm", "")
    title = markdown.splitlines()[0]
    assert unescape(title.removeprefix("# Personal development plan: ")) == hostile_name
    skills = next(t for t in tables(markdown) if t[0][0] == "Skill")
    assert "Evidence note" not in skills[0]  # notes run full width in a list below the table
    notes = markdown.split("### Evidence notes", 1)[1].split("\n##", 1)[0]
    item = next(line for line in notes.split("\n- ") if line.startswith("**Communication**"))
    typed = item.removeprefix("**Communication**: ").rstrip()
    lines = [unescape(line.strip().removesuffix("\\")) for line in typed.split("\n")]
    assert lines == hostile_note.splitlines()
    for chunk in ("李雷", "Ελένη", "José Ñúñez"):
        assert chunk in markdown


def test_md_escape_covers_every_markdown_character():
    for char in MD_SPECIAL:
        assert md_escape(char) == "\\" + char
    assert md_escape("<a & b>") == "&lt;a &amp; b&gt;"
    assert md_escape("two\nlines") == "two lines"
    assert md_cell("a|b\nc") == "a\\|b / c"
    assert md_cell("   ") == "—"


def test_empty_record_exports_a_short_plan(exports):
    markdown = exports["empty.md"].read_text(encoding="utf-8")
    assert "> No assessment yet — rate the fifteen skills in CarePath" in markdown
    assert "## Steps on your path" in markdown
    assert len(IMAGE_LINK.findall(markdown)) == 1  # the target-only radar; no timeline yet


def test_images_are_written_before_the_plan_and_a_failed_plan_keeps_the_old_one(
    tmp_path: Path, demo, catalogue, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "my plan.md"
    target.write_text("the good old plan\n", encoding="utf-8")
    real_replace = os.replace

    def refuse_markdown(src, dst):  # type: ignore[no-untyped-def]
        if str(dst).endswith(".md"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_markdown)
    with pytest.raises(SaveError) as caught:
        export_plan(demo, catalogue, "md", target, today=TODAY)
    assert "disk is full" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "the good old plan\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "my plan-progress.svg",
        "my plan-radar.svg",
        "my plan-timeline.svg",
        "my plan.md",
    ]  # the charts came first; no temporary file is left behind


def test_image_names_with_spaces_are_linked_url_encoded(tmp_path: Path, demo, catalogue):
    out = export_plan(demo, catalogue, "md", tmp_path / "my plan.md", today=TODAY)
    links = IMAGE_LINK.findall(out.read_text(encoding="utf-8"))
    assert "my%20plan-radar.svg" in links


def _render(markdown: str) -> str:
    """The HTML markdown-it makes with raw HTML turned off (a site's safe mode)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)


@pytest.mark.parametrize("label", ["demo", "hostile", "empty"])
def test_renders_with_html_turned_off(exports, label):
    """No raw HTML at all: what a renderer with HTML off would show as "<br>" text is gone."""
    markdown = exports[f"{label}.md"].read_text(encoding="utf-8")
    assert "<br" not in markdown and "<" not in markdown.replace("&lt;", "")
    rendered = _render(markdown)
    assert "&lt;br" not in rendered
    assert rendered.count("<table>") == len(tables(markdown))
    for title in ("Radar chart of the fifteen skills",):
        assert f'alt="{title}"' in rendered  # a short name: the caption follows as text


def test_evidence_notes_render_line_by_line_and_no_line_starts_a_block(exports, hostile_note):
    rendered = _render(exports["hostile.md"].read_text(encoding="utf-8"))
    notes = rendered.split("Evidence notes</h3>", 1)[1].split("</ul>", 1)[0]
    assert notes.count("<li>") >= 3
    assert "<ol" not in notes and "<h1" not in notes  # "1. not a list" stays text
    assert "<br />" in notes  # CommonMark hard breaks keep the note's lines
    assert "1. not a list" in notes


def test_the_progress_averages_are_a_table(exports, demo):
    markdown = exports["demo.md"].read_text(encoding="utf-8")
    progress = next(t for t in tables(markdown) if t[0][:2] == ["Assessment", "Average"])
    assert len(progress) == 1 + len(demo.assessments)
    assert progress[1][1] == f"{demo.assessments[-1].average:.1f}"  # newest first


def test_a_long_note_is_laid_out_full_width(tmp_path: Path, demo, catalogue):
    """A 7,000-character note is a paragraph under the table, not a sixth column."""
    import dataclasses

    latest = demo.assessments[-1]
    long_note = " ".join(["Coordinated the discharge of a complex patient."] * 150)
    notes = {**latest.notes, "communication": long_note}
    record = dataclasses.replace(
        demo, assessments=(*demo.assessments[:-1], dataclasses.replace(latest, notes=notes))
    )
    markdown = export_plan(record, catalogue, "md", tmp_path / "plan.md", today=TODAY)
    text = markdown.read_text(encoding="utf-8")
    for table in tables(text):
        assert all(len("|".join(row)) < 400 for row in table)
    assert long_note in unescape(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"])
        | st.just("\n"),
        max_size=80,
    )
)
def test_a_note_in_a_list_item_renders_as_its_own_lines(text: str) -> None:
    """Whatever a note holds, it stays one list item whose lines are the note's lines: no
    heading, list, code block, rule, table or raw HTML can come out of it."""
    from html.parser import HTMLParser

    class Blocks(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.text = ""

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.tags.append(tag)
            if tag == "br":
                self.text += "\n"

        def handle_data(self, data: str) -> None:
            self.text += data

    rendered = _render("- **Skill**: " + md_lines(text) + "\n")
    found = Blocks()
    found.feed(rendered)
    assert set(found.tags) <= {"ul", "li", "strong", "br"}, (text, rendered)
    assert found.tags.count("li") == 1
    note = found.text.split("Skill:", 1)[1]
    lines = [" ".join(line.split()) for line in note.split("\n")]
    expected = [" ".join(line.split()) for line in _split_note(text)]
    assert [line for line in lines if line] == expected, (text, rendered)


def _split_note(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
