"""Kill a real CarePath writer with SIGKILL again and again; count torn files and lost saves.

Usage: ``python tests/benchmarks/crash_stress.py [--kills 1000] [--size 3000] [--seed 1]``
(POSIX only). A file of ``--size`` assessments is written, then ``crash_writer.py`` is started on
it and killed at a random moment, ``--kills`` times: mostly while it saves, sometimes while it is
still opening the file. After every kill the file must open and hold exactly the saves that were
acknowledged, give or take the one save in flight. ``tests/core/test_crash.py`` runs the same loop
with fewer kills.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DESKTOP = HERE.parent.parent / "desktop"
WRITER = HERE / "crash_writer.py"
sys.path.insert(0, str(DESKTOP))

from carepath.core.catalogue import SKILL_IDS  # noqa: E402
from carepath.core.errors import CarePathError  # noqa: E402
from carepath.core.models import Assessment, Record  # noqa: E402
from carepath.core.storage import DataStore, inspect_file  # noqa: E402


@dataclass
class Outcome:
    kills: int = 0
    kills_after_ready: int = 0
    kills_mid_save: int = 0
    kills_mid_write: int = 0
    saves_acknowledged: int = 0
    corrupt_files: int = 0
    lost_records: int = 0
    wrong_versions: int = 0
    leftover_temp_files: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.corrupt_files or self.lost_records or self.wrong_versions)


def seed_file(path: Path, size: int, rng: random.Random) -> dict[str, str]:
    """Write ``size`` assessments; returns the expected state, id -> note."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    assessments = tuple(
        Assessment.create(
            {s: rng.randint(1, 5) for s in SKILL_IDS},
            notes={"communication": "led the discharge meeting for a complex case"},
            note=f"seed-{n}",
            taken_at=start + timedelta(hours=n),
        )
        for n in range(size)
    )
    with DataStore.open(path) as store:
        store.replace_record(Record(assessments=assessments))
    return {a.id: a.note for a in assessments}


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(DESKTOP), env.get("PYTHONPATH")]))
    return env


def one_kill(
    path: Path, expected: dict[str, str], rng: random.Random, out: Outcome, unsafe: bool = False
) -> None:
    """Start the writer, kill it, then check the file against the acknowledged saves."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(rng.randrange(1 << 30))]
        + (["--unsafe"] if unsafe else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
        bufsize=0,  # readline must not swallow lines that communicate() would then never see
    )
    assert writer.stdout is not None
    aim = rng.random()
    if aim < 0.1:
        time.sleep(rng.uniform(0.0, 0.2))  # aimed at the open: cleanup, checks, first backup
    else:
        if writer.stdout.readline().strip() != b"ready":
            writer.kill()
            out.problems.append(f"writer did not start: {writer.communicate()[1].decode()[-500:]}")
            return
        out.kills_after_ready += 1
        if aim < 0.55:
            time.sleep(rng.uniform(0.0, 0.12))
        else:
            _wait_for_write(path, rng.uniform(0.0, 0.1))
    writer.send_signal(signal.SIGKILL)
    lines, errors = writer.communicate()
    out.kills += 1
    if errors.strip() and b"Traceback" in errors:
        out.problems.append(f"writer failed: {errors.decode()[-500:]}")
    in_flight = _replay(lines.decode().splitlines(), expected, out)
    out.kills_mid_save += in_flight is not None
    out.kills_mid_write += any(p.name.startswith(".carepath-") for p in path.parent.iterdir())
    _check(path, expected, in_flight, out)


def _wait_for_write(path: Path, delay: float) -> None:
    """Return once a save's temporary file exists (after ``delay``), so the kill hits the write."""
    time.sleep(delay)
    marker = f".carepath-{path.name}."
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        if any(name.startswith(marker) for name in os.listdir(path.parent)):
            return


def _replay(
    lines: list[str], expected: dict[str, str], out: Outcome
) -> tuple[str, str, str] | None:
    in_flight = None
    for line in lines:
        words = line.split()
        if len(words) != 4:
            continue
        stage, op, ident, note = words
        if stage == "begin":
            in_flight = (op, ident, note)
        elif stage == "ok":
            in_flight = None
            out.saves_acknowledged += 1
            if op == "delete":
                expected.pop(ident, None)
            else:
                expected[ident] = note
    return in_flight


def _check(
    path: Path, expected: dict[str, str], in_flight: tuple[str, str, str] | None, out: Outcome
) -> None:
    try:
        record = inspect_file(path)
    except CarePathError as error:
        out.corrupt_files += 1
        out.problems.append(f"kill {out.kills}: {error}")
        return
    found = {a.id: a.note for a in record.assessments}
    if in_flight is not None:
        op, ident, note = in_flight
        if op == "delete" and ident not in found:
            expected.pop(ident, None)
        elif op != "delete" and found.get(ident) == note:
            expected[ident] = note
    lost = [i for i in expected if i not in found]
    wrong = [i for i in expected if i in found and found[i] != expected[i]]
    extra = [i for i in found if i not in expected]
    out.lost_records += len(lost)
    out.wrong_versions += len(wrong) + len(extra)
    if lost or wrong or extra:
        out.problems.append(
            f"kill {out.kills}: lost {lost[:3]}, wrong {wrong[:3]}, unexpected {extra[:3]}"
        )


def run(kills: int, size: int, seed: int, folder: Path, unsafe: bool = False) -> Outcome:
    rng = random.Random(seed)
    path = folder / "carepath.json"
    expected = seed_file(path, size, rng)
    out = Outcome()
    started = time.perf_counter()
    while out.kills < kills and len(out.problems) < 20:
        one_kill(path, expected, rng, out, unsafe)
        if unsafe and not out.clean:
            break  # shown: the harness sees torn files and lost saves
    out.seconds = time.perf_counter() - started
    # The next open must clean up whatever the last kill left behind.
    with DataStore.open(path):
        pass
    out.leftover_temp_files = sum(
        1 for p in path.parent.iterdir() if p.name.startswith(".carepath-")
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--size", type=int, default=3000, help="assessments in the file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--unsafe", action="store_true", help="write in place, to check that torn files are seen"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="carepath-crash-") as folder:
        try:
            out = run(args.kills, args.size, args.seed, Path(folder), args.unsafe)
        except CarePathError as error:
            print(f"the file could not be opened after the last kill: {error}")
            return 1
    print(f"kills:                 {out.kills} ({out.kills_after_ready} while saving)")
    print(f"  during a save:       {out.kills_mid_save} (a save begun, not acknowledged)")
    print(f"  during the write:    {out.kills_mid_write} (a temporary file was left behind)")
    print(f"saves acknowledged:    {out.saves_acknowledged}")
    print(f"corrupt files:         {out.corrupt_files}")
    print(f"lost records:          {out.lost_records}")
    print(f"wrong versions:        {out.wrong_versions}")
    print(f"temp files left:       {out.leftover_temp_files} (after the final open)")
    per_kill = out.seconds / max(out.kills, 1)
    print(f"time:                  {out.seconds:.1f} s ({per_kill:.2f} s/kill)")
    for problem in out.problems:
        print("  " + problem)
    return 0 if out.clean and not out.problems else 1


if __name__ == "__main__":
    sys.exit(main())
