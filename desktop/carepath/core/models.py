"""The user's record as plain dataclasses, and their JSON-friendly dictionary form.

The same dictionaries are stored in the TinyDB file and written into backups, so ``to_dict`` and
``from_dict`` are the single place where field names and date formats are decided.
Dates are ISO-8601 strings on disk; ``taken_at`` carries a UTC offset so that history sorts the
same after a move between time zones.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Any

from carepath.core.catalogue import SKILL_IDS

LEVEL_MIN = 1
LEVEL_MAX = 5
DEFAULT_REASSESS_DAYS = 30


_SKILLS = frozenset(SKILL_IDS)


def average(ratings: Mapping[str, int]) -> float | None:
    """Mean level of the rated skills; None when nothing is rated (``scoring`` re-exports it).

    Runs once per assessment for the progress chart (10,000 times for a long history), so it
    walks the ratings once instead of looking up every skill; levels are whole numbers, so the
    order of the sum does not change the result. It lives here, not in ``scoring``, because
    ``Assessment.average`` needs it and ``scoring`` builds on these models.
    """
    total = count = 0
    for skill, level in ratings.items():
        if skill in _SKILLS:
            total += level
            count += 1
    return total / count if count else None


def new_id() -> str:
    """A stable random id; ids survive backup and restore so a second restore adds nothing."""
    return uuid.uuid4().hex


def now() -> datetime:
    """Local time with its UTC offset; microseconds kept so two saves in one second keep order."""
    return datetime.now().astimezone()


def parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.astimezone()


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class GoalStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Profile:
    name: str = ""
    current_stage: str = "entry"
    target_stage: str = "coordinator"
    reassess_interval_days: int = DEFAULT_REASSESS_DAYS
    created_at: str = ""

    @property
    def is_set_up(self) -> bool:
        """False until the first-run welcome has been completed."""
        return bool(self.created_at)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "current_stage": self.current_stage,
            "target_stage": self.target_stage,
            "reassess_interval_days": self.reassess_interval_days,
            "created_at": self.created_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        return cls(
            name=str(data.get("name", "")),
            current_stage=str(data.get("current_stage", "entry")),
            target_stage=str(data.get("target_stage", "coordinator")),
            reassess_interval_days=int(data.get("reassess_interval_days", DEFAULT_REASSESS_DAYS)),
            created_at=str(data.get("created_at", "")),
        )


@dataclass(frozen=True)
class Assessment:
    """One self-assessment. A skill missing from ``ratings`` is *not rated yet* (never zero)."""

    id: str
    taken_at: datetime
    ratings: Mapping[str, int]
    notes: Mapping[str, str] = field(default_factory=dict)
    note: str = ""

    @classmethod
    def create(
        cls,
        ratings: Mapping[str, int],
        notes: Mapping[str, str] | None = None,
        note: str = "",
        taken_at: datetime | None = None,
    ) -> Assessment:
        return cls(
            id=new_id(),
            taken_at=taken_at or now(),
            ratings=dict(ratings),
            notes={k: v for k, v in (notes or {}).items() if v.strip()},
            note=note,
        )

    @cached_property
    def average(self) -> float | None:
        """``scoring.average`` of the ratings, kept once computed: the progress chart and the
        history table ask for it of every assessment on every redraw (10,000 in a long history),
        and an unchanged assessment stays the same object from one record to the next."""
        return average(self.ratings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "taken_at": self.taken_at.isoformat(),
            "ratings": dict(self.ratings),
            "notes": dict(self.notes),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        return cls(
            id=str(data["id"]),
            taken_at=parse_datetime(str(data["taken_at"])),
            ratings={str(k): int(v) for k, v in dict(data.get("ratings", {})).items()},
            notes={str(k): str(v) for k, v in dict(data.get("notes", {})).items()},
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True)
class StepProgress:
    step_id: str
    status: StepStatus = StepStatus.NOT_STARTED
    start_date: date | None = None
    target_date: date | None = None
    done_date: date | None = None
    note: str = ""
    checklist: Mapping[str, bool] = field(default_factory=dict)

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is not StepStatus.DONE
            and self.target_date is not None
            and self.target_date < today
        )

    def with_changes(self, **changes: Any) -> StepProgress:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "step_id": self.step_id,
            "status": self.status.value,
            "start_date": iso_date(self.start_date),
            "target_date": iso_date(self.target_date),
            "done_date": iso_date(self.done_date),
            "note": self.note,
            "checklist": dict(self.checklist),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepProgress:
        return cls(
            step_id=str(data["step_id"]),
            status=StepStatus(data.get("status", StepStatus.NOT_STARTED)),
            start_date=parse_date(data.get("start_date")),
            target_date=parse_date(data.get("target_date")),
            done_date=parse_date(data.get("done_date")),
            note=str(data.get("note", "")),
            checklist={str(k): bool(v) for k, v in dict(data.get("checklist", {})).items()},
        )


@dataclass(frozen=True)
class Goal:
    id: str
    skill: str
    title: str
    actions: str = ""
    resources: str = ""
    due_date: date | None = None
    status: GoalStatus = GoalStatus.PLANNED
    created_at: str = ""

    @classmethod
    def create(cls, skill: str, title: str, **fields: Any) -> Goal:
        return cls(id=new_id(), skill=skill, title=title, created_at=now().isoformat(), **fields)

    def is_overdue(self, today: date) -> bool:
        return (
            self.status in (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)
            and self.due_date is not None
            and self.due_date < today
        )

    def with_changes(self, **changes: Any) -> Goal:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "skill": self.skill,
            "title": self.title,
            "actions": self.actions,
            "resources": self.resources,
            "due_date": iso_date(self.due_date),
            "status": self.status.value,
            "created_at": self.created_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Goal:
        return cls(
            id=str(data["id"]),
            skill=str(data["skill"]),
            title=str(data["title"]),
            actions=str(data.get("actions", "")),
            resources=str(data.get("resources", "")),
            due_date=parse_date(data.get("due_date")),
            status=GoalStatus(data.get("status", GoalStatus.PLANNED)),
            created_at=str(data.get("created_at", "")),
        )


@dataclass(frozen=True)
class Record:
    """Everything one data file holds, as the rest of the program sees it."""

    profile: Profile = field(default_factory=Profile)
    assessments: tuple[Assessment, ...] = ()
    steps: Mapping[str, StepProgress] = field(default_factory=dict)
    goals: tuple[Goal, ...] = ()

    @property
    def latest(self) -> Assessment | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def previous(self) -> Assessment | None:
        return self.assessments[-2] if len(self.assessments) > 1 else None

    def step(self, step_id: str) -> StepProgress:
        return self.steps.get(step_id) or StepProgress(step_id=step_id)

    def next_reassessment(self) -> date | None:
        """Due date of the next self-assessment: the latest one plus the chosen interval."""
        from datetime import timedelta

        if self.latest is None:
            return None
        interval = timedelta(days=self.profile.reassess_interval_days)
        return (self.latest.taken_at + interval).date()
