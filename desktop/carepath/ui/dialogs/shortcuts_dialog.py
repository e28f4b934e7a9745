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
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for column, title in enumerate(headers):  # each column as wide as its longest text
            texts = [title, *(values[column] for values in rows)]
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            header.resizeSection(column, widest + 4 * metrics.averageCharWidth())
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        frame = 2 * self.table.frameWidth()
        height = header.height() + self.table.verticalHeader().length() + frame
        self.table.setMinimumHeight(
            min(height, self.screen().availableGeometry().height() * 2 // 3)
        )
        width = header.length() + frame + self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(min(width, self.screen().availableGeometry().width() * 9 // 10))
        self.resize(self.sizeHint())


def show_shortcuts(window: MainWindow) -> None:
    """The handler of Help ▸ Keyboard shortcuts (a row of ``actions.ACTIONS``)."""
    dialog = ShortcutsDialog(window.action_table.shortcut_rows(), window)
    dialog.exec()
    dialog.deleteLater()
