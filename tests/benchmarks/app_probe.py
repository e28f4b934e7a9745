"""Start CarePath like ``python -m carepath ARGS`` and report when it is shown and drawn.

Only used when the app itself has no timing hook (``CAREPATH_TIMING=1``), so that a benchmark of
an older checkout still gives the start-up figures. It adds what the hook does, from outside:

* ``window-shown <s>`` on stderr at the main window's first paint;
* ``charts-drawn <s>`` once every chart on the page shown first has drawn (the ChartCanvas
  ``drawn`` signal) and the event loop has gone round once more, so the pixels are on screen;
* with ``CAREPATH_EXIT_AFTER_DRAW=1``, the window is then closed, as a user would close it.

Seconds count from ``CAREPATH_TIMING_T0`` (the benchmark's ``time.time()`` just before it
started this process), else from when this script started. Importing the main window here, before
``cli.main`` would, moves that import earlier but does not add to it.
"""

import os
import sys
import time

T0 = float(os.environ.get("CAREPATH_TIMING_T0") or time.time())


def mark(name: str) -> None:
    print(f"{name} {time.time() - T0:.4f}", file=sys.stderr, flush=True)


def install() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from carepath.ui.chart_canvas import ChartCanvas
    from carepath.ui.main_window import MainWindow

    exit_after = os.environ.get("CAREPATH_EXIT_AFTER_DRAW") == "1"

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                mark("window-shown")
            return False

    original_show = MainWindow.show
    keep: list[object] = []

    def show(self: MainWindow) -> None:
        watcher = FirstPaint(self)
        keep.append(watcher)
        self.installEventFilter(watcher)
        original_show(self)
        page = self.current_page() or self.centralWidget()
        waiting = set(page.findChildren(ChartCanvas)) if page is not None else set()

        def finish() -> None:
            mark("charts-drawn")
            if exit_after:
                QTimer.singleShot(0, self.close)

        def on_drawn(canvas: ChartCanvas) -> None:
            if canvas in waiting:
                waiting.discard(canvas)
                if not waiting:
                    QTimer.singleShot(0, finish)

        for canvas in list(waiting):
            canvas.drawn.connect(lambda c=canvas: on_drawn(c))
        if not waiting:
            QTimer.singleShot(0, finish)

    MainWindow.show = show  # type: ignore[method-assign]


if __name__ == "__main__":
    install()
    from carepath.cli import main

    sys.exit(main(sys.argv[1:]))
