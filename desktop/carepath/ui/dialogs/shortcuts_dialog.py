"""Help ▸ Keyboard shortcuts: every shortcut of the menus, read from the window's action table.

Built from ``ActionTable.shortcut_rows`` (the same rows that made the menus, in the language on
screen), so a command added, moved or given another key shows up here without anyone editing
this dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from carepath.ui.main_window import MainWindow


class ShortcutsDialog(QDialog):
    """A read-only table: where the command is, what it does, its keys."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Every menu command with a key of its own; Alt with an underlined letter "
                "opens a menu or presses a button."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3, self)
        headers = [self.tr("Where"), self.tr("Command"), self.tr("Keys")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.height() * (len(rows) + 8))


def show_shortcuts(window: MainWindow) -> None:
    """The handler of Help ▸ Keyboard shortcuts (a row of ``actions.ACTIONS``)."""
    dialog = ShortcutsDialog(window.action_table.shortcut_rows(), window)
    dialog.exec()
    dialog.deleteLater()
