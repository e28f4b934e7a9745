"""Reviews in the record: importing an answer (untrusted), backups v1/v2, and the comparison."""

from __future__ import annotations

import copy
import json
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carepath.core import autobackup
from carepath.core.backup import build_backup, parse_backup
from carepath.core.catalogue import SKILL_IDS
from carepath.core.errors import ImportRejectedError
from carepath.core.models import Assessment, Profile, Record
from carepath.core.review import Review, ReviewRequest, differences, latest_review_of
from carepath.core.review_response import (
    MAX_RESPONSE_BYTES,
    Outcome,
    import_review,
    read_response_file,
    response_document,
    with_request,
)
from carepath.core.storage import DataStore

HOSTILE = "<script>alert('x')</script> & \u202eשלום\u202c 李雷 " + "x" * 40


def _record_path(tmp_path: Path, assessments: int = 3) -> tuple[Path, ReviewRequest]:
    path = tmp_path / "record.json"
    request = ReviewRequest.create(reviewer="Ada")
    record = Record(
        profile=Profile(name="Sam", created_at="2026-01-01T00:00:00+00:00"),
        assessments=tuple(
            Assessment.create({s: 1 + (n + i) % 5 for i, s in enumerate(SKILL_IDS)})
            for n in range(assessments)
        ),
    )
    with DataStore.open(path) as store:
        store.replace_record(with_request(record, request))
    return path, request


def _answer(request_id: str, **changes: Any) -> dict[str, Any]:
    document = response_document(
        request_id=request_id,
        response_id="a" * 32,
        saved_at="2026-11-20T10:00:00+01:00",
        asker="Sam",
        reviewer=HOSTILE,
        relationship="mentor",
        ratings={"communication": 4, "ethics": "not_observed", "leadership": 2},
        comments={"communication": "Ten thousand " + "c" * 9_980, "leadership": HOSTILE},
        message="Well done.",
    )
    document.update(changes)
    return document


def _write(tmp_path: Path, document: object, name: str = "answer.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def _import(data: Path, answer: Path) -> Outcome:
    with DataStore.open(data) as store:
        return import_review(store, read_response_file(answer), answer.name).outcome


def test_an_answer_is_imported_whole_with_a_backup_first(tmp_path: Path) -> None:
    data, request = _record_path(tmp_path)
    before = data.read_bytes()
    assert _import(data, _write(tmp_path, _answer(request.id))) is Outcome.ADDED
    backups = autobackup.list_backups(data)
    assert any(b.name.endswith("before-import.json") for b in backups)
    assert any(b.read_bytes() == before for b in backups)
    with DataStore.open(data) as store:
        (review,) = store.record().reviews
        assessments = store.record().assessments
    assert review.reviewer == HOSTILE
    assert review.ratings == {"communication": 4, "leadership": 2}
    assert review.not_observed == {"ethics"}
    assert len(review.comments["communication"]) == 9_993
    assert len(assessments) == 3  # reviews never become self-assessments


def test_the_same_answer_twice_changes_nothing(tmp_path: Path) -> None:
    data, request = _record_path(tmp_path)
    answer = _write(tmp_path, _answer(request.id))
    _import(data, answer)
    after_first = data.read_bytes()
    assert _import(data, answer) is Outcome.UNCHANGED
    assert data.read_bytes() == after_first


def test_a_newer_save_from_the_same_browser_replaces_the_earlier_answer(tmp_path: Path) -> None:
    data, request = _record_path(tmp_path)
    _import(data, _write(tmp_path, _answer(request.id)))
    newer = _answer(request.id, saved_at="2026-11-21T10:00:00+01:00", ratings={"ethics": 5})
    assert _import(data, _write(tmp_path, newer, "newer.json")) is Outcome.REPLACED
    older = _answer(request.id, saved_at="2026-11-19T10:00:00+01:00", ratings={"ethics": 1})
    assert _import(data, _write(tmp_path, older, "older.json")) is Outcome.UNCHANGED
    with DataStore.open(data) as store:
        (review,) = store.record().reviews
    assert review.ratings == {"ethics": 5}


def _bad_answers(request_id: str) -> list[tuple[object, str]]:
    level_nine = _answer(request_id)
    level_nine["ratings"]["communication"] = 9
    unknown = _answer(request_id)
    unknown["ratings"]["juggling"] = 3
    long_name = _answer(request_id)
    long_name["reviewer"]["name"] = "n" * 201
    long_comment = _answer(request_id)
    long_comment["comments"]["ethics"] = "c" * 10_001
    boolean = _answer(request_id)
    boolean["ratings"]["ethics"] = True
    extra = _answer(request_id, password="x")
    return [
        (_answer("f" * 32), "did not send"),
        (level_nine, "changed after the form saved it"),
        (unknown, "changed after the form saved it"),
        (long_name, "changed after the form saved it"),
        (long_comment, "changed after the form saved it"),
        (boolean, "changed after the form saved it"),
        (extra, "changed after the form saved it"),
        (_answer(request_id, version=2), "version"),
        ({"format": "carepath-backup", "version": 2}, "not a CarePath review answer"),
        ([1, 2, 3], "not a CarePath review answer"),
        ("text", "not a CarePath review answer"),
    ]


def test_refused_answers_leave_the_data_file_byte_identical(tmp_path: Path) -> None:
    data, request = _record_path(tmp_path)
    before = data.read_bytes()
    for number, (document, reason) in enumerate(_bad_answers(request.id)):
        answer = _write(tmp_path, document, f"bad-{number}.json")
        with pytest.raises(ImportRejectedError, match=reason) as caught:
            _import(data, answer)
        assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")
        assert data.read_bytes() == before
    assert autobackup.list_backups(data) == [] or all(
        not b.name.endswith("before-import.json") for b in autobackup.list_backups(data)
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not json at all", "not JSON"),
        (b"\xff\xfe\x00binary", "not text"),
        (b"[" * 50 + b"]" * 50, "not shaped like a review answer"),
    ],
)
def test_files_that_are_not_answers_are_refused_before_the_record_is_opened(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    answer = tmp_path / "answer.json"
    answer.write_bytes(content)
    with pytest.raises(ImportRejectedError, match=reason):
        read_response_file(answer)


def test_a_50_mb_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    answer = tmp_path / "huge.json"
    with answer.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert answer.stat().st_size > MAX_RESPONSE_BYTES
    with pytest.raises(ImportRejectedError, match="larger than 2 MB"):
        read_response_file(answer)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.dictionaries(
        st.sampled_from(["ratings", "comments", "reviewer", "saved_at", "response_id", "message"]),
        st.recursive(
            st.none() | st.booleans() | st.integers(-10, 10) | st.text(max_size=30),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.sampled_from([*SKILL_IDS[:3], "x", "name"]), inner, max_size=3)
            ),
            max_leaves=8,
        ),
        max_size=3,
    )
)
def test_any_altered_answer_is_imported_whole_or_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory, changes: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    data, request = _record_path(folder, assessments=1)
    before = data.read_bytes()
    document = copy.deepcopy(_answer(request.id))
    document.update(changes)
    try:
        outcome = _import(data, _write(folder, document))
    except ImportRejectedError:
        assert data.read_bytes() == before
        return
    assert outcome is Outcome.ADDED
    with DataStore.open(data) as store:
        assert len(store.record().reviews) == 1


def test_import_takes_under_100_ms_on_a_long_record(tmp_path: Path) -> None:
    """Warm median over several answers into a record of 1,000 assessments (the first import in
    a process also pays ~90 ms once for importing jsonschema)."""
    data, request = _record_path(tmp_path, assessments=1_000)
    timings = []
    with DataStore.open(data) as store:
        for number in range(6):
            document = _answer(request.id, response_id=f"{number:032x}")
            answer = _write(tmp_path, document, f"a{number}.json")
            started = time.perf_counter()
            import_review(store, read_response_file(answer), answer.name)
            timings.append(time.perf_counter() - started)
    assert statistics.median(timings[1:]) < 0.1, timings


# --- backups ---------------------------------------------------------------------------------


def _with_review(tmp_path: Path) -> Record:
    data, request = _record_path(tmp_path)
    _import(data, _write(tmp_path, _answer(request.id)))
    with DataStore.open(data) as store:
        return store.record()


def test_a_version_2_backup_carries_reviews_and_requests(tmp_path: Path) -> None:
    record = _with_review(tmp_path)
    document = json.loads(json.dumps(build_backup(record)))
    assert document["version"] == 2
    restored = parse_backup(document)
    assert restored.reviews == record.reviews
    assert restored.review_requests == record.review_requests


def test_a_version_1_backup_still_imports_with_no_reviews(tmp_path: Path) -> None:
    record = _with_review(tmp_path)
    document = json.loads(json.dumps(build_backup(record)))
    del document["reviews"], document["review_requests"]
    document["version"] = 1
    restored = parse_backup(document)
    assert restored.reviews == () and restored.review_requests == ()
    assert restored.assessments == record.assessments


def test_restoring_a_backup_twice_adds_its_reviews_once(tmp_path: Path) -> None:
    record = _with_review(tmp_path)
    document = json.loads(json.dumps(build_backup(record)))
    other = tmp_path / "other.json"
    with DataStore.open(other) as store:
        first = store.import_backup(document)
        second = store.import_backup(document)
        assert store.record().reviews == record.reviews
    assert first.reviews_added == 2 and not second.changed
    assert other.stat().st_mode & 0o777 == 0o600


def test_a_backup_with_a_review_level_9_is_refused(tmp_path: Path) -> None:
    document = json.loads(json.dumps(build_backup(_with_review(tmp_path))))
    document["reviews"][0]["ratings"]["communication"] = 9
    with pytest.raises(ImportRejectedError, match="review 1 rates 'communication'"):
        parse_backup(document)


# --- the comparison --------------------------------------------------------------------------


def test_differences_name_skills_a_level_or_more_apart_in_both_directions() -> None:
    own = {"communication": 2, "ethics": 4, "leadership": 3, "negotiation": 3}
    review = Review(
        id="r",
        request_id="q",
        reviewer="Ada",
        relationship="peer",
        reviewed_at=Assessment.create({}).taken_at,
        ratings={"communication": 4, "ethics": 3, "leadership": 3, "organization": 5},
        not_observed=frozenset({"negotiation"}),
    )
    higher, lower = differences(own, review)
    assert [(d.skill, d.delta) for d in higher] == [("communication", 2)]
    assert [(d.skill, d.delta) for d in lower] == [("ethics", -1)]
    assert latest_review_of((review,), "negotiation") is review
    assert latest_review_of((review,), "time_management") is None


def test_a_data_file_from_before_reviews_opens_and_then_keeps_them(tmp_path: Path) -> None:
    """Files written before reviews existed (no review tables; even no meta table) still open,
    and gain the two tables only once a request is issued; the data version stays 1."""
    old = tmp_path / "old.json"
    assessment = Assessment.create({"communication": 3}).to_dict()
    old.write_text(
        json.dumps(
            {
                "profile": {"1": Profile(name="Sam").to_dict()},
                "assessments": {"1": assessment},
                "steps": {},
                "goals": {},
            }
        ),
        "utf-8",
    )
    with DataStore.open(old) as store:
        assert store.record().reviews == () and store.record().review_requests == ()
        store.add_review_request(ReviewRequest.create())
    content = json.loads(old.read_text("utf-8"))
    assert set(content) >= {"meta", "review_requests"}
    assert next(iter(content["meta"].values()))["schema_version"] == 1
    with DataStore.open(old) as store:
        assert len(store.record().review_requests) == 1
        assert [a.id for a in store.record().assessments] == [assessment["id"]]


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 9) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from([*SKILL_IDS[:2], "id", "x"]), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=80, deadline=None)
@given(
    field=st.sampled_from(
        ["id", "request_id", "reviewer", "relationship", "reviewed_at", "ratings", "comments"]
    ),
    value=_JSONISH,
    requests=st.one_of(st.just([]), st.lists(_JSONISH, max_size=2)),
)
def test_any_altered_review_in_a_backup_is_read_or_refused_in_one_sentence(
    field: str, value: object, requests: list[object]
) -> None:
    review = Review(
        id="r",
        request_id="q",
        reviewer="Ada",
        relationship="mentor",
        reviewed_at=Assessment.create({}).taken_at,
        ratings={"ethics": 3},
    ).to_dict()
    review[field] = value
    document = build_backup(Record(profile=Profile(name="Sam")))
    document["reviews"] = [review]
    document["review_requests"] = requests
    try:
        record = parse_backup(json.loads(json.dumps(document)))
    except ImportRejectedError as error:
        assert str(error).startswith("This backup cannot be imported:")
        return
    assert len(record.reviews) == 1
