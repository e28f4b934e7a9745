"""The backup: one JSON document with the whole record, its one writer and its one reader.

``build_backup`` makes the document and ``backup_bytes`` its bytes (the window's File ▸ Export
backup, ``carepath export --format json`` and the self-test all write through ``write_backup``);
``load_backup_file`` decodes a file with size and depth limits before ``parse_backup`` checks it
(``record_checks``, then the JSON Schema in ``resources/schema`` as a backstop).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import carepath
from carepath.core.atomic import write_atomic
from carepath.core.backup_format import BACKUP_VERSION, FORMAT, MAX_FILE_BYTES
from carepath.core.errors import ImportRejectedError
from carepath.core.models import Record, now
from carepath.core.record_checks import (
    MAX_STAMP,
    MISSING,
    ShapeError,
    brief,
    check_profile,
    check_record,
    json_kind,
    moment_field,
    text_field,
)
from carepath.core.review import MAX_REQUESTS, MAX_REVIEWS
from carepath.core.review_backup import upgrade_backup

MAX_ASSESSMENTS = 100_000
MAX_GOALS = 10_000
MAX_STEP_ENTRIES = 100
MAX_DEPTH = 20


# --- the backup document ---------------------------------------------------------------------


def build_backup(record: Record) -> dict[str, Any]:
    """The full backup: everything needed to rebuild the record on another machine.

    It carries the lowest version that holds the record: a record that never asked for a review
    is written as version 1, which every CarePath since the first reads; reviews and issued
    requests make it version 2.
    """
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "exported_at": now().isoformat(),
        "app_version": carepath.__version__,
        "profile": record.profile.to_dict(),
        "assessments": [a.to_dict() for a in record.assessments],
        "steps": [s.to_dict() for s in record.steps.values()],
        "goals": [g.to_dict() for g in record.goals],
    }
    if record.reviews or record.review_requests:
        document["version"] = BACKUP_VERSION
        document["reviews"] = [r.to_dict() for r in record.reviews]
        document["review_requests"] = [r.to_dict() for r in record.review_requests]
    return document


def backup_bytes(record: Record) -> bytes:
    """The backup of ``record`` as UTF-8 JSON, indented so a person can read and diff it."""
    return json.dumps(build_backup(record), ensure_ascii=False, indent=2).encode("utf-8")


def write_backup(record: Record, path: Path) -> None:
    """Write the backup of ``record`` to ``path`` atomically (SaveError if the disk refuses)."""
    write_atomic(path, backup_bytes(record))


def _rejected(reason: str) -> ImportRejectedError:
    return ImportRejectedError(f"This backup cannot be imported: {reason}.")


def _list(document: dict[str, Any], key: str, limit: int) -> list[Any]:
    value = document.get(key, MISSING)
    if value is MISSING:
        raise _rejected(f"it has no '{key}' list; export it again from CarePath")
    if type(value) is not list:
        raise _rejected(f"'{key}' is {json_kind(value)}, not a list; write it as [...]")
    if len(value) > limit:
        raise _rejected(f"it holds {len(value):,} {key}, more than the {limit:,} CarePath accepts")
    return value


def parse_backup(document: Any) -> Record:
    """The record a backup holds, or ImportRejectedError with one sentence saying what to fix."""
    if type(document) is not dict or document.get("format") != FORMAT:
        raise ImportRejectedError(
            'This file is not a CarePath backup (it lacks "format": "carepath-backup"); '
            "choose a file made by CarePath's backup export (carepath export --format json)."
        )
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise _rejected(f"its version {brief(version)} is not a backup version number")
    if version > BACKUP_VERSION:
        raise ImportRejectedError(
            f"This backup was made by a newer CarePath (backup version {version}; this one reads "
            f"up to {BACKUP_VERSION}); update CarePath, then import it again."
        )
    document = upgrade_backup(document)
    try:
        moment_field(document, "exported_at", "the backup", required=True)
        text_field(document, "app_version", "the backup", MAX_STAMP)
        if "profile" not in document:
            raise ShapeError("it has no profile", "export it again from CarePath")
        check_profile(document["profile"])  # null is "no profile" in a data file, not here
        record = check_record(
            document["profile"],
            _list(document, "assessments", MAX_ASSESSMENTS),
            _list(document, "steps", MAX_STEP_ENTRIES),
            _list(document, "goals", MAX_GOALS),
            _list(document, "reviews", MAX_REVIEWS),
            _list(document, "review_requests", MAX_REQUESTS),
        )
    except ShapeError as error:
        raise _rejected(str(error)) from None
    _check_schema(document)
    return record


def validate_backup(document: Any) -> None:
    """Raise ImportRejectedError unless ``document`` is a backup this CarePath can import whole."""
    parse_backup(document)


@cache
def _schema_validator() -> Any:
    import jsonschema  # costs ~90 ms; only imports pay for it

    from carepath.core.resources import resource_path

    schema = json.loads(resource_path("schema", "backup.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with its local ``$ref``s copied in: validating 10,000 assessments then takes a
    third of the time, since ``jsonschema`` resolves a reference afresh at every use."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(definitions[ref.removeprefix("#/$defs/")], definitions)
        return {key: _inline_refs(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_refs(item, definitions) for item in node]
    return node


def _check_schema(document: dict[str, Any]) -> None:
    error = next(iter(_schema_validator().iter_errors(document)), None)
    if error is not None:
        place = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise _rejected(
            f"it does not match the backup format at {place} ({error.message[:200]}); "
            "export it again from CarePath"
        )


# --- reading a backup file ---------------------------------------------------------------------

# A string, or an unterminated one up to the end: matching never fails once started, so the scan
# stays linear even on hostile input.
_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_OPENERS = r"[\[{]{%d,}"


def nested_deeper_than(text: str, limit: int) -> bool:
    """Whether the JSON text nests arrays/objects beyond ``limit``, decided before parsing.

    Strings are blanked, then innermost bracket pairs are peeled off ``limit`` times; what is
    left of well-formed text is empty exactly when it was no deeper. A leftover with a pair still
    in it, or with more than ``limit`` brackets left open in a row, is deep; any other leftover
    is merely broken (cut off, mismatched), and the parser will say so.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return False
        brackets = _INNERMOST.sub("", brackets)
    return bool(_INNERMOST.search(brackets) or re.search(_OPENERS % (limit + 1), brackets))


def load_backup_file(path: Path) -> Any:
    """Decode a backup file with size and depth limits, or raise ImportRejectedError."""
    try:
        if path.is_dir():
            raise ImportRejectedError.of(
                "Cannot import {path}: it is a folder; choose the backup .json file.", path=path
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ImportRejectedError.of(
            "Cannot import {path}: there is no such file; check the name and try again.",
            path=path,
        ) from None
    except PermissionError:
        raise ImportRejectedError.of(
            "Cannot import {path}: you may not read it; copy it somewhere you can read and "
            "try again.",
            path=path,
        ) from None
    except OSError as error:
        raise ImportRejectedError.of(
            "Cannot import {path}: it could not be read ({reason}); check the disk and retry.",
            path=path,
            reason=error.strerror or error,
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ImportRejectedError.of(
            "Cannot import {path}: it is larger than {size} MB, far bigger than any CarePath "
            "backup; choose the file CarePath exported.",
            path=path,
            size=MAX_FILE_BYTES // 2**20,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ImportRejectedError.of(
            "Cannot import {path}: it starts with a byte-order mark, as some editors add; save "
            "it again as UTF-8 without BOM, then import it.",
            path=path,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRejectedError.of(
            "Cannot import {path}: it is not UTF-8 text; choose the .json file CarePath exported.",
            path=path,
        ) from None
    if nested_deeper_than(text, MAX_DEPTH):
        raise ImportRejectedError.of(
            "Cannot import {path}: it is nested more than {depth} levels deep, which no "
            "CarePath backup is; choose the file CarePath exported.",
            path=path,
            depth=MAX_DEPTH,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRejectedError.of(
            "Cannot import {path}: it is not valid JSON ({reason} at line {line}, column "
            "{column}); choose the file CarePath exported, or repair the text.",
            path=path,
            reason=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from None
    except (ValueError, RecursionError):
        raise ImportRejectedError.of(
            "Cannot import {path}: it is not valid JSON; choose the file CarePath exported.",
            path=path,
        ) from None
