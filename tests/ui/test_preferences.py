"""Edit ▸ Preferences…: language, theme, reassessment interval, paper, and moving the data file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from carepath.core.autobackup import list_backups
from carepath.core.datafile import inspect_file
from carepath.core.paths import resolve_data_path
from carepath.core.storage import DataStore
from carepath.ui import i18n, theme
from carepath.ui.dialogs.preferences_dialog import PreferencesDialog
from carepath.ui.export_dialog import PAPER_KEY, ExportDialog
from carepath.ui.session import Session
from carepath.ui.settings import APPLICATION, ORGANISATION, AppSettings


@pytest.fixture(autouse=True)
def _restore_language_and_theme(qapp) -> Iterator[None]:
    yield
    i18n.install("en", qapp)
    theme.apply_theme("system", qapp)


@pytest.fixture
def dialog(qtbot, demo_session: Session, app_settings: AppSettings) -> PreferencesDialog:
    made = PreferencesDialog(demo_session, app_settings)
    qtbot.addWidget(made)
    return made


def test_opens_with_the_current_choices(dialog: PreferencesDialog, demo_session) -> None:
    assert dialog.language() == ""  # follow the system
    assert dialog.theme() == "system"
    assert dialog.interval_spin.value() == demo_session.record().profile.reassess_interval_days
    assert dialog.paper() in ("a4", "letter")
    assert dialog.path_edit.text() == str(demo_session.path)
    assert dialog.move_button.isEnabled()


def test_main_window_opens_it_with_ctrl_comma(make_window, demo_session, monkeypatch) -> None:
    window = make_window(demo_session)
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"
    assert window.preferences_action in window.edit_menu.actions()
    shown: list[PreferencesDialog] = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: shown.append(self) or 0)
    window.preferences_action.trigger()
    assert len(shown) == 1


def test_interval_is_written_to_the_profile_and_undoable(dialog, demo_session) -> None:
    before = demo_session.record().profile.reassess_interval_days
    dialog.interval_spin.setValue(14)
    assert dialog.apply()
    assert demo_session.record().profile.reassess_interval_days == 14
    assert inspect_file(demo_session.path).profile.reassess_interval_days == 14  # on disk
    demo_session.undo_stack.undo()
    assert demo_session.record().profile.reassess_interval_days == before


def test_paper_is_the_export_dialogs_default(qtbot, demo_session) -> None:
    dialog = PreferencesDialog(demo_session)  # the application's own settings, as in use
    qtbot.addWidget(dialog)
    for paper in ("letter", "a4"):
        dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(paper))
        dialog.apply()
        assert QSettings(ORGANISATION, APPLICATION).value(PAPER_KEY) == paper
        export = ExportDialog(demo_session)
        qtbot.addWidget(export)
        assert export.paper() == paper


def test_theme_applies_at_once_and_is_remembered(qapp, dialog, app_settings) -> None:
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.apply()
    window_colour = qapp.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightnessF() < 0.3
    style = qapp.style()
    assert isinstance(style, theme.ClearIndicatorStyle)  # Fusion, with clearer indicators
    assert style.baseStyle().name().lower() == "fusion"
    assert theme.saved_theme(app_settings.qsettings) == "dark"
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.apply()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.8
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("system"))
    dialog.apply()
    assert theme.saved_theme(app_settings.qsettings) == "system"


def test_language_applies_at_once_and_is_remembered(qapp, dialog, app_settings) -> None:
    changed: list[str] = []
    dialog.language_changed.connect(changed.append)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.apply()
    assert changed == ["es"]
    assert i18n.current_language() == "es"
    assert i18n.saved_language(app_settings.qsettings) == "es"
    assert QApplication.translate("MainWindow", "&File") == "&Archivo"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.apply()
    assert changed == ["es", "en"]
    assert i18n.current_language() == "en"


def test_move_data_file_moves_everything_and_is_remembered(
    dialog: PreferencesDialog, demo_session: Session, app_settings, tmp_path: Path
) -> None:
    old = demo_session.path
    old_backups = list_backups(old)
    record = demo_session.record()
    folder = tmp_path / "new home"
    folder.mkdir()
    target = folder / "record.json"
    assert dialog.move_data_file(target)
    assert demo_session.path == target
    assert demo_session.record() == record
    assert not old.exists()
    assert len(list_backups(target)) == len(old_backups)
    assert dialog.path_edit.text() == str(target)
    assert app_settings.data_file() == str(target)  # the next start opens it there
    demo_session.set_profile(replace(record.profile, name="Moved"))  # still works, in the new file
    assert inspect_file(target).profile.name == "Moved"


def test_move_refuses_an_existing_file(dialog, demo_session, tmp_path: Path, dialogs) -> None:
    taken = tmp_path / "taken.json"
    taken.write_text("keep me", encoding="utf-8")
    old = demo_session.path
    assert not dialog.move_data_file(taken)
    assert dialogs.names() == ["warning"]
    assert "already exists" in str(dialogs.calls[0][1][2])
    assert taken.read_text(encoding="utf-8") == "keep me"
    assert demo_session.path == old and old.exists()


def test_sample_data_cannot_be_moved(qtbot, data_path: Path, app_settings) -> None:
    session = Session(DataStore.open(data_path), is_sample=True)
    try:
        made = PreferencesDialog(session, app_settings)
        qtbot.addWidget(made)
        assert not made.move_button.isEnabled()
        assert not made.move_data_file(data_path.parent / "elsewhere.json")
    finally:
        session.close()


def test_the_start_prefers_the_moved_file(app_settings, monkeypatch, tmp_path: Path) -> None:
    moved = tmp_path / "moved.json"
    app_settings.set_data_file(str(moved))
    monkeypatch.delenv("CAREPATH_DATA", raising=False)
    assert resolve_data_path(None) == moved
    assert resolve_data_path(tmp_path / "given.json") == tmp_path / "given.json"
    monkeypatch.setenv("CAREPATH_DATA", str(tmp_path / "env.json"))
    assert resolve_data_path(None) == tmp_path / "env.json"


def test_a_location_kept_in_qt_settings_moves_to_the_note_once(
    app_settings, monkeypatch, tmp_path: Path
) -> None:
    from carepath.core.paths import location_noted, remembered_data_path
    from carepath.ui.settings import DATA_FILE_KEY

    monkeypatch.delenv("CAREPATH_DATA", raising=False)
    old = tmp_path / "moved by 0.1.json"
    app_settings.qsettings.setValue(DATA_FILE_KEY, str(old))
    assert not location_noted()
    assert app_settings.data_file() == str(old)
    assert remembered_data_path() == old
    assert app_settings.qsettings.value(DATA_FILE_KEY) is None  # moved, not copied
    assert resolve_data_path(None) == old


def test_a_new_language_rebuilds_the_pages_once_the_dialog_closes(
    make_window, demo_session, monkeypatch
) -> None:
    """The dialog only announces the language; the window rebuilds its pages after it closed
    (a question about unsaved work must not pop up over a dialog still open)."""
    window = make_window(demo_session)
    before = window.current_page()
    during: list[object] = []

    def choose_english(self: PreferencesDialog) -> int:
        self.language_changed.emit("en")
        during.append(window.current_page())
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", choose_english)
    window.preferences_action.trigger()
    assert during == [before]  # nothing rebuilt while the dialog was open
    after = window.current_page()
    assert after is not before and window.current_key() == "overview"
