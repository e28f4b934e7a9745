"""The review parts the pages show: a reviewer's view of one skill (Assess), where you and your
reviewers differ (Overview), and the list of reviews (History).

Each is one small widget fed from ``core.review``, so a page gains a review part with one line to
build it and one to refresh it. Reviews are shown beside the self-assessment, never mixed into it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import SKILL_IDS, Catalogue
from carepath.core.review import Review, differences, latest_review, latest_review_of
from carepath.ui.models import format_date

if TYPE_CHECKING:
    from carepath.core.models import Record


_CONTEXT = "Reviews"


def _tr(text: str) -> str:
    """The translation of a QT_TRANSLATE_NOOP("Reviews", ...) constant."""
    return QCoreApplication.translate(_CONTEXT, text)


def relationship_name(relationship: str) -> str:
    names = {
        "mentor": QCoreApplication.translate("Reviews", "mentor"),
        "supervisor": QCoreApplication.translate("Reviews", "supervisor"),
        "peer": QCoreApplication.translate("Reviews", "peer"),
        "other": QCoreApplication.translate("Reviews", "other"),
    }
    return names.get(relationship, relationship)


def reviewer_line(review: Review) -> str:
    """``Ada Okafor (mentor), 20 Nov 2026``."""
    return (
        QCoreApplication.translate("Reviews", "%1 (%2), %3")
        .replace("%1", review.reviewer or QCoreApplication.translate("Reviews", "A reviewer"))
        .replace("%2", relationship_name(review.relationship))
        .replace("%3", format_date(review.reviewed_at.date()))
    )


def review_values(review: Review) -> list[float | None]:
    """The reviewer's levels in spoke order; None where not rated or not observed."""
    return [float(review.ratings[s]) if s in review.ratings else None for s in SKILL_IDS]


def level_text(catalogue: Catalogue, review: Review, skill: str) -> str:
    if skill in review.ratings:
        level = review.ratings[skill]
        return f"{level} {catalogue.level(level).name}"
    if skill in review.not_observed:
        return QCoreApplication.translate("Reviews", "Not observed")
    return QCoreApplication.translate("Reviews", "Not answered")


class ReviewerView(QGroupBox):
    """Assess: the latest reviewer's level and comment for the selected skill (hidden if none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Reviews", "Your reviewer's view"), parent)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.level = QLabel(self)
        self.level.setWordWrap(True)
        self.level.setTextFormat(Qt.TextFormat.PlainText)
        font = self.level.font()
        font.setBold(True)
        self.level.setFont(font)
        self.comment = QLabel(self)
        self.comment.setWordWrap(True)
        self.comment.setTextFormat(Qt.TextFormat.PlainText)  # a reviewer's text is never markup
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.level)
        layout.addWidget(self.comment)
        self.setVisible(False)

    def show_skill(self, record: Record, catalogue: Catalogue, skill: str) -> None:
        review = latest_review_of(record.reviews, skill)
        self.setVisible(review is not None)
        if review is None:
            return
        self.who.setText(reviewer_line(review))
        self.level.setText(level_text(catalogue, review, skill))
        comment = review.comments.get(skill, "")
        self.comment.setText(comment[:2000] + ("…" if len(comment) > 2000 else ""))
        self.comment.setVisible(bool(comment))
        self.setAccessibleDescription(
            f"{self.who.text()}: {self.level.text()}. {self.comment.text()}"
        )


class DifferencesBox(QGroupBox):
    """Overview: skills where the latest review and the latest self-assessment differ by a level
    or more, in both directions (hidden until a review exists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Reviews", "Where you and your reviewers differ"), parent
        )
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setAccessibleName(
            QCoreApplication.translate("Reviews", "Where you and your reviewers differ")
        )
        self.list.setWordWrap(True)
        lines = self.list.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(lines * 3 + 12)
        self.list.setMaximumHeight(lines * 8 + 12)
        self.show_on_chart = QCheckBox(
            QCoreApplication.translate("Reviews", "Show the latest review on the chart"), self
        )
        self.show_on_chart.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.list)
        layout.addWidget(self.show_on_chart)
        self.setVisible(False)

    def show_record(self, record: Record, catalogue: Catalogue) -> None:
        review = latest_review(record.reviews)
        latest = record.latest
        self.setVisible(review is not None and latest is not None)
        if review is None or latest is None:
            return
        self.who.setText(
            QCoreApplication.translate("Reviews", "Latest review: %1").replace(
                "%1", reviewer_line(review)
            )
        )
        self.list.clear()
        higher, lower = differences(latest.ratings, review)
        for difference in higher:
            self.list.addItem(
                QCoreApplication.translate("Reviews", "▲ %1: your reviewer sees %2, you see %3")
                .replace("%1", catalogue.skill(difference.skill).name)
                .replace("%2", f"{difference.reviewer} {catalogue.level(difference.reviewer).name}")
                .replace("%3", f"{difference.own} {catalogue.level(difference.own).name}")
            )
        for difference in lower:
            self.list.addItem(
                QCoreApplication.translate("Reviews", "▼ %1: your reviewer sees %2, you see %3")
                .replace("%1", catalogue.skill(difference.skill).name)
                .replace("%2", f"{difference.reviewer} {catalogue.level(difference.reviewer).name}")
                .replace("%3", f"{difference.own} {catalogue.level(difference.own).name}")
            )
        if not higher and not lower:
            self.list.addItem(
                QCoreApplication.translate(
                    "Reviews", "No skill differs by a level or more: you see it alike."
                )
            )


class ReviewsTable(QGroupBox):
    """History: every imported review, newest first, apart from the self-assessments."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("Reviews", "Date"),
        QT_TRANSLATE_NOOP("Reviews", "Reviewer"),
        QT_TRANSLATE_NOOP("Reviews", "Relationship"),
        QT_TRANSLATE_NOOP("Reviews", "Skills rated"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Reviews", "Reviews from others"), parent)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(QCoreApplication.translate("Reviews", "Reviews from others"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        lines = self.table.fontMetrics().lineSpacing()
        self.table.setMaximumHeight(lines * 8 + 40)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.setVisible(False)

    def show_record(self, record: Record) -> None:
        reviews = list(reversed(record.reviews))
        self.setVisible(bool(reviews))
        self.table.setRowCount(len(reviews))
        for row, review in enumerate(reviews):
            cells = (
                format_date(review.reviewed_at.date()),
                review.reviewer,
                relationship_name(review.relationship),
                QCoreApplication.translate("Reviews", "%1 of %2 (%3 not observed)")
                .replace("%1", str(len(review.ratings)))
                .replace("%2", str(len(SKILL_IDS)))
                .replace("%3", str(len(review.not_observed))),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
