"""Child process of the team benchmark: the team view reading a folder, timed from inside.

Prints one JSON line: seconds from choosing the folder to the heatmap painted, the longest the
event loop went without running a 5 ms timer meanwhile, and the resident memory the reading added
over the window's own (peak during the read minus the RSS just before it).

    python team_probe.py FOLDER
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from carepath.core.catalogue import load_catalogue
    from carepath.ui.team_window import TeamWindow

    window = TeamWindow(load_catalogue("en"))
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    own = rss_mb()
    peak = [own]
    gaps: list[int] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())
        peak[0] = max(peak[0], rss_mb())

    ticker.timeout.connect(tick)
    loop = QEventLoop()
    painted: list[float] = []
    started = time.perf_counter()

    def loaded() -> None:
        window.heatmap.viewport().repaint()  # painted now, not at the next idle moment
        painted.append(time.perf_counter() - started)
        QTimer.singleShot(150, loop.quit)  # keep measuring the loop just after

    window.team_loaded.connect(loaded)
    clock.start()
    ticker.start()
    window.open_folder(Path(sys.argv[1]))
    loop.exec()
    ticker.stop()
    peak[0] = max(peak[0], rss_mb())
    print(
        json.dumps(
            {
                "shown": painted[0],
                "max_gap": max(gaps) / 1000,
                "memory": peak[0] - own,
                "people": window.heatmap_model.rowCount(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
