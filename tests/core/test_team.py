"""Reading a team folder and sharing: real share files made by the core, read back read-only."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carepath.core.backup import BACKUP_VERSION, build_backup, validate_backup
from carepath.core.catalogue import SKILL_IDS, STAGE_IDS, load_catalogue
from carepath.core.share import is_share, make_share, summarise
from carepath.core.team import (
    Member,
    SkipReason,
    TeamReadCancelled,
    default_stage,
    load_member_record,
    overdue,
    read_team,
    skill_summaries,
    summarise_document,
    widest_gaps,
)
from team_folder import HOSTILE_NAMES, Person, person_record, share_bytes, snapshot, write_team


@pytest.fixture(scope="module")
def team_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("team") / "shares"
    write_team(folder, 12, 24, hostile=True)
    return folder


def test_reads_every_share_and_skips_bad_files_with_reasons(team_dir: Path) -> None:
    before = snapshot(team_dir)
    team = read_team(team_dir)
    assert snapshot(team_dir) == before  # bytes and mtimes: nothing written or touched
    assert len(team.members) == 12
    reasons = {s.file: s.reason for s in team.skipped}
    assert reasons == {
        "damaged.json": SkipReason.DAMAGED,
        "foreign.json": SkipReason.FOREIGN,
        "newer.json": SkipReason.NEWER,
        "zz-old-copy.json": SkipReason.DUPLICATE,
    }
    names = {m.name for m in team.members}
    assert set(HOSTILE_NAMES) <= names
    assert "Hidden Below" not in names  # subfolders are not read
    duplicate = next(s for s in team.skipped if s.reason == SkipReason.DUPLICATE)
    assert duplicate.other == "share-0000.json"
    kept = next(m for m in team.members if m.name == HOSTILE_NAMES[0])
    assert kept.file == "share-0000.json"  # the later export wins
    assert all(m.shared for m in team.members)


def test_member_holds_the_latest_levels_and_their_source(tmp_path: Path) -> None:
    person = Person("Ana", "senior", 3, "2024-01-01T09:00:00+00:00")
    record = person_record(person, __import__("random").Random(1), skip_every=4)
    path = tmp_path / "ana.json"
    path.write_bytes(share_bytes(record))
    member = summarise_document(json.loads(path.read_bytes()), path)
    assert isinstance(member, Member)
    latest = max(record.assessments, key=lambda a: a.taken_at)
    assert member.levels == dict(latest.ratings)
    assert member.assessed_at == latest.taken_at
    assert member.assessments == 3
    assert member.file == "ana.json" and member.current_stage == "senior"
    assert len(member.levels) < 15  # missing ratings stay missing, never zero


def test_reviews_are_read_when_present_and_tolerated_when_absent(tmp_path: Path) -> None:
    record = person_record(Person("Bo", "entry", 2, ""), __import__("random").Random(2))
    document = build_backup(record)
    document["reviews"] = [
        {
            "id": "r1",
            "request_id": "q1",
            "reviewer": "Mentor <i>M</i>",
            "relationship": "mentor",
            "reviewed_at": "2026-10-01T10:00:00+00:00",
            "ratings": {"communication": 4, "ethics": "not_observed"},
        },
        {
            "id": "r0",
            "request_id": "q0",
            "reviewer": "Old",
            "relationship": "peer",
            "reviewed_at": "2025-10-01T10:00:00+00:00",
            "ratings": {"communication": 1},
        },
    ]
    member = summarise_document(document, tmp_path / "bo.json")
    assert isinstance(member, Member)
    assert member.reviewer == "Mentor <i>M</i>"
    assert member.review_levels == {"communication": 4}  # not observed is not a level
    del document["reviews"]
    plain = summarise_document(document, tmp_path / "bo.json")
    assert isinstance(plain, Member) and plain.review_levels == {} and plain.reviewed_at is None
    document["reviews"] = [{"reviewed_at": "x", "ratings": {"communication": 9}}]
    assert summarise_document(document, tmp_path / "bo.json").reason == SkipReason.DAMAGED  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"format": "other"}, SkipReason.FOREIGN),
        ({"version": BACKUP_VERSION + 1}, SkipReason.NEWER),
        ({"version": "1"}, SkipReason.DAMAGED),
        ({"profile": None}, SkipReason.DAMAGED),
        (
            {"profile": {"name": "x", "current_stage": "boss", "target_stage": "entry"}},
            SkipReason.DAMAGED,
        ),
        ({"assessments": {}}, SkipReason.DAMAGED),
        (
            {"assessments": [{"id": "a", "taken_at": "yesterday", "ratings": {}}]},
            SkipReason.DAMAGED,
        ),
        (
            {
                "assessments": [
                    {"id": "a", "taken_at": "2026-01-01T00:00:00+00:00", "ratings": {"x": 1}}
                ]
            },
            SkipReason.DAMAGED,
        ),
        (
            {
                "assessments": [
                    {
                        "id": "a",
                        "taken_at": "2026-01-01T00:00:00+00:00",
                        "ratings": {"ethics": True},
                    }
                ]
            },
            SkipReason.DAMAGED,
        ),
        (
            {
                "assessments": [
                    {"id": "a", "taken_at": "2026-01-01T00:00:00+00:00", "ratings": {"ethics": 6}}
                ]
            },
            SkipReason.DAMAGED,
        ),
        ({"exported_at": 5}, SkipReason.DAMAGED),
    ],
)
def test_each_fault_is_a_skip_with_its_reason(
    tmp_path: Path, change: dict[str, Any], reason: str
) -> None:
    document = build_backup(
        person_record(Person("C", "entry", 2, ""), __import__("random").Random(3))
    )
    document.update(change)
    result = summarise_document(document, tmp_path / "c.json")
    assert getattr(result, "reason", None) == reason, result


def test_files_over_the_import_limit_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import carepath.core.team as team_module

    folder = tmp_path / "t"
    write_team(folder, 2, 2)
    largest = max(p.stat().st_size for p in folder.iterdir())
    (folder / "big.json").write_bytes(b" " * (largest + 100))
    monkeypatch.setattr(team_module, "MAX_FILE_BYTES", largest + 50)
    team = read_team(folder)
    assert [(s.file, s.reason) for s in team.skipped] == [("big.json", SkipReason.TOO_LARGE)]
    assert "import limit" in team.skipped[0].detail


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    ),
    st.sampled_from(["format", "profile", "assessments", "reviews", "version", "exported_at"]),
)
def test_any_json_in_any_field_is_a_member_or_a_skip_never_a_crash(value: Any, key: str) -> None:
    document = build_backup(
        person_record(Person("D", "entry", 2, ""), __import__("random").Random(4))
    )
    document[key] = value
    result = summarise_document(document, Path("d.json"))
    assert isinstance(result, Member) or result.reason in vars(SkipReason).values()


def test_cancel_stops_reading(team_dir: Path) -> None:
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 3:
            cancel.set()

    with pytest.raises(TeamReadCancelled):
        read_team(team_dir, progress, cancel)
    assert seen == [1, 2, 3]


def _member(
    name: str, levels: dict[str, int], assessed: datetime | None, stage: str = "entry"
) -> Member:
    return Member(
        key=name,
        name=name,
        file=f"{name}.json",
        location=f"{name}.json",
        exported_at=None,
        shared=True,
        current_stage=stage,
        target_stage="senior",
        interval_days=30,
        assessments=1 if assessed else 0,
        assessed_at=assessed,
        levels=levels,
    )


def test_coverage_gaps_median_and_overdue() -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    members = [
        _member("A", {"communication": 1, "ethics": 5}, now),
        _member("B", {"communication": 2, "ethics": 4}, now - timedelta(days=60)),
        _member("C", {"communication": 4}, None, stage="manager"),
    ]
    targets = {skill: 3 for skill in SKILL_IDS}
    summaries = {s.skill: s for s in skill_summaries(members, targets)}
    assert summaries["communication"].median == 2.0
    assert summaries["communication"].met == ("C",)
    assert summaries["communication"].below == ("A", "B")
    assert summaries["ethics"].median == 4.5 and summaries["ethics"].rated == 2
    assert summaries["leadership"].median is None and summaries["leadership"].rated == 0
    gaps = widest_gaps(list(summaries.values()))
    assert [g.skill for g in gaps] == ["communication"]  # unrated skills are not gaps
    late = overdue(members, date(2026, 11, 10))
    assert [(m.name, days) for m, days in late] == [("C", 0), ("B", 39)]
    assert default_stage(members, STAGE_IDS) == "entry"


def test_share_leaves_private_text_out_and_keeps_unknown_keys() -> None:
    record = person_record(Person("E", "entry", 3, ""), __import__("random").Random(5))
    backup = build_backup(record)
    backup["steps"] = [{"step_id": "education", "status": "done", "note": "PRIVATE step"}]
    backup["goals"] = [
        {
            "id": "g",
            "skill": "ethics",
            "title": "Course",
            "actions": "PRIVATE a",
            "resources": "PRIVATE r",
        }
    ]
    backup["reviews"] = [{"id": "r", "comments": {"ethics": "PRIVATE c"}, "message": "PRIVATE m"}]
    backup["future_key"] = {"kept": True}
    original = json.dumps(backup, sort_keys=True)
    share = make_share(backup)
    assert json.dumps(backup, sort_keys=True) == original  # the backup itself is untouched
    text = json.dumps(share)
    assert "PRIVATE" not in text
    assert share["future_key"] == {"kept": True}
    assert share["format"] == "carepath-backup" and is_share(share)
    assert share["goals"][0]["title"] == "Course"
    assert [a["ratings"] for a in share["assessments"]] == [
        a["ratings"] for a in backup["assessments"]
    ]
    with_notes = make_share(backup, include_notes=True)
    assert json.dumps(with_notes).count("PRIVATE") == original.count("PRIVATE")
    summary = summarise(backup)
    assert (summary.evidence_notes, summary.assessment_notes, summary.step_notes) == (3, 3, 1)
    assert (summary.goal_texts, summary.review_comments) == (1, 2)


def test_a_share_is_still_a_valid_backup() -> None:
    record = person_record(
        Person("F", "entry", 2, "2024-01-01T00:00:00+00:00"), __import__("random").Random(6)
    )
    validate_backup(make_share(build_backup(record)))  # the JSON Schema runs here too


def test_overview_record_is_read_in_full(team_dir: Path) -> None:
    record = load_member_record(team_dir / "share-0001.json")
    assert record.profile.name == HOSTILE_NAMES[1]
    assert len(record.assessments) == 24
    assert all(not a.notes for a in record.assessments)  # a share: evidence left out
    assert load_catalogue("es").stage(record.profile.current_stage)


def test_a_skip_is_one_printable_line_whatever_the_file_name() -> None:
    from carepath.core.team import Skipped

    line = Skipped(
        "evil\n\x1b[31mname.json", SkipReason.FOREIGN, "not a CarePath backup"
    ).sentence()
    assert "\n" not in line and "\x1b" not in line
    assert line == "evil\\n\\x1b[31mname.json: not a CarePath backup"


_TEXT = st.text(max_size=12)
_ENTRY = st.dictionaries(
    st.sampled_from(["id", "notes", "note", "comments", "message", "actions", "resources", "x"]),
    _TEXT | st.dictionaries(st.sampled_from(list(SKILL_IDS)), _TEXT, max_size=3),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "format": st.just("carepath-backup"),
            "assessments": st.lists(_ENTRY, max_size=3),
            "steps": st.lists(_ENTRY, max_size=3),
            "goals": st.lists(_ENTRY, max_size=3),
            "reviews": st.lists(_ENTRY, max_size=3),
        },
        optional={"later": _ENTRY, "profile": _ENTRY},
    )
)
def test_a_share_never_carries_private_text_and_keeps_everything_else(
    backup: dict[str, Any],
) -> None:
    share = make_share(backup)
    private = {
        "assessments": ("notes", "note"),
        "steps": ("note",),
        "goals": ("actions", "resources"),
        "reviews": ("comments", "message"),
    }
    for key, fields in private.items():
        assert len(share[key]) == len(backup[key])
        for before, after in zip(backup[key], share[key], strict=True):
            assert set(after) == set(before)  # no field added or dropped
            for field, value in after.items():
                if field in fields:
                    assert value in ("", {})
                else:
                    assert value == before[field]
    for key in backup.keys() - private.keys():
        assert share[key] == backup[key]
    assert share["share"] == {"notes_included": False}
    assert make_share(backup, include_notes=True) == {**backup, "share": {"notes_included": True}}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_in_a_file_are_a_skip_never_a_crash(tmp_path: Path, raw: bytes) -> None:
    from carepath.core.team import read_member

    path = tmp_path / "any.json"
    path.write_bytes(raw)
    result = read_member(path)
    assert not isinstance(result, Member)
    assert result.reason in (SkipReason.DAMAGED, SkipReason.FOREIGN)
    assert "\n" not in result.sentence()
