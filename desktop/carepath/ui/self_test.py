"""``carepath --self-test``: open the real window offscreen, use every page, export every format.

Packagers run it on a built app to prove that everything a user touches is really inside: the Qt
platform plugin, the content files, matplotlib and its fonts, the exporters. It prints one line
per step with its time (and each export's size) and returns 0, or 1 after naming what failed.

It never changes the user's data: the record (the demo, or a *copy* of ``--data``) lives in a
temporary folder, the window's settings go to a temporary INI file, and so do the exports. A
``--data`` file that does not exist yet (or is empty) is what a new user has: the self-test then
starts from an empty record in that folder and walks the first run (welcome page, profile, first
assessment) before visiting every page, and ``--data`` is still not created.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

# Forced, not defaulted: a self-test on a build server has no screen, and one on a desktop must
# not flash windows at the user.
_PLATFORM = "offscreen"


class SelfTest:
    """Runs the steps, keeps their timings and failures, and prints as it goes."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.started = time.perf_counter()
        self.failures: list[str] = []
        #: ``--lang``: the language the window is shown in (None: Preferences, then the system).
        self.language: str | None = None

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def step(self, name: str, action: Callable[[], str | None]) -> bool:
        """Run one step; print "<name> <seconds> s[, detail]" or record why it failed."""
        began = time.perf_counter()
        try:
            detail = action()
        except Exception as error:  # the self-test reports every failure instead of crashing
            self.failures.append(f"{name}: {error.__class__.__name__}: {error}")
            self.say(f"{name} FAILED ({error})")
            traceback.print_exc(file=self.err)
            return False
        took = time.perf_counter() - began
        self.say(f"{name} {took:.2f} s" + (f", {detail}" if detail else ""))
        return True


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def run_self_test(data_path: Path | None, language: str | None = None) -> int:
    """Open the main window offscreen, visit every page, draw every chart, export everything."""
    os.environ["QT_QPA_PLATFORM"] = _PLATFORM
    test = SelfTest()
    test.language = language
    with tempfile.TemporaryDirectory(prefix="carepath-self-test-") as folder_name:
        folder = Path(folder_name)
        try:
            _run(test, folder, data_path)
        except Exception as error:  # anything not caught by a step still ends in a clear line
            test.failures.append(f"self-test: {error.__class__.__name__}: {error}")
            traceback.print_exc(file=test.err)
    if test.failures:
        for failure in test.failures:
            print(f"self-test failed: {failure}", file=test.err, flush=True)
        return 1
    test.say(f"self-test passed in {test.elapsed():.2f} s")
    return 0


def _run(test: SelfTest, folder: Path, data_path: Path | None) -> None:
    from carepath.ui.app import application

    app = application([], test.language)
    test.step("translations loaded", _check_translations)
    session = _open_session(test, folder, data_path)
    window = _show_window(test, folder, session)

    def process() -> None:
        for _ in range(3):
            app.processEvents()

    if window.current_key() == "welcome":
        _first_run(test, window, process)
    _visit_pages(test, window, process)
    _check_assess_blit(test, window, process)
    _save_overview_charts(test, window, folder, process)
    _exports(test, folder, session)
    _check_nothing_unsaved(test, window)
    window.close()
    process()


def _open_session(test: SelfTest, folder: Path, data_path: Path | None) -> object:
    """The session on the temporary record: the demo, a copy of ``--data``, or a first run."""
    from carepath.core.catalogue import load_catalogue
    from carepath.core.storage import DataStore
    from carepath.ui import i18n
    from carepath.ui.session import Session

    test.say(f"interface language: {i18n.current_language()}")
    record_path = folder / "carepath.json"
    if data_path is None:
        from carepath.core.demo import build_demo_record

        with DataStore.open(record_path) as store:
            store.replace_record(build_demo_record(language=i18n.current_language()))
    elif _is_first_run(data_path):
        test.say(f"first run: {data_path} does not exist yet, so the welcome page is tested")
    else:
        shutil.copyfile(data_path, record_path)  # the user's own file is only ever read
    return Session(DataStore.open(record_path), load_catalogue(i18n.current_language()))


def _show_window(test: SelfTest, folder: Path, session: object) -> Any:
    """Show the main window at a desktop size and time its first paint and first chart."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from carepath.ui.chart_canvas import ChartCanvas
    from carepath.ui.main_window import MainWindow
    from carepath.ui.settings import AppSettings

    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(session, settings)  # type: ignore[arg-type]
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.resize(1280, 800)
    window.show()
    test.say(f"window shown {test.elapsed():.2f} s")
    QApplication.processEvents()  # runs the pages' zero-delay timers: matplotlib arrives only now
    first = window.current_page()
    first_canvas = first.findChild(ChartCanvas) if first is not None else None
    if first_canvas is not None and first_canvas.canvas is not None:
        first_canvas.draw_now()
        test.say(f"first chart drawn {test.elapsed():.2f} s ({window.current_key()} page)")
    return window


def _visit_pages(test: SelfTest, window: Any, process: Callable[[], None]) -> None:
    """Show every page and draw each of its charts, one step per page."""
    from carepath.ui.chart_canvas import ChartCanvas

    for key, page in window.pages.items():

        def visit(key: str = key, page: object = page) -> str:
            if not window.show_page(key, ask=False):
                raise RuntimeError(f"the {key} page could not be shown")
            process()
            canvases = page.findChildren(ChartCanvas)  # type: ignore[attr-defined]
            drawn = 0
            for canvas in canvases:
                if canvas.canvas is None:
                    raise RuntimeError(f"a chart on the {key} page was never built")
                canvas.draw_now()
                drawn += 1
            return f"{drawn} chart(s) drawn" if drawn else "no charts"

        test.step(f"{key} page shown", visit)


def _check_assess_blit(test: SelfTest, window: Any, process: Callable[[], None]) -> None:
    """Change a rating five times on the Assess page and report the median radar blit."""
    assess = window.pages.get("assess")
    if assess is None:
        return

    def blit() -> str:
        from carepath.core.catalogue import SKILL_IDS

        skill = SKILL_IDS[0]
        before = assess.draft.level(skill)
        timings = []
        for level in (1, 5, 3, 2, 4):
            assess.set_level(level, skill)
            if assess.last_blit_seconds is not None:
                timings.append(assess.last_blit_seconds)
        assess.set_level(before, skill)
        assess.discard()
        if not timings:
            raise RuntimeError("the radar was not updated by blitting")
        timings.sort()
        return f"median radar blit {timings[len(timings) // 2] * 1000:.1f} ms"

    window.show_page("assess", ask=False)
    process()
    test.step("assess rating change", blit)


def _save_overview_charts(
    test: SelfTest, window: Any, folder: Path, process: Callable[[], None]
) -> None:
    """Save the Overview radar as PNG and SVG, as its context menu does."""
    from carepath.ui.chart_canvas import ChartCanvas

    overview = window.pages.get("overview")
    if overview is None:
        return
    for fmt in ("png", "svg"):
        target = folder / f"radar.{fmt}"

        def save_chart(fmt: str = fmt, target: Path = target) -> str:
            canvas = overview.findChild(ChartCanvas)
            if canvas is None or canvas.save_chart(fmt, target) is None:
                raise RuntimeError(f"the radar could not be saved as {fmt}")
            process()  # as in the app: the chart redraws for the screen after a save
            return _size(target)

        test.step(f"radar saved as {fmt.upper()}", save_chart)


def _check_nothing_unsaved(test: SelfTest, window: Any) -> None:
    """Visiting pages must not leave any of them claiming changes the test never made."""
    for key, page in window.pages.items():
        if page.was_refreshed() and page.has_unsaved_changes():
            test.failures.append(f"the {key} page claims unsaved changes nobody made")
            page.discard()


def _is_first_run(data_path: Path) -> bool:
    """Whether ``--data`` names a record not written yet (missing or empty): a first run."""
    try:
        return data_path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _first_run(test: SelfTest, window: object, process: Callable[[], None]) -> None:
    """What a new user does first: the welcome page, the profile, the first assessment."""
    from carepath.core.catalogue import SKILL_IDS
    from carepath.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    welcome = window.welcome
    assert welcome is not None

    def shown() -> str:
        if not welcome.isVisible():
            raise RuntimeError("the welcome page is not on screen")
        if welcome.grab().isNull():
            raise RuntimeError("the welcome page could not be drawn")
        return f"{welcome.current_combo.count()} career stages offered"

    def profile() -> str:
        welcome.name_edit.setText("Self-test")
        welcome.start()
        process()
        if not window.session.record().profile.is_set_up:
            raise RuntimeError("the profile was not saved")
        if window.current_key() != "assess":
            raise RuntimeError(f"the {window.current_key()} page opened, not the assessment")
        return "assess page opened"

    def first_assessment() -> str:
        assess = window.pages.get("assess")
        for index, skill in enumerate(SKILL_IDS[:5]):
            assess.set_level(1 + index % 5, skill)  # type: ignore[attr-defined]
        if not assess.save():  # type: ignore[attr-defined]
            raise RuntimeError("the first assessment was not saved")
        process()
        count = len(window.session.record().assessments)
        if count != 1:
            raise RuntimeError(f"{count} assessments stored after the first save")
        return f"5 skills rated, {window.current_key()} page shown"

    if test.step("welcome page shown", shown) and test.step("profile saved", profile):
        test.step("first assessment saved", first_assessment)


def _check_translations() -> str:
    """Every shipped language's compiled interface and plan translations are really there."""
    from PySide6.QtCore import QTranslator

    from carepath.export.plan_text import messages
    from carepath.ui.i18n import LANGUAGES, qm_path

    found = []
    for language in LANGUAGES:
        if language == "en":
            continue
        translator = QTranslator()
        if not translator.load(qm_path(language)) or not translator.translate("Page", "Overview"):
            raise RuntimeError(f"{qm_path(language)} is missing or empty")
        if not messages(language):
            raise RuntimeError(f"the {language} plan translation is missing")
        found.append(language)
    return ", ".join(found)


def _exports(test: SelfTest, folder: Path, session: object) -> None:
    from carepath.core.atomic import write_atomic
    from carepath.export.history_csv import history_csv
    from carepath.ui.session import Session

    assert isinstance(session, Session)
    record = session.record()
    try:
        from carepath.export.plan import export_plan
    except ImportError:
        test.say("plan export (pdf, html, md) not in this build, skipped")
    else:
        for fmt in ("pdf", "html", "md"):
            target = folder / "exports" / f"plan.{fmt}"

            def plan(fmt: str = fmt, target: Path = target) -> str:
                target.parent.mkdir(exist_ok=True)
                written = export_plan(record, session.catalogue, fmt, target, paper="a4")
                return _size(Path(written))

            test.step(f"plan exported as {fmt.upper()}", plan)

    backup_path = folder / "backup.json"

    def backup() -> str:
        from carepath.core.backup import validate_backup, write_backup

        write_backup(session.record(), backup_path)
        validate_backup(json.loads(backup_path.read_text(encoding="utf-8")))
        return _size(backup_path)

    test.step("backup exported as JSON", backup)

    csv_path = folder / "history.csv"

    def csv() -> str:
        write_atomic(csv_path, history_csv(record.assessments).encode("utf-8"))
        return _size(csv_path)

    test.step("history exported as CSV", csv)
