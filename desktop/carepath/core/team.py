"""A team read from a folder of backups and shares: one summary per person, nothing written.

A manager's team view is built from files the people chose to give (``core.share``); this module
reads them and keeps only what the view shows: who, which stages, the latest self-rated level of
each skill, the latest reviewer's levels where the document has reviews, and where each figure
came from (file name and the dates). Notes and the full history are dropped as soon as a file is
read, so 500 people with two years of monthly assessments stay a few megabytes in memory.

Reading never writes: files are opened for reading only, and nothing is created in the folder.
A file that cannot be used is skipped with one plain reason (damaged, not CarePath's, from a
newer version, too large, or the same person as another file) and never stops the rest.

Why not ``core.backup.parse_backup`` for each file: it builds every assessment, step and goal and
runs the JSON Schema after its own checks, about 60 ms for one two-year file, half a minute for
500. Here the structure the team view uses is checked by hand, with the same limits: the profile
(``record_checks.check_profile``), each assessment's id, time and ratings, and each review's time,
reviewer and ratings. Parsing is orjson's, a tenth of the standard library's time.

Identity: a profile's ``id`` when it has one, else its ``created_at`` (written once, at the
welcome) with its name. Two files of one person keep the one exported last.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from carepath.core.backup_format import BACKUP_VERSION, FORMAT, MAX_FILE_BYTES
from carepath.core.catalogue import SKILL_IDS, STAGE_IDS
from carepath.core.models import DEFAULT_REASSESS_DAYS, LEVEL_MAX, LEVEL_MIN, Profile, Record
from carepath.core.record_checks import (
    MAX_ID,
    MAX_INTERVAL_DAYS,
    MAX_NAME,
    MAX_STAMP,
    ShapeError,
    check_profile,
)
from carepath.core.share import is_share

if TYPE_CHECKING:
    import threading

TEAM_SUFFIX = ".json"
_SKILLS = frozenset(SKILL_IDS)
_LEVELS = frozenset(range(LEVEL_MIN, LEVEL_MAX + 1))
NOT_OBSERVED = "not_observed"


class TeamReadCancelled(Exception):
    """The person cancelled reading the folder; nothing was kept."""


class SkipReason:
    """The kinds of skipped file, as stable keys (the interface words them in its language)."""

    DAMAGED = "damaged"
    FOREIGN = "foreign"
    NEWER = "newer"
    TOO_LARGE = "too_large"
    DUPLICATE = "duplicate"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Skipped:
    """A file of the folder that is not part of the team, and why (``detail`` is one clause)."""

    file: str
    reason: str
    detail: str
    other: str = ""  # for a duplicate: the file kept instead

    def sentence(self) -> str:
        """``file: detail`` on one line: control characters in a file's name are shown escaped,
        so a name holding a newline or a terminal escape cannot forge or hide a line."""
        return f"{_printable(self.file)}: {_printable(self.detail)}"


def _printable(text: str) -> str:
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


@dataclass(frozen=True)
class Member:
    """One person as the team view shows them, with where each figure came from."""

    key: str
    name: str
    file: str
    location: str  # the file's path
    exported_at: datetime | None
    shared: bool
    current_stage: str
    target_stage: str
    interval_days: int
    assessments: int
    assessed_at: datetime | None
    levels: Mapping[str, int] = field(default_factory=dict)
    reviewer: str = ""
    reviewed_at: datetime | None = None
    review_levels: Mapping[str, int] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return Path(self.location)

    def due(self) -> date | None:
        """When the next self-assessment is due; None when there has never been one."""
        if self.assessed_at is None:
            return None
        return (self.assessed_at + timedelta(days=self.interval_days)).date()

    def overdue_days(self, today: date) -> int | None:
        """Days past the due date (never assessed counts as overdue from day 0); else None."""
        due = self.due()
        if due is None:
            return 0
        late = (today - due).days
        return late if late > 0 else None


@dataclass(frozen=True)
class Team:
    folder: Path
    members: tuple[Member, ...]
    skipped: tuple[Skipped, ...]
    read_at: datetime


def team_files(folder: Path) -> list[str]:
    """The candidate files of ``folder`` itself (not its subfolders), in name order.

    Paths stay strings while reading: making a ``Path`` of each cost more than checking it.
    """
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.lower().endswith(TEAM_SUFFIX) and entry.is_file():
                found.append(entry.path)
    return sorted(found, key=os.path.basename)


class _Damaged(Exception):
    pass


def _moment(value: object, what: str) -> datetime:
    if type(value) is not str or len(value) > MAX_STAMP:
        raise _Damaged(f"{what} is not a date and time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Damaged(f"{what} is not a date and time") from None
    return moment if moment.tzinfo else moment.astimezone()


def _latest_assessment(entries: object) -> tuple[int, datetime | None, dict[str, int]]:
    """The count, and the time and ratings of the latest assessment.

    Every assessment's id, time and ratings table are checked, and the latest one's levels in
    full: the team view uses nothing else. Opening a person's Overview parses their whole file
    (``load_member_record``) and names any other fault then. Written for speed: 12,000
    assessments in a team of 500 take about 15 ms, where checking every level took 65.
    """
    if type(entries) is not list:
        raise _Damaged("its 'assessments' is not a list")
    latest: tuple[datetime, str] | None = None
    levels: dict[str, int] = {}
    parse = datetime.fromisoformat
    for number, entry in enumerate(entries, 1):
        try:
            ident = entry["id"]
            ratings = entry["ratings"]
            taken = parse(entry["taken_at"])
            ok = type(ident) is str and 0 < len(ident) <= MAX_ID and type(ratings) is dict
        except (TypeError, KeyError, ValueError):
            ok = False
        if not ok:
            raise _Damaged(_assessment_problem(entry, number))
        if taken.tzinfo is None:
            taken = taken.astimezone()
        if latest is None or (taken, ident) > latest:
            latest, levels = (taken, ident), ratings
    if not (
        levels.keys() <= _SKILLS
        and _LEVELS.issuperset(levels.values())
        and all(type(level) is int for level in levels.values())
    ):
        raise _Damaged("the latest assessment has a rating CarePath does not know")
    return len(entries), (latest[0] if latest else None), dict(levels)


def _assessment_problem(entry: object, number: int) -> str:
    """What is wrong with an assessment the quick test refused, in words."""
    if type(entry) is not dict:
        return f"assessment {number} is not an object"
    ident = entry.get("id")
    if type(ident) is not str or not 0 < len(ident) <= MAX_ID:
        return f"assessment {number} has no id"
    if type(entry.get("ratings")) is not dict:
        return f"assessment {number} has no ratings"
    taken = entry.get("taken_at")
    if type(taken) is not str or len(taken) > MAX_STAMP:
        return f"the time of assessment {number} is not a date and time"
    try:
        datetime.fromisoformat(taken)
    except ValueError:
        return f"the time of assessment {number} is not a date and time"
    return f"assessment {number} cannot be read"


def _latest_review(entries: object) -> tuple[str, datetime | None, dict[str, int]]:
    if entries is None:
        return "", None, {}
    if type(entries) is not list:
        raise _Damaged("its 'reviews' is not a list")
    latest: datetime | None = None
    reviewer = ""
    levels: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        if type(entry) is not dict:
            raise _Damaged(f"review {number} is not an object")
        name = entry.get("reviewer", "")
        ratings = entry.get("ratings", {})
        if type(name) is not str or len(name) > MAX_NAME or type(ratings) is not dict:
            raise _Damaged(f"review {number} is not a CarePath review")
        kept: dict[str, int] = {}
        for skill, level in ratings.items():
            if skill not in _SKILLS:
                raise _Damaged(f"review {number} rates a skill CarePath does not know")
            if level == NOT_OBSERVED:
                continue
            if type(level) is not int or level not in _LEVELS:
                raise _Damaged(f"review {number} has a level CarePath does not know")
            kept[skill] = level
        moment = _moment(entry.get("reviewed_at"), f"the time of review {number}")
        if latest is None or moment > latest:
            latest, reviewer, levels = moment, name, kept
    return reviewer, latest, levels


_STAGES = frozenset(STAGE_IDS)


def _profile(doc: object) -> Profile:
    """``check_profile`` in one pass for a well-formed profile (most of a file's own checks);
    anything else goes through it, so the reason is worded the same."""
    if type(doc) is dict:
        name = doc.get("name")
        days = doc.get("reassess_interval_days", DEFAULT_REASSESS_DAYS)
        created = doc.get("created_at", "")
        if (
            type(name) is str
            and len(name) <= MAX_NAME
            and doc.get("current_stage") in _STAGES
            and doc.get("target_stage") in _STAGES
            and type(days) is int
            and 1 <= days <= MAX_INTERVAL_DAYS
            and type(created) is str
            and len(created) <= MAX_STAMP
        ):
            try:
                if created:
                    datetime.fromisoformat(created)
            except ValueError:
                pass
            else:
                return Profile(name, doc["current_stage"], doc["target_stage"], days, created)
    try:
        return check_profile(doc)
    except ShapeError as error:
        raise _Damaged(error.problem) from None


def identity(profile: Mapping[str, Any]) -> str:
    """Who a profile belongs to, for telling two files of one person apart (module docstring)."""
    ident = profile.get("id")
    if isinstance(ident, str) and ident:
        return "id:" + ident
    name = " ".join(str(profile.get("name", "")).split()).casefold()
    return f"person:{profile.get('created_at', '')}\x00{name}"


def read_member(path: str | Path) -> Member | Skipped:
    """One file as a Member, or as Skipped with its reason. Never raises for a bad file."""
    name = os.path.basename(path)
    try:
        # One descriptor, its size from fstat, one read of that size (plus one byte, to see a
        # file that grew): read(limit) would set aside a 200 MB buffer for every file, and a
        # buffered file object costs more than the read itself for a 10 KB share.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(handle).st_size
            if size > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // 2**20
                return Skipped(
                    name, SkipReason.TOO_LARGE, f"larger than the {limit} MB import limit"
                )
            raw = os.read(handle, size + 1)  # a regular file reads whole in one call
        finally:
            os.close(handle)
    except OSError as error:
        return Skipped(name, SkipReason.UNREADABLE, f"cannot be read ({error.strerror or error})")
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        return Skipped(name, SkipReason.TOO_LARGE, f"larger than the {limit} MB import limit")
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return Skipped(name, SkipReason.DAMAGED, "damaged: not valid JSON")
    return summarise_document(document, path)


def summarise_document(document: Any, path: str | Path) -> Member | Skipped:
    """The Member a parsed backup or share describes, or Skipped saying why it cannot be used."""
    name = os.path.basename(path)
    if type(document) is not dict or document.get("format") != FORMAT:
        return Skipped(name, SkipReason.FOREIGN, "not a CarePath backup or share")
    version = document.get("version")
    if type(version) is not int or version < 1:
        return Skipped(name, SkipReason.DAMAGED, "damaged: its version is not a number")
    if version > BACKUP_VERSION:
        return Skipped(
            name,
            SkipReason.NEWER,
            f"made by a newer CarePath (backup version {version}); update CarePath to read it",
        )
    try:
        exported = document.get("exported_at")
        exported_at = None if exported is None else _moment(exported, "its export time")
        profile = document.get("profile")
        checked = _profile(profile)
        count, assessed_at, levels = _latest_assessment(document.get("assessments"))
        reviewer, reviewed_at, review_levels = _latest_review(document.get("reviews"))
    except _Damaged as error:
        return Skipped(name, SkipReason.DAMAGED, f"damaged: {error}")
    assert isinstance(profile, dict)  # check_profile has seen to it
    return Member(
        key=identity(profile),
        name=checked.name,
        file=name,
        location=str(path),
        exported_at=exported_at,
        shared=is_share(document),
        current_stage=checked.current_stage,
        target_stage=checked.target_stage,
        interval_days=checked.reassess_interval_days,
        assessments=count,
        assessed_at=assessed_at,
        levels=levels,
        reviewer=reviewer,
        reviewed_at=reviewed_at,
        review_levels=review_levels,
    )


def _newer(candidate: Member, kept: Member) -> bool:
    a = candidate.exported_at.timestamp() if candidate.exported_at else float("-inf")
    b = kept.exported_at.timestamp() if kept.exported_at else float("-inf")
    return a > b


def build_team(folder: Path, results: Iterable[Member | Skipped], read_at: datetime) -> Team:
    """Members with duplicates resolved (the latest export of a person wins), and the skipped."""
    kept: dict[str, Member] = {}
    skipped: list[Skipped] = []
    for result in results:
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        other = kept.get(result.key)
        if other is None:
            kept[result.key] = result
            continue
        newer, older = (result, other) if _newer(result, other) else (other, result)
        kept[result.key] = newer
        skipped.append(
            Skipped(
                older.file,
                SkipReason.DUPLICATE,
                f"the same person as {newer.file}, which was exported later",
                newer.file,
            )
        )
    members = sorted(kept.values(), key=lambda m: (m.name.casefold(), m.file))
    return Team(folder, tuple(members), tuple(sorted(skipped, key=lambda s: s.file)), read_at)


def read_team(
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Team:
    """Every backup and share in ``folder`` (read-only). OSError if the folder cannot be listed.

    ``progress(done, total)`` is called after each file; setting ``cancel`` stops the reading
    with TeamReadCancelled (checked between files, each a fraction of a millisecond).
    """
    from carepath.core.models import now

    files = team_files(folder)
    results: list[Member | Skipped] = []
    for done, path in enumerate(files, 1):
        if cancel is not None and cancel.is_set():
            raise TeamReadCancelled
        results.append(read_member(path))
        if progress is not None:
            progress(done, len(files))
    return build_team(folder, results, now())


# --- what the team view and the report show ---------------------------------------------------


def isolated(name: str) -> str:
    """``name`` inside Unicode isolates (FSI ... PDI), for lists of names.

    A right-to-left name, or one holding a direction override, then cannot reorder the names
    after it: "Zoë\u202eevil, 李雷" would otherwise show the rest of the list reversed.
    """
    return f"\u2068{name}\u2069"


def names_list(names: Sequence[str], limit: int, more: str) -> str:
    """Up to ``limit`` names, isolated and joined; ``more`` (with {count}) tells the rest."""
    shown = ", ".join(isolated(n) for n in names[:limit])
    if len(names) > limit:
        shown += ", " + more.format(count=len(names) - limit)
    return shown


def median(values: Sequence[int]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class SkillSummary:
    """One skill across the team against a stage's target."""

    skill: str
    target: int
    median: float | None
    rated: int
    met: tuple[str, ...]  # names of the people at or above the target
    below: tuple[str, ...]  # names of the people under it

    @property
    def gap(self) -> float | None:
        """How far the team's median is under the target (negative: above it)."""
        return None if self.median is None else self.target - self.median


def skill_summaries(members: Sequence[Member], targets: Mapping[str, int]) -> list[SkillSummary]:
    """Per skill in catalogue order: median, coverage (who meets the target) and who is under."""
    found = []
    for skill in SKILL_IDS:
        target = targets[skill]
        rated = [(m.name, m.levels[skill]) for m in members if skill in m.levels]
        found.append(
            SkillSummary(
                skill=skill,
                target=target,
                median=median([level for _, level in rated]),
                rated=len(rated),
                met=tuple(name for name, level in rated if level >= target),
                below=tuple(name for name, level in rated if level < target),
            )
        )
    return found


def widest_gaps(summaries: Sequence[SkillSummary], count: int = 5) -> list[SkillSummary]:
    """The skills where the team falls furthest short: median under target, most people under it.

    A skill nobody rated is not a gap (it is not known); ties keep catalogue order.
    """
    short = [s for s in summaries if s.gap is not None and (s.gap > 0 or s.below)]
    short.sort(key=lambda s: (-(s.gap or 0.0), -len(s.below)))
    return short[:count]


def overdue(members: Sequence[Member], today: date) -> list[tuple[Member, int]]:
    """People who have not reassessed within their own interval, longest overdue first."""
    late = [(m, days) for m in members if (days := m.overdue_days(today)) is not None]
    late.sort(key=lambda pair: (pair[0].assessed_at is not None, -pair[1], pair[0].name))
    return late


def default_stage(members: Sequence[Member], stage_ids: Sequence[str]) -> str:
    """The stage to compare with when none is chosen: the team's most common current stage."""
    counts = {stage: 0 for stage in stage_ids}
    for member in members:
        if member.current_stage in counts:
            counts[member.current_stage] += 1
    best = max(stage_ids, key=lambda s: (counts[s], -stage_ids.index(s)))
    return best if counts[best] else ("coordinator" if "coordinator" in stage_ids else stage_ids[0])


def load_member_record(path: Path) -> Record:
    """A person's whole record from their file, for viewing read-only (their Overview).

    The full checks run here (``core.backup.parse_backup``), so a fault the team summary did not
    look for is named now; ImportRejectedError carries the sentence. Nothing is written.
    """
    from carepath.core.backup import load_backup_file, parse_backup

    return parse_backup(load_backup_file(path))
