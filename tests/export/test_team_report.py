"""The team report in each format, read back: CSV parsed, HTML parsed (and checked by axe-core in
Chromium where it is installed), PDF read with pypdf. Names in markup, RTL and CJK script."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser_support import chromium, describe, requires_axe, requires_browser, wcag_violations
from carepath.core.catalogue import SKILL_IDS, load_catalogue
from carepath.core.team import read_team
from carepath.export.team_report import (
    TeamReport,
    build_report,
    render_report,
    team_csv,
    team_html,
)
from team_folder import HOSTILE_NAMES, write_team


@pytest.fixture(scope="module")
def team_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "shares"
    write_team(folder, 12, 6, hostile=True)
    return folder


@pytest.fixture(scope="module")
def report(team_dir: Path) -> TeamReport:
    return build_report(
        read_team(team_dir), load_catalogue("en"), "coordinator", date(2026, 11, 26)
    )


def test_csv_is_one_row_per_person_one_column_per_skill_and_formula_safe(
    report: TeamReport,
) -> None:
    rows = list(csv.DictReader(io.StringIO(team_csv(report.members), newline="")))
    assert len(rows) == 12
    header = list(rows[0])
    assert [c for c in header if c in SKILL_IDS] == list(SKILL_IDS)
    by_name = {row["name"]: row for row in rows}
    assert '\'=HYPERLINK("http://x","y")' in by_name  # kept as text, never a formula
    for row in rows:
        assert not row["name"].startswith(("=", "+", "-", "@"))
        member = next(m for m in report.members if m.file == row["file"])
        for skill in SKILL_IDS:
            assert row[skill] == str(member.levels.get(skill, ""))
    assert any(row[skill] == "" for row in rows for skill in SKILL_IDS)  # not rated stays empty


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_names_and_has_every_section(report: TeamReport) -> None:
    page = team_html(report, b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    parsed = _Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags  # the names stayed text
    text = "".join(parsed.text)
    for name in HOSTILE_NAMES:
        assert name in text
    for title in (
        "Skills by person",
        "Team median against the target",
        "Coverage per skill",
        "Widest gaps across the team",
        "Reassessment overdue",
        "Where the figures come from",
        "Skipped files",
    ):
        assert title in text
    for skipped in ("damaged.json", "foreign.json", "newer.json", "zz-old-copy.json"):
        assert skipped in text
    assert not any(name.startswith("on") for name, _ in parsed.attrs)


def test_html_in_spanish(team_dir: Path) -> None:
    spanish = build_report(read_team(team_dir), load_catalogue("es"), "senior")
    page = render_report(spanish, "html").decode("utf-8")
    assert 'lang="es"' in page
    assert "Habilidades por persona" in page and "Archivos omitidos" in page


def test_pdf_holds_names_in_every_script_sections_and_skipped_files(
    report: TeamReport, tmp_path: Path
) -> None:
    data = render_report(report, "pdf")
    path = tmp_path / "team.pdf"
    path.write_bytes(data)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for words in ("Team skills report", "Coverage per skill", "Skipped files", "zz-old-copy.json"):
        assert words in flat
    assert "<script>" in flat  # drawn as text, never read as markup
    assert "李雷" in text.replace(" ", "")
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    if shutil.which("pdffonts"):
        import subprocess

        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded


# --- a real browser (tests/browser_support.py) ---------------------------------------------


@requires_browser
@requires_axe
@pytest.mark.parametrize("language", ["en", "es"])
def test_html_report_has_no_wcag_violations(team_dir: Path, tmp_path: Path, language: str) -> None:
    report = build_report(read_team(team_dir), load_catalogue(language), "coordinator")
    page = tmp_path / "team.html"
    page.write_bytes(render_report(report, "html"))
    with chromium() as driver:
        driver.get(page.as_uri())
        assert driver.execute_script("return window.__pwned === undefined")
        violations = wcag_violations(driver)
    assert violations == [], describe(violations)
