"""Rules for the steps of the user's path: proposed target dates, projected finish, timeline.

Qt-free so that the Steps page, the exports and the tests share one answer. Every function here
works on the record's own path (current stage to target stage, :mod:`carepath.core.career_path`):
the ten entry steps for someone not yet in the role, the ladder steps for a coordinator aiming
higher. Dates are proposed by laying the unfinished steps end to end in the path's schedule order
from today, each taking its typical duration (a month when the content gives none, as for the
"ongoing, alongside" steps). A date the user set is never moved: it only pushes the proposals that
come after it.

The timeline rows are plain data with the same fields as ``carepath.charts.timeline.TimelineItem``;
the core may not import the charts (the arrows point the other way), so the caller converts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from carepath.core.career_path import record_path, schedule_order
from carepath.core.catalogue import Catalogue, Step
from carepath.core.models import Record, StepProgress, StepStatus

#: Weeks given to a step that has no typical duration in the catalogue.
DEFAULT_DURATION_WEEKS = 4


def duration_weeks(step: Step) -> int:
    """The step's typical length in weeks, or the default month when the guide gives none."""
    return step.duration_weeks or DEFAULT_DURATION_WEEKS


def lay_out(
    durations_weeks: Iterable[tuple[str, int | None]], start: date
) -> dict[str, tuple[date, date]]:
    """Start and target dates for steps laid end to end from ``start`` (no duration: a month)."""
    proposed = {}
    cursor = start
    for step_id, weeks in durations_weeks:
        end = cursor + timedelta(weeks=weeks or DEFAULT_DURATION_WEEKS)
        proposed[step_id] = (cursor, end)
        cursor = end
    return proposed


def proposed_targets(record: Record, catalogue: Catalogue, today: date) -> dict[str, date]:
    """A target date for every unfinished step that has none, keyed by step id.

    Walks the path's steps in schedule order with a cursor that starts today. A step with its own
    target moves the cursor to that date (when later); an undated step starts at the cursor (or
    at its own later start date) and ends a typical duration after. Proposals therefore never lie
    in the past, never come before the step's start, and never go backwards from one step to the
    next.
    """
    proposed: dict[str, date] = {}
    cursor = today
    for step in schedule_order(record_path(record, catalogue)):
        progress = record.step(step.id)
        if progress.status is StepStatus.DONE:
            continue
        if progress.target_date is not None:
            cursor = max(cursor, progress.target_date)
            continue
        begin = max(cursor, progress.start_date or cursor)
        target = begin + timedelta(weeks=duration_weeks(step))
        proposed[step.id] = target
        cursor = target
    return proposed


def propose_target_dates(record: Record, catalogue: Catalogue, today: date) -> list[StepProgress]:
    """The steps whose empty target date gets a proposal, with that date filled in (in order)."""
    return [
        record.step(step_id).with_changes(target_date=target)
        for step_id, target in proposed_targets(record, catalogue, today).items()
    ]


def projected_finish(record: Record, catalogue: Catalogue, today: date) -> date | None:
    """The day the whole path (the record's current to target stage) is expected to be complete.

    The latest of: each done step's done date; each unfinished step's target (its own, or the
    proposed one when it has none), but never before today, since an overdue step is not finished
    yet. None when every step is done and none has a done date, or when the path is empty (the
    target stage is not above the current one).
    """
    proposed = proposed_targets(record, catalogue, today)
    ends: list[date] = []
    for step in record_path(record, catalogue):
        progress = record.step(step.id)
        if progress.status is StepStatus.DONE:
            if progress.done_date is not None:
                ends.append(progress.done_date)
            continue
        target = progress.target_date or proposed[step.id]
        ends.append(max(target, today))
    return max(ends) if ends else None


def with_status(progress: StepProgress, status: StepStatus, today: date) -> StepProgress:
    """The step moved to ``status``, with the dates that go with it.

    Done fills an empty done date with today; in progress fills an empty start date with today and
    clears a done date; not started clears the done date. Dates the user set are otherwise kept.
    """
    if status is StepStatus.DONE:
        return progress.with_changes(status=status, done_date=progress.done_date or today)
    if status is StepStatus.IN_PROGRESS:
        return progress.with_changes(
            status=status, start_date=progress.start_date or today, done_date=None
        )
    return progress.with_changes(status=status, done_date=None)


def with_checklist_item(progress: StepProgress, item_id: str, checked: bool) -> StepProgress:
    """The step with one checklist item ticked or cleared (a cleared item is simply left out)."""
    checklist = {key: value for key, value in progress.checklist.items() if key != item_id}
    if checked:
        checklist[item_id] = True
    return progress.with_changes(checklist=checklist)


def checklist_done(progress: StepProgress, step: Step) -> tuple[int, int]:
    """(ticked, total) over the step's checklist items in the catalogue."""
    ticked = sum(1 for item in step.checklist if progress.checklist.get(item.id, False))
    return ticked, len(step.checklist)


@dataclass(frozen=True)
class TimelineRow:
    """One bar of the steps timeline; the same fields as the chart's ``TimelineItem``."""

    step_id: str
    label: str
    start: date | None
    end: date | None
    done: date | None
    status: str
    overdue: bool


def timeline_rows(record: Record, catalogue: Catalogue, today: date) -> list[TimelineRow]:
    """The path's steps in order as timeline rows: label "n. title", dates, status, overdue."""
    rows = []
    for step in record_path(record, catalogue):
        progress = record.step(step.id)
        rows.append(
            TimelineRow(
                step_id=step.id,
                label=f"{step.number}. {step.title}",
                start=progress.start_date,
                end=progress.target_date,
                done=progress.done_date if progress.status is StepStatus.DONE else None,
                status=progress.status.value,
                overdue=progress.is_overdue(today),
            )
        )
    return rows
