"""The fast paths in scoring (issue 6: a 10,000-assessment history) give the plain definitions."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from carepath.core.catalogue import SKILL_IDS, Stage
from carepath.core.models import Assessment
from carepath.core.scoring import average, most_improved, needs_attention

levels = st.integers(min_value=1, max_value=5)
ratings_strategy = st.dictionaries(st.sampled_from(SKILL_IDS), levels)
histories = st.lists(ratings_strategy, max_size=12)


def plain_average(ratings: dict[str, int]) -> float | None:
    values = [ratings[s] for s in SKILL_IDS if s in ratings]
    return sum(values) / len(values) if values else None


def plain_first_and_last(history: list[Assessment], skill: str) -> tuple[int, int] | None:
    rated = [a.ratings[skill] for a in history if skill in a.ratings]
    return (rated[0], rated[-1]) if len(rated) >= 2 else None


def make_history(ratings: list[dict[str, int]]) -> list[Assessment]:
    start = datetime(2026, 1, 1).astimezone()
    return [
        Assessment.create(r, taken_at=start + timedelta(days=30 * n)) for n, r in enumerate(ratings)
    ]


@given(ratings_strategy)
def test_average_is_the_mean_of_the_rated_skills(ratings: dict[str, int]) -> None:
    assert average({**ratings, "not_a_skill": 5}) == plain_average(ratings)


@given(histories)
def test_improvement_and_attention_use_the_first_and_latest_rating(
    ratings: list[dict[str, int]],
) -> None:
    history = make_history(ratings)
    stage = Stage("test", "Test", "", 1, 2, False, "", dict.fromkeys(SKILL_IDS, 4))
    expected_improved = sorted(
        (
            (skill, ends)
            for skill in SKILL_IDS
            if (ends := plain_first_and_last(history, skill)) and ends[1] > ends[0]
        ),
        key=lambda item: -(item[1][1] - item[1][0]),
    )[:3]
    improved = most_improved(history)
    assert [(c.skill, (c.before, c.after)) for c in improved] == expected_improved
    for gap in needs_attention(history, stage):
        ends = plain_first_and_last(history, gap.skill)
        assert ends is None or ends[1] <= ends[0]
