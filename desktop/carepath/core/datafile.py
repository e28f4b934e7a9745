"""Reading a data file without trusting it: decode, check, migrate in memory, and tidy up around it.

A file that is not a CarePath record, or is a newer one, is refused with one sentence and left
byte-for-byte as it was; nothing here writes the record. ``quarantine`` moves a damaged file aside
when the user chooses to start again, and ``remove_orphan_temps`` deletes what killed saves left.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from carepath.core import autobackup
from carepath.core.atomic import TEMP_PREFIX, TEMP_SUFFIX, temp_label, temp_target
from carepath.core.errors import DamagedFileError, DataFileError, NewerVersionError
from carepath.core.lock import DataLock, is_locked_elsewhere, lock_path_for
from carepath.core.migrations import (
    ASSESSMENTS,
    CURRENT_SCHEMA_VERSION,
    GOALS,
    META,
    PROFILE,
    RECORD_TABLES,
    STEPS,
    LayoutError,
    meta_document,
    migrate,
    schema_version,
)
from carepath.core.models import Record
from carepath.core.record_checks import ShapeError, check_record, json_kind

__all__ = [
    "check_data",
    "decode_data",
    "fresh_layout",
    "inspect_bytes",
    "inspect_file",
    "quarantine",
    "read_data",
    "record_in",
    "remove_orphan_temps",
]

# A temp file nobody can be asked about (an export's, or another file's backup) is left this long.
_STALE_TEMP_SECONDS = 3600
_BOM = b"\xef\xbb\xbf"

log = logging.getLogger(__name__)


# --- reading and checking -----------------------------------------------------------------------


def _damaged(path: Path, what: str) -> DamagedFileError:
    return DamagedFileError(
        f"{path} is not a readable CarePath file ({what}); it was left untouched — start fresh "
        "or restore an automatic backup.",
        path,
    )


def fresh_layout() -> dict[str, dict[str, Any]]:
    return {META: {"1": meta_document()}}


def decode_data(raw: bytes, path: Path) -> dict[str, Any]:
    """The decoded file, ``{}`` for an empty one, or DamagedFileError in plain words."""
    if not raw.strip():
        return {}
    if raw.startswith(_BOM):
        raise _damaged(path, "it begins with an invisible byte-order mark, as some editors add")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _damaged(path, "it holds binary data, not text") from None
    try:
        data = orjson.loads(text)  # 2x json's speed: a start reads the whole record
    except (ValueError, RecursionError):
        raise _damaged(path, "the text is cut off or is not JSON") from None
    if data is None:
        return {}
    if type(data) is not dict:
        raise _damaged(path, f"it holds {json_kind(data)} where a CarePath record belongs")
    return data


def _tables(data: dict[str, Any], path: Path) -> dict[str, dict[str, Any]]:
    tables = {}
    for name in RECORD_TABLES:
        table = data.get(name, {})
        if type(table) is not dict:
            raise _damaged(
                path, f"its '{name}' table is {json_kind(table)}, not a table of records"
            )
        for key in table:
            if not (key.isascii() and key.isdigit()):
                raise _damaged(path, f"its '{name}' table has an entry numbered {key[:20]!r}")
        tables[name] = table
    return tables


def check_data(data: dict[str, Any], path: Path) -> tuple[dict[str, Any], Record, int]:
    """Migrated content, the Record it holds and the version it had; never writes anything."""
    try:
        version = schema_version(data)
    except LayoutError as error:
        raise _damaged(path, str(error)) from None
    if version > CURRENT_SCHEMA_VERSION:
        raise NewerVersionError(
            f"{path} was saved by a newer CarePath (data version {version}; this one reads up to "
            f"{CURRENT_SCHEMA_VERSION}); it was left untouched — install the newer CarePath to "
            "open it.",
            path,
        )
    if version == 0:
        foreign = [name for name in data if name not in RECORD_TABLES]
        if foreign:
            raise _damaged(
                path, f"it belongs to another program: it has a table named {foreign[0][:40]!r}"
            )
    _tables(data, path)
    if version < CURRENT_SCHEMA_VERSION:
        try:
            data = migrate(data)
        except (LayoutError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise _damaged(path, f"it could not be upgraded: {error}") from None
    try:
        record = record_in(_tables(data, path))
    except ShapeError as error:
        raise _damaged(path, error.problem) from None
    return data, record, version


def record_in(tables: Mapping[str, Mapping[str, Any]]) -> Record:
    """The Record that a file's (current-layout) tables hold; ShapeError if any document is off."""
    return check_record(
        next(iter(tables[PROFILE].values()), None),
        tables[ASSESSMENTS].values(),
        tables[STEPS].values(),
        tables[GOALS].values(),
    )


def _read_bytes(path: Path, shown: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(
            f"{shown} does not exist; check the name and try again.", shown
        ) from None
    except IsADirectoryError:
        raise DataFileError(
            f"{shown} is a folder, not a CarePath file; choose a file.", shown
        ) from None
    except OSError as error:
        raise DataFileError(
            f"Cannot read {shown} ({error.strerror or error}); check its permissions and retry.",
            shown,
        ) from None


def read_data(path: Path, shown: Path | None = None) -> tuple[dict[str, Any], Record, int]:
    """``check_data`` of the file at ``path``; messages name ``shown`` (a symlink, say) if given."""
    shown = path if shown is None else shown
    return check_data(decode_data(_read_bytes(path, shown), shown), shown)


def inspect_file(path: Path) -> Record:
    """The Record a CarePath file holds, or the error opening it would give; reads only."""
    return read_data(path)[1]


def inspect_bytes(raw: bytes, path: Path) -> Record:
    """``inspect_file`` for content already read; ``path`` only names it in messages."""
    return check_data(decode_data(raw, path), path)[1]


# --- what a killed save leaves behind -----------------------------------------------------------


def remove_orphan_temps(data_path: Path) -> list[Path]:
    """Delete temporary files that killed saves left beside the data file and its backups.

    Call it holding the data file's lock: then the data file's own temps are certainly orphans,
    and so are its backups'. Others are spared while their writer may be alive: one named for
    another data file while that file's lock is held, and one for any other target (an export,
    another file's backup), which has no lock to ask, until it is an hour old.
    """
    removed = []
    folder = data_path.parent
    ours = temp_label(data_path.name)
    for entry in _temp_files(folder):
        target = temp_target(entry.name)
        if target is None or target == ours or not _may_be_in_flight(folder / target, entry):
            removed += _unlink(entry)
    for entry in _temp_files(autobackup.backup_folder(data_path)):
        target = temp_target(entry.name)
        if target is None or autobackup.is_backup_name(target, data_path) or _stale(entry):
            removed += _unlink(entry)
    return removed


def _may_be_in_flight(target: Path, temp: Path) -> bool:
    if lock_path_for(target).exists():  # another data file: its lock tells
        return is_locked_elsewhere(target)
    return not _stale(temp)


def _temp_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [
                Path(e.path)
                for e in entries
                if e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX)
            ]
    except OSError:
        return []


def _stale(path: Path) -> bool:
    try:
        age = datetime.now().timestamp() - path.stat().st_mtime
    except OSError:
        return False
    return age > _STALE_TEMP_SECONDS


def _unlink(path: Path) -> list[Path]:
    try:
        path.unlink()
    except OSError:
        return []
    log.info("removed %s, left by an interrupted save", path)
    return [path]


# --- starting again -----------------------------------------------------------------------------


def quarantine(path: Path) -> Path:
    """Move a damaged file aside as ``<stem>.damaged-YYYYmmdd-HHMMSS<suffix>``; never overwrites."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    with DataLock(path):
        target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
        count = 1
        while target.exists() or target.is_symlink():
            count += 1
            target = path.with_name(f"{path.stem}.damaged-{stamp}-{count}{path.suffix}")
        try:
            os.rename(path, target)
        except OSError as error:
            raise DataFileError(
                f"Could not move {path} aside ({error.strerror or error}); move or rename it "
                "yourself, then start again.",
                path,
            ) from error
    return target
