"""Overview: where the user stands — the radar against the target stage, gaps, strengths, readiness.

Everything shown is computed by ``carepath.core.scoring`` from the latest assessment; this page only
lays the answers out. An empty record gets a friendly prompt instead of empty charts.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carepath.core import scoring
from carepath.core.catalogue import SKILL_IDS
from carepath.core.review import latest_review
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.models import format_date, format_number
from carepath.ui.pages.base import Page
from carepath.ui.review_widgets import DifferencesBox, level_text, review_values

if TYPE_CHECKING:
    from collections.abc import Mapping

    from carepath.core.catalogue import Stage
    from carepath.core.models import Assessment, Profile, Record
    from carepath.ui.session import Session


class OverviewPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Overview")
    icon_name = "go-home"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._chart_pending = False
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_empty())
        self._stack.addWidget(self._build_filled())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # -- construction -------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        panel = QWidget(self)
        heading = QLabel(self.tr("Nothing rated yet"), panel)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Your first self-assessment takes about ten minutes: fifteen skills, each with "
                "five short descriptions to choose from. Then this page shows where you stand."
            ),
            panel,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(480)
        # A wrapped label centred by a layout gets its one-line height: ask for the real one.
        text.setMinimumHeight(text.heightForWidth(480))
        self.start_button = QPushButton(self.tr("&Start your first assessment"), panel)
        self.start_button.setAccessibleName(self.tr("Start your first assessment"))
        self.start_button.clicked.connect(lambda: self.navigate_requested.emit("assess"))
        layout = QVBoxLayout(panel)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return panel

    def _build_filled(self) -> QWidget:
        panel = QWidget(self)
        self.heading = QLabel(panel)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.stages_label = QLabel(panel)
        self.stages_label.setWordWrap(True)
        self.stages_label.setTextFormat(Qt.TextFormat.PlainText)

        self.radar = ChartCanvas(panel, accessible_name=self.tr("Radar chart: you and your target"))
        self.radar.setMinimumSize(260, 260)  # 800x600 at a 1.5x font leaves 600 px to share
        self.radar.theme_changed.connect(self._schedule_chart)

        body = QHBoxLayout()
        body.addWidget(self.radar, 3)
        body.addWidget(self._build_side(panel), 2)

        layout = QVBoxLayout(panel)
        layout.addWidget(self.heading)
        layout.addWidget(self.stages_label)
        layout.addLayout(body, 1)
        return panel

    def _build_side(self, panel: QWidget) -> QScrollArea:
        """The column beside the radar: key figures, gaps, strengths, reviewers, New assessment.

        It scrolls on its own so that a large font or a small window never squeezes the radar.
        """
        figures = self._build_figures(panel)
        gaps_box, strengths_box = self._build_lists(panel)
        self.assess_button = QPushButton(self.tr("&New assessment"), panel)
        self.assess_button.setAccessibleName(self.tr("Start a new assessment"))
        self.assess_button.clicked.connect(lambda: self.navigate_requested.emit("assess"))

        side = QWidget(panel)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(figures)
        side_layout.addWidget(gaps_box)
        side_layout.addWidget(strengths_box)
        self.review_differences = DifferencesBox(side)
        self.review_differences.show_on_chart.toggled.connect(self._schedule_chart)
        side_layout.addWidget(self.review_differences)
        side_layout.addWidget(self.assess_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addStretch(1)
        side_scroll = QScrollArea(panel)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take focus, not it
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side)
        # Room for the key figures and a scroll bar beside them, never less than 250 px.
        side_scroll.setMinimumWidth(
            max(250, side.minimumSizeHint().width())
            + side_scroll.verticalScrollBar().sizeHint().width()
        )
        side_scroll.verticalScrollBar().setAccessibleName(self.tr("Scroll the key figures"))
        side_scroll.setMaximumWidth(460)
        return side_scroll

    def _build_figures(self, panel: QWidget) -> QGroupBox:
        """At a glance: readiness as a bar and in words, the average, when taken and when due."""
        figures = QGroupBox(self.tr("At a glance"), panel)
        grid = QGridLayout(figures)
        self.readiness_bar = QProgressBar(figures)
        self.readiness_bar.setRange(0, 100)
        self.readiness_bar.setAccessibleName(self.tr("Readiness for your target stage"))
        self.readiness_bar.setFormat("%p%")
        self.readiness_label = QLabel(figures)
        self.readiness_label.setWordWrap(True)
        self.average_label = QLabel(figures)
        self.average_label.setWordWrap(True)
        self.due_label = QLabel(figures)
        self.due_label.setWordWrap(True)
        self.taken_label = QLabel(figures)
        self.taken_label.setWordWrap(True)
        readiness_caption = QLabel(self.tr("Readiness:"), figures)
        grid.addWidget(readiness_caption, 0, 0)
        grid.addWidget(self.readiness_bar, 0, 1)
        grid.addWidget(self.readiness_label, 1, 0, 1, 2)
        grid.addWidget(self.average_label, 2, 0, 1, 2)
        grid.addWidget(self.taken_label, 3, 0, 1, 2)
        grid.addWidget(self.due_label, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return figures

    def _build_lists(self, panel: QWidget) -> tuple[QGroupBox, QGroupBox]:
        """The largest gaps and the strengths, each three to seven lines of the system font tall."""
        gaps_box = QGroupBox(self.tr("Largest gaps"), panel)
        self.gaps_list = QListWidget(gaps_box)
        self.gaps_list.setAccessibleName(self.tr("Largest gaps to your target"))
        self.gaps_list.setWordWrap(True)
        QVBoxLayout(gaps_box).addWidget(self.gaps_list)
        strengths_box = QGroupBox(self.tr("Strengths"), panel)
        self.strengths_list = QListWidget(strengths_box)
        self.strengths_list.setAccessibleName(self.tr("Your strengths"))
        self.strengths_list.setWordWrap(True)
        QVBoxLayout(strengths_box).addWidget(self.strengths_list)
        for widget in (self.gaps_list, self.strengths_list):
            lines = widget.fontMetrics().lineSpacing()  # follows the system font size
            widget.setMinimumHeight(lines * 3 + 12)
            widget.setMaximumHeight(lines * 7 + 12)
        return gaps_box, strengths_box

    # -- Page ---------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._stack.currentIndex() == 0

    def refresh(self) -> None:
        record = self.session.record()
        if record.latest is None:
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        self._fill_text(record)
        self._schedule_chart()

    def _fill_text(self, record: Record) -> None:
        catalogue = self.session.catalogue
        profile = record.profile
        latest = record.latest
        assert latest is not None
        target = catalogue.stage(profile.target_stage)
        self._fill_heading(profile, catalogue.stage(profile.current_stage), target)
        self._fill_figures(latest, target)
        self._fill_due(record)
        self.radar.set_description(self._chart_summary(record))
        self._fill_lists(latest.ratings, target)
        self.review_differences.show_record(record, catalogue)

    def _fill_heading(self, profile: Profile, current: Stage, target: Stage) -> None:
        """Whose overview this is, and the stage now and the one aimed for, with their salaries."""
        if profile.name:
            self.heading.setText(self.tr("Where %1 stands").replace("%1", profile.name))
        else:
            self.heading.setText(self.tr("Where you stand"))
        stages = self.tr("Now: %1 (%2).  Aiming for: %3 (%4).")
        self.stages_label.setText(
            stages.replace("%1", current.name)
            .replace("%2", current.salary_band)
            .replace("%3", target.name)
            .replace("%4", target.salary_band)
        )
        # The bands are US figures: said where they appear, without crowding the line.
        self.stages_label.setToolTip(self.session.catalogue.us_note)
        self.stages_label.setAccessibleDescription(self.session.catalogue.us_note)

    def _fill_figures(self, latest: Assessment, target: Stage) -> None:
        """Readiness for the target, the average level and when the latest assessment was taken."""
        catalogue = self.session.catalogue
        ratings = latest.ratings
        ready = scoring.readiness(ratings, target)
        percent = round(ready * 100) if ready is not None else 0
        self.readiness_bar.setValue(percent)
        self.readiness_bar.setAccessibleDescription(f"{percent}%")
        self.readiness_label.setText(
            self.tr("%1% of the %2 profile met, over the skills you have rated.")
            .replace("%1", str(percent))
            .replace("%2", target.name)
        )
        mean = scoring.average(ratings)
        if mean is None:
            self.average_label.setText(self.tr("Average level: nothing rated yet"))
        else:
            nearest = catalogue.level(max(1, min(5, round(mean)))).name
            rated = sum(1 for s in SKILL_IDS if s in ratings)
            self.average_label.setText(
                self.tr("Average level: %1 (about %2), over %3 of %4 skills")
                .replace("%1", f"{mean:.1f}")
                .replace("%2", nearest)
                .replace("%3", str(rated))
                .replace("%4", str(len(SKILL_IDS)))
            )
        self.taken_label.setText(
            self.tr("Latest assessment: %1").replace("%1", format_date(latest.taken_at.date()))
        )

    def _fill_due(self, record: Record) -> None:
        """When to reassess, in bold with a warning sign once that date has passed."""
        due = record.next_reassessment()
        if due is not None:
            if due < date.today():
                self.due_label.setText(
                    self.tr("⚠ Reassessment overdue since %1").replace("%1", format_date(due))
                )
                self.due_label.setStyleSheet("font-weight: bold")
            else:
                self.due_label.setText(
                    self.tr("Next reassessment due: %1").replace("%1", format_date(due))
                )
                self.due_label.setStyleSheet("")

    def _fill_lists(self, ratings: Mapping[str, int], target: Stage) -> None:
        """The five largest gaps and five strengths, or one line saying there are none."""
        self.gaps_list.clear()
        for gap in scoring.largest_gaps(ratings, target, count=5):
            self.gaps_list.addItem(self._gap_text(gap, self.tr("%1: %2 → %3 (%4 to go)")))
        if self.gaps_list.count() == 0:
            self.gaps_list.addItem(self.tr("No gaps: every rated skill meets the target."))
        self.strengths_list.clear()
        for gap in scoring.strengths(ratings, target, count=5):
            self.strengths_list.addItem(self._gap_text(gap, self.tr("%1: %2 (target %3)")))
        if self.strengths_list.count() == 0:
            self.strengths_list.addItem(self.tr("None at target yet: the plan is for that."))

    def _chart_summary(self, record: Record) -> str:
        """The radar in one sentence, for screen readers."""
        catalogue = self.session.catalogue
        latest = record.latest
        assert latest is not None
        target = catalogue.stage(record.profile.target_stage)
        mean = scoring.average(latest.ratings)
        if mean is None:
            return self.tr("Radar of %1 skills: nothing rated yet.").replace(
                "%1", str(len(SKILL_IDS))
            )
        target_mean = sum(target.targets[s] for s in SKILL_IDS) / len(SKILL_IDS)
        gaps = scoring.largest_gaps(latest.ratings, target, count=1)
        text = (
            self.tr("Radar of %1 skills: latest average %2 against a target average of %3; %4")
            .replace("%1", str(len(SKILL_IDS)))
            .replace("%2", format_number(mean, 1))
            .replace("%3", format_number(target_mean, 1))
        )
        if gaps:
            largest = self.tr("largest gap: %1.").replace("%1", catalogue.skill(gaps[0].skill).name)
        else:
            largest = self.tr("no gaps to the target.")
        return text.replace("%4", largest)

    def _gap_text(self, gap: scoring.Gap, template: str) -> str:
        catalogue = self.session.catalogue
        return (
            template.replace("%1", catalogue.skill(gap.skill).name)
            .replace("%2", f"{gap.level} {catalogue.level(gap.level).name}")
            .replace("%3", f"{gap.target} {catalogue.level(gap.target).name}")
            .replace("%4", str(gap.gap))
        )

    # -- chart --------------------------------------------------------------------------------
    def _schedule_chart(self) -> None:
        if not self._chart_pending:
            self._chart_pending = True
            self.radar.after_paint(self.draw_chart)

    def draw_chart(self) -> None:
        """Build the radar (matplotlib is imported here, after the window is shown)."""
        self._chart_pending = False
        record = self.session.record()
        latest = record.latest
        if latest is None:
            return
        from carepath.charts.radar import RadarChart, RadarData

        catalogue = self.session.catalogue
        target = catalogue.stage(record.profile.target_stage)

        def values(ratings: dict[str, int] | None) -> list[float | None]:
            ratings = ratings or {}
            return [float(ratings[s]) if s in ratings else None for s in SKILL_IDS]

        previous = record.previous
        review = latest_review(record.reviews)
        if not self.review_differences.show_on_chart.isChecked():
            review = None
        data = RadarData(
            labels=[s.name for s in catalogue.skills],
            target=[float(target.targets[s]) for s in SKILL_IDS],
            current=values(dict(latest.ratings)),
            previous=values(dict(previous.ratings)) if previous else None,
            target_label=self.tr("Target: %1").replace("%1", target.name),
            current_label=self.tr("Latest (%1)").replace("%1", format_date(latest.taken_at.date())),
            previous_label=self.tr("Previous"),
            not_rated_label=self.tr("Not rated yet"),
            nothing_rated_label=self.tr("Nothing rated yet"),
            review=review_values(review) if review else None,
            review_label=self.tr("Review: %1").replace("%1", review.reviewer) if review else "",
        )
        chart = RadarChart(data, self.radar.theme(), size_inches=(6, 6))
        self.radar.set_figure(chart.figure)

        def level(value: int | None) -> str:
            return f"{value} {catalogue.level(value).name}" if value else self.tr("Not rated yet")

        rows = [
            [
                skill.name,
                level(latest.ratings.get(skill.id)),
                level(target.targets[skill.id]),
                level(previous.ratings.get(skill.id)) if previous else "",
                *([level_text(catalogue, review, skill.id)] if review else []),
            ]
            for skill in catalogue.skills
        ]
        headers = [self.tr("Skill"), self.tr("Latest"), self.tr("Target"), self.tr("Previous")]
        self.radar.set_table([*headers, *([self.tr("Review")] if review else [])], rows)
