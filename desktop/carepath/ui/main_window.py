"""The main window: side navigation between the pages, menus, status bar, files and sample data.

It owns which Session is on screen — the user's own file, or sample data in a temporary folder
that is never mixed into it — and is the one place that asks "Save, Discard or Cancel?" before
unsaved work could be lost: on leaving a page, switching files, entering sample data, quitting.

At start-up the window is shown before it has a session (issue 6): its frame, menus and page list
need only Qt, so they are on screen as fast as a bare Qt window, and ``attach`` then puts the data
file and the first page in on the next turn of the event loop (``carepath.ui.app``).

Python creates every enum of a Qt class the first time the class is used, and the ``Qt`` namespace
alone has a hundred (18 ms on a 2-core machine, as much as the rest of the frame). So nothing built
before the first paint touches ``Qt`` (``QAction.setShortcut`` would: ``setShortcuts`` does not),
and the dialogs' classes are imported in the methods that open them, as are the pages' base
class and json (3 ms each).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import tempfile
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import CarePathError
from carepath.ui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMenuBar, QMessageBox

    from carepath.ui.pages.base import Page
    from carepath.ui.pages.welcome_page import WelcomePage
    from carepath.ui.session import Session

log = logging.getLogger(__name__)

#: Every page in navigation order: key, module, class. Pages whose module is missing (not written
#: yet, or left out of a build) are simply not offered. A page's module is imported when the page
#: is first built, after the window is on screen.
PAGE_ORDER: tuple[tuple[str, str, str], ...] = (
    ("overview", "carepath.ui.pages.overview_page", "OverviewPage"),
    ("assess", "carepath.ui.pages.assess_page", "AssessPage"),
    ("progress", "carepath.ui.pages.progress_page", "ProgressPage"),
    ("steps", "carepath.ui.pages.steps_page", "StepsPage"),
    ("plan", "carepath.ui.pages.plan_page", "PlanPage"),
    ("history", "carepath.ui.pages.history_page", "HistoryPage"),
)
#: Every page's title, known without importing its module (the same QT_TRANSLATE_NOOP strings
#: as the classes' ``title``; tests/ui/test_lazy_pages.py checks).
PAGE_TITLES: dict[str, str] = {
    "overview": QT_TRANSLATE_NOOP("Page", "Overview"),
    "assess": QT_TRANSLATE_NOOP("Page", "Assess"),
    "progress": QT_TRANSLATE_NOOP("Page", "Progress"),
    "steps": QT_TRANSLATE_NOOP("Page", "Steps"),
    "plan": QT_TRANSLATE_NOOP("Page", "Plan"),
    "history": QT_TRANSLATE_NOOP("Page", "History"),
}
_ICONS = {
    "overview": "go-home",
    "assess": "document-edit",
    "progress": "office-chart-line",
    "steps": "view-calendar-timeline",
    "plan": "view-task",
    "history": "document-open-recent",
}
WINDOW_TITLE = QT_TRANSLATE_NOOP("MainWindow", "CarePath")
SAMPLE_TITLE = QT_TRANSLATE_NOOP("MainWindow", "CarePath — sample data")
_UNDO = QT_TRANSLATE_NOOP("MainWindow", "&Undo")
_REDO = QT_TRANSLATE_NOOP("MainWindow", "&Redo")


def available_pages() -> list[tuple[str, type[Page]]]:
    """The page classes that can be shown, in navigation order."""
    found: list[tuple[str, type[Page]]] = []
    for key, _module_name, _class_name in PAGE_ORDER:
        page_class = page_class_for(key)
        if page_class is not None:
            found.append((key, page_class))
    return found


def page_class_for(key: str) -> type[Page] | None:
    """The class of the page ``key``, importing its module if need be; None if it cannot load."""
    for page_key, module_name, class_name in PAGE_ORDER:
        if page_key != key:
            continue
        try:
            page_class: type[Page] = getattr(importlib.import_module(module_name), class_name)
        except ImportError:
            return None
        except Exception:  # a page that fails to import must not take the whole app down
            log.exception("page %s could not be loaded", key)
            return None
        return page_class
    return None


def page_titles() -> dict[str, str]:
    """Key → title (untranslated) of every page that can be shown, in navigation order.

    Page modules are only looked for, not imported: they load when the page is first shown, not
    before the window's first paint (issue 6).
    """
    titles: dict[str, str] = {}
    for key, module_name, _class_name in PAGE_ORDER:
        try:
            found = importlib.util.find_spec(module_name) is not None
        except (ImportError, ValueError):
            found = False
        if found:
            titles[key] = PAGE_TITLES[key]
    return titles


class PageMap(Mapping[str, "Page"]):
    """Every page of the window by key, in navigation order; a page is built when first asked for.

    At start only the first page is built, once the window's frame is on screen; the others cost
    nothing until they are shown (or asked for), which keeps several dozen milliseconds off the
    start (issue 6). ``built()`` lists the pages that exist: only they can hold unsaved work or
    need to follow a new session, since a page built later starts from the current one.
    """

    def __init__(self, titles: Mapping[str, str], build: Callable[[str], Page]) -> None:
        self._titles = dict(titles)
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self._titles:
                raise KeyError(key)
            try:
                page = self._build(key)
            except Exception:  # a page that fails must not take the window down
                log.exception("page %s could not be created", key)
                del self._titles[key]
                raise KeyError(key) from None
            self._built[key] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._titles))

    def __len__(self) -> int:
        return len(self._titles)

    def __contains__(self, key: object) -> bool:
        return key in self._titles

    def title(self, key: str) -> str | None:
        """The page's untranslated title (a QT_TRANSLATE_NOOP "Page" string), built or not."""
        return self._titles.get(key)

    def built(self) -> list[Page]:
        """The pages built so far, in navigation order."""
        return [self._built[key] for key in self._titles if key in self._built]

    def built_items(self) -> list[tuple[str, Page]]:
        return [(key, self._built[key]) for key in self._titles if key in self._built]

    def forget_built(self) -> list[Page]:
        """Forget every built page (each is built afresh when next asked for); returns them."""
        pages = self.built()
        self._built.clear()
        return pages


def export_dialog_available() -> bool:
    """Whether this build has the export dialog, without importing it (and the exporters) yet.

    Importing it costs about 25 ms, which the window does not pay before it is first shown.
    """
    try:
        return importlib.util.find_spec("carepath.ui.export_dialog") is not None
    except (ImportError, ValueError):
        return False


def export_dialog_class() -> type | None:
    try:
        module = importlib.import_module("carepath.ui.export_dialog")
        return getattr(module, "ExportDialog", None)
    except ImportError:
        return None
    except Exception:
        log.exception("the export dialog could not be loaded")
        return None


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
        self._user_session: Session
        self._session: Session
        self._sample_folder: tempfile.TemporaryDirectory[str] | None = None
        self._sample_session: Session | None = None
        self._closing = False
        self._showing_welcome = False
        self._last_row = -1
        self.welcome: WelcomePage | None = None

        self.undo_group = QUndoGroup(self)
        #: (action or widget, its QT_TRANSLATE_NOOP text), translated again on LanguageChange.
        self._translatable: list[tuple[Any, str]] = []
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.setWindowTitle(QCoreApplication.translate("MainWindow", WINDOW_TITLE))

        self.setMinimumSize(760, 540)
        self._default_size()
        self._restore_settings()
        if session is not None:
            self.attach(session)
        else:
            for action in self._needs_session:
                action.setEnabled(False)

    def is_attached(self) -> bool:
        return hasattr(self, "_session")

    def attach(self, session: Session) -> None:
        """Put the first data file on screen: the pages, title, status bar and first page."""
        from PySide6.QtCore import Qt  # not at the top: see the module docstring

        if self.is_attached():
            raise RuntimeError("the window already shows a data file; use open_data_file")
        self._user_session = session
        self._session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        for action in self._needs_session:
            action.setEnabled(True)
        self.export_plan_action.setEnabled(self._export_available)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_welcome()
        self._connect_session(session)
        self._update_title()
        self._update_status()
        self._show_last_saved()
        self._route_after_open()
        self.attached.emit()

    # -- construction -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        self.banner = QFrame(central)
        self.banner.setObjectName("sampleBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            "#sampleBanner { background: #FFF4CE; border: 1px solid #C8A400; }"
            "#sampleBanner QLabel { color: #3B2F00; }"
        )
        banner_source = QT_TRANSLATE_NOOP(
            "MainWindow",
            "Sample data: a made-up year of someone else's record. Nothing you do here "
            "touches your own file.",
        )
        banner_text = QLabel(QCoreApplication.translate("MainWindow", banner_source), self.banner)
        banner_text.setWordWrap(True)
        leave_source = QT_TRANSLATE_NOOP("MainWindow", "&Leave sample")
        self.leave_sample_button = QPushButton(
            QCoreApplication.translate("MainWindow", leave_source), self.banner
        )
        self._translatable += [
            (banner_text, banner_source),
            (self.leave_sample_button, leave_source),
        ]
        self.leave_sample_button.setAccessibleName(self.tr("Leave the sample data"))
        self.leave_sample_button.clicked.connect(self.leave_sample)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.leave_sample_button)
        self.banner.hide()

        self.nav = QListWidget(central)
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        nav_font = self.nav.font()  # a little larger than the system font, and following it
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px; }")
        self.stack = QStackedWidget(central)

        titles = page_titles()
        self.pages = PageMap(titles, self._build_page)
        #: The page key of each row of ``nav`` (a list, not item data: see the module docstring).
        self._nav_keys = list(titles)
        for key, title in titles.items():
            QListWidgetItem(
                QIcon.fromTheme(_ICONS.get(key, "")),
                QCoreApplication.translate("Page", title),
                self.nav,
            )
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self._fit_nav_width()

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

        self.welcome = WelcomePage(self._user_session, self.stack)
        self.welcome.setObjectName("page-welcome")
        self.welcome.started.connect(self._on_welcome_started)
        self.welcome.sample_requested.connect(self.enter_sample)
        self.stack.addWidget(self.welcome)

    def _build_page(self, key: str) -> Page:
        page_class = page_class_for(key)
        if page_class is None:
            raise LookupError(f"the {key} page is not in this build")
        page = page_class(self._session, self.stack)
        page.setObjectName(f"page-{key}")
        page.navigate_requested.connect(self.show_page)
        self.stack.addWidget(page)
        return page

    def _fit_nav_width(self) -> None:
        """As wide as the longest page name in the current language and font size (170 px at
        least), so a larger system font or a longer translation never clips a name."""
        metrics = self.nav.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.nav.item(row).text())
                for row in range(self.nav.count())
            ),
            default=0,
        )
        extra = self.nav.iconSize().width() + 48 + self.nav.verticalScrollBar().sizeHint().width()
        self.nav.setFixedWidth(max(170, widest + extra))

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        tip: str = "",
        *,
        remember: bool = True,
    ) -> QAction:
        """An action titled with the translation of ``text``, a QT_TRANSLATE_NOOP constant of
        the MainWindow context (kept, so a change of language can translate it again)."""
        action = QAction(QCoreApplication.translate("MainWindow", text), self)
        if remember:
            self._translatable.append((action, text))
        if shortcut is not None:
            # Neither setShortcut() nor QKeySequence(QKeySequence) here: both create Qt's enums.
            sequence = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
            action.setShortcuts([sequence])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&New assessment"),
            self.new_assessment,
            QKeySequence.StandardKey.New,
        )
        self.save_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Save"),
            self.save_current,
            QKeySequence.StandardKey.Save,
        )
        self.open_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Open data file…"),
            self.open_data_file,
            QKeySequence.StandardKey.Open,
        )
        self.import_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Import backup…"), self.import_backup
        )
        self.export_backup_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "Export &backup…"), self.export_backup
        )
        self.export_plan_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Export plan…"), self.export_plan, "Ctrl+E"
        )
        self._export_available = export_dialog_available()
        if not self._export_available:
            self.export_plan_action.setEnabled(False)
            self.export_plan_action.setToolTip(
                self.tr("Exporting the plan is not available in this build")
            )
        self.share_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "S&hare with my manager…"), self.share_with_manager
        )
        self.team_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Team view…"), self.show_team_view
        )
        self.restore_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Restore automatic backup…"),
            self.restore_automatic_backup,
        )
        self.quit_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Quit"), self.close, QKeySequence("Ctrl+Q")
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self._make_undo_actions()
        self.preferences_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), self.show_preferences, "Ctrl+,"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.page_actions: dict[str, QAction] = {}
        for number, (key, _module, _cls) in enumerate(PAGE_ORDER, start=1):
            if key not in self.pages:
                continue
            action = self._action(
                "", lambda _=False, k=key: self.show_page(k), f"Ctrl+{number}", remember=False
            )
            self.page_actions[key] = action

        self.levels_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "The &level scale"), self.show_level_scale
        )
        self.about_action = self._action(
            QT_TRANSLATE_NOOP("MainWindow", "&About CarePath"), self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        #: Everything but Quit and Undo/Redo (which follow their stack): off until ``attach``.
        self._needs_session = [
            self.new_action,
            self.save_action,
            self.open_action,
            self.import_action,
            self.export_backup_action,
            self.export_plan_action,
            self.restore_action,
            self.share_action,
            self.team_action,
            self.preferences_action,
            *self.page_actions.values(),
            self.levels_action,
            self.about_action,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_backup_action)
        file_menu.addAction(self.export_plan_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.share_action)
        file_menu.addAction(self.team_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        self.edit_menu = edit_menu
        view_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&View"))
        for action in self.page_actions.values():
            view_menu.addAction(action)
        help_menu = self._menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        help_menu.addAction(self.levels_action)
        help_menu.addAction(self.about_action)
        self._retranslate_page_actions()

    def _menu(self, bar: QMenuBar, text: str) -> QMenu:
        """A menu titled with the translation of ``text``, a QT_TRANSLATE_NOOP constant."""
        menu = bar.addMenu(QCoreApplication.translate("MainWindow", text))
        self._translatable.append((menu.menuAction(), text))
        return menu

    def _make_undo_actions(self) -> None:
        """Undo and Redo, whose text QUndoGroup builds from a prefix in the current language."""
        self.undo_action = self.undo_group.createUndoAction(
            self, QCoreApplication.translate("MainWindow", _UNDO)
        )
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(
            self, QCoreApplication.translate("MainWindow", _REDO)
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    def _retranslate_page_actions(self) -> None:
        for number, (key, _module, _cls) in enumerate(PAGE_ORDER, start=1):
            title = self.pages.title(key)
            action = self.page_actions.get(key)
            if title is not None and action is not None:
                title = QCoreApplication.translate("Page", title)
                action.setText(f"&{number} {title}")

    def retranslate_ui(self) -> None:
        """Put the menus, page names, title and status bar in the language now installed.

        Called on every LanguageChange (Preferences installs a new translator). The pages'
        fixed labels keep the language they were built in until CarePath restarts.
        """
        for target, text in self._translatable:
            target.setText(QCoreApplication.translate("MainWindow", text))
        self._retranslate_page_actions()
        for row, key in enumerate(self._nav_keys):
            title = self.pages.title(key)
            if title is not None:
                self.nav.item(row).setText(QCoreApplication.translate("Page", title))
        self._fit_nav_width()
        old_undo, old_redo = self.undo_action, self.redo_action
        self._make_undo_actions()
        self.edit_menu.insertAction(old_undo, self.undo_action)
        self.edit_menu.insertAction(old_undo, self.redo_action)
        for action in (old_undo, old_redo):
            self.edit_menu.removeAction(action)
            action.deleteLater()
        if not self.is_attached():
            self.setWindowTitle(QCoreApplication.translate("MainWindow", WINDOW_TITLE))
            return
        self._update_title()
        self._update_status()
        self._show_last_saved()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "edit_menu"):
            self.retranslate_ui()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.path_label = QLabel(status)  # selectable once there is a path (``attach``)
        self.saved_label = QLabel(status)
        self.due_label = QLabel(status)
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.due_label)
        status.addPermanentWidget(self.saved_label)

    # -- the session on screen ----------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self._session

    @property
    def is_sample(self) -> bool:
        return self._session.is_sample

    def _connect_session(self, session: Session) -> None:
        session.record_changed.connect(self._update_status)
        session.saved.connect(self._on_saved)
        session.error_reported.connect(self._show_error)

    def _disconnect_session(self, session: Session) -> None:
        for signal, slot in (
            (session.record_changed, self._update_status),
            (session.saved, self._on_saved),
            (session.error_reported, self._show_error),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _switch_to(self, session: Session) -> None:
        """Put ``session`` on screen: every page, the undo actions, title, status bar."""
        old = self._session
        if old is session:
            return
        self._disconnect_session(old)
        self._session = session
        self._connect_session(session)
        if self.undo_group.stacks().count(session.undo_stack) == 0:
            self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        for page in [*self.pages.built(), self.welcome]:  # pages built later start from it
            page.set_session(session)
        self._show_last_saved()
        self._update_title()
        self._update_status()
        self._route_after_open()

    def _forget(self, session: Session) -> None:
        """Close a session that is no longer on screen (its file lock is released)."""
        self.undo_group.removeStack(session.undo_stack)
        try:
            session.close()
        except Exception:
            log.exception("closing %s failed", session.path)

    def _needs_welcome(self) -> bool:
        record = self._session.record()
        return not self._session.is_sample and not (record.profile.is_set_up or record.assessments)

    def _route_after_open(self) -> None:
        if self._needs_welcome():
            self._show_welcome()
            return
        self._hide_welcome()
        key = self.settings.last_page()
        if key not in self.pages:
            key = "overview"
        self.show_page(key, ask=False)

    def _show_welcome(self) -> None:
        self._showing_welcome = True
        self.nav.hide()
        for action in (*self.page_actions.values(), self.new_action):
            action.setEnabled(False)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.setFocus()

    def _hide_welcome(self) -> None:
        self._showing_welcome = False
        self.nav.show()
        for action in (*self.page_actions.values(), self.new_action):
            action.setEnabled(True)

    def _on_welcome_started(self) -> None:
        self._hide_welcome()
        self.show_page("assess", ask=False)

    def _update_title(self) -> None:
        title = SAMPLE_TITLE if self._session.is_sample else WINDOW_TITLE
        self.setWindowTitle(QCoreApplication.translate("MainWindow", title))
        self.banner.setVisible(self._session.is_sample)
        for action in (self.open_action, self.import_action, self.restore_action):
            action.setEnabled(not self._session.is_sample)

    def _update_status(self) -> None:
        from carepath.ui.pages.overview_page import format_day

        if self._session.is_sample:
            self.path_label.setText(self.tr("Sample data (temporary, not your record)"))
        else:
            self.path_label.setText(self.tr("Data file: %1").replace("%1", str(self._session.path)))
        due = self._session.record().next_reassessment()
        if due is None:
            self.due_label.setText(self.tr("No assessment yet"))
        elif due < date.today():
            self.due_label.setText(
                self.tr("Reassessment overdue since %1").replace("%1", format_day(due))
            )
        else:
            self.due_label.setText(self.tr("Next reassessment %1").replace("%1", format_day(due)))

    def _show_last_saved(self) -> None:
        when = getattr(self._session.store, "last_saved", None)
        if isinstance(when, datetime):
            self._on_saved(when)
        else:
            self.saved_label.clear()

    def _on_saved(self, when: datetime) -> None:
        from PySide6.QtCore import QLocale, QTime

        time_text = QLocale().toString(QTime(when.hour, when.minute), "HH:mm")
        self.saved_label.setText(self.tr("Saved %1").replace("%1", time_text))

    def _show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Not saved"), message)

    # -- navigation ---------------------------------------------------------------------------
    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        if widget is not None and widget is self.welcome:
            return "welcome"
        for key, page in self.pages.built_items():
            if page is widget:
                return key
        return ""

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        from carepath.ui.pages.base import Page  # loaded by then: every page derives from it

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
        for row, row_key in enumerate(self._nav_keys):
            if row_key == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)
                self._last_row = row
                return

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if row < len(self._nav_keys):
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

    # -- File menu ----------------------------------------------------------------------------
    def new_assessment(self) -> None:
        assess = self.pages.get("assess")
        from carepath.ui.pages.assess_page import AssessPage

        if not isinstance(assess, AssessPage):
            return
        if not self.show_page("assess"):
            return
        if not self._settle(assess):
            return
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
        """Switch to another data file, keeping the current one open until the new one works."""
        from carepath.ui.dialogs import data_file_error

        if not self.settle_all():
            return False
        if path is None:
            path = data_file_error.choose_data_file(
                self, self.settings.last_folder(str(self._user_session.path.parent))
            )
            if path is None:
                return False
        if path.resolve() == self._user_session.path.resolve():
            self.leave_sample(ask=False)
            return True
        session = data_file_error.open_data_file(path, self, self._user_session.catalogue)
        if session is None:
            return False
        self.settings.set_last_folder(str(path.parent))
        old_user = self._user_session
        self._user_session = session
        self._switch_to(session)
        self._drop_sample()
        self._forget(old_user)
        return True

    def share_with_manager(self) -> None:
        from carepath.ui.dialogs.share_dialog import share_with_manager

        share_with_manager(self, self._session.store.export_backup(), self.settings.last_folder())

    def show_team_view(self) -> None:
        from carepath.ui.team_window import open_team_view

        open_team_view(self, self._session.catalogue)

    def import_backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from carepath.core.backup import load_backup_file

        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import backup"), self.settings.last_folder(), self.tr("Backups (*.json)")
        )
        if not chosen:
            return
        try:
            document = load_backup_file(Path(chosen))
            report = self._session.import_backup(document)
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Backup not imported"), str(error))
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
        QMessageBox.information(self, self.tr("Backup imported"), message)

    def export_backup(self) -> None:
        import json

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from carepath.core.atomic import write_atomic

        suggested = f"carepath-backup-{date.today().isoformat()}.json"
        start = str(Path(self.settings.last_folder(str(Path.home()))) / suggested)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export backup"), start, self.tr("Backups (*.json)")
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            document = self._session.store.export_backup()
            payload = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
            write_atomic(path, payload)
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Backup not exported"), str(error))
            return
        self.settings.set_last_folder(str(path.parent))
        self.statusBar().showMessage(self.tr("Backup written to %1").replace("%1", str(path)), 6000)

    def export_plan(self) -> None:
        dialog_class = export_dialog_class()
        if dialog_class is None:
            return
        dialog = dialog_class(self._session, self)
        dialog.exec()

    def restore_automatic_backup(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from carepath.core.autobackup import list_backups

        if self._session.is_sample or not self.settle_all():
            return
        backups = list_backups(self._session.path)
        if not backups:
            QMessageBox.information(
                self,
                self.tr("No automatic backups"),
                self.tr("There are no automatic backups of this data file yet."),
            )
            return
        names = [b.name for b in backups]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Restore automatic backup"),
            self.tr("Backups, newest first. Your current record is kept as a backup too."),
            names,
            0,
            False,
        )
        if not ok:
            return
        try:
            self._session.restore_backup(backups[names.index(chosen)])
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Backup not restored"), str(error))
            return
        self.statusBar().showMessage(self.tr("Backup restored."), 6000)

    # -- sample data --------------------------------------------------------------------------
    def enter_sample(self) -> bool:
        """Open sample data in a temporary folder; the user's file stays open, untouched."""
        from PySide6.QtWidgets import QMessageBox

        from carepath.core.demo import build_demo_record
        from carepath.core.storage import DataStore
        from carepath.ui.session import Session

        if self._session.is_sample or not self.settle_all():
            return False
        folder = tempfile.TemporaryDirectory(prefix="carepath-sample-")
        try:
            store = DataStore.open(Path(folder.name) / "sample.json", create=True)
            store.replace_record(build_demo_record(language=self._user_session.catalogue.language))
        except CarePathError as error:
            folder.cleanup()
            QMessageBox.warning(self, self.tr("Sample data not available"), str(error))
            return False
        self._sample_folder = folder
        self._sample_session = Session(store, self._user_session.catalogue, is_sample=True)
        self._switch_to(self._sample_session)
        self.show_page("overview", ask=False)
        return True

    def leave_sample(self, ask: bool = True) -> bool:
        if not self._session.is_sample:
            return True
        if ask and not self.settle_all():
            return False
        self._switch_to(self._user_session)
        self._drop_sample()
        return True

    def _drop_sample(self) -> None:
        if self._sample_session is not None:
            self._forget(self._sample_session)
            self._sample_session = None
        if self._sample_folder is not None:
            self._sample_folder.cleanup()
            self._sample_folder = None

    # -- Help ---------------------------------------------------------------------------------
    def show_level_scale(self) -> None:
        from carepath.ui.dialogs.level_scale import LevelScaleDialog

        LevelScaleDialog(self._session.catalogue, self).exec()

    def show_preferences(self) -> None:
        """Edit ▸ Preferences…: language, theme, interval, paper, data file location."""
        from carepath.ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._session, self.settings, self)
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
        from carepath.core.catalogue import load_catalogue

        catalogue = load_catalogue(language)
        for session in {id(s): s for s in (self._user_session, self._session)}.values():
            session.set_catalogue(catalogue)
        if self.settle_all():
            self._rebuild_pages()
        else:
            self.statusBar().showMessage(
                self.tr("Restart CarePath to finish switching language."), 10_000
            )

    def _rebuild_pages(self) -> None:
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

    def show_about(self) -> None:
        from carepath.ui.dialogs.about import show_about

        show_about(self, None if self._session.is_sample else self._session.path)

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
        self._drop_sample()
        if self.is_attached():
            self._forget(self._user_session)
        event.accept()
        QTimer.singleShot(0, lambda: None)
