"""Scoring: not-rated skills never count, figures stay on the 1–5 scale, gaps agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from carepath.core.catalogue import SKILL_IDS, Stage
from carepath.core.models import Assessment
from carepath.core.scoring import (
    average,
    average_series,
    changes,
    gaps,
    largest_gaps,
    most_improved,
    needs_attention,
    readiness,
    skill_series,
    strengths,
)

levels = st.integers(min_value=1, max_value=5)
ratings_strategy = st.dictionaries(st.sampled_from(SKILL_IDS), levels)
targets_strategy = st.fixed_dictionaries({skill: levels for skill in SKILL_IDS})


def make_stage(targets: dict[str, int]) -> Stage:
    return Stage("test", "Test", "", 1, 2, False, "", targets)


def at(day: int, ratings: dict[str, int]) -> Assessment:
    taken = datetime(2026, 1, 1).astimezone() + timedelta(days=day)
    return Assessment.create(ratings, taken_at=taken)


@given(ratings_strategy)
def test_average_stays_on_the_scale_and_ignores_unrated(ratings: dict[str, int]) -> None:
    value = average(ratings)
    if not ratings:
        assert value is None
    else:
        assert value is not None
        assert 1 <= value <= 5
        assert value == sum(ratings.values()) / len(ratings)


@given(ratings_strategy, targets_strategy)
def test_gaps_never_count_a_not_rated_skill(
    ratings: dict[str, int], targets: dict[str, int]
) -> None:
    stage = make_stage(targets)
    found = gaps(ratings, stage)
    assert {g.skill for g in found} == set(ratings)
    assert [g.gap for g in found] == sorted((g.gap for g in found), reverse=True)
    assert all(g.gap > 0 for g in largest_gaps(ratings, stage, count=15))
    assert all(g.gap <= 0 for g in strengths(ratings, stage, count=15))


@given(ratings_strategy, targets_strategy)
def test_readiness_is_a_share_and_full_only_when_every_rated_target_is_met(
    ratings: dict[str, int], targets: dict[str, int]
) -> None:
    stage = make_stage(targets)
    value = readiness(ratings, stage)
    if not ratings:
        assert value is None
        return
    assert value is not None
    assert 0 < value <= 1
    assert (value == 1) == all(ratings[s] >= targets[s] for s in ratings)


def test_readiness_does_not_let_one_strength_hide_a_gap() -> None:
    stage = make_stage(dict.fromkeys(SKILL_IDS, 3))
    assert readiness({"communication": 5, "ethics": 1}, stage) == (3 + 1) / 6


def test_changes_cover_only_skills_rated_in_both() -> None:
    before = at(0, {"communication": 2, "ethics": 3})
    after = at(30, {"communication": 4, "leadership": 1})
    found = changes(before, after)
    assert [(c.skill, c.delta) for c in found] == [("communication", 2)]


def test_most_improved_and_needs_attention_over_a_history() -> None:
    history = [
        at(0, {"communication": 1, "ethics": 2, "leadership": 2}),
        at(30, {"communication": 2, "ethics": 2, "leadership": 1}),
        at(60, {"communication": 4, "ethics": 2, "leadership": 1}),
    ]
    improved = most_improved(history)
    assert [(c.skill, c.before, c.after) for c in improved] == [("communication", 1, 4)]
    stage = make_stage(dict.fromkeys(SKILL_IDS, 3))
    attention = needs_attention(history, stage)
    assert [g.skill for g in attention] == ["leadership", "ethics"]


def test_series_skip_assessments_that_did_not_rate_the_skill() -> None:
    history = [at(0, {"ethics": 2}), at(30, {}), at(60, {"ethics": 4, "leadership": 2})]
    assert [v for _, v in skill_series(history, "ethics")] == [2.0, 4.0]
    assert [v for _, v in average_series(history)] == [2.0, 3.0]


@given(st.dictionaries(st.sampled_from(SKILL_IDS), st.integers(1, 5), max_size=15))
def test_an_assessments_average_is_scorings_and_kept(ratings: dict[str, int]) -> None:
    assessment = Assessment.create(ratings)
    assert assessment.average == average(ratings)
    assert "average" in vars(assessment)  # computed once, kept with the assessment
    changed = replace(assessment, ratings={**ratings, "ethics": 1})
    assert changed.average == average(changed.ratings)
    assert changed == replace(assessment, ratings={**ratings, "ethics": 1})  # equality: fields only
