"""The history CSV read the way a spreadsheet reads it: no note or id can become a formula.

``calc_rows`` splits text as LibreOffice Calc's CSV import does (quoted fields may hold separators,
doubled quotes and line breaks; outside quotes CR, LF and CRLF each end a row), with every separator
a user may tick in its import dialog (comma, semicolon, tab). A cell whose text starts with one of
``= + - @``, a tab or a carriage return is what Calc and Excel run as a formula; none may appear,
whatever control character the text carries.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment
from carepath.export.history_csv import history_csv

#: Written out here, not imported: the test must fail if the writer's own list loses one.
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = [chr(c) for c in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029]]
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
HEADER = ["id", "taken_at", "average", *SKILL_IDS, "note"]


def calc_rows(text: str, separators: str = ",;\t") -> list[list[str]]:
    """Rows of cells as LibreOffice Calc's CSV import splits ``text`` (no trimming)."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    index, at_cell_start = 0, True
    while index < len(text):
        char = text[index]
        if at_cell_start and char == '"':
            index += 1
            while index < len(text):
                if text[index] == '"':
                    if text[index + 1 : index + 2] == '"':
                        cell.append('"')
                        index += 2
                        continue
                    index += 1
                    break
                cell.append(text[index])
                index += 1
            at_cell_start = False
            continue
        if char in separators:
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif char in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
            if text[index : index + 2] == "\r\n":
                index += 1
        else:
            cell.append(char)
            at_cell_start = False
        index += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def runs_as_formula(cell: str) -> bool:
    """What Calc (with "trim spaces" ticked) or Excel would start to evaluate."""
    return cell.lstrip(" ").startswith(FORMULA_SIGNS)


def entry(note: str = "", ident: str = "a1", ratings: dict[str, int] | None = None) -> Assessment:
    taken = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    return Assessment(ident, taken, ratings if ratings is not None else {"ethics": 3}, {}, note)


def note_cell(assessment: Assessment) -> str:
    rows = list(csv.reader(io.StringIO(history_csv([assessment]), newline="")))
    assert len(rows) == 2 and rows[0] == HEADER
    return rows[1][-1]


@pytest.mark.parametrize("control", CONTROL_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("sign", FORMULA_SIGNS, ids=repr)
def test_no_control_character_lets_a_formula_through(control: str, sign: str) -> None:
    hostile = f'fine{control}{sign}HYPERLINK("http://x"){control}{control}{sign}1+1{control}'
    for note, ident in ((hostile, "a1"), (control + hostile, f"{control}{sign}cmd|x")):
        text = history_csv([entry(note, ident)])
        rows = calc_rows(text)
        assert len(rows) == 2, rows  # the header and one assessment: nothing split off
        assert [len(row) for row in rows] == [len(HEADER)] * 2
        for cell in rows[1]:
            assert not runs_as_formula(cell), cell
            for line in LINE_BREAKS.split(cell):  # also after every break inside the cell
                assert not runs_as_formula(line), (cell, line)
        for line in text.splitlines():  # a reader that breaks rows at every line boundary
            assert not runs_as_formula(line.lstrip('"')), line


@pytest.mark.parametrize("sign", [s for s in FORMULA_SIGNS if s != "\r"], ids=repr)
def test_each_formula_sign_gets_an_apostrophe_on_every_line(sign: str) -> None:
    assert note_cell(entry(f"{sign}1+1")) == f"'{sign}1+1"
    assert note_cell(entry(f"  {sign}1")) == f"'  {sign}1"
    assert (
        note_cell(entry(f"ok\n{sign}2\r\n{sign}3\r{sign}4")) == f"ok\n'{sign}2\n'{sign}3\n'{sign}4"
    )


def test_every_line_break_is_written_as_lf() -> None:
    note = "a\rb\r\nc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k\n"
    assert note_cell(entry(note)) == "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
    assert note_cell(entry("\r=1+1")) == "\n'=1+1"  # Python 3.11's csv.writer left this bare


@pytest.mark.parametrize(
    "note", ["plain", "1+1", "'quoted", " spaced", "(x)", "%", "*", "#", "a=b", "a-b", "", "x\n\ny"]
)
def test_ordinary_text_is_left_as_typed(note: str) -> None:
    assert note_cell(entry(note)) == note


def test_an_imported_id_cannot_become_a_formula() -> None:
    rows = calc_rows(history_csv([entry("note", '=HYPERLINK("http://evil","x")')]))
    assert rows[1][0] == '\'=HYPERLINK("http://evil","x")'


def test_separators_and_quotes_stay_inside_the_note() -> None:
    note = 'a, b; c\td "quoted"'
    text = history_csv([entry(note)])
    assert calc_rows(text)[1][-1] == note
    assert note_cell(entry(note)) == note


def test_numbers_are_plain_and_not_rated_is_empty() -> None:
    ratings = {"communication": 2, "ethics": 5}
    text = history_csv([entry("n", "id-1", ratings), entry("", "id-2", {})])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADER
    first = dict(zip(HEADER, rows[1], strict=True))
    assert first["id"] == "id-1"
    assert first["taken_at"] == "2026-03-01T09:30:00+00:00"
    assert first["average"] == "3.50"
    assert first["communication"] == "2" and first["ethics"] == "5"
    assert first["leadership"] == ""
    second = dict(zip(HEADER, rows[2], strict=True))
    assert second["average"] == "" and second["note"] == ""
    assert ',"n"\n' in text and text.endswith('""\n')  # text cells quoted, numbers bare
    assert text.count("\n") == 3


def test_no_assessments_is_a_header_only() -> None:
    assert history_csv([]) == ",".join(HEADER) + "\n"


@given(st.text(), st.text(min_size=1, max_size=64))
def test_any_text_reads_back_unsplit_and_defused(note: str, ident: str) -> None:
    text = history_csv([entry(note, ident)])
    rows = calc_rows(text)
    assert len(rows) == 2 and len(rows[1]) == len(HEADER)
    for cell in rows[1]:
        assert not any(runs_as_formula(line) for line in LINE_BREAKS.split(cell))
    read = list(csv.reader(io.StringIO(text, newline="")))[1][-1]
    expected = "\n".join(
        "'" + line if runs_as_formula(line) else line for line in LINE_BREAKS.split(note)
    )
    assert read == expected
