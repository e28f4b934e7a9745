"""Files that are not (or not yet) CarePath records: refused in plain words and never changed."""

from __future__ import annotations

import json
import re
from datetime import datetime, tzinfo
from pathlib import Path

import pytest

from carepath.core import datafile
from carepath.core.errors import DamagedFileError, DataFileError, NewerVersionError
from carepath.core.lock import DataLock
from carepath.core.migrations import CURRENT_SCHEMA_VERSION, migrate, schema_version
from carepath.core.models import Record
from carepath.core.storage import DataStore, quarantine

META = {"1": {"schema_version": 1, "app": "carepath"}}
GOOD_ASSESSMENT = {
    "id": "a1",
    "taken_at": "2026-01-05T10:00:00+01:00",
    "ratings": {"communication": 3},
    "notes": {},
    "note": "",
}


def ours(**tables: object) -> bytes:
    return json.dumps({"meta": META, **tables}).encode()


def with_assessment(**changes: object) -> bytes:
    return ours(assessments={"1": {**GOOD_ASSESSMENT, **changes}})


DAMAGED = {
    "truncated JSON": ours(assessments={"1": GOOD_ASSESSMENT})[:-7],
    "invalid JSON": b"{'meta': nope}",
    "a JSON list": b"[1, 2, 3]",
    "a JSON number": b"42",
    "a UTF-8 byte-order mark": b"\xef\xbb\xbf" + ours(),
    "binary garbage": bytes(range(256)) * 4,
    "zero bytes": b"\x00" * 64,
    "invalid UTF-8": b'{"meta": "\xff\xfe"}',
    "very deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "another program's JSON": b'{"foo": 1}',
    "another program's TinyDB file": b'{"_default": {"1": {"name": "x"}}}',
    "a foreign meta table": json.dumps({"meta": {"1": {"schema_version": 1, "app": "x"}}}).encode(),
    "an empty meta table": json.dumps({"meta": {}}).encode(),
    "a version that is text": json.dumps(
        {"meta": {"1": {"schema_version": "1", "app": "carepath"}}}
    ).encode(),
    "a table stored as a list": ours(assessments=[GOOD_ASSESSMENT]),
    "a document that is a list": ours(assessments={"1": [1, 2]}),
    "a table key that is not a number": ours(assessments={"x": GOOD_ASSESSMENT}),
    "a level of 9": with_assessment(ratings={"communication": 9}),
    "a level of 0": with_assessment(ratings={"communication": 0}),
    "a level written as text": with_assessment(ratings={"communication": "3"}),
    "a level written as true": with_assessment(ratings={"communication": True}),
    "a level written as 3.0": with_assessment(ratings={"communication": 3.0}),
    "an unknown skill": with_assessment(ratings={"juggling": 3}),
    "a missing id": ours(
        assessments={"1": {k: v for k, v in GOOD_ASSESSMENT.items() if k != "id"}}
    ),
    "an empty id": with_assessment(id=""),
    "an id that is a number": with_assessment(id=7),
    "a date that is not a date": with_assessment(taken_at="last Tuesday"),
    "a missing date": ours(
        assessments={"1": {k: v for k, v in GOOD_ASSESSMENT.items() if k != "taken_at"}}
    ),
    "ratings that are a list": with_assessment(ratings=[3]),
    "a note that is a number": with_assessment(note=5),
    "duplicate ids": ours(assessments={"1": GOOD_ASSESSMENT, "2": GOOD_ASSESSMENT}),
    "an unknown stage": ours(
        profile={"1": {"name": "A", "current_stage": "wizard", "target_stage": "senior"}}
    ),
    "a profile that is text": ours(profile={"1": "Ana"}),
    "an unknown step": ours(steps={"1": {"step_id": "fly", "status": "done"}}),
    "an unknown step status": ours(steps={"1": {"step_id": "network", "status": "maybe"}}),
    "a step date that is not a date": ours(
        steps={"1": {"step_id": "network", "target_date": "2026-13-45"}}
    ),
    "a goal without a title": ours(goals={"1": {"id": "g", "skill": "ethics"}}),
    "a goal for an unknown skill": ours(goals={"1": {"id": "g", "skill": "x", "title": "t"}}),
    "an unknown goal status": ours(
        goals={"1": {"id": "g", "skill": "ethics", "title": "t", "status": "meh"}}
    ),
    "an early file with a foreign table": json.dumps(
        {"assessments": {}, "settings": {"1": {}}}
    ).encode(),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_files_are_refused_and_left_untouched(data_path: Path, content: bytes) -> None:
    data_path.write_bytes(content)
    with pytest.raises(DamagedFileError) as caught:
        DataStore.open(data_path)
    message = str(caught.value)
    assert message.startswith(f"{data_path} is not a readable CarePath file (")
    assert message.endswith("it was left untouched — start fresh or restore an automatic backup.")
    assert "\n" not in message and "Traceback" not in message
    assert caught.value.path == data_path
    assert data_path.read_bytes() == content
    # Nothing else is left behind, not even the lock file of the refused open.
    assert sorted(p.name for p in data_path.parent.iterdir()) == ["carepath.json"]
    with DataLock(data_path):  # the refused open let the lock go
        pass


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (DAMAGED["truncated JSON"], "the text is cut off or is not JSON"),
        (DAMAGED["a JSON list"], "it holds a list where a CarePath record belongs"),
        (DAMAGED["a UTF-8 byte-order mark"], "byte-order mark"),
        (DAMAGED["invalid UTF-8"], "binary data, not text"),
        (DAMAGED["another program's TinyDB file"], "belongs to another program"),
        (DAMAGED["a table stored as a list"], "'assessments' table is a list"),
        (DAMAGED["a level of 9"], "assessment 1 rates 'communication' as 9"),
        (DAMAGED["a level written as text"], "rates 'communication' as '3'"),
        (DAMAGED["an unknown skill"], "assessment 1 rates unknown skill 'juggling'"),
        (DAMAGED["a missing id"], "assessment 1 has no 'id'"),
        (DAMAGED["duplicate ids"], "assessment 2 repeats the id 'a1'"),
    ],
)
def test_the_message_says_what_is_wrong(data_path: Path, content: bytes, words: str) -> None:
    data_path.write_bytes(content)
    with pytest.raises(DamagedFileError, match=re.escape(words)):
        DataStore.open(data_path)


@pytest.mark.parametrize("content", [b"", b"   \n", b"{}", b"null", b" null\n"])
def test_empty_files_are_fresh_records(data_path: Path, content: bytes) -> None:
    data_path.write_bytes(content)
    with DataStore.open(data_path) as store:
        assert store.record() == Record()
    assert data_path.read_bytes() == content  # nothing to write until the first save


def test_a_fresh_empty_file_gets_the_layout_on_its_first_save(data_path: Path) -> None:
    data_path.write_bytes(b"")
    with DataStore.open(data_path) as store:
        store.save_step(store.record().step("network"))
    assert json.loads(data_path.read_bytes())["meta"] == META


def test_a_newer_version_is_refused_untouched(data_path: Path) -> None:
    content = json.dumps(
        {"meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION + 1, "app": "carepath"}}, "x": 1}
    ).encode()
    data_path.write_bytes(content)
    with pytest.raises(NewerVersionError) as caught:
        DataStore.open(data_path)
    message = str(caught.value)
    assert message.startswith(f"{data_path} was saved by a newer CarePath")
    assert "install the newer CarePath" in message
    assert data_path.read_bytes() == content
    assert not (data_path.parent / "backups").exists()


def test_migrate_refuses_newer_versions() -> None:
    with pytest.raises(NewerVersionError):
        migrate({"meta": {"1": {"schema_version": 99, "app": "carepath"}}})


def test_an_early_file_is_backed_up_then_migrated(data_path: Path) -> None:
    early = json.dumps(
        {"assessments": {"1": GOOD_ASSESSMENT}, "profile": {"1": {"name": "Ana", **STAGES}}}
    ).encode()
    data_path.write_bytes(early)
    with DataStore.open(data_path) as store:
        assert [a.id for a in store.record().assessments] == ["a1"]
        assert store.record().profile.name == "Ana"
    migrated = json.loads(data_path.read_bytes())
    assert schema_version(migrated) == CURRENT_SCHEMA_VERSION
    assert migrated["assessments"]["1"] == GOOD_ASSESSMENT
    backups = list((data_path.parent / "backups").glob("carepath-*-pre-migration.json"))
    assert [b.read_bytes() for b in backups] == [early]


STAGES = {"current_stage": "entry", "target_stage": "coordinator"}


def test_a_missing_file_in_a_folder_that_vanished(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist"):
        DataStore.open(tmp_path / "gone" / "carepath.json", create=False)


# --- moving a damaged file aside -----------------------------------------------------------------


def test_quarantine_moves_the_file_aside_and_never_overwrites(data_path: Path) -> None:
    first = quarantine_content(data_path, b"[1]")
    second = quarantine_content(data_path, b"[2]")
    assert re.fullmatch(r"carepath\.damaged-\d{8}-\d{6}(-\d+)?\.json", first.name)
    assert first != second
    assert first.read_bytes() == b"[1]" and second.read_bytes() == b"[2]"
    assert not data_path.exists()
    with DataStore.open(data_path) as store:  # and the user keeps working on a fresh file
        assert store.record() == Record()


def quarantine_content(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    with pytest.raises(DamagedFileError):
        DataStore.open(path)
    return quarantine(path)


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _FrozenClock:
        return cls(2026, 11, 26, 9, 30, 0)


def test_quarantine_adds_a_counter_when_the_name_is_taken(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datafile, "datetime", _FrozenClock)
    names = []
    for content in (b"[1]", b"[2]", b"[3]"):
        data_path.write_bytes(content)
        names.append(quarantine(data_path).name)
    assert names == [
        "carepath.damaged-20261126-093000.json",
        "carepath.damaged-20261126-093000-2.json",
        "carepath.damaged-20261126-093000-3.json",
    ]
    assert (data_path.parent / names[0]).read_bytes() == b"[1]"


def test_a_newer_version_record_without_the_app_mark_is_still_newer(data_path: Path) -> None:
    data_path.write_bytes(b'{"meta": {"1": {"schema_version": 7}}}')
    with pytest.raises(NewerVersionError, match="data version 7"):
        DataStore.open(data_path)
