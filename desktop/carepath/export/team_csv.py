"""The team report as CSV: one row per person, one column per skill, formula-safe.

Each row: the person, their stages, the file it came from with its export date, the latest
self-assessment's date and the reassessment due date, the latest self level of each skill (empty:
not rated), then the latest reviewer, their date and their level of each skill. Text goes through
the history CSV's formula guard, so a name like ``=HYPERLINK(...)`` stays text in a spreadsheet.

Kept apart from ``team_report`` so that ``carepath team --format csv`` loads neither the report's
wording nor the catalogue: the command's cost stays close to reading the files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from carepath.core.catalogue import SKILL_IDS
from carepath.core.team import Member
from carepath.export.history_csv import text_cell

HEADER = (
    "name",
    "current_stage",
    "target_stage",
    "file",
    "exported_at",
    "assessed_at",
    "reassessment_due",
    *SKILL_IDS,
    "reviewer",
    "reviewed_at",
    *(f"review_{skill}" for skill in SKILL_IDS),
)


def _day(value: datetime | date | None) -> str:
    if value is None:
        return ""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def team_csv(members: Iterable[Member]) -> str:
    rows = [",".join(HEADER)]
    for member in members:
        levels, reviewed = member.levels, member.review_levels
        cells = [
            text_cell(member.name),
            text_cell(member.current_stage),
            text_cell(member.target_stage),
            text_cell(member.file),
            _day(member.exported_at),
            _day(member.assessed_at),
            _day(member.due()),
            *(str(levels.get(skill, "")) for skill in SKILL_IDS),
            text_cell(member.reviewer),
            _day(member.reviewed_at),
            *(str(reviewed.get(skill, "")) for skill in SKILL_IDS),
        ]
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"
