"""One person of the team, read-only: their own Overview page over an in-memory record.

The Overview page reads ``session.record()`` and ``session.catalogue`` and nothing else, so a
small read-only stand-in for the Session serves it: it holds the record parsed from the person's
file and has no store and no write methods, so nothing here can reach the manager's own data
file or the shared file. The buttons that lead to editing are hidden.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from carepath.core.catalogue import Catalogue
from carepath.core.models import Record
from carepath.core.team import Member
from carepath.ui.models import format_date


class ReadOnlySession(QObject):
    """What a page needs of a Session to draw a record; it cannot write anything."""

    record_changed = Signal()
    is_sample = False

    def __init__(self, record: Record, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._record = record
        self.catalogue = catalogue

    def record(self) -> Record:
        return self._record


class MemberOverviewDialog(QDialog):
    def __init__(
        self, record: Record, catalogue: Catalogue, member: Member, parent: QWidget | None = None
    ) -> None:
        from carepath.ui.pages.overview_page import OverviewPage

        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 — overview (read-only)").replace("%1", member.name))
        self.session = ReadOnlySession(record, catalogue, self)
        source = QLabel(
            self.tr("Read-only, from %1 (exported %2). Nothing here is saved.")
            .replace("%1", member.file)
            .replace(
                "%2", format_date(member.exported_at.date() if member.exported_at else None, "—")
            ),
            self,
        )
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        self.page = OverviewPage(self.session, self)  # type: ignore[arg-type]  # a read-only Session
        # A shared name is someone else's text: never read as markup here.
        for label in self.page.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        for name in ("assess_button", "start_button"):
            button: Any = getattr(self.page, name, None)
            if button is not None:
                button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self.resize(980, 720)
