"""The dialogs shown when the data file cannot be opened: damaged, from a newer CarePath, or in use.

``carepath.ui.workspace.open_session`` opens the file and calls on these for every way it fails.

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
    pass

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


def warn(parent: QWidget | None, title: str, error: BaseException) -> None:
    """One problem in a warning box: the error's own sentence, or the system's reason."""
    message = str(error) if isinstance(error, CarePathError) else error.__class__.__name__
    if isinstance(error, OSError):
        message = error.strerror or str(error)
    QMessageBox.warning(parent, title, message)
