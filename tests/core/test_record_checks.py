"""The checks every stored or imported document passes, one rule at a time and at its edges.

A data file has no JSON Schema behind it: these hand-written checks are all that stands between a
damaged file and a half-loaded record, so each limit is tried exactly at its boundary (the last
value accepted, the first refused) and each required field by leaving it out.
"""

# ruff: noqa: E501 -- each refusal is written whole below, as the user reads it (and can grep it).

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from carepath.core import backup
from carepath.core.backup import build_backup, load_backup_file, parse_backup
from carepath.core.errors import ImportRejectedError
from carepath.core.models import Goal, Profile, Record, StepProgress
from carepath.core.record_checks import (
    ShapeError,
    _well_formed_assessment,
    check_assessment,
    check_goal,
    check_profile,
    check_record,
    check_step,
    json_kind,
)
from carepath.core.resources import resource_path

PROFILE = {"name": "Ana", "current_stage": "entry", "target_stage": "senior"}
ASSESSMENT = {"id": "a1", "taken_at": "2026-03-01T09:30:00+00:00", "ratings": {"ethics": 3}}
STEP = {"step_id": "education", "status": "in_progress"}
GOAL = {"id": "g1", "skill": "ethics", "title": "Lead the ethics round"}


def refused(check: Any, doc: object, *words: str) -> str:
    with pytest.raises(ShapeError) as caught:
        check(doc, "the thing")
    message = str(caught.value)
    for word in words:
        assert word in message
    return message


# --- the profile ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["name", "current_stage", "target_stage"])
def test_a_profile_without_a_name_or_a_stage_is_refused(field: str) -> None:
    doc = {k: v for k, v in PROFILE.items() if k != field}
    refused(check_profile, doc, f"has no '{field}'")


@pytest.mark.parametrize(("days", "ok"), [(0, False), (1, True), (3650, True), (3651, False)])
def test_reassessment_interval_limits_are_one_day_and_ten_years(days: int, ok: bool) -> None:
    doc = {**PROFILE, "reassess_interval_days": days}
    if ok:
        assert check_profile(doc).reassess_interval_days == days
    else:
        refused(check_profile, doc, "from 1 to 3650")


@pytest.mark.parametrize("days", [7.0, "30", True, None])
def test_reassessment_interval_must_be_a_whole_number(days: object) -> None:
    refused(check_profile, {**PROFILE, "reassess_interval_days": days}, "whole number of days")


def test_a_profile_name_may_be_200_characters_not_201() -> None:
    assert check_profile({**PROFILE, "name": "x" * 200}).name == "x" * 200
    refused(check_profile, {**PROFILE, "name": "x" * 201}, "longer than 200 characters")


def test_a_profile_created_at_must_be_a_date_and_time_or_empty() -> None:
    assert check_profile({**PROFILE, "created_at": ""}).created_at == ""
    stamp = "2026-05-01T09:30:00+02:00"
    assert check_profile({**PROFILE, "created_at": stamp}).created_at == stamp
    refused(check_profile, {**PROFILE, "created_at": "yesterday"}, "'created_at'", "not a date")
    refused(check_profile, {**PROFILE, "created_at": 5}, "'created_at'", "not text")


# --- assessments -------------------------------------------------------------------------------


def test_naive_and_offset_timestamps_mix_in_one_record_in_time_order() -> None:
    naive = {**ASSESSMENT, "id": "naive", "taken_at": "2026-03-02T09:30:00"}
    aware = {**ASSESSMENT, "id": "aware"}  # 2026-03-01T09:30:00+00:00, a day earlier
    record = check_record(None, [naive, aware], [], [])  # sorting them compares the two kinds
    assert [a.id for a in record.assessments] == ["aware", "naive"]
    local = datetime(2026, 3, 2, 9, 30).astimezone()
    assert record.assessments[1].taken_at == local  # no offset: the computer's own time zone
    assert record.assessments[1].taken_at.tzinfo is not None


@pytest.mark.parametrize("level", [1, 5])
def test_levels_one_and_five_are_accepted(level: int) -> None:
    assert check_assessment({**ASSESSMENT, "ratings": {"ethics": level}}, "a").ratings == {
        "ethics": level
    }


@pytest.mark.parametrize(
    ("field", "limit"), [("id", 64), ("note", 10_000), ("taken_at", 64)], ids=str
)
def test_assessment_text_limits_hold_at_their_boundary(field: str, limit: int) -> None:
    if field == "taken_at":
        at_limit = "2026-03-01T09:30:00.000000+00:00".ljust(limit, "0")[:limit]
        refused(check_assessment, {**ASSESSMENT, field: at_limit + "0"}, f"longer than {limit}")
        return
    assert check_assessment({**ASSESSMENT, field: "x" * limit}, "a") is not None
    refused(check_assessment, {**ASSESSMENT, field: "x" * (limit + 1)}, f"longer than {limit:,}")


def test_a_skill_note_may_be_ten_thousand_characters() -> None:
    ok = check_assessment({**ASSESSMENT, "notes": {"ethics": "x" * 10_000}}, "a")
    assert len(ok.notes["ethics"]) == 10_000
    too_long = {**ASSESSMENT, "notes": {"ethics": "x" * 10_001}}
    refused(check_assessment, too_long, "at most 10,000 characters")


# --- steps -------------------------------------------------------------------------------------


def test_a_step_note_is_text_of_at_most_ten_thousand_characters() -> None:
    assert check_step({**STEP, "note": "x" * 10_000}, "s").note == "x" * 10_000
    refused(check_step, {**STEP, "note": "x" * 10_001}, "'note'", "longer than 10,000")
    refused(check_step, {**STEP, "note": 12}, "'note' of the thing is a number, not text")


def test_an_empty_step_date_means_none() -> None:
    step = check_step(
        {**STEP, "start_date": "", "target_date": None, "done_date": "2026-02-01"}, "s"
    )
    assert (step.start_date, step.target_date, step.done_date) == (None, None, date(2026, 2, 1))
    refused(check_step, {**STEP, "target_date": 20260201}, "'target_date'", "not a date")


def test_a_checklist_holds_up_to_a_hundred_items_with_ids_up_to_64_characters() -> None:
    full = {f"item{n}": n % 2 == 0 for n in range(100)}
    assert len(check_step({**STEP, "checklist": full}, "s").checklist) == 100
    refused(check_step, {**STEP, "checklist": {**full, "one more": True}}, "101 items")
    assert check_step({**STEP, "checklist": {"x" * 64: True}}, "s").checklist == {"x" * 64: True}
    refused(check_step, {**STEP, "checklist": {"x" * 65: True}}, "checklist item")
    refused(check_step, {**STEP, "checklist": {"ccm": 1}}, "marked true or false")


def test_a_step_status_must_be_known() -> None:
    refused(check_step, {**STEP, "status": "someday"}, "'status'", "use one of not_started")


# --- goals -------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["actions", "resources"])
def test_goal_actions_and_resources_are_text_of_at_most_ten_thousand(field: str) -> None:
    assert getattr(check_goal({**GOAL, field: "x" * 10_000}, "g"), field) == "x" * 10_000
    refused(check_goal, {**GOAL, field: "x" * 10_001}, f"'{field}'", "longer than 10,000")
    refused(check_goal, {**GOAL, field: ["a list"]}, f"'{field}'", "a list, not text")


def test_a_goal_title_may_be_500_characters_and_is_required() -> None:
    assert check_goal({**GOAL, "title": "x" * 500}, "g").title == "x" * 500
    refused(check_goal, {**GOAL, "title": "x" * 501}, "longer than 500")
    refused(check_goal, {k: v for k, v in GOAL.items() if k != "title"}, "has no 'title'")


def test_a_goal_created_at_must_be_a_date_and_time_or_empty() -> None:
    assert check_goal({**GOAL, "created_at": ""}, "g").created_at == ""
    refused(check_goal, {**GOAL, "created_at": "soon"}, "'created_at'", "not a date and time")


# --- the backup's own limits and the schema behind the checks ----------------------------------


@pytest.fixture
def document() -> dict[str, Any]:
    record = Record(profile=check_profile(PROFILE))
    return json.loads(json.dumps(build_backup(record)))


@pytest.mark.parametrize(
    ("key", "limit", "item"),
    [("steps", 100, None), ("goals", 10_000, None), ("assessments", 100_000, None)],
)
def test_each_list_is_refused_one_past_its_limit_before_any_entry_is_read(
    document: dict[str, Any], key: str, limit: int, item: object
) -> None:
    document[key] = [item] * (limit + 1)
    with pytest.raises(ImportRejectedError, match=f"holds {limit + 1:,} {key}, more than the"):
        parse_backup(document)
    document[key] = [item] * limit  # at the limit the entries themselves are checked
    with pytest.raises(ImportRejectedError, match="is null, not an object"):
        parse_backup(document)


def test_the_json_schema_runs_after_the_checks_on_every_import(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = json.loads(resource_path("schema", "backup.schema.json").read_text("utf-8"))
    stricter = copy.deepcopy(schema)
    stricter["$defs"]["profile"]["properties"]["name"]["maxLength"] = 2  # "Ana" breaks it
    monkeypatch.setattr(
        backup, "_schema_validator", lambda: jsonschema.Draft202012Validator(stricter)
    )
    with pytest.raises(ImportRejectedError) as caught:
        parse_backup(document)
    assert "does not match the backup format at profile/name" in str(caught.value)
    monkeypatch.undo()
    assert parse_backup(document).profile.name == "Ana"


def test_a_record_loads_whole_with_every_kind_of_entry() -> None:
    record = check_record(PROFILE, [ASSESSMENT], [STEP], [GOAL])
    assert record.profile.name == "Ana"
    assert record.assessments[0].taken_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert list(record.steps) == ["education"] and record.goals[0].id == "g1"


# --- every refusal, as the sentence a person editing the file reads ------------------------------


def drop(doc: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != key}


P, A, S, G = PROFILE, ASSESSMENT, STEP, GOAL
SENTENCES = [
    (
        ("profile", "text"),
        "the profile is text, not an object with named fields; write it as {...} with the fields CarePath exports",
    ),
    (("profile", drop(P, "name")), "the profile has no 'name'; add the 'name' field"),
    (
        ("profile", {**P, "name": 5}),
        "'name' of the profile is a number, not text; write 'name' as text",
    ),
    (
        ("profile", {**P, "name": "x" * 201}),
        "'name' of the profile is longer than 200 characters; shorten it to 200 characters or fewer",
    ),
    (
        ("profile", drop(P, "current_stage")),
        "the profile has no 'current_stage'; add the 'current_stage' field",
    ),
    (
        ("profile", {**P, "current_stage": "ceo"}),
        "'current_stage' of the profile is 'ceo', which CarePath does not know; use one of entry, coordinator, senior, manager, director",
    ),
    (
        ("profile", {**P, "target_stage": 3}),
        "'target_stage' of the profile is 3, which CarePath does not know; use one of entry, coordinator, senior, manager, director",
    ),
    (
        ("profile", {**P, "reassess_interval_days": 0}),
        "'reassess_interval_days' of the profile is 0; use a whole number of days from 1 to 3650",
    ),
    (
        ("profile", {**P, "created_at": "x"}),
        "'created_at' of the profile is 'x', not a date and time; write it as ISO-8601, e.g. 2026-05-01T09:30:00+02:00",
    ),
    (
        ("assessment", []),
        "assessment 2 is a list, not an object with named fields; write it as {...} with the fields CarePath exports",
    ),
    (("assessment", drop(A, "id")), "assessment 2 has no 'id'; add the 'id' field"),
    (
        ("assessment", {**A, "id": ""}),
        "'id' of assessment 2 is empty; give it a unique id (any text)",
    ),
    (
        ("assessment", {**A, "id": 5}),
        "'id' of assessment 2 is a number, not text; write 'id' as text",
    ),
    (
        ("assessment", {**A, "id": "x" * 65}),
        "'id' of assessment 2 is longer than 64 characters; shorten it to 64 characters or fewer",
    ),
    (
        ("assessment", drop(A, "taken_at")),
        "assessment 2 has no 'taken_at'; add the 'taken_at' field",
    ),
    (
        ("assessment", {**A, "taken_at": "x"}),
        "'taken_at' of assessment 2 is 'x', not a date and time; write it as ISO-8601, e.g. 2026-05-01T09:30:00+02:00",
    ),
    (
        ("assessment", {**A, "taken_at": "2" * 65}),
        "'taken_at' of assessment 2 is longer than 64 characters; shorten it to 64 characters or fewer",
    ),
    (("assessment", drop(A, "ratings")), "assessment 2 has no 'ratings'; add the 'ratings' field"),
    (
        ("assessment", {**A, "ratings": []}),
        "'ratings' of assessment 2 is a list, not an object; write 'ratings' as {...}",
    ),
    (
        ("assessment", {**A, "ratings": {"cooking": 3}}),
        "assessment 2 rates unknown skill 'cooking'; use one of the fifteen skill ids (see carepath skills)",
    ),
    (
        ("assessment", {**A, "ratings": {"ethics": 9}}),
        "assessment 2 rates 'ethics' as 9; levels are whole numbers from 1 to 5",
    ),
    (
        ("assessment", {**A, "notes": []}),
        "'notes' of assessment 2 is a list, not an object; write 'notes' as {...}",
    ),
    (
        ("assessment", {**A, "notes": {"cooking": "x"}}),
        "assessment 2 has a note for unknown skill 'cooking'; use one of the fifteen skill ids (see carepath skills)",
    ),
    (
        ("assessment", {**A, "notes": {"ethics": 5}}),
        "the note on 'ethics' in assessment 2 is not text of at most 10,000 characters; shorten it or write it as text",
    ),
    (
        ("assessment", {**A, "note": 5}),
        "'note' of assessment 2 is a number, not text; write 'note' as text",
    ),
    (
        ("assessment", {**A, "note": "x" * 10001}),
        "'note' of assessment 2 is longer than 10,000 characters; shorten it to 10,000 characters or fewer",
    ),
    (
        ("step", 5),
        "step entry 3 is a number, not an object with named fields; write it as {...} with the fields CarePath exports",
    ),
    (("step", drop(S, "step_id")), "step entry 3 has no 'step_id'; add the 'step_id' field"),
    (
        ("step", {**S, "step_id": "fly"}),
        "'step_id' of step entry 3 is 'fly', which CarePath does not know; use a step id from the content",
    ),
    (
        ("step", {**S, "status": "x"}),
        "'status' of step entry 3 is 'x', which CarePath does not know; use one of not_started, in_progress, done",
    ),
    (
        ("step", {**S, "start_date": "x"}),
        "'start_date' of step entry 3 is 'x', not a date; write it as ISO-8601, e.g. 2026-05-01, or null for none",
    ),
    (
        ("step", {**S, "target_date": 5}),
        "'target_date' of step entry 3 is 5, not a date; write it as ISO-8601, e.g. 2026-05-01, or null for none",
    ),
    (
        ("step", {**S, "done_date": "soon"}),
        "'done_date' of step entry 3 is 'soon', not a date; write it as ISO-8601, e.g. 2026-05-01, or null for none",
    ),
    (
        ("step", {**S, "note": 5}),
        "'note' of step entry 3 is a number, not text; write 'note' as text",
    ),
    (
        ("step", {**S, "checklist": []}),
        "'checklist' of step entry 3 is a list, not an object; write 'checklist' as {...}",
    ),
    (
        ("step", {**S, "checklist": {f"i{n}": True for n in range(101)}}),
        "step entry 3 has a checklist of 101 items; keep 100 or fewer",
    ),
    (
        ("step", {**S, "checklist": {"ccm": "yes"}}),
        "checklist item 'ccm' of step entry 3 is not an id marked true or false; use ids of at most 64 characters, each true or false",
    ),
    (
        ("goal", None),
        "goal 4 is null, not an object with named fields; write it as {...} with the fields CarePath exports",
    ),
    (("goal", drop(G, "id")), "goal 4 has no 'id'; add the 'id' field"),
    (("goal", drop(G, "skill")), "goal 4 has no 'skill'; add the 'skill' field"),
    (
        ("goal", {**G, "skill": "x"}),
        "'skill' of goal 4 is 'x', which CarePath does not know; use one of the fifteen skill ids (see carepath skills)",
    ),
    (("goal", drop(G, "title")), "goal 4 has no 'title'; add the 'title' field"),
    (("goal", {**G, "title": 5}), "'title' of goal 4 is a number, not text; write 'title' as text"),
    (
        ("goal", {**G, "actions": 5}),
        "'actions' of goal 4 is a number, not text; write 'actions' as text",
    ),
    (
        ("goal", {**G, "resources": "x" * 10001}),
        "'resources' of goal 4 is longer than 10,000 characters; shorten it to 10,000 characters or fewer",
    ),
    (
        ("goal", {**G, "due_date": "x"}),
        "'due_date' of goal 4 is 'x', not a date; write it as ISO-8601, e.g. 2026-05-01, or null for none",
    ),
    (
        ("goal", {**G, "status": "x"}),
        "'status' of goal 4 is 'x', which CarePath does not know; use one of planned, in_progress, done, dropped",
    ),
    (
        ("goal", {**G, "created_at": "x"}),
        "'created_at' of goal 4 is 'x', not a date and time; write it as ISO-8601, e.g. 2026-05-01T09:30:00+02:00",
    ),
]
CHECKS = {
    "profile": lambda doc: check_profile(doc),
    "assessment": lambda doc: check_assessment(doc, "assessment 2"),
    "step": lambda doc: check_step(doc, "step entry 3"),
    "goal": lambda doc: check_goal(doc, "goal 4"),
}


@pytest.mark.parametrize(("case", "sentence"), SENTENCES, ids=[s for _, s in SENTENCES])
def test_each_refusal_in_full(case: tuple[str, object], sentence: str) -> None:
    kind, doc = case
    with pytest.raises(ShapeError) as caught:
        CHECKS[kind](doc)
    assert str(caught.value) == sentence
    problem, fix = sentence.split("; ", 1)
    assert (caught.value.problem, caught.value.fix) == (problem, fix)


def test_repeated_ids_name_the_later_entry() -> None:
    for docs, sentence in [
        (
            ([A, A], [], []),
            "assessment 2 repeats the id 'a1' of an earlier one; give every entry its own id",
        ),
        (
            ([], [S, S], []),
            "step entry 2 repeats the id 'education' of an earlier one; give every entry its own id",
        ),
        (
            ([], [], [G, G]),
            "goal 2 repeats the id 'g1' of an earlier one; give every entry its own id",
        ),
    ]:
        with pytest.raises(ShapeError) as caught:
            check_record(P, *docs)
        assert str(caught.value) == sentence


# --- the backup around the record, and the file it comes in ------------------------------------

REJECTED = "This backup cannot be imported: "


def envelope_cases(document: dict[str, Any]) -> list[tuple[object, str]]:
    return [
        ([1], 'This file is not a CarePath backup (it lacks "format": "carepath-backup"); choose a file made by CarePath\'s backup export (carepath export --format json).'),
        ({"format": "carepath-backup", "version": "1"}, REJECTED + "its version '1' is not a backup version number."),
        ({"format": "carepath-backup", "version": 0}, REJECTED + "its version 0 is not a backup version number."),
        ({"format": "carepath-backup", "version": 3}, "This backup was made by a newer CarePath (backup version 3; this one reads up to 2); update CarePath, then import it again."),
        (drop(document, "exported_at"), REJECTED + "the backup has no 'exported_at'; add the 'exported_at' field."),
        ({**document, "app_version": 5}, REJECTED + "'app_version' of the backup is a number, not text; write 'app_version' as text."),
        (drop(document, "profile"), REJECTED + "it has no profile; export it again from CarePath."),
        ({**document, "profile": None}, REJECTED + "the profile is null, not an object with named fields; write it as {...} with the fields CarePath exports."),
        (drop(document, "assessments"), REJECTED + "it has no 'assessments' list; export it again from CarePath."),
        ({**document, "steps": {}}, REJECTED + "'steps' is an object, not a list; write it as [...]."),
        ({**document, "goals": [None] * 10_001}, REJECTED + "it holds 10,001 goals, more than the 10,000 CarePath accepts."),
    ]  # fmt: skip


def test_each_backup_refusal_in_full(document: dict[str, Any]) -> None:
    for value, sentence in envelope_cases(document):
        with pytest.raises(ImportRejectedError) as caught:
            parse_backup(value)
        assert str(caught.value) == sentence


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xef\xbb\xbf{}", "it starts with a byte-order mark, as some editors add; save it again as UTF-8 without BOM, then import it."),
        (b'{"a": "\xff"}', "it is not UTF-8 text; choose the .json file CarePath exported."),
        (b'{"format": 1,', "it is not valid JSON (Expecting property name enclosed in double quotes at line 1, column 14); choose the file CarePath exported, or repair the text."),
        (b"[" * 21 + b"]" * 21, "it is nested more than 20 levels deep, which no CarePath backup is; choose the file CarePath exported."),
        (b"[" * 20 + b"]" * 20, None),  # exactly 20 deep: a (useless) document, read
    ],
)  # fmt: skip
def test_each_unreadable_backup_file_in_full(
    tmp_path: Path, content: bytes, reason: str | None
) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(content)
    if reason is None:
        assert load_backup_file(path) == json.loads(content)
        return
    with pytest.raises(ImportRejectedError) as caught:
        load_backup_file(path)
    assert str(caught.value) == f"Cannot import {path}: {reason}"


def test_missing_files_and_folders_in_full(tmp_path: Path) -> None:
    for path, reason in [
        (tmp_path, "it is a folder; choose the backup .json file."),
        (tmp_path / "none.json", "there is no such file; check the name and try again."),
    ]:
        with pytest.raises(ImportRejectedError) as caught:
            load_backup_file(path)
        assert str(caught.value) == f"Cannot import {path}: {reason}"


def test_a_file_exactly_at_the_size_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "MAX_FILE_BYTES", 2 * 2**20)
    path = tmp_path / "b.json"
    path.write_bytes(b"[" + b" " * (2 * 2**20 - 2) + b"]")
    assert load_backup_file(path) == []
    path.write_bytes(b"[" + b" " * (2 * 2**20 - 1) + b"]")
    with pytest.raises(ImportRejectedError) as caught:
        load_backup_file(path)
    assert str(caught.value) == (
        f"Cannot import {path}: it is larger than 2 MB, far bigger than any CarePath backup; "
        "choose the file CarePath exported."
    )


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ("[0, " * 20 + "]" * 20, False),
        ("[0, " * 21 + "]" * 21, True),  # deep even with values between the brackets
        ("[" * 20, False),  # cut off 20 deep: broken, for the parser to report
        ("[" * 21, True),  # cut off, already deeper than 20
    ],
)
def test_depth_limit_at_its_edge(text: str, deep: bool) -> None:
    assert backup.nested_deeper_than(text, 20) is deep


def test_a_long_value_is_shown_cut_to_forty_characters() -> None:
    whole = "f" * 38  # its repr, quotes included, is 40 characters: shown whole
    cut = "f" * 39
    for value, shown in [(whole, f"'{whole}'"), (cut, "'" + "f" * 36 + "...")]:
        with pytest.raises(ShapeError) as caught:
            check_step({**STEP, "step_id": value}, "step entry 1")
        assert caught.value.problem == (
            f"'step_id' of step entry 1 is {shown}, which CarePath does not know"
        )


def test_the_inlined_schema_judges_exactly_as_the_published_one(document: dict[str, Any]) -> None:
    backup._schema_validator.cache_clear()  # build it afresh, as the first import of a run does
    try:
        inlined = backup._schema_validator()
    finally:
        backup._schema_validator.cache_clear()
    assert "$ref" not in json.dumps(inlined.schema)
    published = jsonschema.Draft202012Validator(
        json.loads(resource_path("schema", "backup.schema.json").read_text("utf-8"))
    )
    step = {"step_id": "education", "status": "someday", "checklist": {"a": 1}}
    goal = {**GOAL, "skill": "cooking", "due_date": 5}
    bad = [
        {**document, "profile": {**PROFILE, "target_stage": "ceo", "name": "x" * 201}},
        {**document, "assessments": [{**ASSESSMENT, "ratings": {"ethics": 9, "cooking": 1}}]},
        {**document, "steps": [step], "goals": [goal]},
        {**document, "version": "1"},
    ]
    for doc in [document, *bad]:
        found = sorted((list(e.absolute_path), e.message) for e in inlined.iter_errors(doc))
        assert found == sorted(
            (list(e.absolute_path), e.message) for e in published.iter_errors(doc)
        )
        assert bool(found) is (doc is not document)


def test_a_schema_refusal_names_the_place_and_keeps_the_reason_short(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = json.loads(resource_path("schema", "backup.schema.json").read_text("utf-8"))
    long_choice = "x" * 300
    for change, place, reason in [
        (lambda s: s["required"].append("signature"), "the top level", "'signature' is a required property"),
        (lambda s: s["$defs"]["profile"]["properties"]["name"].update(enum=[long_choice]), "profile/name", f"'Ana' is not one of ['{long_choice}']"[:200]),
    ]:  # fmt: skip
        stricter = copy.deepcopy(schema)
        change(stricter)
        validator = jsonschema.Draft202012Validator(stricter)
        monkeypatch.setattr(backup, "_schema_validator", lambda v=validator: v)
        with pytest.raises(ImportRejectedError) as caught:
            parse_backup(document)
        assert str(caught.value) == (
            f"This backup cannot be imported: it does not match the backup format at {place} "
            f"({reason}); export it again from CarePath."
        )


# --- what the quick path and the guards keep ---------------------------------------------------


def test_an_assessment_keeps_its_offset_and_an_absent_note_is_empty() -> None:
    taken = check_assessment({**ASSESSMENT, "taken_at": "2026-03-01T09:30:00+02:00"}, "a")
    assert taken.taken_at.isoformat() == "2026-03-01T09:30:00+02:00"  # saved back as written
    assert taken.note == "" and taken.notes == {}


def test_a_ten_thousand_character_skill_note_passes_the_full_checks_too() -> None:
    doc = {**ASSESSMENT, "notes": {"ethics": "x" * 10_000}, "note": 5}  # refused for its note
    refused(check_assessment, doc, "'note' of the thing is a number, not text")


def test_an_empty_taken_at_is_not_a_date_and_time() -> None:
    refused(
        check_assessment, {**ASSESSMENT, "taken_at": ""}, "'taken_at' of the thing is '', not a"
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [(None, "null"), (True, "true/false"), (3, "a number"), (2.5, "a number"), ("x", "text"),
     ([], "a list"), ({}, "an object"), ((1,), "tuple")],
)  # fmt: skip
def test_json_kinds_in_plain_words(value: object, kind: str) -> None:
    assert json_kind(value) == kind


@pytest.mark.parametrize(
    ("model", "check", "doc", "where"),
    [
        (Profile, check_profile, PROFILE, "the profile"),
        (StepProgress, check_step, STEP, "the thing"),
        (Goal, check_goal, GOAL, "the thing"),
    ],
)
def test_a_document_the_model_cannot_read_is_refused_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, model: Any, check: Any, doc: dict[str, Any], where: str
) -> None:
    def unreadable(data: object) -> None:
        raise KeyError("a field this CarePath does not know")

    monkeypatch.setattr(model, "from_dict", unreadable)
    with pytest.raises(ShapeError) as caught:
        check(doc) if check is check_profile else check(doc, where)
    assert str(caught.value) == (
        f"{where} cannot be read ('a field this CarePath does not know'); "
        "export it again from CarePath"
    )


# --- reading backup files: the rarer failures ---------------------------------------------------


def test_an_endless_file_is_refused_without_reading_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportRejectedError, match="it is larger than 0 MB"):
        load_backup_file(Path("/dev/zero"))  # reading it whole would never end


def test_a_backup_path_through_a_plain_file_cannot_be_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    with pytest.raises(ImportRejectedError) as caught:
        load_backup_file(plain / "b.json")
    assert str(caught.value) == (
        f"Cannot import {plain / 'b.json'}: it could not be read (Not a directory); "
        "check the disk and retry."
    )


def test_a_backup_nobody_may_read_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "b.json"
    path.write_text("{}")

    def forbidden(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", forbidden)  # root reads anything; a user may not
    with pytest.raises(ImportRejectedError) as caught:
        load_backup_file(path)
    assert str(caught.value) == (
        f"Cannot import {path}: you may not read it; copy it somewhere you can read and try again."
    )


def test_json_python_refuses_to_parse_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[" + "9" * 5000 + "]")  # past Python's 4,300-digit limit: a ValueError
    with pytest.raises(ImportRejectedError) as caught:
        load_backup_file(path)
    assert str(caught.value) == (
        f"Cannot import {path}: it is not valid JSON; choose the file CarePath exported."
    )


def test_a_written_backup_reads_back_as_the_record(tmp_path: Path) -> None:
    record = check_record({**PROFILE, "name": "José Ñúñez — 李雷"}, [ASSESSMENT], [STEP], [GOAL])
    path = tmp_path / "backup.json"
    backup.write_backup(record, path)
    written = drop(json.loads(path.read_text("utf-8")), "exported_at")
    assert written == drop(json.loads(backup.backup_bytes(record)), "exported_at")
    text = path.read_text("utf-8")
    assert text.startswith('{\n  "format": "carepath-backup",\n  "version": 1,')  # indented
    assert '"name": "José Ñúñez — 李雷"' in text  # readable as written, not escaped
    assert parse_backup(load_backup_file(path)) == record


EDGES = [
    {"id": "a1", "taken_at": "2026-03-01T09:30:00+00:00", "ratings": {}},  # no notes, no note
    {**ASSESSMENT, "id": "x"},
    {**ASSESSMENT, "id": "x" * 64},
    {**ASSESSMENT, "note": "x" * 10_000},
    {**ASSESSMENT, "notes": {"ethics": "x" * 10_000}},
    {**ASSESSMENT, "ratings": {"ethics": 1, "leadership": 5}},
]


@pytest.mark.parametrize("doc", EDGES, ids=range(len(EDGES)))
def test_the_quick_path_takes_every_document_the_checks_accept_at_their_edges(
    doc: dict[str, Any],
) -> None:
    """Opening a file reads every assessment through the quick path; it must not hand documents
    at a limit to the slow field-by-field checks (ten times the cost), nor read them differently."""
    quick = _well_formed_assessment(doc)
    assert quick is not None and quick == check_assessment(doc, "assessment 1")
