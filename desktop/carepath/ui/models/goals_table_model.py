"""The goals of the plan as a read-only table: skill, goal, actions, due date, status.

Edits go through the Plan page's dialog and undo commands; this model only shows the record. Each
overdue goal says so in words and with an icon, never by colour alone, and explains it in a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from carepath.core.catalogue import Catalogue
from carepath.core.models import Goal, GoalStatus
from carepath.ui.models import format_date, goal_status_name
from carepath.ui.models.base_table_model import Index, ReadOnlyTableModel, warning_icon

#: The order statuses sort in: what is still to do first.
_STATUS_ORDER = {
    GoalStatus.IN_PROGRESS: 0,
    GoalStatus.PLANNED: 1,
    GoalStatus.DONE: 2,
    GoalStatus.DROPPED: 3,
}


class GoalsTableModel(ReadOnlyTableModel):
    CONTEXT = "GoalsTableModel"
    COL_SKILL = 0
    COL_TITLE = 1
    COL_ACTIONS = 2
    COL_DUE = 3
    COL_STATUS = 4
    COLUMN_COUNT = 5

    HEADERS = (
        QT_TRANSLATE_NOOP("GoalsTableModel", "Skill"),
        QT_TRANSLATE_NOOP("GoalsTableModel", "Goal"),
        QT_TRANSLATE_NOOP("GoalsTableModel", "Actions"),
        QT_TRANSLATE_NOOP("GoalsTableModel", "Due date"),
        QT_TRANSLATE_NOOP("GoalsTableModel", "Status"),
    )

    #: The :class:`Goal` of the row (any column).
    GoalRole = Qt.ItemDataRole.UserRole + 1
    #: A value that sorts the column sensibly (dates as dates, statuses by what is left to do).
    SortRole = Qt.ItemDataRole.UserRole + 2
    #: True when the goal is past its due date and still open.
    OverdueRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._rows: list[Goal] = []
        self._today = date.today()

    # -- feeding ------------------------------------------------------------------------------
    def set_goals(self, goals: Sequence[Goal], today: date) -> None:
        self.beginResetModel()
        self._rows = list(goals)
        self._today = today
        self.endResetModel()

    def set_catalogue(self, catalogue: Catalogue) -> None:
        self.beginResetModel()
        self._catalogue = catalogue
        self.endResetModel()

    def catalogue(self) -> Catalogue:
        return self._catalogue

    def goal(self, row: int) -> Goal:
        return self._rows[row]

    def goals(self) -> list[Goal]:
        return list(self._rows)

    def row_of(self, goal_id: str) -> int:
        """The row showing the goal with this id, or -1."""
        return next((i for i, g in enumerate(self._rows) if g.id == goal_id), -1)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._row_in_range(index):
            return None
        goal = self._rows[index.row()]
        column = index.column()
        overdue = goal.is_overdue(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(goal, column, overdue)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(goal, column, overdue)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(goal, column, overdue)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_DUE and overdue:
            return warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == self.GoalRole:
            return goal
        if role == self.OverdueRole:
            return overdue
        if role == self.SortRole:
            return self._sort_key(goal, column)
        return None

    # -- helpers --------------------------------------------------------------------------------
    def _skill_name(self, goal: Goal) -> str:
        try:
            return self._catalogue.skill(goal.skill).name
        except KeyError:
            return goal.skill

    def _display(self, goal: Goal, column: int, overdue: bool) -> str:
        if column == self.COL_SKILL:
            return self._skill_name(goal)
        if column == self.COL_TITLE:
            return goal.title
        if column == self.COL_ACTIONS:
            lines = [line.strip() for line in goal.actions.splitlines() if line.strip()]
            if len(lines) > 1:
                # self.tr, not QCoreApplication.translate: only tr's plural form is found by
                # every lupdate (6.11's misses translate(..., n)).
                more = self.tr("(+%n more)", "", len(lines) - 1)
                return f"{lines[0]} {more}"
            return lines[0] if lines else ""
        if column == self.COL_DUE:
            text = format_date(
                goal.due_date, QCoreApplication.translate("GoalsTableModel", "No date")
            )
            if overdue:
                overdue_text = QCoreApplication.translate("GoalsTableModel", "overdue")
                return f"{text} — {overdue_text}"
            return text
        if column == self.COL_STATUS:
            return goal_status_name(goal.status)
        return ""

    def _tooltip(self, goal: Goal, column: int, overdue: bool) -> str | None:
        if column == self.COL_DUE and overdue:
            return QCoreApplication.translate(
                "GoalsTableModel",
                "Overdue: the due date has passed and the goal is not done yet. "
                "Set a new date or mark it done.",
            )
        if column == self.COL_ACTIONS and goal.actions:
            return goal.actions
        if column == self.COL_TITLE and goal.resources:
            resources = QCoreApplication.translate("GoalsTableModel", "Resources:")
            return f"{goal.title}\n{resources} {goal.resources}"
        if column == self.COL_TITLE:
            return goal.title
        return None

    def _sort_key(self, goal: Goal, column: int) -> Any:
        if column == self.COL_SKILL:
            return self._skill_name(goal).casefold()
        if column == self.COL_TITLE:
            return goal.title.casefold()
        if column == self.COL_ACTIONS:
            return goal.actions.casefold()
        if column == self.COL_DUE:
            # Undated goals sort last; ISO text sorts like the date.
            return goal.due_date.isoformat() if goal.due_date else "9999-12-31"
        if column == self.COL_STATUS:
            return _STATUS_ORDER[goal.status]
        return None
