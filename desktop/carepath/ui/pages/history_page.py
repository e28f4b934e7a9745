"""History: every saved assessment, newest first; open one read-only, or delete it (with undo).

Deleting asks no confirmation because Ctrl+Z brings the assessment back exactly (same id, date,
ratings and notes); the page says so at once, in its info bar and in the window's status bar.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import SaveError
from carepath.core.models import Assessment
from carepath.ui.dialogs.assessment_view_dialog import AssessmentViewDialog
from carepath.ui.models import format_date
from carepath.ui.models.history_table_model import HistoryTableModel
from carepath.ui.pages._shared import (
    handle_table_keys,
    record_table,
    select_row,
    selected_row_data,
    sorting_proxy,
)
from carepath.ui.pages.base import Page
from carepath.ui.review_widgets import ReviewsTable
from carepath.ui.session import Session
from carepath.ui.undo import DeleteAssessmentCommand, push_command

#: How long the status bar shows the deletion message (the info bar stays until the next action).
STATUS_MESSAGE_MS = 10_000


class HistoryPage(Page):
    """The assessments table with Open and Delete; Enter or double-click opens."""

    title = QT_TRANSLATE_NOOP("Page", "History")
    icon_name = "document-open-recent"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.model = HistoryTableModel(self)
        self.proxy = sorting_proxy(self.model, HistoryTableModel.SortRole, self)
        self.table = record_table(
            self.proxy,
            self.tr("Saved assessments"),
            HistoryTableModel.COL_DATE,
            Qt.SortOrder.DescendingOrder,
            self,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        table_label = QLabel(self.tr("&Assessments, newest first:"), self)
        table_label.setBuddy(self.table)

        self.empty_label = QLabel(
            self.tr("No assessment yet. Rate your skills on the Assess page to start a history."),
            self,
        )
        self.empty_label.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Open…"), self)
        self.open_button.setAccessibleName(self.tr("Open the selected assessment"))
        self.open_button.setToolTip(
            self.tr("Show the assessment read-only (Enter or double-click)")
        )
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected assessment"))
        self.delete_button.setToolTip(self.tr("Delete the assessment (Delete key; Ctrl+Z undoes)"))
        self.delete_button.clicked.connect(self.delete_selected)

        # The info bar: what just happened, with an Undo button next to it.
        self.info_bar = QFrame(self)
        self.info_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.info_label = QLabel(self.info_bar)
        self.info_label.setAccessibleName(self.tr("Message"))
        self.undo_button = QPushButton(self.tr("&Undo"), self.info_bar)
        self.undo_button.setAccessibleName(self.tr("Undo the deletion"))
        self.undo_button.clicked.connect(self._undo)
        info_layout = QHBoxLayout(self.info_bar)
        info_layout.setContentsMargins(8, 4, 8, 4)
        info_layout.addWidget(self.info_label, 1)
        info_layout.addWidget(self.undo_button)
        self.info_bar.setVisible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.info_bar)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        self.reviews_table = ReviewsTable(self)
        layout.addWidget(self.reviews_table)

        QWidget.setTabOrder(self.open_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.table)
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._deleted_at_index = -1
        self._update_buttons()

    # -- Page -----------------------------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.undo_stack.indexChanged.disconnect(self._on_undo_index_changed)
        super().set_session(session)
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.info_bar.setVisible(False)

    def refresh(self) -> None:
        selected = self.selected_assessment()
        assessments = self.session.record().assessments
        self.model.set_assessments(assessments)
        self.reviews_table.show_record(self.session.record())
        count = len(assessments)
        self.empty_label.setVisible(count == 0)
        self.summary_label.setVisible(count > 0)
        if count:
            self.summary_label.setText(
                self.tr("Assessments saved: %1, from %2 to %3.")
                .replace("%1", str(count))
                .replace("%2", format_date(assessments[0].taken_at.date()))
                .replace("%3", format_date(assessments[-1].taken_at.date()))
            )
        else:
            self.summary_label.clear()
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self._select(selected.id)
        elif count:
            self._select_proxy_row(0)
        self._update_buttons()

    # -- selection ------------------------------------------------------------------------------
    def selected_assessment(self) -> Assessment | None:
        assessment = selected_row_data(self.table, HistoryTableModel.AssessmentRole)
        return assessment if isinstance(assessment, Assessment) else None

    def _select(self, assessment_id: str) -> None:
        row = self.model.row_of(assessment_id)
        if row >= 0:
            self._select_proxy_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _select_proxy_row(self, row: int) -> None:
        select_row(self.table, self.proxy.index(row, 0))

    def _update_buttons(self) -> None:
        has_one = self.selected_assessment() is not None
        self.open_button.setEnabled(has_one)
        self.delete_button.setEnabled(has_one)

    # -- actions --------------------------------------------------------------------------------
    def make_view_dialog(self, assessment: Assessment) -> AssessmentViewDialog:
        """The read-only dialog (a seam for tests)."""
        return AssessmentViewDialog(self.session.catalogue, assessment, self)

    def open_selected(self) -> None:
        assessment = self.selected_assessment()
        if assessment is not None:
            self.make_view_dialog(assessment).exec()

    def delete_selected(self) -> None:
        assessment = self.selected_assessment()
        if assessment is None:
            return
        row = self.table.currentIndex().row()
        try:
            push_command(self.session, DeleteAssessmentCommand(self.session, assessment.id))
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Not deleted"), str(error))
            return
        self._deleted_at_index = self.session.undo_stack.index()
        message = self.tr("Assessment of %1 deleted — Undo (Ctrl+Z)").replace(
            "%1", format_date(assessment.taken_at.date())
        )
        self.info_label.setText(message)
        self.info_bar.setVisible(True)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
        if self.proxy.rowCount():
            self._select_proxy_row(min(row, self.proxy.rowCount() - 1))

    # -- internals ------------------------------------------------------------------------------
    def _undo(self) -> None:
        self.session.undo_stack.undo()

    def _on_undo_index_changed(self, index: int) -> None:
        # The info bar offers to undo the deletion only while that is what Ctrl+Z would undo.
        if self.info_bar.isVisible() and index != self._deleted_at_index:
            self.info_bar.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and handle_table_keys(
            event, self.open_selected, self.delete_selected
        ):
            return True
        return super().eventFilter(watched, event)
