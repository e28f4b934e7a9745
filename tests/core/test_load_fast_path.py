"""Loading assessments: the one-pass path accepts and builds exactly what the full checks do."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carepath.core.catalogue import SKILL_IDS
from carepath.core.record_checks import ShapeError, _well_formed_assessment, check_assessment

skills = st.sampled_from([*SKILL_IDS, "not_a_skill"])
levels = st.one_of(st.integers(min_value=-1, max_value=7), st.booleans(), st.just("3"))
texts = st.one_of(st.text(max_size=20), st.none(), st.integers())
stamps = st.one_of(
    st.sampled_from(
        ["2026-05-01T09:30:00+02:00", "2026-05-01T09:30:00", "2026-05-01", "", "yesterday"]
    ),
    st.integers(),
    st.none(),
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=70), st.integers(), st.none()),
        "taken_at": stamps,
        "ratings": st.one_of(st.dictionaries(skills, levels, max_size=4), st.lists(st.integers())),
        "notes": st.one_of(st.dictionaries(skills, texts, max_size=3), st.none()),
        "note": texts,
        "extra": st.integers(),
    },
)


def _outcome(doc: Any) -> object:
    try:
        return check_assessment(doc, "assessment 1")
    except ShapeError as error:
        return ("rejected", str(error))


@given(documents)
def test_the_fast_path_agrees_with_the_checks(doc: dict[str, Any]) -> None:
    quick = _well_formed_assessment(doc)
    outcome = _outcome(doc)
    if quick is not None:
        assert quick == outcome  # accepted by both, the same Assessment
    if not isinstance(outcome, tuple):
        assert quick == outcome  # everything the checks accept is taken by the fast path


def test_a_typical_assessment_takes_the_fast_path() -> None:
    doc = {
        "id": "a1",
        "taken_at": "2026-05-01T09:30:00+02:00",
        "ratings": {"communication": 3},
        "notes": {"communication": "led the huddle"},
        "note": "",
    }
    quick = _well_formed_assessment(doc)
    assert quick is not None and quick == check_assessment(doc, "assessment 1")
    assert quick.ratings is not doc["ratings"]  # never shares the document's tables


@pytest.mark.parametrize("bad", [{"id": ""}, {"taken_at": "yesterday"}, {"ratings": {"x": 3}}])
def test_a_bad_field_still_gets_its_own_message(bad: dict[str, Any]) -> None:
    doc = {"id": "a1", "taken_at": "2026-05-01T09:30:00+02:00", "ratings": {}, **bad}
    assert _well_formed_assessment(doc) is None
    with pytest.raises(ShapeError):
        check_assessment(doc, "assessment 1")
