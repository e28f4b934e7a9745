"""Write a whole file so that a crash at any instant leaves either the old or the new content.

Temporary file in the same folder (so ``os.replace`` is a rename on one file system), write, fsync,
then replace, then fsync the folder so the rename itself survives a power cut. Files are created
readable by the user alone: a CarePath record, backup or export is personal.

The temporary file is named ``.carepath-<target's name>.<8 hex digits>.tmp``, so that whoever finds
one left by a killed process can tell whose it was (see ``datafile.remove_orphan_temps``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

from carepath.core.errors import SaveError

TEMP_PREFIX = ".carepath-"
TEMP_SUFFIX = ".tmp"
PRIVATE_MODE = 0o600
_TEMP_NAME = re.compile(r"\.carepath-(?P<target>.+)\.[0-9a-f]{8}\.tmp")
# Room for the prefix, ".<8 hex>" and the suffix within the usual 255-byte limit on a name.
_MAX_TARGET_BYTES = 255 - len(TEMP_PREFIX) - 9 - len(TEMP_SUFFIX)
_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_REFUSED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_EXPORT_BACKUP = "export a backup to another folder with File > Export backup"


def temp_label(name: str) -> str:
    """What a temporary file for a target called ``name`` carries as ``target``.

    The name itself, or a prefix of it when the whole would make the temp name too long to create.
    """
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= _MAX_TARGET_BYTES:
        return name
    return encoded[:_MAX_TARGET_BYTES].decode("utf-8", "ignore")


def temp_target(name: str) -> str | None:
    """The target label in a temp file's name (see ``temp_label``); None for any other name."""
    match = _TEMP_NAME.fullmatch(name)
    return match["target"] if match else None


def describe_os_error(error: OSError, path: Path, *, data_file: bool = False) -> str:
    """One sentence: why ``path`` could not be saved and what the user can do about it.

    ``data_file`` says ``path`` is the open CarePath record: its folder was there when it was
    opened, and the way to keep the work when the disk refuses is to export a backup elsewhere.
    """
    start = f"Could not save to {path} because"
    elsewhere = _EXPORT_BACKUP if data_file else "save to another folder"
    code = error.errno
    if code in _DISK_FULL:
        return f"{start} the disk is full; free some space, or {elsewhere}."
    if code in _REFUSED or isinstance(error, PermissionError):
        return f"{start} its folder is read-only or not yours; make it writable, or {elsewhere}."
    if code == errno.EISDIR or isinstance(error, IsADirectoryError):
        return f"{start} it is a folder; give a file name instead."
    if code == errno.ENOENT or isinstance(error, FileNotFoundError):
        if data_file:
            return (
                f"{start} its folder {path.parent} no longer exists (was a drive removed?); "
                f"reconnect it, or {elsewhere}."
            )
        return f"{start} its folder {path.parent} does not exist; create it, or {elsewhere}."
    reason = error.strerror or str(error)
    return f"Could not save to {path} ({reason}); check the disk and try again, or {elsewhere}."


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


def _open_temp(path: Path, mode: int) -> tuple[int, Path]:
    label = temp_label(path.name)
    while True:
        temp = path.with_name(f"{TEMP_PREFIX}{label}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(temp, _OPEN_FLAGS, mode), temp
        except FileExistsError:
            continue


def replace_file(path: Path, data: bytes, mode: int = PRIVATE_MODE) -> None:
    """``write_atomic`` for callers that handle the disk's refusal themselves: raises OSError.

    On any failure ``path`` is as it was and the temporary file is gone.
    """
    path = Path(path)
    fd, temp = _open_temp(path, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if os.name == "posix":
                os.fchmod(fd, mode)  # exactly ``mode``, whatever the umask
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_directory(path.parent)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_MODE) -> None:
    """Replace ``path`` with ``data`` durably, or raise SaveError leaving ``path`` as it was."""
    try:
        replace_file(path, data, mode)
    except OSError as error:
        raise SaveError(describe_os_error(error, Path(path))) from error


def write_data_file(path: Path, payload: bytes) -> None:
    """``replace_file`` for the open record (or a backup put in its place): a refusal of the disk
    becomes SaveError with the advice for a data file (export a backup elsewhere).

    The one writer of the data file's bytes: ``storage`` saves through it and ``restore`` puts a
    backup back through it. It looks ``replace_file`` up when called, so the crash harness
    (tests/benchmarks/crash_writer.py) can swap in an in-place writer.
    """
    try:
        replace_file(path, payload)
    except OSError as error:
        raise SaveError(describe_os_error(error, Path(path), data_file=True)) from error
