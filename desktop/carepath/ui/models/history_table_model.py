"""Every saved assessment, newest first: date, average level, how many skills were rated, note.

Two assessments on the same day show their time of day too, so their rows can be told apart.

"Not rated yet" skills are left out of the average (never counted as zero), so the count of rated
skills sits next to it: an average over three skills means something else than one over fifteen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment
from carepath.ui.models import format_date, format_datetime, format_number
from carepath.ui.models.base_table_model import Index, ReadOnlyTableModel

#: Characters of the note shown in the table; the whole note is in the tooltip.
NOTE_EXCERPT_LENGTH = 60


def excerpt(text: str, length: int = NOTE_EXCERPT_LENGTH) -> str:
    """The first line of ``text``, cut at a word boundary near ``length`` with an ellipsis."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    first = lines[0]
    if len(first) <= length and len(lines) == 1:
        return first
    if len(first) > length:
        cut = first[:length].rsplit(" ", 1)[0] or first[:length]
        return cut.rstrip(" ,;:.") + "…"
    return first + " …"


class HistoryTableModel(ReadOnlyTableModel):
    CONTEXT = "HistoryTableModel"
    COL_DATE = 0
    COL_AVERAGE = 1
    COL_RATED = 2
    COL_NOTE = 3
    COLUMN_COUNT = 4

    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryTableModel", "Date"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Average level"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Skills rated"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Note"),
    )

    #: The :class:`Assessment` of the row (any column).
    AssessmentRole = Qt.ItemDataRole.UserRole + 1
    #: A value that sorts the column (the moment, the average, the count, the note).
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Assessment] = []
        #: Days holding more than one assessment: their rows show the time of day as well.
        self._repeated_days: set[date] = set()

    # -- feeding ------------------------------------------------------------------------------
    def set_assessments(self, assessments: Sequence[Assessment]) -> None:
        """Show ``assessments`` newest first, whatever order they come in."""
        self.beginResetModel()
        self._rows = sorted(assessments, key=lambda a: a.taken_at, reverse=True)
        days = Counter(a.taken_at.date() for a in self._rows)
        self._repeated_days = {day for day, count in days.items() if count > 1}
        self.endResetModel()

    def assessment(self, row: int) -> Assessment:
        return self._rows[row]

    def row_of(self, assessment_id: str) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == assessment_id), -1)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._row_in_range(index):
            return None
        assessment = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(assessment, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(assessment, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.COL_AVERAGE, self.COL_RATED):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == self.AssessmentRole:
            return assessment
        if role == self.SortRole:
            return self._sort_key(assessment, column)
        return None

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _rated(assessment: Assessment) -> int:
        return sum(1 for skill in SKILL_IDS if skill in assessment.ratings)

    def _display(self, assessment: Assessment, column: int) -> str:
        if column == self.COL_DATE:
            if assessment.taken_at.date() in self._repeated_days:  # tell same-day ones apart
                return format_datetime(assessment.taken_at)
            return format_date(assessment.taken_at.date())
        if column == self.COL_AVERAGE:
            value = assessment.average
            return "—" if value is None else format_number(value, 1)
        if column == self.COL_RATED:
            return (
                QCoreApplication.translate("HistoryTableModel", "%1 of %2")
                .replace("%1", str(self._rated(assessment)))
                .replace("%2", str(len(SKILL_IDS)))
            )
        if column == self.COL_NOTE:
            return excerpt(assessment.note)
        return ""

    def _tooltip(self, assessment: Assessment, column: int) -> str | None:
        if column == self.COL_DATE:
            return format_datetime(assessment.taken_at)
        if column == self.COL_AVERAGE and assessment.average is None:
            return QCoreApplication.translate("HistoryTableModel", "No skill was rated.")
        if column == self.COL_AVERAGE:
            return QCoreApplication.translate(
                "HistoryTableModel", "Skills not rated yet are left out of the average."
            )
        if column == self.COL_NOTE and assessment.note:
            return assessment.note
        return None

    def _sort_key(self, assessment: Assessment, column: int) -> Any:
        if column == self.COL_DATE:
            return assessment.taken_at.timestamp()
        if column == self.COL_AVERAGE:
            value = assessment.average
            return -1.0 if value is None else value
        if column == self.COL_RATED:
            return self._rated(assessment)
        if column == self.COL_NOTE:
            return assessment.note.casefold()
        return None
