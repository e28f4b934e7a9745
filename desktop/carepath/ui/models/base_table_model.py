"""The read-only table model the record tables share: counts, headers, flags and the row guard.

Subclasses keep their own column constants, custom roles and ``HEADERS`` (marked with
``QT_TRANSLATE_NOOP`` in their own context, which lupdate reads); ``CONTEXT`` names that context
so the headers are translated at display time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from carepath.ui.models import translated

Index = QModelIndex | QPersistentModelIndex


def warning_icon() -> QIcon:
    """The icon that marks an overdue date next to the word, never instead of it."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat, selectable, read-only table whose rows live in ``self._rows``."""

    #: The translation context of ``HEADERS`` (the one their ``QT_TRANSLATE_NOOP`` names).
    CONTEXT = ""
    COLUMN_COUNT = 0
    HEADERS: tuple[str, ...] = ()

    _rows: list[Any]

    def _row_in_range(self, index: Index) -> bool:
        """True when ``index`` is valid and points at one of the rows."""
        return index.isValid() and 0 <= index.row() < len(self._rows)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLUMN_COUNT
        ):
            return translated(self.CONTEXT, self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
