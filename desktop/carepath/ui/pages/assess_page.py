"""Assess: rate the fifteen skills against their own level descriptors, with evidence notes.

Layout: the skills on the left (each with its current choice and a "changed" mark), the selected
skill in the middle (description, the five descriptors written for *that* skill — the chosen one
highlighted — "not rated yet", and an evidence note), and on the right a live radar of the draft
against the target stage plus the general note and Save.

Keyboard: Up/Down in the list (or Alt+Up/Alt+Down anywhere on the page) move between skills;
0-5 choose a level while the list or a level has focus, Alt+0..Alt+5 anywhere (the mnemonics).

The radar redraws only the "Now" series by blitting (FINDINGS.md): the background is cached after
every full draw, then each rating change restores it and draws the few changed artists — about
2 ms instead of 50-80 ms for a full draw, so the chart follows the keyboard at once.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import SKILL_IDS
from carepath.core.draft import AssessmentDraft
from carepath.core.errors import SaveError
from carepath.core.models import LEVEL_MAX, LEVEL_MIN
from carepath.core.review import latest_review
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.models import format_date, format_number
from carepath.ui.pages.base import Page
from carepath.ui.review_widgets import ReviewerView, review_values
from carepath.ui.undo import AddAssessmentCommand, push_command
from carepath.ui.widgets.limited_text_edit import LimitedTextEdit
from carepath.ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from carepath.charts.radar import RadarChart
    from carepath.ui.session import Session

NOT_RATED = 0
_LEVEL_KEYS = {Qt.Key.Key_0 + n: n for n in range(LEVEL_MAX + 1)}

_OPTION_STYLE = """
LevelOption { border: 1px solid palette(mid); border-radius: 6px; }
LevelOption[chosen="true"] {
    border: 2px solid palette(highlight); background: palette(alternate-base);
}
"""


class LevelOption(QFrame):
    """One level of the selected skill: a radio button with the level name, and the descriptor.

    The whole frame is clickable, and the chosen one is framed in the highlight colour (and its
    radio button is checked, so the choice never rests on colour alone).
    """

    def __init__(self, level: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setObjectName(f"level-option-{level}")
        self.setProperty("chosen", False)
        self.radio = QRadioButton(self)
        self.descriptor = QLabel(self)
        self.descriptor.setWordWrap(True)
        self.descriptor.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.descriptor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 5)
        layout.setSpacing(1)
        layout.addWidget(self.radio)
        layout.addWidget(self.descriptor)
        self.descriptor.setContentsMargins(24, 0, 0, 0)
        # Evidence a mentor could check at this level (the skill's example), in italics below.
        self.example = QLabel(self)
        self.example.setWordWrap(True)
        self.example.setTextFormat(Qt.TextFormat.PlainText)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.example.setStyleSheet("font-style: italic;")
        self.example.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(self.example)

    def set_chosen(self, chosen: bool) -> None:
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)
        font = self.radio.font()
        font.setBold(chosen)
        self.radio.setFont(font)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)


class AssessPage(Page):
    """A new assessment: starts from the latest ratings, saved as a new Assessment."""

    title = QT_TRANSLATE_NOOP("Page", "Assess")
    icon_name = "document-edit"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._draft = AssessmentDraft.from_latest(session.record().latest)
        self._loading = False
        self._saving = False
        self._chart: RadarChart | None = None
        self._background: Any = None
        self._radar_pending = False
        #: Seconds the last blit update of the radar took, and how many blits / full draws ran.
        self.last_blit_seconds: float | None = None
        self.blit_count = 0
        self.full_draw_count = 0

        self.setStyleSheet(_OPTION_STYLE)
        self._build_header()
        self._build_skill_list()
        self._build_detail()
        self._build_side()

        self._build_save_bar()
        self._narrow = False
        self._shown_row = -1

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list_box)
        splitter.addWidget(self._detail_column)
        splitter.addWidget(self._side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([230, 430, 440])
        self._splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(self._header)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._save_bar)

        for keys, step in (("Alt+Down", 1), ("Alt+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_selection(s))
        self.setFocusProxy(self.skill_list)
        self.skill_list.setCurrentRow(0)

    # -- construction -------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)
        self._header = QVBoxLayout()
        self._header.setSpacing(2)
        self._header.addWidget(self.heading)
        self._header.addWidget(self.subheading)

    def _build_skill_list(self) -> None:
        self._list_box = QWidget(self)
        label = QLabel(self.tr("S&kills"), self._list_box)
        self.skill_list = QListWidget(self._list_box)
        self.skill_list.setAccessibleName(self.tr("Skills to rate"))
        self.skill_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.skill_list.setAlternatingRowColors(True)
        self.skill_list.setWordWrap(True)
        self.skill_list.setMinimumWidth(170)
        self.skill_list.verticalScrollBar().setAccessibleName(self.tr("Scroll the skills"))
        label.setBuddy(self.skill_list)
        for skill_id in SKILL_IDS:
            item = QListWidgetItem(self.skill_list)
            item.setData(Qt.ItemDataRole.UserRole, skill_id)
        self.skill_list.currentRowChanged.connect(self._show_skill)
        self.skill_list.installEventFilter(self)
        layout = QVBoxLayout(self._list_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.skill_list, 1)

    def _build_detail(self) -> None:
        panel = QWidget(self)
        self.skill_name = QLabel(panel)
        font = self.skill_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.skill_name.setFont(font)
        self.skill_name.setWordWrap(True)
        self.skill_description = QLabel(panel)
        self.skill_description.setWordWrap(True)

        levels = QGroupBox(self.tr("Your level"), panel)
        self.level_group = QButtonGroup(self)
        self.level_group.setExclusive(True)
        self.options: dict[int, LevelOption] = {}
        levels_layout = QVBoxLayout(levels)
        levels_layout.setSpacing(4)
        levels_layout.setContentsMargins(6, 4, 6, 4)
        for level in range(LEVEL_MIN, LEVEL_MAX + 1):
            option = LevelOption(level, levels)
            self.options[level] = option
            self.level_group.addButton(option.radio, level)
            option.radio.installEventFilter(self)
            levels_layout.addWidget(option)
        self.not_rated = QRadioButton(self.tr("&0  Not rated yet"), levels)
        self.not_rated.setAccessibleName(self.tr("Not rated yet"))
        self.not_rated.setToolTip(
            self.tr("Left out of averages and gaps until you rate it; never counted as zero")
        )
        self.not_rated.installEventFilter(self)
        self.level_group.addButton(self.not_rated, NOT_RATED)
        levels_layout.addWidget(self.not_rated)
        self.level_group.idClicked.connect(self._on_level_clicked)

        self._detail_layout = QVBoxLayout(panel)
        self._detail_layout.setContentsMargins(8, 0, 8, 0)
        self._detail_layout.addWidget(self.skill_name)
        self._detail_layout.addWidget(self.skill_description)
        self._detail_layout.addWidget(levels)
        self.reviewer_view = ReviewerView(panel)  # beside your own level, when a review has it
        self._detail_layout.addWidget(self.reviewer_view)
        self._detail_layout.addStretch(1)

        self._detail_scroll = QScrollArea(self)
        self._detail_scroll.setWidgetResizable(True)
        self._detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._detail_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take focus
        self._detail_scroll.setWidget(panel)
        self._detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._detail_scroll.verticalScrollBar().setAccessibleName(
            self.tr("Scroll the level descriptions")
        )

        # The evidence sits under the scrolled descriptors, never scrolled away: always in view,
        # and the handle between them gives either more room.
        self._detail_column = QSplitter(Qt.Orientation.Vertical, self)
        self._detail_column.setChildrenCollapsible(False)
        self._detail_column.setMinimumWidth(260)
        self._detail_column.addWidget(self._detail_scroll)
        self._detail_column.addWidget(self._build_evidence(self._detail_column))
        self._detail_column.setStretchFactor(0, 3)
        self._detail_column.setStretchFactor(1, 2)

    def _build_evidence(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        note_label = WrappingLabel(self.tr("Evidence &note for this skill:"), box)
        font = note_label.font()
        font.setBold(True)
        note_label.setFont(font)
        self.evidence_edit = LimitedTextEdit(box)
        self.evidence_edit.setAccessibleName(self.tr("Evidence note for this skill"))
        self.evidence_edit.setPlaceholderText(
            self.tr("What you did that shows this level, e.g. “led the discharge meeting for …”")
        )
        self.evidence_edit.setTabChangesFocus(True)
        lines = self.evidence_edit.fontMetrics().lineSpacing()  # follows the system font size
        self.evidence_edit.setMinimumHeight(lines * 3 + 12)
        note_label.setBuddy(self.evidence_edit)
        self.evidence_edit.textChanged.connect(self._on_evidence_changed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 4, 8, 0)
        layout.setSpacing(2)
        label_row = QHBoxLayout()
        label_row.addWidget(note_label, 1)
        label_row.addWidget(self.evidence_edit.counter, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(label_row)
        layout.addWidget(self.evidence_edit, 1)
        return box

    def _build_side(self) -> None:
        self._side = QWidget(self)
        self.radar = ChartCanvas(self._side, accessible_name=self.tr("Draft radar chart"))
        self.radar.setMinimumSize(260, 260)
        self.radar.theme_changed.connect(self._schedule_radar)

        general_label = QLabel(self.tr("&General note for this assessment:"), self._side)
        self.general_edit = LimitedTextEdit(self._side)
        self.general_edit.setAccessibleName(self.tr("General note for this assessment"))
        self.general_edit.setPlaceholderText(self.tr("Optional: what this month was like"))
        self.general_edit.setTabChangesFocus(True)
        lines = self.general_edit.fontMetrics().lineSpacing()
        self.general_edit.setMinimumHeight(lines * 2 + 12)
        self.general_edit.setMaximumHeight(lines * 4 + 12)
        general_label.setBuddy(self.general_edit)
        self.general_edit.textChanged.connect(self._on_general_changed)

        layout = QVBoxLayout(self._side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.radar, 1)
        layout.addWidget(general_label)
        layout.addWidget(self.general_edit)
        layout.addWidget(self.general_edit.counter, 0, Qt.AlignmentFlag.AlignRight)

    def _build_save_bar(self) -> None:
        """The summary and Save / Discard along the bottom, in view at any window size."""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save assessment"), self)
        self.save_button.setAccessibleName(self.tr("Save assessment"))
        self.save_button.setToolTip(self.tr("Save this assessment (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton(self.tr("&Discard changes"), self)
        self.discard_button.setAccessibleName(self.tr("Discard changes to this assessment"))
        self.discard_button.clicked.connect(self._confirm_discard)
        self._save_bar = QHBoxLayout()
        self._save_bar.addWidget(self.summary, 1)
        self._save_bar.addWidget(self.save_button)
        self._save_bar.addWidget(self.discard_button)

    # -- narrow windows -----------------------------------------------------------------------
    #: Below this page width the radar column moves under the level descriptions (it scrolls
    #: with them), so three columns never squeeze past their minimum widths and clip.
    NARROW_WIDTH = 900

    def is_narrow(self) -> bool:
        return self._narrow

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self.NARROW_WIDTH
        if narrow != self._narrow:
            self._set_narrow(narrow)
        super().resizeEvent(event)

    def _set_narrow(self, narrow: bool) -> None:
        self._narrow = narrow
        if narrow:
            self._detail_layout.insertWidget(self._detail_layout.count() - 1, self._side)
            self._side.setMinimumHeight(self.radar.minimumHeight() + 120)
        else:
            self._side.setMinimumHeight(0)
            self._splitter.addWidget(self._side)
            self._splitter.setStretchFactor(2, 1)
        self._side.show()

    # -- Page ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._saving:
            return
        record = self.session.record()
        if not self._draft.has_changes():
            self._draft = AssessmentDraft.from_latest(record.latest)
            self._load_general_note()
        self._update_header()
        for row in range(self.skill_list.count()):
            self._update_item(row)
        self._show_skill(max(self.skill_list.currentRow(), 0))
        self._update_summary()
        self._schedule_radar()

    def has_unsaved_changes(self) -> bool:
        return self._draft.has_changes()

    def save(self) -> bool:
        """Save the draft as a new assessment (undoable); on failure keep it on screen.

        A draft with nothing changed would store an identical copy of the last assessment (and
        the Overview's "Previous" outline would hide under "Latest"): an empty first assessment
        is refused, and an unchanged one is saved only when the user says it is a deliberate
        reassessment.
        """
        if not self._draft.has_changes() and not self._confirm_unchanged():
            return False
        assessment = self._draft.to_assessment()
        self._saving = True
        try:
            push_command(self.session, AddAssessmentCommand(self.session, assessment))
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Assessment not saved"), str(error))
            return False
        finally:
            self._saving = False
        self._draft = AssessmentDraft.from_latest(assessment)
        self._load_general_note()
        self._refresh_now()
        self.navigate_requested.emit("overview")
        return True

    def discard(self) -> None:
        self._draft = AssessmentDraft.from_latest(self.session.record().latest)
        self._load_general_note()
        self._refresh_now()

    def new_assessment(self) -> None:
        """Start over from the latest ratings (the caller has dealt with unsaved changes)."""
        self.discard()
        self.skill_list.setCurrentRow(0)
        self.skill_list.setFocus()

    # -- public helpers (keyboard, tests) -----------------------------------------------------
    @property
    def draft(self) -> AssessmentDraft:
        return self._draft

    def current_skill(self) -> str:
        item = self.skill_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else SKILL_IDS[0]

    def select_skill(self, skill_id: str) -> None:
        self.skill_list.setCurrentRow(SKILL_IDS.index(skill_id))

    def move_selection(self, step: int) -> None:
        row = self.skill_list.currentRow() + step
        if 0 <= row < self.skill_list.count():
            self.skill_list.setCurrentRow(row)

    def set_level(self, level: int | None, skill_id: str | None = None) -> None:
        """Choose ``level`` (None or 0 = not rated yet) for a skill, as the keyboard does."""
        skill = skill_id or self.current_skill()
        self._draft.set_level(skill, level or None)
        # The radar first: its blit repaints at once, the texts below repaint with the next frame.
        self.update_radar()
        self._update_item(SKILL_IDS.index(skill))
        if skill == self.current_skill():
            self._show_levels(skill)
        self._update_summary()

    # -- reactions ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in _LEVEL_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
                self.set_level(_LEVEL_KEYS[event.key()])
                return True
        return super().eventFilter(watched, event)

    def _on_level_clicked(self, level: int) -> None:
        if not self._loading:
            self.set_level(level)

    def _on_evidence_changed(self) -> None:
        if not self._loading:
            skill = self.current_skill()
            self._draft.set_note(skill, self.evidence_edit.toPlainText())
            self._update_summary()

    def _on_general_changed(self) -> None:
        if not self._loading:
            self._draft.note = self.general_edit.toPlainText()
            self._update_summary()

    def _confirm_unchanged(self) -> bool:
        latest = self.session.record().latest
        if latest is None or self._draft.is_first:
            QMessageBox.information(
                self,
                self.tr("Nothing to save yet"),
                self.tr("Nothing is rated yet: choose a level for at least one skill, then save."),
            )
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Nothing has changed"),
            self.tr(
                "Every rating and note is the same as in your assessment of %1. Save them again "
                "as a new assessment, to record that you reassessed today?"
            ).replace("%1", format_date(latest.taken_at.date())),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _confirm_discard(self) -> None:
        if not self._draft.has_changes():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("Forget the ratings and notes you changed in this assessment?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()

    # -- drawing the text parts ---------------------------------------------------------------
    def _level_text(self, level: int | None) -> str:
        if level is None:
            return self.tr("Not rated yet")
        return f"{level} · {self.session.catalogue.level(level).name}"

    def _update_header(self) -> None:
        record = self.session.record()
        catalogue = self.session.catalogue
        target = catalogue.stage(record.profile.target_stage)
        if record.latest is None:
            self.heading.setText(self.tr("Your first assessment"))
            start = self.tr("Rate each skill honestly; leave one “not rated yet” if unsure.")
        else:
            self.heading.setText(self.tr("New assessment"))
            start = self.tr(
                "Starts from your ratings and evidence of %1; change what has changed."
            ).replace("%1", format_date(record.latest.taken_at.date()))
        target_text = self.tr("Target stage: %1.").replace("%1", target.name)
        self.subheading.setText(f"{start} {target_text}")

    def _update_item(self, row: int) -> None:
        item = self.skill_list.item(row)
        skill_id = SKILL_IDS[row]
        skill = self.session.catalogue.skill(skill_id)
        level_text = self._level_text(self._draft.level(skill_id))
        # On a first assessment there is nothing to have changed from.
        changed = self._draft.is_changed(skill_id) and not self._draft.is_first
        if changed:
            level_text = self.tr("%1 — changed").replace("%1", level_text)
        item.setText(f"{skill.name}\n   {level_text}")
        font = QFont(self.skill_list.font())
        font.setBold(changed)
        item.setFont(font)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{skill.name}: {level_text}")

    def _show_skill(self, row: int) -> None:
        if row < 0:
            return
        skill_id = SKILL_IDS[row]
        skill = self.session.catalogue.skill(skill_id)
        if row != self._shown_row:  # another skill: start at its name, not mid-way down
            self._shown_row = row
            self._detail_scroll.verticalScrollBar().setValue(0)
        self._loading = True
        try:
            self.skill_name.setText(skill.name)
            self.skill_description.setText(skill.description)
            for level, option in self.options.items():
                name = self.session.catalogue.level(level).name
                option.radio.setText(f"&{level}  {name}")
                option.radio.setAccessibleName(f"{level} {name}")
                option.descriptor.setText(skill.descriptor(level))
                example = skill.example(level)
                option.example.setText(
                    self.tr("Evidence, for example: %1").replace("%1", example) if example else ""
                )
                option.example.setVisible(bool(example))
                option.radio.setAccessibleDescription(
                    f"{skill.descriptor(level)} {option.example.text()}".strip()
                )
            self.evidence_edit.setPlainText(self._draft.note_for(skill_id))
        finally:
            self._loading = False
        self._show_levels(skill_id)
        self.reviewer_view.show_skill(self.session.record(), self.session.catalogue, skill_id)

    def _show_levels(self, skill_id: str) -> None:
        level = self._draft.level(skill_id)
        self._loading = True
        try:
            button = self.level_group.button(level or NOT_RATED)
            button.setChecked(True)
            for value, option in self.options.items():
                option.set_chosen(value == level)
            # The note's placeholder is the example for the chosen level (Competent when none).
            example = self.session.catalogue.skill(skill_id).example(level or 3)
            if example:
                self.evidence_edit.setPlaceholderText(
                    self.tr("For example: %1").replace("%1", example)
                )
        finally:
            self._loading = False

    def _load_general_note(self) -> None:
        self._loading = True
        try:
            self.general_edit.setPlainText(self._draft.note)
        finally:
            self._loading = False

    def _update_summary(self) -> None:
        rated = self._draft.rated_count()
        changed = len(self._draft.changed_skills())
        if self._draft.is_first:
            text = self.tr("%1 of %2 skills rated")
        else:
            text = self.tr("%1 of %2 skills rated · %3 changed")
        self.summary.setText(
            text.replace("%1", str(rated))
            .replace("%2", str(len(SKILL_IDS)))
            .replace("%3", str(changed))
        )
        self.discard_button.setEnabled(self._draft.has_changes())

    # -- the live radar -----------------------------------------------------------------------
    def _schedule_radar(self) -> None:
        """Build the radar after the window has painted (matplotlib is imported lazily)."""
        if not self._radar_pending:
            self._radar_pending = True
            self.radar.after_paint(self._build_radar)

    def _build_radar(self) -> None:
        self._radar_pending = False
        from carepath.charts.radar import RadarChart, RadarData

        record = self.session.record()
        catalogue = self.session.catalogue
        stage = catalogue.stage(record.profile.target_stage)
        review = latest_review(record.reviews)
        data = RadarData(
            labels=[s.name for s in catalogue.skills],
            target=[float(stage.targets[s]) for s in SKILL_IDS],
            current=self._draft.values(),
            review=review_values(review) if review else None,
            review_label=self.tr("Review"),
            target_label=self.tr("Target"),
            current_label=self.tr("Now"),
            not_rated_label=self.tr("Not rated yet"),
            nothing_rated_label=self.tr("Nothing rated yet"),
        )
        # A smaller type than the Overview's: fifteen spoke labels must fit a narrow column.
        theme = replace(self.radar.theme(), font_size=7.5)
        chart = RadarChart(data, theme, size_inches=(4.4, 4.4))
        for artist in chart.animated_artists:
            artist.set_animated(True)
        self._chart = chart
        self._background = None
        self.radar.set_figure(chart.figure)
        canvas = self.radar.canvas
        assert canvas is not None
        canvas.mpl_connect("draw_event", self._on_full_draw)
        canvas.mpl_connect("resize_event", self._on_resize)
        self._update_radar_table()

    def _on_full_draw(self, _event: object) -> None:
        """After every full draw: cache the background, then draw the animated "Now" series."""
        chart, canvas = self._chart, self.radar.canvas
        if chart is None or canvas is None:
            return
        self.full_draw_count += 1
        self._background = canvas.copy_from_bbox(chart.axes.bbox)
        for artist in chart.animated_artists:
            chart.axes.draw_artist(artist)

    def _on_resize(self, _event: object) -> None:
        self._background = None  # stale until the redraw that the resize schedules

    def update_radar(self) -> None:
        """Show the draft's levels on the radar at once: blit when possible, else redraw."""
        chart, canvas = self._chart, self.radar.canvas
        if chart is None or canvas is None:
            return
        started = time.perf_counter()
        artists = chart.update_current(self._draft.values())
        if self._background is None:
            canvas.draw_idle()
        else:
            canvas.restore_region(self._background)
            for artist in artists:
                if artist.get_visible():  # most "not rated yet" notes are hidden
                    chart.axes.draw_artist(artist)
            canvas.blit(chart.axes.bbox)
            self.blit_count += 1
            self.last_blit_seconds = time.perf_counter() - started
        self._update_radar_table()

    def _update_radar_table(self) -> None:
        record = self.session.record()
        catalogue = self.session.catalogue
        stage = catalogue.stage(record.profile.target_stage)
        rows = []
        for skill in catalogue.skills:
            level = self._draft.level(skill.id)
            rows.append(
                [
                    skill.name,
                    self._level_text(level),
                    self._level_text(stage.targets[skill.id]),
                ]
            )
        self.radar.set_table(
            [self.tr("Skill"), self.tr("This assessment"), self.tr("Target")], rows
        )
        self.radar.set_description(self._radar_summary())

    def _radar_summary(self) -> str:
        """The draft radar in one sentence, for screen readers."""
        record = self.session.record()
        stage = self.session.catalogue.stage(record.profile.target_stage)
        rated = self._draft.ratings
        if not rated:
            return self.tr("Radar of this assessment: nothing rated yet.")
        mean = sum(rated.values()) / len(rated)
        target_mean = sum(stage.targets[s] for s in rated) / len(rated)
        return (
            self.tr(
                "Radar of this assessment: %1 of %2 skills rated, average %3 against a target "
                "average of %4."
            )
            .replace("%1", str(len(rated)))
            .replace("%2", str(len(SKILL_IDS)))
            .replace("%3", format_number(mean, 1))
            .replace("%4", format_number(target_mean, 1))
        )
