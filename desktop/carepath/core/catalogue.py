"""The content CarePath is built on: skills, the level scale, the steps and the career stages.

The steps come in two files: ``steps.toml`` holds the ten steps *into* the role (entry level to
care coordinator; their ids and order are a public contract), ``ladder.toml`` the steps of each
move up the ladder (coordinator to senior, senior to manager, manager to director). Each step
names the stage it leads to; :mod:`carepath.core.career_path` strings them into a path.

Everything here is read from TOML files under ``resources/content`` so that a non-programmer can
edit it, and a translation (``resources/content/<lang>/``) overlays only the text fields of the
English original, so ids, order, durations and target levels can never drift between languages.

The files ship with the program, so their full check against
``resources/schema/content.schema.json`` runs in the tests (``load_raw(..., validate=True)``), not
on every start: importing ``jsonschema`` alone costs more than the rest of the core. At run time
``_check_ids`` still checks the structure the program relies on.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from carepath.core.resources import resource_path

SKILL_IDS: tuple[str, ...] = (
    "communication",
    "organization",
    "interpersonal",
    "problem_solving",
    "medical_terminology",
    "computer_skills",
    "attention_to_detail",
    "negotiation",
    "crisis_management",
    "healthcare_system",
    "ethics",
    "leadership",
    "time_management",
    "flexibility",
    "decision_making",
)
STEP_IDS: tuple[str, ...] = (
    "understand_role",
    "education",
    "experience",
    "communication",
    "organization",
    "certification",
    "legal_ethics",
    "community_resources",
    "network",
    "apply",
)
#: The steps of each move up the ladder, in order; like STEP_IDS, saved progress refers to them.
LADDER_STEP_IDS: tuple[str, ...] = (
    "senior_complex_cases",
    "senior_ccm",
    "senior_mentoring",
    "senior_quality",
    "senior_renewal",
    "senior_move",
    "manager_lead_team",
    "manager_management",
    "manager_process",
    "manager_strategy",
    "manager_trends",
    "manager_move",
    "director_strategy",
    "director_leaders",
    "director_systems",
    "director_partnerships",
    "director_move",
)
#: Every step id a record may hold progress for.
ALL_STEP_IDS: tuple[str, ...] = STEP_IDS + LADDER_STEP_IDS
STAGE_IDS: tuple[str, ...] = ("entry", "coordinator", "senior", "manager", "director")
CONTENT_FILES: tuple[str, ...] = ("skills", "levels", "steps", "ladder", "stages")
LANGUAGES: tuple[str, ...] = ("en", "es")
#: How a salary band ends in each language ("$45,000 – $60,000 a year").
_PER_YEAR: Mapping[str, str] = {"en": "a year", "es": "al año"}
#: The currency sign of a salary band: US readers of Spanish write "US$".
_DOLLAR: Mapping[str, str] = {"en": "$", "es": "US$"}


@dataclass(frozen=True)
class Level:
    value: int
    name: str
    meaning: str


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    description: str
    descriptors: tuple[str, ...]  # five, for levels 1..5
    actions: tuple[str, ...]
    #: One short piece of evidence a mentor could check, per level 1..5.
    examples: tuple[str, ...] = ()

    def descriptor(self, level: int) -> str:
        return self.descriptors[level - 1]

    def example(self, level: int) -> str:
        """The evidence example for ``level`` (1..5), or "" when the content has none."""
        return self.examples[level - 1] if len(self.examples) >= level >= 1 else ""


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    summary: str
    skills: tuple[str, ...]
    duration_weeks: int | None
    duration_text: str
    checklist: tuple[ChecklistItem, ...]
    #: The career stage this step helps reach ("coordinator" for the ten entry steps).
    stage: str = "coordinator"
    #: Professional bodies worth looking up for this step, by name (never a link).
    organizations: tuple[str, ...] = ()
    #: A step that must come first when dates are proposed (the CCM waits for the first job).
    starts_after: str | None = None


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    summary: str
    salary_min: int
    salary_max: int
    salary_open_ended: bool
    experience: str
    targets: Mapping[str, int]
    language: str = "en"

    @property
    def salary_band(self) -> str:
        plus = "+" if self.salary_open_ended else ""
        per_year = _PER_YEAR.get(self.language, _PER_YEAR["en"])
        sign = _DOLLAR.get(self.language, "$")
        return f"{sign}{self.salary_min:,} – {sign}{self.salary_max:,}{plus} {per_year}"


@dataclass(frozen=True)
class Catalogue:
    language: str
    levels: tuple[Level, ...]
    skills: tuple[Skill, ...]
    steps: tuple[Step, ...]
    stages: tuple[Stage, ...]
    #: The steps of each move up the ladder (``ladder.toml``), in order.
    ladder_steps: tuple[Step, ...] = ()
    #: One sentence saying that salaries and credentials are US facts (``stages.toml``'s note).
    us_note: str = ""

    def skill(self, skill_id: str) -> Skill:
        return self._skills_by_id[skill_id]

    def step(self, step_id: str) -> Step:
        return self._steps_by_id[step_id]

    def stage(self, stage_id: str) -> Stage:
        return self._stages_by_id[stage_id]

    def level(self, value: int) -> Level:
        return self.levels[value - 1]

    @property
    def _skills_by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}

    @property
    def _steps_by_id(self) -> dict[str, Step]:
        return {s.id: s for s in self.steps + self.ladder_steps}

    @property
    def _stages_by_id(self) -> dict[str, Stage]:
        return {s.id: s for s in self.stages}


class ContentError(ValueError):
    """A content file is missing, unreadable or breaks its schema (a packaging or editing slip)."""


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(f"{path}: {error}") from error


@cache
def _schema() -> dict[str, Any]:
    with resource_path("schema", "content.schema.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def load_raw(name: str, language: str = "en", *, validate: bool = False) -> dict[str, Any]:
    """One content file as parsed TOML; ``language`` other than en reads the overlay.

    ``validate`` checks it against the content schema (ContentError if it breaks it).
    """
    folder = resource_path("content") if language == "en" else resource_path("content", language)
    data = _read_toml(folder / f"{name}.toml")
    if validate:
        import jsonschema  # ~60 ms to import: only the tests and content editors ask for this

        definition = "translation" if language != "en" else name
        schema = {**_schema(), "$ref": f"#/$defs/{definition}"}
        try:
            jsonschema.validate(data, schema)
        except jsonschema.ValidationError as error:
            where = "/".join(str(p) for p in error.absolute_path)
            raise ContentError(f"{folder / name}.toml at {where}: {error.message}") from error
    return data


def _overlay(entries: list[dict[str, Any]], translated: list[dict[str, Any]]) -> None:
    """Replace text fields with the translation's, matched by id; keep everything else."""
    by_id = {entry["id"]: entry for entry in translated}
    for entry in entries:
        for key, value in by_id.get(entry["id"], {}).items():
            if key == "id":
                continue
            if key == "checklist" and "checklist" in entry:
                texts = {item["id"]: item["text"] for item in value}
                for item in entry["checklist"]:
                    item["text"] = texts.get(item["id"], item["text"])
            else:
                entry[key] = value


def _entries(name: str, key: str, language: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = load_raw(name)[key]
    if language != "en":
        overlay_file = resource_path("content", language, f"{name}.toml")
        if overlay_file.exists():
            _overlay(entries, load_raw(name, language).get(key, []))
    return entries


@cache
def load_catalogue(language: str = "en") -> Catalogue:
    """The whole catalogue, loaded once per language and shared (it is immutable)."""
    if language not in LANGUAGES:
        language = "en"
    levels = tuple(
        Level(value=int(e["value"]), name=e["name"], meaning=e["meaning"])
        for e in sorted(_entries("levels", "level", language), key=lambda e: int(e["value"]))
    )
    skills = tuple(
        Skill(
            id=e["id"],
            name=e["name"],
            description=e["description"],
            descriptors=tuple(e["descriptors"]),
            actions=tuple(e["actions"]),
            examples=tuple(e.get("examples", ())),
        )
        for e in _entries("skills", "skill", language)
    )
    steps = _steps(_entries("steps", "step", language))
    ladder_steps = _steps(_entries("ladder", "step", language))
    stages = tuple(
        Stage(
            id=e["id"],
            name=e["name"],
            summary=e["summary"],
            salary_min=int(e["salary_min"]),
            salary_max=int(e["salary_max"]),
            salary_open_ended=bool(e.get("salary_open_ended", False)),
            experience=e["experience"],
            targets={k: int(v) for k, v in e["targets"].items()},
            language=language,
        )
        for e in _entries("stages", "stage", language)
    )
    note = str(load_raw("stages").get("note", ""))
    if language != "en" and resource_path("content", language, "stages.toml").exists():
        note = str(load_raw("stages", language).get("note", note))
    catalogue = Catalogue(language, levels, skills, steps, stages, ladder_steps, note)
    _check_ids(catalogue)
    return catalogue


def _steps(entries: list[dict[str, Any]]) -> tuple[Step, ...]:
    """Steps numbered from 1 in file order (a path renumbers them along the way)."""
    return tuple(
        Step(
            id=e["id"],
            number=number,
            title=e["title"],
            summary=e["summary"],
            skills=tuple(e.get("skills", ())),
            duration_weeks=e.get("duration_weeks"),
            duration_text=e.get("duration_text", ""),
            checklist=tuple(
                ChecklistItem(id=i["id"], text=i["text"]) for i in e.get("checklist", ())
            ),
            stage=e.get("stage", "coordinator"),
            organizations=tuple(e.get("organizations", ())),
            starts_after=e.get("starts_after"),
        )
        for number, e in enumerate(entries, start=1)
    )


def _check_ids(catalogue: Catalogue) -> None:
    if tuple(s.id for s in catalogue.skills) != SKILL_IDS:
        raise ContentError("skills.toml must list exactly the fifteen skill ids, in order")
    if tuple(s.id for s in catalogue.steps) != STEP_IDS:
        raise ContentError("steps.toml must list exactly the ten step ids, in order")
    if tuple(s.id for s in catalogue.stages) != STAGE_IDS:
        raise ContentError("stages.toml must list exactly the five stage ids, in order")
    if tuple(s.id for s in catalogue.ladder_steps) != LADDER_STEP_IDS:
        raise ContentError("ladder.toml must list exactly the ladder step ids, in order")
    for step in catalogue.steps + catalogue.ladder_steps:
        if step.stage not in STAGE_IDS[1:]:
            raise ContentError(f"step {step.id} leads to unknown stage {step.stage!r}")
        if step.starts_after is not None and step.starts_after not in ALL_STEP_IDS:
            raise ContentError(f"step {step.id} starts after unknown step {step.starts_after!r}")
    for stage in catalogue.stages:
        if set(stage.targets) != set(SKILL_IDS):
            raise ContentError(f"stage {stage.id} needs a target level for every skill")
    for step in catalogue.steps + catalogue.ladder_steps:
        unknown = set(step.skills) - set(SKILL_IDS)
        if unknown:
            raise ContentError(f"step {step.id} names unknown skills {sorted(unknown)}")
