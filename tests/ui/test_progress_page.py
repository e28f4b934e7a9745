"""The Progress page: skill chooser and presets, call-outs, table, and a very long history."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Qt, Signal

from carepath.core import scoring
from carepath.core.catalogue import SKILL_IDS, load_catalogue
from carepath.core.models import Assessment, Profile, Record
from carepath.ui.pages.progress_page import ProgressPage
from carepath.ui.session import Session


def _page(qtbot, session: object) -> ProgressPage:  # type: ignore[no-untyped-def]
    page = ProgressPage(session)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.chart.canvas is not None)
    return page


def test_starts_with_the_average_and_the_largest_gaps(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    skills, average = page.chosen()
    assert average
    assert skills == page.largest_gap_skills()
    assert 1 <= len(skills) <= 3
    figure = page.chart.figure
    assert figure is not None
    labels = [line.get_label() for line in figure.axes[0].get_lines()]
    assert "Average" in labels


def test_presets(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.all_button.click()
    assert page.chosen() == (list(SKILL_IDS), True)
    page.none_button.click()
    assert page.chosen() == ([], False)
    page.gaps_button.click()
    assert page.chosen()[0] == page.largest_gap_skills()
    item = page.skill_list.item(1 + SKILL_IDS.index("ethics"))
    item.setCheckState(Qt.CheckState.Checked)
    assert "ethics" in page.chosen()[0]


def test_callouts_name_the_skills(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    record = demo_session.record()
    catalogue = demo_session.catalogue
    improved = scoring.most_improved(record.assessments)
    assert improved
    assert catalogue.skill(improved[0].skill).name in page.improved_label.text()
    stage = catalogue.stage(record.profile.target_stage)
    for gap in scoring.needs_attention(record.assessments, stage):
        assert catalogue.skill(gap.skill).name in page.attention_label.text()


def test_table_has_one_row_per_assessment(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.draw_chart()
    page.chart.show_table(True)
    model = page.chart.table_model()
    assert model.rowCount() == len(demo_session.record().assessments)
    skills, _ = page.chosen()
    assert model.columnCount() == 2 + len(skills)


def test_empty_record(qtbot, empty_session: Session) -> None:
    page = _page(qtbot, empty_session)
    assert "Shown after two assessments" in page.improved_label.text()
    assert page.chart.figure is not None


class _LongSession(QObject):
    """Just what the page reads, with a record too long to be worth writing to disk here."""

    record_changed = Signal()

    def __init__(self, record: Record) -> None:
        super().__init__()
        self._record = record
        self.catalogue = load_catalogue()

    def record(self) -> Record:
        return self._record


def test_ten_thousand_assessments_draw_quickly(qtbot) -> None:
    start = datetime(2000, 1, 1, tzinfo=UTC)
    assessments = tuple(
        Assessment(
            id=f"a{i}",
            taken_at=start + timedelta(hours=12 * i),
            ratings={s: 1 + (i + n) % 5 for n, s in enumerate(SKILL_IDS)},
        )
        for i in range(10_000)
    )
    session = _LongSession(Record(profile=Profile(created_at="x"), assessments=assessments))
    page = _page(qtbot, session)
    page.all_button.click()
    began = time.perf_counter()
    page.draw_chart()
    page.chart.draw_now()
    took = time.perf_counter() - began
    assert took < 3.0  # issue 6 asks for 0.2 s on this machine; the benchmark measures that
    page.chart.show_table(True)
    assert page.chart.table_model().rowCount() == 10_000
