"""Automatic copies of the data file in ``backups/`` beside it, so a bad day can be undone.

A copy is taken on the first save of each calendar day, before every migration and before a
restore (``restore`` puts one back); only the newest few are kept. Copies are written atomically
and readable by the user alone, like the record itself. Names carry the local time they were
taken and why (``carepath-20261126-093000-daily.json``), which is also how they are sorted: a
copied file's modification time says nothing about when the copy was made.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from pathlib import Path

from carepath.core.atomic import replace_file

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
DAILY = "daily"
PRE_MIGRATION = "pre-migration"
BEFORE_RESTORE = "before-restore"
BEFORE_IMPORT = "before-import"
_REASON = re.compile(r"[a-z][a-z-]*")
_NAME = r"(?P<day>\d{8})-(?P<time>\d{6})-(?P<reason>[a-z][a-z-]*?)(?:-(?P<count>\d+))?\.json"

log = logging.getLogger(__name__)


def backup_folder(data_path: Path) -> Path:
    return data_path.parent / BACKUP_FOLDER


def _pattern(data_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(data_path.stem) + "-" + _NAME)


def is_backup_name(name: str, data_path: Path) -> bool:
    """Whether ``name`` is one of this data file's automatic backups (not a look-alike's)."""
    return _pattern(data_path).fullmatch(name) is not None


def list_backups(data_path: Path) -> list[Path]:
    """This data file's automatic backups, newest first."""
    folder = backup_folder(data_path)
    pattern = _pattern(data_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file():
            found.append((match["day"], match["time"], int(match["count"] or 1), entry))
    found.sort(reverse=True, key=lambda item: item[:3])
    return [item[3] for item in found]


def make_backup(data_path: Path, reason: str) -> Path:
    """Copy the data file into ``backups/`` atomically, never over an older copy; OSError if not."""
    if not _REASON.fullmatch(reason):
        raise ValueError(f"backup reason must be lowercase words joined by '-', not {reason!r}")
    folder = backup_folder(data_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    payload = data_path.read_bytes()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{data_path.stem}-{stamp}-{reason}.json"
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{data_path.stem}-{stamp}-{reason}-{count}.json"
    replace_file(target, payload)
    log.info("backed up %s to %s", data_path, target)
    return target


def newest_backup_day(data_path: Path) -> date | None:
    backups = list_backups(data_path)
    if not backups:
        return None
    match = _pattern(data_path).fullmatch(backups[0].name)
    return datetime.strptime(match["day"], "%Y%m%d").date() if match else None


def backup_if_due(data_path: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Take the day's copy unless one exists already; returns it, or None when none was due."""
    try:
        if data_path.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    if newest_backup_day(data_path) == date.today():
        return None
    made = make_backup(data_path, DAILY)
    prune(data_path, keep)
    return made


def prune(data_path: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    removed = []
    for old in list_backups(data_path)[max(keep, 0) :]:
        try:
            old.unlink()
        except FileNotFoundError:
            continue
        removed.append(old)
    return removed
