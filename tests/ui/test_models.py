"""The item models of the Steps, Plan and History pages, checked with qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from carepath.core.catalogue import STEP_IDS, load_catalogue
from carepath.core.models import Assessment, Goal, GoalStatus, Record
from carepath.ui.models import format_date
from carepath.ui.models.goals_table_model import GoalsTableModel
from carepath.ui.models.history_table_model import HistoryTableModel, excerpt
from carepath.ui.models.steps_table_model import StepsTableModel

#: The demo record's "today" (FIXED_TODAY in tests/conftest.py); importing conftest is fragile.
FIXED_TODAY = date(2026, 11, 26)

CATALOGUE = load_catalogue()


def _texts(model: object, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]  # type: ignore[attr-defined]


# --- goals ----------------------------------------------------------------------------------------
def test_goals_model_passes_the_model_tester(qtmodeltester, demo_record: Record) -> None:
    model = GoalsTableModel(CATALOGUE)
    model.set_goals(demo_record.goals, FIXED_TODAY)
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(GoalsTableModel.SortRole)
    proxy.sort(GoalsTableModel.COL_DUE)
    qtmodeltester.check(proxy)


def test_goals_model_columns_roles_and_overdue(qapp, demo_record: Record) -> None:
    model = GoalsTableModel(CATALOGUE)
    model.set_goals(demo_record.goals, FIXED_TODAY)
    assert model.rowCount() == 3 and model.columnCount() == GoalsTableModel.COLUMN_COUNT
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Skill", "Goal", "Actions", "Due date", "Status"]

    row = model.row_of("demogoal0003")  # due ten days ago, still in progress
    goal = model.index(row, 0).data(GoalsTableModel.GoalRole)
    assert isinstance(goal, Goal) and goal.id == "demogoal0003"
    due = model.index(row, GoalsTableModel.COL_DUE)
    assert "overdue" in due.data()
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Overdue" in due.data(Qt.ItemDataRole.ToolTipRole)
    assert due.data(GoalsTableModel.OverdueRole) is True
    assert (
        model.index(row, GoalsTableModel.COL_SKILL).data()
        == "Understanding of the healthcare system"
    )
    assert model.index(row, GoalsTableModel.COL_STATUS).data() == "In progress"

    on_time = model.index(model.row_of("demogoal0001"), GoalsTableModel.COL_DUE)
    assert "overdue" not in on_time.data()
    assert on_time.data(Qt.ItemDataRole.DecorationRole) is None

    # Done goals are never overdue, whatever their date.
    done = replace(goal, status=GoalStatus.DONE)
    model.set_goals([done], FIXED_TODAY)
    assert "overdue" not in model.index(0, GoalsTableModel.COL_DUE).data()


def test_goals_sort_by_due_date_with_undated_last(qapp) -> None:
    goals = [
        Goal.create("ethics", "B", due_date=FIXED_TODAY + timedelta(days=30)),
        Goal.create("ethics", "A"),
        Goal.create("ethics", "C", due_date=FIXED_TODAY + timedelta(days=3)),
    ]
    model = GoalsTableModel(CATALOGUE)
    model.set_goals(goals, FIXED_TODAY)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(GoalsTableModel.SortRole)
    proxy.sort(GoalsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
    assert _texts(proxy, GoalsTableModel.COL_TITLE) == ["C", "B", "A"]
    assert _texts(proxy, GoalsTableModel.COL_DUE)[2] == "No date"


def test_multi_line_actions_show_the_first_line_and_a_count(qapp) -> None:
    model = GoalsTableModel(CATALOGUE)
    model.set_goals([Goal.create("ethics", "T", actions="• one\n• two\n• three")], FIXED_TODAY)
    index = model.index(0, GoalsTableModel.COL_ACTIONS)
    assert index.data() == "• one (+2 more)"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "• one\n• two\n• three"


# --- history --------------------------------------------------------------------------------------
def test_history_model_passes_the_model_tester(qtmodeltester, demo_record: Record) -> None:
    model = HistoryTableModel()
    model.set_assessments(demo_record.assessments)
    qtmodeltester.check(model)


def test_history_is_newest_first_with_average_and_count(qapp, demo_record: Record) -> None:
    model = HistoryTableModel()
    model.set_assessments(demo_record.assessments)
    assert model.rowCount() == len(demo_record.assessments)
    newest = model.index(0, 0).data(HistoryTableModel.AssessmentRole)
    assert newest == demo_record.latest
    assert model.index(0, HistoryTableModel.COL_DATE).data() == format_date(
        demo_record.latest.taken_at.date()
    )
    average_text = model.index(0, HistoryTableModel.COL_AVERAGE).data()
    assert len(average_text.split(".")[-1]) == 1  # one decimal
    assert model.index(0, HistoryTableModel.COL_RATED).data() == "14 of 15"
    assert model.index(0, HistoryTableModel.COL_NOTE).data() == "Monthly check-in."
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Date", "Average level", "Skills rated", "Note"]


def test_history_of_an_assessment_with_nothing_rated(qapp) -> None:
    model = HistoryTableModel()
    model.set_assessments([Assessment.create({}, note="")])
    assert model.index(0, HistoryTableModel.COL_AVERAGE).data() == "—"
    assert model.index(0, HistoryTableModel.COL_RATED).data() == "0 of 15"


def test_note_excerpt() -> None:
    assert excerpt("") == ""
    assert excerpt("Short.") == "Short."
    assert excerpt("First line\nsecond line") == "First line …"
    long = "word " * 40
    cut = excerpt(long)
    assert cut.endswith("…") and len(cut) <= 61


# --- steps ----------------------------------------------------------------------------------------
def test_steps_model_passes_the_model_tester(qtmodeltester, demo_record: Record) -> None:
    model = StepsTableModel(CATALOGUE)
    model.set_record(demo_record, CATALOGUE, FIXED_TODAY)
    qtmodeltester.check(model)


@pytest.mark.parametrize("record_name", ["demo", "empty"])
def test_steps_model_lists_the_ten_steps(qapp, demo_record: Record, record_name: str) -> None:
    record = demo_record if record_name == "demo" else Record()
    model = StepsTableModel(CATALOGUE)
    model.set_record(record, CATALOGUE, FIXED_TODAY)
    assert [model.step_id(r) for r in range(model.rowCount())] == list(STEP_IDS)
    assert model.index(0, StepsTableModel.COL_STEP).data() == "1. Understand the role"
    overdue = [
        model.step_id(r)
        for r in range(model.rowCount())
        if model.index(r, 0).data(StepsTableModel.OverdueRole)
    ]
    assert overdue == (["legal_ethics"] if record_name == "demo" else [])
    if record_name == "demo":
        target = model.index(model.row_of("legal_ethics"), StepsTableModel.COL_TARGET)
        assert "overdue" in target.data()
        assert target.data(Qt.ItemDataRole.DecorationRole) is not None
        education = model.row_of("education")
        assert model.index(education, StepsTableModel.COL_CHECKLIST).data() == "1 of 8"
    else:
        assert set(_texts(model, StepsTableModel.COL_STATUS)) == {"Not started"}


def test_fixed_today_matches_the_demo_record(demo_record: Record) -> None:
    # The sample's first goal is due 45 days after the demo's "today".
    assert demo_record.goals[0].due_date == FIXED_TODAY + timedelta(days=45)
