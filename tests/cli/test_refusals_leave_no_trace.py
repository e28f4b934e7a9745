"""A refused command leaves the folder exactly as it found it: same names, same bytes.

Real subprocesses on real files: a missing record, a damaged one, one from a newer CarePath, a
backup that is not one. Each refusal must exit 1 with one sentence, and the folder listing (with
every file's bytes) must be identical before and after — no ``.lock``, no temporary file, no
half-written export, no record created by a command that then failed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import assert_refused, carepath_cli

from carepath.core.migrations import CURRENT_SCHEMA_VERSION

NEWER = json.dumps(
    {"meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION + 1, "app": "carepath"}}}
).encode()
DAMAGED = b'{"meta": {"1": {"schema_version": 1'
NOT_A_BACKUP = b'{"format": "something-else", "version": 1}'


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (recursively) with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    } | {str(path.relative_to(folder)) + "/": b"" for path in folder.rglob("*") if path.is_dir()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "damaged.json").write_bytes(DAMAGED)
    (folder / "newer.json").write_bytes(NEWER)
    (folder / "not-a-backup.json").write_bytes(NOT_A_BACKUP)
    return folder


def good_backup(folder: Path) -> Path:
    """A valid backup, made in another folder so the one under test is not touched."""
    other = folder.parent / "elsewhere"
    other.mkdir(exist_ok=True)
    record = other / "record.json"
    assert carepath_cli("assess", "--data", record, "ethics=3").returncode == 0
    backup = other / "backup.json"
    made = carepath_cli("export", "--data", record, "--format", "json", "--out", backup)
    assert made.returncode == 0, made.stderr
    return backup


REFUSALS = [
    # (arguments, one word of the sentence); "{f}" is the folder under test.
    (["export", "--data", "{f}/missing.json", "--format", "pdf", "--out", "{f}/plan.pdf"], "exist"),
    (["export", "--data", "{f}/missing.json", "--format", "json", "--out", "{f}/b.json"], "exist"),
    (["export", "--data", "{f}/missing.json", "--format", "md", "--out", "{f}/plan.md"], "exist"),
    (["export", "--data", "{f}/damaged.json", "--format", "html", "--out", "{f}/p.html"], ""),
    (["export", "--data", "{f}/newer.json", "--format", "csv", "--out", "{f}/h.csv"], "newer"),
    (["export", "--data", "{f}/newer.json", "--format", "md", "--out", "{f}/plan.md"], "newer"),
    (["assess", "--data", "{f}/damaged.json", "ethics=3"], ""),
    (["assess", "--data", "{f}/newer.json", "ethics=3"], "newer"),
    (["assess", "--data", "{f}/missing.json", "ethics=9"], "ethics"),
    (["import", "--data", "{f}/missing.json", "{f}/not-a-backup.json"], ""),
    (["import", "--data", "{f}/missing.json", "{f}/absent-backup.json"], ""),
    (["import", "--data", "{f}/damaged.json", "{backup}"], ""),
    (["import", "--data", "{f}/newer.json", "{backup}"], "newer"),
]


@pytest.mark.parametrize(
    ("arguments", "word"), REFUSALS, ids=[" ".join(a[:3]).replace("{f}/", "") for a, _ in REFUSALS]
)
def test_a_refused_command_leaves_the_folder_as_it_was(
    folder: Path, arguments: list[str], word: str
) -> None:
    backup = good_backup(folder) if "{backup}" in arguments else None
    words = [a.format(f=folder, backup=backup) for a in arguments]
    before = snapshot(folder)
    result = carepath_cli(*words)
    assert_refused(result, word)
    assert snapshot(folder) == before


def test_a_successful_export_leaves_only_the_export(folder: Path) -> None:
    """The lock a command takes goes with it: after a good run only the asked-for file is new."""
    record = folder / "record.json"
    assert carepath_cli("assess", "--data", record, "ethics=3").returncode == 0
    before = snapshot(folder)
    result = carepath_cli("export", "--data", record, "--format", "csv", "--out", folder / "h.csv")
    assert result.returncode == 0, result.stderr
    assert set(snapshot(folder)) - set(before) == {"h.csv"}
