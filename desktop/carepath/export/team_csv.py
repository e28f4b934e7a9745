"""The team report as CSV: one row per person, one column per skill, formula-safe.

Each row: the person, their stages, the file it came from with its export date, the latest
self-assessment's date and the reassessment due date, the latest self level of each skill (empty:
not rated), then the latest reviewer, their date and their level of each skill. Text goes through
the history CSV's formula guard, so a name like ``=HYPERLINK(...)`` stays text in a spreadsheet.

Kept apart from ``team_report`` so that ``carepath team --format csv`` loads neither the report's
wording nor the catalogue: the command's cost stays close to reading the files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime

from carepath.core.catalogue import SKILL_IDS
from carepath.core.team import Member
from carepath.export.history_csv import _safe_text as csv_safe

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
    buffer = io.StringIO()
    # CRLF ends a record, so a stray CR inside a field is quoted instead of splitting the row.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for member in members:
        levels, reviewed = member.levels, member.review_levels
        writer.writerow(
            [
                csv_safe(member.name),
                member.current_stage,
                member.target_stage,
                csv_safe(member.file),
                _day(member.exported_at),
                _day(member.assessed_at),
                _day(member.due()),
                *(levels.get(skill, "") for skill in SKILL_IDS),
                csv_safe(member.reviewer),
                _day(member.reviewed_at),
                *(reviewed.get(skill, "") for skill in SKILL_IDS),
            ]
        )
    return buffer.getvalue()
