"""The path from one career stage to a higher one: which steps, in which order.

The ladder has five rungs (entry, coordinator, senior, manager, director). Every step in the
content names the rung it helps reach: the ten entry steps lead to *coordinator*, the ladder steps
to *senior*, *manager* or *director*. A path from stage A to a higher stage B is the steps of every
rung above A up to B, in content order, numbered 1, 2, 3 ... along the path, so a coordinator
aiming at senior sees "1. Take on the hardest cases", never "Step 11".

Progress is stored by step id and never by position, so a step that drops out of the path when
the target changes keeps its status, dates, note and checklist, and is there again when the path
comes back to it.
"""

from __future__ import annotations

from dataclasses import replace

from carepath.core.catalogue import STAGE_IDS, Catalogue, Step
from carepath.core.models import Record


class UnknownStageError(ValueError):
    """A stage id that is not one of the five (``STAGE_IDS``)."""

    def __init__(self, stage: str) -> None:
        super().__init__(f"'{stage}' is not a career stage; use one of {', '.join(STAGE_IDS)}.")
        self.stage = stage


def stage_rank(stage: str) -> int:
    """0 for entry up to 4 for director; UnknownStageError for anything else."""
    try:
        return STAGE_IDS.index(stage)
    except ValueError:
        raise UnknownStageError(stage) from None


def _rungs(catalogue: Catalogue, stages: tuple[str, ...]) -> list[Step]:
    wanted = set(stages)
    return [step for step in catalogue.steps + catalogue.ladder_steps if step.stage in wanted]


def path(catalogue: Catalogue, from_stage: str, to_stage: str) -> list[Step]:
    """The steps from ``from_stage`` up to ``to_stage``, in order, numbered along the path.

    Empty when ``to_stage`` is not above ``from_stage`` (nothing left to climb); an unknown stage
    raises :class:`UnknownStageError`.
    """
    low, high = stage_rank(from_stage), stage_rank(to_stage)
    steps = _rungs(catalogue, STAGE_IDS[low + 1 : high + 1])
    return [replace(step, number=number) for number, step in enumerate(steps, start=1)]


def steps_behind(catalogue: Catalogue, current_stage: str) -> list[Step]:
    """The steps of the rungs the user already stands on (the entry steps for a coordinator)."""
    return _rungs(catalogue, STAGE_IDS[1 : stage_rank(current_stage) + 1])


def record_stages(record: Record) -> tuple[str, str]:
    """The record's (current, target) stages, an unknown id read as the default entry → coordinator.

    A record is checked when it is loaded, so an unknown stage only reaches here from a record built
    by hand; the path then falls back to the one every new record starts with.
    """
    current, target = record.profile.current_stage, record.profile.target_stage
    if current not in STAGE_IDS or target not in STAGE_IDS:
        return "entry", "coordinator"
    return current, target


def record_path(record: Record, catalogue: Catalogue) -> list[Step]:
    """The steps of the record's own path: current stage to target stage."""
    return path(catalogue, *record_stages(record))


def schedule_order(steps: list[Step]) -> list[Step]:
    """The steps in the order their dates are proposed.

    The path's order, except that a step which ``starts_after`` another step of the path comes
    right after it: the CCM needs a year or more of case-management work, so its dates follow the
    first job even though the step is listed among the preparations.
    """
    ids = {step.id for step in steps}
    waiting: dict[str, list[Step]] = {}
    for step in steps:
        if step.starts_after in ids and step.starts_after != step.id:
            waiting.setdefault(step.starts_after, []).append(step)
    ordered: list[Step] = []

    def place(step: Step) -> None:
        ordered.append(step)
        for follower in waiting.pop(step.id, []):
            place(follower)

    deferred = {s.id for followers in waiting.values() for s in followers}
    for step in steps:
        if step.id not in deferred:
            place(step)
    # A loop of starts_after (a content slip) must not lose steps: keep them at the end.
    ordered.extend(step for step in steps if step not in ordered)
    return ordered
