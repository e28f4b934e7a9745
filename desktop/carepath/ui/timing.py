"""Start-up timings for the benchmark (docs/BENCHMARKS.md), off unless asked for.

With ``CAREPATH_TIMING=1`` the app prints three lines on stderr::

    window-shown 0.142     # the main window's first paint: its frame, menus and page list
    page-shown 0.201       # the data file open and the first page painted (charts still coming)
    charts-drawn 0.771     # every chart on the first page drawn, and on screen

Seconds count from ``CAREPATH_TIMING_T0`` (a ``time.time()`` the caller took just before starting
the process), else from when this process started (``/proc/self/stat`` against ``/proc/uptime``
on Linux, to the clock tick), else from when this module was imported. With
``CAREPATH_EXIT_AFTER_DRAW=1`` the window is then closed, as a user would close it, and the app
exits.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from carepath.ui.main_window import MainWindow

TIMING_ENV = "CAREPATH_TIMING"
T0_ENV = "CAREPATH_TIMING_T0"
EXIT_ENV = "CAREPATH_EXIT_AFTER_DRAW"

_imported = time.time()


def enabled() -> bool:
    return os.environ.get(TIMING_ENV) == "1"


def _process_start() -> float:
    """When this process started, as a ``time.time()``; the import time if that is unknown."""
    given = os.environ.get(T0_ENV)
    if given:
        try:
            return float(given)
        except ValueError:
            pass
    try:  # the process's start in clock ticks since boot, against the time since boot now
        with open("/proc/self/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rpartition(")")[2].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            since_boot = float(uptime.read().split()[0])
        return time.time() - (since_boot - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return _imported


def mark(name: str) -> None:
    print(f"{name} {time.time() - _process_start():.4f}", file=sys.stderr, flush=True)


def watch(window: MainWindow) -> None:
    """Report the first paint of ``window``, of its first page, and when that page's charts have
    drawn.

    Call just before ``window.show()``. Does nothing unless ``CAREPATH_TIMING=1``.
    """
    if not enabled():
        return
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def __init__(self, name: str, parent: QObject) -> None:
            super().__init__(parent)
            self.name = name

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                mark(self.name)
            return False

    window.installEventFilter(FirstPaint("window-shown", window))

    def attached() -> None:
        page = window.current_page() or window.welcome
        if page is not None:
            page.installEventFilter(FirstPaint("page-shown", page))
        _watch_charts(window, page)

    if window.is_attached():
        attached()
    else:
        window.attached.connect(attached)


def _watch_charts(window: MainWindow, page: QObject | None) -> None:
    from PySide6.QtCore import QTimer

    from carepath.ui.chart_canvas import ChartCanvas

    waiting = set(page.findChildren(ChartCanvas)) if page is not None else set()

    def finish() -> None:
        mark("charts-drawn")
        if os.environ.get(EXIT_ENV) == "1":
            QTimer.singleShot(0, window.close)

    def drawn(canvas: ChartCanvas) -> None:
        if canvas in waiting:
            waiting.discard(canvas)
            if not waiting:
                QTimer.singleShot(0, finish)  # after the repaint that puts the pixels on screen

    for canvas in waiting:
        canvas.drawn.connect(lambda c=canvas: drawn(c))
    if not waiting:
        QTimer.singleShot(0, finish)
