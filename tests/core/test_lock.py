"""One process owns a data file; a second is refused politely; a killed owner blocks nobody."""

from __future__ import annotations

import gc
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from carepath.core.errors import DataFileError, FileInUseError
from carepath.core.lock import DataLock, is_locked_elsewhere, lock_path_for
from carepath.core.storage import DataStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses POSIX signals and modes")

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from carepath.core.storage import DataStore
    store = DataStore.open(Path(sys.argv[1]))
    print("holding", flush=True)
    time.sleep(60)
    """
)
TRY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from carepath.core.errors import FileInUseError
    from carepath.core.storage import DataStore
    try:
        DataStore.open(Path(sys.argv[1])).close()
    except FileInUseError as error:
        print(error)
        sys.exit(3)
    print("opened")
    """
)


def start_holder(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_second_open_in_this_process_is_refused(data_path: Path) -> None:
    with DataStore.open(data_path), pytest.raises(FileInUseError) as caught:
        DataStore.open(data_path)
    assert str(caught.value).startswith(f"{data_path} is open in another CarePath window")
    assert str(caught.value).endswith("close it and try again.")
    DataStore.open(data_path).close()  # released by the first close


def test_another_process_is_refused_and_told_who_holds_it(
    data_path: Path, subprocess_env: dict[str, str]
) -> None:
    holder = start_holder(data_path, subprocess_env)
    try:
        with pytest.raises(FileInUseError, match=rf"\(process {holder.pid}\)"):
            DataStore.open(data_path)
        assert is_locked_elsewhere(data_path)
    finally:
        holder.kill()
        holder.wait()


def test_this_process_holding_refuses_another_process(
    data_path: Path, subprocess_env: dict[str, str]
) -> None:
    with DataStore.open(data_path):
        refused = subprocess.run(
            [sys.executable, "-c", TRY, str(data_path)],
            capture_output=True,
            text=True,
            env=subprocess_env,
            timeout=60,
        )
    assert refused.returncode == 3, refused.stderr
    assert "is open in another CarePath window or command" in refused.stdout
    assert f"(process {os.getpid()})" in refused.stdout
    after = subprocess.run(
        [sys.executable, "-c", TRY, str(data_path)],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
    )
    assert after.stdout.strip() == "opened"


def test_a_killed_holder_does_not_block(data_path: Path, subprocess_env: dict[str, str]) -> None:
    holder = start_holder(data_path, subprocess_env)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert not is_locked_elsewhere(data_path)
    with DataStore.open(data_path) as store:
        assert store.record().assessments == ()
    assert not lock_path_for(data_path).exists()  # the dead holder's file went with our release


def test_the_lock_file_is_private_and_names_its_holder(data_path: Path) -> None:
    with DataLock(data_path) as lock:
        assert lock.held
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
        assert lock.path.read_text() == f"{os.getpid()}\n"
    assert not lock.held
    assert not lock.path.exists()  # a command leaves the folder as it found it


def test_a_store_dropped_without_close_lets_go(data_path: Path) -> None:
    store = DataStore.open(data_path)
    del store
    gc.collect()
    DataStore.open(data_path).close()


def test_acquire_twice_on_one_lock_is_harmless(data_path: Path) -> None:
    lock = DataLock(data_path)
    lock.acquire()
    lock.acquire()
    lock.release()
    lock.release()
    assert not is_locked_elsewhere(data_path)


def test_a_folder_that_refuses_the_lock_file_says_so(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path: object, flags: int, *args: int) -> int:
        if str(path).endswith(".lock"):
            raise OSError(30, "Read-only file system")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(DataFileError, match="read-only or not yours"):
        DataStore.open(data_path)
    assert not data_path.exists()


def test_a_lock_file_removed_while_waiting_is_not_trusted(
    data_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder removes the lock file on release; an opener that got the old file must notice,
    or two writers would each hold a lock on a different file."""
    first = DataLock(data_path)
    first.acquire()
    real_open = os.open

    def open_then_the_holder_leaves(path: object, flags: int, *args: int) -> int:
        fd = real_open(path, flags, *args)  # type: ignore[arg-type]
        if first.held:
            first.release()  # unlinks the file this opener has just opened
        return fd

    monkeypatch.setattr(os, "open", open_then_the_holder_leaves)
    second = DataLock(data_path)
    second.acquire()
    monkeypatch.setattr(os, "open", real_open)
    assert second.path.exists()
    with pytest.raises(FileInUseError):
        DataLock(data_path).acquire()  # a third process sees the second's lock
    second.release()
    assert not second.path.exists()
