"""The PDF's tables read whole in every language, and a long note does not stretch the plan.

Read back with pypdf: a word Qt had to cut because its column was too narrow comes out split
over two lines ("Competent" / "e"), so whole words in the page text prove the columns fit.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from carepath.core.catalogue import load_catalogue
from carepath.core.models import Record
from carepath.export.plan import export_plan

TODAY = date(2026, 11, 26)


def lines_of(path: Path) -> list[str]:
    """Every line of text, white space (tabs, no-break spaces) as single spaces."""
    return [
        " ".join(line.split())
        for page in PdfReader(path).pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_word_of_the_skills_table_is_cut(qapp, tmp_path: Path, demo, language: str) -> None:
    catalogue = load_catalogue(language)
    out = export_plan(demo, catalogue, "pdf", tmp_path / "plan.pdf", today=TODAY)
    lines = lines_of(out)
    text = "\n".join(lines)
    for level in catalogue.levels:
        for word in level.name.split():
            # A cut word leaves its tail alone at the start of a line ("e", "do (+1)").
            tails = [line for line in lines if len(word) > 3 and line == word[-2:]]
            assert not tails, (word, tails)
    met = "Alcanzado" if language == "es" else "Met"
    assert re.search(rf"\b{met} \(\+1\)", text), "the gap column cut its words"
    competent = catalogue.level(3).name
    assert f"3 · {competent}" in text
    assert not re.search(r"\b(Alcanza|Competent)\s*\n\s*(do|e)\b", text)


def _with_note(record: Record, skill: str, note: str) -> Record:
    latest = record.assessments[-1]
    notes = {**latest.notes, skill: note}
    return dataclasses.replace(
        record, assessments=(*record.assessments[:-1], dataclasses.replace(latest, notes=notes))
    )


def test_a_7000_character_note_runs_full_width(qapp, tmp_path: Path, demo, catalogue) -> None:
    """It stretched the plan to 8 pages as a thin column; full width it adds about a page."""
    plain = export_plan(demo, catalogue, "pdf", tmp_path / "plain.pdf", today=TODAY)
    sentence = "Coordinated the discharge of a patient with complex needs across four teams. "
    note = (sentence * 100)[:7000]
    long = export_plan(
        _with_note(demo, "communication", note), catalogue, "pdf", tmp_path / "long.pdf",
        today=TODAY,
    )  # fmt: skip
    before, after = len(PdfReader(plain).pages), len(PdfReader(long).pages)
    assert after <= before + 2, (before, after)
    lines = [line for line in lines_of(long) if "Coordinated the discharge" in line]
    widest = max(len(line) for line in lines)
    assert widest > 90, widest  # a line across the page, not a column of a few words
    joined = " ".join(" ".join(lines_of(long)).split())
    assert " ".join(note.split())[:400] in joined


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_evidence_note_stays_on_the_page_of_its_skill(
    qapp, tmp_path: Path, demo, language: str
) -> None:
    """A note row is never the first row under a repeated header, parted from its skill."""
    catalogue = load_catalogue(language)
    out = export_plan(demo, catalogue, "pdf", tmp_path / "plan.pdf", today=TODAY)
    header = ["Skill", "Now", "Previous", "Target", "Gap"]
    if language == "es":
        header = ["Habilidad", "Ahora", "Anterior", "Objetivo", "Brecha"]
    label = "Evidence note:" if language == "en" else "Nota de evidencia:"
    lines = lines_of(out)  # pypdf gives each header cell its own line
    ends = [i + 5 for i in range(len(lines)) if lines[i : i + 5] == header]
    assert len(ends) >= 2  # the table does run over a page break
    for index in ends:
        assert not lines[index].startswith(label), lines[index - 1 : index + 2]


def test_a_long_step_note_runs_full_width_too(qapp, tmp_path: Path, demo, catalogue) -> None:
    """Step notes go in a full-width row under their step, like evidence notes."""
    sentence = "Shadowed the county clinic's coordinators through their referral rounds. "
    note = (sentence * 60)[:4000]
    steps = dict(demo.steps)
    steps["network"] = dataclasses.replace(demo.step("network"), note=note)
    record = dataclasses.replace(demo, steps=steps)
    out = export_plan(record, catalogue, "pdf", tmp_path / "plan.pdf", today=TODAY)
    lines = [line for line in lines_of(out) if "Shadowed the county" in line]
    assert max(len(line) for line in lines) > 90  # across the page, not the step column
    html = export_plan(record, catalogue, "html", tmp_path / "plan.html", today=TODAY)
    source = html.read_text(encoding="utf-8")
    row = source.index("9. Build a professional network")
    assert source.index('<tr class="detail"><td colspan="5">', row) < source.index(
        "Shadowed the county", row
    )
