"""``carepath review-request`` and ``carepath import-review`` as real subprocesses on real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli import assert_refused, carepath_cli

from carepath.core.review_response import response_document

HOSTILE = "<img src=x onerror=alert(1)> \u202eעברית\u202c 李雷 & ' \""


@pytest.fixture
def named_record(data_path: Path) -> Path:
    result = carepath_cli("demo", "--data", data_path)
    assert result.returncode == 0, result.stderr
    return data_path


def _ask(data: Path, out: Path, *extra: str) -> str:
    result = carepath_cli("review-request", "--data", data, "--out", out, *extra)
    assert result.returncode == 0, result.stderr
    found = re.search(r"(?:request|solicitud) ([0-9a-f]{32})", result.stdout)  # --lang es too
    assert found, result.stdout
    return found.group(1)


def _answer(tmp_path: Path, request_id: str, **changes: object) -> Path:
    document = response_document(
        request_id,
        "b" * 32,
        "2026-11-20T10:00:00+01:00",
        "Sam",
        HOSTILE,
        "peer",
        {"communication": 5, "ethics": "not_observed"},
        {"communication": HOSTILE},
    )
    document.update(changes)
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_ask_then_import_then_import_again(named_record: Path, tmp_path: Path) -> None:
    out = tmp_path / "request.html"
    request_id = _ask(named_record, out, "--reviewer", HOSTILE, "--lang", "es")
    page = out.read_text("utf-8")
    assert '<html lang="es"' in page and "Guardar mis respuestas" in page
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert out.stat().st_mode & 0o777 == 0o600
    answer = _answer(tmp_path, request_id)

    first = carepath_cli("import-review", "--data", named_record, answer)
    assert first.returncode == 0, first.stderr
    assert "Imported the review" in first.stdout
    after = named_record.read_bytes()
    second = carepath_cli("import-review", "--data", named_record, answer)
    assert second.returncode == 0, second.stderr
    assert "already imported; nothing changed" in second.stdout
    assert named_record.read_bytes() == after

    backup = tmp_path / "backup.json"
    exported = carepath_cli("export", "--data", named_record, "--format", "json", "--out", backup)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(backup.read_text("utf-8"))
    assert document["version"] == 2
    assert document["reviews"][0]["reviewer"] == HOSTILE
    assert [r["id"] for r in document["review_requests"]] == [request_id]


def test_refusals_leave_the_record_byte_identical(named_record: Path, tmp_path: Path) -> None:
    request_id = _ask(named_record, tmp_path / "request.html")
    before = named_record.read_bytes()
    files_before = sorted(p.name for p in named_record.parent.rglob("*"))
    level_nine = _answer(tmp_path, request_id, ratings={"communication": 9})
    assert_refused(carepath_cli("import-review", "--data", named_record, level_nine), "changed")
    unknown = _answer(tmp_path, request_id, ratings={"juggling": 3})
    assert_refused(carepath_cli("import-review", "--data", named_record, unknown), "changed")
    foreign = _answer(tmp_path, "c" * 32)
    assert_refused(carepath_cli("import-review", "--data", named_record, foreign), "did not send")
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert_refused(carepath_cli("import-review", "--data", named_record, huge), "larger than")
    text = tmp_path / "notes.json"
    text.write_text("Dear Sam, you are great.", "utf-8")
    assert_refused(carepath_cli("import-review", "--data", named_record, text), "not JSON")
    assert named_record.read_bytes() == before
    assert sorted(p.name for p in named_record.parent.rglob("*")) == files_before  # no stray file


def test_a_bad_out_folder_is_refused_before_the_record_changes(
    named_record: Path, tmp_path: Path
) -> None:
    before = named_record.read_bytes()
    result = carepath_cli(
        "review-request", "--data", named_record, "--out", tmp_path / "missing" / "r.html"
    )
    assert_refused(result, "does not exist")
    long_name = carepath_cli(
        "review-request",
        "--data",
        named_record,
        "--out",
        tmp_path / "r.html",
        "--reviewer",
        "x" * 201,
    )
    assert_refused(long_name, "longer than 200")
    assert named_record.read_bytes() == before
    assert not (tmp_path / "r.html").exists()


def test_wrong_usage_exits_2(named_record: Path) -> None:
    assert carepath_cli("review-request", "--data", named_record).returncode == 2
    assert carepath_cli("import-review", "--data", named_record).returncode == 2


def test_a_record_without_a_name_needs_name(data_path: Path, tmp_path: Path) -> None:
    assert carepath_cli("assess", "--data", data_path, "ethics=3").returncode == 0
    before = data_path.read_bytes()
    out = tmp_path / "r.html"
    assert_refused(carepath_cli("review-request", "--data", data_path, "--out", out), "--name")
    assert data_path.read_bytes() == before and not out.exists()
    _ask(data_path, out, "--name", "Sam <Lee>")
    assert "Sam &lt;Lee&gt;" in out.read_text("utf-8")
