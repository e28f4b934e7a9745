"""The open data file as the GUI sees it: one object every page shares.

Pages never talk to storage directly. They call the methods here, which write durably and then emit
``record_changed`` so every page redraws from the same record. Undoable edits are QUndoCommands
pushed on ``undo_stack``; their redo/undo call these same methods.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from carepath.core.catalogue import Catalogue, load_catalogue
from carepath.core.models import Assessment, Goal, Profile, Record, StepProgress
from carepath.core.storage import DataStore, ImportReport


class Session(QObject):
    """Owns the DataStore; every write goes through here and announces itself."""

    record_changed = Signal()
    saved = Signal(datetime)
    #: One sentence for the user about a write that failed where no caller could catch it
    #: (an undo or redo from the Edit menu); the main window shows it.
    error_reported = Signal(str)

    def __init__(
        self,
        store: DataStore,
        catalogue: Catalogue | None = None,
        *,
        is_sample: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.catalogue = catalogue or load_catalogue()
        self.is_sample = is_sample
        self.undo_stack = QUndoStack(self)

    @property
    def path(self) -> Path:
        return self.store.path

    def record(self) -> Record:
        return self.store.record()

    def _written(self) -> None:
        self.record_changed.emit()
        if self.store.last_saved is not None:
            self.saved.emit(self.store.last_saved)

    # Each method raises carepath.core.errors.SaveError when the disk refuses; the file on disk is
    # then still the last good one and the caller keeps the user's unsaved work on screen.
    def set_profile(self, profile: Profile) -> None:
        self.store.set_profile(profile)
        self._written()

    def add_assessment(self, assessment: Assessment) -> None:
        self.store.add_assessment(assessment)
        self._written()

    def delete_assessment(self, assessment_id: str) -> Assessment:
        removed = self.store.delete_assessment(assessment_id)
        self._written()
        return removed

    def save_step(self, progress: StepProgress) -> None:
        self.store.save_step(progress)
        self._written()

    def save_goal(self, goal: Goal) -> None:
        self.store.save_goal(goal)
        self._written()

    def delete_goal(self, goal_id: str) -> Goal:
        removed = self.store.delete_goal(goal_id)
        self._written()
        return removed

    def replace_record(self, record: Record) -> None:
        self.store.replace_record(record)
        self.undo_stack.clear()
        self._written()

    def import_backup(self, document: object) -> ImportReport:
        """Merge a backup (all or nothing); the undo history no longer matches and is cleared."""
        report = self.store.import_backup(document)
        if report.changed:
            self.undo_stack.clear()
            self._written()
        return report

    def restore_backup(self, backup_file: Path) -> Path | None:
        """Replace the record with an automatic backup; returns the copy of what it replaced."""
        try:
            return self.store.restore(backup_file)
        finally:
            self.undo_stack.clear()
            self.record_changed.emit()

    def report_error(self, message: str) -> None:
        self.error_reported.emit(message)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Show the content in another language (Preferences); every page redraws."""
        self.catalogue = catalogue
        self.record_changed.emit()

    def move_to(self, target: Path) -> list[Path]:
        """Move the data file to ``target`` (Preferences ▸ Move data file…) and keep working there.

        The file is copied, checked and opened at the new place first (``core.relocate``); only
        then does the session switch to it, close the old file and remove it, with its lock and
        the automatic backups that were copied. Raises a CarePathError with one sentence when the
        move cannot be done: the session is then still on the old file, which is untouched.
        Returns the old files that could not be removed (the move has succeeded either way).
        """
        from carepath.core.relocate import copy_data_file, remove_old_data_file

        new_store, move = copy_data_file(self.store, target)
        old_store, self.store = self.store, new_store
        old_store.close()
        left = remove_old_data_file(move)
        self.record_changed.emit()
        return left

    def close(self) -> None:
        self.store.close()
