"""Qt item models over the record (one per file) and the small display helpers they share.

The helpers turn core values into the words a user reads: translated status names and dates in a
format that cannot be misread (``26 Nov 2026`` rather than ``11/26/26``), month names in the
user's language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from carepath.core.models import GoalStatus, StepStatus

#: Day, abbreviated month, year: unambiguous in every locale; QLocale translates the month.
DATE_FORMAT = "d MMM yyyy"

STEP_STATUS_NAMES: dict[StepStatus, str] = {
    StepStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Status", "Not started"),
    StepStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
    StepStatus.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
}

GOAL_STATUS_NAMES: dict[GoalStatus, str] = {
    GoalStatus.PLANNED: QT_TRANSLATE_NOOP("Status", "Planned"),
    GoalStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
    GoalStatus.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
    GoalStatus.DROPPED: QT_TRANSLATE_NOOP("Status", "Dropped"),
}

#: Shown next to anything past its date, so "overdue" is never told by colour alone.
OVERDUE_MARK = "⚠"


def translated(context: str, text: str) -> str:
    """Translate a constant marked with ``QT_TRANSLATE_NOOP(context, ...)``.

    (Not named ``tr``: lupdate would read every call as a new source text.)
    """
    return QCoreApplication.translate(context, text)


#: The old name, kept for callers outside this package.
tr = translated


def step_status_name(status: StepStatus) -> str:
    return translated("Status", STEP_STATUS_NAMES[status])


def goal_status_name(status: GoalStatus) -> str:
    return translated("Status", GOAL_STATUS_NAMES[status])


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def format_date(value: date | None, empty: str = "") -> str:
    """A date as the user reads it (``26 Nov 2026``); ``empty`` when there is none."""
    if value is None:
        return empty
    return QLocale().toString(to_qdate(value), DATE_FORMAT)


def format_datetime(value: datetime) -> str:
    """Date and time of day, e.g. ``26 Nov 2026, 19:05``."""
    time_text = QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(value.date())}, {time_text}"


def month_abbreviations() -> list[str]:
    """The twelve short month names of the interface language, for chart date axes."""
    locale = QLocale()
    return [locale.monthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13)]


def format_number(value: float, decimals: int = 1) -> str:
    """A number with the locale's decimal separator (``2.6`` / ``2,6``)."""
    return QLocale().toString(float(value), "f", decimals)
