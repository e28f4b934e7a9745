"""A share: the backup a person gives their manager, without the text they wrote for themselves.

A share is a backup document (same ``"format"``, same version, same schema) with the private text
fields emptied and a ``"share"`` object saying so, so every reader of backups also reads shares,
and the team view (``core.team``) tells the two apart. The function works on the whole backup
document rather than on the record: a key a later version adds to the backup passes through
untouched unless it is named here as private, so a share never silently drops, say, reviews.

What is private by default is the free text a person writes about their own work: the evidence
note on each skill and the note on an assessment, the note on a step, a goal's actions and
resources, and a reviewer's comments and message. Names, stages, levels, dates, step statuses and
goal titles go, because they are what a manager reads. ``include_notes`` keeps everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SHARE_KEY = "share"

#: For each list of the backup: the fields of its entries emptied in a share, and their empty value.
PRIVATE_FIELDS: Mapping[str, Mapping[str, Any]] = {
    "assessments": {"notes": {}, "note": ""},
    "steps": {"note": ""},
    "goals": {"actions": "", "resources": ""},
    "reviews": {"comments": {}, "message": ""},
}


@dataclass(frozen=True)
class ShareSummary:
    """What a share holds and what it leaves out, counted, for the dialog that asks first."""

    assessments: int
    steps: int
    goals: int
    reviews: int
    evidence_notes: int
    assessment_notes: int
    step_notes: int
    goal_texts: int
    review_comments: int

    @property
    def private_texts(self) -> int:
        return (
            self.evidence_notes
            + self.assessment_notes
            + self.step_notes
            + self.goal_texts
            + self.review_comments
        )


def _entries(document: Mapping[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    return value if isinstance(value, list) else []


def _filled(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def summarise(document: Mapping[str, Any]) -> ShareSummary:
    """Counts of what goes and of the private text a share without notes leaves out."""

    def count(key: str, field: str) -> int:
        total = 0
        for entry in _entries(document, key):
            if not isinstance(entry, dict):
                continue
            value = entry.get(field)
            if field in ("notes", "comments") and isinstance(value, dict):
                total += sum(1 for text in value.values() if _filled(text))
            elif _filled(value):
                total += 1
        return total

    goal_texts = sum(
        1
        for goal in _entries(document, "goals")
        if isinstance(goal, dict)
        and (_filled(goal.get("actions")) or _filled(goal.get("resources")))
    )
    return ShareSummary(
        assessments=len(_entries(document, "assessments")),
        steps=len(_entries(document, "steps")),
        goals=len(_entries(document, "goals")),
        reviews=len(_entries(document, "reviews")),
        evidence_notes=count("assessments", "notes"),
        assessment_notes=count("assessments", "note"),
        step_notes=count("steps", "note"),
        goal_texts=goal_texts,
        review_comments=count("reviews", "comments") + count("reviews", "message"),
    )


def make_share(backup: Mapping[str, Any], *, include_notes: bool = False) -> dict[str, Any]:
    """The share of a full backup document: a new document, ``backup`` itself is not changed."""
    share: dict[str, Any] = dict(backup)
    if not include_notes:
        for key, private in PRIVATE_FIELDS.items():
            entries = backup.get(key)
            if not isinstance(entries, list):
                continue
            share[key] = [
                {**entry, **{f: _empty(v) for f, v in private.items() if f in entry}}
                if isinstance(entry, dict)
                else entry
                for entry in entries
            ]
    share[SHARE_KEY] = {"notes_included": include_notes}
    return share


def _empty(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


def is_share(document: Mapping[str, Any]) -> bool:
    return isinstance(document.get(SHARE_KEY), dict)
