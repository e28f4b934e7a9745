"""One writer per data file: an operating-system lock on ``<name>.lock`` beside it.

``flock`` (POSIX) and ``msvcrt.locking`` (Windows) locks belong to an open file, so the system drops
them the moment their process dies, even by SIGKILL or a power cut: a crash never leaves the record
blocked, and no stale-lock guessing is needed. Two opens in one process conflict as well, so a
second window on the same file is refused just like a second program.

The lock file is removed on release, so a command leaves the folder as it found it (a refused
``export`` of a missing file must not leave ``missing.json.lock`` behind). Removing it safely takes
two halves: the holder unlinks the file *while still holding the lock*, and whoever acquires checks
afterwards that the file it locked is still the one at the path (same device and inode); if not, it
locked a file nobody else can see, so it starts again. On Windows an open file cannot be removed,
so the holder closes first and then tries: a process that opened it in between keeps it in place.
The file holds the holder's process id only so the refusal can say who.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from types import TracebackType

from carepath.core.errors import DataFileError, FileInUseError

LOCK_SUFFIX = ".lock"
_PRIVATE = 0o600
# Windows locks a byte range and forbids others to read it; lock a byte past the pid instead.
_WINDOWS_LOCK_OFFSET = 1024

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + LOCK_SUFFIX)


def _read_pid(fd: int) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        os.lseek(fd, 0, os.SEEK_SET)
        return int(os.read(fd, 32).split(b"\n", 1)[0])
    return None


def is_locked_elsewhere(data_path: Path) -> bool:
    """Whether a live process holds ``data_path``; never creates a lock file to find out."""
    try:
        fd = os.open(lock_path_for(data_path), os.O_RDWR)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False
    except OSError:
        return False
    finally:
        os.close(fd)


class DataLock:
    """The exclusive right to write one data file, held until ``release()`` or process exit."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = data_path
        self.path = lock_path_for(data_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock at once or raise FileInUseError; never waits."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, _PRIVATE)
        except OSError as error:
            raise DataFileError(self._cannot_lock(error), self.data_path) from error
        try:
            if not _try_lock(fd):
                holder = _read_pid(fd)
                who = f" (process {holder})" if holder else ""
                raise FileInUseError(
                    f"{self.data_path} is open in another CarePath window or command{who}; "
                    "close it and try again.",
                    self.data_path,
                )
            if not self._still_in_place(fd):
                # The holder before us removed this file after we opened it: lock the new one.
                os.close(fd)
                self.acquire()
                return
            self._write_pid(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _still_in_place(self, fd: int) -> bool:
        """Whether the locked file is still the one at ``self.path`` (not unlinked meanwhile)."""
        try:
            here = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # still locked: a waiting opener sees it went (see above)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # fails, harmlessly, while another process has it open

    def __del__(self) -> None:
        # A store dropped without close() must not keep the file locked until the process exits.
        with contextlib.suppress(Exception):
            self.release()

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    @staticmethod
    def _write_pid(fd: int) -> None:
        # Only for the message a refused process prints; failing to write it is harmless.
        with contextlib.suppress(OSError):
            if os.name == "posix":
                os.fchmod(fd, _PRIVATE)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))

    def _cannot_lock(self, error: OSError) -> str:
        folder = self.data_path.parent
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return (
                f"Cannot open {self.data_path} because its folder {folder} is read-only or not "
                "yours; copy the file to a folder you can write to and open it there."
            )
        if error.errno == errno.ENOENT:
            return (
                f"Cannot open {self.data_path} because the folder {folder} does not exist; "
                "create it or choose another location."
            )
        reason = error.strerror or str(error)
        return f"Cannot open {self.data_path} ({reason}); check the disk and try again."
