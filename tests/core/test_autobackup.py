"""Automatic copies beside the data file: daily, before migrations and restores, newest ten kept."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path

import pytest

from carepath.core import autobackup, storage
from carepath.core.autobackup import (
    backup_if_due,
    list_backups,
    make_backup,
    prune,
)
from carepath.core.errors import (
    DamagedFileError,
    DataFileError,
    FileInUseError,
    NewerVersionError,
    SaveError,
)
from carepath.core.models import Assessment, Record
from carepath.core.restore import restore_backup
from carepath.core.storage import DataStore


class Clock(datetime):
    """``datetime`` whose ``now`` the test moves by hand."""

    current = datetime(2026, 11, 26, 9, 30, 0)

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> Clock:
        c = cls.current
        return cls(c.year, c.month, c.day, c.hour, c.minute, c.second)


class Calendar(date):
    @classmethod
    def today(cls) -> Calendar:
        c = Clock.current
        return cls(c.year, c.month, c.day)


@pytest.fixture
def filled(filled: Path) -> Path:
    """The shared fixture's file without the backup its creation took, so counts start at 0."""
    for old in list_backups(filled):
        old.unlink()
    return filled


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> type[Clock]:
    monkeypatch.setattr(autobackup, "datetime", Clock)
    monkeypatch.setattr(autobackup, "date", Calendar)
    Clock.current = datetime(2026, 11, 26, 9, 30, 0)
    return Clock


def test_a_backup_is_a_private_copy_named_for_its_time_and_reason(
    filled: Path, clock: type[Clock]
) -> None:
    made = make_backup(filled, "daily")
    assert made == filled.parent / "backups" / "carepath-20261126-093000-daily.json"
    assert made.read_bytes() == filled.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_backups_never_overwrite_each_other(filled: Path, clock: type[Clock]) -> None:
    names = [make_backup(filled, "daily").name for _ in range(3)]
    assert names == [
        "carepath-20261126-093000-daily.json",
        "carepath-20261126-093000-daily-2.json",
        "carepath-20261126-093000-daily-3.json",
    ]
    assert [p.name for p in list_backups(filled)] == names[::-1]


def test_reasons_are_plain_words(filled: Path) -> None:
    with pytest.raises(ValueError):
        make_backup(filled, "../escape")


def test_list_is_newest_first_and_ignores_look_alikes(filled: Path, clock: type[Clock]) -> None:
    made = []
    for day in (3, 1, 2):
        clock.current = datetime(2026, 11, day, 8, 0, 0)
        made.append(make_backup(filled, "daily"))
    folder = filled.parent / "backups"
    (folder / "carepath-work-20261130-080000-daily.json").write_text("{}")  # another file's
    (folder / "carepath-notes.json").write_text("{}")
    assert list_backups(filled) == [made[0], made[2], made[1]]


def test_one_backup_a_day_and_only_the_newest_kept(filled: Path, clock: type[Clock]) -> None:
    for day in range(1, 16):
        clock.current = datetime(2026, 10, day, 12, 0, 0)
        assert backup_if_due(filled) is not None
        assert backup_if_due(filled) is None
    kept = list_backups(filled)
    assert len(kept) == autobackup.DEFAULT_KEEP
    assert kept[0].name == "carepath-20261015-120000-daily.json"
    assert kept[-1].name == "carepath-20261006-120000-daily.json"
    assert prune(filled, keep=3)[0].name == "carepath-20261012-120000-daily.json"
    assert len(list_backups(filled)) == 3


def test_no_backup_of_a_missing_or_empty_file(data_path: Path) -> None:
    assert backup_if_due(data_path) is None
    data_path.write_bytes(b"")
    assert backup_if_due(data_path) is None


def test_saving_takes_the_days_backup_once(
    filled: Path,
    clock: type[Clock],
    make_assessment: Callable[..., Assessment],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storage, "date", Calendar)
    before = filled.read_bytes()
    with DataStore.open(filled) as store:
        store.add_assessment(make_assessment(40))
        store.add_assessment(make_assessment(41))
        assert [b.read_bytes() for b in list_backups(filled)] == [before]
        clock.current = datetime(2026, 11, 27, 9, 0, 0)
        store.add_assessment(make_assessment(42))
    assert len(list_backups(filled)) == 2


def test_a_failing_backup_does_not_stop_the_save(
    filled: Path, monkeypatch: pytest.MonkeyPatch, make_assessment: Callable[..., Assessment]
) -> None:
    def refuse(*_: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autobackup, "make_backup", refuse)
    with DataStore.open(filled) as store:
        store.add_assessment(make_assessment(40))
        assert any(a.id == "a00040" for a in store.record().assessments)


# --- restoring -----------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(
    filled: Path, sample_record: Record, clock: type[Clock]
) -> None:
    chosen = make_backup(filled, "daily")
    with DataStore.open(filled) as store:
        store.replace_record(Record())
    replaced = filled.read_bytes()
    clock.current = datetime(2026, 11, 26, 10, 0, 0)
    saved = restore_backup(chosen, filled)
    assert saved is not None and re.search(r"-before-restore\.json$", saved.name)
    assert saved.read_bytes() == replaced
    assert filled.read_bytes() == chosen.read_bytes()
    with DataStore.open(filled) as store:
        assert store.record() == sample_record


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"{not json", DamagedFileError),
        (b'{"meta": {"1": {"schema_version": 99, "app": "carepath"}}}', NewerVersionError),
    ],
)
def test_an_unusable_backup_is_refused_before_anything_changes(
    filled: Path, tmp_path: Path, content: bytes, error: type[Exception]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = filled.read_bytes()
    with pytest.raises(error, match=re.escape(str(bad))):
        restore_backup(bad, filled)
    assert filled.read_bytes() == before
    assert not any("before-restore" in p.name for p in list_backups(filled))


def test_restore_refuses_while_the_file_is_open(filled: Path) -> None:
    chosen = make_backup(filled, "daily")
    with DataStore.open(filled), pytest.raises(FileInUseError):
        restore_backup(chosen, filled)


def test_an_open_store_can_restore_without_letting_go(
    filled: Path, sample_record: Record, make_assessment: Callable[..., Assessment]
) -> None:
    chosen = make_backup(filled, "daily")
    with DataStore.open(filled) as store:
        store.add_assessment(make_assessment(90))
        saved = store.restore(chosen)
        assert store.record() == sample_record
        assert saved is not None and "before-restore" in saved.name
        store.add_assessment(make_assessment(91))
    with DataStore.open(filled) as store:
        assert len(store.record().assessments) == len(sample_record.assessments) + 1


def test_restore_stops_if_the_current_file_cannot_be_copied(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = make_backup(filled, "daily")
    with DataStore.open(filled) as store:
        store.replace_record(Record())
    before = filled.read_bytes()

    def refuse(*_: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autobackup, "make_backup", refuse)
    with pytest.raises(SaveError, match="nothing was changed"):
        restore_backup(chosen, filled)
    assert filled.read_bytes() == before


def test_no_migration_without_its_backup(data_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    early = b'{"assessments": {}, "goals": {"1": {"id": "g", "skill": "ethics", "title": "t"}}}'
    data_path.write_bytes(early)

    def refuse(*_: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autobackup, "make_backup", refuse)
    with pytest.raises(DataFileError, match="before upgrading it"):
        DataStore.open(data_path)
    assert data_path.read_bytes() == early
