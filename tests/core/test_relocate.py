"""Moving the data file: the record is always whole in one place, the lock and backups follow."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from carepath.core import relocate
from carepath.core.autobackup import backup_folder, list_backups, make_backup
from carepath.core.errors import FileInUseError, SaveError, UsageError
from carepath.core.lock import is_locked_elsewhere, lock_path_for
from carepath.core.storage import DataStore


@pytest.fixture
def open_store(demo_path: Path):
    store = DataStore.open(demo_path)
    yield store
    store.close()


def test_copy_then_remove_moves_record_lock_and_backups(open_store, tmp_path: Path) -> None:
    old = open_store.path
    make_backup(old, "daily")
    old_backups = list_backups(old)
    target_folder = tmp_path / "elsewhere"
    target_folder.mkdir()
    target = target_folder / "mine.json"

    new_store, move = relocate.copy_data_file(open_store, target)
    try:
        # Both exist until the caller has switched over.
        assert old.exists() and target.exists()
        assert new_store.record() == open_store.record()
        assert new_store.path == target
        moved = list_backups(target)
        assert len(moved) == len(old_backups) >= 1
        assert all(b.name.startswith("mine-") for b in moved)
        open_store.close()
        assert relocate.remove_old_data_file(move) == []
        assert not old.exists()
        assert not lock_path_for(old).exists()
        assert not backup_folder(old).exists()  # emptied, so removed
        assert is_locked_elsewhere(target)  # the lock moved with the file
        with pytest.raises(FileInUseError):
            DataStore.open(target)
        if os.name == "posix":
            assert target.stat().st_mode & 0o777 == 0o600
    finally:
        new_store.close()


@pytest.mark.parametrize("how", ["exists", "same", "no folder"])
def test_refused_targets_leave_everything_as_it_was(open_store, tmp_path: Path, how: str) -> None:
    if how == "exists":
        target = tmp_path / "taken.json"
        target.write_text("something of the user's", encoding="utf-8")
    elif how == "same":
        target = open_store.path
    else:
        target = tmp_path / "missing" / "x.json"
    before = open_store.path.read_bytes()
    with pytest.raises(UsageError):
        relocate.copy_data_file(open_store, target)
    assert open_store.path.read_bytes() == before
    if how == "exists":
        assert target.read_text(encoding="utf-8") == "something of the user's"
    assert open_store.record().assessments  # the store is still open and usable


def test_a_copy_that_does_not_read_back_is_removed(
    open_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "moved.json"
    monkeypatch.setattr(relocate, "inspect_file", lambda path: None)
    with pytest.raises(SaveError, match="does not read back"):
        relocate.copy_data_file(open_store, target)
    assert not target.exists()
    assert open_store.path.exists()
