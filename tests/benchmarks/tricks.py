#!/usr/bin/env python3
"""What each start-up trick is worth: the same work timed with the trick and without it.

Every trick that makes CarePath's code less plain (an import inside a function, a patch of a
library) must pay for itself: docs/BENCHMARKS.md keeps those worth more than 5 ms. This script
measures each one by timing, in a fresh ``python -c`` process, what the trick avoids or speeds
up, with the trick and without it. Rounds interleave the two variants of every trick in a
shuffled order, so a busy neighbour on a shared machine slows both alike; the table shows the
medians and their difference.

    .venv/bin/python tests/benchmarks/tricks.py              # 7 rounds
    .venv/bin/python tests/benchmarks/tricks.py --rounds 3

Only the statements after the set-up are timed (``perf_counter`` inside the child), so
starting Python and importing what both variants share is left out.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DESKTOP = HERE.parents[1] / "desktop"

_QT = "import carepath.ui"  # PySide6.QtCore, and PySide's module scan switched off (as the app)
_PAGES = ", ".join(
    f"carepath.ui.pages.{name}_page"
    for name in ("overview", "assess", "progress", "steps", "plan", "history")
)

#: name → (what the trick does, set-up, timed with the trick, timed without it)
TRICKS: dict[str, tuple[str, str, str, str]] = {
    "pyside_scan": (
        "PySide's per-import source scan switched off (carepath._pyside_startup)",
        "import PySide6.QtCore; from carepath._pyside_startup import skip_pyside_module_scan",
        "skip_pyside_module_scan(); import matplotlib.figure, carepath.ui.main_window, "
        f"carepath.core.storage, {_PAGES}",
        f"import matplotlib.figure, carepath.ui.main_window, carepath.core.storage, {_PAGES}",
    ),
    "kwdoc": (
        "matplotlib.artist.kwdoc patched before the artist classes exist (carepath.charts)",
        _QT,
        "import carepath.charts, matplotlib.figure",
        "import matplotlib.figure",
    ),
    "qt_namespace": (
        "no Qt.* enum touched before the first paint (main_window, actions, page_list)",
        "import PySide6.QtWidgets",
        "pass",
        "from PySide6.QtCore import Qt; Qt.AlignmentFlag.AlignLeft",
    ),
    "argv_preparser": (
        "`carepath --data F` opens the window without building the argparse parser",
        f"{_QT}; import carepath.cli",
        "carepath.cli.window_arguments(['--data', 'x.json'])",
        "from carepath.arguments import build_parser; "
        "build_parser().parse_args(['--data', 'x.json'])",
    ),
    "lazy_pages": (
        "page modules imported when a page is first shown (page_map, lazy)",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        f"import {_PAGES}",
    ),
    "lazy_record": (
        "catalogue, models, storage, platformdirs imported after the first paint",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.core.storage, carepath.core.catalogue, carepath.ui.session, platformdirs",
    ),
    "lazy_export_dialog": (
        "the export dialog (and the exporters) imported when first opened",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.ui.export_dialog",
    ),
    "lazy_dialogs": (
        "preferences, level scale, about, data-file and shortcuts dialogs imported when used",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.ui.dialogs.preferences_dialog, carepath.ui.dialogs.level_scale, "
        "carepath.ui.dialogs.about, carepath.ui.dialogs.data_file_error, "
        "carepath.ui.dialogs.shortcuts_dialog",
    ),
    "lazy_single_instance": (
        "QtNetwork (single instance) imported after the first paint",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.ui.single_instance",
    ),
    "lazy_crash_hook": (
        "the crash hook imported after show()",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.ui.crash",
    ),
    "lazy_theme": (
        "the palettes imported only for a theme other than the system's",
        f"{_QT}; import carepath.ui.main_window",
        "pass",
        "import carepath.ui.theme",
    ),
    "lazy_jsonschema": (
        "jsonschema imported by the first import of a backup (core.backup)",
        "import carepath.core.backup",
        "pass",
        "import jsonschema",
    ),
    "cli_lazy_commands": (
        "each command imports what it uses (`carepath skills` needs no storage nor exporter)",
        "import carepath.cli, carepath.core.catalogue",
        "pass",
        "import carepath.core.storage, carepath.core.backup, carepath.core.demo, "
        "carepath.export.plan, carepath.export.history_csv",
    ),
}

#: The floor every figure is scaled by: importing Qt's widgets, 87 ms on an idle 2-core machine
#: (/work/shared/FINDINGS.md). A loaded machine slows the floor and the tricks alike.
FLOOR = ("floor", "", "import PySide6.QtWidgets")
FLOOR_IDLE_MS = 87.0

_CHILD = """
import time
{setup}
_t0 = time.perf_counter()
{timed}
print((time.perf_counter() - _t0) * 1000)
"""


def run_once(setup: str, timed: str, env: dict[str, str]) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD.format(setup=setup, timed=timed)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if result.returncode != 0:
        raise SystemExit(f"child failed:\n{result.stderr}")
    return float(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated trick names")
    args = parser.parse_args(argv)
    names = [n for n in TRICKS if not args.only or n in args.only.split(",")]
    shared = Path(tempfile.mkdtemp(prefix="carepath-tricks-"))
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(DESKTOP), env.get("PYTHONPATH")])),
        QT_QPA_PLATFORM="offscreen",
        MPLCONFIGDIR=str(shared / "mpl"),
        PYTHONPYCACHEPREFIX=str(shared / "pycache"),
        XDG_CONFIG_HOME=str(shared / "config"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    jobs = [(name, variant) for name in names for variant in (0, 1)] + [("floor", 0)]
    subjects = {**TRICKS, "floor": ("", FLOOR[1], FLOOR[2], FLOOR[2])}
    for name, variant in jobs:  # warm-up: font cache, bytecode, disk cache
        run_once(subjects[name][1], subjects[name][2 + variant], env)
    times: dict[tuple[str, int], list[float]] = {job: [] for job in jobs}
    for _ in range(args.rounds):
        random.shuffle(jobs)
        for name, variant in jobs:
            setup, timed = subjects[name][1], subjects[name][2 + variant]
            times[(name, variant)].append(run_once(setup, timed, env))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    floor = statistics.median(times[("floor", 0)])
    scale = FLOOR_IDLE_MS / floor
    print(
        f"{args.rounds} rounds, medians in ms, load average {load:.2f}; floor (import "
        f"PySide6.QtWidgets) {floor:.1f} ms here, {FLOOR_IDLE_MS:.0f} ms idle: x{scale:.2f}\n"
    )
    print("| trick | with | without | worth | worth, idle 2-core | what it does |")
    print("|---|---|---|---|---|---|")
    for name in names:
        with_it = statistics.median(times[(name, 0)])
        without = statistics.median(times[(name, 1)])
        worth = without - with_it
        print(
            f"| {name} | {with_it:.1f} | {without:.1f} | {worth:+.1f} | {worth * scale:+.1f} | "
            f"{TRICKS[name][0]} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
