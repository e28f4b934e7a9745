"""Pieces the record-table pages (Plan, History) share: the sorted read-only table, its selection
and its keys (Enter opens or edits the selected row, Delete deletes it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)


class SortArrowHeader(QHeaderView):
    """A horizontal header whose sort arrow points the way people read it: ▲ ascending,
    ▼ descending.

    Qt hands the style "SortDown" for an ascending sort (the convention of old Windows list
    views), so Fusion drew ▲ over History's "newest first" column, which reads as oldest first.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        if option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        elif option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp


def sorting_proxy(
    model: QAbstractItemModel, sort_role: int, parent: QObject
) -> QSortFilterProxyModel:
    """A proxy over ``model`` that sorts by ``sort_role``."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    return proxy


def record_table(
    proxy: QSortFilterProxyModel,
    accessible_name: str,
    sort_column: int,
    sort_order: Qt.SortOrder,
    parent: QWidget,
) -> QTableView:
    """A read-only, sortable table that selects one whole row at a time; Tab leaves it."""
    table = QTableView(parent)
    header = SortArrowHeader(table)
    header.setSectionsClickable(True)
    header.setHighlightSections(True)
    table.setHorizontalHeader(header)
    table.setModel(proxy)
    table.setAccessibleName(accessible_name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, sort_order)
    table.verticalHeader().setVisible(False)
    return table


def selected_row_data(table: QTableView, role: int) -> Any:
    """``role`` of the current row when that row is selected, else None."""
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isRowSelected(index.row(), QModelIndex()):
        return None
    return index.data(role)


def select_row(table: QTableView, index: QModelIndex) -> None:
    """Make the row of ``index`` (a proxy index) current and its only selection."""
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def handle_table_keys(
    event: QEvent, on_enter: Callable[[], None], on_delete: Callable[[], None]
) -> bool:
    """Enter or Return calls ``on_enter``, Delete ``on_delete``; True when the key was handled."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    assert isinstance(event, QKeyEvent)
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        on_enter()
        return True
    if event.key() == Qt.Key.Key_Delete:
        on_delete()
        return True
    return False
