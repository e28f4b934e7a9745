"""The Page base class every screen derives from: lazy refresh and the unsaved-changes contract.

Why lazy: a saved assessment changes the record that six pages draw, but only the visible page needs
to redraw now. Hidden pages are marked dirty and refresh when they are shown, so a save costs one
redraw, not six.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from carepath.ui.session import Session


class Page(QWidget):
    """One screen of the main window.

    Subclasses set ``title`` (marked with ``QT_TRANSLATE_NOOP("Page", ...)``) and implement
    ``refresh``, which redraws everything from ``self.session.record()``.
    """

    #: Ask the main window to show another page, by key ("overview", "assess", "progress",
    #: "steps", "plan", "history"); e.g. the Overview's "Start your first assessment" button.
    navigate_requested = Signal(str)

    title: str = QT_TRANSLATE_NOOP("Page", "Page")
    #: Name of an icon theme entry (QIcon.fromTheme) for the navigation; optional.
    icon_name: str = ""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._dirty = True
        self._ever_refreshed = False
        session.record_changed.connect(self._on_record_changed)

    # -- session ------------------------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self._session

    def set_session(self, session: Session) -> None:
        """Point the page at another open file (e.g. sample data); redraws when next shown."""
        with contextlib.suppress(RuntimeError, TypeError):
            self._session.record_changed.disconnect(self._on_record_changed)
        self._session = session
        self._ever_refreshed = False
        session.record_changed.connect(self._on_record_changed)
        self.mark_dirty()

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from ``session.record()``. Subclasses override."""

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._refresh_now()

    def was_refreshed(self) -> bool:
        """False until the page has drawn the current session once: it cannot hold user edits."""
        return self._ever_refreshed

    def _refresh_now(self) -> None:
        self._dirty = False
        self._ever_refreshed = True
        self.refresh()

    def _on_record_changed(self) -> None:
        self.mark_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh_now()

    # -- unsaved work -------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """True when leaving the page would lose something the user typed."""
        return False

    def save(self) -> bool:
        """Keep the unsaved work; False when it could not be saved (the page said why)."""
        return True

    def discard(self) -> None:
        """Forget the unsaved work."""
