"""Start-up: the QApplication, the window, then the data file (with a dialog for every way it can
fail) and the first page.

Order matters for speed (issue 6). The window's frame, menus and page list are shown first, with
nothing imported but Qt and a few small modules; the data file is opened and the first page built
right after that first paint (``AfterFirstPaint``), and each chart is drawn after its own first
paint, so matplotlib arrives last. The window appears as fast as a bare Qt window, and the record
fills it a few dozen milliseconds later.

The language is settled before anything is built (``carepath.ui.i18n``: ``--lang``, then
Preferences, then the system locale), and the same language loads the catalogue, so the
interface, the skills and an exported plan always speak one language. The theme saved in
Preferences is applied before the window is shown.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from carepath import APP_ID, APP_NAME, __version__
from carepath.core.paths import default_data_path, resolve_data_path
from carepath.ui import i18n
from carepath.ui.settings import APPLICATION, ORGANISATION, saved_theme

if TYPE_CHECKING:
    from carepath.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def configure_application(app: QApplication, language: str | None = None) -> str:
    """Names used by QSettings and the desktop, the icon, and the interface language.

    ``language`` ("en" or "es", from ``--lang``) wins over the one saved in Preferences, which
    wins over the system's. Returns the language installed.
    """
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return install_translations(app, language)


def _icon() -> QIcon | None:
    from carepath.core.resources import resource_path

    try:
        for name in ("carepath.svg", "carepath.png", f"{APP_ID}.svg", f"{APP_ID}.png"):
            candidate = resource_path("icons", name)
            if candidate.exists():
                return QIcon(str(candidate))
    except FileNotFoundError:
        pass
    return None


def install_translations(app: QApplication, language: str | None = None) -> str:
    """Install CarePath's and Qt's translations for the chosen language (see ``i18n``)."""
    return i18n.install(i18n.choose_language(language, QSettings()), app)


def application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The one QApplication (an existing one is reused: tests and the self-test make their own)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app, language)
    return app


def run_app(data_path: Path | None, argv: list[str], language: str | None = None) -> int:
    """Open CarePath on ``data_path`` (default: $CAREPATH_DATA or the user data folder).

    ``language`` ("en" or "es") is ``--lang``; None follows Preferences, then the system.
    Returns the exit status: 0 after a normal quit, 1 if the user chose to quit because the data
    file could not be opened (the file is left exactly as it was).
    """
    from carepath.ui import timing
    from carepath.ui.first_paint import AfterFirstPaint
    from carepath.ui.main_window import MainWindow

    app = application([sys.argv[0] if sys.argv else "carepath", *argv], language)
    theme = saved_theme()
    if theme != "system":  # the palettes are only worth importing when they are used
        from carepath.ui.theme import apply_theme

        apply_theme(theme)
    window = MainWindow()
    timing.watch(window)  # CAREPATH_TIMING=1 only (the benchmark)
    opened: list[bool] = []
    AfterFirstPaint(window).then(lambda: opened.append(open_or_explain(window, data_path)))
    window.show()
    from carepath.ui import crash  # after show(): nothing more before the first paint

    previous_hook = sys.excepthook
    crash.install()  # a bug shows a sentence and leaves a log file, not a silent traceback
    try:
        status = int(app.exec())
    finally:
        sys.excepthook = previous_hook
    return status if all(opened) else 1


def open_or_explain(window: MainWindow, data_path: Path | None) -> bool:
    """``open_first_file``, or, when CarePath itself is broken (its content files missing or
    unreadable), one sentence in a dialog and the window closed: never a blank window with a
    traceback on a console nobody sees."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from carepath.core.errors import CarePathError

    try:
        return open_first_file(window, data_path)
    except (CarePathError, OSError) as error:
        if isinstance(error, OSError):
            where = f" {error.filename}" if error.filename else ""
            message = f"CarePath could not read{where} ({error.strerror or error}); reinstall it."
        else:
            message = str(error)
        log.error("start-up failed: %s", message)
        title = QCoreApplication.translate("DataFile", "CarePath cannot start")
        QMessageBox.critical(window, title, message)
        window.close()
        return False


def open_first_file(window: MainWindow, data_path: Path | None) -> bool:
    """Open the data file into the window just shown; False (and the window closed) if the user
    chose to quit because it could not be opened. When another CarePath has the file open, that
    window comes forward and this one closes, returning True (the exit status is 0)."""
    from PySide6.QtCore import Qt

    from carepath.core.catalogue import load_catalogue
    from carepath.ui.workspace import HANDED_OVER, open_session

    if not window.isVisible():  # closed (Ctrl+Q) before its first paint was handled
        return True
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.settings.migrate_data_file()
    path = resolve_data_path(data_path)
    if data_path is None and path == default_data_path():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            log.warning("could not create %s", path.parent)  # the open dialog says the rest
    # Over the window just shown; "Quit", not "Cancel": there is no other file to go back to.
    catalogue = load_catalogue(i18n.current_language())
    session = open_session(path, window, catalogue=catalogue, starting=True)
    if session is None or session is HANDED_OVER:
        window.close()
        return session is HANDED_OVER  # another CarePath has the file and came forward: exit 0
    window.attach(session)  # type: ignore[arg-type]
    return True
