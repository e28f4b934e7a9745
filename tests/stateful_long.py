"""Run the stateful window test (tests/ui/test_stateful_window.py) with many more examples.

The suite runs a few examples on every ``dev.py test``; this hunts longer, for the rare sequence
that breaks the window:

    .venv/bin/python tests/stateful_long.py            # 300 examples of 10 steps
    .venv/bin/python tests/stateful_long.py 2000       # as many as you like

A failure is shrunk to the shortest sequence of steps that still fails and printed as code
(``state.rate(...)``, ``state.switch_language_and_theme(...)``) to paste into a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    examples = int(argv[1]) if len(argv) > 1 else 300
    env = dict(os.environ, CAREPATH_STATEFUL_EXAMPLES=str(examples), QT_QPA_PLATFORM="offscreen")
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(ROOT / "tests" / "ui" / "test_stateful_window.py"),
        "-n",
        "0",
        "-q",
        *argv[2:],
    ]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
