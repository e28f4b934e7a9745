"""The shared undo commands: each edit, undone and redone, leaves the file as expected."""

from __future__ import annotations

from datetime import date

import pytest

from carepath.core.errors import SaveError
from carepath.core.models import Assessment, Goal, Profile, StepProgress, StepStatus
from carepath.ui.session import Session
from carepath.ui.undo import (
    AddAssessmentCommand,
    AddGoalsCommand,
    DeleteAssessmentCommand,
    DeleteGoalCommand,
    SaveGoalCommand,
    SaveStepCommand,
    SaveStepsCommand,
    SetProfileCommand,
    push_command,
)


def _goal_titles(session: Session) -> list[str]:
    return [g.title for g in session.record().goals]


def test_add_goal_undo_redo(qtbot, empty_session: Session) -> None:
    goal = Goal.create("ethics", "Read the code of ethics")
    push_command(empty_session, SaveGoalCommand(empty_session, goal))
    assert _goal_titles(empty_session) == ["Read the code of ethics"]
    assert empty_session.undo_stack.undoText() == "Add goal"
    empty_session.undo_stack.undo()
    assert _goal_titles(empty_session) == []
    empty_session.undo_stack.redo()
    assert [g.id for g in empty_session.record().goals] == [goal.id]


def test_edit_goal_undo_restores_the_old_goal(qtbot, demo_session: Session) -> None:
    original = demo_session.record().goals[0]
    edited = original.with_changes(title="Lead two calls")
    push_command(demo_session, SaveGoalCommand(demo_session, edited))
    assert demo_session.record().goals[0].title == "Lead two calls"
    demo_session.undo_stack.undo()
    assert demo_session.record().goals[0] == original


def test_delete_goal_undo_puts_the_same_goal_back(qtbot, demo_session: Session) -> None:
    goal = demo_session.record().goals[1]
    push_command(demo_session, DeleteGoalCommand(demo_session, goal.id))
    assert goal.id not in {g.id for g in demo_session.record().goals}
    demo_session.undo_stack.undo()
    assert goal in demo_session.record().goals


def test_suggested_goals_undo_as_one_step(qtbot, empty_session: Session) -> None:
    goals = [Goal.create("ethics", "A"), Goal.create("leadership", "B")]
    push_command(empty_session, AddGoalsCommand(empty_session, goals))
    assert empty_session.undo_stack.count() == 1
    empty_session.undo_stack.undo()
    assert _goal_titles(empty_session) == []


def test_assessment_add_and_delete_round_trip(qtbot, demo_session: Session) -> None:
    before = demo_session.record().assessments
    new = Assessment.create({"ethics": 4})
    push_command(demo_session, AddAssessmentCommand(demo_session, new))
    assert demo_session.record().latest == new
    demo_session.undo_stack.undo()
    assert demo_session.record().assessments == before

    oldest = before[0]
    push_command(demo_session, DeleteAssessmentCommand(demo_session, oldest.id))
    assert oldest.id not in {a.id for a in demo_session.record().assessments}
    demo_session.undo_stack.undo()
    assert demo_session.record().assessments == before


def test_step_changes_undo(qtbot, empty_session: Session) -> None:
    dated = StepProgress("education", StepStatus.IN_PROGRESS, start_date=date(2026, 1, 5))
    push_command(empty_session, SaveStepCommand(empty_session, dated))
    assert empty_session.record().step("education") == dated
    empty_session.undo_stack.undo()
    assert empty_session.record().step("education").status is StepStatus.NOT_STARTED

    many = [StepProgress("network", StepStatus.DONE), StepProgress("apply", StepStatus.DONE)]
    push_command(empty_session, SaveStepsCommand(empty_session, many))
    empty_session.undo_stack.undo()
    assert empty_session.record().step("apply").status is StepStatus.NOT_STARTED


def test_profile_change_undo(qtbot, empty_session: Session) -> None:
    push_command(empty_session, SetProfileCommand(empty_session, Profile(name="Ana")))
    assert empty_session.record().profile.name == "Ana"
    empty_session.undo_stack.undo()
    assert empty_session.record().profile.name == ""


def test_a_refused_write_is_not_pushed(
    qtbot, empty_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(goal: Goal) -> None:
        raise SaveError("The disk is full.")

    monkeypatch.setattr(empty_session, "save_goal", refuse)
    with pytest.raises(SaveError):
        push_command(empty_session, SaveGoalCommand(empty_session, Goal.create("ethics", "X")))
    assert empty_session.undo_stack.count() == 0


def test_a_failed_undo_is_reported_and_clears_the_history(
    qtbot, empty_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    push_command(empty_session, SaveGoalCommand(empty_session, Goal.create("ethics", "X")))

    def refuse(goal_id: str) -> Goal:
        raise SaveError("The folder is read-only.")

    monkeypatch.setattr(empty_session, "delete_goal", refuse)
    with qtbot.waitSignal(empty_session.error_reported) as reported:
        empty_session.undo_stack.undo()
    assert reported.args == ["The folder is read-only."]
    qtbot.waitUntil(lambda: empty_session.undo_stack.count() == 0)
