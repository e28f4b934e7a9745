"""What the user sees when CarePath itself fails: a sentence and a log file, never a traceback.

PySide prints an exception raised in a slot or a virtual method and carries on, so a bug would
otherwise pass unseen (no console on a desktop launch) while an action silently did nothing.
``install`` replaces ``sys.excepthook``: the traceback goes to a log file of its own in the
user's log folder (and to stderr, for a developer), and a dialog says what happened, where the
file is, and that the record is safe, since every change is written to disk as it is made.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("CarePath", appauthor=False))


def write_report(text: str, folder: Path | None = None) -> Path | None:
    """The traceback in ``crash-<time>.log``; None when even that cannot be written."""
    from carepath.core.atomic import write_atomic

    folder = folder or log_folder()
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        log.error("could not write the crash report %s: %s", path, error)
        return None
    return path


def message(report: Path | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if report is None:
        where = QCoreApplication.translate("Crash", "Its details could not be saved to a file.")
    else:
        where = QCoreApplication.translate(
            "Crash", "Its details are in %1; please send that file if it happens again."
        ).replace("%1", str(report))
    return (
        QCoreApplication.translate(
            "Crash",
            "CarePath met an unexpected problem, and what you just did may not have finished. "
            "Your record is safe: every change is saved when you make it.",
        )
        + " "
        + where
    )


def make_hook(folder: Path | None = None) -> ExceptHook:
    """An excepthook writing the report to ``folder`` (default: the user's log folder)."""
    busy = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal busy
        sys.__excepthook__(kind, error, trace)
        if busy or issubclass(kind, KeyboardInterrupt):
            return
        busy = True  # an error while reporting one must not open dialog after dialog
        try:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QApplication, QMessageBox

            text = "".join(traceback.format_exception(kind, error, trace))
            report = write_report(text, folder)
            if QApplication.instance() is not None:
                QMessageBox.critical(
                    QApplication.activeWindow(),
                    QCoreApplication.translate("Crash", "Something went wrong"),
                    message(report),
                )
        finally:
            busy = False

    return hook


def install(folder: Path | None = None) -> None:
    sys.excepthook = make_hook(folder)
