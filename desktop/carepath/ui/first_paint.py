"""Run work right after a widget is first on screen, not before.

A zero-delay timer alone is not enough: timers started while a window is being shown run *before*
its first paint, so anything slow they do (opening the data file, importing matplotlib) keeps the
window blank. ``AfterFirstPaint`` waits for the widget's first ``Paint`` event and only then starts
the timer, so the pixels of that paint reach the screen first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Watches one widget; ``then(work)`` runs ``work`` once that widget has painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._painted = False
        self._waiting: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    @property
    def painted(self) -> bool:
        return self._painted

    def then(self, work: Callable[[], None]) -> None:
        """Run ``work`` from a zero-delay timer after the first paint (now, if it was painted).

        The timer belongs to this watcher, a child of the widget: if the widget is deleted first
        (a page dropped by a change of language), the work is dropped with it, never run against
        a deleted widget.
        """
        if self._painted:
            QTimer.singleShot(0, self, work)
        else:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            if self._waiting:
                QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
