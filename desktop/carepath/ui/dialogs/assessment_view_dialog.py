"""One saved assessment, read-only: every skill with its level name and the evidence note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import Catalogue
from carepath.core.models import Assessment
from carepath.ui.models import format_datetime, format_number


class AssessmentViewDialog(QDialog):
    """Shows an assessment as it was saved; nothing here can change it."""

    COL_SKILL = 0
    COL_LEVEL = 1
    COL_EVIDENCE = 2

    def __init__(
        self, catalogue: Catalogue, assessment: Assessment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        when = format_datetime(assessment.taken_at)
        self.setWindowTitle(self.tr("Assessment of %1").replace("%1", when))
        self.resize(820, 620)

        heading = QLabel(self.tr("Assessment of %1").replace("%1", when), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        value = assessment.average
        rated = len([s for s in catalogue.skills if s.id in assessment.ratings])
        if value is None:
            summary_text = self.tr("No skill was rated.")
        else:
            summary_text = (
                self.tr("Average level %1 over %2 of %3 rated skills.")
                .replace("%1", format_number(value, 1))
                .replace("%2", str(rated))
                .replace("%3", str(len(catalogue.skills)))
            )
        self.summary_label = QLabel(summary_text, self)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if assessment.note:
            self.note_label.setText(self.tr("Note: %1").replace("%1", assessment.note))
        self.note_label.setVisible(bool(assessment.note))

        self.table = QTableWidget(len(catalogue.skills), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Skill"), self.tr("Level"), self.tr("Evidence")]
        )
        self.table.setAccessibleName(self.tr("Ratings and evidence"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_SKILL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_EVIDENCE, QHeaderView.ResizeMode.Stretch)
        not_rated = self.tr("Not rated yet")
        for row, skill in enumerate(catalogue.skills):
            level = assessment.ratings.get(skill.id)
            level_text = (
                f"{level} {catalogue.level(level).name}" if level is not None else not_rated
            )
            cells = (skill.name, level_text, assessment.notes.get(skill.id, ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == self.COL_LEVEL and level is not None:
                    item.setToolTip(catalogue.skill(skill.id).descriptor(level))
                elif column == self.COL_EVIDENCE and text:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        # Evidence wraps to the column's width, which is known only once the dialog is laid out.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()
