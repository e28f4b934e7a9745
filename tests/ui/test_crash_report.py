"""A bug in CarePath: a sentence for the user and a log file for us, never a silent traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from carepath.ui import crash


def _raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["no such key"]
    except KeyError as error:
        return type(error), error, error.__traceback__
    raise AssertionError("unreachable")


def test_an_unexpected_error_is_logged_and_explained(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _w, title, text: shown.append((title, text)))
    )
    crash.make_hook(tmp_path / "log")(*_raised())  # type: ignore[arg-type]

    (report,) = (tmp_path / "log").glob("crash-*.log")
    assert "KeyError: 'no such key'" in report.read_text(encoding="utf-8")
    assert "Traceback" in capsys.readouterr().err  # still there for a developer
    ((title, text),) = shown
    assert title == "Something went wrong"
    assert "Your record is safe" in text and str(report) in text
    assert "Traceback" not in text


def test_a_report_that_cannot_be_written_is_still_explained(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _w, _title, text: shown.append(text))
    )
    crash.make_hook(blocker)(*_raised())  # type: ignore[arg-type]
    assert shown and "could not be saved to a file" in shown[0]


def test_install_replaces_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install()
    assert sys.excepthook is not sys.__excepthook__
    assert sys.excepthook.__qualname__.startswith("make_hook")
