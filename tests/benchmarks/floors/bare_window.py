"""Floor 1: a bare QApplication + QMainWindow, shown; the least any Qt window can cost.

Prints ``window-shown <seconds>`` on stderr when the window first paints, then quits. Seconds are
counted from ``CAREPATH_TIMING_T0`` (a ``time.time()`` the benchmark takes just before starting
this process), so the figure includes starting Python, exactly as it does for the app.
"""

import os
import sys
import time

T0 = float(os.environ.get("CAREPATH_TIMING_T0") or time.time())

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """Marks the first paint of the watched window, then closes it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"window-shown {time.time() - T0:.4f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, window.close)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("floor")
window.resize(1180, 760)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
