"""Start-up: every way the data file can fail to open ends in a dialog, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from carepath.core.errors import DamagedFileError, DataFileError, FileInUseError, NewerVersionError
from carepath.core.storage import DataStore
from carepath.ui import app as app_module
from carepath.ui.dialogs import data_file_error
from carepath.ui.dialogs.data_file_error import DataFileChoice
from carepath.ui.workspace import open_session

GARBAGE = b'{"this is": not json at all \x00\xff'


class Answers:
    """Stands in for the dialog: records each error shown and gives the next scripted choice."""

    def __init__(self, *choices: DataFileChoice) -> None:
        self.choices = list(choices)
        self.errors: list[DataFileError] = []
        self.can_restore: list[bool] = []
        self.starting: list[bool] = []

    def __call__(
        self,
        error: DataFileError,
        can_restore: bool = False,
        parent: object = None,
        *,
        starting: bool | None = None,
    ) -> DataFileChoice:
        self.starting.append(parent is None if starting is None else starting)
        self.errors.append(error)
        self.can_restore.append(can_restore)
        return self.choices.pop(0)


def _script(monkeypatch: pytest.MonkeyPatch, *choices: DataFileChoice) -> Answers:
    answers = Answers(*choices)
    monkeypatch.setattr(data_file_error, "ask_about_data_file", answers)
    return answers


def test_damaged_file_quit_leaves_it_byte_identical(
    qapp, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_path.write_bytes(GARBAGE)
    answers = _script(monkeypatch, DataFileChoice.QUIT)
    assert app_module.run_app(data_path, []) == 1
    assert answers.starting == [True]  # offered "Quit", over the window's frame
    assert isinstance(answers.errors[0], DamagedFileError)
    assert answers.can_restore == [False]
    assert data_path.read_bytes() == GARBAGE
    assert sorted(p.name for p in data_path.parent.iterdir() if not p.name.endswith(".lock")) == [
        data_path.name
    ]


def test_damaged_file_start_fresh_moves_it_aside(
    qapp, data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_path.write_bytes(GARBAGE)
    _script(monkeypatch, DataFileChoice.START_FRESH)
    session = open_session(data_path)
    assert session is not None
    try:
        assert session.record().assessments == ()
        assert not session.record().profile.is_set_up
    finally:
        session.close()
    moved = [p for p in data_path.parent.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1
    assert moved[0].read_bytes() == GARBAGE


def test_damaged_file_restore_newest_backup(
    qapp, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carepath.core.autobackup import make_backup

    make_backup(demo_path, "daily")
    with DataStore.open(demo_path) as store:
        expected = store.record()
    demo_path.write_bytes(GARBAGE)
    answers = _script(monkeypatch, DataFileChoice.RESTORE_BACKUP)
    session = open_session(demo_path)
    assert answers.can_restore == [True]
    assert session is not None
    try:
        assert session.record() == expected
    finally:
        session.close()


def test_newer_version_quit_or_open_another(
    qapp, data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with DataStore.open(data_path):
        pass
    document = json.loads(data_path.read_text(encoding="utf-8"))
    document["meta"]["1"]["schema_version"] = 99
    data_path.write_text(json.dumps(document), encoding="utf-8")
    newer = data_path.read_bytes()

    answers = _script(monkeypatch, DataFileChoice.QUIT)
    assert open_session(data_path) is None
    assert isinstance(answers.errors[0], NewerVersionError)
    assert data_path.read_bytes() == newer

    other = tmp_path / "other.json"
    _script(monkeypatch, DataFileChoice.OPEN_OTHER)
    monkeypatch.setattr(data_file_error, "choose_data_file", lambda parent, start="": other)
    session = open_session(data_path)
    assert session is not None
    try:
        assert session.path == other
    finally:
        session.close()
    assert data_path.read_bytes() == newer


def test_file_in_use(qapp, data_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with DataStore.open(data_path):
        answers = _script(monkeypatch, DataFileChoice.QUIT)
        assert open_session(data_path) is None
        assert isinstance(answers.errors[0], FileInUseError)


def test_the_real_dialog_offers_the_right_choices(
    qapp, monkeypatch: pytest.MonkeyPatch, data_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    damaged = DamagedFileError("The file is damaged.", data_path)
    assert data_file_error.ask_about_data_file(damaged, can_restore=True) is DataFileChoice.QUIT
    assert data_file_error.ask_about_data_file(NewerVersionError("Newer.")) is DataFileChoice.QUIT
    assert data_file_error.ask_about_data_file(FileInUseError("In use.")) is DataFileChoice.QUIT
    assert seen[0] == ["&Start fresh", "&Restore newest automatic backup", "&Quit"]
    assert seen[1] == ["&Open another file…", "&Quit"]
    assert seen[2] == ["&Quit"]


def test_run_app_opens_the_window_and_returns_on_quit(
    qapp, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from carepath.ui.main_window import MainWindow

    seen: list[tuple[str, str, bool]] = []

    def close_when_attached() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].is_attached():  # the frame is shown first, then the file
            QTimer.singleShot(5, close_when_attached)
            return
        for window in windows:
            seen.append(
                (window.windowTitle(), window.current_key(), window.open_action.isEnabled())
            )
            window.close()  # deletes it: run_app sets WA_DeleteOnClose

    QTimer.singleShot(0, close_when_attached)
    assert app_module.run_app(demo_path, []) == 0
    assert seen == [("CarePath", "overview", True)]
    assert qapp.organizationName() == "CarePath"
    assert qapp.applicationName() == "CarePath"
    with DataStore.open(demo_path):  # the lock was released on quit
        pass


def test_a_broken_install_says_so_and_exits_1(
    qapp, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Content files missing: one sentence in a dialog over the window, then exit status 1."""
    from PySide6.QtWidgets import QMessageBox

    import carepath.core.catalogue
    from carepath.core.errors import CarePathError

    def missing(language: str = "en") -> None:
        raise CarePathError("CarePath's resources folder is missing; reinstall CarePath.")

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(carepath.core.catalogue, "load_catalogue", missing)
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _parent, title, text: shown.append((title, text))),
    )
    before = demo_path.read_bytes()
    assert app_module.run_app(demo_path, []) == 1
    assert shown == [
        ("CarePath cannot start", "CarePath's resources folder is missing; reinstall CarePath.")
    ]
    assert demo_path.read_bytes() == before
