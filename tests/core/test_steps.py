"""The step rules: proposed target dates, the projected finish, status changes, timeline rows."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from carepath.core.catalogue import STEP_IDS, load_catalogue
from carepath.core.models import Record, StepProgress, StepStatus
from carepath.core.plan import propose_step_dates
from carepath.core.steps import (
    DEFAULT_DURATION_WEEKS,
    checklist_done,
    duration_weeks,
    projected_finish,
    propose_target_dates,
    proposed_targets,
    timeline_rows,
    with_checklist_item,
    with_status,
)

TODAY = date(2026, 11, 26)
CATALOGUE = load_catalogue()


def _weeks(step_id: str) -> timedelta:
    return timedelta(weeks=duration_weeks(CATALOGUE.step(step_id)))


#: The order dates are proposed in on the entry path: the CCM waits for the first job.
SCHEDULE = [s for s in STEP_IDS if s != "certification"] + ["certification"]


def test_empty_record_lays_every_step_end_to_end_from_today() -> None:
    proposed = proposed_targets(Record(), CATALOGUE, TODAY)
    assert list(proposed) == SCHEDULE
    cursor = TODAY
    for step_id in SCHEDULE:
        cursor += _weeks(step_id)
        assert proposed[step_id] == cursor
    assert projected_finish(Record(), CATALOGUE, TODAY) == cursor
    # The certification is never proposed before the first job is expected.
    assert proposed["certification"] > proposed["apply"]


def test_steps_without_a_duration_get_a_month() -> None:
    ongoing = CATALOGUE.step("communication")
    assert ongoing.duration_weeks is None
    assert duration_weeks(ongoing) == DEFAULT_DURATION_WEEKS


def test_user_dates_are_kept_and_push_later_proposals(demo_record: Record) -> None:
    changed = propose_target_dates(demo_record, CATALOGUE, TODAY)
    # In the sample the unfinished steps without a target are these, in schedule order.
    assert [p.step_id for p in changed] == ["community_resources", "apply", "certification"]
    network = demo_record.step("network").target_date
    assert network == TODAY + timedelta(days=200)
    community, apply, certification = changed
    assert community.target_date is not None and community.target_date < network
    assert apply.target_date == network + _weeks("apply")
    assert certification.target_date == apply.target_date + _weeks("certification")
    # Everything else about the step is untouched.
    assert community.with_changes(target_date=None) == demo_record.step("community_resources")


def test_overdue_and_done_steps_never_pull_proposals_into_the_past() -> None:
    record = Record(
        steps={
            "understand_role": StepProgress(
                "understand_role", StepStatus.IN_PROGRESS, target_date=TODAY - timedelta(days=90)
            ),
            "education": StepProgress(
                "education", StepStatus.DONE, done_date=TODAY - timedelta(days=400)
            ),
        }
    )
    proposed = proposed_targets(record, CATALOGUE, TODAY)
    assert "understand_role" not in proposed and "education" not in proposed
    assert proposed["experience"] == TODAY + _weeks("experience")


def test_a_later_start_date_delays_the_proposal() -> None:
    start = TODAY + timedelta(days=100)
    record = Record(steps={"understand_role": StepProgress("understand_role", start_date=start)})
    assert proposed_targets(record, CATALOGUE, TODAY)["understand_role"] == start + _weeks(
        "understand_role"
    )


def test_projected_finish_counts_overdue_steps_as_finishing_today_at_the_earliest() -> None:
    done = {
        s: StepProgress(s, StepStatus.DONE, done_date=TODAY - timedelta(days=30)) for s in STEP_IDS
    }
    assert projected_finish(Record(steps=done), CATALOGUE, TODAY) == TODAY - timedelta(days=30)
    late = dict(done)
    late["apply"] = StepProgress("apply", StepStatus.IN_PROGRESS, target_date=TODAY - timedelta(5))
    assert projected_finish(Record(steps=late), CATALOGUE, TODAY) == TODAY
    undated = {s: StepProgress(s, StepStatus.DONE) for s in STEP_IDS}
    assert projected_finish(Record(steps=undated), CATALOGUE, TODAY) is None


def test_projected_finish_of_the_sample(demo_record: Record) -> None:
    changed = propose_target_dates(demo_record, CATALOGUE, TODAY)
    assert projected_finish(demo_record, CATALOGUE, TODAY) == changed[-1].target_date


def test_status_changes_fill_the_matching_dates() -> None:
    blank = StepProgress("education")
    started = with_status(blank, StepStatus.IN_PROGRESS, TODAY)
    assert started.start_date == TODAY and started.done_date is None
    done = with_status(started, StepStatus.DONE, TODAY + timedelta(days=3))
    assert done.status is StepStatus.DONE
    assert done.done_date == TODAY + timedelta(days=3)
    assert done.start_date == TODAY
    kept = with_status(done.with_changes(done_date=TODAY), StepStatus.DONE, TODAY + timedelta(9))
    assert kept.done_date == TODAY
    reopened = with_status(done, StepStatus.NOT_STARTED, TODAY)
    assert reopened.done_date is None and reopened.start_date == TODAY


def test_checklist_helpers() -> None:
    step = CATALOGUE.step("certification")
    progress = with_checklist_item(StepProgress(step.id), "ccm", True)
    progress = with_checklist_item(progress, "research_requirements", True)
    progress = with_checklist_item(progress, "research_requirements", False)
    assert progress.checklist == {"ccm": True}
    assert checklist_done(progress, step) == (1, len(step.checklist))


def test_timeline_rows(demo_record: Record) -> None:
    rows = timeline_rows(demo_record, CATALOGUE, TODAY)
    assert [r.step_id for r in rows] == list(STEP_IDS)
    assert rows[0].label == "1. Understand the role"
    overdue = [r.step_id for r in rows if r.overdue]
    assert overdue == ["legal_ethics"]
    education = rows[1]
    assert education.status == "done" and education.done is not None
    assert rows[2].done is None  # in progress: no done marker


def test_plan_delegates_to_the_same_layout() -> None:
    laid = propose_step_dates([("a", 2), ("b", None)], TODAY)
    assert laid == {
        "a": (TODAY, TODAY + timedelta(weeks=2)),
        "b": (TODAY + timedelta(weeks=2), TODAY + timedelta(weeks=2 + DEFAULT_DURATION_WEEKS)),
    }


# --- properties ---------------------------------------------------------------------------------
_days = st.integers(min_value=-800, max_value=800).map(lambda n: TODAY + timedelta(days=n))
_progress = st.builds(
    lambda status, start, target, done: (status, start, target, done),
    st.sampled_from(list(StepStatus)),
    st.none() | _days,
    st.none() | _days,
    st.none() | _days,
)


@st.composite
def _records(draw: st.DrawFn) -> tuple[Record, date]:
    steps = {}
    for step_id in STEP_IDS:
        if draw(st.booleans()):
            status, start, target, done = draw(_progress)
            steps[step_id] = StepProgress(step_id, status, start, target, done)
    today = draw(_days)
    return Record(steps=steps), today


@settings(max_examples=150, deadline=None, database=None)
@given(_records())
def test_proposals_never_go_backwards_and_cover_every_unfinished_step(
    case: tuple[Record, date],
) -> None:
    record, today = case
    changed = propose_target_dates(record, CATALOGUE, today)
    steps = dict(record.steps)
    for progress in changed:
        assert record.step(progress.step_id).target_date is None
        steps[progress.step_id] = progress
    filled = Record(steps=steps)

    # Every unfinished step now has a target; done steps were left alone.
    for step_id in STEP_IDS:
        progress = filled.step(step_id)
        if progress.status is not StepStatus.DONE:
            assert progress.target_date is not None
        else:
            assert progress == record.step(step_id)

    # Proposals lie after today and after the step's own start, in step order.
    targets = [p.target_date for p in changed]
    assert targets == sorted(targets)
    for progress in changed:
        assert progress.target_date is not None and progress.target_date > today
        if progress.start_date is not None:
            assert progress.target_date > progress.start_date

    # Proposing again changes nothing; the projected finish does not move.
    assert propose_target_dates(filled, CATALOGUE, today) == []
    finish = projected_finish(record, CATALOGUE, today)
    assert projected_finish(filled, CATALOGUE, today) == finish

    # The finish is no earlier than any step's end, and not before today while work remains.
    for step_id in STEP_IDS:
        progress = filled.step(step_id)
        end = progress.done_date if progress.status is StepStatus.DONE else progress.target_date
        if end is not None:
            assert finish is not None and finish >= end
        if progress.status is not StepStatus.DONE:
            assert finish is not None and finish >= today
