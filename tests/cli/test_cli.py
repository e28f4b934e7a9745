"""The command line as a user meets it: real subprocesses on real files.

Every bad input must exit 1 with one sentence on stderr, no traceback, and leave the data file
byte-for-byte unchanged; wrong usage exits 2 (argparse).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import carepath
from carepath.core.catalogue import SKILL_IDS

PACKAGE_PARENT = str(Path(carepath.__file__).resolve().parent.parent)


def carepath_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "carepath", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def saved_file(data_path: Path) -> Path:
    result = carepath_cli("assess", "--data", data_path, "communication=3", "ethics=4")
    assert result.returncode == 0, result.stderr
    return data_path


def test_version_and_skills() -> None:
    version = carepath_cli("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"CarePath {carepath.__version__}"
    listing = carepath_cli("skills")
    assert listing.returncode == 0
    for skill in SKILL_IDS:
        assert f"  {skill} " in listing.stdout
    for name in ("Novice", "Advanced beginner", "Competent", "Proficient", "Expert"):
        assert name in listing.stdout


def test_assess_saves_and_leaves_unnamed_skills_unrated(saved_file: Path) -> None:
    again = carepath_cli("assess", "--data", saved_file, "--note", "after the course", "ethics=5")
    assert again.returncode == 0, again.stderr
    backup = saved_file.parent / "backup.json"
    exported = carepath_cli("export", "--data", saved_file, "--format", "json", "--out", backup)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format"] == "carepath-backup"
    ratings = [a["ratings"] for a in document["assessments"]]
    assert ratings == [{"communication": 3, "ethics": 4}, {"ethics": 5}]
    assert document["assessments"][1]["note"] == "after the course"


def test_data_option_also_works_before_the_command(data_path: Path) -> None:
    result = carepath_cli("--data", data_path, "assess", "leadership=2")
    assert result.returncode == 0, result.stderr
    assert data_path.exists()


def test_environment_variable_chooses_the_data_file(tmp_path: Path) -> None:
    target = tmp_path / "from-env.json"
    env_before = os.environ.get("CAREPATH_DATA")
    os.environ["CAREPATH_DATA"] = str(target)
    try:
        result = carepath_cli("assess", "ethics=3")
    finally:
        if env_before is not None:
            os.environ["CAREPATH_DATA"] = env_before
    assert result.returncode == 0, result.stderr
    assert target.exists()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["comunication=3"], "did you mean 'communication'"),
        (["communication=6"], "from 1"),
        (["communication=0"], "from 1"),
        (["communication=three"], "three"),
        (["communication=2.5"], "2.5"),
        (["communication="], "no level"),
        (["=3"], "SKILL=LEVEL"),
        (["communication"], "SKILL=LEVEL"),
        (["ethics=2", "ethics=3"], "twice"),
        ([], "No ratings"),
    ],
)
def test_bad_ratings_are_refused_and_change_nothing(
    saved_file: Path, words: list[str], expected: str
) -> None:
    before = saved_file.read_bytes()
    result = carepath_cli("assess", "--data", saved_file, *words)
    assert_refused(result, expected)
    assert saved_file.read_bytes() == before


def test_a_note_with_bytes_that_are_not_utf8_is_refused(saved_file: Path) -> None:
    before = saved_file.read_bytes()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    argv = [sys.executable, "-m", "carepath", "assess", "--data", str(saved_file)]
    result = subprocess.run(
        [*argv, "--note", b"bad \xff byte", "ethics=3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert_refused(result, "not UTF-8")
    assert saved_file.read_bytes() == before


def test_missing_data_folder_is_refused(tmp_path: Path) -> None:
    result = carepath_cli("assess", "--data", tmp_path / "nowhere" / "c.json", "ethics=3")
    assert_refused(result)
    assert not (tmp_path / "nowhere").exists()


def test_wrong_usage_exits_2() -> None:
    assert carepath_cli("export", "--format", "docx", "--out", "x").returncode == 2
    assert carepath_cli("frobnicate").returncode == 2


def test_backup_round_trip_and_second_import_adds_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    assert carepath_cli("demo", "--data", source).returncode == 0
    backup = tmp_path / "backup.json"
    assert (
        carepath_cli("export", "--data", source, "--format", "json", "--out", backup).returncode
        == 0
    )
    target = tmp_path / "target.json"
    first = carepath_cli("import", "--data", target, backup)
    assert first.returncode == 0, first.stderr
    assert "Imported 12 new assessments" in first.stdout
    second = carepath_cli("import", "--data", target, backup)
    assert second.returncode == 0, second.stderr
    assert "Imported 0 new assessments (12 already present)" in second.stdout
    again = tmp_path / "again.json"
    assert (
        carepath_cli("export", "--data", target, "--format", "json", "--out", again).returncode == 0
    )
    original = json.loads(backup.read_text(encoding="utf-8"))
    restored = json.loads(again.read_text(encoding="utf-8"))
    for key in ("profile", "assessments", "steps", "goals"):
        assert restored[key] == original[key], key


@pytest.mark.parametrize(
    "content",
    [b"not json at all", b"[1, 2, 3]", b'{"format": "something-else"}', b"\xef\xbb\xbf{}", b""],
)
def test_foreign_or_damaged_backups_are_refused(saved_file: Path, content: bytes) -> None:
    bad = saved_file.parent / "bad.json"
    bad.write_bytes(content)
    before = saved_file.read_bytes()
    assert_refused(carepath_cli("import", "--data", saved_file, bad))
    assert saved_file.read_bytes() == before


def test_backup_with_an_unknown_skill_names_it(saved_file: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    assert (
        carepath_cli("export", "--data", saved_file, "--format", "json", "--out", backup).returncode
        == 0
    )
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["assessments"][0]["ratings"]["telepathy"] = 3
    document["assessments"][0]["id"] = "changed-id"
    backup.write_text(json.dumps(document), encoding="utf-8")
    before = saved_file.read_bytes()
    assert_refused(carepath_cli("import", "--data", saved_file, backup), "telepathy")
    assert saved_file.read_bytes() == before


def test_history_csv(tmp_path: Path) -> None:
    source = tmp_path / "demo.json"
    assert carepath_cli("demo", "--data", source).returncode == 0
    out = tmp_path / "history.csv"
    result = carepath_cli("export", "--data", source, "--format", "csv", "--out", out)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[:3] == ["id", "taken_at", "average"]
    assert len(lines) == 13


def test_demo_never_overwrites_a_record(saved_file: Path) -> None:
    before = saved_file.read_bytes()
    assert_refused(carepath_cli("demo", "--data", saved_file), "already exists")
    assert saved_file.read_bytes() == before


def test_export_without_a_record_says_what_to_do(tmp_path: Path) -> None:
    result = carepath_cli(
        "export", "--data", tmp_path / "none.json", "--format", "csv", "--out", tmp_path / "x.csv"
    )
    assert_refused(result)
    assert not (tmp_path / "none.json").exists()


def test_export_to_a_missing_folder_is_one_sentence(saved_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "plan.csv"
    assert_refused(
        carepath_cli("export", "--data", saved_file, "--format", "csv", "--out", out), "folder"
    )


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_plan_exports_from_the_command_line(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "demo.json"
    assert carepath_cli("demo", "--data", source).returncode == 0
    out = tmp_path / f"plan.{fmt}"
    result = carepath_cli(
        "export", "--data", source, "--format", fmt, "--out", out, "--paper", "letter"
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith({"pdf": b"%PDF", "html": b"<!DOCTYPE html", "md": b"# "}[fmt])
    assert b"Alex Rivera" in data or fmt == "pdf"


def test_letter_paper_is_letter_sized(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    source = tmp_path / "demo.json"
    assert carepath_cli("demo", "--data", source).returncode == 0
    sizes = {}
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        result = carepath_cli(
            "export", "--data", source, "--format", "pdf", "--out", out, "--paper", paper
        )
        assert result.returncode == 0, result.stderr
        box = pypdf.PdfReader(out).pages[0].mediabox
        sizes[paper] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}


def test_a_file_open_elsewhere_is_refused_politely(saved_file: Path) -> None:
    from carepath.core.storage import DataStore

    before = saved_file.read_bytes()
    with DataStore.open(saved_file):
        result = carepath_cli("assess", "--data", saved_file, "ethics=2")
    assert_refused(result, "open in another CarePath")
    assert saved_file.read_bytes() == before
    after = carepath_cli("assess", "--data", saved_file, "ethics=2")
    assert after.returncode == 0, after.stderr


def test_a_closed_pipe_is_not_an_error() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "carepath", "skills"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `carepath skills | head -0`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert stderr == ""


def test_commands_follow_a_file_moved_in_preferences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's rule, not a rule of its own: no --data, no $CAREPATH_DATA → the moved file."""
    from carepath.core.paths import remember_data_path

    moved = tmp_path / "moved" / "record.json"
    moved.parent.mkdir()
    assert carepath_cli("assess", "--data", moved, "ethics=4").returncode == 0
    remember_data_path(moved)  # what Preferences ▸ Move data file… notes
    monkeypatch.delenv("CAREPATH_DATA")
    out = tmp_path / "backup.json"
    result = carepath_cli("export", "--format", "json", "--out", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["assessments"][0]["ratings"] == {"ethics": 4}
    default = tmp_path / "xdg-data" / "CarePath" / "carepath.json"
    assert not default.exists()  # the default file was neither read nor made


def test_a_location_kept_by_an_older_carepath_is_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CarePath 0.1 kept the moved location in Qt's settings; the first command moves it over."""
    from PySide6.QtCore import QSettings

    from carepath.core.paths import remembered_data_path
    from carepath.ui.settings import APPLICATION, DATA_FILE_KEY, ORGANISATION

    moved = tmp_path / "old-move.json"
    assert carepath_cli("assess", "--data", moved, "ethics=2").returncode == 0
    settings = QSettings(ORGANISATION, APPLICATION)  # under $XDG_CONFIG_HOME, the test's own
    settings.setValue(DATA_FILE_KEY, str(moved))
    settings.sync()
    monkeypatch.delenv("CAREPATH_DATA")
    result = carepath_cli("assess", "communication=3")
    assert result.returncode == 0, result.stderr
    assert str(moved) in result.stdout
    assert remembered_data_path() == moved
