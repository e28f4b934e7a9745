"""The steps of the user's path as a read-only table: step, status, start, target, done, checklist.

The rows are the record's own path (current to target stage, ``core.career_path.record_path``),
numbered along it.

The Steps page edits the selected step beside the table; this model only shows the record. An
overdue step says so in words and with an icon in its target column, never by colour alone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from carepath.core.career_path import record_path
from carepath.core.catalogue import Catalogue, Step
from carepath.core.models import Record, StepProgress, StepStatus
from carepath.core.steps import checklist_done
from carepath.ui.models import format_date, step_status_name
from carepath.ui.models.base_table_model import Index, ReadOnlyTableModel, warning_icon


class StepsTableModel(ReadOnlyTableModel):
    CONTEXT = "StepsTableModel"
    COL_STEP = 0
    COL_STATUS = 1
    COL_START = 2
    COL_TARGET = 3
    COL_DONE = 4
    COL_CHECKLIST = 5
    COLUMN_COUNT = 6

    HEADERS = (
        QT_TRANSLATE_NOOP("StepsTableModel", "Step"),
        QT_TRANSLATE_NOOP("StepsTableModel", "Status"),
        QT_TRANSLATE_NOOP("StepsTableModel", "Start"),
        QT_TRANSLATE_NOOP("StepsTableModel", "Target"),
        QT_TRANSLATE_NOOP("StepsTableModel", "Done"),
        QT_TRANSLATE_NOOP("StepsTableModel", "Checklist"),
    )

    #: The step id of the row (any column).
    StepIdRole = Qt.ItemDataRole.UserRole + 1
    #: The :class:`StepProgress` of the row (any column).
    ProgressRole = Qt.ItemDataRole.UserRole + 2
    #: True when the step is past its target date and not done.
    OverdueRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._rows: list[tuple[Step, StepProgress]] = []
        self._today = date.today()

    def set_record(self, record: Record, catalogue: Catalogue, today: date) -> None:
        self.beginResetModel()
        self._catalogue = catalogue
        self._rows = [(step, record.step(step.id)) for step in record_path(record, catalogue)]
        self._today = today
        self.endResetModel()

    def step_id(self, row: int) -> str:
        return self._rows[row][0].id

    def row_of(self, step_id: str) -> int:
        return next((i for i, (s, _) in enumerate(self._rows) if s.id == step_id), -1)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._row_in_range(index):
            return None
        step, progress = self._rows[index.row()]
        column = index.column()
        overdue = progress.is_overdue(self._today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(step, progress, column, overdue)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_STEP:  # the whole title, which a narrow column elides
                return f"{step.number}. {step.title}\n\n{step.summary}"
            if column == self.COL_TARGET and overdue:
                return QCoreApplication.translate(
                    "StepsTableModel",
                    "Overdue: the target date has passed and the step is not done yet.",
                )
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.COL_TARGET and overdue:
                return warning_icon()
            return None
        if role == self.StepIdRole:
            return step.id
        if role == self.ProgressRole:
            return progress
        if role == self.OverdueRole:
            return overdue
        return None

    def _display(self, step: Step, progress: StepProgress, column: int, overdue: bool) -> str:
        if column == self.COL_STEP:
            return f"{step.number}. {step.title}"
        if column == self.COL_STATUS:
            return step_status_name(progress.status)
        if column == self.COL_START:
            return format_date(progress.start_date)
        if column == self.COL_TARGET:
            text = format_date(progress.target_date)
            if overdue:
                overdue_text = QCoreApplication.translate("StepsTableModel", "overdue")
                return f"{text} — {overdue_text}"
            return text
        if column == self.COL_DONE:
            return format_date(progress.done_date) if progress.status is StepStatus.DONE else ""
        if column == self.COL_CHECKLIST:
            ticked, total = checklist_done(progress, step)
            if not total:
                return ""
            return (
                QCoreApplication.translate("StepsTableModel", "%1 of %2")
                .replace("%1", str(ticked))
                .replace("%2", str(total))
            )
        return ""
