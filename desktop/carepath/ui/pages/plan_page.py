"""Plan: goals tied to skills — what, by when, how — with add, edit, delete and suggestions.

Every change is undoable (Ctrl+Z) through ``session.undo_stack``; "Suggest goals for my largest
gaps" adds its goals as one undo step. The proposals themselves come from
:func:`carepath.core.plan.suggest_goals`.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import SaveError
from carepath.core.models import Goal
from carepath.core.plan import suggest_goals
from carepath.ui.dialogs.goal_dialog import GoalDialog
from carepath.ui.models import format_date, goal_status_name
from carepath.ui.models.goals_table_model import GoalsTableModel
from carepath.ui.pages._shared import (
    handle_table_keys,
    record_table,
    select_row,
    selected_row_data,
    sorting_proxy,
)
from carepath.ui.pages.base import Page
from carepath.ui.session import Session
from carepath.ui.undo import DeleteGoalCommand, SaveGoalCommand, SessionCommand, push_command


class PlanPage(Page):
    """The goals table with its buttons; Enter or double-click edits, Delete deletes."""

    title = QT_TRANSLATE_NOOP("Page", "Plan")
    icon_name = "view-task"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        #: Today's date; tests replace it to get a fixed "today".
        self.today: Callable[[], date] = date.today
        #: The undo stack's index when the message was said: it goes once that index changes.
        self._said_at_index = -1

        self._build_table(session)
        self._build_buttons()
        self._build_message()
        self._build_detail()
        self._lay_out()
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._update_buttons()

    # -- construction -----------------------------------------------------------------------------
    def _build_table(self, session: Session) -> None:
        self.model = GoalsTableModel(session.catalogue, self)
        self.proxy = sorting_proxy(self.model, GoalsTableModel.SortRole, self)
        self.table = record_table(
            self.proxy, self.tr("Goals"), GoalsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder, self
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # No column narrower than about fourteen letters: a narrow window scrolls the table sideways
        # rather than squeezing the goal to a letter a line.
        header.setMinimumSectionSize(header.fontMetrics().averageCharWidth() * 14)
        header.setSectionResizeMode(GoalsTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GoalsTableModel.COL_ACTIONS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            GoalsTableModel.COL_DUE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            GoalsTableModel.COL_STATUS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build_buttons(self) -> None:
        self.add_button = QPushButton(self.tr("&Add goal…"), self)
        self.add_button.setAccessibleName(self.tr("Add goal"))
        self.add_button.clicked.connect(self.add_goal)
        self.edit_button = QPushButton(self.tr("Ed&it goal…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit goal"))
        self.edit_button.setToolTip(self.tr("Edit the selected goal (Enter or double-click)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete goal"), self)
        self.delete_button.setAccessibleName(self.tr("Delete goal"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected goal (Delete key; Ctrl+Z undoes)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.suggest_button = QPushButton(self.tr("&Suggest goals for my largest gaps"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest goals for my largest gaps"))
        self.suggest_button.setToolTip(
            self.tr(
                "Propose up to three goals for the skills furthest below your target stage, "
                "from each skill's development actions. Skills with an open goal are skipped."
            )
        )
        self.suggest_button.clicked.connect(self.suggest)

    def _build_message(self) -> None:
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setVisible(False)
        self.empty_label = QLabel(
            self.tr("No goals yet. Add one, or let CarePath suggest goals for your largest gaps."),
            self,
        )
        self.empty_label.setWordWrap(True)

    def _build_detail(self) -> None:
        """The whole of the selected goal: the table shows only the first line of the actions."""
        self.detail_box = QGroupBox(self.tr("Selected goal"), self)
        self.detail_label = QLabel(self.detail_box)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setAccessibleName(self.tr("Selected goal"))
        detail_scroll = QScrollArea(self.detail_box)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the selected goal"))
        detail_scroll.setWidget(self.detail_label)
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(detail_scroll)

    def _lay_out(self) -> None:
        """Intro, the suggestion, the edit buttons, messages, the table and the selected goal.

        The suggestion has a row of its own: beside the three edit buttons it made the page
        wider than an 800-pixel window at a larger font size.
        """
        intro = QLabel(
            self.tr(
                "Goals tied to your skills: what you will do, by when and how. Every change can "
                "be undone with Ctrl+Z."
            ),
            self,
        )
        intro.setWordWrap(True)
        table_label = QLabel(self.tr("&Goals:"), self)
        table_label.setBuddy(self.table)

        suggest_row = QHBoxLayout()
        suggest_row.addWidget(self.suggest_button)
        suggest_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(suggest_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(table_label)
        # The handle between the table and the selected goal gives either more room.
        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self.table)
        self._splitter.addWidget(self.detail_box)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        layout.addWidget(self._splitter, 1)

        QWidget.setTabOrder(self.suggest_button, self.add_button)
        QWidget.setTabOrder(self.add_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.table)

    def set_session(self, session: Session) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.undo_stack.indexChanged.disconnect(self._on_undo_index_changed)
        super().set_session(session)
        session.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.message_label.setVisible(False)

    # -- Page -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_goal()
        record = self.session.record()
        if self.model.catalogue() is not self.session.catalogue:
            self.model.set_catalogue(self.session.catalogue)
        self.model.set_goals(record.goals, self.today())
        self._fit_columns()
        self.empty_label.setVisible(not record.goals)
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self._select_goal(selected.id)
        elif record.goals:
            self._select_goal(self.proxy.index(0, 0).data(GoalsTableModel.GoalRole).id)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """The skill column as wide as its names, but at most a quarter of the table: in a
        narrow window a long skill name wraps rather than squeezing the goal to a word a line."""
        column = GoalsTableModel.COL_SKILL
        self.table.resizeColumnToContents(column)
        widest = self.table.viewport().width() // 4
        if widest > 0 and self.table.columnWidth(column) > widest:
            self.table.setColumnWidth(column, widest)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.was_refreshed():
            self._fit_columns()

    # -- selection --------------------------------------------------------------------------------
    def selected_goal(self) -> Goal | None:
        goal = selected_row_data(self.table, GoalsTableModel.GoalRole)
        return goal if isinstance(goal, Goal) else None

    def _select_goal(self, goal_id: str) -> None:
        row = self.model.row_of(goal_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        select_row(self.table, index)
        self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        goal = self.selected_goal()
        self.edit_button.setEnabled(goal is not None)
        self.delete_button.setEnabled(goal is not None)
        self.detail_box.setVisible(goal is not None)
        if goal is not None:
            self.detail_label.setText(self._describe(goal))

    def _describe(self, goal: Goal) -> str:
        """The goal in full, as escaped rich text (user text is data, never markup)."""
        try:
            skill = self.session.catalogue.skill(goal.skill).name
        except KeyError:
            skill = goal.skill
        due = format_date(goal.due_date, self.tr("no due date"))
        facts = (
            self.tr("Skill: %1 · Due: %2 · Status: %3")
            .replace("%1", skill)
            .replace("%2", due)
            .replace("%3", goal_status_name(goal.status))
        )
        if goal.is_overdue(self.today()):
            facts += " · ⚠ " + self.tr("overdue")
        parts = [f"<p><b>{html.escape(goal.title)}</b><br>{html.escape(facts)}</p>"]
        for heading, text in (
            (self.tr("Actions"), goal.actions),
            (self.tr("Resources"), goal.resources),
        ):
            if text.strip():
                body = "<br>".join(html.escape(line) for line in text.strip().splitlines())
                parts.append(f"<p><b>{html.escape(heading)}</b><br>{body}</p>")
        return "".join(parts)

    # -- actions --------------------------------------------------------------------------------
    def make_dialog(self, goal: Goal | None) -> GoalDialog:
        """The add/edit dialog (a seam for tests, which fill it in without showing it)."""
        return GoalDialog(self.session.catalogue, goal, self, today=self.today)

    def add_goal(self) -> None:
        dialog = self.make_dialog(None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        goal = dialog.goal()
        if self._push(SaveGoalCommand(self.session, goal, None)):
            self._select_goal(goal.id)
            self._say(self.tr("Goal added."))

    def edit_selected(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        dialog = self.make_dialog(goal)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        edited = dialog.goal()
        if edited == goal:
            return
        if self._push(SaveGoalCommand(self.session, edited, goal)):
            self._select_goal(edited.id)
            self._say(self.tr("Goal saved."))

    def delete_selected(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        row = self.table.currentIndex().row()
        if self._push(DeleteGoalCommand(self.session, goal.id)):
            self._say(self.tr("Goal “%1” deleted — Undo (Ctrl+Z)").replace("%1", goal.title))
            if self.proxy.rowCount():
                next_row = min(row, self.proxy.rowCount() - 1)
                select_row(self.table, self.proxy.index(next_row, 0))

    def suggest(self) -> None:
        """Add goals for the largest gaps, all in one undo step."""
        record = self.session.record()
        latest = record.latest
        if latest is None or not latest.ratings:
            self._say(
                self.tr(
                    "There is no assessment yet: rate your skills first, then CarePath can "
                    "suggest goals for your largest gaps."
                )
            )
            return
        catalogue = self.session.catalogue
        stage = catalogue.stage(record.profile.target_stage)
        proposals = suggest_goals(
            latest.ratings, stage, catalogue, record.goals, today=self.today()
        )
        if not proposals:
            self._say(
                self.tr(
                    "No new suggestions: every skill below your target stage already has an open "
                    "goal, or you have reached the target everywhere you rated."
                )
            )
            return
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Suggest goals"))
        added = 0
        try:
            for goal in proposals:
                if not self._push(SaveGoalCommand(self.session, goal, None)):
                    break
                added += 1
        finally:
            stack.endMacro()
        if added:
            self._select_goal(proposals[0].id)
            self._say(
                self.tr(
                    "Goals suggested for your largest gaps: %1. Edit them to make them yours; "
                    "Undo (Ctrl+Z) removes them all."
                ).replace("%1", str(added))
            )

    # -- internals ------------------------------------------------------------------------------
    def _push(self, command: SessionCommand) -> bool:
        try:
            push_command(self.session, command)
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return False
        return True

    def _say(self, text: str) -> None:
        """Say what just happened, until the record moves on (an undo, a redo, another edit)."""
        self.message_label.setText(text)
        self.message_label.setVisible(True)
        self._said_at_index = self.session.undo_stack.index()

    def _on_undo_index_changed(self, index: int) -> None:
        if index != self._said_at_index:
            self.message_label.setVisible(False)

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and handle_table_keys(
            event, self.edit_selected, self.delete_selected
        ):
            return True
        return super().eventFilter(watched, event)
