"""One CarePath per data file, with real processes: a second start brings the first forward and
exits 0, and read-only commands work beside the open window."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from carepath.ui.single_instance import server_name

#: The real ``carepath --data FILE``, telling the test when its file is open and when another
#: start asked it to come forward (then it quits as a user would).
_FIRST_WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    import carepath.cli as cli
    import carepath.ui.main_window as mw

    attach, bring_forward = mw.MainWindow.attach, mw.MainWindow.bring_forward

    def attached(self, session):
        attach(self, session)
        print("attached", flush=True)

    def brought_forward(self):
        bring_forward(self)
        print("raised", self.isVisible(), flush=True)
        QTimer.singleShot(0, self.close)

    mw.MainWindow.attach = attached
    mw.MainWindow.bring_forward = brought_forward
    sys.exit(cli.main(["--data", sys.argv[1]]))
    """
)


def _wait_for_line(process: subprocess.Popen[str], wanted: str, timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(wanted):
            return line.strip()
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"no {wanted!r} from the first window: {process.stderr.read()}")  # type: ignore[union-attr]


def test_a_second_start_brings_the_first_forward_and_exits_0(
    demo_path: Path, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    first = subprocess.Popen(
        [sys.executable, "-c", _FIRST_WINDOW, str(demo_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env,
    )
    try:
        _wait_for_line(first, "attached")
        before = demo_path.read_bytes()

        out = tmp_path / "backup.json"  # a reader beside the open window
        command = ["export", "--data", str(demo_path), "--format", "json", "--out", str(out)]
        export = subprocess.run(
            [sys.executable, "-m", "carepath", *command],
            capture_output=True,
            text=True,
            env=subprocess_env,
            timeout=120,
        )
        assert export.returncode == 0, export.stderr
        assert json.loads(out.read_text(encoding="utf-8"))["format"] == "carepath-backup"
        skills = subprocess.run(
            [sys.executable, "-m", "carepath", "skills"],
            capture_output=True,
            env=subprocess_env,
            timeout=120,
        )
        assert skills.returncode == 0

        second = subprocess.run(
            [sys.executable, "-m", "carepath", "--data", str(demo_path)],
            capture_output=True,
            text=True,
            env=subprocess_env,
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert "Traceback" not in second.stderr
        assert _wait_for_line(first, "raised") == "raised True"
        assert first.wait(timeout=60) == 0
        assert demo_path.read_bytes() == before
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()


def test_the_socket_name_is_the_files_not_its_spelling(tmp_path: Path) -> None:
    data = tmp_path / "record.json"
    data.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(data)
    assert server_name(data) == server_name(tmp_path / "." / "record.json") == server_name(link)
    assert server_name(data) != server_name(tmp_path / "other.json")
