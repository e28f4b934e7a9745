"""Numbers a user reads off their record: averages, gaps, readiness, change and trends.

A skill that is *not rated yet* is absent from an assessment's ratings. It is left out of every
figure here, never counted as zero: a newcomer who has rated three skills is not "1.0 on average".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from carepath.core.catalogue import SKILL_IDS, Stage
from carepath.core.models import Assessment
from carepath.core.models import average as average  # beside the models: Assessment needs it


@dataclass(frozen=True)
class Gap:
    skill: str
    level: int
    target: int

    @property
    def gap(self) -> int:
        """Positive: levels still to climb; zero or negative: target met or exceeded."""
        return self.target - self.level


@dataclass(frozen=True)
class Change:
    skill: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


def gaps(ratings: Mapping[str, int], stage: Stage) -> list[Gap]:
    """Every rated skill against the stage's target, largest gap first (ties in catalogue order)."""
    rated = [Gap(s, ratings[s], stage.targets[s]) for s in SKILL_IDS if s in ratings]
    return sorted(rated, key=lambda g: -g.gap)


def largest_gaps(ratings: Mapping[str, int], stage: Stage, count: int = 3) -> list[Gap]:
    """The skills furthest below target; skills at or above target are never a 'gap'."""
    return [g for g in gaps(ratings, stage) if g.gap > 0][:count]


def strengths(ratings: Mapping[str, int], stage: Stage, count: int = 3) -> list[Gap]:
    """The skills furthest above (or at) target, highest level first among equals."""
    rated = [Gap(s, ratings[s], stage.targets[s]) for s in SKILL_IDS if s in ratings]
    ranked = sorted(rated, key=lambda g: (g.gap, -g.level))
    return [g for g in ranked if g.gap <= 0][:count]


def readiness(ratings: Mapping[str, int], stage: Stage) -> float | None:
    """Share (0..1) of the stage's target profile met, over the rated skills.

    Each rated skill contributes ``min(level, target)`` of its ``target``: exceeding one target
    cannot make up for missing another. None when nothing is rated.
    """
    rated = [s for s in SKILL_IDS if s in ratings]
    if not rated:
        return None
    needed = sum(stage.targets[s] for s in rated)
    met = sum(min(ratings[s], stage.targets[s]) for s in rated)
    return met / needed if needed else 1.0


def changes(before: Assessment, after: Assessment) -> list[Change]:
    """Skills rated in both assessments, in catalogue order."""
    return [
        Change(s, before.ratings[s], after.ratings[s])
        for s in SKILL_IDS
        if s in before.ratings and s in after.ratings
    ]


def skill_series(assessments: Iterable[Assessment], skill: str) -> list[tuple[datetime, float]]:
    """(date, level) for every assessment that rated the skill, oldest first."""
    return [(a.taken_at, float(a.ratings[skill])) for a in assessments if skill in a.ratings]


def average_series(assessments: Iterable[Assessment]) -> list[tuple[datetime, float]]:
    series = []
    for assessment in assessments:
        value = assessment.average
        if value is not None:
            series.append((assessment.taken_at, value))
    return series


def _first_and_last(assessments: Sequence[Assessment], skill: str) -> tuple[int, int] | None:
    """The skill's first and latest rating, when at least two assessments rated it.

    Searches from each end rather than collecting every rating: a skill is usually rated in the
    first and the latest assessment, so a history of 10,000 costs two look-ups, not 10,000.
    """
    first = next((i for i, a in enumerate(assessments) if skill in a.ratings), None)
    if first is None:
        return None
    last = next(
        i for i in range(len(assessments) - 1, first - 1, -1) if skill in assessments[i].ratings
    )
    if last == first:
        return None
    return assessments[first].ratings[skill], assessments[last].ratings[skill]


def most_improved(assessments: Sequence[Assessment], count: int = 3) -> list[Change]:
    """Skills that rose most from their first to their latest rating (rises only)."""
    found = []
    for skill in SKILL_IDS:
        ends = _first_and_last(assessments, skill)
        if ends and ends[1] > ends[0]:
            found.append(Change(skill, *ends))
    return sorted(found, key=lambda c: -c.delta)[:count]


def needs_attention(assessments: Sequence[Assessment], stage: Stage, count: int = 3) -> list[Gap]:
    """Skills below target that have not risen since they were first rated, widest gap first.

    These are the ones a monthly routine tends to skip: a gap that is closing already gets
    attention; a gap that stays open or widens is the one to name.
    """
    if not assessments:
        return []
    latest = assessments[-1].ratings
    stuck = []
    for gap in gaps(latest, stage):
        if gap.gap <= 0:
            continue
        ends = _first_and_last(assessments, gap.skill)
        if ends is None or ends[1] <= ends[0]:
            stuck.append(gap)
    return stuck[:count]
