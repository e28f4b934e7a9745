"""The backup document: its shape, every way an import is refused, and fuzzed imports."""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import carepath
from carepath.core import backup
from carepath.core.backup import (
    build_backup,
    load_backup_file,
    nested_deeper_than,
    parse_backup,
    validate_backup,
)
from carepath.core.catalogue import ALL_STEP_IDS, SKILL_IDS, STAGE_IDS
from carepath.core.errors import ImportRejectedError
from carepath.core.models import Assessment, Record
from carepath.core.resources import resource_path
from carepath.core.storage import DataStore

SCHEMA = json.loads(resource_path("schema", "backup.schema.json").read_text("utf-8"))


def sample_document(record: Record) -> dict[str, Any]:
    return json.loads(json.dumps(build_backup(record)))


@pytest.fixture
def document(sample_record: Record) -> dict[str, Any]:
    return sample_document(sample_record)


# --- the document --------------------------------------------------------------------------------


def test_backup_has_the_documented_shape(document: dict[str, Any], sample_record: Record) -> None:
    assert document["format"] == "carepath-backup"
    assert document["version"] == 1  # no review asked for: the version every CarePath reads
    assert "reviews" not in document and "review_requests" not in document
    assert document["app_version"] == carepath.__version__
    assert {"exported_at", "profile", "assessments", "steps", "goals"} <= set(document)
    assert document["profile"]["name"] == sample_record.profile.name
    assert [a["id"] for a in document["assessments"]] == [a.id for a in sample_record.assessments]
    assert document["assessments"][0]["ratings"] == dict(sample_record.assessments[0].ratings)


def test_backup_round_trips(document: dict[str, Any], sample_record: Record) -> None:
    assert parse_backup(document) == sample_record


def test_the_schema_is_valid_and_accepts_our_backups(document: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_the_schema_names_exactly_the_catalogue_ids() -> None:
    definitions = SCHEMA["$defs"]
    assert tuple(definitions["assessment"]["properties"]["ratings"]["properties"]) == SKILL_IDS
    assert tuple(definitions["goal"]["properties"]["skill"]["enum"]) == SKILL_IDS
    assert tuple(definitions["stage"]["enum"]) == STAGE_IDS
    assert tuple(definitions["step"]["properties"]["step_id"]["enum"]) == ALL_STEP_IDS


# --- refusals ------------------------------------------------------------------------------------


def changed(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(document)
    node = result
    for key in path[:-1]:
        node = node[key]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return result


DELETE = object()
REFUSALS = [
    (("assessments", 2, "ratings", "comunication"), 3, "assessment 3 rates unknown skill"),
    (("assessments", 0, "ratings", "ethics"), 9, "assessment 1 rates 'ethics' as 9"),
    (("assessments", 0, "ratings", "ethics"), 0, "as 0; levels are whole numbers from 1 to 5"),
    (("assessments", 0, "ratings", "ethics"), "3", "rates 'ethics' as '3'"),
    (("assessments", 0, "ratings", "ethics"), 2.5, "rates 'ethics' as 2.5"),
    (("assessments", 0, "ratings", "ethics"), True, "rates 'ethics' as True"),
    (("assessments", 0, "ratings"), [], "'ratings' of assessment 1 is a list"),
    (("assessments", 1, "id"), "", "'id' of assessment 2 is empty"),
    (("assessments", 1, "id"), "x" * 65, "'id' of assessment 2 is longer than 64 characters"),
    (("assessments", 1, "id"), 12, "'id' of assessment 2 is a number, not text"),
    (("assessments", 1, "id"), DELETE, "assessment 2 has no 'id'"),
    (("assessments", 1, "id"), "a00000", "assessment 2 repeats the id 'a00000'"),
    (("assessments", 0, "taken_at"), "yesterday", "'taken_at' of assessment 1 is 'yesterday'"),
    (("assessments", 0, "note"), "x" * 10_001, "longer than 10,000 characters"),
    (("assessments", 0, "notes", "ethics"), "x" * 10_001, "at most 10,000 characters"),
    (("assessments", 0, "notes", "cooking"), "x", "a note for unknown skill 'cooking'"),
    (("assessments", 0), "text", "assessment 1 is text, not an object"),
    (("profile", "name"), "x" * 201, "'name' of the profile is longer than 200 characters"),
    (("profile", "target_stage"), "ceo", "'target_stage' of the profile is 'ceo'"),
    (("profile", "reassess_interval_days"), 0, "reassess_interval_days"),
    (("profile",), None, "the profile is null"),
    (("steps", 0, "step_id"), "fly", "'step_id' of step entry 1 is 'fly'"),
    (("steps", 0, "start_date"), "2026-02-30", "'start_date' of step entry 1"),
    (("steps", 1, "step_id"), "education", "step entry 2 repeats the id 'education'"),
    (("steps", 1, "checklist", "ccm"), "yes", "checklist item 'ccm'"),
    (("goals", 0, "skill"), "cooking", "'skill' of goal 1 is 'cooking'"),
    (("goals", 0, "status"), "someday", "'status' of goal 1"),
    (("goals", 0, "due_date"), "soon", "'due_date' of goal 1"),
    (("goals", 0, "title"), "x" * 501, "'title' of goal 1 is longer than 500"),
    (("goals",), DELETE, "it has no 'goals' list"),
    (("assessments",), {}, "'assessments' is an object, not a list"),
    (("exported_at",), "last week", "'exported_at' of the backup"),
    (("exported_at",), DELETE, "the backup has no 'exported_at'"),
]


@pytest.mark.parametrize(("path", "value", "words"), REFUSALS, ids=[r[2] for r in REFUSALS])
def test_each_refusal_names_the_place_and_the_fix(
    document: dict[str, Any], path: tuple[Any, ...], value: Any, words: str
) -> None:
    with pytest.raises(ImportRejectedError) as caught:
        validate_backup(changed(document, path, value))
    message = str(caught.value)
    assert words in message
    assert message.startswith("This backup cannot be imported: ")
    assert message.endswith(".") and "\n" not in message
    assert "does not match the backup format" not in message  # our own check caught it


def test_the_unknown_skill_sentence_in_full(document: dict[str, Any]) -> None:
    bad = changed(document, ("assessments", 2, "ratings", "comunication"), 3)
    with pytest.raises(ImportRejectedError) as caught:
        validate_backup(bad)
    assert str(caught.value) == (
        "This backup cannot be imported: assessment 3 rates unknown skill 'comunication'; "
        "use one of the fifteen skill ids (see carepath skills)."
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ([1, 2], "not a CarePath backup"),
        ("hello", "not a CarePath backup"),
        (None, "not a CarePath backup"),
        ({"format": "something-else"}, "not a CarePath backup"),
        ({"format": "carepath-backup", "version": 3}, "made by a newer CarePath (backup version 3"),
        ({"format": "carepath-backup", "version": "1"}, "is not a backup version number"),
        ({"format": "carepath-backup", "version": 0}, "is not a backup version number"),
    ],
)
def test_documents_that_are_not_our_backups(value: Any, words: str) -> None:
    with pytest.raises(ImportRejectedError, match=re.escape(words)):
        validate_backup(value)


def test_more_assessments_than_allowed_are_refused_at_once(document: dict[str, Any]) -> None:
    document["assessments"] = [None] * (backup.MAX_ASSESSMENTS + 1)
    with pytest.raises(ImportRejectedError, match="more than the 100,000 CarePath accepts"):
        validate_backup(document)


def test_unknown_extra_keys_are_allowed(document: dict[str, Any], sample_record: Record) -> None:
    document["made_by"] = "a later CarePath"
    document["assessments"][0]["mood"] = "good"
    assert parse_backup(document) == sample_record


# --- reading the file ----------------------------------------------------------------------------


def test_a_backup_file_loads(tmp_path: Path, document: dict[str, Any]) -> None:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8")
    assert load_backup_file(path) == document


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        (b'{"a": "\xff"}', "not UTF-8 text"),
        (b'{"format": "carepath-backup",', "not valid JSON (Expecting property name"),
        (b"[" * 21 + b"]" * 21, "nested more than 20 levels deep"),
        (b"[" * 200_000, "nested more than 20 levels deep"),
        (b"", "not valid JSON"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "backup.json"
    path.write_bytes(content)
    with pytest.raises(ImportRejectedError, match=re.escape(words)) as caught:
        load_backup_file(path)
    assert str(caught.value).startswith(f"Cannot import {path}: ")


def test_missing_files_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRejectedError, match="there is no such file"):
        load_backup_file(tmp_path / "nope.json")
    with pytest.raises(ImportRejectedError, match="it is a folder"):
        load_backup_file(tmp_path)


def test_huge_files_are_refused_without_reading_them_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 1001)
    with pytest.raises(ImportRejectedError, match="larger than"):
        load_backup_file(path)


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ("[" * 20 + "]" * 20, False),
        ("[" * 21 + "]" * 21, True),
        ('{"a": "' + "[" * 50 + '"}', False),
        ('["\\"' + "[" * 30 + '", 1]', False),
        ('["\\\\", ' + "[" * 21 + "]" * 21 + "]", True),
        ("[[[", False),  # cut off but shallow: the parser reports it
        ("[" * 50, True),  # cut off, and already too deep
        ("[{}, [], {" + '"a": [[[]]]' + "}]", False),
        ('"unterminated [[[[[[[[[[[[[[[[[[[[[[[[[[[', False),
    ],
)
def test_depth_is_measured_outside_strings(text: str, deep: bool) -> None:
    assert nested_deeper_than(text, 20) is deep


# --- whole imports -------------------------------------------------------------------------------


def test_a_backup_of_ten_thousand_assessments_imports(
    tmp_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    big = Record(assessments=tuple(make_assessment(n) for n in range(10_000)))
    path = tmp_path / "big-backup.json"
    path.write_text(json.dumps(build_backup(big)), "utf-8")
    with DataStore.open(tmp_path / "carepath.json") as store:
        report = store.import_backup(load_backup_file(path))
        assert report.assessments_added == 10_000
        assert store.record().assessments == big.assessments


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
# Values near the edges of the rules, so mutations probe them more often than chance would.
_edges = st.sampled_from(
    [0, 1, 5, 6, -1, 3.0, True, "3", "", "x" * 64, "x" * 65, "x" * 201, "2026-13-01",
     "2026-05-01", "2026-05-01T09:30:00+02:00", None, [], {}, "comunication", "ethics",
     "education", "done", "senior", {"ethics": 3}, {"juggling": 1}]
)  # fmt: skip


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _mutate(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(document)))
        action = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "add":
            key = data.draw(st.sampled_from([*SKILL_IDS[:2], "extra", "comunication"]))
            target = path if isinstance(_at(document, path), dict) else path[:-1]
            if isinstance(_at(document, target), dict):
                document = changed(document, (*target, key), data.draw(_edges | _json))
        elif action == "delete" and isinstance(_at(document, path[:-1]), dict):
            document = changed(document, path, DELETE)
        else:
            document = changed(document, path, data.draw(_edges | _json))
    return document


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def _fuzz_import(document: Any, seed: Record) -> None:
    """Import into a file holding ``seed``: refused leaves every byte; accepted adds once."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "carepath.json"
        with DataStore.open(path) as store:
            store.replace_record(seed)
            before = path.read_bytes()
            try:
                incoming = parse_backup(document)
            except ImportRejectedError as error:
                event("refused")
                with pytest.raises(ImportRejectedError) as caught:
                    store.import_backup(document)
                assert str(caught.value) == str(error)
                message = str(error)
                assert message.endswith(".") and "\n" not in message
                assert "does not match the backup format" not in message
                assert path.read_bytes() == before
                assert store.record() == seed
                return
            event("accepted")
            store.import_backup(document)
            after = path.read_bytes()
            record = store.record()
            ids = {a.id for a in record.assessments}
            assert {a.id for a in incoming.assessments} <= ids
            assert {g.id for g in incoming.goals} <= {g.id for g in record.goals}
            for step_id, progress in incoming.steps.items():
                assert record.steps[step_id] == progress
            again = store.import_backup(document)
            assert not again.changed
            assert path.read_bytes() == after
        with DataStore.open(path) as reopened:
            assert reopened.record() == record


_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(data=st.data())
def test_fuzzed_backups_are_all_or_nothing(data: st.DataObject, sample_record: Record) -> None:
    base = sample_document(sample_record)
    base["assessments"] = [
        dict(a, id=f"new-{i}") if i % 2 else a for i, a in enumerate(base["assessments"])
    ]
    base["goals"][0]["id"] = "g-new"
    base["steps"][0]["note"] = "from the backup"
    seed = Record(assessments=sample_record.assessments[:3], goals=sample_record.goals[1:])
    _fuzz_import(_mutate(base, data), seed)


@_SETTINGS
@given(value=_json)
def test_random_json_is_refused_without_touching_the_file(
    value: Any, sample_record: Record
) -> None:
    _fuzz_import(value, sample_record)


@_SETTINGS
@given(value=st.dictionaries(st.text(max_size=10), _json))
def test_random_fields_in_a_backup_envelope_are_refused(
    value: dict[str, Any], sample_record: Record
) -> None:
    _fuzz_import({**value, "format": "carepath-backup", "version": 1}, sample_record)


@settings(max_examples=100, deadline=None)
@given(content=st.binary(max_size=200) | _json.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_give_a_document_or_one_sentence(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "backup.json"
        path.write_bytes(content)
        try:
            load_backup_file(path)
        except ImportRejectedError as error:
            assert str(error).startswith(f"Cannot import {path}: ")
            assert str(error).endswith(".")
