"""The main window: the frame around the pages — page list, menus, status bar — and navigation.

What is open, and everything done to a whole record (open, import, export, restore, the sample),
belongs to the ``Workspace`` (``ui/workspace.py``); the menus are rows of data in
``ui/actions.py``; the pages are listed in ``ui/page_map.py``. The window is the one place that
asks "Save, Discard or Cancel?" before unsaved work on a page could be lost: on leaving a page,
switching files, entering the sample, changing language and quitting (``settle_all``).

At start-up the window is shown before it has a session: its frame, menus and page list need only
Qt, so they are on screen as fast as a bare Qt window, and ``attach`` puts the data file and the
first page in on the next turn of the event loop (``carepath.ui.app``). So nothing built before
the first paint touches the ``Qt`` namespace: Python creates every enum of a Qt class the first
time the class is used, and ``Qt`` alone has a hundred (18 ms on a 2-core machine, as much as
the rest of the frame; tests/ui/test_lazy_pages.py checks). The pages, the dialogs and the
record's modules are imported when first needed, through ``lazy``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carepath import APP_NAME
from carepath.ui import actions as act
from carepath.ui import unsaved
from carepath.ui.first_paint import AfterFirstPaint
from carepath.ui.page_list import PageList
from carepath.ui.page_map import PageMap, page_class_for, page_specs
from carepath.ui.sample_banner import SampleBanner
from carepath.ui.settings import AppSettings
from carepath.ui.status_bar import RecordStatusBar
from carepath.ui.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from carepath.ui.pages.base import Page
    from carepath.ui.pages.welcome_page import WelcomePage
    from carepath.ui.session import Session

#: Shown before the application's name in the title bar when the sample is on screen. The title
#: always ends with the name itself, so the window system adds nothing after it.
SAMPLE_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Sample data")


def window_title(prefix: str = "") -> str:
    """``APP_NAME``, or "<prefix> — APP_NAME": Qt appends the application's display name to a
    title that does not already end with it, which once made "CarePath — sample data — CarePath"."""
    return f"{prefix} — {APP_NAME}" if prefix else APP_NAME


class MainWindow(QMainWindow):
    """The window; with a ``session`` it is complete at once, without one ``attach`` finishes it."""

    #: The first session is on screen and its first page built (``attach`` has run).
    attached = Signal()

    def __init__(
        self,
        session: Session | None = None,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CarePathMainWindow")
        self.settings = settings or AppSettings()
        self.workspace = Workspace(self.settings, self, self.settle_all)
        self.workspace.session_changed.connect(self._show_session)
        self.workspace.session_closed.connect(self._drop_undo_stack)
        self.workspace.raise_requested.connect(self.bring_forward)
        self._closing = False
        self._showing_welcome = False
        self._connected: Session | None = None
        self.welcome: WelcomePage | None = None
        self.undo_group = QUndoGroup(self)
        self._build_central()
        self._build_actions()
        self._build_status_bar()
        self.workspace.status_message.connect(self.status.showMessage)
        self.setWindowTitle(window_title())
        self.setMinimumSize(760, 540)
        self.settings.restore_window(self)
        if session is not None:
            self.attach(session)
        else:
            self._update_actions()

    def is_attached(self) -> bool:
        return self.workspace.attached

    def attach(self, session: Session) -> None:
        """Put the first data file on screen: the pages, title, status bar and first page."""
        self.workspace.attach(session)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.status.make_selectable()
        self._build_welcome()
        self._connect_session(session)
        self._refresh_frame()
        shown = self.stack.currentWidget()
        if shown is not None:
            AfterFirstPaint(shown).then(self.workspace.listen)
        else:
            self.workspace.listen()
        self.attached.emit()

    # -- construction -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        self.stack = QStackedWidget(central)
        self.banner = SampleBanner(central)
        self.banner.leave_requested.connect(self.leave_sample)
        self.leave_sample_button = self.banner.leave_button
        specs = page_specs()
        self.pages = PageMap(specs, self._build_page)
        self.nav = PageList(specs, self.show_page, central)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_welcome(self) -> None:
        from carepath.ui.pages.welcome_page import WelcomePage

        self.welcome = WelcomePage(self.workspace.user_session, self.stack)
        self.welcome.setObjectName("page-welcome")
        self.welcome.started.connect(self._on_welcome_started)
        self.welcome.sample_requested.connect(self.enter_sample)
        self.stack.addWidget(self.welcome)

    def _build_page(self, key: str) -> Page:
        page_class = page_class_for(key)
        if page_class is None:
            raise LookupError(f"the {key} page is not in this build")
        page = page_class(self.session, self.stack)
        page.setObjectName(f"page-{key}")
        page.navigate_requested.connect(self.show_page)
        self.stack.addWidget(page)
        return page

    def _build_actions(self) -> None:
        """The menus from ``actions.ACTIONS`` (and one View command per page)."""
        pages = [(key, self.pages.title(key) or key) for key in self.pages]
        self.action_table = act.ActionTable(
            self,
            [*act.ACTIONS, *act.page_action_specs(pages)],
            provided={"undo": self._make_undo_action, "redo": self._make_redo_action},
        )
        self.action_table.build_menus(self.menuBar())
        self.edit_menu = self.action_table.menus["edit"]
        self._name_actions()

    def _name_actions(self) -> None:
        """``self.<id>_action`` for each command, and ``page_actions`` by page key."""
        for action_id, action in self.action_table.actions.items():
            setattr(self, f"{action_id}_action", action)
        found = self.action_table.actions
        self.page_actions = {key: found[f"page_{key}"] for key in self.pages}

    def _make_undo_action(self, text: str) -> QAction:
        return self.undo_group.createUndoAction(self, text)

    def _make_redo_action(self, text: str) -> QAction:
        return self.undo_group.createRedoAction(self, text)

    def _build_status_bar(self) -> None:
        self.status = RecordStatusBar(self)
        self.setStatusBar(self.status)
        self.path_label = self.status.path_label
        self.saved_label = self.status.saved_label
        self.due_label = self.status.due_label

    def retranslate_ui(self) -> None:
        """Put the menus, page names, title and status bar in the language now installed.

        Called on every LanguageChange (Preferences installs a new translator). The pages are
        rebuilt in the new language by ``_on_language_changed``.
        """
        self.action_table.retranslate()
        self._name_actions()
        self.nav.retranslate()
        self.banner.retranslate()
        if self.is_attached():
            self._refresh_title_and_status()
        else:
            self.setWindowTitle(window_title())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "action_table"):
            self.retranslate_ui()

    # -- the session on screen ----------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self.workspace.session

    @property
    def is_sample(self) -> bool:
        return self.workspace.is_sample

    def _connect_session(self, session: Session) -> None:
        """The status bar and error boxes follow ``session`` (and no longer the one before)."""
        old, self._connected = self._connected, session
        if old is not None:
            for signal, slot in (
                (old.record_changed, self._update_status),
                (old.saved, self.status.show_saved),
                (old.error_reported, self._show_error),
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        session.record_changed.connect(self._update_status)
        session.saved.connect(self.status.show_saved)
        session.error_reported.connect(self._show_error)

    def _show_session(self, session: Session) -> None:
        """The workspace switched sessions: every page, the undo actions, title, status bar."""
        self._connect_session(session)
        if self.undo_group.stacks().count(session.undo_stack) == 0:
            self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        for page in [*self.pages.built(), self.welcome]:  # pages built later start from it
            if page is not None:
                page.set_session(session)
        self._refresh_frame()
        if session.is_sample:
            self.show_page("overview", ask=False)

    def _drop_undo_stack(self, session: Session) -> None:
        self.undo_group.removeStack(session.undo_stack)

    def _refresh_frame(self) -> None:
        self.status.show_saved(None)  # "Saved hh:mm" only after a save in this window
        self._refresh_title_and_status()
        self._route_after_open()

    def _refresh_title_and_status(self) -> None:
        sample = self.is_sample
        prefix = QCoreApplication.translate("MainWindow", SAMPLE_TITLE) if sample else ""
        self.setWindowTitle(window_title(prefix))
        self.banner.setVisible(sample)
        self._update_actions()
        self.status.retranslate(self.session)

    def _update_actions(self) -> None:
        state = set()
        if self.is_attached():
            state.add(act.FILE)
            if not self.is_sample:
                state.add(act.OWN_FILE)
            if not self._showing_welcome:
                state.add(act.PAGES)
        self.action_table.update_enabled(state)

    def _route_after_open(self) -> None:
        record = self.session.record()
        if not self.is_sample and not (record.profile.is_set_up or record.assessments):
            self._show_welcome()
            return
        self._hide_welcome()
        key = self.settings.last_page()
        self.show_page(key if key in self.pages else "overview", ask=False)

    def _show_welcome(self) -> None:
        self._showing_welcome = True
        self.nav.hide()
        self._update_actions()
        if self.welcome is not None:
            self.stack.setCurrentWidget(self.welcome)
            self.welcome.setFocus()

    def _hide_welcome(self) -> None:
        self._showing_welcome = False
        self.nav.show()
        self._update_actions()

    def _on_welcome_started(self) -> None:
        self._hide_welcome()
        self.show_page("assess", ask=False)

    def _update_status(self) -> None:
        self.status.show_record(self.session)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def bring_forward(self) -> None:
        """Another CarePath was started on this file: show this window instead."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- navigation ---------------------------------------------------------------------------
    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        if widget is not None and widget is self.welcome:
            return "welcome"
        return next((key for key, page in self.pages.built_items() if page is widget), "")

    def current_page(self) -> Page | None:
        from carepath.ui.pages.base import Page  # loaded by then: every page derives from it

        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, key: str, ask: bool = True) -> bool:
        """Show a page by key; returns False when the user cancelled leaving unsaved work (or
        before ``attach``, when there is nothing to show yet)."""
        if not self.is_attached():
            return False
        page = self.pages.get(key)
        if page is None:
            return False
        if self._showing_welcome:
            self._hide_welcome()
        current = self.current_page()
        if ask and current is not None and current is not page and not self._settle(current):
            self.nav.select(self.current_key())
            return False
        self.stack.setCurrentWidget(page)
        self.nav.select(key)
        if not self._closing:
            self.settings.set_last_page(key)
        return True

    # -- unsaved work, sessions and language ---------------------------------------------------
    def _settle(self, page: Page) -> bool:
        return unsaved.settle(page, self)

    def settle_all(self) -> bool:
        """Every page's unsaved work saved or discarded; False if the user cancelled."""
        current = self.current_page()
        ordered = [current] if current is not None else []
        ordered += [p for p in self.pages.built() if p is not current]  # unbuilt: nothing to lose
        return all(self._settle(page) for page in ordered)

    def open_data_file(self, path: Path | None = None) -> bool:
        return self.workspace.open_data_file(path)

    def enter_sample(self) -> bool:
        return self.workspace.enter_sample()

    def leave_sample(self, ask: bool = True) -> bool:
        return self.workspace.leave_sample(ask)

    def _on_language_changed(self, language: str) -> None:
        """Content and pages in the new language (menus and page names follow by themselves).

        A page sets its labels once, when it is built, so instead of teaching each page to
        translate itself again the built pages are dropped, their unsaved work saved or
        discarded first, and built anew in the new language: the one on screen at once, the
        others when shown. Cancel keeps them (and their work) as they are until the next start.
        """
        self.workspace.set_language(language)
        if not self.settle_all():
            message = self.tr("Restart CarePath to finish switching language.")
            self.statusBar().showMessage(message, 10_000)
            return
        showing = self.current_key()
        for page in [*self.pages.forget_built(), self.welcome]:
            if page is not None:
                self.stack.removeWidget(page)
                page.deleteLater()
        self._build_welcome()
        if showing == "welcome":
            self._show_welcome()
        elif showing:
            self.show_page(showing, ask=False)

    # -- settings and closing -----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_all():
            event.ignore()
            return
        self._closing = True
        key = self.current_key()
        self.settings.save_window(self, key if key in self.pages else "")
        self.workspace.close()
        event.accept()
        QTimer.singleShot(0, lambda: None)
