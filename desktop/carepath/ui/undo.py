"""Undoable edits shared by every page: each one a QUndoCommand that writes through the Session.

Why a helper instead of plain ``undo_stack.push``: ``QUndoStack.push`` calls ``redo()`` from C++,
where a Python exception cannot reach the caller. A disk that refuses a write (``SaveError``) must
reach the page, which keeps the user's work on screen and shows the sentence. So the first write
happens in :func:`push_command`, in Python, *before* the command goes on the stack; only a write
that succeeded becomes undoable. Later undo/redo failures (from the Edit menu) cannot raise either:
they are reported through ``Session.error_reported`` and the undo history, which no longer matches
the file, is cleared.

Use::

    from carepath.ui.undo import SaveGoalCommand, push_command
    try:
        push_command(session, SaveGoalCommand(session, edited_goal))
    except SaveError as error:
        QMessageBox.warning(self, self.tr("Not saved"), str(error))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand

from carepath.core.errors import SaveError
from carepath.core.models import Assessment, Goal, Profile, StepProgress

if TYPE_CHECKING:
    from carepath.ui.session import Session

_CONTEXT = "Undo"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class SessionCommand(QUndoCommand):
    """Base: subclasses implement ``apply`` (do) and ``revert`` (undo) with Session calls."""

    label = QT_TRANSLATE_NOOP("Undo", "Change")

    def __init__(self, session: Session, parent: QUndoCommand | None = None) -> None:
        super().__init__(_tr(self.label), parent)
        self.session = session
        self._already_applied = False

    # -- subclasses -----------------------------------------------------------------------------
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    # -- QUndoCommand ---------------------------------------------------------------------------
    def redo(self) -> None:
        if self._already_applied:  # push_command did the first write itself
            self._already_applied = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except SaveError as error:
            self.session.report_error(str(error))
            stack = self.session.undo_stack
            # Clearing the stack from inside its own undo() is unsafe: do it right after.
            QTimer.singleShot(0, stack.clear)


def push_command(session: Session, command: SessionCommand) -> None:
    """Apply ``command`` now and make it undoable; raise SaveError (nothing pushed) if refused."""
    command.apply()
    command._already_applied = True
    session.undo_stack.push(command)


class SaveGoalCommand(SessionCommand):
    """Add a new goal or edit one; undo restores the goal as it was (or removes a new one)."""

    label = QT_TRANSLATE_NOOP("Undo", "Save goal")

    def __init__(
        self,
        session: Session,
        goal: Goal,
        previous: Goal | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.goal = goal
        if previous is None:
            previous = next((g for g in session.record().goals if g.id == goal.id), None)
        self.previous = previous
        if previous is None:
            self.setText(_tr("Add goal"))

    def apply(self) -> None:
        self.session.save_goal(self.goal)

    def revert(self) -> None:
        if self.previous is None:
            self.session.delete_goal(self.goal.id)
        else:
            self.session.save_goal(self.previous)


class AddGoalsCommand(SessionCommand):
    """Several new goals at once (e.g. "Suggest goals"), undone as one step."""

    label = QT_TRANSLATE_NOOP("Undo", "Add suggested goals")

    def __init__(
        self, session: Session, goals: list[Goal], parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(session, parent)
        self.goals = list(goals)

    def apply(self) -> None:
        for goal in self.goals:
            self.session.save_goal(goal)

    def revert(self) -> None:
        for goal in reversed(self.goals):
            self.session.delete_goal(goal.id)


class DeleteGoalCommand(SessionCommand):
    """Delete a goal; undo puts the very same goal (same id) back."""

    label = QT_TRANSLATE_NOOP("Undo", "Delete goal")

    def __init__(self, session: Session, goal_id: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(session, parent)
        self.goal_id = goal_id
        self.removed: Goal | None = None

    def apply(self) -> None:
        self.removed = self.session.delete_goal(self.goal_id)

    def revert(self) -> None:
        if self.removed is not None:
            self.session.save_goal(self.removed)


class AddAssessmentCommand(SessionCommand):
    """Save a new assessment; undo removes it again (its id is kept, so redo restores it)."""

    label = QT_TRANSLATE_NOOP("Undo", "Save assessment")

    def __init__(
        self, session: Session, assessment: Assessment, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(session, parent)
        self.assessment = assessment

    def apply(self) -> None:
        self.session.add_assessment(self.assessment)

    def revert(self) -> None:
        self.session.delete_assessment(self.assessment.id)


class DeleteAssessmentCommand(SessionCommand):
    """Delete an assessment; undo adds it back with its id, date, ratings and notes."""

    label = QT_TRANSLATE_NOOP("Undo", "Delete assessment")

    def __init__(
        self, session: Session, assessment_id: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(session, parent)
        self.assessment_id = assessment_id
        self.removed: Assessment | None = None

    def apply(self) -> None:
        self.removed = self.session.delete_assessment(self.assessment_id)

    def revert(self) -> None:
        if self.removed is not None:
            self.session.add_assessment(self.removed)


class SaveStepCommand(SessionCommand):
    """Change one step's status, dates, note or checklist; undo restores what it was."""

    label = QT_TRANSLATE_NOOP("Undo", "Update step")

    def __init__(
        self,
        session: Session,
        progress: StepProgress,
        previous: StepProgress | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.progress = progress
        self.previous = previous or session.record().step(progress.step_id)

    def apply(self) -> None:
        self.session.save_step(self.progress)

    def revert(self) -> None:
        self.session.save_step(self.previous)


class SaveStepsCommand(SessionCommand):
    """Several steps at once (e.g. "Propose target dates"), undone as one step."""

    label = QT_TRANSLATE_NOOP("Undo", "Update steps")

    def __init__(
        self,
        session: Session,
        steps: list[StepProgress],
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(session, parent)
        record = session.record()
        self.steps = list(steps)
        self.previous = [record.step(s.step_id) for s in self.steps]

    def apply(self) -> None:
        for step in self.steps:
            self.session.save_step(step)

    def revert(self) -> None:
        for step in self.previous:
            self.session.save_step(step)


class SetProfileCommand(SessionCommand):
    """Change name, stages or reassessment interval; undo restores the previous profile."""

    label = QT_TRANSLATE_NOOP("Undo", "Change profile")

    def __init__(
        self, session: Session, profile: Profile, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(session, parent)
        self.profile = profile
        self.previous = session.record().profile

    def apply(self) -> None:
        self.session.set_profile(self.profile)

    def revert(self) -> None:
        self.session.set_profile(self.previous)
