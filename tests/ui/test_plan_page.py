"""The Plan page: goals table, add/edit/delete with undo, suggestions in one undo step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
)

from carepath.core.models import Assessment, GoalStatus
from carepath.core.plan import WEEKS_PER_LEVEL
from carepath.core.storage import DataStore
from carepath.ui.dialogs.goal_dialog import GoalDialog
from carepath.ui.models.goals_table_model import GoalsTableModel
from carepath.ui.pages.plan_page import PlanPage
from carepath.ui.session import Session

#: The demo record's "today" (FIXED_TODAY in tests/conftest.py); importing conftest is fragile.
FIXED_TODAY = date(2026, 11, 26)


def _page(qtbot, session: Session) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(session)
    page.today = lambda: FIXED_TODAY
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _answer_dialogs(
    qtbot, page: PlanPage, monkeypatch: pytest.MonkeyPatch, fill: Callable[[GoalDialog], None]
) -> list[GoalDialog]:  # type: ignore[no-untyped-def]
    """Make the page's dialog fill itself in and press Save instead of waiting for a user."""
    shown: list[GoalDialog] = []
    make = page.make_dialog

    def fake(goal):  # type: ignore[no-untyped-def]
        dialog = make(goal)
        qtbot.addWidget(dialog)

        def exec_() -> int:
            fill(dialog)
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            return dialog.result()

        dialog.exec = exec_  # type: ignore[method-assign]
        shown.append(dialog)
        return dialog

    monkeypatch.setattr(page, "make_dialog", fake)
    return shown


def _titles(page: PlanPage) -> set[str]:
    return {g.title for g in page.model.goals()}


def test_demo_record_shows_its_goals_with_the_overdue_one_marked(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    assert page.proxy.rowCount() == 3
    assert not page.empty_label.isVisibleTo(page)
    due_texts = [
        page.proxy.index(r, GoalsTableModel.COL_DUE).data() for r in range(page.proxy.rowCount())
    ]
    assert sum("overdue" in text for text in due_texts) == 1
    # Sorted by due date: the overdue goal first; it is selected and described in full.
    assert "overdue" in due_texts[0]
    assert page.selected_goal() is not None
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    assert "Billing lead" in page.detail_label.text()


def test_empty_record_says_what_to_do(qtbot, empty_session) -> None:
    page = _page(qtbot, empty_session)
    assert page.proxy.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    page.suggest()
    assert "no assessment yet" in page.message_label.text().lower()
    assert empty_session.undo_stack.count() == 0


def test_add_edit_delete_undo_redo_round_trip_is_saved(
    qtbot, demo_session, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_session)
    stack = demo_session.undo_stack

    def fill_new(dialog: GoalDialog) -> None:
        dialog.skill_combo.setCurrentIndex(dialog.skill_combo.findData("ethics"))
        dialog.title_edit.setText("Finish the ethics course")
        dialog.actions_edit.setPlainText("Two modules a week")
        dialog.due.check.setChecked(True)

    _answer_dialogs(qtbot, page, monkeypatch, fill_new)
    page.add_button.click()
    added = next(g for g in demo_session.record().goals if g.title == "Finish the ethics course")
    assert added.skill == "ethics"
    assert added.due_date == FIXED_TODAY + timedelta(weeks=WEEKS_PER_LEVEL)
    assert page.selected_goal() == added

    def fill_edit(dialog: GoalDialog) -> None:
        assert dialog.title_edit.text() == "Finish the ethics course"
        dialog.title_edit.setText("Finish the ethics course with distinction")
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("in_progress"))

    _answer_dialogs(qtbot, page, monkeypatch, fill_edit)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter edits the selected goal
    edited = next(g for g in demo_session.record().goals if g.id == added.id)
    assert edited.title == "Finish the ethics course with distinction"
    assert edited.status is GoalStatus.IN_PROGRESS

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # Delete key deletes it
    assert added.id not in {g.id for g in demo_session.record().goals}
    assert "deleted" in page.message_label.text()
    assert stack.count() == 3

    stack.undo()  # the deletion
    assert next(g for g in demo_session.record().goals if g.id == added.id) == edited
    stack.undo()  # the edit
    assert next(g for g in demo_session.record().goals if g.id == added.id) == added
    stack.undo()  # the addition
    assert len(demo_session.record().goals) == 3
    stack.redo()
    stack.redo()
    assert "Finish the ethics course with distinction" in _titles(page)

    demo_session.close()
    with DataStore.open(demo_path) as store:
        saved = {g.id: g for g in store.record().goals}
    assert saved[added.id] == edited
    assert len(saved) == 4


def test_double_click_edits_and_cancel_changes_nothing(
    qtbot, demo_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_session)
    before = demo_session.record()
    opened: list[object] = []

    def cancelled(goal):  # type: ignore[no-untyped-def]
        dialog = GoalDialog(demo_session.catalogue, goal, page)
        qtbot.addWidget(dialog)
        dialog.exec = lambda: (opened.append(goal), QDialog.DialogCode.Rejected.value)[1]  # type: ignore[method-assign]
        return dialog

    monkeypatch.setattr(page, "make_dialog", cancelled)
    index = page.proxy.index(1, GoalsTableModel.COL_TITLE)
    page.table.doubleClicked.emit(index)
    assert opened and opened[0] is not None
    assert demo_session.record() == before
    assert demo_session.undo_stack.count() == 0


def test_goal_dialog_requires_a_title(qtbot, demo_session) -> None:
    dialog = GoalDialog(demo_session.catalogue, None)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("   ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.error_label.isVisibleTo(dialog)
    assert "title" in dialog.error_label.text()
    dialog.title_edit.setText("Lead a huddle")
    assert not dialog.error_label.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    goal = dialog.goal()
    assert goal.title == "Lead a huddle" and goal.due_date is None
    assert goal.skill == demo_session.catalogue.skills[0].id


def test_suggest_adds_up_to_three_goals_in_one_undo_step(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    before = demo_session.record().goals
    page.suggest_button.click()
    after = demo_session.record().goals
    new = [g for g in after if g not in before]
    assert 1 <= len(new) <= 3
    assert {g.skill for g in new}.isdisjoint({g.skill for g in before})
    assert demo_session.undo_stack.count() == 1
    assert page.proxy.rowCount() == len(after)
    assert "Undo" in page.message_label.text()

    demo_session.undo_stack.undo()
    assert demo_session.record().goals == before
    assert page.proxy.rowCount() == len(before)
    demo_session.undo_stack.redo()
    assert len(demo_session.record().goals) == len(after)


def test_suggest_says_so_when_there_is_nothing_rated(qtbot, empty_session) -> None:
    empty_session.add_assessment(Assessment.create({}))
    page = _page(qtbot, empty_session)
    page.suggest()
    assert "no assessment yet" in page.message_label.text().lower()


def test_overdue_state_follows_today(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    page.today = lambda: FIXED_TODAY - timedelta(days=30)
    page.refresh()
    assert not any(
        page.proxy.index(r, 0).data(GoalsTableModel.OverdueRole)
        for r in range(page.proxy.rowCount())
    )


def test_every_control_has_an_accessible_name(qtbot, demo_session, unnamed_controls) -> None:
    page = _page(qtbot, demo_session)
    assert unnamed_controls(page) == []
    dialog = GoalDialog(demo_session.catalogue, demo_session.record().goals[0], page)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_goal_added_message_goes_once_undone(
    qtbot, empty_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "Goal added." message must not stay above "No goals yet" after Ctrl+Z."""
    page = _page(qtbot, empty_session)

    def fill_new(dialog: GoalDialog) -> None:
        dialog.title_edit.setText("Shadow a senior coordinator")

    _answer_dialogs(qtbot, page, monkeypatch, fill_new)
    page.add_button.click()
    assert page.message_label.isVisibleTo(page)
    assert page.message_label.text() == "Goal added."
    empty_session.undo_stack.undo()
    assert page.empty_label.isVisibleTo(page)
    assert not page.message_label.isVisibleTo(page)
