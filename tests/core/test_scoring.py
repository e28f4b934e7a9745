"""Scoring: not-rated skills never count, figures stay on the 1–5 scale, gaps agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from carepath.core.catalogue import SKILL_IDS, Stage
from carepath.core.models import Assessment
from carepath.core.scoring import (
    Gap,
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
    below = largest_gaps(ratings, stage, count=15)
    at_or_above = strengths(ratings, stage, count=15)
    assert sorted(g.skill for g in below + at_or_above) == sorted(ratings)  # each rated skill once
    assert all(g.level < targets[g.skill] for g in below)
    assert all(g.level >= targets[g.skill] for g in at_or_above)


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


# --- the edges the lists turn on -------------------------------------------------------------

THREE_EVERYWHERE = make_stage(dict.fromkeys(SKILL_IDS, 3))


def names(found: list[Gap]) -> list[str]:
    return [g.skill for g in found]


def test_a_skill_exactly_at_target_is_a_strength_not_a_gap() -> None:
    ratings = {"communication": 3, "ethics": 2, "leadership": 4}
    assert names(strengths(ratings, THREE_EVERYWHERE)) == ["leadership", "communication"]
    assert names(largest_gaps(ratings, THREE_EVERYWHERE)) == ["ethics"]  # one level short counts


def test_a_skill_at_target_never_needs_attention_however_long_it_stays_there() -> None:
    history = [at(0, {"communication": 3, "ethics": 2}), at(30, {"communication": 3, "ethics": 2})]
    assert names(needs_attention(history, THREE_EVERYWHERE)) == ["ethics"]


def test_equal_gaps_keep_the_catalogue_order() -> None:
    ratings = {"leadership": 1, "ethics": 2, "communication": 2, "negotiation": 1}
    assert names(largest_gaps(ratings, THREE_EVERYWHERE, count=4)) == [
        "negotiation",  # gap 2, before leadership in the catalogue
        "leadership",
        "communication",  # gap 1, before ethics in the catalogue
        "ethics",
    ]


def test_strengths_put_the_furthest_above_target_first_then_the_higher_level() -> None:
    stage = make_stage({**dict.fromkeys(SKILL_IDS, 3), "communication": 4, "ethics": 2})
    ratings = {"communication": 5, "ethics": 3, "leadership": 5, "negotiation": 3}
    # leadership is 2 above; communication (level 5) and ethics (level 3) 1 above; negotiation at.
    assert names(strengths(ratings, stage, count=4)) == [
        "leadership",
        "communication",
        "ethics",
        "negotiation",
    ]


def test_each_list_names_three_skills_unless_asked_for_more() -> None:
    low = dict.fromkeys(SKILL_IDS, 1)
    high = dict.fromkeys(SKILL_IDS, 5)
    assert len(largest_gaps(low, THREE_EVERYWHERE)) == 3
    assert len(strengths(high, THREE_EVERYWHERE)) == 3
    assert len(needs_attention([at(0, low), at(30, low)], THREE_EVERYWHERE)) == 3
    rising = [at(0, low), at(30, {**low, **dict.fromkeys(SKILL_IDS[:5], 4)})]
    assert len(most_improved(rising)) == 3
    assert len(largest_gaps(low, THREE_EVERYWHERE, count=15)) == 15


def test_readiness_of_a_stage_that_asks_nothing_is_full() -> None:
    nothing_asked = make_stage(dict.fromkeys(SKILL_IDS, 0))
    assert readiness({"ethics": 2}, nothing_asked) == 1.0


def test_a_skill_rated_only_first_and_last_is_compared_across_the_gap() -> None:
    history = [at(0, {"ethics": 1}), at(30, {}), at(60, {}), at(90, {"ethics": 3})]
    assert [(c.skill, c.before, c.after) for c in most_improved(history)] == [("ethics", 1, 3)]
    assert most_improved([at(0, {"ethics": 1}), at(30, {})]) == []  # rated once: no change yet
