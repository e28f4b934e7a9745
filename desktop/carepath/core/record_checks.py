"""The checks every stored or imported document of the record passes, and the Record they build.

The data file and the backup hold the same dictionaries (the models' ``to_dict``), so one set of
checks guards both doors: a backup is refused before anything is written (``backup``), and a data
file that fails them is reported as damaged instead of being half loaded (``datafile``); a save
that would break them is refused (``storage``). They are written by hand because a
10,000-assessment file must open in a blink and because each failure has to name its place in
plain words; the JSON Schema in ``resources/schema`` is the published contract of the backup and
runs after them on imports as a backstop, so the two can never disagree silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from carepath.core.catalogue import SKILL_IDS, STAGE_IDS, STEP_IDS
from carepath.core.models import (
    DEFAULT_REASSESS_DAYS,
    LEVEL_MAX,
    LEVEL_MIN,
    Assessment,
    Goal,
    GoalStatus,
    Profile,
    Record,
    StepProgress,
    StepStatus,
)

MAX_ID = 64
MAX_NAME = 200
MAX_TITLE = 500
MAX_TEXT = 10_000
MAX_STAMP = 64
MAX_CHECKLIST = 100
MAX_INTERVAL_DAYS = 3650

_SKILLS = frozenset(SKILL_IDS)
_STEPS = frozenset(STEP_IDS)
_STAGES = frozenset(STAGE_IDS)
_STEP_STATUSES = frozenset(s.value for s in StepStatus)
_GOAL_STATUSES = frozenset(s.value for s in GoalStatus)
_SKILL_FIX = "use one of the fifteen skill ids (see carepath skills)"
_LEVEL_FIX = f"levels are whole numbers from {LEVEL_MIN} to {LEVEL_MAX}"
MISSING: Any = object()
_T = TypeVar("_T")


class ShapeError(ValueError):
    """One stored or imported document breaks the record's rules.

    ``problem`` names the place and what is wrong ("assessment 3 rates unknown skill 'x'"); ``fix``
    says what a person editing the file should do. Callers build their own sentence around them.
    """

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(f"{problem}; {fix}")
        self.problem = problem
        self.fix = fix


def json_kind(value: object) -> str:
    """The JSON type of ``value`` in plain words, for messages about wrong types."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields(doc: object, where: str) -> dict[str, Any]:
    if type(doc) is not dict:
        raise ShapeError(
            f"{where} is {json_kind(doc)}, not an object with named fields",
            "write it as {...} with the fields CarePath exports",
        )
    return doc


def _present(doc: dict[str, Any], key: str, where: str, required: bool) -> Any:
    value = doc.get(key, MISSING)
    if value is MISSING and required:
        raise ShapeError(f"{where} has no '{key}'", f"add the '{key}' field")
    return value


def text_field(
    doc: dict[str, Any], key: str, where: str, limit: int, *, required: bool = False
) -> str | None:
    value = _present(doc, key, where, required)
    if value is MISSING:
        return None
    if type(value) is not str:
        raise ShapeError(
            f"'{key}' of {where} is {json_kind(value)}, not text", f"write '{key}' as text"
        )
    if len(value) > limit:
        raise ShapeError(
            f"'{key}' of {where} is longer than {limit:,} characters",
            f"shorten it to {limit:,} characters or fewer",
        )
    return value


def _identifier(doc: dict[str, Any], key: str, where: str) -> str:
    value = text_field(doc, key, where, MAX_ID, required=True)
    if not value:
        raise ShapeError(f"'{key}' of {where} is empty", "give it a unique id (any text)")
    return value


def _choice(
    doc: dict[str, Any],
    key: str,
    where: str,
    allowed: frozenset[str],
    fix: str,
    *,
    required: bool = False,
) -> None:
    value = _present(doc, key, where, required)
    if value is not MISSING and (type(value) is not str or value not in allowed):
        raise ShapeError(f"'{key}' of {where} is {brief(value)}, which CarePath does not know", fix)


def moment_field(
    doc: dict[str, Any], key: str, where: str, *, required: bool = False, empty_ok: bool = False
) -> None:
    value = text_field(doc, key, where, MAX_STAMP, required=required)
    if value is None or (empty_ok and not value):
        return
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ShapeError(
            f"'{key}' of {where} is {brief(value)}, not a date and time",
            "write it as ISO-8601, e.g. 2026-05-01T09:30:00+02:00",
        ) from None


def _day(doc: dict[str, Any], key: str, where: str) -> None:
    value = doc.get(key)
    if value is None:
        return
    if type(value) is not str or not _is_date(value):
        raise ShapeError(
            f"'{key}' of {where} is {brief(value)}, not a date",
            "write it as ISO-8601, e.g. 2026-05-01, or null for none",
        )


def _is_date(text: str) -> bool:
    if not text:
        return True  # the models read an empty date as "none"
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _table(doc: dict[str, Any], key: str, where: str, *, required: bool = False) -> dict[str, Any]:
    value = _present(doc, key, where, required)
    if value is MISSING:
        return {}
    if type(value) is not dict:
        raise ShapeError(
            f"'{key}' of {where} is {json_kind(value)}, not an object",
            f"write '{key}' as {{...}}",
        )
    return value


def _build(factory: Callable[[Mapping[str, Any]], _T], doc: dict[str, Any], where: str) -> _T:
    # The checks above make this succeed; the guard keeps a future model field from crashing a load.
    try:
        return factory(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ShapeError(
            f"{where} cannot be read ({error})", "export it again from CarePath"
        ) from None


def check_profile(doc: object, where: str = "the profile") -> Profile:
    fields = _fields(doc, where)
    text_field(fields, "name", where, MAX_NAME, required=True)
    stage_fix = "use one of " + ", ".join(STAGE_IDS)
    _choice(fields, "current_stage", where, _STAGES, stage_fix, required=True)
    _choice(fields, "target_stage", where, _STAGES, stage_fix, required=True)
    days = fields.get("reassess_interval_days", DEFAULT_REASSESS_DAYS)
    if type(days) is not int or not 1 <= days <= MAX_INTERVAL_DAYS:
        raise ShapeError(
            f"'reassess_interval_days' of {where} is {brief(days)}",
            f"use a whole number of days from 1 to {MAX_INTERVAL_DAYS}",
        )
    moment_field(fields, "created_at", where, empty_ok=True)
    return _build(Profile.from_dict, fields, where)


def _well_formed_assessment(doc: object) -> Assessment | None:
    """The Assessment of a document that passes every check below, in one pass; else None.

    Opening a file reads every assessment through here (10,000 in a long history), and the
    checks one field at a time, followed by ``Assessment.from_dict``, took about 17 µs each. This
    accepts exactly what they accept and builds the same Assessment; anything else returns None
    so that the checks run and name the problem (issue 6).
    """
    if type(doc) is not dict:
        return None
    ident = doc.get("id")
    taken = doc.get("taken_at")
    ratings = doc.get("ratings")
    notes = doc.get("notes", _EMPTY_TABLE)
    note = doc.get("note", "")
    if (
        type(ident) is not str
        or not 0 < len(ident) <= MAX_ID
        or type(taken) is not str
        or len(taken) > MAX_STAMP
        or type(ratings) is not dict
        or type(notes) is not dict
        or type(note) is not str
        or len(note) > MAX_TEXT
    ):
        return None
    for skill, level in ratings.items():
        if skill not in _SKILLS or type(level) is not int or not LEVEL_MIN <= level <= LEVEL_MAX:
            return None
    for skill, text in notes.items():
        if skill not in _SKILLS or type(text) is not str or len(text) > MAX_TEXT:
            return None
    try:
        moment = datetime.fromisoformat(taken)
    except ValueError:
        return None
    return Assessment(
        id=ident,
        taken_at=moment if moment.tzinfo else moment.astimezone(),
        ratings=dict(ratings),
        notes=dict(notes),
        note=note,
    )


_EMPTY_TABLE: dict[str, Any] = {}


def check_assessment(doc: object, where: str) -> Assessment:
    quick = _well_formed_assessment(doc)
    if quick is not None:
        return quick
    fields = _fields(doc, where)
    _identifier(fields, "id", where)
    moment_field(fields, "taken_at", where, required=True)
    for skill, level in _table(fields, "ratings", where, required=True).items():
        if skill not in _SKILLS:
            raise ShapeError(f"{where} rates unknown skill {brief(skill)}", _SKILL_FIX)
        if type(level) is not int or not LEVEL_MIN <= level <= LEVEL_MAX:
            raise ShapeError(f"{where} rates '{skill}' as {brief(level)}", _LEVEL_FIX)
    for skill, text in _table(fields, "notes", where).items():
        if skill not in _SKILLS:
            raise ShapeError(f"{where} has a note for unknown skill {brief(skill)}", _SKILL_FIX)
        if type(text) is not str or len(text) > MAX_TEXT:
            raise ShapeError(
                f"the note on '{skill}' in {where} is not text of at most {MAX_TEXT:,} characters",
                "shorten it or write it as text",
            )
    text_field(fields, "note", where, MAX_TEXT)
    return _build(Assessment.from_dict, fields, where)


def check_step(doc: object, where: str) -> StepProgress:
    fields = _fields(doc, where)
    _choice(fields, "step_id", where, _STEPS, "use one of " + ", ".join(STEP_IDS), required=True)
    statuses = ", ".join(s.value for s in StepStatus)
    _choice(fields, "status", where, _STEP_STATUSES, f"use one of {statuses}")
    for key in ("start_date", "target_date", "done_date"):
        _day(fields, key, where)
    text_field(fields, "note", where, MAX_TEXT)
    checklist = _table(fields, "checklist", where)
    if len(checklist) > MAX_CHECKLIST:
        raise ShapeError(f"{where} has a checklist of {len(checklist)} items", "keep 100 or fewer")
    for item, done in checklist.items():
        if len(item) > MAX_ID or type(done) is not bool:
            raise ShapeError(
                f"checklist item {brief(item)} of {where} is not an id marked true or false",
                f"use ids of at most {MAX_ID} characters, each true or false",
            )
    return _build(StepProgress.from_dict, fields, where)


def check_goal(doc: object, where: str) -> Goal:
    fields = _fields(doc, where)
    _identifier(fields, "id", where)
    _choice(fields, "skill", where, _SKILLS, _SKILL_FIX, required=True)
    text_field(fields, "title", where, MAX_TITLE, required=True)
    text_field(fields, "actions", where, MAX_TEXT)
    text_field(fields, "resources", where, MAX_TEXT)
    _day(fields, "due_date", where)
    statuses = ", ".join(s.value for s in GoalStatus)
    _choice(fields, "status", where, _GOAL_STATUSES, f"use one of {statuses}")
    moment_field(fields, "created_at", where, empty_ok=True)
    return _build(Goal.from_dict, fields, where)


def _unique(items: Iterable[_T], key: Callable[[_T], str], noun: str) -> list[_T]:
    seen: set[str] = set()
    kept = []
    for number, item in enumerate(items, 1):
        value = key(item)
        if value in seen:
            raise ShapeError(
                f"{noun} {number} repeats the id {brief(value)} of an earlier one",
                "give every entry its own id",
            )
        seen.add(value)
        kept.append(item)
    return kept


def assessment_order(assessment: Assessment) -> tuple[datetime, str]:
    """History order: by time taken, ties broken by id so every load gives the same sequence."""
    return assessment.taken_at, assessment.id


def check_record(
    profile: object | None,
    assessments: Iterable[object],
    steps: Iterable[object],
    goals: Iterable[object],
) -> Record:
    """The Record the documents describe, or ShapeError naming the first one that is wrong."""
    return Record(
        profile=Profile() if profile is None else check_profile(profile),
        assessments=tuple(
            sorted(
                _unique(
                    (check_assessment(d, f"assessment {n}") for n, d in enumerate(assessments, 1)),
                    lambda a: a.id,
                    "assessment",
                ),
                key=assessment_order,
            )
        ),
        steps={
            s.step_id: s
            for s in _unique(
                (check_step(d, f"step entry {n}") for n, d in enumerate(steps, 1)),
                lambda s: s.step_id,
                "step entry",
            )
        },
        goals=tuple(
            _unique(
                (check_goal(d, f"goal {n}") for n, d in enumerate(goals, 1)), lambda g: g.id, "goal"
            )
        ),
    )
