"""A team folder for tests and the benchmark: shares made with CarePath's own core, plus bad files.

Each person is a real ``Record`` (profile, monthly assessments) turned into a backup by
``core.backup.build_backup`` and into a share by ``core.share.make_share``, so the files are what
the app writes. ``hostile=True`` adds the files a manager's folder may really hold: a damaged file,
a foreign JSON, a share from a newer version, a second file of one person, names in markup, RTL and
CJK script and a name a spreadsheet would run as a formula.
"""

from __future__ import annotations

import json
import random
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from carepath.core.backup import build_backup
from carepath.core.catalogue import SKILL_IDS, STAGE_IDS
from carepath.core.models import Assessment, Profile, Record
from carepath.core.share import make_share

HOSTILE_NAMES = (
    '<script>alert("x")</script> & <b>Bold</b>',
    "مريم العربية",
    "李雷 韩梅梅",
    '=HYPERLINK("http://x","y")',
    "Zoë O'Brien \u202eevil",
)
#: The last assessment of every generated person is taken this long before now (days): some are
#: overdue for their 30-day reassessment, some are not.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Person:
    name: str
    stage: str
    months: int
    created_at: str


def person_record(person: Person, rng: random.Random, *, skip_every: int = 4) -> Record:
    """A profile and ``months`` monthly assessments; some skills left not rated."""
    assessments = []
    base = {s: rng.randint(1, 4) for s in SKILL_IDS}
    for month in range(person.months):
        days_back = 30 * (person.months - 1 - month)
        if month == person.months - 1:
            days_back = rng.randint(0, 50)  # the latest: some people overdue, some not
        taken = NOW - timedelta(days=days_back)
        ratings = {
            s: min(5, base[s] + month // 9)
            for n, s in enumerate(SKILL_IDS)
            if skip_every == 0 or (n + month) % skip_every
        }
        assessments.append(
            Assessment(
                id=f"{zlib.crc32(person.name.encode()):08x}-{person.created_at[:16]}-{month:03d}",
                taken_at=taken,
                ratings=ratings,
                notes={SKILL_IDS[0]: "PRIVATE evidence: led a family meeting"},
                note="PRIVATE note",
            )
        )
    profile = Profile(
        name=person.name,
        current_stage=person.stage,
        target_stage=STAGE_IDS[min(STAGE_IDS.index(person.stage) + 1, len(STAGE_IDS) - 1)],
        reassess_interval_days=30,
        created_at=person.created_at,
    )
    return Record(profile=profile, assessments=tuple(assessments))


def share_bytes(record: Record, **changes: object) -> bytes:
    document = make_share(build_backup(record))
    document.update(changes)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def write_team(
    folder: Path, people: int, months: int, *, hostile: bool = False, seed: int = 7
) -> list[Person]:
    """``people`` shares in ``folder`` (plus the bad files when ``hostile``); returns the people."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    made = []
    for number in range(people):
        if hostile and number < len(HOSTILE_NAMES):
            name = HOSTILE_NAMES[number]
        else:
            name = f"Person {number:04d}"
        person = Person(
            name=name,
            stage=STAGE_IDS[number % len(STAGE_IDS)],
            months=months if number % 7 else max(1, months // 3),
            created_at=f"2024-01-{1 + number % 28:02d}T{9 + number % 10:02d}:00:00+00:00",
        )
        made.append(person)
        record = person_record(person, rng, skip_every=0 if number % 3 else 4)
        (folder / f"share-{number:04d}.json").write_bytes(share_bytes(record))
    if hostile:
        (folder / "damaged.json").write_bytes(b'{"format": "carepath-backup", "version": 1, "prof')
        (folder / "foreign.json").write_text('{"hello": "world", "items": [1, 2, 3]}', "utf-8")
        newer = person_record(Person("Future Person", "entry", 2, "2024-02-02T09:00:00+00:00"), rng)
        (folder / "newer.json").write_bytes(share_bytes(newer, version=99))
        first = made[0]
        older = person_record(first, random.Random(99))
        (folder / "zz-old-copy.json").write_bytes(
            share_bytes(older, exported_at="2020-01-01T00:00:00+00:00")
        )
        (folder / "notes.txt").write_text("not a share", "utf-8")
        sub = folder / "subfolder"
        sub.mkdir(exist_ok=True)
        (sub / "ignored.json").write_bytes(
            share_bytes(
                person_record(Person("Hidden Below", "entry", 2, "2024-03-03T09:00:00+00:00"), rng)
            )
        )
    return made


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``folder`` with its mtime (ns) and bytes: unchanged = untouched."""
    return {
        str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
