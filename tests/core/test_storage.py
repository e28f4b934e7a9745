"""The data file: atomic saves, what a reopen gives back, and saves the disk refuses."""

from __future__ import annotations

import errno
import json
import os
import stat
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from carepath.core import atomic, storage
from carepath.core.atomic import temp_label, temp_target, write_atomic
from carepath.core.errors import DataFileError, SaveError, UsageError
from carepath.core.models import Assessment, Goal, GoalStatus, Profile, Record, StepProgress
from carepath.core.storage import (
    CURRENT_SCHEMA_VERSION,
    AtomicJSONStorage,
    DataStore,
    ImportReport,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def reopened(path: Path) -> Record:
    with DataStore.open(path, create=False) as again:
        return again.record()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- opening -------------------------------------------------------------------------------------


def test_open_creates_a_private_file_with_the_layout(data_path: Path) -> None:
    with DataStore.open(data_path) as store:
        assert store.path == data_path
        assert store.record() == Record()
        assert store.last_saved is not None
    content = json.loads(data_path.read_text("utf-8"))
    assert content == {"meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION, "app": "carepath"}}}
    if os.name == "posix":
        assert mode(data_path) == 0o600


def test_open_without_create_refuses_a_missing_file(data_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist") as caught:
        DataStore.open(data_path, create=False)
    assert str(data_path) in str(caught.value)
    assert not data_path.exists()
    DataStore.open(data_path).close()  # and the lock was released


def test_open_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "carepath.json"
    with pytest.raises(DataFileError, match=r"folder .* does not exist"):
        DataStore.open(path)
    assert not path.parent.exists()


def test_open_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="is a folder"):
        DataStore.open(tmp_path)


def test_layout_has_one_table_per_kind(filled: Path) -> None:
    content = json.loads(filled.read_text("utf-8"))
    assert set(content) == {"meta", "profile", "assessments", "steps", "goals"}
    assert len(content["assessments"]) == 5
    assert content["profile"]["1"]["name"] == "José Ñúñez — 李雷"
    assert "Ñ" in filled.read_text("utf-8")  # UTF-8 text, not \\u escapes


# --- saving and reading back -----------------------------------------------------------------


def test_every_change_survives_a_reopen(
    store: DataStore, data_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    store.set_profile(Profile(name="Ana", target_stage="senior", created_at="2026-01-01T10:00:00"))
    for n in (3, 1, 2):
        store.add_assessment(make_assessment(n))
    store.add_assessment(make_assessment(2, note="edited"))
    store.save_step(StepProgress("education", note="course"))
    store.save_step(StepProgress("education", note="course, week 2"))
    store.save_goal(Goal("g1", "ethics", "Read the code of conduct"))
    store.save_goal(Goal("g1", "ethics", "Read it twice", status=GoalStatus.DONE))
    store.save_goal(Goal("g2", "leadership", "Lead a huddle"))
    assert store.delete_goal("g2").title == "Lead a huddle"

    record = store.record()
    assert [a.id for a in record.assessments] == ["a00001", "a00002", "a00003"]
    assert record.assessments[1].note == "edited"
    assert record.step("education").note == "course, week 2"
    assert [(g.id, g.title) for g in record.goals] == [("g1", "Read it twice")]
    assert record.profile.name == "Ana"
    store.close()
    assert reopened(data_path) == record


def test_assessments_come_back_sorted_by_time(
    store: DataStore, make_assessment: Callable[..., Assessment]
) -> None:
    late = make_assessment(9)
    early = make_assessment(10, taken_at=late.taken_at - timedelta(days=400))
    store.add_assessment(late)
    store.add_assessment(early)
    assert [a.id for a in store.record().assessments] == [early.id, late.id]


def test_delete_returns_what_undo_needs(
    store: DataStore, data_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    for n in range(3):
        store.add_assessment(make_assessment(n))
    before = store.record()
    removed = store.delete_assessment("a00001")
    assert removed == before.assessments[1]
    assert [a.id for a in store.record().assessments] == ["a00000", "a00002"]
    store.add_assessment(removed)
    assert store.record() == before
    store.close()
    assert reopened(data_path) == before


def test_deleting_an_unknown_id_changes_nothing(filled: Path) -> None:
    before = filled.read_bytes()
    with DataStore.open(filled) as store:
        with pytest.raises(KeyError):
            store.delete_assessment("nope")
        with pytest.raises(KeyError):
            store.delete_goal("nope")
    assert filled.read_bytes() == before


def test_replace_record_is_one_write(
    store: DataStore, data_path: Path, sample_record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[Path] = []
    real = atomic.replace_file

    def counting(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr(atomic, "replace_file", counting)
    store.replace_record(sample_record)
    assert [w for w in writes if w.parent == data_path.parent] == [data_path]  # besides backups/
    assert store.record() == sample_record
    store.close()
    assert reopened(data_path) == sample_record


def test_tinydb_works_after_replace_record(
    store: DataStore, sample_record: Record, make_assessment: Callable[..., Assessment]
) -> None:
    store.add_assessment(make_assessment(100))
    store.replace_record(sample_record)
    store.add_assessment(make_assessment(101))
    store.add_assessment(make_assessment(2, note="changed"))
    record = store.record()
    assert len(record.assessments) == len(sample_record.assessments) + 1
    assert {a.note for a in record.assessments if a.id == "a00002"} == {"changed"}
    assert reopened_through_tinydb(store) == len(record.assessments)


def reopened_through_tinydb(store: DataStore) -> int:
    store.close()
    with TinyDB(store.path, storage=AtomicJSONStorage) as db:
        return len(db.table("assessments"))


def test_invalid_documents_are_refused_before_writing(
    filled: Path, make_assessment: Callable[..., Assessment]
) -> None:
    before = filled.read_bytes()
    with DataStore.open(filled) as store:
        with pytest.raises(UsageError, match="rates 'communication' as 9"):
            store.add_assessment(make_assessment(1, ratings={"communication": 9}))
        with pytest.raises(UsageError, match="juggling"):
            store.save_goal(Goal("g9", "juggling", "Juggle"))
        with pytest.raises(UsageError, match="CarePath does not know"):
            store.set_profile(Profile(current_stage="wizard"))
        with pytest.raises(UsageError):
            store.replace_record(Record(assessments=(make_assessment(1, id=""),)))
        assert store.record() == reopened_while_open(filled, store)
    assert filled.read_bytes() == before


def reopened_while_open(path: Path, store: DataStore) -> Record:
    return storage.inspect_file(path)


def test_last_saved_follows_the_file(
    store: DataStore, data_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    store.add_assessment(make_assessment(1))
    assert store.last_saved is not None
    assert store.last_saved.timestamp() == pytest.approx(data_path.stat().st_mtime, abs=1e-3)


def test_a_closed_store_refuses_writes(store: DataStore) -> None:
    store.close()
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.save_goal(Goal("g1", "ethics", "x"))


# --- atomic writing ------------------------------------------------------------------------------


def test_saves_leave_no_temporary_files(
    store: DataStore,
    data_path: Path,
    make_assessment: Callable[..., Assessment],
    temp_files: Callable[[Path], list[str]],
) -> None:
    for n in range(5):
        store.add_assessment(make_assessment(n))
    store.delete_assessment("a00003")
    assert temp_files(data_path.parent) == []


def test_orphan_temp_files_are_removed_on_open(
    filled: Path, temp_files: Callable[[Path], list[str]]
) -> None:
    folder = filled.parent
    (folder / ".carepath-abc123.tmp").write_text("half a save")
    (folder / f".carepath-{filled.name}.0123abcd.tmp").write_text("{")
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / ".carepath-carepath-20260101-101010-daily.json.0123abcd.tmp").touch()
    (folder / "notes.tmp").write_text("not ours")
    with DataStore.open(filled):
        assert temp_files(folder) == []
    assert (folder / "notes.tmp").exists()


def test_temp_files_of_another_open_data_file_are_spared(
    filled: Path, temp_files: Callable[[Path], list[str]]
) -> None:
    other = filled.with_name("work.json")
    with DataStore.open(other):
        in_flight = other.with_name(f".carepath-{other.name}.89abcdef.tmp")
        in_flight.write_text("being written")
        with DataStore.open(filled):
            assert in_flight.exists()
    with DataStore.open(other):
        assert not in_flight.exists()


def test_temp_files_of_an_export_in_flight_are_spared_until_stale(
    filled: Path, temp_files: Callable[[Path], list[str]]
) -> None:
    folder = filled.parent
    export = folder / ".carepath-plan.html.0123abcd.tmp"  # no lock to ask whether it is alive
    export.write_text("<html>")
    with DataStore.open(filled):
        assert export.exists()
    an_hour_ago = time.time() - 3700
    os.utime(export, (an_hour_ago, an_hour_ago))
    with DataStore.open(filled):
        assert temp_files(folder) == []


def test_every_atomic_write_names_its_temp_file_after_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temps: list[str] = []
    real = os.replace

    def watching(source: str | Path, target: str | Path) -> None:
        temps.append(Path(source).name)
        real(source, target)

    monkeypatch.setattr(os, "replace", watching)
    write_atomic(tmp_path / "plan.html", b"<html>")
    atomic.write_data_file(tmp_path / "carepath.json", b"{}")
    long_name = "é" * 120 + ".json"  # 245 bytes: the temp name keeps a prefix of it
    write_atomic(tmp_path / long_name, b"{}")
    assert [temp_target(name) for name in temps] == [
        "plan.html",
        "carepath.json",
        temp_label(long_name),
    ]
    assert long_name.startswith(temp_label(long_name)) and len(temps[2].encode()) <= 255


@posix_only
def test_files_are_private(
    store: DataStore, data_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    os.chmod(data_path, 0o644)
    store.add_assessment(make_assessment(1))
    assert mode(data_path) == 0o600
    assert mode(data_path.with_name("carepath.json.lock")) == 0o600


def test_storage_reads_once_and_rereads_after_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    kept = AtomicJSONStorage(path)
    assert kept.read() is None
    path.write_text("")
    assert kept.read() is None
    kept.write({"t": {"1": {"x": 1}}})
    path.write_text('{"t": {}}')  # nobody else writes while we hold the lock; the copy wins
    assert kept.read() == {"t": {"1": {"x": 1}}}

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError, match="disk is full"):
        kept.write({"t": {"1": {"x": 2}}})
    monkeypatch.undo()
    assert kept.read() == {"t": {}}  # forgotten: the disk's word now


# --- the disk says no ----------------------------------------------------------------------------


def _raise(code: int, message: str) -> Callable[..., None]:
    def refuse(*_: object, **__: object) -> None:
        raise OSError(code, message)

    return refuse


@pytest.mark.parametrize(
    ("function", "code", "words"),
    [
        ("write", errno.ENOSPC, "the disk is full; free some space"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("replace", errno.EROFS, "read-only"),
        ("replace", errno.EACCES, "read-only"),
        ("replace", errno.ENOENT, "no longer exists"),
        ("write", errno.EIO, "check the disk"),
    ],
)
def test_a_refused_save_keeps_the_last_good_file(
    filled: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_assessment: Callable[..., Assessment],
    temp_files: Callable[[Path], list[str]],
    function: str,
    code: int,
    words: str,
) -> None:
    with DataStore.open(filled) as store:
        store.add_assessment(make_assessment(50))  # today's automatic backup is made here
        good = filled.read_bytes()
        before = store.record()
        with monkeypatch.context() as patch:
            patch.setattr(os, function, _raise(code, os.strerror(code)))
            with pytest.raises(SaveError) as caught:
                store.add_assessment(make_assessment(51))
        message = str(caught.value)
        assert message.startswith(f"Could not save to {filled} ")
        assert words in message
        assert message.endswith("export a backup to another folder with File > Export backup.")
        assert message.endswith(".") and message.count(". ") == 0
        assert filled.read_bytes() == good
        assert store.record() == before
        assert temp_files(filled.parent) == []
        # Still usable once the disk is back.
        store.add_assessment(make_assessment(52))
        store.delete_assessment("a00050")
        expected = store.record()
    assert [a.id for a in expected.assessments][-1] == "a00052"
    assert reopened(filled) == expected


def test_a_permission_error_without_a_code_still_reads_as_read_only(
    filled: Path, monkeypatch: pytest.MonkeyPatch, make_assessment: Callable[..., Assessment]
) -> None:
    def denied(*_: object) -> None:
        raise PermissionError("denied")

    with DataStore.open(filled) as store:
        monkeypatch.setattr(os, "replace", denied)
        with pytest.raises(SaveError, match="read-only or not yours"):
            store.add_assessment(make_assessment(60))


def test_every_kind_of_change_recovers_from_a_full_disk(
    filled: Path, monkeypatch: pytest.MonkeyPatch, make_assessment: Callable[..., Assessment]
) -> None:
    changes: list[Callable[[DataStore], object]] = [
        lambda s: s.set_profile(Profile(name="B", created_at="2026-01-01T00:00:00")),
        lambda s: s.add_assessment(make_assessment(1, note="x")),
        lambda s: s.delete_assessment("a00002"),
        lambda s: s.save_step(StepProgress("network")),
        lambda s: s.save_goal(Goal("g1", "ethics", "changed")),
        lambda s: s.delete_goal("g2"),
        lambda s: s.replace_record(Record()),
    ]
    with DataStore.open(filled) as store:
        good = filled.read_bytes()
        before = store.record()
        for change in changes:
            with monkeypatch.context() as patch:
                patch.setattr(os, "write", _raise(errno.ENOSPC, "No space left on device"))
                with pytest.raises(SaveError):
                    change(store)
            assert store.record() == before
            assert filled.read_bytes() == good


# --- import and export -------------------------------------------------------------------------


def test_export_then_import_elsewhere_gives_the_same_record(
    filled: Path, tmp_path: Path, sample_record: Record
) -> None:
    with DataStore.open(filled) as store:
        document = store.export_backup()
    other = tmp_path / "other.json"
    with DataStore.open(other) as fresh:
        report = fresh.import_backup(json.loads(json.dumps(document)))
        assert fresh.record() == sample_record
    assert report == ImportReport(
        assessments_added=5, goals_added=2, steps_updated=2, profile_replaced=True
    )
    assert reopened(other) == sample_record


def test_importing_twice_adds_nothing_and_writes_nothing(
    filled: Path, sample_record: Record, tmp_path: Path
) -> None:
    extra = replace(
        sample_record,
        assessments=(*sample_record.assessments[:2], assessment_like(sample_record, 77)),
    )
    other = tmp_path / "other.json"
    with DataStore.open(other) as source:
        source.replace_record(extra)
        document = source.export_backup()
    with DataStore.open(filled) as store:
        first = store.import_backup(document)
        after_first = filled.read_bytes()
        second = store.import_backup(document)
        assert filled.read_bytes() == after_first
    assert first.assessments_added == 1 and first.assessments_skipped == 2
    assert not first.profile_replaced  # ours was set up
    assert second == ImportReport(assessments_skipped=3, goals_skipped=2)
    assert not second.changed


def assessment_like(record: Record, n: int) -> Assessment:
    template = record.assessments[0]
    return replace(template, id=f"x{n}", taken_at=template.taken_at + timedelta(days=n))


def test_import_takes_steps_from_the_backup_and_keeps_our_profile(
    filled: Path, sample_record: Record
) -> None:
    with DataStore.open(filled) as store:
        document = store.export_backup()
        store.save_step(StepProgress("education", note="ours, newer"))
        store.set_profile(replace(sample_record.profile, name="Kept"))
        report = store.import_backup(document)
        assert store.record().step("education").note == "evening course"
        assert store.record().profile.name == "Kept"
    assert report.steps_updated == 1 and not report.profile_replaced


# --- round trips ---------------------------------------------------------------------------------

_ids = st.sampled_from([f"a{n:05d}" for n in range(6)])
_operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), _ids, st.integers(0, 400), st.text(max_size=20)),
        st.tuples(st.just("delete"), _ids),
        st.tuples(st.just("goal"), st.sampled_from(["g1", "g2"]), st.text(max_size=20)),
        st.tuples(st.just("drop goal"), st.sampled_from(["g1", "g2"])),
        st.tuples(st.just("step"), st.sampled_from(["education", "network"]), st.text(max_size=9)),
        st.tuples(st.just("profile"), st.text(max_size=30)),
    ),
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=_operations)
def test_any_sequence_of_changes_reopens_to_the_same_record(
    operations: list[tuple[object, ...]], make_assessment: Callable[..., Assessment]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "carepath.json"
        model: dict[str, Assessment] = {}
        with DataStore.open(path) as store:
            for operation in operations:
                apply(store, operation, model, make_assessment)
            record = store.record()
        assert {a.id: a for a in record.assessments} == model
        assert list(record.assessments) == sorted(
            record.assessments, key=lambda a: (a.taken_at, a.id)
        )
        assert reopened(path) == record


def apply(
    store: DataStore,
    operation: tuple[object, ...],
    model: dict[str, Assessment],
    make_assessment: Callable[..., Assessment],
) -> None:
    kind, key, *rest = operation
    assert isinstance(key, str)
    if kind == "add":
        days, note = rest
        new = make_assessment(0, id=key, note=note)
        new = replace(new, taken_at=new.taken_at + timedelta(days=int(str(days))))
        store.add_assessment(new)
        model[key] = new
    elif kind == "delete":
        if key in model:
            assert store.delete_assessment(key) == model.pop(key)
        else:
            with pytest.raises(KeyError):
                store.delete_assessment(key)
    elif kind == "goal":
        store.save_goal(Goal(key, "ethics", str(rest[0])))
    elif kind == "drop goal":
        if any(g.id == key for g in store.record().goals):
            store.delete_goal(key)
    elif kind == "step":
        store.save_step(StepProgress(key, note=str(rest[0])))
    else:
        store.set_profile(Profile(name=key))


# --- speed ---------------------------------------------------------------------------------------


def test_saving_one_assessment_does_not_reread_the_file(
    tmp_path: Path, make_assessment: Callable[..., Assessment]
) -> None:
    """The budget is 15 ms at 1,000 assessments; the bound here is loose for shared machines."""
    path = tmp_path / "big.json"
    with DataStore.open(path) as store:
        store.replace_record(Record(assessments=tuple(make_assessment(n) for n in range(1000))))
        store.add_assessment(make_assessment(5000))  # the day's backup is taken on this one
        times = []
        for n in range(1001, 1012):
            started = time.perf_counter()
            store.add_assessment(make_assessment(n))
            times.append(time.perf_counter() - started)
    assert statistics.median(times) < 0.06


def test_text_that_is_not_unicode_is_refused_with_a_sentence(store: DataStore) -> None:
    before = store.path.read_bytes()
    with pytest.raises(SaveError, match="cannot be stored as UTF-8"):
        store.add_assessment(Assessment.create({"ethics": 3}, note="bad \udcff byte"))
    assert store.path.read_bytes() == before
    assert all(a.note != "bad \udcff byte" for a in store.record().assessments)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), _json_values, max_size=5))
def test_the_file_is_encoded_as_the_json_module_would(data: dict[str, object]) -> None:
    """orjson writes the record; a file must stay what ``json`` wrote before, byte for byte."""
    expected = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert storage._encode(data) == expected
    assert json.loads(storage._encode(data)) == data
