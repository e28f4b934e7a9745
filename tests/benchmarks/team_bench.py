"""The team view's scale figures (``python3 dev.py bench``, group ``team``).

A folder of 500 shares, each with two years of monthly assessments, made by ``team_folder.py``
(the tests' generator, through CarePath's own core). Each round runs, in shuffled order:

* ``carepath skills``: the command line's own start-up, the floor of the next figure;
* ``carepath team FOLDER --format csv``: the whole process, and its time beyond start-up;
* a child that merely reads and parses the 500 files with orjson and prints how long that took:
  the floor the time beyond start-up is held to (at most 3×);
* ``team_probe.py``: the window reading the folder: heatmap painted, longest event-loop stall,
  memory added.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
PEOPLE = 500
MONTHS = 24

_CPU_KEYS = ("skills_cpu", "csv_cpu", "orjson_cpu")
ORJSON_FLOOR = """
import os, sys, time, orjson
started, cpu = time.perf_counter(), time.process_time()
for entry in sorted(os.scandir(sys.argv[1]), key=lambda e: e.name):
    if entry.name.endswith(".json") and entry.is_file():
        with open(entry.path, "rb") as handle:
            orjson.loads(handle.read())
print(time.perf_counter() - started, time.process_time() - cpu)
"""


def make_team(folder: Path) -> Path:
    sys.path.insert(0, str(TESTS))
    from team_folder import write_team

    write_team(folder, PEOPLE, MONTHS)
    return folder


def _wall(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MB, stdout, CPU seconds) of one child, measured with os.wait4."""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv[2:5]} exited {os.waitstatus_to_exitcode(status)}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, out.decode("utf-8", "replace"), cpu


def team_rows(
    row: Callable[..., Any], python: str, env: dict[str, str], work: Path, rounds: int
) -> list[Any]:
    """Measure and return the rows (built with run_all's ``Row``)."""
    folder = make_team(work / "team")
    out = work / "team-report.csv"
    samples: dict[str, list[float]] = {
        k: [] for k in ("skills", "csv", "orjson", "shown", "gap", "mem", "rss", *_CPU_KEYS)
    }

    def skills() -> None:
        wall, _, _, cpu = _wall([python, "-m", "carepath", "skills"], env, work)
        samples["skills"].append(wall)
        samples["skills_cpu"].append(cpu)

    def csv() -> None:
        argv = [python, "-m", "carepath", "team", str(folder), "--format", "csv", "--out", str(out)]
        wall, rss, _, cpu = _wall(argv, env, work)
        samples["csv"].append(wall)
        samples["csv_cpu"].append(cpu)
        samples["rss"].append(rss)

    def floor() -> None:
        wall_text, cpu_text = _wall([python, "-c", ORJSON_FLOOR, str(folder)], env, work)[2].split()
        samples["orjson"].append(float(wall_text))
        samples["orjson_cpu"].append(float(cpu_text))

    def window() -> None:
        probe = [python, str(HERE / "team_probe.py"), str(folder)]
        report = json.loads(_wall(probe, env, work)[2])
        samples["shown"].append(report["shown"])
        samples["gap"].append(report["max_gap"])
        samples["mem"].append(report["memory"])

    jobs = [skills, csv, floor, window]
    for job in jobs:  # warm: bytecode, disk cache, font cache
        job()
    for values in samples.values():
        values.clear()
    shuffle = random.Random(15)
    for _ in range(rounds):
        order = list(jobs)
        shuffle.shuffle(order)
        for job in order:
            job()
    beyond = [c - s for c, s in zip(samples["csv"], samples["skills"], strict=True)]
    return [
        row(
            "team_csv",
            f"carepath team (CSV, {PEOPLE} shares × {MONTHS} months), whole process",
            samples["csv"],
            "s",
            "≤ 3 s",
            max_value=3.0,
        ),
        row(
            "team_csv_beyond_start",
            "  its time beyond `carepath skills` start-up",
            beyond,
            "s",
            "≤ 3× reading + parsing with orjson",
            floor=samples["orjson"],
            floor_name="orjson read + parse",
            max_ratio=3.0,
        ),
        row(
            "team_csv_cpu_beyond_start",
            "  the same in CPU time (steadier on a shared machine)",
            [c - k for c, k in zip(samples["csv_cpu"], samples["skills_cpu"], strict=True)],
            "s",
            "≤ 3× orjson's CPU time",
            floor=samples["orjson_cpu"],
            floor_name="orjson read + parse, CPU",
            max_ratio=3.0,
        ),
        row(
            "team_window_shown",
            f"team view: folder chosen → heatmap painted ({PEOPLE} people)",
            samples["shown"],
            "s",
            "≤ 1 s",
            max_value=1.0,
        ),
        row(
            "team_window_stall",
            "  longest event-loop stall meanwhile (5 ms timer)",
            samples["gap"],
            "ms",
            "≤ 100 ms",
            max_value=0.1,
        ),
        row(
            "team_window_memory",
            "  memory added by reading the team",
            samples["mem"],
            "MB",
            "≤ 100 MB",
            max_value=100.0,
        ),
        row("team_csv_rss", "  peak RSS of the CSV command", samples["rss"], "MB", ""),
    ]
