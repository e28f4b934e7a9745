"""A reviewer's answer file coming back: read it as untrusted input, then add it all or nothing.

The file travels by e-mail or USB stick from someone else's browser, so nothing in it is trusted:
its size is checked before a byte is parsed, it must be UTF-8 JSON no deeper than the format needs,
it must match ``resources/schema/review-response.schema.json`` (known keys and skills, bounded
strings, levels 1-5 or ``not_observed``), and its request id must be one this record issued. Only
then is the record changed, in one atomic save preceded by an automatic backup. Every refusal is
one sentence (ImportRejectedError) and leaves the data file byte-identical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carepath.core.backup import nested_deeper_than
from carepath.core.errors import ImportRejectedError
from carepath.core.models import Record, parse_datetime
from carepath.core.review import NOT_OBSERVED, Review, ReviewRequest, review_order

if TYPE_CHECKING:
    from carepath.core.storage import DataStore

FORMAT = "carepath-review"
RESPONSE_VERSION = 1
#: 15 comments of 10,000 characters, each up to 6 bytes once JSON-escaped, fit in 1 MB; an
#: answer past 2 MB is not one a CarePath form wrote.
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
_MAX_DEPTH = 4


class Outcome(StrEnum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ReviewImport:
    """What importing one answer did, for the sentence the user reads."""

    outcome: Outcome
    review: Review

    @property
    def changed(self) -> bool:
        return self.outcome is not Outcome.UNCHANGED


def _cannot(path: Path, reason: str) -> ImportRejectedError:
    return ImportRejectedError(f"Cannot import the review {path.name}: {reason}.")


def read_response_file(path: Path) -> Any:
    """The decoded JSON of an answer file, refusing oversized, binary, deep or broken files."""
    try:
        if path.is_dir():
            raise _cannot(path, "it is a folder; choose the .json file your reviewer sent")
        if path.stat().st_size > MAX_RESPONSE_BYTES:
            raise _too_big(path)
        with path.open("rb") as handle:
            raw = handle.read(MAX_RESPONSE_BYTES + 1)
    except FileNotFoundError:
        raise _cannot(path, "there is no such file; check the name and try again") from None
    except PermissionError:
        raise _cannot(path, "you may not read it; copy it somewhere you can read") from None
    except OSError as error:
        raise _cannot(path, f"it could not be read ({error.strerror or error})") from None
    if len(raw) > MAX_RESPONSE_BYTES:
        raise _too_big(path)
    return decode_response(raw, path)


def _too_big(path: Path) -> ImportRejectedError:
    return _cannot(
        path,
        f"it is larger than {MAX_RESPONSE_BYTES // 2**20} MB, far bigger than any review answer; "
        "choose the file the review form saved",
    )


def decode_response(raw: bytes, path: Path) -> Any:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # an editor's byte-order mark is harmless here: the content is checked
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _cannot(path, "it is not text; choose the .json file the review form saved") from None
    if nested_deeper_than(text, _MAX_DEPTH):
        raise _cannot(path, "it is not shaped like a review answer; choose the file the form saved")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise _cannot(path, "it is not JSON; choose the .json file the review form saved") from None


@cache
def _validator() -> Any:
    import jsonschema

    from carepath.core.resources import resource_path

    schema = json.loads(resource_path("schema", "review-response.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def parse_response(document: Any, record: Record, name: str = "the file") -> Review:
    """The Review an answer holds, or ImportRejectedError saying in one sentence what is wrong."""
    if type(document) is not dict or document.get("format") != FORMAT:
        raise ImportRejectedError(
            f"Cannot import {name}: it is not a CarePath review answer; choose the .json file "
            "your reviewer saved from the review form."
        )
    if document.get("version") != RESPONSE_VERSION:
        raise ImportRejectedError(
            f"Cannot import {name}: it is a review answer of a version this CarePath does not "
            "read; update CarePath, then import it again."
        )
    error = next(iter(_validator().iter_errors(document)), None)
    if error is not None:
        place = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise ImportRejectedError(
            f"Cannot import {name}: it was changed after the form saved it ({place}: "
            f"{error.message[:120]}); ask your reviewer to save the form again."
        )
    issued = {r.id for r in record.review_requests}
    if document["request_id"] not in issued:
        raise ImportRejectedError(
            f"Cannot import {name}: it answers a review request this record did not send; "
            "import it into the CarePath record that asked for the review."
        )
    try:
        reviewed_at = parse_datetime(document["saved_at"])
    except ValueError:
        raise ImportRejectedError(
            f"Cannot import {name}: its date is not a date; ask your reviewer to save it again."
        ) from None
    ratings = document["ratings"]
    reviewer = document["reviewer"]
    return Review(
        id=document["response_id"],
        request_id=document["request_id"],
        reviewer=reviewer["name"],
        relationship=reviewer["relationship"],
        reviewed_at=reviewed_at,
        ratings={k: int(v) for k, v in ratings.items() if v != NOT_OBSERVED},
        not_observed=frozenset(k for k, v in ratings.items() if v == NOT_OBSERVED),
        comments={k: v for k, v in document.get("comments", {}).items() if v.strip()},
        message=document.get("message", ""),
    )


def with_review(record: Record, review: Review) -> tuple[Record, ReviewImport]:
    """The record with ``review`` added; the same answer again changes nothing.

    An answer with a known id is the same reviewer saving again from the same browser: a newer
    save replaces the older one, an older or identical one is ignored.
    """
    kept = [r for r in record.reviews if r.id != review.id]
    if len(kept) < len(record.reviews):
        old = next(r for r in record.reviews if r.id == review.id)
        if old == review or review.reviewed_at <= old.reviewed_at:
            return record, ReviewImport(Outcome.UNCHANGED, old)
        outcome = Outcome.REPLACED
    else:
        outcome = Outcome.ADDED
    reviews = tuple(sorted((*kept, review), key=review_order))
    return replace(record, reviews=reviews), ReviewImport(outcome, review)


def with_request(record: Record, request: ReviewRequest) -> Record:
    """The record remembering one more issued request id."""
    return replace(record, review_requests=(*record.review_requests, request))


def response_document(
    request_id: str,
    response_id: str,
    saved_at: str,
    asker: str,
    reviewer: str,
    relationship: str,
    ratings: dict[str, int | str],
    comments: dict[str, str],
    message: str = "",
) -> dict[str, Any]:
    """An answer as the browser form writes it, for CarePath's own reviewer page (same bytes
    shape, so one importer serves both)."""
    return {
        "format": FORMAT,
        "version": RESPONSE_VERSION,
        "request_id": request_id,
        "response_id": response_id,
        "saved_at": saved_at,
        "asker": asker,
        "reviewer": {"name": reviewer, "relationship": relationship},
        "ratings": ratings,
        "comments": {k: v for k, v in comments.items() if v.strip()},
        "message": message,
    }


# --- on the open data file ----------------------------------------------------------------------


def import_review(store: DataStore, document: Any, name: str = "the file") -> ReviewImport:
    """Add one decoded answer to the open record, all or nothing.

    Checked in full first; then, only if it changes anything, an automatic backup and one atomic
    save of the reviews table (about 30 ms with 1,000 assessments, most of it the two fsyncs).
    Importing the same answer again writes nothing.
    """
    from carepath.core import autobackup

    record = store.record()
    review = parse_response(document, record, name)
    _, result = with_review(record, review)
    if result.changed:
        store.save_review(review, backup_reason=autobackup.BEFORE_IMPORT)
    return result
