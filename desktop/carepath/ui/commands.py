"""The window's own menu commands that open a dialog or act on the page on screen.

Each is the handler of a row in ``actions.ACTIONS`` ("carepath.ui.commands:name"), called with
the main window; this module is imported the first time one of them is used, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from carepath.ui import lazy, unsaved

if TYPE_CHECKING:
    from carepath.ui.main_window import MainWindow


def new_assessment(window: MainWindow) -> None:
    """File ▸ New assessment: the Assess page, starting again from the last ratings."""
    from carepath.ui.pages.assess_page import AssessPage

    assess = window.pages.get("assess")
    if not isinstance(assess, AssessPage) or not window.show_page("assess"):
        return
    if unsaved.settle(assess, window):
        assess.new_assessment()


def save_current(window: MainWindow) -> None:
    """File ▸ Save: the page on screen (the only kind of work not saved as it is made)."""
    page = window.current_page()
    if page is not None and page.has_unsaved_changes():
        if page.save():
            window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Saved."), 4000)
    else:
        nothing = QCoreApplication.translate(
            "MainWindow", "Nothing to save: every other change is saved as you make it."
        )
        window.statusBar().showMessage(nothing, 4000)


def export_plan(window: MainWindow) -> None:
    """File ▸ Export plan…: the dialog imports the exporters, so it loads only now."""
    dialog_class = lazy.load("carepath.ui.export_dialog:ExportDialog")
    if dialog_class is not None:
        dialog_class(window.session, window).exec()


def show_level_scale(window: MainWindow) -> None:
    from carepath.ui.dialogs.level_scale import LevelScaleDialog

    LevelScaleDialog(window.session.catalogue, window).exec()


def show_about(window: MainWindow) -> None:
    from carepath.ui.dialogs.about import show_about as about

    about(window, None if window.is_sample else window.session.path)


def show_preferences(window: MainWindow) -> None:
    """Edit ▸ Preferences…: language, theme, interval, paper, data file location."""
    from carepath.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.session, window.settings, window)
    languages: list[str] = []
    dialog.language_changed.connect(languages.append)
    dialog.data_file_moved.connect(lambda _path: window.status.show_record(window.session))
    dialog.exec()
    dialog.deleteLater()
    if languages:  # after the dialog: rebuilding may ask about unsaved work
        window._on_language_changed(languages[-1])
