"""Proposed goals for the largest gaps, built from each skill's development actions.

The user edits whatever we propose; a proposal never replaces an open goal they already have for
the same skill, so pressing "Suggest" twice does not pile up duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from carepath.core.catalogue import Catalogue, Stage
from carepath.core.models import Goal, GoalStatus
from carepath.core.scoring import largest_gaps
from carepath.core.steps import lay_out

WEEKS_PER_LEVEL = 12


def suggest_goals(
    ratings: Mapping[str, int],
    stage: Stage,
    catalogue: Catalogue,
    existing: Iterable[Goal] = (),
    today: date | None = None,
    count: int = 3,
) -> list[Goal]:
    """New goals for up to ``count`` of the largest gaps that have no open goal yet.

    The due date allows about three months per level to climb: long enough to gather evidence,
    short enough to be reviewed at a quarterly conversation with a mentor.
    """
    today = today or date.today()
    open_skills = {
        g.skill for g in existing if g.status in (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)
    }
    proposals = []
    for gap in largest_gaps(ratings, stage, count=len(ratings)):
        if gap.skill in open_skills:
            continue
        skill = catalogue.skill(gap.skill)
        target_level = catalogue.level(gap.target)
        proposals.append(
            Goal.create(
                skill=gap.skill,
                title=f"Reach {target_level.name} in {skill.name}",
                actions="\n".join(f"• {action}" for action in skill.actions),
                due_date=today + timedelta(weeks=WEEKS_PER_LEVEL * gap.gap),
            )
        )
        if len(proposals) == count:
            break
    return proposals


def propose_step_dates(
    durations_weeks: Iterable[tuple[str, int | None]], start: date
) -> dict[str, tuple[date, date]]:
    """Start and target dates for steps laid end to end from ``start``.

    Steps without a typical duration get a month, so the timeline still shows an order and a
    believable projected finish rather than a gap. The rule lives in :mod:`carepath.core.steps`.
    """
    return lay_out(durations_weeks, start)
