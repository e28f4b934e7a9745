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
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QUndoGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carepath import APP_NAME
from carepath.ui import actions as act
from carepath.ui.page_map import PageMap, page_class_for, page_specs
from carepath.ui.settings import AppSettings
from carepath.ui.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from carepath.ui.pages.base import Page
    from carepath.ui.pages.welcome_page import WelcomePage
    from carepath.ui.session import Session

#: Shown before the application's name in the title bar when the sample is on screen. The title
#: always ends with the name itself, so the window system adds nothing after it.
SAMPLE_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Sample data")
BANNER_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Sample data: a made-up year of someone else's record. Nothing you do here touches your "
    "own file.",
)
LEAVE_SAMPLE = QT_TRANSLATE_NOOP("MainWindow", "&Leave sample")
_ICON_SIZE = 22


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
        self.workspace.status_message.connect(self.statusBar().showMessage)
        self.workspace.raise_requested.connect(self.bring_forward)
        self._closing = False
        self._showing_welcome = False
        self._saved_at: datetime | None = None
        self._connected: Session | None = None
        self.welcome: WelcomePage | None = None
        self.undo_group = QUndoGroup(self)
        self._build_central()
        self._build_actions()
        self._build_status_bar()
        self.setWindowTitle(window_title())
        self.setMinimumSize(760, 540)
        self._default_size()
        self._restore_settings()
        if session is not None:
            self.attach(session)
        else:
            self._update_actions()

    def is_attached(self) -> bool:
        return self.workspace.attached

    def attach(self, session: Session) -> None:
        """Put the first data file on screen: the pages, title, status bar and first page."""
        from PySide6.QtCore import Qt  # not at the top: see the module docstring

        self.workspace.attach(session)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_welcome()
        self._connect_session(session)
        self._refresh_frame()
        self.attached.emit()

    # -- construction -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        self.stack = QStackedWidget(central)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._build_nav(central))
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self._build_banner(central))
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_banner(self, parent: QWidget) -> QFrame:
        """The yellow strip above the pages while the sample is on screen."""
        self.banner = QFrame(parent)
        self.banner.setObjectName("sampleBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            "#sampleBanner { background: #FFF4CE; border: 1px solid #C8A400; }"
            "#sampleBanner QLabel { color: #3B2F00; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.leave_sample_button = QPushButton(self.banner)
        self.leave_sample_button.clicked.connect(self.leave_sample)
        layout = QHBoxLayout(self.banner)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.banner_text, 1)
        layout.addWidget(self.leave_sample_button)
        self._translate_banner()
        self.banner.hide()
        return self.banner

    def _translate_banner(self) -> None:
        self.banner_text.setText(QCoreApplication.translate("MainWindow", BANNER_TEXT))
        self.leave_sample_button.setText(QCoreApplication.translate("MainWindow", LEAVE_SAMPLE))
        self.leave_sample_button.setAccessibleName(self.tr("Leave the sample data"))

    def _build_nav(self, parent: QWidget) -> QListWidget:
        """The page list, a little larger than the system font and following it."""
        self.nav = QListWidget(parent)
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self.nav.setSpacing(2)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px; }")
        specs = page_specs()
        self.pages = PageMap(specs, self._build_page)
        #: The page key of each row of ``nav`` (a list, not item data: see the module docstring).
        self._nav_keys = [spec.key for spec in specs]
        for spec in specs:
            text = QCoreApplication.translate("Page", spec.title)
            QListWidgetItem(QIcon.fromTheme(spec.icon), text, self.nav)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self._fit_nav_width()
        return self.nav

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

    def _fit_nav_width(self) -> None:
        """As wide as the longest page name in the current language and font size (170 px at
        least), so a larger system font or a longer translation never clips a name."""
        metrics = self.nav.fontMetrics()
        rows = range(self.nav.count())
        widest = max((metrics.horizontalAdvance(self.nav.item(r).text()) for r in rows), default=0)
        extra = self.nav.iconSize().width() + 48 + self.nav.verticalScrollBar().sizeHint().width()
        self.nav.setFixedWidth(max(170, widest + extra))

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
        status = self.statusBar()
        self.path_label = QLabel(status)  # selectable once there is a path (``attach``)
        self.saved_label = QLabel(status)
        self.due_label = QLabel(status)
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.due_label)
        status.addPermanentWidget(self.saved_label)

    def retranslate_ui(self) -> None:
        """Put the menus, page names, title and status bar in the language now installed.

        Called on every LanguageChange (Preferences installs a new translator). The pages are
        rebuilt in the new language by ``_on_language_changed``.
        """
        self.action_table.retranslate()
        self._name_actions()
        for row, key in enumerate(self._nav_keys):
            title = self.pages.title(key)
            if title is not None:
                self.nav.item(row).setText(QCoreApplication.translate("Page", title))
        self._fit_nav_width()
        self._translate_banner()
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
                (old.saved, self._on_saved),
                (old.error_reported, self._show_error),
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        session.record_changed.connect(self._update_status)
        session.saved.connect(self._on_saved)
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
        self._saved_at = None  # "Saved hh:mm" only after a save in this window
        self._refresh_title_and_status()
        self._route_after_open()

    def _refresh_title_and_status(self) -> None:
        sample = self.is_sample
        prefix = QCoreApplication.translate("MainWindow", SAMPLE_TITLE) if sample else ""
        self.setWindowTitle(window_title(prefix))
        self.banner.setVisible(sample)
        self._update_actions()
        self._update_status()
        self._show_saved()

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
        from carepath.ui.pages.overview_page import format_day

        if self.is_sample:
            self.path_label.setText(self.tr("Sample data (temporary, not your record)"))
        else:
            self.path_label.setText(self.tr("Data file: %1").replace("%1", str(self.session.path)))
        due = self.session.record().next_reassessment()
        if due is None:
            self.due_label.setText(self.tr("No assessment yet"))
        elif due < date.today():
            self.due_label.setText(
                self.tr("Reassessment overdue since %1").replace("%1", format_day(due))
            )
        else:
            self.due_label.setText(self.tr("Next reassessment %1").replace("%1", format_day(due)))

    def _on_saved(self, when: datetime) -> None:
        self._saved_at = when
        self._show_saved()

    def _show_saved(self) -> None:
        from PySide6.QtCore import QLocale, QTime

        when = self._saved_at
        if when is None:
            self.saved_label.clear()
            return
        time_text = QLocale().toString(QTime(when.hour, when.minute), "HH:mm")
        self.saved_label.setText(self.tr("Saved %1").replace("%1", time_text))

    def _show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

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
            self._select_nav(self.current_key())
            return False
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        if not self._closing:
            self.settings.set_last_page(key)
        return True

    def _select_nav(self, key: str) -> None:
        if key in self._nav_keys:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._nav_keys.index(key))
            self.nav.blockSignals(False)

    def _on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._nav_keys):
            self.show_page(self._nav_keys[row])

    # -- unsaved work -------------------------------------------------------------------------
    def ask_unsaved(self, page: Page) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        title = QCoreApplication.translate("Page", type(page).title)
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The %1 page has changes that are not saved yet. Save them?").replace(
                "%1", title
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def _settle(self, page: Page) -> bool:
        """Make sure ``page`` holds no unsaved work: True to go on, False to stay (Cancel)."""
        from PySide6.QtWidgets import QMessageBox

        if not page.was_refreshed() or not page.has_unsaved_changes():
            return True
        answer = self.ask_unsaved(page)
        if answer == QMessageBox.StandardButton.Save:
            return page.save()
        if answer == QMessageBox.StandardButton.Discard:
            page.discard()
            return True
        return False

    def settle_all(self) -> bool:
        """Every page's unsaved work saved or discarded; False if the user cancelled."""
        current = self.current_page()
        ordered = [current] if current is not None else []
        ordered += [p for p in self.pages.built() if p is not current]  # unbuilt: nothing to lose
        return all(self._settle(page) for page in ordered)

    # -- commands (rows of ``actions.ACTIONS``) -----------------------------------------------
    def new_assessment(self) -> None:
        from carepath.ui.pages.assess_page import AssessPage

        assess = self.pages.get("assess")
        if isinstance(assess, AssessPage) and self.show_page("assess") and self._settle(assess):
            assess.new_assessment()

    def save_current(self) -> None:
        page = self.current_page()
        if page is not None and page.has_unsaved_changes():
            if page.save():
                self.statusBar().showMessage(self.tr("Saved."), 4000)
        else:
            self.statusBar().showMessage(
                self.tr("Nothing to save: every other change is saved as you make it."), 4000
            )

    def open_data_file(self, path: Path | None = None) -> bool:
        return self.workspace.open_data_file(path)

    def export_plan(self) -> None:
        from carepath.ui import lazy

        dialog_class = lazy.load("carepath.ui.export_dialog:ExportDialog")
        if dialog_class is not None:
            dialog_class(self.session, self).exec()

    def enter_sample(self) -> bool:
        return self.workspace.enter_sample()

    def leave_sample(self, ask: bool = True) -> bool:
        return self.workspace.leave_sample(ask)

    def show_level_scale(self) -> None:
        from carepath.ui.dialogs.level_scale import LevelScaleDialog

        LevelScaleDialog(self.session.catalogue, self).exec()

    def show_about(self) -> None:
        from carepath.ui.dialogs.about import show_about

        show_about(self, None if self.is_sample else self.session.path)

    def show_preferences(self) -> None:
        """Edit ▸ Preferences…: language, theme, interval, paper, data file location."""
        from carepath.ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.session, self.settings, self)
        languages: list[str] = []
        dialog.language_changed.connect(languages.append)
        dialog.data_file_moved.connect(lambda _path: self._update_status())
        dialog.exec()
        dialog.deleteLater()
        if languages:  # after the dialog: rebuilding may ask about unsaved work
            self._on_language_changed(languages[-1])

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
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if not state.isEmpty():
            self.restoreState(state)

    def _default_size(self) -> None:
        """1180×760, or nine tenths of a smaller screen (a saved geometry overrides it)."""
        screen = self.screen()
        width, height = 1180, 760
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.9))
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        key = self.current_key()
        if key in self.pages:
            self.settings.set_last_page(key)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_all():
            event.ignore()
            return
        self._closing = True
        self.save_settings()
        self.workspace.close()
        event.accept()
        QTimer.singleShot(0, lambda: None)
