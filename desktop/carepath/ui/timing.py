"""Start-up timings for the benchmark (issue 6, docs/BENCHMARKS.md), off unless asked for.

With ``CAREPATH_TIMING=1`` the app prints two lines on stderr::

    window-shown 0.142     # the main window's first paint
    charts-drawn 0.771     # every chart on the first page drawn, and on screen

Seconds count from ``CAREPATH_TIMING_T0`` (a ``time.time()`` the caller took just before starting
the process), else from when Python started running this program (``/proc/self/stat`` on Linux,
to the clock tick), else from when this module was imported. With ``CAREPATH_EXIT_AFTER_DRAW=1``
the window is then closed, as a user would close it, and the app exits.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QWidget

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
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rpartition(")")[2].split()[19])
        with open("/proc/stat", encoding="ascii") as system:
            boot = next(int(line.split()[1]) for line in system if line.startswith("btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return _imported


def mark(name: str) -> None:
    print(f"{name} {time.time() - _process_start():.4f}", file=sys.stderr, flush=True)


def watch(window: QMainWindow, page: QWidget | None) -> None:
    """Report the first paint of ``window`` and when every chart on ``page`` has drawn.

    Call just before ``window.show()``. Does nothing unless ``CAREPATH_TIMING=1``.
    """
    if not enabled():
        return
    from PySide6.QtCore import QEvent, QObject, QTimer

    from carepath.ui.chart_canvas import ChartCanvas

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                mark("window-shown")
            return False

    window.installEventFilter(FirstPaint(window))
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
