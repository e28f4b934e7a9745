"""Records for the plan-export tests: the demo, an empty one, and one written by an attacker.

The hostile record carries a name and notes that try every trick a plan writer could fall for:
HTML and script, Markdown emphasis and links, table pipes, backticks, line breaks, and four
scripts (Latin with accents, Chinese, Greek, plus a dash). Every export must show them as typed.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from carepath.core.catalogue import Catalogue, load_catalogue
from carepath.core.demo import build_demo_record
from carepath.core.models import Goal, GoalStatus, Record, StepProgress, StepStatus

#: The demo record's "today" (tests/conftest.py FIXED_TODAY); importing conftest is fragile.
TODAY = date(2026, 11, 26)
HOSTILE_NAME = "<script>alert(1)</script> **bold** | pipe José Ñúñez — 李雷 — Ελένη"
HOSTILE_NOTE = (
    "Led the | huddle with `rm -rf` and [link](javascript:x)\n"
    "second line <img src=x onerror=alert(2)> # not a heading\n"
    "1. not a list _under_ *star* {brace} ~strike~ !bang \\ backslash"
)
HOSTILE_GOAL = "Goal with | pipe and <b>tags</b> and [x](http://evil.example)"


@pytest.fixture(scope="session")
def hostile_name() -> str:
    return HOSTILE_NAME


@pytest.fixture(scope="session")
def hostile_note() -> str:
    return HOSTILE_NOTE


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def demo() -> Record:
    return build_demo_record(today=TODAY)


def hostile_record() -> Record:
    base = build_demo_record(today=TODAY)
    latest = base.assessments[-1]
    notes = {skill: HOSTILE_NOTE for skill in latest.ratings}
    assessments = (*base.assessments[:-1], dataclasses.replace(latest, notes=notes))
    steps = dict(base.steps)
    steps["network"] = StepProgress(
        "network", StepStatus.IN_PROGRESS, TODAY, TODAY, None, HOSTILE_NOTE
    )
    goals = (
        *base.goals,
        Goal(
            id="hostile1",
            skill="ethics",
            title=HOSTILE_GOAL,
            actions=HOSTILE_NOTE,
            resources="`code` | <i>x</i>",
            due_date=date(2026, 1, 1),
            status=GoalStatus.PLANNED,
        ),
    )
    return Record(
        profile=dataclasses.replace(base.profile, name=HOSTILE_NAME),
        assessments=assessments,
        steps=steps,
        goals=goals,
    )


@pytest.fixture(scope="session")
def hostile() -> Record:
    return hostile_record()


@pytest.fixture(scope="session")
def exports(
    qapp: object,
    tmp_path_factory: pytest.TempPathFactory,
    demo: Record,
    hostile: Record,
    catalogue: Catalogue,
) -> dict[str, Path]:
    """Every format from the demo, the hostile and the empty record, written once per run.

    Keys are "<record>.<format>" (and "demo.letter.pdf"); the files are only read by tests.
    ``qapp`` first: pytest-qt's QApplication, so the PDF writer does not make its own.
    """
    from carepath.export.plan import export_plan

    folder = tmp_path_factory.mktemp("plans")
    written: dict[str, Path] = {}
    for label, record in (("demo", demo), ("hostile", hostile), ("empty", Record())):
        for fmt in ("pdf", "html", "md"):
            sub = folder / label
            sub.mkdir(exist_ok=True)
            written[f"{label}.{fmt}"] = export_plan(
                record, catalogue, fmt, sub / f"plan.{fmt}", today=TODAY
            )
    written["demo.letter.pdf"] = export_plan(
        demo, catalogue, "pdf", folder / "demo" / "letter.pdf", paper="letter", today=TODAY
    )
    return written
