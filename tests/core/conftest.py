"""Fixtures for the storage tests: real files in a private folder, never the user's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment, Goal, Profile, Record, StepProgress, StepStatus
from carepath.core.storage import DataStore

START = datetime(2025, 1, 6, 9, 30, tzinfo=UTC)


def assessment(n: int, **changes: object) -> Assessment:
    """The n-th of a plausible monthly series; the same n gives the same id."""
    fields: dict[str, object] = {
        "id": f"a{n:05d}",
        "taken_at": START + timedelta(days=30 * n),
        "ratings": {s: 1 + (n + i) % 5 for i, s in enumerate(SKILL_IDS) if (n + i) % 4},
        "notes": {"communication": f"led discharge meeting {n}"},
        "note": f"month {n}",
    }
    fields.update(changes)
    return Assessment(**fields)  # type: ignore[arg-type]


def full_record(count: int = 5) -> Record:
    return Record(
        profile=Profile(
            name="José Ñúñez — 李雷",
            current_stage="entry",
            target_stage="senior",
            created_at=START.isoformat(),
        ),
        assessments=tuple(assessment(n) for n in range(count)),
        steps={
            "education": StepProgress(
                "education", StepStatus.IN_PROGRESS, START.date(), None, None, "evening course"
            ),
            "certification": StepProgress("certification", checklist={"ccm": True, "gcm": False}),
        },
        goals=(
            Goal("g1", "negotiation", "Lead one payer call", actions="shadow Ana"),
            Goal("g2", "leadership", "Run the team huddle"),
        ),
    )


@pytest.fixture
def make_assessment() -> Callable[..., Assessment]:
    return assessment


@pytest.fixture
def sample_record() -> Record:
    return full_record()


@pytest.fixture
def store(data_path: Path) -> Iterator[DataStore]:
    with DataStore.open(data_path) as opened:
        yield opened


@pytest.fixture
def filled(data_path: Path) -> Path:
    """A closed data file holding ``full_record()``."""
    with DataStore.open(data_path) as opened:
        opened.replace_record(full_record())
    return data_path


@pytest.fixture
def temp_files() -> Callable[[Path], list[str]]:
    def find(folder: Path) -> list[str]:
        return sorted(p.name for p in folder.rglob(".carepath-*"))

    return find
