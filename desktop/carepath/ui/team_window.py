"""File ▸ Team view…: a window of its own that reads a folder of shares and shows the team.

The folder is read on a pool thread (``core.team.read_team``, a few hundred milliseconds for 500
people) with progress and a Cancel button; the event loop keeps running, and only the finished
summary comes back to the GUI thread. What is shown:

* People: the heatmap (people × fifteen skills, a number in every cell, sortable, "Show as table"
  turns the colours off); a row opens that person's Overview read-only.
* Team radar: the median of each skill against a chosen stage's targets, with its table.
* Coverage, Widest gaps, Reassessment overdue and Skipped files, as tables.

Privacy: the window has no session. It never touches the manager's own record, and it never
writes into the folder; where each figure came from (file and dates) is in every tooltip and in
the People table's File column. The report export runs on a pool thread too.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import STAGE_IDS, Catalogue
from carepath.core.errors import CarePathError
from carepath.core.team import (
    Team,
    TeamReadCancelled,
    default_stage,
    names_list,
    overdue,
    read_team,
    skill_summaries,
    widest_gaps,
)
from carepath.ui.chart_canvas import ChartCanvas, RowsTableModel
from carepath.ui.models import format_date
from carepath.ui.models.team_heatmap_delegate import HeatmapDelegate
from carepath.ui.models.team_heatmap_model import (
    COL_ASSESSED,
    COL_FILE,
    COL_NAME,
    COL_STAGE,
    MEMBER_ROLE,
    TeamHeatmapModel,
)

log = logging.getLogger(__name__)
REPORT_FILTERS = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "csv": "CSV (*.csv)"}


class _ReadSignals(QObject):
    progressed = Signal(int, int, int)  # job, done, total
    finished = Signal(int, object)  # job, Team
    failed = Signal(int, str)
    cancelled = Signal(int)


class TeamReadJob(QRunnable):
    """Reads one folder on a pool thread; emits, never touches a widget."""

    def __init__(self, job: int, folder: Path) -> None:
        super().__init__()
        self.job = job
        self.folder = folder
        self.cancel = threading.Event()
        self.signals = _ReadSignals()
        self._last_percent = -1

    def _progress(self, done: int, total: int) -> None:
        # Hand the GIL over after each file: the GUI thread waiting for it (a timer, a paint)
        # then runs within a file's read (well under a millisecond) instead of the interpreter's
        # 5 ms switch interval, which a busy machine stretches much further.
        time.sleep(0)
        percent = done * 100 // max(total, 1)
        if percent != self._last_percent:  # at most 101 signals, whatever the folder's size
            self._last_percent = percent
            self.signals.progressed.emit(self.job, done, total)

    def run(self) -> None:
        try:
            team = read_team(self.folder, self._progress, self.cancel)
        except TeamReadCancelled:
            self.signals.cancelled.emit(self.job)
        except OSError as error:
            self.signals.failed.emit(self.job, error.strerror or str(error))
        else:
            self.signals.finished.emit(self.job, team)


class _ExportSignals(QObject):
    succeeded = Signal(str)
    failed = Signal(str)


class TeamExportJob(QRunnable):
    """Writes the team report on a pool thread (the PDF draws through Qt's thread-safe classes)."""

    def __init__(self, team: Team, catalogue: Catalogue, stage: str, fmt: str, out: Path) -> None:
        super().__init__()
        self.signals = _ExportSignals()
        self._args = (team, catalogue, stage, fmt, out)

    def run(self) -> None:
        from carepath.export.team_report import build_report, write_report

        team, catalogue, stage, fmt, out = self._args
        try:
            write_report(build_report(team, catalogue, stage), fmt, out)
        except CarePathError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # one sentence for the user; the details go to the log
            log.exception("team report failed")
            self.signals.failed.emit(type(error).__name__)
        else:
            self.signals.succeeded.emit(str(out))


def _table_view(
    parent: QWidget, name: str, *, wrap_last: bool = False
) -> tuple[QTableView, RowsTableModel]:
    """A read-only table; ``wrap_last`` fits its last column (lists of names) to the window and
    wraps it, growing the rows instead (for the fifteen-row tables only: it measures every row)."""
    model = RowsTableModel(parent)
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    if wrap_last:
        view.setProperty("wrap_last", True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view, model


class TeamWindow(QMainWindow):
    """The team view. ``open_folder`` starts reading; ``team_loaded`` fires when it is shown."""

    team_loaded = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.catalogue = catalogue
        self.team: Team | None = None
        self._job: TeamReadJob | None = None
        self._job_number = 0
        self._radar_stale = True
        self._stage_stale = False
        self._summaries: list[Any] = []
        self._overviews: list[QDialog] = []
        self.setWindowTitle(self.tr("Team view — CarePath"))
        self.resize(1180, 720)

        central = QWidget(self)
        self.setCentralWidget(central)
        top = self._build_top(central)
        busy = self._build_busy(central)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(busy)
        layout.addWidget(self.summary_label)
        layout.addWidget(self._build_tabs(central), 1)
        self._set_busy(False)

    # -- construction -------------------------------------------------------------------------
    def _build_top(self, central: QWidget) -> QVBoxLayout:
        """Choose folder and the folder read; under them the stage to compare with and Export
        report (two rows, so a long stage name or a large font still fits 800 px)."""
        self.choose_button = QPushButton(self.tr("&Choose folder…"), central)
        self.choose_button.clicked.connect(self.choose_folder)
        self.folder_label = QLabel(self.tr("No folder chosen yet."), central)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setWordWrap(True)
        self.stage_combo = QComboBox(central)
        for stage in self.catalogue.stages:
            self.stage_combo.addItem(stage.name, stage.id)
        self.stage_combo.setAccessibleName(self.tr("Compare with the targets of this stage"))
        self.stage_combo.currentIndexChanged.connect(self._stage_changed)
        stage_label = QLabel(self.tr("Compare with &stage:"), central)
        stage_label.setBuddy(self.stage_combo)
        self.export_button = QPushButton(self.tr("&Export report…"), central)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_report)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.folder_label, 1)
        stage_row = QHBoxLayout()
        stage_row.addWidget(stage_label)
        stage_row.addWidget(self.stage_combo)
        stage_row.addStretch(1)
        stage_row.addWidget(self.export_button)
        top = QVBoxLayout()
        top.addLayout(folder_row)
        top.addLayout(stage_row)
        return top

    def _build_busy(self, central: QWidget) -> QHBoxLayout:
        """The progress bar and Cancel shown while reading, and the summary line under them."""
        self.progress = QProgressBar(central)
        self.progress.setAccessibleName(self.tr("Reading the folder"))
        self.cancel_button = QPushButton(self.tr("Cancel"), central)
        self.cancel_button.clicked.connect(self.cancel_reading)
        self.summary_label = QLabel(central)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        return busy

    def _build_tabs(self, central: QWidget) -> QTabWidget:
        """People, Team radar, Coverage, Widest gaps, Reassessment overdue and Skipped files."""
        self.tabs = QTabWidget(central)
        self.tabs.addTab(self._build_people(), self.tr("People"))
        self.radar = ChartCanvas(central, accessible_name=self.tr("Team median against the target"))
        self.radar_description = QLabel(central)
        self.radar_description.setWordWrap(True)
        self.radar_description.setTextFormat(Qt.TextFormat.PlainText)
        radar_page = QWidget(central)
        radar_layout = QVBoxLayout(radar_page)
        radar_layout.addWidget(self.radar_description)
        radar_layout.addWidget(self.radar, 1)
        self.tabs.addTab(radar_page, self.tr("Team radar"))
        self.coverage_view, self.coverage_model = _table_view(
            central, self.tr("Coverage per skill"), wrap_last=True
        )
        self.tabs.addTab(self._described(self.coverage_view), self.tr("Coverage"))
        self.gaps_view, self.gaps_model = _table_view(
            central, self.tr("Widest gaps"), wrap_last=True
        )
        self.tabs.addTab(self._described(self.gaps_view), self.tr("Widest gaps"))
        self.overdue_view, self.overdue_model = _table_view(
            central, self.tr("Reassessment overdue")
        )
        self.tabs.addTab(self._described(self.overdue_view), self.tr("Reassessment overdue"))
        self.skipped_view, self.skipped_model = _table_view(central, self.tr("Skipped files"))
        self.tabs.addTab(self._described(self.skipped_view), self.tr("Skipped files"))
        self.tabs.currentChanged.connect(self._tab_changed)
        return self.tabs

    def _build_people(self) -> QWidget:
        page = QWidget(self)
        self.people_description = QLabel(
            self.tr(
                "One row per person, one numbered column per skill (hover a number for its "
                "name). Each cell shows the latest self-assessed level, 1 Novice to 5 Expert, "
                "then the latest reviewer's level after a slash where there is one; a dash is "
                "not rated. Darker is higher. Click a heading to sort; press Enter or "
                "double-click a row to open that person's overview, read-only."
            ),
            page,
        )
        self.people_description.setWordWrap(True)
        self.show_table = QCheckBox(self.tr("Show as &table (no colours)"), page)
        self.show_table.toggled.connect(self._show_as_table)
        self.open_button = QPushButton(self.tr("&Open overview"), page)
        self.open_button.clicked.connect(self.open_selected)
        self.heatmap_model = TeamHeatmapModel(page)
        self.heatmap = QTableView(page)
        self.heatmap.setModel(self.heatmap_model)
        self.heatmap.setAccessibleName(self.tr("Skills by person"))
        self.heatmap.setAccessibleDescription(self.people_description.text())
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatmap.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.heatmap.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heatmap.setTabKeyNavigation(False)
        self.heatmap.setSortingEnabled(True)
        self.heatmap.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.heatmap.verticalHeader().setVisible(False)
        self.heatmap_delegate = HeatmapDelegate(self.heatmap_model, self.heatmap)
        self.heatmap.setItemDelegate(self.heatmap_delegate)
        header = self.heatmap.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(44)
        self.heatmap.activated.connect(self._open_index)
        self.heatmap.doubleClicked.connect(self._open_index)
        row = QHBoxLayout()
        row.addWidget(self.show_table)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people_description)
        layout.addLayout(row)
        layout.addWidget(self.heatmap, 1)
        return page

    def _show_as_table(self, on: bool) -> None:
        self.heatmap_model.set_coloured(not on)
        self.heatmap_delegate.coloured = not on
        self.heatmap.viewport().update()

    def _described(self, view: QTableView) -> QWidget:
        page = QWidget(self)
        label = QLabel(page)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        view.setProperty("description_label", label)
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addWidget(view, 1)
        return page

    def _describe(self, view: QTableView, text: str) -> None:
        if view.property("wrap_last"):
            last = view.model().columnCount() - 1
            if last > 0:  # "stretch last section" would keep its full one-line width
                view.horizontalHeader().setStretchLastSection(False)
                view.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        label = view.property("description_label")
        if isinstance(label, QLabel):
            label.setText(text)
        view.setAccessibleDescription(text)

    # -- reading --------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder that holds the shared files")
        )
        if chosen:
            self.open_folder(Path(chosen))

    def open_folder(self, folder: Path) -> None:
        """Start reading ``folder`` on a pool thread (cancelling any read still running)."""
        self.cancel_reading()
        self._job_number += 1
        job = TeamReadJob(self._job_number, folder)
        job.signals.progressed.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._job = job
        self.folder_label.setText(str(folder))
        self.progress.setRange(0, 0)
        self.summary_label.setText(self.tr("Reading the files…"))
        self._set_busy(True)
        QThreadPool.globalInstance().start(job)

    def cancel_reading(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self._job = None
            self._set_busy(False)
            self.summary_label.setText(self.tr("Reading cancelled; nothing was kept."))

    def is_reading(self) -> bool:
        return self._job is not None

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy and self.team is not None)

    def _current(self, job: int) -> bool:
        return self._job is not None and job == self._job.job

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if self._current(job):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_failed(self, job: int, reason: str) -> None:
        if not self._current(job):
            return
        self._job = None
        self._set_busy(False)
        self.summary_label.setText(
            self.tr("The folder cannot be read (%1); choose another folder.").replace("%1", reason)
        )

    def _on_cancelled(self, job: int) -> None:
        if self._current(job):
            self._job = None
            self._set_busy(False)

    def _on_finished(self, job: int, team: Team) -> None:
        if not self._current(job):
            return  # a read that was cancelled or replaced
        self._job = None
        self.team = team
        stage = default_stage(team.members, STAGE_IDS)
        self.stage_combo.blockSignals(True)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(stage)))
        self.stage_combo.blockSignals(False)
        self.heatmap_model.set_team(
            team.members,
            [s.name for s in self.catalogue.skills],
            {s.id: s.name for s in self.catalogue.stages},
        )
        self._fit_columns(team)
        header = self.heatmap.horizontalHeader()
        self.heatmap_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.skipped_model.set_rows(
            [self.tr("File"), self.tr("Why it was skipped")],
            [[s.file, self._skip_text(s.reason, s.detail, s.other)] for s in team.skipped],
        )
        self._describe(
            self.skipped_view,
            self.tr("Files in the folder that could not be used, and why: %1.").replace(
                "%1", str(len(team.skipped))
            ),
        )
        self.summary_label.setText(
            self.tr("%1 people from %2, read %3; %4 files skipped (see Skipped files).")
            .replace("%1", str(len(team.members)))
            .replace("%2", str(team.folder))
            .replace("%3", format_date(team.read_at.date()))
            .replace("%4", str(len(team.skipped)))
        )
        self._set_busy(False)
        self._stage_stale = True
        self._tab_changed()  # the tables that depend on the stage fill when their tab is shown
        self.team_loaded.emit()

    def _fit_columns(self, team: Team) -> None:
        """Widths from the longest text, measured once per column: ``resizeColumnToContents``
        asks the model for every row's size hint (0.3 s for 500 people)."""
        metrics = self.heatmap.fontMetrics()
        header = self.heatmap.horizontalHeader()
        pad = 24

        def fit(column: int, texts: Any, most: int = 10_000) -> None:
            """The longest text or the heading, whichever is wider (capped at ``most``)."""
            longest = sorted(set(texts), key=len, reverse=True)[:24]  # enough to find the widest
            cells = max((metrics.horizontalAdvance(text) for text in longest), default=0) + pad
            heading = header.sectionSizeFromContents(column).width()
            self.heatmap.setColumnWidth(column, max(heading, min(most, cells)))

        stages = {s.id: s.name for s in self.catalogue.stages}
        fit(COL_NAME, (m.name for m in team.members), 320)
        fit(COL_STAGE, (stages.get(m.current_stage, "") for m in team.members), 240)
        fit(COL_ASSESSED, [format_date(date(2026, 12, 30))])
        fit(COL_FILE, (m.file for m in team.members), 320)

    def _skip_text(self, reason: str, detail: str, other: str) -> str:
        texts = {
            "damaged": self.tr("damaged (%1)").replace("%1", detail.removeprefix("damaged: ")),
            "foreign": self.tr("not a CarePath backup or share"),
            "newer": self.tr("made by a newer CarePath; update CarePath to read it"),
            "too_large": self.tr("larger than the import size limit"),
            "duplicate": self.tr("the same person as %1, which was exported later").replace(
                "%1", other
            ),
            "unreadable": self.tr("cannot be read (%1)").replace("%1", detail),
        }
        return texts.get(reason, detail)

    # -- the stage and what depends on it -------------------------------------------------------
    def stage(self) -> str:
        return str(self.stage_combo.currentData() or "coordinator")

    def _stage_changed(self) -> None:
        if self.team is not None:
            self._stage_stale = True
            self._tab_changed()

    def _refresh_stage_views(self) -> None:
        team = self.team
        if team is None:
            return
        stage = self.catalogue.stage(self.stage())
        summaries = skill_summaries(team.members, stage.targets)
        names = {s.id: s.name for s in self.catalogue.skills}
        self._fill_coverage(summaries, names, stage.name)
        self._fill_gaps(summaries, names, stage.name)
        self._fill_overdue(team)
        self._summaries = summaries
        self.radar_description.setText(self._radar_text(summaries, stage.name))
        self.radar.setAccessibleDescription(self.radar_description.text())
        self._radar_stale = True
        if self.tabs.currentWidget() is self.radar.parentWidget():
            self._draw_radar()

    def _who(self, people: tuple[str, ...]) -> str:
        """The people in a cell: "nobody", or the names cut to fit with "and N more"."""
        if not people:
            return self.tr("nobody")
        return names_list(people, 40, self.tr("and %1 more").replace("%1", "{count}"))

    def _fill_coverage(self, summaries: list[Any], names: dict[str, str], stage_name: str) -> None:
        self.coverage_model.set_rows(
            [self.tr("Skill"), self.tr("Target"), self.tr("At or above"), self.tr("Who")],
            [
                [
                    names[s.skill],
                    s.target,
                    self.tr("%1 of %2").replace("%1", str(len(s.met))).replace("%2", str(s.rated)),
                    self._who(s.met),
                ]
                for s in summaries
            ],
        )
        self._describe(
            self.coverage_view,
            self.tr("How many people meet the target of %1 on each skill, and who.").replace(
                "%1", stage_name
            ),
        )

    def _fill_gaps(self, summaries: list[Any], names: dict[str, str], stage_name: str) -> None:
        self.gaps_model.set_rows(
            [
                self.tr("Skill"),
                self.tr("Team median"),
                self.tr("Target"),
                self.tr("Below target"),
                self.tr("Who"),
            ],
            [
                [
                    names[s.skill],
                    "–" if s.median is None else f"{s.median:g}",
                    s.target,
                    self.tr("%1 of %2")
                    .replace("%1", str(len(s.below)))
                    .replace("%2", str(s.rated)),
                    self._who(s.below),
                ]
                for s in widest_gaps(summaries)
            ],
        )
        self._describe(
            self.gaps_view,
            self.tr(
                "The skills where the team falls furthest short of the targets of %1: the "
                "median's shortfall first, then how many people are below them."
            ).replace("%1", stage_name),
        )

    def _fill_overdue(self, team: Team) -> None:
        late = overdue(team.members, date.today())
        self.overdue_model.set_rows(
            [
                self.tr("Person"),
                self.tr("Last self-assessment"),
                self.tr("Due"),
                self.tr("Days overdue"),
                self.tr("File"),
            ],
            [
                [
                    m.name,
                    format_date(m.assessed_at.date() if m.assessed_at else None, self.tr("never")),
                    format_date(m.due(), "—"),
                    days,
                    m.file,
                ]
                for m, days in late
            ],
        )
        self._describe(
            self.overdue_view,
            self.tr("%1 people have not reassessed within their own interval.").replace(
                "%1", str(len(late))
            ),
        )

    def _radar_text(self, summaries: list[Any], stage_name: str) -> str:
        met = sum(1 for s in summaries if s.median is not None and s.median >= s.target)
        rated = sum(1 for s in summaries if s.median is not None)
        return (
            self.tr(
                "The team's median level on each skill against the targets of %1: the median "
                "meets the target on %2 of %3 rated skills. Show as table gives the numbers."
            )
            .replace("%1", stage_name)
            .replace("%2", str(met))
            .replace("%3", str(rated))
        )

    def _tab_changed(self) -> None:
        """Fill what the shown tab needs: the heatmap alone is ready the moment a folder is read
        (resizing four tables to 500 rows' contents took 0.3 s of the GUI thread)."""
        if self._stage_stale and self.tabs.currentIndex() > 0:
            self._stage_stale = False
            self._refresh_stage_views()
        if self.tabs.currentWidget() is self.radar.parentWidget() and self._radar_stale:
            self.radar.after_paint(self._draw_radar)

    def _draw_radar(self) -> None:
        """Built only when its tab is shown: matplotlib's import stays off the reading path."""
        team = self.team
        if team is None or not self._radar_stale:
            return
        from carepath.charts.radar import RadarChart, RadarData

        self._radar_stale = False
        stage = self.catalogue.stage(self.stage())
        summaries = self._summaries
        data = RadarData(
            labels=[s.name for s in self.catalogue.skills],
            target=[float(s.target) for s in summaries],
            current=[s.median for s in summaries],
            target_label=self.tr("Target: %1").replace("%1", stage.name),
            current_label=self.tr("Team median"),
            not_rated_label=self.tr("Not rated yet"),
            nothing_rated_label=self.tr("Nothing rated yet"),
        )
        self.radar.set_figure(RadarChart(data, self.radar.theme(), size_inches=(6, 6)).figure)
        self.radar.set_table(
            [self.tr("Skill"), self.tr("Team median"), self.tr("Target")],
            [
                [
                    self.catalogue.skill(s.skill).name,
                    "–" if s.median is None else f"{s.median:g}",
                    s.target,
                ]
                for s in summaries
            ],
        )

    # -- a person's overview -------------------------------------------------------------------
    def open_selected(self) -> None:
        index = self.heatmap.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        member = index.data(MEMBER_ROLE)
        if member is None:
            return
        from carepath.core.team import load_member_record
        from carepath.ui.team_overview import MemberOverviewDialog

        try:
            record = load_member_record(member.path)
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Overview not available"), str(error))
            return
        dialog = MemberOverviewDialog(record, self.catalogue, member, self)
        self._overviews.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._forget_overview(d))
        dialog.show()

    def _forget_overview(self, dialog: QDialog) -> None:
        if dialog in self._overviews:
            self._overviews.remove(dialog)
        dialog.deleteLater()

    # -- the report ------------------------------------------------------------------------------
    def export_report(self) -> None:
        if self.team is None:
            return
        suggested = str(Path.home() / f"team-report-{date.today().isoformat()}.pdf")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export team report"), suggested, ";;".join(REPORT_FILTERS.values())
        )
        if not chosen:
            return
        out = Path(chosen)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in REPORT_FILTERS:
            fmt = next((k for k, v in REPORT_FILTERS.items() if v == chosen_filter), "pdf")
            out = out.with_suffix("." + fmt)
        if out.resolve().parent == self.team.folder.resolve():
            QMessageBox.warning(
                self,
                self.tr("Report not written"),
                self.tr(
                    "CarePath never writes into the team folder; choose another folder for the "
                    "report."
                ),
            )
            return
        self.export_button.setEnabled(False)
        self.summary_label.setText(self.tr("Writing the report…"))
        job = TeamExportJob(self.team, self.catalogue, self.stage(), fmt, out)
        job.signals.succeeded.connect(self._on_exported)
        job.signals.failed.connect(self._on_export_failed)
        self._export_job = job
        QThreadPool.globalInstance().start(job)

    def _on_exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.summary_label.setText(self.tr("Wrote %1.").replace("%1", path))

    def _on_export_failed(self, reason: str) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(
            self,
            self.tr("Report not written"),
            self.tr("The team report could not be written (%1); try another folder.").replace(
                "%1", reason
            ),
        )

    def closeEvent(self, event: Any) -> None:  # Qt's name
        self.cancel_reading()
        for dialog in list(self._overviews):
            dialog.close()
        super().closeEvent(event)


def open_team_view(parent: QWidget, catalogue: Catalogue) -> TeamWindow:
    """Show the team view (one per main window: a second call brings it forward)."""
    existing = getattr(parent, "_team_window", None)
    if isinstance(existing, TeamWindow):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = TeamWindow(catalogue, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    parent._team_window = window  # type: ignore[attr-defined]
    window.show()
    return window
