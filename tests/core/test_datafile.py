"""Reading a data file without trusting it, and tidying what killed saves left, called directly.

The same rules are exercised through ``DataStore`` in test_storage.py and test_damaged_files.py;
here each one is called in-process on real files so that every branch has a test of its own.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from carepath.core.datafile import (
    check_data,
    decode_data,
    fresh_layout,
    inspect_bytes,
    inspect_file,
    quarantine,
    read_data,
    remove_orphan_temps,
)
from carepath.core.errors import DamagedFileError, DataFileError, NewerVersionError
from carepath.core.lock import DataLock
from carepath.core.migrations import CURRENT_SCHEMA_VERSION
from carepath.core.models import Record

AN_HOUR = 3600


def age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def temp(folder: Path, target: str, seconds_old: float = 0) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f".carepath-{target}.0123abcd.tmp"
    path.write_text("being written")
    return age(path, seconds_old)


# --- what killed saves leave behind --------------------------------------------------------------


def test_in_the_backups_folder_only_this_files_and_stale_temps_are_removed(data_path: Path) -> None:
    backups = data_path.parent / "backups"
    ours = temp(backups, "carepath-20260101-101010-daily.json")
    others_fresh = temp(backups, "work-20260101-101010-daily.json")
    others_old = temp(backups, "work-20260101-101011-daily.json", AN_HOUR + 100)
    unreadable = backups / ".carepath-x.tmp"  # no target in its name: nobody's in-flight write
    unreadable.write_text("?")
    kept = backups / "carepath-20260101-101010-daily.json"
    kept.write_text("{}")
    removed = remove_orphan_temps(data_path)
    assert sorted(removed) == sorted([ours, others_old, unreadable])
    assert others_fresh.exists() and kept.exists()


def test_beside_the_data_file_a_temp_is_kept_while_its_writer_may_be_alive(
    data_path: Path,
) -> None:
    folder = data_path.parent
    ours = temp(folder, data_path.name)
    export_fresh = temp(folder, "plan.html", AN_HOUR - 100)
    export_stale = temp(folder, "history.csv", AN_HOUR + 100)
    open_file = folder / "work.json"
    closed_file = folder / "old.json"
    closed_file.with_name("old.json.lock").write_text("")  # a lock file, but nobody holds it
    open_temp = temp(folder, open_file.name)
    closed_temp = temp(folder, closed_file.name)
    with DataLock(open_file):
        removed = remove_orphan_temps(data_path)
    assert sorted(removed) == sorted([ours, export_stale, closed_temp])
    assert export_fresh.exists() and open_temp.exists()


def test_no_folder_no_temps_nothing_removed(tmp_path: Path) -> None:
    assert remove_orphan_temps(tmp_path / "missing" / "carepath.json") == []
    (tmp_path / "notes.tmp").write_text("not ours")
    assert remove_orphan_temps(tmp_path / "carepath.json") == []
    assert (tmp_path / "notes.tmp").exists()


# --- decoding and checking -----------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"  \n", b"null"])
def test_an_empty_file_is_an_empty_database(raw: bytes, tmp_path: Path) -> None:
    assert decode_data(raw, tmp_path / "x.json") == {}


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        (b"\xff\xfe{", "binary data"),
        (b'{"a": ', "cut off or is not JSON"),
        (b"[1, 2]", "it holds a list where a CarePath record belongs"),
        (b'"text"', "it holds text where"),
    ],
)
def test_undecodable_files_are_named_damaged_in_one_sentence(
    raw: bytes, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "x.json"
    with pytest.raises(DamagedFileError) as caught:
        decode_data(raw, path)
    message = str(caught.value)
    assert words in message
    assert message.startswith(f"{path} is not a readable CarePath file (")
    assert message.endswith("start fresh or restore an automatic backup.")


def stored(demo_path: Path) -> dict[str, object]:
    return json.loads(demo_path.read_text("utf-8"))


def test_a_newer_file_is_refused_by_version(demo_path: Path) -> None:
    data = stored(demo_path)
    data["meta"]["1"]["schema_version"] = CURRENT_SCHEMA_VERSION + 1  # type: ignore[index]
    with pytest.raises(NewerVersionError, match=f"data version {CURRENT_SCHEMA_VERSION + 1}"):
        check_data(data, demo_path)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(assessments=[]), "its 'assessments' table is a list"),
        (lambda d: d["assessments"].update(x1={}), "an entry numbered 'x1'"),
        (lambda d: d["assessments"].update({"١": {}}), "an entry numbered '١'"),
        (lambda d: d["profile"]["1"].pop("name"), "the profile has no 'name'"),
    ],
)
def test_a_damaged_table_names_its_fault(demo_path: Path, change, words: str) -> None:  # type: ignore[no-untyped-def]
    data = stored(demo_path)
    change(data)
    with pytest.raises(DamagedFileError, match=words):
        check_data(data, demo_path)


def test_another_programs_tinydb_file_is_not_taken_for_ours(tmp_path: Path) -> None:
    with pytest.raises(DamagedFileError, match="another program: it has a table named 'songs'"):
        check_data({"songs": {"1": {"title": "x"}}}, tmp_path / "x.json")


def test_reading_gives_the_record_and_names_unreadable_paths(demo_path: Path) -> None:
    record = inspect_file(demo_path)
    assert record == inspect_bytes(demo_path.read_bytes(), demo_path)
    assert len(record.assessments) == 12
    with pytest.raises(DataFileError, match="does not exist"):
        inspect_file(demo_path.with_name("missing.json"))
    with pytest.raises(DataFileError, match="is a folder, not a CarePath file"):
        inspect_file(demo_path.parent)


# --- starting again ------------------------------------------------------------------------------


def test_quarantine_moves_aside_and_never_overwrites(data_path: Path) -> None:
    data_path.write_text("damaged")
    now = time.time()
    stamps = [datetime.fromtimestamp(now + s).strftime("%Y%m%d-%H%M%S") for s in (0, 1)]
    for stamp in stamps:  # this second and the next are taken twice over
        for name in (f"carepath.damaged-{stamp}.json", f"carepath.damaged-{stamp}-2.json"):
            (data_path.parent / name).write_text("an earlier one")
    moved = quarantine(data_path)
    assert moved.name in {f"carepath.damaged-{stamp}-3.json" for stamp in stamps}
    assert moved.read_text() == "damaged" and not data_path.exists()
    aside = sorted(p.read_text() for p in data_path.parent.glob("carepath.damaged-*"))
    assert aside == [*["an earlier one"] * 4, "damaged"]  # nothing overwritten


# --- every refusal names its file, in the words the user reads -----------------------------------


def refusal(call, path: Path) -> DataFileError:  # type: ignore[no-untyped-def]
    with pytest.raises(DataFileError) as caught:
        call()
    assert caught.value.path == path  # the dialog offers to move this very file aside
    assert str(path) in str(caught.value)
    return caught.value


def test_layout_and_version_refusals_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    bad_version = {"meta": {"1": {"schema_version": "one", "app": "carepath"}}}
    error = refusal(lambda: check_data(bad_version, path), path)
    assert "(its version record says 'one', which is not a version number)" in str(error)
    newer = {"meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION + 1}}}
    error = refusal(lambda: check_data(newer, path), path)
    assert isinstance(error, NewerVersionError)
    assert str(error) == (
        f"{path} was saved by a newer CarePath (data version {CURRENT_SCHEMA_VERSION + 1}; this "
        f"one reads up to {CURRENT_SCHEMA_VERSION}); it was left untouched — install the newer "
        "CarePath to open it."
    )


def test_long_names_in_messages_are_cut_to_a_readable_length(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    key = "k" * 30
    numbered = {"meta": {"1": {"schema_version": 1}}, "goals": {key: {}}}
    error = refusal(lambda: check_data(numbered, path), path)
    assert f"an entry numbered '{'k' * 20}')" in str(error)
    foreign = {"t" * 50: {}}
    error = refusal(lambda: check_data(foreign, path), path)
    assert f"it has a table named '{'t' * 40}')" in str(error)


def test_a_migration_that_fails_leaves_the_file_damaged_not_half_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carepath.core import migrations

    def broken(data: dict[str, object]) -> dict[str, object]:
        raise KeyError("profile")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, broken)
    path = tmp_path / "old.json"
    error = refusal(lambda: check_data({"profile": {}}, path), path)
    assert "(it could not be upgraded: 'profile')" in str(error)


def test_a_new_files_layout_reads_as_an_empty_current_record(tmp_path: Path) -> None:
    data, record, version = check_data(fresh_layout(), tmp_path / "new.json")
    assert version == CURRENT_SCHEMA_VERSION
    assert record == Record() and data == fresh_layout()


def test_unreadable_paths_are_named_as_shown(demo_path: Path) -> None:
    link = demo_path.with_name("shortcut.json")
    missing = demo_path.with_name("missing.json")
    error = refusal(lambda: read_data(missing, shown=link), link)
    assert str(error) == f"{link} does not exist; check the name and try again."
    error = refusal(lambda: read_data(demo_path.parent, shown=link), link)
    assert str(error) == f"{link} is a folder, not a CarePath file; choose a file."
    damaged = demo_path.with_name("damaged.json")
    damaged.write_text("[]")
    refusal(lambda: inspect_bytes(b"[]", damaged), damaged)
    refusal(lambda: inspect_bytes(b'{"goals": []}', damaged), damaged)


def test_each_removed_temp_is_logged(data_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    ours = temp(data_path.parent, data_path.name)
    with caplog.at_level(logging.INFO, logger="carepath.core.datafile"):
        assert remove_orphan_temps(data_path) == [ours]
    assert caplog.messages == [f"removed {ours}, left by an interrupted save"]


def test_quarantine_that_cannot_move_says_what_to_do(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_path.write_text("damaged")

    def cross_device(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "rename", cross_device)
    error = refusal(lambda: quarantine(data_path), data_path)
    assert str(error) == (
        f"Could not move {data_path} aside (Invalid cross-device link); move or rename it "
        "yourself, then start again."
    )
    assert data_path.read_text() == "damaged"


def test_damaged_file_sentences_in_full(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    end = "; it was left untouched — start fresh or restore an automatic backup."
    for raw, reason in [
        (b"\xef\xbb\xbf{}", "it begins with an invisible byte-order mark, as some editors add"),
        (b"\xff\xfe{", "it holds binary data, not text"),
        (b'{"a": ', "the text is cut off or is not JSON"),
    ]:
        error = refusal(lambda raw=raw: decode_data(raw, path), path)
        assert str(error) == f"{path} is not a readable CarePath file ({reason}){end}"


def test_a_path_through_a_file_cannot_be_read_and_says_so(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain.txt"
    not_a_folder.write_text("x")
    inside = not_a_folder / "carepath.json"
    error = refusal(lambda: read_data(inside), inside)
    assert str(error) == f"Cannot read {inside} (Not a directory); check its permissions and retry."
    error = refusal(lambda: inspect_file(tmp_path / "gone.json"), tmp_path / "gone.json")
    assert str(error) == f"{tmp_path / 'gone.json'} does not exist; check the name and try again."


def test_a_new_file_starts_with_a_version_record_tinydb_can_number() -> None:
    assert fresh_layout() == {"meta": {"1": {"schema_version": 1, "app": "carepath"}}}
