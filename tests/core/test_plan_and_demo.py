"""Goal suggestions and the sample record, against the real catalogue."""

from __future__ import annotations

from datetime import date

from carepath.core.catalogue import SKILL_IDS, STEP_IDS, load_catalogue
from carepath.core.demo import build_demo_record
from carepath.core.models import Goal, GoalStatus
from carepath.core.plan import suggest_goals
from carepath.core.scoring import average

TODAY = date(2026, 11, 26)


def test_suggestions_target_the_largest_gaps_with_the_skills_own_actions() -> None:
    catalogue = load_catalogue()
    stage = catalogue.stage("senior")
    ratings = dict.fromkeys(SKILL_IDS, 4) | {"negotiation": 1, "leadership": 2}
    goals = suggest_goals(ratings, stage, catalogue, today=TODAY)
    assert [g.skill for g in goals][:1] == ["negotiation"]
    assert all(g.due_date is not None and g.due_date > TODAY for g in goals)
    negotiation = catalogue.skill("negotiation")
    assert negotiation.actions
    assert all(action in goals[0].actions for action in negotiation.actions)


def test_suggestions_skip_skills_that_already_have_an_open_goal() -> None:
    catalogue = load_catalogue()
    stage = catalogue.stage("director")
    ratings = dict.fromkeys(SKILL_IDS, 1)
    first = suggest_goals(ratings, stage, catalogue, today=TODAY)
    second = suggest_goals(ratings, stage, catalogue, existing=first, today=TODAY)
    assert len(first) == 3
    assert not {g.skill for g in first} & {g.skill for g in second}
    done = [Goal.create(first[0].skill, "x", status=GoalStatus.DONE)]
    again = suggest_goals(ratings, stage, catalogue, existing=done, today=TODAY)
    assert first[0].skill in {g.skill for g in again}


def test_no_suggestions_when_every_target_is_met() -> None:
    catalogue = load_catalogue()
    ratings = dict.fromkeys(SKILL_IDS, 5)
    assert suggest_goals(ratings, catalogue.stage("director"), catalogue, today=TODAY) == []


def test_demo_record_is_a_believable_year() -> None:
    record = build_demo_record(today=TODAY)
    assert len(record.assessments) == 12
    taken = [a.taken_at for a in record.assessments]
    assert taken == sorted(taken)
    assert (taken[-1] - taken[0]).days > 300
    first, last = record.assessments[0], record.assessments[-1]
    assert average(last.ratings) > average(first.ratings)  # type: ignore[operator]
    assert "decision_making" not in last.ratings  # shows what "not rated yet" looks like
    assert set(record.steps) == set(STEP_IDS)
    statuses = {s.status.value for s in record.steps.values()}
    assert statuses == {"done", "in_progress", "not_started"}
    assert len(record.goals) >= 3
    assert len({a.id for a in record.assessments}) == 12
    assert build_demo_record(today=TODAY) == record
