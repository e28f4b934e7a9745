"""Shared sample data for the chart tests: plain values, the way the GUI and exporters pass them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from carepath.charts import RadarData, TimelineItem

SKILL_NAMES: tuple[str, ...] = (
    "Communication",
    "Organization",
    "Interpersonal skills",
    "Problem-solving",
    "Medical terminology",
    "Computer skills",
    "Attention to detail",
    "Negotiation",
    "Crisis management",
    "Understanding of the healthcare system",
    "Ethics",
    "Leadership",
    "Time management",
    "Flexibility",
    "Decision-making",
)
TODAY = date(2026, 11, 26)
TZ = timezone(timedelta(hours=2))


@pytest.fixture
def skill_names() -> tuple[str, ...]:
    return SKILL_NAMES


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def radar_data() -> RadarData:
    return RadarData(
        labels=SKILL_NAMES,
        target=[4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 4, 3, 4, 4, 4],
        current=[3, 2, 4, 3, None, 2, 3, 2, 3, None, 4, 2, 3, 3, 2],
        previous=[2, 2, 3, 3, 2, 2, 3, 1, 2, 2, 3, 1, 2, 3, 2],
    )


def _monthly(values: list[int]) -> list[tuple[datetime, float]]:
    # 21:30 at UTC+2 is 19:30 UTC: still the same day, whichever zone the axis uses.
    first = datetime(2025, 11, 1, 21, 30, tzinfo=TZ)
    return [(first + timedelta(days=30 * i), float(v)) for i, v in enumerate(values)]


@pytest.fixture
def progress_series() -> dict[str, list[tuple[datetime, float]]]:
    return {
        name: _monthly([1 + (i + m * (i % 3)) % 5 for m in range(12)])
        for i, name in enumerate(SKILL_NAMES)
    }


@pytest.fixture
def timeline_items() -> list[TimelineItem]:
    return [
        TimelineItem(
            "Understand the role",
            date(2026, 1, 5),
            date(2026, 2, 1),
            date(2026, 1, 28),
            "done",
            False,
        ),
        TimelineItem(
            "Get the right education",
            date(2026, 2, 1),
            date(2026, 8, 1),
            None,
            "in_progress",
            False,
        ),
        TimelineItem(
            "Strengthen your communication",
            date(2026, 6, 1),
            date(2026, 10, 1),
            None,
            "in_progress",
            True,
        ),
        TimelineItem(
            "Sharpen organization and planning",
            None,
            date(2026, 12, 15),
            None,
            "not_started",
            False,
        ),
        TimelineItem(
            "Learn the legal and ethical side", None, date(2026, 11, 1), None, "not_started", True
        ),
        TimelineItem("Know your community resources", None, None, None, "not_started", False),
        TimelineItem(
            "Earn certifications", date(2027, 1, 1), date(2027, 6, 1), None, "not_started", False
        ),
    ]
