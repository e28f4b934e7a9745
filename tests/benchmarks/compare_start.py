#!/usr/bin/env python3
"""Two checkouts' start-up in one run: the bare-window floor, this checkout and another one.

``run_all.py`` measures one checkout; comparing two of its runs compares two loads of a shared
machine as much as two versions. This runs the floor and both apps interleaved, in a shuffled
order every round, with the same demo record, so the ratios to the floor are comparable:

    git archive OLD | tar -x -C /tmp/old
    .venv/bin/python tests/benchmarks/compare_start.py --other /tmp/old --rounds 7

Both apps must have the ``CAREPATH_TIMING`` hook (``carepath/ui/timing.py``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run_all import DESKTOP, FLOORS, MARKS, make_data, run_process  # noqa: E402

SHOWN = ("window-shown", "page-shown", "charts-drawn")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the other checkout's root")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="carepath-ab-") as name:
        work = Path(name)
        for sub in ("data", "mpl", "pycache"):
            (work / sub).mkdir()
        base = dict(os.environ)
        for variable in ("CAREPATH_DATA", "CAREPATH_TIMING", "PYTHONDONTWRITEBYTECODE"):
            base.pop(variable, None)
        base.update(
            QT_QPA_PLATFORM="offscreen",
            MPLCONFIGDIR=str(work / "mpl"),
            PYTHONPYCACHEPREFIX=str(work / "pycache"),
        )
        make_data(work / "data", {"start"})
        checkouts = {"this": DESKTOP, "other": args.other.resolve() / "desktop"}
        counter = 0

        def run(job: str) -> dict[str, float] | None:
            nonlocal counter
            counter += 1
            folder = work / f"run{counter:04d}"
            folder.mkdir()
            env = {**base, "XDG_CONFIG_HOME": str(folder / "config")}
            if job == "floor":
                result = run_process([sys.executable, str(FLOORS / "bare_window.py")], env, folder)
                return result.marks if result.ok("window-shown") else None
            data = folder / "carepath.json"
            shutil.copyfile(work / "data" / "demo.json", data)
            env.update(
                PYTHONPATH=str(checkouts[job]), CAREPATH_TIMING="1", CAREPATH_EXIT_AFTER_DRAW="1"
            )
            argv = [sys.executable, "-m", "carepath", "--data", str(data)]
            result = run_process(argv, env, folder)
            return result.marks if result.ok(*MARKS) else None

        jobs = ["floor", "this", "other"]
        for job in jobs:  # warm-up
            run(job)
        marks: dict[str, list[dict[str, float]]] = {job: [] for job in jobs}
        for number in range(args.rounds):
            random.shuffle(jobs)
            for job in jobs:
                found = run(job)
                if found is not None:
                    marks[job].append(found)
            print(f"  round {number + 1}/{args.rounds} done", file=sys.stderr, flush=True)
        floor = statistics.median(m["window-shown"] for m in marks["floor"])
        load = os.getloadavg()[0]
        print(f"{args.rounds} rounds, load average {load:.2f}; bare window shown {floor:.3f} s\n")
        print("| checkout | window shown | ratio | first page shown | ratio | charts drawn |")
        print("|---|---|---|---|---|---|")
        for job in ("other", "this"):
            shown, page, charts = (statistics.median(m[k] for m in marks[job]) for k in SHOWN)
            print(
                f"| {job} ({len(marks[job])} runs) | {shown:.3f} s | {shown / floor:.2f}× | "
                f"{page:.3f} s | {page / floor:.2f}× | {charts:.3f} s |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
