"""A CarePath writer that never stops, for crash tests to SIGKILL at random moments.

Usage: ``crash_writer.py DATA_FILE SEED [--unsafe]``. Opens the file as the app does (lock,
leftover cleanup, checks), prints ``ready``, then saves forever: new assessments, edits and
deletions mixed. Around
each save it prints ``begin OP ID NOTE`` and, once ``DataStore`` has returned, ``ok OP ID NOTE``,
flushing each line, so the killer knows which saves were acknowledged and which one was in flight.
An edit writes a note that was never used before, which is how a reader tells versions apart.
``--unsafe`` swaps the atomic write for an in-place one (what TinyDB's own storage does), to show
that the harness does catch torn files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from carepath.core import atomic
from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment
from carepath.core.storage import DataStore


def say(*words: str) -> None:
    sys.stdout.write(" ".join(words) + "\n")
    sys.stdout.flush()


def main(data: Path, seed: int) -> None:
    rng = random.Random(seed)
    with DataStore.open(data) as store:
        say("ready")
        ids = [a.id for a in store.record().assessments]
        serial = 0
        while True:
            serial += 1
            note = f"s{seed}-{serial}"
            roll = rng.random()
            if roll < 0.5 or len(ids) < 10:
                ratings = {s: rng.randint(1, 5) for s in rng.sample(SKILL_IDS, 8)}
                new = Assessment.create(ratings, note=note)
                say("begin", "add", new.id, note)
                store.add_assessment(new)
                ids.append(new.id)
                say("ok", "add", new.id, note)
            elif roll < 0.8:
                index = rng.randrange(len(ids))
                old = next(a for a in store.record().assessments if a.id == ids[index])
                edited = Assessment(old.id, old.taken_at, {"communication": 5}, {}, note)
                say("begin", "edit", old.id, note)
                store.add_assessment(edited)
                say("ok", "edit", old.id, note)
            else:
                gone = ids.pop(rng.randrange(len(ids)))
                say("begin", "delete", gone, "-")
                store.delete_assessment(gone)
                say("ok", "delete", gone, "-")


def write_in_place(path: Path, payload: bytes) -> None:
    with path.open("r+b" if path.exists() else "wb") as handle:
        handle.truncate(0)
        for start in range(0, len(payload), 65536):
            handle.write(payload[start : start + 65536])
            handle.flush()


if __name__ == "__main__":
    if "--unsafe" in sys.argv:
        atomic.replace_file = write_in_place  # what write_data_file calls
    main(Path(sys.argv[1]), int(sys.argv[2]))
