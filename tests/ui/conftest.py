"""Fixtures for the window tests: private settings, open sessions, and dialogs that never block.

The root conftest already points every user folder into a temporary one; QSettings caches its
folder on first use, so it is redirected here again for each test with ``QSettings.setPath``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from carepath.core.storage import DataStore
from carepath.ui.session import Session
from carepath.ui.settings import AppSettings


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path: Path) -> Iterator[None]:
    """Any QSettings a test (or the code under test) makes is written under tmp_path."""
    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)
    yield


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_session(path: Path, is_sample: bool = False) -> Session:
    return Session(DataStore.open(path), is_sample=is_sample)


@pytest.fixture
def demo_session(demo_path: Path) -> Iterator[Session]:
    session = open_session(demo_path)
    yield session
    session.undo_stack.clear()
    session.close()


@pytest.fixture
def empty_session(data_path: Path) -> Iterator[Session]:
    session = open_session(data_path)
    yield session
    session.undo_stack.clear()
    session.close()


class DialogLog:
    """What the faked dialogs were asked, and what they answer next."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.question_answer = QMessageBox.StandardButton.Cancel

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Modal dialogs answered at once (a blocked test would hang the whole run)."""
    log = DialogLog()

    def static(name: str, answer: Any) -> Any:
        def fake(*args: Any, **kwargs: Any) -> Any:
            log.calls.append((name, args))
            return answer() if callable(answer) else answer

        return staticmethod(fake)

    monkeypatch.setattr(QMessageBox, "question", static("question", lambda: log.question_answer))
    monkeypatch.setattr(QMessageBox, "warning", static("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", static("information", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(QMessageBox, "critical", static("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", static("about", None))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", static("getOpenFileName", ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", static("getSaveFileName", ("", "")))
    monkeypatch.setattr(QInputDialog, "getItem", static("getItem", ("", False)))
    return log


@pytest.fixture
def make_window(qtbot, app_settings: AppSettings, dialogs: DialogLog):  # type: ignore[no-untyped-def]
    """Build a shown MainWindow on a session; closed without prompts at teardown."""
    from carepath.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(
        session: Session, settings: AppSettings | None = None, resize: bool = True
    ) -> MainWindow:
        window = MainWindow(session, settings or app_settings)
        qtbot.addWidget(window)
        if resize:
            window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        for page in window.pages.built():  # a page never built holds nothing to discard
            page.discard()
        window.workspace.drop_sample()


def _inside(widget: QWidget, *kinds: type) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed_controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets that a screen reader could not name."""
    kinds = (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QAbstractSpinBox,
        QAbstractItemView,
    )
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or _inside(widget, QAbstractSpinBox, QComboBox):
            continue  # Qt's own parts: a table's corner button, a combo box's popup list...
        if widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()):
            continue
        found.append(widget)
    return found


@pytest.fixture
def unnamed_controls() -> Callable[[QWidget], list[QWidget]]:
    """The interactive widgets under a root that a screen reader could not name."""
    return _unnamed_controls
