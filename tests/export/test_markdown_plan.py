"""The Markdown plan: GFM tables that no note can break, text shown as typed, charts beside it."""

from __future__ import annotations

import html
import os
import re
from datetime import date
from pathlib import Path

import pytest

from carepath.core.errors import SaveError
from carepath.export.markdown_plan import MD_SPECIAL, md_cell, md_escape
from carepath.export.plan import export_plan
from carepath.export.plan_content import NO_ASSESSMENT, SECTION_TITLES

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
        assert image.is_file() and image.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_hostile_text_is_escaped_and_reads_back_as_typed(exports, hostile_name, hostile_note):
    markdown = exports["hostile.md"].read_text(encoding="utf-8")
    assert "<script>" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in markdown
    assert "**bold**" not in markdown and "\\*\\*bold\\*\\*" in markdown
    assert "](javascript" not in markdown and "](http://evil" not in markdown
    assert "`rm" not in markdown.replace("\\`rm", "")
    title = markdown.splitlines()[0]
    assert unescape(title.removeprefix("# Personal development plan: ")) == hostile_name
    skills = next(t for t in tables(markdown) if t[0][0] == "Skill" and "Evidence note" in t[0])
    communication = next(row for row in skills if "Communication" in row[0])
    assert unescape(communication[-1]) == hostile_note
    for chunk in ("李雷", "Ελένη", "José Ñúñez"):
        assert chunk in markdown


def test_md_escape_covers_every_markdown_character():
    for char in MD_SPECIAL:
        assert md_escape(char) == "\\" + char
    assert md_escape("<a & b>") == "&lt;a &amp; b&gt;"
    assert md_escape("two\nlines") == "two lines"
    assert md_cell("a|b\nc") == "a\\|b<br>c"
    assert md_cell("   ") == "—"


def test_empty_record_exports_a_short_plan(exports):
    markdown = exports["empty.md"].read_text(encoding="utf-8")
    assert md_escape(NO_ASSESSMENT) in markdown
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
        "my plan-progress.png",
        "my plan-radar.png",
        "my plan-timeline.png",
        "my plan.md",
    ]  # the charts came first; no temporary file is left behind


def test_image_names_with_spaces_are_linked_url_encoded(tmp_path: Path, demo, catalogue):
    out = export_plan(demo, catalogue, "md", tmp_path / "my plan.md", today=TODAY)
    links = IMAGE_LINK.findall(out.read_text(encoding="utf-8"))
    assert "my%20plan-radar.png" in links
