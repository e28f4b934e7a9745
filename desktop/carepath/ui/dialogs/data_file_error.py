"""The dialog shown when the data file cannot be opened: damaged, from a newer CarePath, or in use.

It says what is wrong in one sentence and offers only choices that keep the file safe: nothing
here ever overwrites it. "Start fresh" moves a damaged file aside (with a timestamp) before a new,
empty one is made; "Quit" leaves it exactly as it was, for a backup tool or for support.
"""

from __future__ import annotations

import enum
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from carepath.core.errors import (
    CarePathError,
    DamagedFileError,
    DataFileError,
    FileInUseError,
    NewerVersionError,
)

if TYPE_CHECKING:
    from carepath.core.catalogue import Catalogue
    from carepath.ui.session import Session

log = logging.getLogger(__name__)


class DataFileChoice(enum.Enum):
    START_FRESH = "start_fresh"
    RESTORE_BACKUP = "restore_backup"
    OPEN_OTHER = "open_other"
    QUIT = "quit"


def ask_about_data_file(
    error: DataFileError,
    can_restore: bool = False,
    parent: QWidget | None = None,
    *,
    starting: bool | None = None,
) -> DataFileChoice:
    """Show the problem with the data file and return what the user chose to do about it.

    ``starting``: no other file is open, so leaving means quitting (default: when there is no
    ``parent``; at start-up the dialog has the still empty main window as its parent).
    """
    if starting is None:
        starting = parent is None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("DataFile", "CarePath cannot open your data file")
    )
    box.setText(str(error))
    choices: dict[object, DataFileChoice] = {}

    if isinstance(error, DamagedFileError):
        box.setInformativeText(
            QCoreApplication.translate(
                "DataFile",
                "“Start fresh” keeps the damaged file beside it under a new name and begins an "
                "empty record. Nothing is deleted.",
            )
        )
        fresh = box.addButton(
            QCoreApplication.translate("DataFile", "&Start fresh"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        fresh.setAccessibleName(
            QCoreApplication.translate("DataFile", "Start fresh with an empty record")
        )
        choices[fresh] = DataFileChoice.START_FRESH
        if can_restore:
            restore = box.addButton(
                QCoreApplication.translate("DataFile", "&Restore newest automatic backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            restore.setAccessibleName(
                QCoreApplication.translate("DataFile", "Restore the newest automatic backup")
            )
            choices[restore] = DataFileChoice.RESTORE_BACKUP
            box.setDefaultButton(restore)
    elif isinstance(error, NewerVersionError):
        box.setInformativeText(
            QCoreApplication.translate(
                "DataFile",
                "Install the newer CarePath to use this file, or open another data file.",
            )
        )
        other = box.addButton(
            QCoreApplication.translate("DataFile", "&Open another file…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        other.setAccessibleName(QCoreApplication.translate("DataFile", "Open another data file"))
        choices[other] = DataFileChoice.OPEN_OTHER
    elif isinstance(error, FileInUseError):
        box.setInformativeText(
            QCoreApplication.translate(
                "DataFile", "Switch to the CarePath window that is already open, or close it first."
            )
        )
    else:
        other = box.addButton(
            QCoreApplication.translate("DataFile", "&Open another file…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        other.setAccessibleName(QCoreApplication.translate("DataFile", "Open another data file"))
        choices[other] = DataFileChoice.OPEN_OTHER

    if starting:  # at start-up there is nothing else open: leaving means quitting
        quit_button = box.addButton(
            QCoreApplication.translate("DataFile", "&Quit"), QMessageBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(
            QCoreApplication.translate("DataFile", "Quit CarePath and leave the file as it is")
        )
    else:  # from a running window: keep working in the file that is open now
        quit_button = box.addButton(
            QCoreApplication.translate("DataFile", "&Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(
            QCoreApplication.translate("DataFile", "Keep the current data file open")
        )
    choices[quit_button] = DataFileChoice.QUIT
    box.setEscapeButton(quit_button)
    if box.defaultButton() is None:
        box.setDefaultButton(quit_button)
    box.exec()
    return choices.get(box.clickedButton(), DataFileChoice.QUIT)


def choose_data_file(parent: QWidget | None, start_folder: str = "") -> Path | None:
    """Ask for a CarePath data file to open (or a new name to create one); None if cancelled."""
    dialog = QFileDialog(parent, QCoreApplication.translate("DataFile", "Open data file"))
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters(
        [
            QCoreApplication.translate("DataFile", "CarePath data files (*.json)"),
            QCoreApplication.translate("DataFile", "All files (*)"),
        ]
    )
    if start_folder:
        dialog.setDirectory(start_folder)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def open_data_file(
    path: Path,
    parent: QWidget | None = None,
    catalogue: Catalogue | None = None,
    is_sample: bool = False,
    *,
    starting: bool | None = None,
) -> Session | None:
    """Open ``path`` as a Session, asking the user what to do about any problem with the file.

    Returns None when the user chose to quit (or cancelled choosing another file); the file is then
    exactly as it was. Never overwrites: a damaged file is only ever moved aside (``quarantine``)
    or copied into ``backups/`` before a restore replaces it.
    """
    from carepath.core.autobackup import list_backups
    from carepath.core.restore import restore_backup
    from carepath.core.storage import DataStore, quarantine
    from carepath.ui.session import Session

    while True:
        try:
            store = DataStore.open(path, create=True)
        except DataFileError as error:
            backups = list_backups(path) if isinstance(error, DamagedFileError) else []
            choice = ask_about_data_file(
                error, can_restore=bool(backups), parent=parent, starting=starting
            )
            if choice is DataFileChoice.START_FRESH:
                try:
                    moved = quarantine(path)
                except (OSError, CarePathError) as move_error:
                    _warn(
                        parent,
                        QCoreApplication.translate("DataFile", "The file could not be moved aside"),
                        move_error,
                    )
                    return None
                log.warning("moved damaged data file %s to %s", path, moved)
                continue
            if choice is DataFileChoice.RESTORE_BACKUP and backups:
                try:
                    restore_backup(backups[0], path)
                except (OSError, CarePathError) as restore_error:
                    _warn(
                        parent,
                        QCoreApplication.translate("DataFile", "The backup could not be restored"),
                        restore_error,
                    )
                continue
            if choice is DataFileChoice.OPEN_OTHER:
                other = choose_data_file(parent, str(path.parent))
                if other is None:
                    return None
                path = other
                continue
            return None
        except CarePathError as error:  # e.g. SaveError: the folder cannot be written
            _warn(
                parent,
                QCoreApplication.translate("DataFile", "CarePath cannot open your data file"),
                error,
            )
            other = choose_data_file(parent, str(path.parent))
            if other is None:
                return None
            path = other
            continue
        return Session(store, catalogue, is_sample=is_sample)


def _warn(parent: QWidget | None, title: str, error: BaseException) -> None:
    message = str(error) if isinstance(error, CarePathError) else error.__class__.__name__
    if isinstance(error, OSError):
        message = error.strerror or str(error)
    QMessageBox.warning(parent, title, message)
