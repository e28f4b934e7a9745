"""``--lang`` reaches every command: what a command prints or writes is in that language."""

from __future__ import annotations

from pathlib import Path

from test_cli import carepath_cli


def test_skills_in_spanish() -> None:
    result = carepath_cli("--lang", "es", "skills")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Habilidades:")
    assert "Niveles:" in out
    assert "Principiante" in out  # level 1, Benner's "Novice"
    assert "Competente" in out
    assert "  communication " in out  # the ids stay what ``assess`` takes
    for english in ("Skills:", "Levels:", "Novice", "Competent —", "not rated yet"):
        assert english not in out


def test_skills_in_english_by_choice() -> None:
    result = carepath_cli("--lang", "en", "skills")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Skills:")
    assert "Novice" in result.stdout


def test_every_plan_command_honours_the_language(tmp_path: Path) -> None:
    record = tmp_path / "demo.json"
    assert carepath_cli("--lang", "es", "demo", "--data", record).returncode == 0
    plan = tmp_path / "plan.md"
    result = carepath_cli(
        "--lang", "es", "export", "--data", record, "--format", "md", "--out", plan
    )
    assert result.returncode == 0, result.stderr
    text = plan.read_text(encoding="utf-8")
    assert "Plan de desarrollo profesional" in text
    assert "Personal development plan" not in text
