"""The assessment history as CSV: one row per assessment, one column per skill.

Spreadsheet users get plain numbers (empty cell = not rated yet). Text that a spreadsheet would run
as a formula (starting with = + - @) is prefixed with an apostrophe, so a note cannot become code.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment
from carepath.core.scoring import average

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def history_csv(assessments: Iterable[Assessment]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "taken_at", "average", *SKILL_IDS, "note"])
    for assessment in assessments:
        mean = average(assessment.ratings)
        writer.writerow(
            [
                assessment.id,
                assessment.taken_at.isoformat(),
                f"{mean:.2f}" if mean is not None else "",
                *(assessment.ratings.get(skill, "") for skill in SKILL_IDS),
                _safe_text(assessment.note),
            ]
        )
    return buffer.getvalue()
