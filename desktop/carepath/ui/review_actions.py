"""The File menu's review items: Ask for a review…, Import a review…, Open a review request….

The main window calls ``install_review_actions`` once while building its File menu; everything
else about reviews in the window lives here, so the window keeps one line for them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from carepath.core.errors import CarePathError

if TYPE_CHECKING:
    from carepath.ui.main_window import MainWindow


class ReviewActions(QObject):
    """The three actions and what they do, for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ask_action: QAction = window._action(
            QT_TRANSLATE_NOOP("MainWindow", "Ask for a re&view…"), self.ask
        )
        self.import_action: QAction = window._action(
            QT_TRANSLATE_NOOP("MainWindow", "Import a revie&w…"), self.import_review
        )
        self.open_request_action: QAction = window._action(
            QT_TRANSLATE_NOOP("MainWindow", "Open a review reques&t…"), self.open_request
        )
        needs_session = getattr(window, "_needs_session", None)
        for action in (self.ask_action, self.import_action):
            if isinstance(needs_session, list):
                needs_session.append(action)
                action.setEnabled(window.is_attached())

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.ask_action)
        menu.addAction(self.import_action)
        menu.addAction(self.open_request_action)

    def _folder(self) -> str:
        return str(self.window.settings.last_folder(str(Path.home())))

    def _announce(self) -> None:
        session = self.window.session
        session.record_changed.emit()
        if session.store.last_saved is not None:
            session.saved.emit(session.store.last_saved)

    # -- ask ------------------------------------------------------------------------------------
    def ask(self) -> Path | None:
        from carepath.core.catalogue import load_catalogue
        from carepath.export.review_form import write_request
        from carepath.ui.dialogs.review_request_dialog import ReviewRequestDialog

        session = self.window.session
        profile = session.record().profile
        if not profile.name.strip():
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("Reviews", "Ask for a review"),
                QCoreApplication.translate(
                    "Reviews",
                    "Add your name first (Edit ▸ Preferences), so your reviewer knows who asks.",
                ),
            )
            return None
        dialog = ReviewRequestDialog(profile.target_stage, session.catalogue.language, self.window)
        if not dialog.exec():
            return None
        suggested = (
            Path(self._folder()) / f"carepath-review-request-{date.today().isoformat()}.html"
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
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
            )
        except (CarePathError, OSError) as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Reviews", "Review form not written"),
                str(error),
            )
            return None
        self.window.settings.set_last_folder(str(path.parent))
        self._announce()
        QMessageBox.information(
            self.window,
            QCoreApplication.translate("Reviews", "Review form written"),
            QCoreApplication.translate(
                "Reviews",
                "Send %1 to your reviewer (by e-mail, for example). They open it in any browser, "
                "save their answers and send you back a small .json file: import it with "
                "File ▸ Import a review…",
            ).replace("%1", path.name),
        )
        return path

    # -- import ---------------------------------------------------------------------------------
    def import_review(self, path: Path | None = None) -> bool:
        from carepath.core.review_response import Outcome, import_review, read_response_file

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window,
                QCoreApplication.translate("Reviews", "Import a review"),
                self._folder(),
                QCoreApplication.translate("Reviews", "Review answers (*.json)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        session = self.window.session
        try:
            result = import_review(session.store, read_response_file(path), path.name)
        except CarePathError as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Reviews", "Review not imported"),
                str(error),
            )
            return False
        if result.changed:
            self._announce()
        who = result.review.reviewer
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
            self.window,
            QCoreApplication.translate("Reviews", "Review imported"),
            messages[result.outcome].replace("%1", who),
        )
        return result.changed

    # -- review someone else --------------------------------------------------------------------
    def open_request(self, path: Path | None = None) -> None:
        from carepath.export.review_form import read_request
        from carepath.ui.review_window import ReviewerDialog

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window,
                QCoreApplication.translate("Reviews", "Open a review request"),
                self._folder(),
                QCoreApplication.translate("Reviews", "Review forms (*.html *.htm)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            request = read_request(path)
        except CarePathError as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Reviews", "Review request not opened"),
                str(error),
            )
            return
        dialog = ReviewerDialog(request, self.window)
        dialog.exec()


def install_review_actions(window: MainWindow, menu: QMenu) -> ReviewActions:
    """Create the review actions for ``window`` and add them to its File ``menu``."""
    actions = ReviewActions(window)
    actions.add_to(menu)
    return actions
