"""``carepath team`` and ``carepath export --format share`` as real subprocesses on real files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_cli import assert_refused, carepath_cli

from carepath.core.backup import validate_backup
from team_folder import HOSTILE_NAMES, snapshot, write_team


@pytest.fixture(scope="module")
def team_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-team") / "shares"
    write_team(folder, 12, 6, hostile=True)
    return folder


@pytest.mark.parametrize("fmt", ["csv", "html", "pdf"])
def test_team_report_names_each_skipped_file_and_leaves_the_folder_alone(
    team_dir: Path, tmp_path: Path, fmt: str
) -> None:
    before = snapshot(team_dir)
    out = tmp_path / f"team.{fmt}"
    result = carepath_cli("team", team_dir, "--format", fmt, "--out", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert snapshot(team_dir) == before
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4 and "Traceback" not in result.stderr
    for name, why in (
        ("damaged.json", "not valid JSON"),
        ("foreign.json", "not a CarePath"),
        ("newer.json", "newer CarePath"),
        ("zz-old-copy.json", "same person as share-0000.json"),
    ):
        assert any(name in line and why in line for line in lines), lines
    assert "12 people" in result.stdout
    data = out.read_bytes()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        assert {row["name"] for row in rows} >= {HOSTILE_NAMES[1], HOSTILE_NAMES[2]}
    elif fmt == "html":
        assert "<script>" not in data.decode("utf-8")
    else:
        assert data.startswith(b"%PDF")
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_stage_option_and_spanish(team_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "team.html"
    result = carepath_cli(
        "--lang", "es", "team", team_dir, "--format", "html", "--out", out, "--stage", "director"
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert "Director" in page and 'lang="es"' in page


def test_refusals(team_dir: Path, tmp_path: Path) -> None:
    before = snapshot(team_dir)
    inside = carepath_cli("team", team_dir, "--format", "csv", "--out", team_dir / "r.csv")
    assert_refused(inside, "never writes")
    assert snapshot(team_dir) == before
    missing = carepath_cli(
        "team", tmp_path / "nope", "--format", "csv", "--out", tmp_path / "r.csv"
    )
    assert_refused(missing, "not a folder")
    empty = tmp_path / "empty"
    empty.mkdir()
    nobody = carepath_cli("team", empty, "--format", "csv", "--out", tmp_path / "r.csv")
    assert_refused(nobody, "No CarePath backup or share")
    assert not (tmp_path / "r.csv").exists()
    usage = carepath_cli("team", team_dir, "--format", "xls", "--out", tmp_path / "r.xls")
    assert usage.returncode == 2


def test_export_share_leaves_notes_out_unless_asked(tmp_path: Path) -> None:
    data = tmp_path / "me.json"
    saved = carepath_cli("assess", "--data", data, "--note", "PRIVATE note", "ethics=4")
    assert saved.returncode == 0, saved.stderr
    original = data.read_bytes()
    share = tmp_path / "share.json"
    result = carepath_cli("export", "--data", data, "--format", "share", "--out", share)
    assert result.returncode == 0, result.stderr
    document = json.loads(share.read_text("utf-8"))
    assert "PRIVATE" not in share.read_text("utf-8")
    assert document["format"] == "carepath-backup" and document["share"]["notes_included"] is False
    assert document["assessments"][0]["ratings"] == {"ethics": 4}
    validate_backup(document)
    full = tmp_path / "full.json"
    kept = carepath_cli(
        "export", "--data", data, "--format", "share", "--include-notes", "--out", full
    )
    assert kept.returncode == 0, kept.stderr
    assert "PRIVATE note" in full.read_text("utf-8")
    assert data.read_bytes() == original
