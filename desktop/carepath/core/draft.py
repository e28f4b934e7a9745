"""An assessment being filled in: starts from the latest ratings and evidence, knows what changed.

Kept apart from the Assess page so the rules ("a new assessment starts from the previous ratings
and evidence notes", "what counts as unsaved work", "an unchanged draft is not a new
assessment") are tested without a window, and so the command line or any other front end could
share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import LEVEL_MAX, LEVEL_MIN, Assessment


class AssessmentDraft:
    """Ratings (``None`` = not rated yet), per-skill evidence notes and a general note."""

    def __init__(
        self, base: Mapping[str, int] | None = None, base_notes: Mapping[str, str] | None = None
    ) -> None:
        self._base: dict[str, int] = dict(base or {})
        self._ratings: dict[str, int] = dict(self._base)
        self._base_notes: dict[str, str] = {k: v for k, v in (base_notes or {}).items() if v}
        self._notes: dict[str, str] = dict(self._base_notes)
        self.note = ""

    @classmethod
    def from_latest(cls, latest: Assessment | None) -> AssessmentDraft:
        """A new draft carrying the latest ratings and per-skill evidence forward, to edit.

        Evidence usually still holds a month later (the exported plan shows it beside each
        skill), so it is kept rather than typed again; the general note is about one month and
        starts empty.
        """
        if latest is None:
            return cls()
        return cls(latest.ratings, latest.notes)

    @property
    def is_first(self) -> bool:
        """No earlier assessment to compare with: nothing can be "changed" from it."""
        return not self._base and not self._base_notes

    # -- reading ------------------------------------------------------------------------------
    @property
    def base(self) -> Mapping[str, int]:
        return dict(self._base)

    @property
    def ratings(self) -> Mapping[str, int]:
        return dict(self._ratings)

    def level(self, skill: str) -> int | None:
        return self._ratings.get(skill)

    def base_level(self, skill: str) -> int | None:
        return self._base.get(skill)

    def note_for(self, skill: str) -> str:
        return self._notes.get(skill, "")

    @property
    def notes(self) -> Mapping[str, str]:
        return dict(self._notes)

    def values(self) -> list[float | None]:
        """The draft's levels in catalogue order, ``None`` for not rated (for the radar)."""
        return [float(v) if (v := self._ratings.get(s)) is not None else None for s in SKILL_IDS]

    def is_changed(self, skill: str) -> bool:
        """The skill's level differs from where this draft started."""
        return self._ratings.get(skill) != self._base.get(skill)

    def is_note_changed(self, skill: str) -> bool:
        """The skill's evidence differs (ignoring surrounding blanks) from where it started."""
        return self._notes.get(skill, "").strip() != self._base_notes.get(skill, "").strip()

    def changed_skills(self) -> list[str]:
        return [s for s in SKILL_IDS if self.is_changed(s)]

    def has_changes(self) -> bool:
        """Anything the user would lose by walking away: a level or an evidence note changed,
        or a general note typed. A draft without changes would save an identical copy of the
        assessment it started from."""
        return (
            bool(self.changed_skills())
            or any(self.is_note_changed(s) for s in SKILL_IDS)
            or bool(self.note.strip())
        )

    def rated_count(self) -> int:
        return len(self._ratings)

    # -- editing ------------------------------------------------------------------------------
    def set_level(self, skill: str, level: int | None) -> None:
        if skill not in SKILL_IDS:
            raise ValueError(f"unknown skill {skill!r}")
        if level is None:
            self._ratings.pop(skill, None)
            return
        if not LEVEL_MIN <= level <= LEVEL_MAX:
            raise ValueError(f"level must be {LEVEL_MIN}-{LEVEL_MAX}, got {level}")
        self._ratings[skill] = level

    def set_note(self, skill: str, text: str) -> None:
        if skill not in SKILL_IDS:
            raise ValueError(f"unknown skill {skill!r}")
        self._notes[skill] = text

    def to_assessment(self, taken_at: datetime | None = None) -> Assessment:
        """The saved form: blank notes are dropped, a missing skill stays *not rated yet*."""
        return Assessment.create(
            ratings=self._ratings, notes=self._notes, note=self.note.strip(), taken_at=taken_at
        )
