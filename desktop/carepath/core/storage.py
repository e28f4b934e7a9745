"""The user's record on disk: one TinyDB JSON file, owned by one process, never left half-written.

Every save writes a temporary file beside the record, fsyncs it and renames it over the old one,
so a crash or power cut leaves either the old record or the new one, never a torn file (TinyDB's
own storage rewrites in place and was measured to corrupt about one file in four when killed
mid-write). The process holding the lock is the only writer, which is what makes it safe to keep
the decoded file and the ``Record`` in memory between saves: a save of one assessment serialises
the file once and reads nothing back.

A file that is not a CarePath record, or is a newer one, is refused with one sentence and left
byte-for-byte as it was; ``quarantine`` moves a damaged file aside when the user chooses to start
again.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import secrets
import threading
from bisect import insort
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from carepath.core import autobackup
from carepath.core.backup import (
    ShapeError,
    assessment_order,
    build_backup,
    check_assessment,
    check_goal,
    check_profile,
    check_record,
    check_step,
    json_kind,
    parse_backup,
)
from carepath.core.errors import (
    DamagedFileError,
    DataFileError,
    NewerVersionError,
    SaveError,
    UsageError,
)
from carepath.core.lock import DataLock, is_locked_elsewhere
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
from carepath.core.models import Assessment, Goal, Profile, Record, StepProgress

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "AtomicJSONStorage",
    "DataStore",
    "ImportReport",
    "inspect_bytes",
    "inspect_file",
    "quarantine",
    "write_atomic",
    "write_data_file",
]

TEMP_PREFIX = ".carepath-"
TEMP_SUFFIX = ".tmp"
PRIVATE_MODE = 0o600
_TEMP_NAME = re.compile(r"\.carepath-(?P<target>.+)\.[0-9a-f]{8}\.tmp")
_STALE_BACKUP_TEMP_SECONDS = 3600
_BOM = b"\xef\xbb\xbf"
_T = TypeVar("_T")

log = logging.getLogger(__name__)


# --- writing a file so that a crash leaves the old or the new one -------------------------------


def _open_temp(path: Path) -> tuple[int, Path]:
    # The target's name is in the temp name so a later open knows whose leftover it is.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(temp, flags, PRIVATE_MODE), temp
        except FileExistsError:
            continue


def fsync_directory(folder: Path) -> None:
    """Make a rename durable; Windows cannot open a folder for this, nor needs to."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` (mode 0600) or raise OSError leaving it as it was."""
    fd, temp = _open_temp(path)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            if os.name == "posix":
                os.fchmod(fd, PRIVATE_MODE)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(path.parent)


def describe_save_error(error: OSError, path: Path) -> str:
    """One sentence: why ``path`` could not be saved and what the user can do."""
    start = f"Could not save to {path} because"
    elsewhere = "save a copy elsewhere with File > Save As."
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"{start} the disk is full; free some space or {elsewhere}"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(error, PermissionError):
        return f"{start} its folder is read-only or not yours; make it writable or {elsewhere}"
    if code == errno.ENOENT or isinstance(error, FileNotFoundError):
        return (
            f"{start} its folder {path.parent} no longer exists (was a drive removed?); "
            f"reconnect it or {elsewhere}"
        )
    reason = error.strerror or str(error)
    return f"Could not save to {path} ({reason}); check the disk and try again, or {elsewhere}"


def write_data_file(path: Path, payload: bytes) -> None:
    """``write_atomic`` for a record, turning a refusal of the disk into SaveError."""
    try:
        write_atomic(path, payload)
    except OSError as error:
        raise SaveError(describe_save_error(error, path)) from error


def _encode(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    """TinyDB storage that replaces the file atomically and remembers what it last read or wrote.

    Reading goes to disk only when nothing is remembered, and then opens the path afresh (an old
    handle would point at a file that a save has since replaced). Any failed write forgets, so the
    next read comes from the disk, which still holds the last good version.
    """

    def __init__(self, path: str | os.PathLike[str], **_: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: dict[str, dict[str, Any]] | None = None
        self.saved_mtime: float | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is not None:
            return self._data
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        data = json.loads(raw.decode("utf-8"))
        if data is None:
            return None
        self._data = data
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            write_atomic(self.path, _encode(data))
        except OSError as error:
            self._data = None
            raise SaveError(describe_save_error(error, self.path)) from error
        except BaseException:
            self._data = None
            raise
        self._data = data
        with contextlib.suppress(OSError):
            self.saved_mtime = os.stat(self.path).st_mtime

    def adopt(self, data: dict[str, dict[str, Any]]) -> None:
        """Remember ``data`` as the file's content, known to match the disk (or to be written)."""
        self._data = data

    def forget(self) -> None:
        self._data = None


# --- reading and checking a data file ---------------------------------------------------------


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
        data = json.loads(text)
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
    tables = _tables(data, path)
    try:
        record = check_record(
            next(iter(tables[PROFILE].values()), None),
            tables[ASSESSMENTS].values(),
            tables[STEPS].values(),
            tables[GOALS].values(),
        )
    except ShapeError as error:
        raise _damaged(path, error.problem) from None
    return data, record, version


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


def inspect_file(path: Path) -> Record:
    """The Record a CarePath file holds, or the error opening it would give; reads only."""
    return inspect_bytes(_read_bytes(path, path), path)


def inspect_bytes(raw: bytes, path: Path) -> Record:
    """``inspect_file`` for content already read; ``path`` only names it in messages."""
    return check_data(decode_data(raw, path), path)[1]


def remove_orphan_temps(data_path: Path) -> list[Path]:
    """Delete temporary files that a killed save left behind; returns them.

    Ours are certainly orphans, since we hold the lock. A temp file named for another data file
    in the same folder is spared while that file's lock is held: its owner may be mid-save.
    """
    removed = []
    folder = data_path.parent
    for entry in _temp_files(folder):
        match = _TEMP_NAME.fullmatch(entry.name)
        target = match["target"] if match else None
        if target and target != data_path.name and is_locked_elsewhere(folder / target):
            continue
        removed += _unlink(entry)
    backups = autobackup.backup_folder(data_path)
    for entry in _temp_files(backups):
        match = _TEMP_NAME.fullmatch(entry.name)
        ours = match is None or autobackup.is_backup_name(match["target"], data_path)
        if ours or _age(entry) > _STALE_BACKUP_TEMP_SECONDS:
            removed += _unlink(entry)
    return removed


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


def _age(path: Path) -> float:
    try:
        return datetime.now().timestamp() - path.stat().st_mtime
    except OSError:
        return 0.0


def _unlink(path: Path) -> list[Path]:
    try:
        path.unlink()
    except OSError:
        return []
    log.info("removed %s, left by an interrupted save", path)
    return [path]


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


# --- the open record -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    """What an import changed, for the sentence the user reads afterwards."""

    assessments_added: int = 0
    assessments_skipped: int = 0
    goals_added: int = 0
    steps_updated: int = 0
    profile_replaced: bool = False
    goals_skipped: int = 0

    @property
    def changed(self) -> bool:
        return (
            bool(self.assessments_added or self.goals_added or self.steps_updated)
            or self.profile_replaced
        )


def _merge(local: Record, incoming: Record) -> tuple[Record, ImportReport]:
    known = {a.id for a in local.assessments}
    added = [a for a in incoming.assessments if a.id not in known]
    goal_ids = {g.id for g in local.goals}
    new_goals = [g for g in incoming.goals if g.id not in goal_ids]
    steps = dict(local.steps)
    updated = 0
    for step_id, progress in incoming.steps.items():
        if steps.get(step_id) != progress:
            steps[step_id] = progress
            updated += 1
    take_profile = not local.profile.is_set_up and incoming.profile != local.profile
    merged = Record(
        profile=incoming.profile if take_profile else local.profile,
        assessments=tuple(sorted((*local.assessments, *added), key=assessment_order)),
        steps=steps,
        goals=(*local.goals, *new_goals),
    )
    report = ImportReport(
        assessments_added=len(added),
        assessments_skipped=len(incoming.assessments) - len(added),
        goals_added=len(new_goals),
        steps_updated=updated,
        profile_replaced=take_profile,
        goals_skipped=len(incoming.goals) - len(new_goals),
    )
    return merged, report


def _replacing(document: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    """A TinyDB update that swaps the whole document, so removed fields do not linger."""

    def transform(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(document)

    return transform


def _checked(check: Callable[[object, str], _T], document: dict[str, Any], where: str) -> _T:
    # A program error must never write a document that would make the file fail its next open.
    try:
        return check(document, where)
    except ShapeError as error:
        raise UsageError(f"Cannot save {where}: {error}.") from None


def _as_datetime(mtime: float | None) -> datetime | None:
    return None if mtime is None else datetime.fromtimestamp(mtime).astimezone()


class DataStore:
    """The open data file: the lock, the TinyDB tables and the Record they hold.

    Use ``DataStore.open``. Every change is one durable write; ``record()`` is the state on disk.
    Methods raise SaveError when the disk refuses, and the store stays usable afterwards.
    """

    def __init__(
        self,
        path: Path,
        target: Path,
        lock: DataLock,
        storage: AtomicJSONStorage,
        record: Record,
    ) -> None:
        self.path = path
        self._target = target
        self._lock = lock
        self._storage = storage
        self._db = self._new_db()
        self._record = record
        self._mutex = threading.RLock()
        self._backup_day: date | None = None
        self._closed = False
        try:
            self.last_saved: datetime | None = _as_datetime(os.stat(target).st_mtime)
        except OSError:
            self.last_saved = None

    # -- opening and closing

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> DataStore:
        """Lock and check the file (creating it if asked), migrating an older layout forward.

        Raises FileInUseError, DamagedFileError, NewerVersionError or DataFileError with one
        sentence; the file is then exactly as it was and the lock is released.
        """
        path = Path(os.path.abspath(path))
        if path.is_dir():
            raise DataFileError(f"{path} is a folder, not a CarePath file; choose a file.", path)
        if not path.parent.is_dir():
            raise DataFileError(
                f"Cannot open {path} because the folder {path.parent} does not exist; create it "
                "or choose another location.",
                path,
            )
        target = path.resolve() if path.is_symlink() else path
        lock = DataLock(target)
        lock.acquire()
        try:
            return cls._open_locked(path, target, lock, create)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, target: Path, lock: DataLock, create: bool) -> DataStore:
        remove_orphan_temps(target)
        if not target.exists():
            if not create:
                raise DataFileError(
                    f"{path} does not exist; check the name, or let CarePath create it.", path
                )
            write_data_file(target, _encode(fresh_layout()))
        data, record, version = check_data(decode_data(_read_bytes(target, path), path), path)
        storage = AtomicJSONStorage(target)
        has_content = any(data.get(name) for name in RECORD_TABLES)
        if version < CURRENT_SCHEMA_VERSION and has_content:
            try:
                autobackup.make_backup(target, autobackup.PRE_MIGRATION)
            except OSError as error:
                raise DataFileError(
                    f"Could not back up {path} before upgrading it to this CarePath's format "
                    f"({error.strerror or error}); free some space or make the folder writable, "
                    "then try again.",
                    path,
                ) from error
            storage.write(data)
        else:
            storage.adopt(data)
        return cls(path, target, lock, storage, record)

    def close(self) -> None:
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            self._storage.forget()
            self._lock.release()

    def __enter__(self) -> DataStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading

    def record(self) -> Record:
        return self._record

    def export_backup(self) -> dict[str, Any]:
        return build_backup(self._record)

    # -- writing

    def set_profile(self, profile: Profile) -> None:
        document = profile.to_dict()
        stored = _checked(check_profile, document, "the profile")
        with self._mutex:
            table = self._table(PROFILE)

            def write() -> None:
                existing = table.all()
                if existing:
                    table.update(_replacing(document), doc_ids=[existing[0].doc_id])
                else:
                    table.insert(document)

            self._commit(write)
            self._record = replace(self._record, profile=stored)

    def add_assessment(self, assessment: Assessment) -> None:
        """Save a new assessment, or replace the one with the same id."""
        document = assessment.to_dict()
        stored = _checked(check_assessment, document, "the assessment")
        with self._mutex:
            table = self._table(ASSESSMENTS)
            kept = [a for a in self._record.assessments if a.id != stored.id]
            if len(kept) == len(self._record.assessments):
                self._commit(lambda: table.insert(document))
            else:
                self._commit(lambda: table.update(_replacing(document), Query().id == stored.id))
            insort(kept, stored, key=assessment_order)
            self._record = replace(self._record, assessments=tuple(kept))

    def delete_assessment(self, assessment_id: str) -> Assessment:
        """Delete and return the assessment, so the caller can undo with ``add_assessment``."""
        with self._mutex:
            gone = next((a for a in self._record.assessments if a.id == assessment_id), None)
            if gone is None:
                raise KeyError(f"no assessment with id {assessment_id!r}")
            table = self._table(ASSESSMENTS)
            self._commit(lambda: table.remove(Query().id == assessment_id))
            self._record = replace(
                self._record,
                assessments=tuple(a for a in self._record.assessments if a.id != assessment_id),
            )
            return gone

    def save_step(self, progress: StepProgress) -> None:
        document = progress.to_dict()
        stored = _checked(check_step, document, "the step")
        with self._mutex:
            table = self._table(STEPS)
            if stored.step_id in self._record.steps:
                self._commit(
                    lambda: table.update(_replacing(document), Query().step_id == stored.step_id)
                )
            else:
                self._commit(lambda: table.insert(document))
            steps = dict(self._record.steps)
            steps[stored.step_id] = stored
            self._record = replace(self._record, steps=steps)

    def save_goal(self, goal: Goal) -> None:
        document = goal.to_dict()
        stored = _checked(check_goal, document, "the goal")
        with self._mutex:
            table = self._table(GOALS)
            goals = list(self._record.goals)
            index = next((i for i, g in enumerate(goals) if g.id == stored.id), None)
            if index is None:
                self._commit(lambda: table.insert(document))
                goals.append(stored)
            else:
                self._commit(lambda: table.update(_replacing(document), Query().id == stored.id))
                goals[index] = stored
            self._record = replace(self._record, goals=tuple(goals))

    def delete_goal(self, goal_id: str) -> Goal:
        with self._mutex:
            gone = next((g for g in self._record.goals if g.id == goal_id), None)
            if gone is None:
                raise KeyError(f"no goal with id {goal_id!r}")
            table = self._table(GOALS)
            self._commit(lambda: table.remove(Query().id == goal_id))
            self._record = replace(
                self._record, goals=tuple(g for g in self._record.goals if g.id != goal_id)
            )
            return gone

    def replace_record(self, record: Record) -> None:
        """Write ``record`` as the whole file in one atomic save."""
        with self._mutex:
            self._write_whole(record)

    def import_backup(self, document: Any) -> ImportReport:
        """Merge a backup all or nothing: validate everything, then one atomic write.

        New assessments and goals are added by id (known ids are skipped), the backup's step
        entries replace ours, and its profile is taken only if ours was never set up. A second
        import of the same backup therefore changes nothing and writes nothing.
        """
        incoming = parse_backup(document)
        with self._mutex:
            self._ensure_open()
            merged, report = _merge(self._record, incoming)
            if report.changed:
                self._backup_before(autobackup.BEFORE_IMPORT)
                self._write_whole(merged)
            return report

    def restore(self, backup_file: Path) -> Path | None:
        """Replace the record with an automatic backup, keeping the lock throughout.

        Returns the copy made of the replaced file (None if it was empty).
        """
        with self._mutex:
            self._ensure_open()
            try:
                return autobackup.restore_locked(backup_file, self._target)
            finally:
                self._reload()

    # -- internals

    def _new_db(self) -> TinyDB:
        return TinyDB(storage=lambda: self._storage)

    def _table(self, name: str) -> Table:
        self._ensure_open()
        return self._db.table(name)

    def _ensure_open(self) -> None:
        if self._closed:
            raise ValueError(f"the data store for {self.path} is closed")

    def _write_whole(self, record: Record) -> None:
        self._ensure_open()
        data = self._layout(record)
        stored = self._checked_record(data)
        self._commit(lambda: self._storage.write(data))
        self._db = self._new_db()  # its tables cached ids and queries of the old content
        self._record = stored

    def _layout(self, record: Record) -> dict[str, dict[str, Any]]:
        current = self._storage.read() or {}
        data: dict[str, dict[str, Any]] = {
            name: table for name, table in current.items() if name not in RECORD_TABLES
        }
        data[META] = {"1": meta_document()}
        data[PROFILE] = {"1": record.profile.to_dict()}
        data[ASSESSMENTS] = {str(n): a.to_dict() for n, a in enumerate(record.assessments, 1)}
        data[STEPS] = {str(n): s.to_dict() for n, s in enumerate(record.steps.values(), 1)}
        data[GOALS] = {str(n): g.to_dict() for n, g in enumerate(record.goals, 1)}
        return data

    @staticmethod
    def _checked_record(data: dict[str, dict[str, Any]]) -> Record:
        try:
            return check_record(
                data[PROFILE]["1"],
                data[ASSESSMENTS].values(),
                data[STEPS].values(),
                data[GOALS].values(),
            )
        except ShapeError as error:
            raise UsageError(f"Cannot save this record: {error}.") from None

    def _commit(self, write: Callable[[], object]) -> None:
        self._ensure_daily_backup()
        try:
            write()
        except BaseException:
            self._reload()
            raise
        self.last_saved = _as_datetime(self._storage.saved_mtime) or self.last_saved

    def _ensure_daily_backup(self) -> None:
        today = date.today()
        if self._backup_day == today:
            return
        try:
            autobackup.backup_if_due(self._target)
        except OSError as error:
            # A missing daily copy must not stop the save itself; it is tried again next save.
            log.warning("could not make the daily backup of %s: %s", self.path, error)
            return
        self._backup_day = today

    def _backup_before(self, reason: str) -> None:
        try:
            autobackup.make_backup(self._target, reason)
            autobackup.prune(self._target)
        except OSError as error:
            log.warning("could not back up %s before %s: %s", self.path, reason, error)

    def _reload(self) -> None:
        """Forget everything remembered and take the disk's word, after a failed write."""
        self._storage.forget()
        self._db = self._new_db()
        try:
            data, record, _ = check_data(
                decode_data(_read_bytes(self._target, self.path), self.path), self.path
            )
        except (DataFileError, OSError) as error:
            log.warning("could not re-read %s after a failed save: %s", self.path, error)
            return
        self._storage.adopt(data)
        self._record = record
