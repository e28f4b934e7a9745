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


def _informative_text(error: DataFileError) -> str:
    """What the user can do about ``error``, under the sentence that says what is wrong."""
    if isinstance(error, DamagedFileError):
        return QCoreApplication.translate(
            "DataFile",
            "“Start fresh” keeps the damaged file beside it under a new name and begins an "
            "empty record. Nothing is deleted.",
        )
    if isinstance(error, NewerVersionError):
        return QCoreApplication.translate(
            "DataFile", "Install the newer CarePath to use this file, or open another data file."
        )
    if isinstance(error, FileInUseError):
        return QCoreApplication.translate(
            "DataFile", "Switch to the CarePath window that is already open, or close it first."
        )
    return ""


def _choices(
    error: DataFileError, can_restore: bool, starting: bool
) -> list[tuple[DataFileChoice, str, str]]:
    """(choice, button text, accessible name) for every button, the way out last."""
    found: list[tuple[DataFileChoice, str, str]] = []
    if isinstance(error, DamagedFileError):
        found.append(
            (
                DataFileChoice.START_FRESH,
                QCoreApplication.translate("DataFile", "&Start fresh"),
                QCoreApplication.translate("DataFile", "Start fresh with an empty record"),
            )
        )
        if can_restore:
            found.append(
                (
                    DataFileChoice.RESTORE_BACKUP,
                    QCoreApplication.translate("DataFile", "&Restore newest automatic backup"),
                    QCoreApplication.translate("DataFile", "Restore the newest automatic backup"),
                )
            )
    elif not isinstance(error, FileInUseError):
        found.append(
            (
                DataFileChoice.OPEN_OTHER,
                QCoreApplication.translate("DataFile", "&Open another file…"),
                QCoreApplication.translate("DataFile", "Open another data file"),
            )
        )
    if starting:  # at start-up there is nothing else open: leaving means quitting
        found.append(
            (
                DataFileChoice.QUIT,
                QCoreApplication.translate("DataFile", "&Quit"),
                QCoreApplication.translate("DataFile", "Quit CarePath and leave the file as it is"),
            )
        )
    else:  # from a running window: keep working in the file that is open now
        found.append(
            (
                DataFileChoice.QUIT,
                QCoreApplication.translate("DataFile", "&Cancel"),
                QCoreApplication.translate("DataFile", "Keep the current data file open"),
            )
        )
    return found


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
    informative = _informative_text(error)
    if informative:
        box.setInformativeText(informative)
    buttons: dict[object, DataFileChoice] = {}
    for choice, text, accessible_name in _choices(error, can_restore, starting):
        leaving = choice is DataFileChoice.QUIT
        role = QMessageBox.ButtonRole.RejectRole if leaving else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(text, role)
        button.setAccessibleName(accessible_name)
        buttons[button] = choice
        if choice is DataFileChoice.RESTORE_BACKUP:
            box.setDefaultButton(button)
        if leaving:
            box.setEscapeButton(button)
            if box.defaultButton() is None:
                box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), DataFileChoice.QUIT)


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
