"""Paths from each career stage to each higher one, and the step rules that follow them."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from carepath.core.career_path import (
    UnknownStageError,
    path,
    record_path,
    schedule_order,
    stage_rank,
    steps_behind,
)
from carepath.core.catalogue import LADDER_STEP_IDS, STAGE_IDS, STEP_IDS, load_catalogue
from carepath.core.models import Profile, Record, StepProgress, StepStatus
from carepath.core.steps import projected_finish, proposed_targets, timeline_rows

TODAY = date(2026, 11, 26)
PAIRS = [(a, b) for a, b in itertools.combinations(STAGE_IDS, 2)]
#: The stage each step id leads to, as the content says (checked below against the files).
LEADS_TO = {**{s: "coordinator" for s in STEP_IDS}, **{s: s.split("_")[0] for s in LADDER_STEP_IDS}}


def _record(current: str, target: str, **steps: StepProgress) -> Record:
    return Record(profile=Profile(current_stage=current, target_stage=target), steps=steps)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("low", "high"), PAIRS)
def test_every_path_climbs_rung_by_rung_in_content_order(low: str, high: str, language: str):
    catalogue = load_catalogue(language)
    steps = path(catalogue, low, high)
    rungs = STAGE_IDS[STAGE_IDS.index(low) + 1 : STAGE_IDS.index(high) + 1]
    expected = [s for s in STEP_IDS + LADDER_STEP_IDS if LEADS_TO[s] in rungs]
    assert [s.id for s in steps] == expected
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert all(s.stage in rungs for s in steps)
    # Every step of a move up has what a user needs to act on it, in this language.
    for step in steps:
        assert step.title and step.summary and step.skills and step.checklist
        if step.id in LADDER_STEP_IDS:
            assert step.duration_text, step.id


@pytest.mark.parametrize(("low", "high"), PAIRS)
def test_paths_join_up(low: str, high: str):
    """Climbing two rungs is climbing one, then the next: nothing dropped, nothing doubled."""
    catalogue = load_catalogue()
    whole = [s.id for s in path(catalogue, low, high)]
    for middle in STAGE_IDS[STAGE_IDS.index(low) + 1 : STAGE_IDS.index(high)]:
        halves = [s.id for s in path(catalogue, low, middle) + path(catalogue, middle, high)]
        assert halves == whole


def test_the_entry_path_is_the_ten_steps_in_their_contract_order():
    catalogue = load_catalogue()
    steps = path(catalogue, "entry", "coordinator")
    assert tuple(s.id for s in steps) == STEP_IDS
    assert steps == list(catalogue.steps)


def test_a_coordinator_aiming_higher_sees_no_entry_step():
    catalogue = load_catalogue()
    for target in ("senior", "manager", "director"):
        ids = {s.id for s in path(catalogue, "coordinator", target)}
        assert ids.isdisjoint(STEP_IDS)
    assert [s.id for s in steps_behind(catalogue, "coordinator")] == list(STEP_IDS)
    assert steps_behind(catalogue, "entry") == []


@pytest.mark.parametrize("stage", STAGE_IDS)
def test_no_path_down_or_sideways(stage: str):
    catalogue = load_catalogue()
    for lower in STAGE_IDS[: STAGE_IDS.index(stage) + 1]:
        assert path(catalogue, stage, lower) == []


def test_an_unknown_stage_is_named_in_one_sentence():
    with pytest.raises(UnknownStageError, match="'chief' is not a career stage; use one of entry"):
        path(load_catalogue(), "chief", "director")
    with pytest.raises(UnknownStageError):
        stage_rank("")


def test_the_guides_titles_are_on_the_ladder():
    catalogue = load_catalogue()
    text = " ".join(
        f"{s.title} {s.summary} " + " ".join(i.text for i in s.checklist)
        for s in catalogue.ladder_steps
    )
    for title in (
        "Lead Care Coordinator",
        "VP of Patient Services",
        "Executive Director of Care Coordination",
    ):
        assert title in text


def test_the_ccm_rules_and_renewal_are_stated_for_senior_roles():
    catalogue = load_catalogue()
    ccm = catalogue.step("senior_ccm")
    for fact in ("12 months under a CCM-certified supervisor", "24 months", "supervising"):
        assert fact in ccm.summary
    renewal = catalogue.step("senior_renewal")
    assert "every five years" in renewal.summary and "80 hours" in renewal.summary
    assert "eight of them in ethics" in renewal.summary
    assert "Commission for Case Manager Certification (CCMC)" in ccm.organizations


def test_organizations_are_names_not_links():
    catalogue = load_catalogue()
    named = [o for s in catalogue.steps + catalogue.ladder_steps for o in s.organizations]
    assert {"Aging Life Care Association"} <= set(named)
    assert any("CMSA" in o for o in named) and any("ACMA" in o for o in named)
    assert not any("http" in o or "www." in o or "/" in o for o in named)


@pytest.mark.parametrize(("low", "high"), PAIRS)
def test_the_step_rules_follow_the_records_path(low: str, high: str):
    catalogue = load_catalogue()
    record = _record(low, high)
    ids = [s.id for s in path(catalogue, low, high)]
    assert [row.step_id for row in timeline_rows(record, catalogue, TODAY)] == ids
    proposed = proposed_targets(record, catalogue, TODAY)
    assert set(proposed) == set(ids)
    finish = projected_finish(record, catalogue, TODAY)
    assert finish == max(proposed.values()) and finish > TODAY
    # Labels number the path from 1, whatever rung it starts on.
    assert timeline_rows(record, catalogue, TODAY)[0].label.startswith("1. ")


def test_the_certification_is_proposed_after_the_first_job():
    catalogue = load_catalogue()
    order = [s.id for s in schedule_order(path(catalogue, "entry", "director"))]
    assert order.index("certification") == order.index("apply") + 1
    proposed = proposed_targets(_record("entry", "senior"), catalogue, TODAY)
    assert proposed["certification"] > proposed["apply"]


def test_a_finished_climb_has_no_finish_date_and_no_rows():
    catalogue = load_catalogue()
    record = _record("director", "director")
    assert record_path(record, catalogue) == []
    assert projected_finish(record, catalogue, TODAY) is None
    assert timeline_rows(record, catalogue, TODAY) == []


def test_changing_the_target_keeps_progress_on_steps_off_the_path():
    catalogue = load_catalogue()
    done = StepProgress(
        "senior_mentoring",
        StepStatus.DONE,
        done_date=TODAY,
        note="Mentored Sam",
        checklist={"mentor_one": True},
    )
    record = _record("coordinator", "senior", senior_mentoring=done)
    moved = Record(profile=Profile("", "senior", "manager"), steps=record.steps)
    assert "senior_mentoring" not in [s.id for s in record_path(moved, catalogue)]
    assert moved.step("senior_mentoring") == done  # still there for a path that comes back to it
    back = Record(profile=record.profile, steps=moved.steps)
    rows = timeline_rows(back, catalogue, TODAY)
    assert next(r for r in rows if r.step_id == "senior_mentoring").status == "done"


def test_the_sample_person_is_true_to_the_ccm_rules():
    """Associate degree, no license: not eligible yet, whatever her work; months, not hours."""
    from carepath.core.demo import build_demo_record

    for language in ("en", "es"):
        record = build_demo_record(today=TODAY, language=language)
        certification = record.step("certification")
        assert certification.status is StepStatus.NOT_STARTED
        assert certification.target_date is None  # proposed after her first coordinator job
        note = certification.note.lower()
        assert ("hours" not in note) and ("horas" not in note)
        assert ("months" in note) or ("meses" in note)
    proposed = proposed_targets(build_demo_record(today=TODAY), load_catalogue(), TODAY)
    assert proposed["certification"] > proposed["apply"]
