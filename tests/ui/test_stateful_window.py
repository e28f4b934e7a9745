"""The window driven the way a restless user drives it, by hypothesis: rate, save, undo and
redo, switch pages, add and delete goals, change a step, delete an assessment, change the
preferences (language and theme together too), import a backup, export the plan, resize.

After every step the machine lets the event loop run as the application's main loop would
(deferred deletions first, then timers: the order that turned a language-and-theme change into
"Something went wrong") and checks three things:

* no exception reached the crash hook (``carepath.ui.crash``: no report, no dialog);
* the record on disk equals the record on screen, and both equal the model this test keeps of
  what the user did (assessments, goals, the reassessment interval, the steps' statuses), undo
  and redo included;
* every page built so far still draws (a refresh raises nothing; its charts render).

The window is reached only as a user reaches it: pages by key, actions by shortcut or menu text,
widgets on the pages; modal dialogs are answered through monkeypatch, as pytest-qt advises.

This suite runs ``FEW`` examples (enough to find the language-and-theme crash again if it came
back, in about 20 s on two cores); ``tests/stateful_long.py`` runs as many as you ask for.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from carepath.core.catalogue import SKILL_IDS, load_catalogue
from carepath.core.datafile import inspect_file
from carepath.core.demo import build_demo_record
from carepath.core.models import Record, new_id
from carepath.core.storage import DataStore
from carepath.ui import crash, i18n, theme
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.session import Session
from carepath.ui.settings import AppSettings

#: Examples in the ordinary suite, and steps in each; CAREPATH_STATEFUL_EXAMPLES overrides.
FEW = 16
STEPS = 10
PAGES = ("overview", "assess", "progress", "steps", "plan", "history")
CHART_PAGES = ("overview", "assess", "progress", "steps")
SIZES = ((800, 600), (1024, 700), (1440, 900))


@dataclass(frozen=True)
class Snapshot:
    """What the record should hold: the parts a user changes here, in comparable form."""

    assessments: tuple[tuple[str, tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]], ...]
    goals: tuple[tuple[str, str], ...]
    interval: int | None
    steps: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, record: Record) -> Snapshot:
        return cls(
            assessments=tuple(
                (a.id, tuple(sorted(a.ratings.items())), tuple(sorted(a.notes.items())))
                for a in sorted(record.assessments, key=lambda a: (a.taken_at, a.id))
            ),
            goals=tuple(sorted((g.id, g.title) for g in record.goals)),
            interval=record.profile.reassess_interval_days,
            steps=tuple(sorted((sid, s.status.value) for sid, s in record.steps.items())),
        )


@dataclass
class Draft:
    """The Assess page's draft as the user made it: where it started and what it is now."""

    base: dict[str, Any] = field(default_factory=dict)
    now: dict[str, Any] = field(default_factory=dict)

    def changed(self) -> bool:
        return self.base != self.now


def _draft_of(snapshot: Snapshot) -> dict[str, Any]:
    if not snapshot.assessments:
        return {"ratings": {}, "notes": {}}
    _id, ratings, notes = snapshot.assessments[-1]
    return {"ratings": dict(ratings), "notes": {k: v for k, v in notes if v}}


class Env:
    """What the machine needs from pytest: set by the test before it runs the machine."""

    qtbot: Any = None
    tmp: Path = Path()
    dialogs: Any = None
    monkeypatch: Any = None
    backup_to_import: Path = Path()
    #: The data file the backup was written from: its record is what the backup holds.
    record_to_import: Path = Path()


class WindowMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.window: Any = None

    # -- set-up ---------------------------------------------------------------------------------
    @initialize()
    def open_window(self) -> None:
        from carepath.ui.main_window import MainWindow

        i18n.install("en")
        theme.apply_theme("light")
        folder = Env.tmp / f"run-{id(self)}-{len(list(Env.tmp.iterdir()))}"
        folder.mkdir()
        self.crash_folder = folder / "crash"
        self.path = folder / "carepath.json"
        with DataStore.open(self.path, create=True) as store:
            store.replace_record(build_demo_record())  # its last assessment is days ago
        self.hook = sys.excepthook
        sys.excepthook = crash.make_hook(self.crash_folder)
        settings_file = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.settings = AppSettings(settings_file)
        theme.save_theme("light", settings_file)
        i18n.save_language("en", settings_file)
        self.session = Session(DataStore.open(self.path), load_catalogue("en"))
        self.window = MainWindow(self.session, self.settings)
        self.window.resize(1024, 700)
        self.window.show()
        self.language, self.theme = "en", "light"
        self.history = [Snapshot.of(self.session.record())]
        self.index = 0
        self.draft = Draft(_draft_of(self.expected), _draft_of(self.expected))
        self.goal_count = 0
        self.settle()

    def teardown(self) -> None:
        if self.window is None:
            return
        for page in self.window.pages.built():
            page.discard()
        self.window.close()
        self.settle()
        self.window.deleteLater()
        self.settle()
        sys.excepthook = self.hook
        i18n.install("en")
        theme.apply_theme("system")

    # -- the model ------------------------------------------------------------------------------
    @property
    def expected(self) -> Snapshot:
        return self.history[self.index]

    def did(self, snapshot: Snapshot) -> None:
        """An undoable change: the model's undo history forks here, as QUndoStack's does."""
        self.history = [*self.history[: self.index + 1], snapshot]
        self.index += 1
        self.follow_record()

    def follow_record(self) -> None:
        """The Assess page starts its draft again from the latest assessment when it has no
        changes of its own (and keeps the user's changes otherwise)."""
        if not self.draft.changed():
            latest = _draft_of(self.expected)
            self.draft = Draft(dict(latest), _copy(latest))

    def settle(self) -> None:
        """Run the event loop as the main loop would: deferred deletions, then timers."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
        Env.qtbot.wait(5)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    # -- reaching the window as a user does ----------------------------------------------------
    def action(self, shortcut: str = "", text: str = "") -> QAction:
        wanted = QCoreApplication.translate("MainWindow", text) if text else ""
        for action in self.window.findChildren(QAction):
            if shortcut and QKeySequence(shortcut) in action.shortcuts():
                return action
            if wanted and action.text() == wanted:
                return action
        raise LookupError(shortcut or text)

    def show(self, key: str) -> Any:
        self.window.show_page(key)
        self.settle()
        return self.window.pages[key]

    def assess_page(self) -> Any:
        self.leave_for("assess")
        return self.show("assess")

    def leave_for(self, key: str) -> None:
        """Leaving Assess with a changed draft: the window asks; this user discards it."""
        current = self.window.current_key()
        if current == "assess" and key != "assess" and self.draft.changed():
            Env.dialogs.question_answer = QMessageBox.StandardButton.Discard
            self.draft = Draft(_draft_of(self.expected), _draft_of(self.expected))

    # -- rules ------------------------------------------------------------------------------------
    @rule(skill=st.sampled_from(SKILL_IDS), level=st.sampled_from([None, 1, 2, 3, 4, 5]))
    def rate(self, skill: str, level: int | None) -> None:
        page = self.assess_page()
        page.select_skill(skill)
        page.set_level(level)
        ratings = self.draft.now["ratings"]
        if level is None:
            ratings.pop(skill, None)
        else:
            ratings[skill] = level

    @rule(skill=st.sampled_from(SKILL_IDS), text=st.sampled_from(["", "Led the huddle", "Ñ <b>"]))
    def write_evidence(self, skill: str, text: str) -> None:
        page = self.assess_page()
        page.select_skill(skill)
        page.evidence_edit.setPlainText(text)
        notes = self.draft.now["notes"]
        if text:
            notes[skill] = text
        else:
            notes.pop(skill, None)

    @rule(confirm=st.booleans())
    def save_assessment(self, confirm: bool) -> None:
        page = self.assess_page()
        Env.dialogs.question_answer = (
            QMessageBox.StandardButton.Save if confirm else QMessageBox.StandardButton.Cancel
        )
        before = len(self.session.record().assessments)
        page.save_button.click()
        self.settle()
        nothing_rated = not self.draft.now["ratings"] and not self.draft.now["notes"]
        if not self.draft.changed() and (not confirm or nothing_rated):
            assert len(self.session.record().assessments) == before  # refused or cancelled
            return
        latest = self.session.record().latest
        assert latest is not None and len(self.session.record().assessments) == before + 1
        entry = (
            latest.id,
            tuple(sorted(self.draft.now["ratings"].items())),
            tuple(sorted(self.draft.now["notes"].items())),
        )
        self.draft = Draft(_copy(self.draft.now), _copy(self.draft.now))
        self.did(replace(self.expected, assessments=(*self.expected.assessments, entry)))

    @rule()
    def undo(self) -> None:
        self.action(shortcut="Ctrl+Z").trigger()
        self.settle()
        if self.index > 0:
            self.index -= 1
            self.follow_record()

    @rule()
    def redo(self) -> None:
        self.action(shortcut="Ctrl+Y").trigger()
        self.settle()
        if self.index < len(self.history) - 1:
            self.index += 1
            self.follow_record()

    @rule(key=st.sampled_from(PAGES))
    def switch_page(self, key: str) -> None:
        self.leave_for(key)
        self.show(key)

    @rule()
    def add_goal(self) -> None:
        from carepath.ui.dialogs.goal_dialog import GoalDialog

        self.leave_for("plan")
        page = self.show("plan")
        self.goal_count += 1
        title = f"Goal {self.goal_count} “quoted” & <tagged>"

        def fill_and_save(dialog: GoalDialog) -> int:
            dialog.title_edit.setText(title)
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            return int(dialog.result())

        Env.monkeypatch.setattr(GoalDialog, "exec", fill_and_save)
        page.add_button.click()
        self.settle()
        added = next(g for g in self.session.record().goals if g.title == title)
        goals = tuple(sorted((*self.expected.goals, (added.id, title))))
        self.did(replace(self.expected, goals=goals))

    @precondition(lambda self: self.window is not None and bool(self.expected.goals))
    @rule()
    def delete_goal(self) -> None:
        self.leave_for("plan")
        page = self.show("plan")
        goal = page.selected_goal()
        if goal is None:
            return
        page.delete_button.click()
        self.settle()
        goals = tuple(g for g in self.expected.goals if g[0] != goal.id)
        self.did(replace(self.expected, goals=goals))

    @precondition(lambda self: self.window is not None and bool(self.expected.assessments))
    @rule()
    def delete_assessment(self) -> None:
        self.leave_for("history")
        page = self.show("history")
        chosen = page.selected_assessment()
        if chosen is None:
            return
        page.delete_button.click()
        self.settle()
        kept = tuple(a for a in self.expected.assessments if a[0] != chosen.id)
        self.did(replace(self.expected, assessments=kept))

    @rule(step=st.integers(0, 9), status=st.sampled_from(["not_started", "in_progress", "done"]))
    def set_step_status(self, step: int, status: str) -> None:
        self.leave_for("steps")
        page = self.show("steps")
        step_id = self.session.catalogue.steps[step].id
        page.select_step(step_id)
        combo = page.status_combo
        index = combo.findData(status)
        before = dict(self.expected.steps)
        if before.get(step_id, "not_started") == status:
            return
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self.settle()
        steps = tuple(sorted({**before, step_id: status}.items()))
        self.did(replace(self.expected, steps=steps))

    @rule(
        language=st.sampled_from(["en", "es"]),
        chosen_theme=st.sampled_from(["light", "dark"]),
        interval=st.sampled_from([None, 14, 30]),
    )
    def preferences(self, language: str, chosen_theme: str, interval: int | None) -> None:
        from carepath.ui.dialogs.preferences_dialog import PreferencesDialog

        def choose(dialog: PreferencesDialog) -> int:
            dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
            dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(chosen_theme))
            if interval is not None:
                dialog.interval_spin.setValue(interval)
            dialog.accept()
            return int(QDialog.DialogCode.Accepted)

        Env.monkeypatch.setattr(PreferencesDialog, "exec", choose)
        if language != self.language and self.draft.changed():
            Env.dialogs.question_answer = QMessageBox.StandardButton.Discard  # rebuilt pages
            self.draft = Draft(_draft_of(self.expected), _draft_of(self.expected))
        before = self.expected.interval
        self.action(shortcut="Ctrl+,").trigger()
        self.settle()
        self.language, self.theme = language, chosen_theme
        if interval is not None and interval != before:
            self.did(replace(self.expected, interval=interval))

    @rule(key=st.sampled_from(CHART_PAGES))
    def switch_language_and_theme(self, key: str) -> None:
        """On a page with a chart, both at once: the change that once ended in "Something went
        wrong" (``preferences`` makes every change on every page)."""
        self.leave_for(key)
        self.show(key)
        self.preferences(
            "es" if self.language == "en" else "en",
            "dark" if self.theme == "light" else "light",
            None,
        )

    @rule()
    def import_backup(self) -> None:
        chosen = str(Env.backup_to_import)
        Env.monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen, ""))
        )
        self.action(text="&Import backup…").trigger()
        self.settle()
        record = self.session.record()
        imported = Snapshot.of(inspect_file(Env.record_to_import))
        known = {a[0] for a in self.expected.assessments}
        assessments = [*self.expected.assessments]
        assessments += [a for a in imported.assessments if a[0] not in known]
        goals = dict(self.expected.goals) | dict(imported.goals)
        expected = Snapshot(
            assessments=tuple(
                sorted(assessments, key=lambda a: _taken(record, a[0]))  # the file's order
            ),
            goals=tuple(sorted(goals.items())),
            interval=self.expected.interval,
            steps=Snapshot.of(record).steps,  # merged by the backup's rules, not modelled here
        )
        self.history, self.index = [expected], 0  # importing clears the undo history
        self.follow_record()

    @rule()
    def export_plan(self) -> None:
        from carepath.ui.export_dialog import ExportDialog

        target = Env.tmp / f"plan-{self.goal_count}.md"
        finished: list[str] = []

        def export(dialog: ExportDialog) -> int:
            dialog.set_format("md")
            dialog.set_path(target)
            dialog.export_finished.connect(finished.append)
            dialog.export_failed.connect(finished.append)
            dialog.start_export()
            Env.qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
            return int(QDialog.DialogCode.Accepted)

        Env.monkeypatch.setattr(ExportDialog, "exec", export)
        self.action(shortcut="Ctrl+E").trigger()
        self.settle()
        assert finished == [str(target)], finished
        assert target.read_text(encoding="utf-8").strip()

    @rule()
    def visit_every_page(self) -> None:
        """Every page in turn, each drawn with its charts (those in view)."""
        self.leave_for("overview")
        for key in PAGES:
            page = self.show(key)
            for chart in page.findChildren(ChartCanvas):
                if chart.visibleRegion().isEmpty():
                    continue  # scrolled out of view: built when it is first seen
                Env.qtbot.waitUntil(lambda c=chart: c.figure is not None, timeout=10_000)

    @rule(size=st.sampled_from(SIZES))
    def resize(self, size: tuple[int, int]) -> None:
        self.window.resize(*size)
        self.settle()

    # -- invariants -------------------------------------------------------------------------------
    @invariant()
    def nothing_reached_the_crash_hook(self) -> None:
        if self.window is None:
            return
        reports = list(self.crash_folder.glob("crash-*.log")) if self.crash_folder.exists() else []
        details = [p.read_text(encoding="utf-8") for p in reports]
        assert not details, "\n".join(details)
        assert "critical" not in Env.dialogs.names(), Env.dialogs.calls

    @invariant()
    def disk_screen_and_model_agree(self) -> None:
        if self.window is None:
            return
        on_screen = self.session.record()
        assert inspect_file(self.path) == on_screen
        actual = Snapshot.of(on_screen)
        assert actual == self.expected, _difference(actual, self.expected)

    @invariant()
    def the_page_on_screen_still_draws(self) -> None:
        """The page on screen has drawn the record as it is now, charts included (every built
        page is drawn once more at the end of each run: see ``teardown``)."""
        if self.window is None:
            return
        current = self.window.current_page()
        if current is None:
            return
        assert not current.is_dirty()
        for chart in current.findChildren(ChartCanvas):
            if chart.visibleRegion().isEmpty() or chart.canvas is None:
                continue
            assert chart.figure is chart.canvas.figure


def _difference(actual: Snapshot, expected: Snapshot) -> str:
    """What differs between the record and the model, in a few readable lines."""
    lines = []
    for name in ("assessments", "goals", "steps"):
        have, want = getattr(actual, name), getattr(expected, name)
        if have != want:
            lines.append(f"{name}: only in the record {sorted(set(have) - set(want))}")
            lines.append(f"{name}: only in the model {sorted(set(want) - set(have))}")
            if set(have) == set(want):
                lines.append(f"{name}: same entries, another order")
    if actual.interval != expected.interval:
        lines.append(f"interval: record {actual.interval}, model {expected.interval}")
    return "\n".join(lines)


def _copy(draft: dict[str, Any]) -> dict[str, Any]:
    return {"ratings": dict(draft["ratings"]), "notes": dict(draft["notes"])}


def _taken(record: Record, assessment_id: str) -> tuple[Any, str]:
    found = next(a for a in record.assessments if a.id == assessment_id)
    return (found.taken_at, found.id)


PHASES = [Phase.generate] if os.environ.get("CAREPATH_STATEFUL_NO_SHRINK") else list(Phase)


def examples() -> int:
    return int(os.environ.get("CAREPATH_STATEFUL_EXAMPLES", FEW))


@pytest.mark.qt_no_exception_capture  # the crash hook is what is under test
def test_the_window_survives_a_restless_user(
    qapp, qtbot, tmp_path: Path, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    Env.qtbot, Env.tmp, Env.dialogs, Env.monkeypatch = qtbot, tmp_path, dialogs, monkeypatch
    other = tmp_path / "other.json"
    with DataStore.open(other, create=True) as store:
        other_record = build_demo_record(seed=11)  # the sample's ids are fixed: new ones
        store.replace_record(
            replace(
                other_record,
                assessments=tuple(replace(a, id=new_id()) for a in other_record.assessments),
                goals=tuple(replace(g, id=new_id()) for g in other_record.goals),
            )
        )
        backup = store.export_backup()
    import json

    Env.record_to_import = other
    Env.backup_to_import = tmp_path / "backup.json"
    Env.backup_to_import.write_text(json.dumps(backup), encoding="utf-8")
    run_state_machine_as_test(
        WindowMachine,
        settings=settings(
            max_examples=examples(),
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=PHASES,
        ),
    )
