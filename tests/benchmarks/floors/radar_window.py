"""Floor 2: the bare window plus matplotlib and one 15-axis radar, imported after the window shows.

The window is shown and painted first; then a zero-delay timer started from that first paint
imports matplotlib, builds one radar (a target and a filled "now" series on 15 labelled spokes)
in a Qt Agg canvas and lets it draw. Prints ``window-shown <s>`` at the window's first paint and
``charts-drawn <s>`` once the radar has been drawn and the event loop has gone round once more
(so its pixels are on screen), then closes. Seconds count from ``CAREPATH_TIMING_T0``.
"""

import math
import os
import sys
import time

T0 = float(os.environ.get("CAREPATH_TIMING_T0") or time.time())

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

SKILLS = 15


def mark(name: str) -> None:
    print(f"{name} {time.time() - T0:.4f}", file=sys.stderr, flush=True)


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            mark("window-shown")
            QTimer.singleShot(0, build_radar)
        return False


def build_radar() -> None:
    os.environ.setdefault("QT_API", "PySide6")
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    angles = [2 * math.pi * i / SKILLS for i in range(SKILLS)]
    target = [3 + (i % 3) * 0.5 for i in range(SKILLS)]
    now = [1 + (i * 7 % 5) for i in range(SKILLS)]
    figure = Figure(figsize=(6, 6), dpi=100)
    ax = figure.add_axes((0.15, 0.15, 0.7, 0.7), projection="polar")
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xticks(angles)
    ax.set_xticklabels([f"Skill number {i + 1}" for i in range(SKILLS)], fontsize=8)
    closed = [*angles, angles[0]]
    ax.plot(closed, [*target, target[0]], "--s", markersize=4, label="Target")
    ax.plot(closed, [*now, now[0]], "-o", markersize=5, label="Now")
    ax.fill(closed, [*now, now[0]], alpha=0.18)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.2), ncols=2, fontsize=8)
    canvas = FigureCanvasQTAgg(figure)
    canvas.mpl_connect("draw_event", lambda _event: QTimer.singleShot(0, drawn))
    window.setCentralWidget(canvas)
    canvas.draw_idle()


def drawn() -> None:
    mark("charts-drawn")
    QTimer.singleShot(0, window.close)


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("floor")
window.resize(1180, 760)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
