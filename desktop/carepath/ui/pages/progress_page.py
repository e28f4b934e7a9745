"""Progress: the chosen skills and the average over time; "most improved", "needs attention".

The series and call-outs come from ``carepath.core.scoring``; the chart is
``carepath.charts.progress.progress_figure``, which thins long histories for drawing only, so ten
thousand assessments still draw in a blink. Redraws are coalesced: ticking five boxes in a row
draws once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from carepath.core import scoring
from carepath.core.catalogue import SKILL_IDS
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.models import format_date, format_number, month_abbreviations
from carepath.ui.pages.base import Page
from carepath.ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from carepath.ui.session import Session

AVERAGE = "__average__"
DEFAULT_GAPS = 3


class ProgressPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Progress")
    icon_name = "office-chart-line"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._chart_pending = False
        self._user_chose = False  # until the user ticks something, follow the largest gaps

        chooser = QWidget(self)
        label = QLabel(self.tr("S&kills to show:"), chooser)
        self.skill_list = QListWidget(chooser)
        self.skill_list.setAccessibleName(self.tr("Skills to show on the chart"))
        self.skill_list.setWordWrap(True)  # long names wrap instead of hiding behind a scroll bar
        self.skill_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label.setBuddy(self.skill_list)
        average = QListWidgetItem(self.tr("Average of all rated skills"), self.skill_list)
        average.setData(Qt.ItemDataRole.UserRole, AVERAGE)
        average.setFlags(average.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        average.setCheckState(Qt.CheckState.Checked)
        for skill in session.catalogue.skills:
            item = QListWidgetItem(skill.name, self.skill_list)
            item.setData(Qt.ItemDataRole.UserRole, skill.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.skill_list.itemChanged.connect(self._on_item_changed)

        self.all_button = QPushButton(self.tr("&All"), chooser)
        self.all_button.setAccessibleName(self.tr("Show all skills"))
        self.all_button.clicked.connect(lambda: self.choose(list(SKILL_IDS), average=True))
        self.none_button = QPushButton(self.tr("N&one"), chooser)
        self.none_button.setAccessibleName(self.tr("Show no skills"))
        self.none_button.clicked.connect(lambda: self.choose([], average=False))
        self.gaps_button = QPushButton(self.tr("Largest &gaps"), chooser)
        self.gaps_button.setAccessibleName(self.tr("Show the skills with the largest gaps"))
        self.gaps_button.clicked.connect(self.choose_largest_gaps)
        # Two rows: three buttons in one made the column, and so the chart's share of an
        # 800-pixel window, too narrow at a larger font.
        presets = QGridLayout()
        presets.addWidget(self.all_button, 0, 0)
        presets.addWidget(self.none_button, 0, 1)
        presets.addWidget(self.gaps_button, 1, 0, 1, 2)

        improved_box = QGroupBox(self.tr("Most improved"), chooser)
        self.improved_label = WrappingLabel("", improved_box)
        self.improved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(improved_box).addWidget(self.improved_label)
        attention_box = QGroupBox(self.tr("Needs attention"), chooser)
        self.attention_label = WrappingLabel("", attention_box)
        self.attention_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(attention_box).addWidget(self.attention_label)

        side = QVBoxLayout(chooser)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(label)
        side.addWidget(self.skill_list, 1)
        side.addLayout(presets)
        side.addWidget(improved_box)
        side.addWidget(attention_box)

        self.chart = ChartCanvas(self, accessible_name=self.tr("Progress chart"))
        self.chart.theme_changed.connect(self._schedule_chart)

        # The column scrolls when a small window or a large font leaves it too little height.
        self.skill_list.setMinimumHeight(self.skill_list.fontMetrics().lineSpacing() * 5 + 8)
        chooser_scroll = QScrollArea(self)
        chooser_scroll.setWidgetResizable(True)
        chooser_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chooser_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take focus
        chooser_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chooser_scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the skill choice"))
        chooser_scroll.setWidget(chooser)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(chooser_scroll)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 800])
        chooser_scroll.setMinimumWidth(250 + chooser_scroll.verticalScrollBar().sizeHint().width())

        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # No focus proxy here: a page proxying to its own first control traps Tab in the page.

    # -- choosing -----------------------------------------------------------------------------
    def chosen(self) -> tuple[list[str], bool]:
        """The ticked skills in catalogue order, and whether the average is ticked."""
        skills, average = [], False
        for row in range(self.skill_list.count()):
            item = self.skill_list.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            key = item.data(Qt.ItemDataRole.UserRole)
            if key == AVERAGE:
                average = True
            else:
                skills.append(str(key))
        return skills, average

    def choose(self, skills: list[str], average: bool, by_user: bool = True) -> None:
        wanted = set(skills)
        self.skill_list.blockSignals(True)
        try:
            for row in range(self.skill_list.count()):
                item = self.skill_list.item(row)
                key = item.data(Qt.ItemDataRole.UserRole)
                on = average if key == AVERAGE else key in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self.skill_list.blockSignals(False)
        self._user_chose = self._user_chose or by_user
        self._schedule_chart()

    def largest_gap_skills(self) -> list[str]:
        record = self.session.record()
        if record.latest is None:
            return []
        stage = self.session.catalogue.stage(record.profile.target_stage)
        gaps = scoring.largest_gaps(record.latest.ratings, stage, count=DEFAULT_GAPS)
        return [g.skill for g in gaps]

    def choose_largest_gaps(self) -> None:
        self.choose(self.largest_gap_skills(), average=True)

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._user_chose = True
        self._schedule_chart()

    # -- Page ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._user_chose:
            self.choose(self.largest_gap_skills(), average=True, by_user=False)
        self._fill_callouts()
        self._schedule_chart()

    def _fill_callouts(self) -> None:
        record = self.session.record()
        catalogue = self.session.catalogue
        assessments = record.assessments
        improved = scoring.most_improved(assessments)
        if improved:
            self.improved_label.setText(
                "\n".join(
                    self.tr("%1: %2 → %3 (+%4)")
                    .replace("%1", catalogue.skill(c.skill).name)
                    .replace("%2", catalogue.level(c.before).name)
                    .replace("%3", catalogue.level(c.after).name)
                    .replace("%4", str(c.delta))
                    for c in improved
                )
            )
        else:
            self.improved_label.setText(self.tr("Shown after two assessments that rate a skill."))
        stage = catalogue.stage(record.profile.target_stage)
        attention = scoring.needs_attention(assessments, stage)
        if attention:
            self.attention_label.setText(
                "\n".join(
                    self.tr("%1: %2, target %3, not rising yet")
                    .replace("%1", catalogue.skill(g.skill).name)
                    .replace("%2", catalogue.level(g.level).name)
                    .replace("%3", catalogue.level(g.target).name)
                    for g in attention
                )
            )
        elif assessments:
            self.attention_label.setText(self.tr("Nothing stuck: every gap is closing."))
        else:
            self.attention_label.setText(self.tr("Rate yourself to see what needs attention."))

    # -- chart --------------------------------------------------------------------------------
    def _schedule_chart(self) -> None:
        if not self._chart_pending:
            self._chart_pending = True
            self.chart.after_paint(self.draw_chart)

    def draw_chart(self) -> None:
        """Build the progress figure for the ticked skills (matplotlib imported on first use)."""
        self._chart_pending = False
        from carepath.charts.progress import progress_figure

        record = self.session.record()
        catalogue = self.session.catalogue
        assessments = record.assessments
        skills, with_average = self.chosen()
        series = {catalogue.skill(s).name: scoring.skill_series(assessments, s) for s in skills}
        average = scoring.average_series(assessments) if with_average else None
        width = max(self.chart.width(), 480) / 100
        height = max(self.chart.height() - 30, 320) / 100
        figure = progress_figure(
            series,
            average=average,
            theme=self.chart.theme(),
            size_inches=(width, height),
            average_label=self.tr("Average"),
            empty_message=self.tr(
                "No assessments yet — rate yourself to start your progress chart."
            )
            if not assessments
            else self.tr("Tick a skill or the average on the left to draw it."),
            level_names=[level.name for level in catalogue.levels],
            month_names=month_abbreviations(),
        )
        self.chart.set_figure(figure)
        self.chart.set_table_provider(lambda: self._table(skills, with_average))
        self.chart.set_description(self._chart_summary(skills, with_average))

    def _chart_summary(self, skills: list[str], with_average: bool) -> str:
        """The progress chart in one sentence, for screen readers."""
        assessments = self.session.record().assessments
        if not assessments:
            return self.tr("Progress chart: no assessments yet.")
        if not skills and not with_average:
            return self.tr("Progress chart: nothing ticked to draw.")
        drawn = [self.session.catalogue.skill(s).name for s in skills]
        if with_average:
            drawn.append(self.tr("the average"))
        text = (
            self.tr("Progress over %1 assessments from %2 to %3, showing %4.")
            .replace("%1", str(len(assessments)))
            .replace("%2", format_date(assessments[0].taken_at.date()))
            .replace("%3", format_date(assessments[-1].taken_at.date()))
            .replace("%4", ", ".join(drawn))
        )
        series = scoring.average_series(assessments)
        if with_average and len(series) >= 2:
            text += " " + (
                self.tr("The average went from %1 to %2.")
                .replace("%1", format_number(series[0][1], 1))
                .replace("%2", format_number(series[-1][1], 1))
            )
        return text

    def _table(self, skills: list[str], with_average: bool) -> tuple[list[str], list[list[str]]]:
        """Every assessment, newest first, with the ticked series (built only when shown)."""
        catalogue = self.session.catalogue
        headers = [self.tr("Date")]
        if with_average:
            headers.append(self.tr("Average"))
        headers.extend(catalogue.skill(s).name for s in skills)
        not_rated = self.tr("not rated")
        rows = []
        for assessment in reversed(self.session.record().assessments):
            row = [assessment.taken_at.date().isoformat()]
            if with_average:
                mean = assessment.average
                row.append(f"{mean:.2f}" if mean is not None else not_rated)
            row.extend(str(assessment.ratings.get(s, not_rated)) for s in skills)
            rows.append(row)
        return headers, rows
