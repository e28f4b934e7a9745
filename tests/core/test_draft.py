"""The draft behind the Assess page: where it starts, what counts as a change, what gets saved."""

from __future__ import annotations

import pytest

from carepath.core.catalogue import SKILL_IDS
from carepath.core.draft import AssessmentDraft
from carepath.core.models import Assessment


def test_new_draft_carries_ratings_and_evidence_forward() -> None:
    latest = Assessment.create({"communication": 3, "ethics": 2}, notes={"ethics": "x"}, note="n")
    draft = AssessmentDraft.from_latest(latest)
    assert draft.ratings == {"communication": 3, "ethics": 2}
    assert draft.note_for("ethics") == "x"  # the evidence still holds: editable, not retyped
    assert draft.note == ""  # the general note is about one month
    assert not draft.is_first
    assert not draft.has_changes()
    assert draft.to_assessment().notes == {"ethics": "x"}


def test_editing_carried_evidence_is_a_change_and_restoring_it_is_not() -> None:
    draft = AssessmentDraft.from_latest(Assessment.create({"ethics": 2}, notes={"ethics": "x"}))
    draft.set_note("ethics", "x, and chaired the huddle")
    assert draft.has_changes() and draft.is_note_changed("ethics")
    draft.set_note("ethics", "x ")
    assert not draft.has_changes()
    draft.set_note("ethics", "")
    assert draft.has_changes()  # removing evidence is a change too
    assert draft.to_assessment().notes == {}


def test_first_draft_has_nothing_rated() -> None:
    draft = AssessmentDraft.from_latest(None)
    assert draft.values() == [None] * len(SKILL_IDS)
    assert draft.rated_count() == 0
    assert draft.is_first


def test_changes_are_tracked_and_undoing_a_change_clears_it() -> None:
    draft = AssessmentDraft({"communication": 3})
    draft.set_level("communication", 4)
    draft.set_level("leadership", 2)
    assert draft.changed_skills() == ["communication", "leadership"]
    draft.set_level("communication", 3)
    draft.set_level("leadership", None)
    assert draft.changed_skills() == []
    assert not draft.has_changes()


def test_a_typed_note_is_unsaved_work() -> None:
    draft = AssessmentDraft()
    draft.set_note("ethics", "  ")
    assert not draft.has_changes()
    draft.set_note("ethics", "Led the ethics huddle")
    assert draft.has_changes()
    other = AssessmentDraft()
    other.note = "general"
    assert other.has_changes()


def test_to_assessment_drops_blank_notes_and_keeps_not_rated_absent() -> None:
    draft = AssessmentDraft({"communication": 3})
    draft.set_level("ethics", 5)
    draft.set_note("ethics", "Evidence")
    draft.set_note("communication", "   ")
    draft.note = " monthly "
    saved = draft.to_assessment()
    assert saved.ratings == {"communication": 3, "ethics": 5}
    assert saved.notes == {"ethics": "Evidence"}
    assert saved.note == "monthly"
    assert "leadership" not in saved.ratings


@pytest.mark.parametrize("level", [0, 6])
def test_levels_off_the_scale_are_refused(level: int) -> None:
    with pytest.raises(ValueError):
        AssessmentDraft().set_level("ethics", level)


def test_unknown_skill_is_refused() -> None:
    with pytest.raises(ValueError):
        AssessmentDraft().set_level("juggling", 3)
