"""Write a whole file so that a crash at any instant leaves either the old or the new content.

Temporary file in the same folder (so ``os.replace`` is a rename on one file system), flush, fsync,
then replace, then fsync the folder so the rename itself survives a power cut. Files are created
readable by the user alone: a CarePath record, backup or export is personal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from carepath.core.errors import SaveError

TEMP_PREFIX = ".carepath-"
TEMP_SUFFIX = ".tmp"
PRIVATE_MODE = 0o600


def describe_os_error(error: OSError, path: Path) -> str:
    """One sentence: what went wrong writing ``path`` and what the user can do about it."""
    if error.errno == errno.ENOSPC:
        return f"Could not save {path} because the disk is full; free some space or save elsewhere."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Could not save {path} because that folder is read-only or not yours; "
            "choose a folder you can write to."
        )
    if error.errno == errno.ENOENT:
        return (
            f"Could not save {path} because its folder does not exist; create it or pick another."
        )
    if error.errno == errno.EISDIR:
        return f"Could not save {path} because it is a folder; give a file name instead."
    reason = error.strerror or str(error)
    return f"Could not save {path} ({reason}); try again or save to another folder."


def fsync_directory(folder: Path) -> None:
    """Make a rename durable; not possible (nor needed) on every platform."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_MODE) -> None:
    """Replace ``path`` with ``data`` durably, or raise SaveError leaving ``path`` as it was."""
    path = Path(path)
    folder = path.parent
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
        temp_name = None
    except OSError as error:
        raise SaveError(describe_os_error(error, path)) from error
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    fsync_directory(folder)
