"""Steps: the steps of the user's path, each with status, dates, note and checklist, and a timeline.

Every change is written at once through an undoable command (Ctrl+Z takes it back), so the page
never holds unsaved work for long: only a note being typed, which is saved when typing pauses or
the field loses focus. The rules (proposed dates, the projected finish, what "done" fills in) live
in :mod:`carepath.core.steps`; this page only shows them and forwards the user's edits.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carepath.core import steps as step_rules
from carepath.core.career_path import record_path, record_stages, steps_behind
from carepath.core.catalogue import Step
from carepath.core.errors import SaveError
from carepath.core.models import StepProgress, StepStatus
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.models import (
    OVERDUE_MARK,
    format_date,
    month_abbreviations,
    step_status_name,
)
from carepath.ui.models.steps_table_model import StepsTableModel
from carepath.ui.pages.base import Page
from carepath.ui.plan_commands import EditStepCommand
from carepath.ui.session import Session
from carepath.ui.undo import SaveStepsCommand, SessionCommand, push_command
from carepath.ui.widgets.optional_date import OptionalDate

#: Milliseconds of quiet after the last keystroke before a note is saved.
NOTE_SAVE_DELAY_MS = 800


class _ChecklistRow(QWidget):
    """A check box whose text wraps: checklist items are whole sentences.

    QCheckBox never wraps its text, so the text is a word-wrapped label beside a bare box; clicking
    the label ticks the box, as clicking a check box's own text would.
    """

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(self.box)
        self.label.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.label
            and event.type() == QEvent.Type.MouseButtonRelease
            and self.box.isEnabled()
        ):
            self.box.click()
            return True
        return super().eventFilter(watched, event)


class _ListColumns(QSortFilterProxyModel):
    """The steps model without its start and done columns, which the editor and timeline show.

    Hiding columns in the view leaves them in the accessibility tree, where a screen reader still
    walks them; filtering them out here removes them for every reader alike.
    """

    HIDDEN = (StepsTableModel.COL_START, StepsTableModel.COL_DONE)
    #: Left out too when the list is narrow: the editor shows the target and the checklist count.
    NARROW_HIDDEN = (StepsTableModel.COL_TARGET, StepsTableModel.COL_CHECKLIST)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._narrow = False

    def set_narrow(self, narrow: bool) -> None:
        if narrow != self._narrow:
            self.beginFilterChange()
            self._narrow = narrow
            self.endFilterChange(QSortFilterProxyModel.Direction.Columns)

    def filterAcceptsColumn(self, source_column: int, _source_parent: object) -> bool:
        if self._narrow and source_column in self.NARROW_HIDDEN:
            return False
        return source_column not in self.HIDDEN


class StepsPage(Page):
    """The steps of the user's path: a table to pick one, its editor beside it, the timeline below.

    The path runs from the profile's current stage to its target stage
    (:mod:`carepath.core.career_path`): the ten steps into the role for someone not yet in it,
    the steps of each move up for a coordinator aiming higher. A line above the table says which
    path it is and that the steps below the current stage are behind the user.
    """

    title = QT_TRANSLATE_NOOP("Page", "Steps")
    icon_name = "view-calendar-timeline"

    #: Table rows shown without scrolling; a longer path scrolls inside the table.
    VISIBLE_ROWS = 10
    #: Rows the table keeps at the least, so a small window still shows where the user is.
    MIN_ROWS = 3

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        #: Today's date; tests replace it to get a fixed "today".
        self.today: Callable[[], date] = date.today
        self._path: list[Step] = []
        self._step_id = ""
        self._filling = False
        self._selected_once = False
        self._checklist_boxes: list[QCheckBox] = []
        self._checklist_rows: list[_ChecklistRow] = []
        self._arranging = False
        self._build_top_bar()
        self._build_table()
        self._build_editor()
        self._build_timeline()
        self._lay_out()
        self._set_tab_order()
        self._arrange_timer = QTimer(self)
        self._arrange_timer.setSingleShot(True)
        self._arrange_timer.setInterval(0)
        self._arrange_timer.timeout.connect(self._fit_to_font)

    def _build_top_bar(self) -> None:
        """The projected finish, the "Propose target dates" button, the path and a message."""
        self.finish_label = QLabel(self)
        font = self.finish_label.font()
        font.setBold(True)
        self.finish_label.setFont(font)
        self.finish_label.setAccessibleName(self.tr("Projected finish"))
        self.finish_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finish_label.setWordWrap(True)

        self.propose_button = QPushButton(self.tr("&Propose target dates"), self)
        self.propose_button.setAccessibleName(self.tr("Propose target dates"))
        self.propose_button.setToolTip(
            self.tr(
                "Fill every empty target date from the step's typical duration, one step after "
                "another from today. Dates you set are kept. Undo with Ctrl+Z."
            )
        )
        self.propose_button.clicked.connect(self.propose_target_dates)

        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setAccessibleName(self.tr("Your path"))

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setVisible(False)

    def _build_table(self) -> None:
        """The list of the path's steps; start and done dates stay out of it (see _ListColumns)."""
        self.model = StepsTableModel(self.session.catalogue, self)
        self.list_model = _ListColumns(self)
        self.list_model.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.list_model)
        self.table.setAccessibleName(self.tr("Steps on your path"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the step's title
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        table_label = QLabel(self.tr("&Steps:"), self)
        table_label.setBuddy(self.table)

        self.table_box = QWidget(self)
        table_layout = QVBoxLayout(self.table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(table_label)
        table_layout.addWidget(self.table)
        self.table_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._fit_table_height(self.VISIBLE_ROWS)

    def _fit_table_height(self, rows: int) -> None:
        """Room for ``rows`` rows (at most VISIBLE_ROWS, scrolling beyond), never below MIN_ROWS."""
        row = self.table.verticalHeader().defaultSectionSize()
        chrome = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        shown = max(1, min(rows, self.VISIBLE_ROWS))
        self.table.setMinimumHeight(row * min(shown, self.MIN_ROWS) + chrome)
        self.table.setMaximumHeight(row * shown + chrome)

    def _build_editor(self) -> None:
        """The selected step: title, summary, facts, status, dates, note and checklist."""
        editor = QWidget(self)
        self.step_title = QLabel(editor)
        title_font = self.step_title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.step_title.setFont(title_font)
        self.step_title.setWordWrap(True)
        self.summary_label = QLabel(editor)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label = QLabel(editor)
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overdue_label = QLabel(editor)
        self.overdue_label.setWordWrap(True)
        self.overdue_label.setAccessibleName(self.tr("Overdue"))
        self.overdue_label.setStyleSheet("font-weight: bold;")

        self.status_combo = QComboBox(editor)
        for status in StepStatus:
            self.status_combo.addItem(step_status_name(status), status.value)
        self.status_combo.setAccessibleName(self.tr("Status of the step"))
        self.status_combo.activated.connect(self._on_status_activated)
        status_label = QLabel(self.tr("Stat&us:"), editor)
        status_label.setBuddy(self.status_combo)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(status_label, self.status_combo)
        self._build_dates(editor, form)
        self._build_note(editor, form)

        self.checklist_box = QGroupBox(self.tr("Checklist"), editor)
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.no_checklist_label = QLabel(self.tr("This step has no checklist."), self.checklist_box)
        self.checklist_layout.addWidget(self.no_checklist_label)

        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.step_title)
        editor_layout.addWidget(self.overdue_label)
        editor_layout.addWidget(self.summary_label)
        editor_layout.addWidget(self.facts_label)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.checklist_box)
        editor_layout.addStretch(1)

        self.editor_scroll = QScrollArea(self)
        self.editor_scroll.setWidget(editor)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take focus
        self.editor_scroll.setAccessibleName(self.tr("The selected step"))
        self.editor_scroll.verticalScrollBar().setAccessibleName(
            self.tr("Scroll the selected step")
        )
        self.editor_scroll.horizontalScrollBar().setAccessibleName(
            self.tr("Scroll the selected step sideways")
        )
        self.editor_scroll.setMinimumWidth(240)

    def _build_dates(self, editor: QWidget, form: QFormLayout) -> None:
        """Start, target and done dates; ticking the target starts from the proposed date."""
        no_date = self.tr("No date")
        self.start_date = OptionalDate(
            self.tr("St&art date"), self.tr("Start date"), no_date, editor, self._today
        )
        self.target_date = OptionalDate(
            self.tr("Tar&get date"), self.tr("Target date"), no_date, editor, self._target_default
        )
        self.done_date = OptionalDate(
            self.tr("&Done date"), self.tr("Done date"), no_date, editor, self._today
        )
        self.start_date.changed.connect(lambda value: self._on_date("start_date", value))
        self.target_date.changed.connect(lambda value: self._on_date("target_date", value))
        self.done_date.changed.connect(lambda value: self._on_date("done_date", value))
        form.addRow(self.start_date.check, self.start_date.edit)
        form.addRow(self.target_date.check, self.target_date.edit)
        form.addRow(self.done_date.check, self.done_date.edit)

    def _build_note(self, editor: QWidget, form: QFormLayout) -> None:
        """The step's note, saved when typing pauses or the field loses focus."""
        self.note_edit = QPlainTextEdit(editor)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(self.tr("Note on the step"))
        self.note_edit.setPlaceholderText(self.tr("What you did, what is next, who can help"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.note_edit.textChanged.connect(self._on_note_typed)
        note_label = QLabel(self.tr("&Note:"), editor)
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save)

    def _build_timeline(self) -> None:
        """The chart of the path's steps against today, redrawn when a resize settles."""
        self.timeline = ChartCanvas(self, accessible_name=self.tr("Timeline of your path"))
        self.timeline.theme_changed.connect(lambda: self._draw_timeline(force=True))
        self._timeline_width = 0
        # The legend's columns are fitted to the figure's width, so a much wider or narrower
        # canvas gets a fresh figure once resizing has settled.
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(250)
        self._resize_timer.timeout.connect(lambda: self._draw_timeline(force=True))
        self._timeline_key: object = None

    def _lay_out(self) -> None:
        """Top bar; then the table over the timeline on the left and the editor on the right."""
        top = QHBoxLayout()
        top.addWidget(self.finish_label, 1)
        top.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignTop)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table_box)
        left.addWidget(self.timeline)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        left.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)
        self._left = left

        self.body_scroll = QScrollArea(self)
        self.body_scroll.setWidget(self.splitter)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_scroll.setAccessibleName(self.tr("Steps, timeline and the selected step"))
        self.body_scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the page"))
        self.body_scroll.horizontalScrollBar().setAccessibleName(
            self.tr("Scroll the page sideways")
        )

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.path_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.body_scroll, 1)

    def _fit_to_font(self) -> None:
        """Give each part a size it can be used at, in characters and lines of the font in use.

        1.5× text gets 1.5× room; when the window is smaller than that, the page scrolls
        instead of clipping. Called when the page is shown and whenever the font changes.
        """
        if self._arranging:  # the changes below send events that would come back here
            return
        self._arranging = True
        try:
            metrics = self.fontMetrics()
            chars, lines = metrics.averageCharWidth(), metrics.lineSpacing()
            self._left.setMinimumWidth(chars * 40)
            self.timeline.setMinimumHeight(lines * 12)
            self._arrange()
            self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
            self._fit_table_height(len(self._path) or self.VISIBLE_ROWS)
        finally:
            self._arranging = False

    def _arrange(self) -> None:
        """Side by side when both halves fit; else the editor goes below and the page scrolls.

        At 800×600 with 1.5× text the two halves need more width than the page has, and a
        half cut off on the right is worse than a page that scrolls down.
        """
        chars = self.fontMetrics().averageCharWidth()
        stacked = self.width() < chars * 80
        wanted = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
        # A narrow list keeps the step titles readable by leaving out target and checklist
        # (the editor shows both). Judged on the page's width, which the columns do not change.
        list_width = self.width() if stacked else self.width() * 0.6
        self.list_model.set_narrow(list_width < chars * 75)
        lines = self.fontMetrics().lineSpacing()
        self.editor_scroll.setMinimumHeight(lines * 18 if stacked else 0)
        self.editor_scroll.setMinimumWidth(0 if stacked else chars * 34)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rearrange_soon()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rearrange_soon()
        super().changeEvent(event)

    def _rearrange_soon(self) -> None:
        """Fit to the new size or font once the event that asked for it is over."""
        timer = getattr(self, "_arrange_timer", None)  # events arrive while __init__ runs
        if timer is not None:
            timer.start()

    def _set_tab_order(self) -> None:
        chain = [
            self.propose_button,
            self.table,
            self.status_combo,
            self.start_date.check,
            self.start_date.edit,
            self.target_date.check,
            self.target_date.edit,
            self.done_date.check,
            self.done_date.edit,
            self.note_edit,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.note_edit.installEventFilter(self)
        self.timeline.installEventFilter(self)

    # -- Page -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        record = self.session.record()
        catalogue = self.session.catalogue
        today = self.today()
        self._path = record_path(record, catalogue)
        self.model.set_record(record, catalogue, today)
        self._fit_to_font()
        ids = [step.id for step in self._path]
        if not self._selected_once or self._step_id not in ids:
            # First show, or the target stage changed and the step left the path: its progress
            # stays in the record, and the editor moves to a step of the new path.
            self._selected_once = True
            self._step_id = self._first_step_to_show()
        self._select_row(self.model.row_of(self._step_id))
        self._show_step(self._step_id)
        self._show_path_line()
        finish = step_rules.projected_finish(record, catalogue, today)
        if not self._path:
            self.finish_label.setText(self.tr("No steps ahead."))
        elif finish is None:
            self.finish_label.setText(self.tr("Every step is done."))
        else:
            self.finish_label.setText(
                self.tr("Projected finish: %1").replace("%1", format_date(finish))
            )
        self.propose_button.setEnabled(bool(self._path))
        self.finish_label.setToolTip(
            self.tr(
                "The latest target or done date of the steps on your path; steps without a "
                "target date are counted at their typical duration, one after another from today."
            )
        )
        # A message about the last action stays until the record changes again.
        undated = bool(self._path) and all(
            record.step(step.id).target_date is None for step in self._path
        )
        self.message_label.setText(
            self.tr(
                "No target dates yet. “Propose target dates” fills them in from each step's "
                "typical duration; you can change any of them afterwards."
            )
            if undated
            else ""
        )
        self.message_label.setVisible(undated)
        self._draw_timeline()

    def has_unsaved_changes(self) -> bool:
        """Only a note typed since the last refresh counts; an unshown page has nothing typed."""
        if not self.was_refreshed():
            return False
        return self.note_edit.toPlainText() != self._progress().note

    def save(self) -> bool:
        """Save the note being typed (every other edit is saved at once)."""
        return self._save_note(self._step_id, self.note_edit.toPlainText())

    def _save_note(self, step_id: str, text: str) -> bool:
        self._note_timer.stop()
        progress = self.session.record().step(step_id)
        if text == progress.note:
            return True
        return self._push(EditStepCommand(self.session, progress.with_changes(note=text), "note"))

    def set_session(self, session: Session) -> None:
        self._note_timer.stop()
        self._selected_once = False  # the other file opens on its own first step to look at
        super().set_session(session)

    def discard(self) -> None:
        self._note_timer.stop()
        self._filling = True
        self.note_edit.setPlainText(self._progress().note)
        self._filling = False

    # -- actions --------------------------------------------------------------------------------
    def propose_target_dates(self) -> None:
        """Fill empty target dates of unfinished steps, as one undoable change."""
        self.save()
        changed = step_rules.propose_target_dates(
            self.session.record(), self.session.catalogue, self.today()
        )
        if not changed:
            self._say(self.tr("Every unfinished step already has a target date."))
            return
        command = SaveStepsCommand(self.session, changed)
        command.setText(self.tr("Propose target dates"))
        if self._push(command):
            self._say(
                self.tr("Target dates proposed for steps: %1. Undo with Ctrl+Z.").replace(
                    "%1",
                    ", ".join(
                        str(step.number)
                        for p in changed
                        if (step := self._path_step(p.step_id)) is not None
                    ),
                )
            )

    def _show_path_line(self) -> None:
        """Which path the page shows, and that the rungs below the current stage are behind."""
        catalogue = self.session.catalogue
        current_id, target_id = record_stages(self.session.record())
        current = catalogue.stage(current_id).name
        target = catalogue.stage(target_id).name
        if not self._path:
            self.path_label.setText(
                self.tr(
                    "Your target stage, %1, is not above your current stage, %2. Choose a higher "
                    "target stage in Edit ▸ Preferences to see the steps ahead."
                )
                .replace("%1", target)
                .replace("%2", current)
            )
            return
        text = (
            self.tr("Your path: %1 → %2, %3 steps.")
            .replace("%1", current)
            .replace("%2", target)
            .replace("%3", str(len(self._path)))
        )
        behind = steps_behind(catalogue, current_id)
        if behind:
            text += " " + self.tr(
                "The %1 steps that led to your current stage are behind you and left out."
            ).replace("%1", str(len(behind)))
        self.path_label.setText(text)

    def select_step(self, step_id: str) -> None:
        row = self.model.row_of(step_id)
        if row >= 0:
            self._select_row(row)

    def current_step_id(self) -> str:
        return self._step_id

    # -- internals ------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.today()

    def _progress(self) -> StepProgress:
        return self.session.record().step(self._step_id)

    def _path_step(self, step_id: str) -> Step | None:
        """The step as numbered on the path, or None when it is not on it."""
        return next((step for step in self._path if step.id == step_id), None)

    def _target_default(self) -> date:
        """Where a newly ticked target date starts: the step's proposed date, else today.

        The projected finish already counts the proposal, so ticking the box moves nothing.
        """
        proposals = step_rules.proposed_targets(
            self.session.record(), self.session.catalogue, self.today()
        )
        return proposals.get(self._step_id, self.today())

    def _first_step_to_show(self) -> str:
        """The first overdue step, else the first unfinished one, else the first ("" if none)."""
        record = self.session.record()
        today = self.today()
        steps = self._path
        if not steps:
            return ""
        for step in steps:
            if record.step(step.id).is_overdue(today):
                return step.id
        for step in steps:
            if record.step(step.id).status is not StepStatus.DONE:
                return step.id
        return steps[0].id

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.list_model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _on_current_row_changed(self, current: object, _previous: object) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        step_id = self.model.step_id(row)
        if step_id == self._step_id:
            return
        # A note typed for the previous step is kept with that step. The editor moves on first,
        # so the redraw that the save causes keeps the newly chosen row selected.
        previous, text = self._step_id, self.note_edit.toPlainText()
        self._step_id = step_id
        self._save_note(previous, text)
        self._show_step(step_id)

    def _show_step(self, step_id: str) -> None:
        """Fill the editor from the record without triggering any save."""
        catalogue = self.session.catalogue
        step = self._path_step(step_id)
        self.editor_scroll.widget().setEnabled(step is not None)
        if step is None:
            self._show_no_step()
            return
        progress = self.session.record().step(step_id)
        today = self.today()
        self._filling = True
        try:
            self.step_title.setText(
                self.tr("Step %1 of %2: %3")
                .replace("%1", str(step.number))
                .replace("%2", str(len(self._path)))
                .replace("%3", step.title)
            )
            self.summary_label.setText(step.summary)
            skills = ", ".join(catalogue.skill(s).name for s in step.skills)
            facts = []
            if step.duration_text:
                facts.append(self.tr("Typical duration: %1").replace("%1", step.duration_text))
            if skills:
                facts.append(self.tr("Skills it builds: %1").replace("%1", skills))
            if step.organizations:
                facts.append(
                    self.tr("Organizations to look up: %1").replace(
                        "%1", "; ".join(step.organizations)
                    )
                )
            if step.organizations or step.id == "certification":
                facts.append(catalogue.us_note)
            self.facts_label.setText("\n".join(facts))
            self.facts_label.setVisible(bool(facts))
            if progress.is_overdue(today) and progress.target_date is not None:
                self.overdue_label.setText(
                    f"{OVERDUE_MARK} "
                    + self.tr(
                        "Overdue: the target date, %1, has passed. Mark the step done or set a "
                        "new target date."
                    ).replace("%1", format_date(progress.target_date))
                )
                self.overdue_label.setVisible(True)
            else:
                self.overdue_label.setVisible(False)
            self.status_combo.setCurrentIndex(self.status_combo.findData(progress.status.value))
            self.start_date.set_value(progress.start_date)
            self.target_date.set_value(progress.target_date)
            self.done_date.set_value(progress.done_date)
            self.done_date.set_enabled(progress.status is StepStatus.DONE)
            if self.note_edit.toPlainText() != progress.note:
                self.note_edit.setPlainText(progress.note)
            self._fill_checklist(step_id, progress)
        finally:
            self._filling = False

    def _show_no_step(self) -> None:
        """An empty path: the editor says so and holds nothing to edit."""
        self._filling = True
        try:
            self.step_title.setText(self.tr("No steps ahead"))
            self.summary_label.setText("")
            self.facts_label.setVisible(False)
            self.overdue_label.setVisible(False)
            for field in (self.start_date, self.target_date, self.done_date):
                field.set_value(None)
            if self.note_edit.toPlainText():
                self.note_edit.setPlainText("")
            self._fill_checklist("", StepProgress(""))
        finally:
            self._filling = False

    def _fill_checklist(self, step_id: str, progress: StepProgress) -> None:
        step = self._path_step(step_id)
        items = step.checklist if step is not None else ()
        ids = [item.id for item in items]
        if [box.property("item_id") for box in self._checklist_boxes] != ids:
            for row in self._checklist_rows:
                self.checklist_layout.removeWidget(row)
                row.hide()  # at once: deleteLater only acts when the event loop next runs
                row.deleteLater()
            self._checklist_rows = []
            self._checklist_boxes = []
            previous: QWidget = self.note_edit
            for item in items:
                row = _ChecklistRow(item.text, self.checklist_box)
                row.box.setProperty("item_id", item.id)
                row.box.toggled.connect(lambda on, item_id=item.id: self._on_checklist(item_id, on))
                self.checklist_layout.addWidget(row)
                self._checklist_rows.append(row)
                self._checklist_boxes.append(row.box)
                QWidget.setTabOrder(previous, row.box)
                previous = row.box
        for box in self._checklist_boxes:
            box.blockSignals(True)
            box.setChecked(bool(progress.checklist.get(str(box.property("item_id")), False)))
            box.blockSignals(False)
        ticked, total = step_rules.checklist_done(progress, step) if step else (0, 0)
        self.no_checklist_label.setVisible(total == 0)
        if total:
            self.checklist_box.setTitle(
                self.tr("Checklist (%1 of %2 done)")
                .replace("%1", str(ticked))
                .replace("%2", str(total))
            )
        else:
            self.checklist_box.setTitle(self.tr("Checklist"))

    def _on_status_activated(self, index: int) -> None:
        if self._filling:
            return
        status = StepStatus(self.status_combo.itemData(index))
        progress = self._progress()
        if status is progress.status:
            return
        changed = step_rules.with_status(progress, status, self.today())
        self._push(EditStepCommand(self.session, changed, "status"))

    def _on_date(self, field: str, value: date | None) -> None:
        if self._filling:
            return
        progress = self._progress()
        if getattr(progress, field) == value:
            return
        self._push(EditStepCommand(self.session, progress.with_changes(**{field: value}), field))

    def _on_checklist(self, item_id: str, checked: bool) -> None:
        if self._filling:
            return
        changed = step_rules.with_checklist_item(self._progress(), item_id, checked)
        self._push(EditStepCommand(self.session, changed, f"checklist.{item_id}"))

    def _on_note_typed(self) -> None:
        if not self._filling:
            self._note_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.save()
        elif watched is self.timeline and event.type() == QEvent.Type.Resize:
            width = self.timeline.width()
            if self._timeline_width and abs(width - self._timeline_width) > 0.15 * width:
                self._resize_timer.start()
        return super().eventFilter(watched, event)

    def _push(self, command: SessionCommand) -> bool:
        """Write and make undoable; on a refused write say why and show the record again."""
        try:
            push_command(self.session, command)
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            self._show_step(self._step_id)
            return False
        return True

    def _say(self, text: str) -> None:
        """Show ``text`` until the next change of the record redraws the page."""
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    # -- the timeline ---------------------------------------------------------------------------
    def _draw_timeline(self, force: bool = False) -> None:
        """Rebuild the chart and its table, unless nothing they show has changed (a note)."""
        record = self.session.record()
        catalogue = self.session.catalogue
        today = self.today()
        rows = step_rules.timeline_rows(record, catalogue, today)
        finish = step_rules.projected_finish(record, catalogue, today)
        key = (tuple(rows), finish, today)
        if key == self._timeline_key and not force and self.timeline.figure is not None:
            return
        self._timeline_key = key

        from carepath.charts.timeline import items_from_rows, timeline_figure

        items = items_from_rows(rows)
        overdue = self.tr("overdue")
        self._timeline_width = max(self.timeline.width(), 400)
        height = max(self.timeline.height() - 30, 300)
        figure = timeline_figure(
            items,
            today,
            finish,
            theme=self.timeline.theme(),
            size_inches=(self._timeline_width / 100, height / 100),
            today_label=self.tr("Today"),
            finish_label=self.tr("Projected finish"),
            status_labels={status.value: step_status_name(status) for status in StepStatus},
            overdue_label=overdue,
            no_dates_label=self.tr("no dates yet"),
            empty_message=self.tr(
                "No steps ahead: your target stage is not above your current one."
            ),
            undated_message=self.tr(
                "No dates yet — give a step a start or target date to see it on the timeline."
            ),
            month_names=month_abbreviations(),
        )
        self.timeline.set_figure(figure)
        self.timeline.set_table(
            [
                self.tr("Step"),
                self.tr("Status"),
                self.tr("Start"),
                self.tr("Target"),
                self.tr("Done"),
                self.tr("Overdue"),
            ],
            [
                [
                    row.label,
                    step_status_name(StepStatus(row.status)),
                    format_date(row.start),
                    format_date(row.end),
                    format_date(row.done),
                    overdue if row.overdue else "",
                ]
                for row in rows
            ]
            + [[self.tr("Projected finish"), "", "", format_date(finish), "", ""]],
        )
