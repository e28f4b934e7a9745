"""Start-up: the QApplication, the data file (with a dialog for every way it can fail), the window.

Order matters for speed (issue 6): only Qt and the Qt-free core are imported before the window is
shown; every page draws its charts from a zero-delay timer, so matplotlib is imported after the
first paint and the window appears as fast as a bare Qt window.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from carepath import APP_ID, APP_NAME, __version__
from carepath.core.paths import default_data_path
from carepath.ui.settings import APPLICATION, ORGANISATION

log = logging.getLogger(__name__)

#: Installed translators must stay referenced for as long as the application lives.
_translators: list[QTranslator] = []


def configure_application(app: QApplication) -> None:
    """Names used by QSettings and the desktop, the icon, and the user's language if shipped."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    install_translations(app)


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


def install_translations(app: QApplication, locale: QLocale | None = None) -> None:
    """Load CarePath's and Qt's own translations for the locale, when they exist."""
    from carepath.core.resources import resource_path

    locale = locale or QLocale.system()
    try:
        folder = str(resource_path("translations"))
    except FileNotFoundError:
        return
    ours = QTranslator(app)
    if ours.load(locale, "carepath", "_", folder):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (an existing one is reused: tests and the self-test make their own)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app)
    return app


def run_app(data_path: Path | None, argv: list[str]) -> int:
    """Open CarePath on ``data_path`` (default: $CAREPATH_DATA or the user data folder).

    Returns the exit status: 0 after a normal quit, 1 if the user chose to quit because the data
    file could not be opened (the file is left exactly as it was).
    """
    from carepath.ui.dialogs.data_file_error import open_data_file
    from carepath.ui.main_window import MainWindow

    app = application([sys.argv[0] if sys.argv else "carepath", *argv])
    path = data_path or default_data_path()
    if data_path is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            log.warning("could not create %s", path.parent)  # the open dialog says the rest
    session = open_data_file(path)
    if session is None:
        return 1
    window = MainWindow(session)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return int(app.exec())
