"""The exported plan in Spanish: every English plan string has its Spanish entry, and a Spanish
plan carries no English of ours (only what the user typed)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from carepath.core.catalogue import load_catalogue
from carepath.export import plan_text
from carepath.export.markdown_plan import build_markdown
from carepath.export.plan_content import build_plan_content
from carepath.export.plan_text import format_date, messages, t

REPO = Path(__file__).resolve().parents[2]
EXPORT = REPO / "desktop" / "carepath" / "export"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def marked_strings() -> dict[str, str]:
    """Every literal passed to ``t(...)``, ``_t(...)`` or ``N_(...)`` in export/ (and to ``say``
    in the command line's modules, which print through the same table), with where it is."""
    found: dict[str, str] = {}
    cli = ["cli.py", "cli_messages.py", "cli_team.py", "path_command.py", "review_commands.py"]
    core = sorted((EXPORT.parent / "core").glob("*.py"))  # errors made with CarePathError.of
    for path in [*sorted(EXPORT.glob("*.py")), *(EXPORT.parent / name for name in cli), *core]:
        names = ("t", "_t", "N_", "say") if path.name in cli else ("t", "_t", "N_")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and (
                    (isinstance(node.func, ast.Name) and node.func.id in names)
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "of")
                )
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
    return found


def test_every_english_plan_string_has_a_spanish_entry() -> None:
    marked = marked_strings()
    spanish = messages("es")
    assert len(marked) > 100
    missing = [f"{where}: {text!r}" for text, where in marked.items() if text not in spanish]
    assert not missing, "add these to resources/translations/plan_es.toml:\n" + "\n".join(missing)
    unused = sorted(set(spanish) - set(marked))
    assert not unused, f"entries of plan_es.toml no longer used: {unused}"


def test_spanish_entries_keep_their_placeholders() -> None:
    for english, spanish in messages("es").items():
        assert spanish.strip(), english
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(spanish)), english


def test_dates_in_spanish() -> None:
    from datetime import date

    day = date(2026, 11, 26)
    assert format_date(day, language="es") == "26 de noviembre de 2026"
    assert format_date(day, short=True, language="es") == "26 nov 2026"
    assert format_date(day) == "26 November 2026"
    with plan_text.plan_language("es"):
        assert t("Largest gaps") == "Mayores brechas"
        assert format_date(day, short=True) == "26 nov 2026"
    assert t("Largest gaps") == "Largest gaps"


ENGLISH_WORDS = re.compile(
    r"\b(the|of|and|to|with|Page|Skill|Skills|Goal|Goals|Target|Step|Steps|Status|Summary|"
    r"Prepared|Previous|Average|Readiness|Timeline|Strengths|overdue|levels?)\b"
)


def _scrubbed(record):  # type: ignore[no-untyped-def]
    """The demo record with everything the user typed replaced by "x"."""
    profile = replace(record.profile, name="x")
    assessments = tuple(
        replace(a, note="x", notes=dict.fromkeys(a.notes, "x")) for a in record.assessments
    )
    goals = tuple(replace(g, title="x", actions="x", resources="x") for g in record.goals)
    steps = {k: replace(v, note="x") for k, v in record.steps.items()}
    return replace(record, profile=profile, assessments=assessments, goals=goals, steps=steps)


def test_a_spanish_plan_has_no_english_of_ours(demo_record) -> None:
    from datetime import date

    content = build_plan_content(
        _scrubbed(demo_record), load_catalogue("es"), today=date(2026, 11, 26)
    )
    text = build_markdown(content, {"radar": "r.png", "timeline": "t.png", "progress": "p.png"})
    leaks = sorted({m.group(0) for m in ENGLISH_WORDS.finditer(text)})
    assert not leaks, leaks
    assert "Plan de desarrollo profesional" in text
    assert "Mayores brechas" in text


def test_command_line_writes_a_spanish_pdf(demo_path: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "plan.pdf"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "carepath", "--lang", "es", "export"),
            *("--data", str(demo_path), "--format", "pdf", "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    first = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "PLAN DE DESARROLLO PROFESIONAL" in first
    assert "Mayores brechas" in first
    assert "Página 1 de" in first
