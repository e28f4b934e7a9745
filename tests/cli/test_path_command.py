"""``carepath path``: every stage-to-stage path printed by a real subprocess, in both languages."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

import carepath
from carepath.core.career_path import path
from carepath.core.catalogue import STAGE_IDS, load_catalogue
from carepath.core.demo import build_demo_record
from carepath.core.models import Profile
from carepath.core.storage import DataStore

PAIRS = list(itertools.combinations(STAGE_IDS, 2))
PACKAGE_PARENT = str(Path(carepath.__file__).resolve().parent.parent)


def carepath_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "carepath", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 1 with one sentence on stderr naming ``words``, no traceback."""
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0]


def _step_titles(stdout: str) -> list[str]:
    """The numbered lines' titles, in printed order."""
    return [
        line.split(". ", 1)[1]
        for line in stdout.splitlines()
        if line.strip()[:1].isdigit() and ". " in line
    ]


@pytest.mark.parametrize(("low", "high"), PAIRS)
def test_every_path_prints_its_steps_in_order_with_typical_durations(low: str, high: str):
    result = carepath_cli("path", "--from", low, "--to", high)
    assert result.returncode == 0, result.stderr
    catalogue = load_catalogue("en")
    steps = path(catalogue, low, high)
    assert _step_titles(result.stdout) == [s.title for s in steps]
    for step in steps:
        assert step.duration_text in result.stdout
    first = result.stdout.splitlines()[0]
    assert first == f"{catalogue.stage(low).name} → {catalogue.stage(high).name}"


def test_spanish_from_either_place_of_the_flag():
    spanish = load_catalogue("es")
    expected = [s.title for s in path(spanish, "manager", "director")]
    for args in (
        ("--lang", "es", "path", "--from", "manager", "--to", "director"),
        ("path", "--from", "manager", "--to", "director", "--lang", "es"),
    ):
        result = carepath_cli(*args)
        assert result.returncode == 0, result.stderr
        assert _step_titles(result.stdout) == expected
        assert "Director/a de coordinación de atención" in result.stdout


def test_defaults_to_the_records_stages_and_leaves_the_file_alone(tmp_path: Path):
    data = tmp_path / "record.json"
    record = build_demo_record()
    with DataStore.open(data) as store:
        store.replace_record(record)
        store.set_profile(Profile("Ana", "coordinator", "senior", created_at="2026-01-01"))
    before = data.read_bytes()
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    result = carepath_cli("path", "--data", data)
    assert result.returncode == 0, result.stderr
    assert _step_titles(result.stdout)[0] == "Take on the hardest cases"
    assert "Understand the role" not in result.stdout
    # --to alone overrides only the target.
    further = carepath_cli("path", "--data", data, "--to", "director")
    assert _step_titles(further.stdout)[-1] == "Step into a director role"
    assert data.read_bytes() == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing


def test_a_path_that_goes_nowhere_is_one_sentence():
    assert_refused(carepath_cli("path", "--from", "senior", "--to", "coordinator"), "not above")
    assert_refused(carepath_cli("path", "--from", "senior", "--to", "senior"), "--to")


def test_a_missing_record_is_one_sentence(tmp_path: Path):
    missing = tmp_path / "nothing.json"
    assert_refused(carepath_cli("path", "--data", missing), "--from and --to")
    assert not list(tmp_path.iterdir())


def test_an_unknown_stage_is_a_usage_error():
    result = carepath_cli("path", "--from", "chief", "--to", "director")
    assert result.returncode == 2
    assert "invalid choice: 'chief'" in result.stderr
