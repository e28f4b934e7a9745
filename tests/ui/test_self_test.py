"""``--self-test``: passes on the demo, leaves a given data file untouched, names failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from carepath.ui import self_test
from carepath.ui.self_test import SelfTest, run_self_test


def test_self_test_passes_and_leaves_the_data_file_alone(
    qapp, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_path.read_bytes()
    assert run_self_test(demo_path) == 0
    out = capsys.readouterr().out
    assert "window shown" in out
    assert "overview page shown" in out
    assert "median radar blit" in out
    assert "backup exported as JSON" in out
    assert "history exported as CSV" in out
    assert "self-test passed" in out
    assert demo_path.read_bytes() == before


def test_a_failing_step_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    test = SelfTest()

    def broken() -> str:
        raise RuntimeError("no fonts")

    assert not test.step("plan exported as PDF", broken)
    assert test.failures == ["plan exported as PDF: RuntimeError: no fonts"]


def test_run_self_test_returns_1_on_failure(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(test: SelfTest, folder: Path, data_path: Path | None) -> None:
        test.step("window shown", lambda: (_ for _ in ()).throw(RuntimeError("no platform")))

    monkeypatch.setattr(self_test, "_run", explode)
    assert run_self_test(None) == 1
    assert "self-test failed: window shown: RuntimeError: no platform" in capsys.readouterr().err


def test_a_first_run_self_test_walks_the_welcome_and_creates_nothing(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--data NEW.json`` that does not exist yet is a new user's first run, not a traceback."""
    new = tmp_path / "NEW.json"
    assert run_self_test(new) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "first run:" in out
    for step in ("welcome page shown", "profile saved", "first assessment saved"):
        assert f"{step} " in out and f"{step} FAILED" not in out
    assert "plan exported as PDF" in out
    assert "self-test passed" in out
    assert list(tmp_path.iterdir()) == []  # NEW.json is still not there, nor its lock


def test_the_command_line_self_test_of_a_first_run_in_spanish(tmp_path: Path) -> None:
    """The real console entry point, as a packager or a new user runs it."""
    import os
    import subprocess
    import sys

    import carepath

    env = dict(os.environ)
    package_parent = str(Path(carepath.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    new = tmp_path / "NEW.json"
    result = subprocess.run(
        [sys.executable, "-m", "carepath", "--lang", "es", "--self-test", "--data", str(new)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "interface language: es" in result.stdout
    assert "welcome page shown" in result.stdout
    assert not new.exists()
