"""Move the data file to another folder (Preferences ▸ Move data file…) without risking the record.

The move is two calls so that the record exists, whole, in at least one place at every moment:

1. :func:`copy_data_file` copies the file atomically to the new place, checks that the copy reads
   back as the same record, copies this file's automatic backups beside it and opens the copy
   (taking its lock). The old file is still open and untouched: on any failure the copy is
   removed again and the user keeps working where they were.
2. The caller switches to the new store, closes the old one, and only then calls
   :func:`remove_old_data_file`, which deletes the old file, its lock file and the backups that
   were copied.

A target that already exists is refused: a move never overwrites anything.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from carepath.core.atomic import describe_os_error, write_atomic
from carepath.core.autobackup import backup_folder, list_backups
from carepath.core.datafile import inspect_file
from carepath.core.errors import DataFileError, SaveError, UsageError
from carepath.core.lock import lock_path_for
from carepath.core.storage import DataStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Move:
    """What :func:`copy_data_file` did, so that the old copies can be removed afterwards."""

    old_path: Path
    new_path: Path
    #: (old backup, its copy) for every automatic backup that was copied.
    backups: tuple[tuple[Path, Path], ...]


def check_target(current: Path, target: Path) -> Path:
    """The absolute target, or UsageError saying in one sentence why it cannot be used."""
    target = Path(os.path.abspath(target.expanduser()))
    if target == Path(os.path.abspath(current)):
        raise UsageError("The data file is already there; choose another folder or name.")
    if target.exists() or target.is_symlink():
        raise UsageError(
            f"{target} already exists, and moving never overwrites a file; choose a new name "
            "or another folder."
        )
    if not target.parent.is_dir():
        raise UsageError(f"The folder {target.parent} does not exist; create it or choose another.")
    return target


def copy_data_file(store: DataStore, target: Path) -> tuple[DataStore, Move]:
    """Copy the open data file to ``target``, check it and open it there (see the module doc).

    Returns the new store (holding the new lock) and the :class:`Move` to finish with
    :func:`remove_old_data_file`. Raises a ``CarePathError`` with one sentence on any failure; the
    old file is then still open and nothing new is left behind.
    """
    old_path = Path(os.path.abspath(store.path))
    target = check_target(old_path, target)
    source = old_path.resolve()
    try:
        payload = source.read_bytes()
    except OSError as error:
        raise DataFileError(describe_os_error(error, old_path, data_file=True), old_path) from error
    written: list[Path] = []
    try:
        write_atomic(target, payload)
        written.append(target)
        if inspect_file(target) != store.record():
            raise SaveError(
                f"The copy at {target} does not read back as your record; the data file stays "
                f"at {old_path}."
            )
        backups = _copy_backups(old_path, target, written)
        new_store = DataStore.open(target, create=False)
    except BaseException:
        for path in reversed(written):
            with contextlib.suppress(OSError):
                path.unlink()
        _remove_if_empty(backup_folder(target))
        raise
    return new_store, Move(old_path, target, backups)


def _copy_backups(
    old_path: Path, target: Path, written: list[Path]
) -> tuple[tuple[Path, Path], ...]:
    """Copy this file's automatic backups into the new folder's ``backups``, renamed after it."""
    copied = []
    old_stem, new_stem = old_path.stem, target.stem
    folder = backup_folder(target)
    for backup in list_backups(old_path):
        name = new_stem + backup.name[len(old_stem) :]
        destination = folder / name
        if destination.exists():
            continue  # never overwrite; the old copy then stays where it was
        if not folder.exists():
            folder.mkdir(mode=0o700)
        try:
            write_atomic(destination, backup.read_bytes())
        except OSError as error:
            raise SaveError(describe_os_error(error, destination)) from error
        written.append(destination)
        copied.append((backup, destination))
    return tuple(copied)


def remove_old_data_file(move: Move) -> list[Path]:
    """Delete the old file, its lock file and the copied backups; call after switching over.

    Returns what could not be removed (the move itself has succeeded either way).
    """
    left: list[Path] = []
    old_backups = [old for old, _new in move.backups]
    for path in (move.old_path, lock_path_for(move.old_path), *old_backups):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            log.warning("could not remove %s after moving the data file", path)
            left.append(path)
    _remove_if_empty(backup_folder(move.old_path))
    return left


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only succeeds when empty


__all__ = ["Move", "check_target", "copy_data_file", "remove_old_data_file"]
