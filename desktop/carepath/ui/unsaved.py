"""The one question asked before unsaved work on a page could be lost: Save, Discard or Cancel?

The window asks it on leaving a page, switching files, entering the sample, changing language
and quitting (``MainWindow.settle_all``); a page that was never shown holds nothing to ask about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from carepath.ui.pages.base import Page


def ask_unsaved(page: Page, parent: QWidget) -> QMessageBox.StandardButton:
    title = QCoreApplication.translate("Page", type(page).title)
    question = QCoreApplication.translate(
        "MainWindow", "The %1 page has changes that are not saved yet. Save them?"
    )
    buttons = QMessageBox.StandardButton
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("MainWindow", "Unsaved changes"),
        question.replace("%1", title),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )


def settle(page: Page, parent: QWidget) -> bool:
    """Make sure ``page`` holds no unsaved work: True to go on, False to stay (Cancel)."""
    if not page.was_refreshed() or not page.has_unsaved_changes():
        return True
    answer = ask_unsaved(page, parent)
    if answer == QMessageBox.StandardButton.Save:
        return page.save()
    if answer == QMessageBox.StandardButton.Discard:
        page.discard()
        return True
    return False
