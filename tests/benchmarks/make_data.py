"""Data files for the benchmark, written with CarePath's own core API (never by hand).

* the demo record (``carepath demo``: a year of monthly assessments, steps and goals);
* the same record with 1,000 or 10,000 synthetic assessments instead of its twelve: one a day
  going back from today, each rating 14 of the 15 skills with a few evidence notes, about the
  size of a real one (FINDINGS.md: ~675 bytes per assessment in the file).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

from carepath.core.catalogue import SKILL_IDS
from carepath.core.demo import build_demo_record
from carepath.core.models import Assessment, Record
from carepath.core.storage import DataStore

_NOTES = (
    "Led the discharge meeting for a patient with three agencies involved.",
    "Asked my supervisor to review a care plan before sending it.",
    "Used teach-back with a family member; it caught a misunderstanding.",
    "Escalated a transport gap the same day instead of waiting for the weekly huddle.",
)


def synthetic_assessment(number: int, taken_at: datetime, rng: random.Random) -> Assessment:
    """One realistic assessment: most skills rated, one left "not rated yet", a few notes."""
    skipped = SKILL_IDS[number % len(SKILL_IDS)]
    ratings = {s: rng.randint(1, 5) for s in SKILL_IDS if s != skipped}
    notes = {s: rng.choice(_NOTES) for s in SKILL_IDS if s in ratings and rng.random() < 0.25}
    return Assessment(
        id=f"bench{number:08d}",
        taken_at=taken_at,
        ratings=ratings,
        notes=notes,
        note="Monthly check-in." if number % 3 else "",
    )


def synthetic_record(count: int, seed: int = 11) -> Record:
    """The demo record's profile, steps and goals with ``count`` daily assessments."""
    demo = build_demo_record()
    rng = random.Random(seed)
    last = datetime.combine(datetime.now().date(), time(19, 0)).astimezone()
    assessments = tuple(
        synthetic_assessment(n, last - timedelta(days=count - 1 - n), rng) for n in range(count)
    )
    profile = replace(demo.profile, created_at=assessments[0].taken_at.isoformat())
    return replace(demo, profile=profile, assessments=assessments)


def write_record(path: Path, record: Record) -> Path:
    with DataStore.open(path) as store:
        store.replace_record(record)
    return path


def write_demo(path: Path) -> Path:
    return write_record(path, build_demo_record())


def write_synthetic(path: Path, count: int) -> Path:
    return write_record(path, synthetic_record(count))


def new_assessment(number: int) -> Assessment:
    """An assessment to save during the save benchmark (taken now, after every other one)."""
    return synthetic_assessment(
        10_000_000 + number, datetime.now().astimezone(), random.Random(number)
    )
