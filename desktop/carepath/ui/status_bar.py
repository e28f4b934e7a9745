"""The window's status bar: which file is open, when the next reassessment is due, and the time
of the last save made in this window."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

if TYPE_CHECKING:
    from carepath.ui.session import Session


class RecordStatusBar(QStatusBar):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.path_label = QLabel(self)  # selectable once there is a path (``make_selectable``)
        self.saved_label = QLabel(self)
        self.due_label = QLabel(self)
        self.addWidget(self.path_label, 1)
        self.addPermanentWidget(self.due_label)
        self.addPermanentWidget(self.saved_label)
        self._saved_at: datetime | None = None

    def make_selectable(self) -> None:
        from PySide6.QtCore import Qt  # not before the first paint (see ``main_window``)

        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_record(self, session: Session) -> None:
        """The file (or the sample) and the next reassessment, as the record now stands."""
        from carepath.ui.models import format_date

        if session.is_sample:
            self.path_label.setText(
                QCoreApplication.translate("MainWindow", "Sample data (temporary, not your record)")
            )
        else:
            where = QCoreApplication.translate("MainWindow", "Data file: %1")
            self.path_label.setText(where.replace("%1", str(session.path)))
        due = session.record().next_reassessment()
        if due is None:
            self.due_label.setText(QCoreApplication.translate("MainWindow", "No assessment yet"))
        elif due < date.today():
            overdue = QCoreApplication.translate("MainWindow", "Reassessment overdue since %1")
            self.due_label.setText(overdue.replace("%1", format_date(due)))
        else:
            upcoming = QCoreApplication.translate("MainWindow", "Next reassessment %1")
            self.due_label.setText(upcoming.replace("%1", format_date(due)))

    def show_saved(self, when: datetime | None) -> None:
        """ "Saved hh:mm" after a save in this window; nothing for a file just opened (its own
        timestamp says when some earlier run saved it, not that anything was saved now)."""
        from PySide6.QtCore import QLocale, QTime

        self._saved_at = when
        if when is None:
            self.saved_label.clear()
            return
        time_text = QLocale().toString(QTime(when.hour, when.minute), "HH:mm")
        saved = QCoreApplication.translate("MainWindow", "Saved %1")
        self.saved_label.setText(saved.replace("%1", time_text))

    def retranslate(self, session: Session | None) -> None:
        if session is not None:
            self.show_record(session)
        self.show_saved(self._saved_at)
