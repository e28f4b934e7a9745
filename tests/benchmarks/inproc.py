"""The figures measured inside one process: rating → radar, the 10,000-assessment progress
chart, and saving one assessment. Run by ``run_all.py``; prints one JSON object on stdout.

``python inproc.py gui DATA_DIR`` (needs ``demo.json`` and ``k10000.json`` in DATA_DIR) and
``python inproc.py save DATA_DIR`` (needs ``k1000.json`` and ``k10000.json``). Every file is
copied to a fresh temporary folder first; the originals are never written.

Times are ``time.perf_counter()`` differences (a monotonic clock with sub-microsecond resolution).
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def fresh_copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


# --- GUI ------------------------------------------------------------------------------------------


def gui(data_dir: Path, samples: int) -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from carepath.core.storage import DataStore
    from carepath.ui.app import application
    from carepath.ui.chart_canvas import ChartCanvas
    from carepath.ui.main_window import MainWindow
    from carepath.ui.session import Session
    from carepath.ui.settings import AppSettings

    app = application([])
    # Nothing here should ever ask; if something does, answer without blocking.
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Discard  # type: ignore
    results: dict[str, Any] = {}

    def wait_until(done: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not finish drawing in time")
            app.processEvents()
            time.sleep(0.0005)

    def open_window(path: Path, folder: Path) -> MainWindow:
        settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Session(DataStore.open(path)), settings)
        window.resize(1180, 760)
        window.show()
        page = window.current_page()
        canvases = page.findChildren(ChartCanvas) if page is not None else []
        wait_until(lambda: all(c.canvas is not None for c in canvases))
        for _ in range(5):
            app.processEvents()
        return window

    with tempfile.TemporaryDirectory(prefix="carepath-bench-") as name:
        folder = Path(name)

        # Rating changed → radar updated on screen (the Assess page's level buttons).
        window = open_window(fresh_copy(data_dir / "demo.json", folder), folder)
        window.show_page("assess", ask=False)
        assess: Any = window.pages["assess"]
        wait_until(lambda: assess.radar.canvas is not None and assess.full_draw_count >= 1)
        for _ in range(5):
            app.processEvents()
        assess.skill_list.setCurrentRow(1)
        app.processEvents()
        skill = assess.current_skill()
        update, frame, blits_missing = [], [], 0
        level = assess.draft.level(skill) or 1
        # The radar is on screen when its blit returns (a synchronous repaint of its region).
        canvas = assess.radar.canvas
        blitted: list[float] = []
        original_blit = canvas.blit

        def timed_blit(*args: Any, **kwargs: Any) -> None:
            original_blit(*args, **kwargs)
            blitted.append(time.perf_counter())

        canvas.blit = timed_blit
        for _ in range(samples):
            level = level % 5 + 1
            draws = assess.full_draw_count
            blitted.clear()
            began = time.perf_counter()
            assess.options[level].radio.click()
            if blitted:
                update.append(blitted[0] - began)
            else:  # no blit: the radar is on screen after the full redraw instead
                blits_missing += 1
                wait_until(lambda d=draws: assess.full_draw_count > d)
                update.append(time.perf_counter() - began)
            app.processEvents()  # the rest of the page (list item, option frames) repainted
            frame.append(time.perf_counter() - began)
        if assess.draft.level(skill) is None:
            raise RuntimeError("the level buttons did not change the draft")
        assess.discard()
        results["radar_update"] = update
        results["radar_frame"] = frame
        results["radar_without_blit"] = blits_missing
        window.close()
        app.processEvents()
        window.deleteLater()
        app.processEvents()

        # The progress chart with 10,000 assessments: time to draw, and the longest freeze.
        big = folder / "big"
        big.mkdir()
        window = open_window(fresh_copy(data_dir / "k10000.json", big), big)
        progress: Any = window.pages["progress"]
        drawn: list[float] = []
        progress.chart.drawn.connect(lambda: drawn.append(time.perf_counter()))
        beats: list[float] = []
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
        heartbeat.start()
        for _ in range(3):
            app.processEvents()
            time.sleep(0.003)
        times, stalls, draws_per_sample = [], [], []
        for sample in range(max(3, samples // 6)):
            drawn.clear()
            wait_until(lambda: bool(beats) and time.perf_counter() - beats[-1] < 0.004)
            began = time.perf_counter()
            if sample == 0:
                window.show_page("progress", ask=False)  # first visit: refresh and draw
            else:
                progress.mark_dirty()  # what a save does to the visible page
            wait_until(lambda: bool(drawn))
            app.processEvents()  # the drawn pixels copied to the screen
            ended = time.perf_counter()
            # Keep the loop turning a little longer: a late second draw would be a freeze too.
            settle = time.perf_counter() + 0.15
            while time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.001)
            times.append(ended - began)
            window_beats = [began, *(b for b in beats if began < b <= settle), settle]
            stalls.append(max(b - a for a, b in itertools.pairwise(window_beats)))
            draws_per_sample.append(len(drawn))
        heartbeat.stop()
        results["progress_draw"] = times
        results["progress_stall"] = stalls
        results["progress_draws_per_sample"] = draws_per_sample
        window.close()
        app.processEvents()
        QApplication.processEvents()
    return results


# --- saving ---------------------------------------------------------------------------------------


def save(data_dir: Path, samples: int) -> dict[str, Any]:
    from make_data import new_assessment

    from carepath.core.storage import DataStore

    real_fsync = os.fsync
    fsyncs = [0]

    def counting_fsync(fd: int) -> None:
        fsyncs[0] += 1
        real_fsync(fd)

    os.fsync = counting_fsync
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="carepath-bench-") as name:
        for count in (1000, 10000):
            folder = Path(name) / str(count)
            folder.mkdir()
            path = fresh_copy(data_dir / f"k{count}.json", folder)
            times = []
            with DataStore.open(path) as store:
                before = len(store.record().assessments)
                fsyncs[0] = 0
                for n in range(samples):
                    assessment = new_assessment(n)
                    began = time.perf_counter()
                    store.add_assessment(assessment)
                    times.append(time.perf_counter() - began)
                per_save = fsyncs[0] / samples
            with DataStore.open(path) as store:  # really on disk, all of them
                if len(store.record().assessments) != before + samples:
                    raise RuntimeError("saved assessments are missing after reopening the file")
            results[f"save_{count}"] = times
            results[f"save_{count}_fsyncs"] = per_save
    os.fsync = real_fsync
    return results


if __name__ == "__main__":
    part, folder = sys.argv[1], Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    print(json.dumps((gui if part == "gui" else save)(folder, count)))
