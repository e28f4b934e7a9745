#!/usr/bin/env python3
"""CarePath's speed and footprint, each figure beside a floor measured in the same run (issue 6).

``python3 dev.py bench`` runs this file with the project's ``.venv``; it can also be run directly
with any interpreter that has CarePath's dependencies. It prints one Markdown table: every figure
as a median of several runs, the floor it is compared with, the ratio, the target and PASS/FAIL.
docs/BENCHMARKS.md explains each figure and how to read the table.

    python tests/benchmarks/run_all.py                 # 7 rounds (about two minutes)
    python tests/benchmarks/run_all.py --rounds 3      # quicker, noisier
    python tests/benchmarks/run_all.py --only start,export --save after.json --before before.json

How the figures are taken:

* Process figures start a fresh process per run: the floors in ``floors/``, the import floor
  ``python -c "import PySide6.QtGui, matplotlib.figure"`` and CarePath itself. A round runs each
  program once, in a shuffled order, and the rounds are repeated: floors and subjects are
  interleaved so that the load of a shared machine falls on both alike.
* Process start is ``time.time()`` taken by this script just before ``Popen``, handed to the child
  as ``CAREPATH_TIMING_T0``; the child prints ``window-shown <s>`` and ``charts-drawn <s>`` on
  stderr, counted from it (both clocks are the same wall clock of one machine). So the figures
  include starting Python and importing, as a user waits for them.
* Peak memory is the child's own ``ru_maxrss`` from ``os.wait4`` (one child at a time, so the
  maximum belongs to that child alone).
* In-process figures (rating → radar, progress chart, saving) run in ``inproc.py``, in child
  processes of their own, and are pooled over a few runs.

Every run gets a fresh copy of its data file and a fresh settings folder (``XDG_CONFIG_HOME``), and
``QT_QPA_PLATFORM=offscreen``. matplotlib's font cache (``MPLCONFIGDIR``) and Python's bytecode
(``PYTHONPYCACHEPREFIX``) are shared and warmed before timing, as they are on a machine where
CarePath has been installed and run once. Exit status: 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DESKTOP = ROOT / "desktop"
FLOORS = HERE / "floors"
sys.path[:0] = [str(DESKTOP), str(HERE)]

IMPORT_FLOOR = "import PySide6.QtGui, matplotlib.figure"
MARKS = ("window-shown", "charts-drawn")
#: Reported by the app but not required of every program: its first page painted (the window's
#: frame paints first, then the data file is opened and the page built).
INFO_MARKS = ("page-shown",)
GROUPS = ("start", "open10k", "export", "memory", "radar", "progress", "save", "team")
TIMEOUT = 120.0


# --- running one process --------------------------------------------------------------------------


@dataclass
class Run:
    """One finished child process: its marks (seconds from start), wall time and peak RSS."""

    marks: dict[str, float]
    wall: float
    rss_mb: float
    returncode: int
    stderr: str

    def ok(self, *marks: str) -> bool:
        return self.returncode == 0 and all(m in self.marks for m in marks)


def parse_marks(text: str) -> dict[str, float]:
    marks: dict[str, float] = {}
    for line in text.splitlines():
        name, _, value = line.strip().partition(" ")
        if name in (*MARKS, *INFO_MARKS) and name not in marks:
            try:
                marks[name] = float(value)
            except ValueError:
                continue
    return marks


def run_process(
    argv: Sequence[str], env: dict[str, str], cwd: Path, timeout: float = TIMEOUT
) -> Run:
    """Start ``argv``, wait for it with ``os.wait4`` and return what it reported."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child_env = dict(env)
        started = time.time()
        child_env["CAREPATH_TIMING_T0"] = repr(started)
        process = subprocess.Popen(
            list(argv), env=child_env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL
        )
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.time() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(parse_marks(stderr), wall, usage.ru_maxrss / 1024, process.returncode, stderr)


# --- the jobs of one round -----------------------------------------------------------------------


@dataclass
class Bench:
    python: str
    data: Path  # demo.json, k1000.json, k10000.json
    work: Path  # fresh folders per run are made under here
    env: dict[str, str]
    app_command: list[str] = field(default_factory=list)
    hook: str = ""
    runs: dict[str, list[Run]] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    counter: int = 0

    def fresh_folder(self) -> Path:
        self.counter += 1
        folder = self.work / f"run{self.counter:04d}"
        folder.mkdir()
        return folder

    def run_env(self, folder: Path, **extra: str) -> dict[str, str]:
        return {**self.env, "XDG_CONFIG_HOME": str(folder / "config"), **extra}

    def record(self, job: str, run: Run, *marks: str) -> None:
        if run.ok(*marks):
            self.runs.setdefault(job, []).append(run)
        else:
            tail = " | ".join(run.stderr.strip().splitlines()[-3:])
            self.failures.append(f"{job}: exit {run.returncode}, marks {run.marks}: {tail}")

    # floors
    def floor_bare(self) -> None:
        folder = self.fresh_folder()
        run = run_process(
            [self.python, str(FLOORS / "bare_window.py")], self.run_env(folder), folder
        )
        self.record("floor_bare", run, "window-shown")

    def floor_radar(self) -> None:
        folder = self.fresh_folder()
        argv = [self.python, str(FLOORS / "radar_window.py")]
        self.record("floor_radar", run_process(argv, self.run_env(folder), folder), *MARKS)

    def floor_import(self) -> None:
        folder = self.fresh_folder()
        argv = [self.python, "-c", IMPORT_FLOOR]
        self.record("floor_import", run_process(argv, self.run_env(folder), folder))

    # CarePath
    def app(self, job: str, data_name: str) -> None:
        folder = self.fresh_folder()
        data = folder / "carepath.json"
        shutil.copyfile(self.data / data_name, data)
        env = self.run_env(folder, CAREPATH_TIMING="1", CAREPATH_EXIT_AFTER_DRAW="1")
        run = run_process([*self.app_command, "--data", str(data)], env, folder)
        self.record(job, run, *MARKS)

    def app_demo(self) -> None:
        self.app("app_demo", "demo.json")

    def app_10k(self) -> None:
        self.app("app_10k", "k10000.json")

    def export_pdf(self) -> None:
        folder = self.fresh_folder()
        data = folder / "carepath.json"
        shutil.copyfile(self.data / "demo.json", data)
        out = folder / "plan.pdf"
        argv = [self.python, "-m", "carepath", "export", "--format", "pdf"]
        argv += ["--data", str(data), "--out", str(out), "--paper", "a4"]
        run = run_process(argv, self.run_env(folder), folder)
        if run.returncode == 0 and (not out.exists() or out.stat().st_size < 1000):
            run.returncode = -1
            run.stderr += "\nno PDF was written"
        self.record("export_pdf", run)

    def self_test(self) -> None:
        folder = self.fresh_folder()
        argv = [self.python, "-m", "carepath", "--self-test"]
        self.record("self_test", run_process(argv, self.run_env(folder), folder))

    def inproc(self, part: str, count: int) -> None:
        folder = self.fresh_folder()
        argv = [self.python, str(HERE / "inproc.py"), part, str(self.data), str(count)]
        result = subprocess.run(
            argv, env=self.run_env(folder), cwd=folder, capture_output=True, text=True
        )
        if result.returncode != 0:
            tail = " | ".join(result.stderr.strip().splitlines()[-3:])
            self.failures.append(f"inproc {part}: exit {result.returncode}: {tail}")
            return
        for key, value in json.loads(result.stdout.strip().splitlines()[-1]).items():
            values = value if isinstance(value, list) else [value]
            self.samples.setdefault(key, []).extend(float(v) for v in values)

    def inproc_gui(self) -> None:
        self.inproc("gui", 25)

    def inproc_save(self) -> None:
        self.inproc("save", 15)

    # medians
    def mark(self, job: str, name: str) -> list[float]:
        return [r.marks[name] for r in self.runs.get(job, []) if name in r.marks]

    def wall(self, job: str) -> list[float]:
        return [r.wall for r in self.runs.get(job, [])]

    def rss(self, job: str) -> list[float]:
        return [r.rss_mb for r in self.runs.get(job, [])]


def jobs_for(
    groups: set[str], bench: Bench
) -> tuple[list[Callable[[], None]], list[Callable[[], None]]]:
    """(process jobs run every round, in-process jobs run every other round)."""
    process: list[Callable[[], None]] = []
    inproc: list[Callable[[], None]] = []
    if groups & {"start", "memory"}:
        process.append(bench.floor_radar)
    if "start" in groups:
        process.append(bench.floor_bare)
    if groups & {"start", "open10k"}:
        process.append(bench.app_demo)
    if "open10k" in groups:
        process.append(bench.app_10k)
    if "export" in groups:
        process += [bench.floor_import, bench.export_pdf]
    if "memory" in groups:
        process.append(bench.self_test)
    if groups & {"radar", "progress"}:
        inproc.append(bench.inproc_gui)
    if "save" in groups:
        inproc.append(bench.inproc_save)
    return process, inproc


# --- the table ------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


@dataclass
class Row:
    key: str
    figure: str
    values: list[float]
    unit: str  # "s", "ms", "MB"
    target: str
    floor: list[float] | None = None
    floor_name: str = ""
    max_ratio: float | None = None
    max_value: float | None = None
    stretch: float | None = None
    extra_ok: bool = True
    extra_note: str = ""

    @property
    def value(self) -> float | None:
        return median(self.values)

    @property
    def floor_value(self) -> float | None:
        return median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        value, floor = self.value, self.floor_value
        return value / floor if value is not None and floor else None

    def passed(self) -> bool | None:
        if self.value is None or (self.max_ratio is not None and self.ratio is None):
            return None
        ok = self.extra_ok
        if self.max_ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.max_ratio
        if self.max_value is not None:
            ok = ok and self.value <= self.max_value
        return ok

    def result(self) -> str:
        if self.max_ratio is None and self.max_value is None:
            return ""
        passed = self.passed()
        if passed is None:
            return "n/a"
        text = "PASS" if passed else "FAIL"
        if passed and self.stretch is not None and self.value is not None:
            text += " (stretch met)" if self.value <= self.stretch else " (stretch not met)"
        return text + (f"; {self.extra_note}" if self.extra_note else "")


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value * 1000:.1f} ms" if value * 1000 < 100 else f"{value * 1000:.0f} ms"
    return f"{value:.0f} MB"


def spread(values: Sequence[float], unit: str) -> str:
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if unit == "s":
        return f"{low:.2f}–{high:.2f}"
    if unit == "ms":
        return f"{low * 1000:.1f}–{high * 1000:.1f}"
    return f"{low:.0f}–{high:.0f}"


def build_rows(bench: Bench, groups: set[str]) -> list[Row]:
    b, s = bench, bench.samples
    rows: list[Row] = []
    if "start" in groups:
        rows.append(
            Row(
                "start_window",
                "process start → main window shown (demo record)",
                b.mark("app_demo", "window-shown"),
                "s",
                "≤ 1.3 × bare window",
                floor=b.mark("floor_bare", "window-shown"),
                floor_name="bare window shown",
                max_ratio=1.3,
            )
        )
        rows.append(
            Row(
                "start_page",
                "  … the first page in it, before its charts (info)",
                b.mark("app_demo", "page-shown"),
                "s",
                "–",
                floor=b.mark("floor_bare", "window-shown"),
                floor_name="bare window shown",
            )
        )
        rows.append(
            Row(
                "start_charts",
                "process start → every chart on the first page drawn",
                b.mark("app_demo", "charts-drawn"),
                "s",
                "≤ 1.1 × bare window + one radar",
                floor=b.mark("floor_radar", "charts-drawn"),
                floor_name="window + one radar drawn",
                max_ratio=1.1,
            )
        )
    if "radar" in groups:
        missing = int(sum(s.get("radar_without_blit", [])))
        rows.append(
            Row(
                "radar_update",
                "rating changed → radar updated on screen",
                s.get("radar_update", []),
                "ms",
                "≤ 16 ms median (stretch ≤ 4 ms)",
                max_value=0.016,
                stretch=0.004,
                extra_note=f"{missing} changes redrew instead of blitting" if missing else "",
            )
        )
        rows.append(
            Row(
                "radar_frame",
                "  … and the rest of the page repainted (info)",
                s.get("radar_frame", []),
                "ms",
                "–",
            )
        )
    if "save" in groups:
        for count, limit in ((1000, 0.015), (10000, 0.120)):
            fsyncs = median(s.get(f"save_{count}_fsyncs", [])) or 0.0
            rows.append(
                Row(
                    f"save_{count}",
                    f"save one assessment, file of {count:,} assessments",
                    s.get(f"save_{count}", []),
                    "ms",
                    f"≤ {limit * 1000:.0f} ms median, durable (fsync)",
                    max_value=limit,
                    extra_ok=fsyncs >= 1,
                    extra_note=f"{fsyncs:.1f} fsync/save" if fsyncs >= 1 else "NOT fsynced",
                )
            )
    if "open10k" in groups:
        for mark, label, target in (
            ("window-shown", "window shown", True),
            ("page-shown", "first page shown", False),
            ("charts-drawn", "charts drawn", True),
        ):
            rows.append(
                Row(
                    f"open10k_{mark}",
                    f"file of 10,000 assessments → {label}" + ("" if target else " (info)"),
                    b.mark("app_10k", mark),
                    "s",
                    "≤ 1.3 × the same with the demo record" if target else "–",
                    floor=b.mark("app_demo", mark),
                    floor_name=f"demo record {label}",
                    max_ratio=1.3 if target else None,
                )
            )
    if "progress" in groups:
        rows.append(
            Row(
                "progress_draw",
                "progress chart with 10,000 assessments drawn",
                s.get("progress_draw", []),
                "ms",
                "≤ 200 ms",
                max_value=0.200,
            )
        )
        rows.append(
            Row(
                "progress_stall",
                "  … longest time the window did not respond meanwhile",
                s.get("progress_stall", []),
                "ms",
                "≤ 200 ms (never freezes)",
                max_value=0.200,
            )
        )
    if "export" in groups:
        rows.append(
            Row(
                "export_pdf",
                "`carepath export --format pdf`, demo record, whole process",
                b.wall("export_pdf"),
                "s",
                "≤ 2 × import floor and ≤ 1.5 s",
                floor=b.wall("floor_import"),
                floor_name="import floor",
                max_ratio=2.0,
                max_value=1.5,
            )
        )
    if "memory" in groups:
        rows.append(
            Row(
                "self_test_rss",
                "peak memory of `carepath --self-test` (demo record)",
                b.rss("self_test"),
                "MB",
                "≤ 1.15 × bare window + one radar",
                floor=b.rss("floor_radar"),
                floor_name="window + one radar, peak RSS",
                max_ratio=1.15,
            )
        )
    return rows


def print_table(rows: list[Row], before: dict[str, float]) -> None:
    head = ["figure", "median", "runs (min–max)", "floor (same run)", "ratio", "target", "result"]
    if before:
        head.insert(1, "before")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for row in rows:
        floor = ""
        if row.floor_value is not None:
            floor = f"{fmt(row.floor_value, row.unit)} ({row.floor_name})"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        cells = [
            row.figure,
            fmt(row.value, row.unit),
            f"{spread(row.values, row.unit)} ({len(row.values)})" if row.values else "",
            floor,
            ratio,
            row.target,
            row.result(),
        ]
        if before:
            old = before.get(row.key)
            cells.insert(1, fmt(old, row.unit) if old is not None else "")
        print("| " + " | ".join(cells) + " |")


def print_floors(bench: Bench) -> None:
    lines = []
    for job, label in (
        ("floor_bare", "bare QApplication + QMainWindow"),
        ("floor_radar", "+ matplotlib imported after the first paint, one 15-axis radar"),
        ("floor_import", f'python -c "{IMPORT_FLOOR}"'),
    ):
        runs = bench.runs.get(job)
        if not runs:
            continue
        parts = []
        for mark in MARKS:
            values = bench.mark(job, mark)
            if values:
                parts.append(f"{mark.replace('-', ' ')} {fmt(median(values), 's')}")
        parts.append(f"exit {fmt(median(bench.wall(job)), 's')}")
        parts.append(f"peak RSS {fmt(median(bench.rss(job)), 'MB')}")
        lines.append(f"- {label}: " + ", ".join(parts) + f" ({len(runs)} runs)")
    for job, label in (
        ("app_demo", "CarePath, demo record"),
        ("app_10k", "CarePath, 10,000 assessments"),
        ("self_test", "carepath --self-test"),
    ):
        if bench.runs.get(job):
            lines.append(
                f"- {label}: exit {fmt(median(bench.wall(job)), 's')}, "
                f"peak RSS {fmt(median(bench.rss(job)), 'MB')}"
            )
    if lines:
        print("\nFloors and whole-process figures (medians):")
        print("\n".join(lines))


# --- setting up -----------------------------------------------------------------------------------


def make_data(folder: Path, groups: set[str]) -> None:
    from make_data import write_demo, write_synthetic

    write_demo(folder / "demo.json")
    if groups & {"save"}:
        write_synthetic(folder / "k1000.json", 1000)
    if groups & {"open10k", "progress", "save", "radar"}:
        write_synthetic(folder / "k10000.json", 10000)


def detect_hook(bench: Bench) -> None:
    """Use the app's own CAREPATH_TIMING hook when it has one, else ``app_probe.py``."""
    probe = [bench.python, str(HERE / "app_probe.py")]
    sources = (DESKTOP / "carepath").rglob("*.py")
    if not any("CAREPATH_TIMING" in path.read_text(encoding="utf-8") for path in sources):
        bench.app_command = probe
        bench.hook = "tests/benchmarks/app_probe.py (the app reports no timings itself)"
        return
    folder = bench.fresh_folder()
    data = folder / "carepath.json"
    shutil.copyfile(bench.data / "demo.json", data)
    own = [bench.python, "-m", "carepath"]
    env = bench.run_env(folder, CAREPATH_TIMING="1", CAREPATH_EXIT_AFTER_DRAW="1")
    run = run_process([*own, "--data", str(data)], env, folder, timeout=60)
    if run.ok(*MARKS):
        bench.app_command = own
        bench.hook = "the app's own CAREPATH_TIMING=1 hook"
    else:
        bench.app_command = probe
        bench.hook = "tests/benchmarks/app_probe.py (the app's CAREPATH_TIMING hook did not report)"


def versions(python: str) -> str:
    code = (
        "import sys, PySide6, matplotlib;"
        "print(sys.version.split()[0], PySide6.__version__, matplotlib.__version__)"
    )
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
        py, qt, mpl = out.stdout.split()
        return f"Python {py}, PySide6 {qt}, matplotlib {mpl}"
    except (subprocess.CalledProcessError, ValueError):
        return "versions unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="runs of each process (default 7)")
    parser.add_argument(
        "--only", default="", help=f"comma-separated groups to run: {', '.join(GROUPS)}"
    )
    parser.add_argument("--save", type=Path, help="write the medians to this JSON file")
    parser.add_argument("--before", type=Path, help="a --save file: shown as a 'before' column")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the children")
    parser.add_argument("--seed", type=int, default=None, help="seed for the order of runs")
    args = parser.parse_args(argv)

    groups = set(args.only.split(",")) if args.only else set(GROUPS)
    unknown = groups - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; choose from {GROUPS}")
    before: dict[str, float] = json.loads(args.before.read_text()) if args.before else {}
    shuffle = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="carepath-bench-") as name:
        work = Path(name)
        (work / "data").mkdir()
        (work / "mpl").mkdir()
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            MPLCONFIGDIR=str(work / "mpl"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(DESKTOP), env.get("PYTHONPATH")])),
        )
        # Warm means compiled too: an installed app has its bytecode (pip and PyInstaller write
        # it), so every child may cache it, in a folder of the benchmark's own, even where the
        # environment says PYTHONDONTWRITEBYTECODE (which would recompile every module each run).
        (work / "pycache").mkdir()
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        for variable in (
            "CAREPATH_DATA",
            "CAREPATH_TIMING",
            "CAREPATH_EXIT_AFTER_DRAW",
            "PYTHONDONTWRITEBYTECODE",
        ):
            env.pop(variable, None)
        bench = Bench(python=args.python, data=work / "data", work=work, env=env)
        load_before = os.getloadavg()[0]
        print(
            f"CarePath benchmark: {versions(args.python)}, {os.cpu_count()} cores, "
            f"{platform.system()} {platform.release()}, load {load_before:.2f}",
            flush=True,
        )
        make_data(bench.data, groups)
        process, inproc = jobs_for(groups, bench)
        if bench.app_demo in process or bench.app_10k in process:
            detect_hook(bench)
            print(f"Start-up timings from {bench.hook}.", flush=True)

        # Warm-up: every program once, untimed (matplotlib's font cache, .pyc files, disk cache).
        for job in process:
            job()
        bench.runs.clear()
        bench.failures.clear()

        started = time.perf_counter()
        inproc_rounds = max(1, min(3, args.rounds))
        for round_number in range(args.rounds):
            order = list(process)
            if round_number < inproc_rounds:
                order += inproc
            shuffle.shuffle(order)
            for job in order:
                job()
            print(
                f"  round {round_number + 1}/{args.rounds} done "
                f"({time.perf_counter() - started:.0f} s)",
                file=sys.stderr,
                flush=True,
            )
        team = []
        if "team" in groups:  # a separate module with its own interleaved rounds
            from team_bench import team_rows

            team = team_rows(Row, args.python, env, work, args.rounds)
        load_after = os.getloadavg()[0]

    rows = build_rows(bench, groups) + team
    print()
    print_table(rows, before)
    print_floors(bench)
    print(
        f"\nLoad average {load_before:.2f} before, {load_after:.2f} after; "
        f"{args.rounds} rounds, floors and subjects interleaved in shuffled order."
    )
    for failure in bench.failures:
        print(f"run failed: {failure}")
    if args.save:
        args.save.write_text(
            json.dumps({row.key: row.value for row in rows if row.value is not None}, indent=1)
        )
    results = [row.passed() for row in rows if row.max_ratio or row.max_value]
    return 0 if results and all(results) and not bench.failures else 1


if __name__ == "__main__":
    sys.exit(main())
