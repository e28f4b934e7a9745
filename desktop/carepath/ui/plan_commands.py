"""Undo commands the Steps and Plan pages need beyond the shared ones in :mod:`carepath.ui.undo`.

``EditStepCommand`` is a :class:`SaveStepCommand` that merges with the one before it when the same
field of the same step changes again within a moment, so pressing the up arrow ten times in a date
field, or a note saved while the user pauses in typing, is one Ctrl+Z rather than ten.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from carepath.core.models import StepProgress
from carepath.ui.session import Session
from carepath.ui.undo import SaveStepCommand

#: Edits of the same field closer together than this (seconds) undo as one.
MERGE_SECONDS = 2.0
_EDIT_STEP_ID = 0x5C17


class EditStepCommand(SaveStepCommand):
    """Change one field of one step (``field`` names it, e.g. ``"target_date"`` or ``"note"``)."""

    def __init__(
        self,
        session: Session,
        progress: StepProgress,
        field: str,
        previous: StepProgress | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(session, progress, previous, parent)
        self.field = field
        self.when = time.monotonic()

    def id(self) -> int:
        return _EDIT_STEP_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditStepCommand):
            return False
        if (
            other.field != self.field
            or other.progress.step_id != self.progress.step_id
            or other.previous != self.progress
            or other.when - self.when > MERGE_SECONDS
        ):
            return False
        self.progress = other.progress
        self.when = other.when
        self.setObsolete(self.progress == self.previous)
        return True
