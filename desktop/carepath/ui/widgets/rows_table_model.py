"""Rows of text as a table model: the "Show as table" view of every chart.

Cheap to replace, even with 10,000 rows: a QStandardItemModel would build an item object per
cell (seconds for a decade of history); this keeps the plain lists and answers ``data`` from
them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_ROOT = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    """Rows of text for the "Show as table" view; cheap to replace, even with 10,000 rows.

    A QStandardItemModel would build an item object per cell (seconds for a decade of history);
    this keeps the plain lists and answers ``data`` from them.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[object]] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        """Replace everything; cells are shown with ``str()`` when asked for."""
        self.beginResetModel()
        self._headers = [str(h) for h in headers]
        self._rows = [row if isinstance(row, list) else list(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self._rows[index.row()]
        return str(row[index.column()]) if index.column() < len(row) else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def cell(self, row: int, column: int) -> str:
        return str(self._rows[row][column])
