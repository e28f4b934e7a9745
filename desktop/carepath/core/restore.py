"""Put an automatic backup back in place of the data file, keeping a copy of what it replaces.

Apart from ``autobackup`` (which only makes, lists and prunes copies) because a restore must first
check that the backup reads as a CarePath record (``datafile``), and ``datafile`` in turn asks
``autobackup`` which temporary files in ``backups/`` are its own: this way imports run one way,
``atomic ← autobackup ← datafile ← restore ← storage``.
"""

from __future__ import annotations

from pathlib import Path

from carepath.core import autobackup
from carepath.core.atomic import write_data_file
from carepath.core.datafile import inspect_bytes
from carepath.core.errors import DataFileError, SaveError
from carepath.core.lock import DataLock


def restore_backup(backup: Path, data_path: Path) -> Path | None:
    """Put a backup in place of the data file, after checking it opens and copying the current file.

    Takes the data file's lock, so close the DataStore first (or call ``DataStore.restore``).
    Returns the "before-restore" copy of the replaced file, or None when there was none to copy.
    Raises DamagedFileError / NewerVersionError (naming the backup) if it is not a usable CarePath
    file, FileInUseError if the data file is open, SaveError if the disk refuses.
    """
    with DataLock(data_path):
        return restore_locked(backup, data_path)


def restore_locked(backup: Path, data_path: Path) -> Path | None:
    """``restore_backup`` for a caller that already holds the data file's lock."""
    try:
        payload = backup.read_bytes()
    except OSError as error:
        raise DataFileError(
            f"Cannot restore from {backup} ({error.strerror or error}); choose another backup.",
            backup,
        ) from error
    inspect_bytes(payload, backup)
    saved = None
    try:
        if data_path.exists() and data_path.stat().st_size > 0:
            saved = autobackup.make_backup(data_path, autobackup.BEFORE_RESTORE)
    except OSError as error:
        raise SaveError(
            f"Could not copy {data_path} aside before restoring ({error.strerror or error}); "
            "nothing was changed — free some space and try again."
        ) from error
    write_data_file(data_path, payload)
    return saved
