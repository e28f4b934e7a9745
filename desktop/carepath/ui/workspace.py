"""The open record(s) of one window: which file, the sample beside it, and what is done to them.

The window keeps its frame (pages, menus, status bar); everything that changes *which* record is
open or replaces its content happens here: opening a file (``open_session``, the one place that
turns a path into a Session and routes every way it can fail to a dialog), importing, exporting
a backup, restoring an automatic one, entering and leaving the sample, and a new language for the
content. The window hears about it through signals.

The user's own session stays open while the sample is shown, in a temporary folder that is never
mixed into it. Unsaved work on the pages is the window's to settle: it hands in ``settle``, asked
before anything here switches or replaces a record.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from carepath.core.errors import CarePathError, DamagedFileError, DataFileError, FileInUseError
from carepath.ui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from carepath.core.catalogue import Catalogue
    from carepath.ui.session import Session
    from carepath.ui.single_instance import InstanceServer

log = logging.getLogger(__name__)


class HandedOver:
    """``open_session``'s answer when another CarePath window has the file and came forward."""


HANDED_OVER = HandedOver()


def open_session(
    path: Path,
    parent: QWidget | None = None,
    catalogue: Catalogue | None = None,
    *,
    starting: bool | None = None,
) -> Session | HandedOver | None:
    """Open ``path`` as a Session, asking the user what to do about any problem with the file.

    A file that another CarePath has open brings that window forward (``HANDED_OVER``). None
    when the user chose to quit (or cancelled choosing another file); the file is then exactly
    as it was. Never overwrites: a damaged file is only ever moved aside (``quarantine``) or
    copied into ``backups/`` before a restore replaces it.
    """
    from PySide6.QtCore import QCoreApplication

    from carepath.core.autobackup import list_backups
    from carepath.core.restore import restore_backup
    from carepath.core.storage import DataStore, quarantine
    from carepath.ui.dialogs import data_file_error as dialogs
    from carepath.ui.session import Session

    while True:
        try:
            store = DataStore.open(path, create=True)
        except FileInUseError as error:
            from carepath.ui.single_instance import hand_over

            if hand_over(path):
                log.info("%s is open in another CarePath, which came forward", path)
                return HANDED_OVER
            dialogs.ask_about_data_file(error, parent=parent, starting=starting)
            return None
        except DataFileError as error:
            backups = list_backups(path) if isinstance(error, DamagedFileError) else []
            choice = dialogs.ask_about_data_file(
                error, can_restore=bool(backups), parent=parent, starting=starting
            )
            if choice is dialogs.DataFileChoice.START_FRESH:
                try:
                    moved = quarantine(path)
                except (OSError, CarePathError) as move_error:
                    dialogs.warn(
                        parent,
                        QCoreApplication.translate("DataFile", "The file could not be moved aside"),
                        move_error,
                    )
                    return None
                log.warning("moved damaged data file %s to %s", path, moved)
                continue
            if choice is dialogs.DataFileChoice.RESTORE_BACKUP and backups:
                try:
                    restore_backup(backups[0], path)
                except (OSError, CarePathError) as restore_error:
                    dialogs.warn(
                        parent,
                        QCoreApplication.translate("DataFile", "The backup could not be restored"),
                        restore_error,
                    )
                continue
            if choice is dialogs.DataFileChoice.OPEN_OTHER:
                other = dialogs.choose_data_file(parent, str(path.parent))
                if other is None:
                    return None
                path = other
                continue
            return None
        except CarePathError as error:  # e.g. SaveError: the folder cannot be written
            dialogs.warn(
                parent,
                QCoreApplication.translate("DataFile", "CarePath cannot open your data file"),
                error,
            )
            other = dialogs.choose_data_file(parent, str(path.parent))
            if other is None:
                return None
            path = other
            continue
        return Session(store, catalogue)


class Workspace(QObject):
    """The user's session, the sample session when one is shown, and which of them is on screen."""

    #: Another session is on screen (a new file, the sample, or back to the user's own).
    session_changed = Signal(object)
    #: A session is closed for good (its lock released); the window drops its undo stack.
    session_closed = Signal(object)
    #: A sentence for the status bar, and how long to show it (ms).
    status_message = Signal(str, int)
    #: Another CarePath started on our file and asks this window to come forward.
    raise_requested = Signal()

    def __init__(
        self,
        settings: AppSettings,
        dialog_parent: QWidget,
        settle: Callable[[], bool],
    ) -> None:
        super().__init__(dialog_parent)
        self.settings = settings
        self._parent = dialog_parent
        self._settle = settle
        self._user: Session | None = None
        self._current: Session | None = None
        self._sample_folder: tempfile.TemporaryDirectory[str] | None = None
        self._sample: Session | None = None
        self._server: InstanceServer | None = None

    # -- what is open
    @property
    def attached(self) -> bool:
        return self._current is not None

    @property
    def session(self) -> Session:
        if self._current is None:
            raise RuntimeError("no data file is open yet")
        return self._current

    @property
    def user_session(self) -> Session:
        if self._user is None:
            raise RuntimeError("no data file is open yet")
        return self._user

    @property
    def is_sample(self) -> bool:
        return self._current is not None and self._current.is_sample

    def attach(self, session: Session) -> None:
        """The first session: the user's file, opened by ``open_session`` (or a test)."""
        if self._current is not None:
            raise RuntimeError("the window already shows a data file; use open_data_file")
        self._user = self._current = session
        self._listen(session)

    def _switch(self, session: Session) -> None:
        if session is not self._current:
            self._current = session
            self.session_changed.emit(session)

    def _listen(self, session: Session) -> None:
        """Answer a second CarePath started on this file (``single_instance``)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        from carepath.ui.single_instance import InstanceServer

        server = InstanceServer(session.path, self)
        if server.listen():
            server.raise_requested.connect(self.raise_requested)
            self._server = server

    # -- files
    def open_data_file(self, path: Path | None = None) -> bool:
        """Switch to another data file, keeping the current one open until the new one works."""
        from carepath.ui.dialogs.data_file_error import choose_data_file

        user = self.user_session
        if not self._settle():
            return False
        if path is None:
            path = choose_data_file(self._parent, self.settings.last_folder(str(user.path.parent)))
            if path is None:
                return False
        if path.resolve() == user.path.resolve():
            self.leave_sample(ask=False)
            return True
        session = open_session(path, self._parent, user.catalogue, starting=False)
        if not isinstance(session, QObject):
            return False
        self.settings.set_last_folder(str(path.parent))
        self._user = session
        self._switch(session)
        self._listen(session)
        self.drop_sample()
        self._close(user)
        return True

    def import_backup(self) -> None:
        """File ▸ Import backup…: merge a backup into the record on screen, all or nothing."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from carepath.core.backup import load_backup_file

        chosen, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import backup"), self.settings.last_folder(), self._filter()
        )
        if not chosen:
            return
        try:
            report = self.session.import_backup(load_backup_file(Path(chosen)))
        except CarePathError as error:
            QMessageBox.warning(self._parent, self.tr("Backup not imported"), str(error))
            return
        if not report.changed:
            message = self.tr("Nothing new: everything in this backup is already in your record.")
        else:
            message = (
                self.tr("Added %1 assessments and %2 goals; updated %3 steps.")
                .replace("%1", str(report.assessments_added))
                .replace("%2", str(report.goals_added))
                .replace("%3", str(report.steps_updated))
            )
        QMessageBox.information(self._parent, self.tr("Backup imported"), message)

    def export_backup(self) -> None:
        """File ▸ Export backup…: the whole record as one JSON file (``core.backup``)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from carepath.core.backup import write_backup

        suggested = f"carepath-backup-{date.today().isoformat()}.json"
        start = str(Path(self.settings.last_folder(str(Path.home()))) / suggested)
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export backup"), start, self._filter()
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            write_backup(self.session.record(), path)
        except CarePathError as error:
            QMessageBox.warning(self._parent, self.tr("Backup not exported"), str(error))
            return
        self.settings.set_last_folder(str(path.parent))
        self.status_message.emit(self.tr("Backup written to %1").replace("%1", str(path)), 6000)

    def restore_automatic_backup(self) -> None:
        """File ▸ Restore automatic backup…: one of ``backups/``, newest first."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from carepath.core.autobackup import list_backups

        if self.is_sample or not self._settle():
            return
        backups = list_backups(self.session.path)
        if not backups:
            QMessageBox.information(
                self._parent,
                self.tr("No automatic backups"),
                self.tr("There are no automatic backups of this data file yet."),
            )
            return
        names = [b.name for b in backups]
        chosen, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Restore automatic backup"),
            self.tr("Backups, newest first. Your current record is kept as a backup too."),
            names,
            0,
            False,
        )
        if not ok:
            return
        try:
            self.session.restore_backup(backups[names.index(chosen)])
        except CarePathError as error:
            QMessageBox.warning(self._parent, self.tr("Backup not restored"), str(error))
            return
        self.status_message.emit(self.tr("Backup restored."), 6000)

    def _filter(self) -> str:
        return self.tr("Backups (*.json)")

    # -- the sample
    def enter_sample(self) -> bool:
        """Open sample data in a temporary folder; the user's file stays open, untouched."""
        from PySide6.QtWidgets import QMessageBox

        from carepath.core.demo import build_demo_record
        from carepath.core.storage import DataStore
        from carepath.ui.session import Session

        if self.is_sample or not self._settle():
            return False
        user = self.user_session
        folder = tempfile.TemporaryDirectory(prefix="carepath-sample-")
        try:
            store = DataStore.open(Path(folder.name) / "sample.json", create=True)
            store.replace_record(build_demo_record(language=user.catalogue.language))
        except CarePathError as error:
            folder.cleanup()
            QMessageBox.warning(self._parent, self.tr("Sample data not available"), str(error))
            return False
        self._sample_folder = folder
        self._sample = Session(store, user.catalogue, is_sample=True)
        self._switch(self._sample)
        return True

    def leave_sample(self, ask: bool = True) -> bool:
        if not self.is_sample:
            return True
        if ask and not self._settle():
            return False
        self._switch(self.user_session)
        self.drop_sample()
        return True

    def drop_sample(self) -> None:
        if self._sample is not None:
            self._close(self._sample)
            self._sample = None
        if self._sample_folder is not None:
            self._sample_folder.cleanup()
            self._sample_folder = None

    # -- language and closing
    def set_language(self, language: str) -> None:
        """The content (skills, steps, stages) in ``language`` for every open session."""
        from carepath.core.catalogue import load_catalogue

        catalogue = load_catalogue(language)
        for session in {id(s): s for s in (self._user, self._current) if s}.values():
            session.set_catalogue(catalogue)

    def close(self) -> None:
        """Close every session (their locks are released) and stop answering other starts."""
        self.drop_sample()
        if self._server is not None:
            self._server.close()
        if self._user is not None:
            self._close(self._user)

    def _close(self, session: Session) -> None:
        try:
            session.close()
        except Exception:
            log.exception("closing %s failed", session.path)
        self.session_closed.emit(session)
