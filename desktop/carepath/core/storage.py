"""The user's record on disk: one TinyDB JSON file, owned by one process, never left half-written.

Every save goes through ``atomic.write_data_file``: a temporary file beside the record, fsynced and
renamed over the old one, so a crash or power cut leaves either the old record or the new one,
never a torn file (TinyDB's own storage rewrites in place and was measured to corrupt about one file
in four when killed mid-write). The process holding the lock is the only writer, which is what
makes it safe to keep the decoded file and the ``Record`` in memory between saves: a save of one
assessment serialises the file once and reads nothing back.

Reading and checking a file, quarantining a damaged one and removing what killed saves left behind
live in ``datafile``; the names other modules import from here are re-exported.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from bisect import insort
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from carepath.core import autobackup
from carepath.core.atomic import write_data_file
from carepath.core.backup import build_backup, parse_backup
from carepath.core.datafile import (
    fresh_layout,
    inspect_bytes,
    inspect_file,
    quarantine,
    read_data,
    record_in,
    remove_orphan_temps,
)
from carepath.core.errors import DataFileError, SaveError, UsageError
from carepath.core.lock import DataLock
from carepath.core.migrations import (
    ASSESSMENTS,
    CURRENT_SCHEMA_VERSION,
    GOALS,
    META,
    PROFILE,
    RECORD_TABLES,
    STEPS,
    meta_document,
)
from carepath.core.models import Assessment, Goal, Profile, Record, StepProgress
from carepath.core.record_checks import (
    ShapeError,
    assessment_order,
    check_assessment,
    check_goal,
    check_profile,
    check_step,
)
from carepath.core.restore import restore_locked

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "AtomicJSONStorage",
    "DataStore",
    "ImportReport",
    "inspect_bytes",
    "inspect_file",
    "quarantine",
    "write_data_file",
]

_T = TypeVar("_T")

log = logging.getLogger(__name__)


# --- writing the file ---------------------------------------------------------------------------


def _encode(data: Mapping[str, Any]) -> bytes:
    """The record as compact UTF-8 JSON, byte for byte what ``json.dumps(data,
    ensure_ascii=False, separators=(",", ":"))`` writes, ten times faster (orjson): a save
    re-encodes the whole file, 7 MB with 10,000 assessments (issue 6)."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError as error:  # text that is not Unicode (a lone surrogate)
        raise SaveError(
            f"Could not save: some text cannot be stored as UTF-8 ({error}); retype it and "
            "save again."
        ) from error


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
        data = orjson.loads(raw)
        if data is None:
            return None
        self._data = data
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            write_data_file(self.path, _encode(data))
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
        data, record, version = read_data(target, path)
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
                return restore_locked(backup_file, self._target)
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
            return record_in(data)
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
            data, record, _ = read_data(self._target, self.path)
        except (DataFileError, OSError) as error:
            log.warning("could not re-read %s after a failed save: %s", self.path, error)
            return
        self._storage.adopt(data)
        self._record = record
