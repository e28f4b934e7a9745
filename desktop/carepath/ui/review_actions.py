"""The File menu's review items: Ask for a review…, Import a review…, Open a review request….

Each is a row of ``ui/actions.py`` whose handler is a function here, called with the main window
(``window.session`` is the open record); everything else about reviews in the window lives here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from carepath.core.errors import CarePathError

if TYPE_CHECKING:
    from carepath.ui.main_window import MainWindow


def _folder(window: MainWindow) -> str:
    return str(window.settings.last_folder(str(Path.home())))


def _announce(window: MainWindow) -> None:
    """Every page redraws from the changed record, and the status bar says it was saved."""
    session = window.session
    session.record_changed.emit()
    if session.store.last_saved is not None:
        session.saved.emit(session.store.last_saved)


def ask_for_review(window: MainWindow) -> Path | None:
    """File ▸ Ask for a review…: write a form and record its request id; the form's path."""
    from carepath.core.catalogue import load_catalogue
    from carepath.export.review_form import write_request
    from carepath.ui.dialogs.review_request_dialog import ReviewRequestDialog

    session = window.session
    profile = session.record().profile
    dialog = ReviewRequestDialog(
        profile.target_stage, session.catalogue.language, profile.name.strip(), window
    )
    if not dialog.exec():
        return None
    suggested = Path(_folder(window)) / f"carepath-review-request-{date.today().isoformat()}.html"
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Reviews", "Save the review form"),
        str(suggested),
        QCoreApplication.translate("Reviews", "Web pages (*.html)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    try:
        write_request(
            session.store,
            load_catalogue(dialog.language()),
            path,
            reviewer=dialog.reviewer(),
            message=dialog.message(),
            asker=dialog.asker(),
        )
    except (CarePathError, OSError) as error:
        QMessageBox.warning(
            window, QCoreApplication.translate("Reviews", "Review form not written"), str(error)
        )
        return None
    window.settings.set_last_folder(str(path.parent))
    _announce(window)
    QMessageBox.information(
        window,
        QCoreApplication.translate("Reviews", "Review form written"),
        QCoreApplication.translate(
            "Reviews",
            "Send %1 to your reviewer (by e-mail, for example). They open it in any browser, "
            "save their answers and send you back a small .json file: import it with "
            "File ▸ Import a review…",
        ).replace("%1", path.name),
    )
    return path


def import_a_review(window: MainWindow, path: Path | None = None) -> bool:
    """File ▸ Import a review…: check the answer file, add it all or nothing; True if changed."""
    from carepath.core.review_response import Outcome, import_review, read_response_file

    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("Reviews", "Import a review"),
            _folder(window),
            QCoreApplication.translate("Reviews", "Review answers (*.json)"),
        )
        if not chosen:
            return False
        path = Path(chosen)
    session = window.session
    try:
        result = import_review(session.store, read_response_file(path), path.name)
    except CarePathError as error:
        QMessageBox.warning(
            window, QCoreApplication.translate("Reviews", "Review not imported"), str(error)
        )
        return False
    if result.changed:
        _announce(window)
    messages = {
        Outcome.ADDED: QCoreApplication.translate(
            "Reviews", "Added the review by %1. See it on the Overview."
        ),
        Outcome.REPLACED: QCoreApplication.translate(
            "Reviews", "Replaced the earlier answer by %1 with this newer one."
        ),
        Outcome.UNCHANGED: QCoreApplication.translate(
            "Reviews", "This review by %1 was already imported; nothing changed."
        ),
    }
    QMessageBox.information(
        window,
        QCoreApplication.translate("Reviews", "Review imported"),
        messages[result.outcome].replace("%1", result.review.reviewer),
    )
    return result.changed


def open_review_request(window: MainWindow, path: Path | None = None) -> None:
    """File ▸ Open a review request…: rate someone else; one's own record is not touched."""
    from carepath.export.review_form import read_request
    from carepath.ui.review_window import ReviewerDialog

    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("Reviews", "Open a review request"),
            _folder(window),
            QCoreApplication.translate("Reviews", "Review forms (*.html *.htm)"),
        )
        if not chosen:
            return
        path = Path(chosen)
    try:
        request = read_request(path)
    except CarePathError as error:
        QMessageBox.warning(
            window, QCoreApplication.translate("Reviews", "Review request not opened"), str(error)
        )
        return
    ReviewerDialog(request, window).exec()
