"""The main window: pages and menus, status bar, unsaved-changes prompts, settings, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox

from carepath import __version__
from carepath.core.errors import SaveError
from carepath.core.storage import DataStore
from carepath.ui import lazy
from carepath.ui.main_window import MainWindow
from carepath.ui.page_map import PAGES, available_pages
from carepath.ui.session import Session

Button = QMessageBox.StandardButton


def test_pages_menus_and_title(qtbot, make_window, demo_session: Session) -> None:
    window: MainWindow = make_window(demo_session)
    assert window.windowTitle() == "CarePath"
    keys = [key for key, _ in available_pages()]
    assert keys[:3] == ["overview", "assess", "progress"]
    assert keys == [spec.key for spec in PAGES if spec.key in keys]
    assert [window.nav.item(i).text() for i in range(window.nav.count())][:3] == [
        "Overview",
        "Assess",
        "Progress",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert window.export_plan_action.shortcut().toString() == "Ctrl+E"
    assert window.export_plan_action.isEnabled() == lazy.available("carepath.ui.export_dialog")
    for number, key in enumerate(["overview", "assess", "progress"], start=1):
        window.page_actions[key].trigger()
        assert window.current_key() == key
        assert window.page_actions[key].shortcut().toString() == f"Ctrl+{number}"
        assert window.nav.currentItem().text() == window.nav.item(number - 1).text()


def test_status_bar_shows_file_saved_time_and_due_date(
    qtbot, make_window, demo_session: Session
) -> None:
    window = make_window(demo_session)
    assert str(demo_session.path) in window.path_label.text()
    assert window.due_label.text().startswith(("Next reassessment", "Reassessment overdue"))
    from carepath.core.models import Goal

    with qtbot.waitSignal(demo_session.saved):
        demo_session.save_goal(Goal.create("ethics", "New"))
    assert window.saved_label.text().startswith("Saved ")


def test_undo_and_redo_follow_the_session(qtbot, make_window, demo_session: Session) -> None:
    from carepath.core.models import Goal
    from carepath.ui.undo import SaveGoalCommand, push_command

    window = make_window(demo_session)
    assert not window.undo_action.isEnabled()
    push_command(demo_session, SaveGoalCommand(demo_session, Goal.create("ethics", "G")))
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert "G" not in [g.title for g in demo_session.record().goals]
    window.redo_action.trigger()
    assert "G" in [g.title for g in demo_session.record().goals]


def _dirty_assess(window: MainWindow) -> None:
    window.show_page("assess")
    window.pages["assess"].set_level(1, "ethics")  # type: ignore[attr-defined]


def test_leaving_assess_asks_cancel_stays(qtbot, make_window, demo_session, dialogs) -> None:
    window = make_window(demo_session)
    _dirty_assess(window)
    dialogs.question_answer = Button.Cancel
    window.nav.setCurrentRow(0)
    assert dialogs.names() == ["question"]
    assert window.current_key() == "assess"
    assert window.nav.currentRow() == 1
    assert window.pages["assess"].has_unsaved_changes()


def test_leaving_assess_discard(qtbot, make_window, demo_session, dialogs) -> None:
    window = make_window(demo_session)
    count = len(demo_session.record().assessments)
    _dirty_assess(window)
    dialogs.question_answer = Button.Discard
    window.page_actions["overview"].trigger()
    assert window.current_key() == "overview"
    assert not window.pages["assess"].has_unsaved_changes()
    assert len(demo_session.record().assessments) == count


def test_leaving_assess_save(qtbot, make_window, demo_session, dialogs) -> None:
    window = make_window(demo_session)
    count = len(demo_session.record().assessments)
    _dirty_assess(window)
    dialogs.question_answer = Button.Save
    window.page_actions["progress"].trigger()
    assert len(demo_session.record().assessments) == count + 1
    assert demo_session.record().latest.ratings["ethics"] == 1


def test_closing_with_unsaved_work_can_be_cancelled(
    qtbot, make_window, demo_session, dialogs
) -> None:
    window = make_window(demo_session)
    _dirty_assess(window)
    dialogs.question_answer = Button.Cancel
    assert not window.close()
    assert window.isVisible()
    dialogs.question_answer = Button.Discard
    assert window.close()


def test_save_action_saves_and_a_failure_keeps_the_work(
    qtbot, make_window, demo_session, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_session)
    _dirty_assess(window)

    def refuse(assessment: object) -> None:
        raise SaveError("Could not save because the disk is full.")

    monkeypatch.setattr(demo_session, "add_assessment", refuse)
    window.save_action.trigger()
    assert "warning" in dialogs.names()
    assert window.pages["assess"].has_unsaved_changes()
    assert window.current_key() == "assess"
    monkeypatch.undo()
    window.save_action.trigger()
    assert not window.pages["assess"].has_unsaved_changes()


def test_new_assessment_action(qtbot, make_window, demo_session, dialogs) -> None:
    window = make_window(demo_session)
    window.new_action.trigger()
    assert window.current_key() == "assess"
    assert not window.pages["assess"].has_unsaved_changes()


def test_settings_restore_size_and_last_page(
    qtbot, make_window, demo_path: Path, app_settings, dialogs
) -> None:
    first = Session(DataStore.open(demo_path))
    window = make_window(first)
    window.resize(780, 640)  # inside the 800×800 offscreen screen
    window.show_page("progress")
    window.close()  # saves settings and closes the file

    second = Session(DataStore.open(demo_path))
    again = make_window(second, resize=False)
    assert again.current_key() == "progress"
    assert again.size() == QSize(780, 640)
    from PySide6.QtCore import qVersion

    assert app_settings.qsettings.contains(f"geometry/{qVersion()}")


def test_open_another_file_releases_the_first(
    qtbot, make_window, demo_session, data_path: Path, tmp_path: Path, dialogs
) -> None:
    window = make_window(demo_session)
    other = tmp_path / "other" / "carepath.json"
    other.parent.mkdir()
    first_path = demo_session.path
    assert window.open_data_file(other)
    assert window.session.path == other
    assert window.current_key() == "welcome"  # a new file: first run
    with DataStore.open(first_path) as store:  # the first file's lock was released
        assert store.record().assessments


def test_export_backup_writes_a_valid_backup(
    qtbot, make_window, demo_session, tmp_path: Path, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog

    from carepath.core.backup import validate_backup

    target = tmp_path / "backup.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window = make_window(demo_session)
    window.export_backup_action.trigger()
    validate_backup(json.loads(target.read_text(encoding="utf-8")))

    # Importing it again into the same file adds nothing.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    before = demo_session.record()
    window.import_action.trigger()
    assert demo_session.record() == before
    assert dialogs.names()[-1] == "information"


def test_help_dialogs(qtbot, make_window, demo_session, dialogs) -> None:
    from carepath.ui.dialogs.about import about_text
    from carepath.ui.dialogs.level_scale import LevelScaleDialog

    dialog = LevelScaleDialog(demo_session.catalogue)
    qtbot.addWidget(dialog)
    for level in demo_session.catalogue.levels:
        assert level.name in dialog.text_label.text()
    assert __version__ in about_text(None)
    window = make_window(demo_session)
    window.about_action.trigger()
    assert dialogs.names() == ["about"]


def test_restore_automatic_backup(
    qtbot, make_window, demo_session, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from carepath.core.autobackup import list_backups, make_backup
    from carepath.core.models import Goal

    made = make_backup(demo_session.path, "daily")
    before = demo_session.record()
    demo_session.save_goal(Goal.create("ethics", "After the backup"))
    window = make_window(demo_session)
    assert made in list_backups(demo_session.path)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (made.name, True)))
    window.restore_action.trigger()
    assert demo_session.record().goals == before.goals


@pytest.mark.parametrize("record_kind", ["demo", "empty"])
def test_every_page_opens_and_draws(
    qtbot, make_window, dialogs, record_kind: str, request: pytest.FixtureRequest
) -> None:
    from carepath.ui.chart_canvas import ChartCanvas

    session = request.getfixturevalue(f"{record_kind}_session")
    window = make_window(session)
    for key, page in window.pages.items():
        assert window.show_page(key)
        assert window.current_key() == key
        for chart in page.findChildren(ChartCanvas):
            if chart.isVisibleTo(page):
                qtbot.waitUntil(lambda chart=chart: chart.canvas is not None)
    assert "warning" not in dialogs.names()


def test_the_frame_first_then_the_file(qtbot, app_settings, demo_session: Session) -> None:
    """At start-up the window is shown before it has a file (issue 6): until ``attach`` nothing
    that needs the record can be triggered, and then everything works as usual."""
    window = MainWindow(settings=app_settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.is_attached()
    assert window.windowTitle() == "CarePath"
    assert window.nav.count() == len(PAGES)
    assert window.quit_action.isEnabled()
    assert not any(
        action.isEnabled()
        for action in (window.save_action, window.open_action, window.preferences_action)
    )
    assert not window.page_actions["assess"].isEnabled()
    assert window.show_page("assess") is False  # a click on the list before the file is open
    assert window.current_key() == "" and window.pages.built() == []

    with qtbot.waitSignal(window.attached, timeout=2000):
        window.attach(demo_session)
    assert window.is_attached() and window.session is demo_session
    assert window.current_key() == "overview"
    assert window.open_action.isEnabled() and window.page_actions["assess"].isEnabled()
    assert "Data file:" in window.path_label.text()
    assert window.show_page("assess")
    with pytest.raises(RuntimeError):
        window.attach(demo_session)


def test_a_language_change_keeps_unsaved_work_when_asked(
    qtbot, make_window, demo_session, dialogs
) -> None:
    """The pages are rebuilt in a new language only once their unsaved work is settled: Cancel
    keeps the page and its draft, and says a restart will finish the switch."""
    window = make_window(demo_session)
    _dirty_assess(window)
    assess = window.pages["assess"]
    dialogs.question_answer = Button.Cancel
    window._on_language_changed("en")
    assert dialogs.names() == ["question"]
    assert window.pages["assess"] is assess and assess.has_unsaved_changes()
    assert "Restart CarePath" in window.statusBar().currentMessage()

    dialogs.question_answer = Button.Discard
    window._on_language_changed("en")
    rebuilt = window.pages["assess"]
    assert rebuilt is not assess and window.current_page() is rebuilt
    assert not rebuilt.has_unsaved_changes()
