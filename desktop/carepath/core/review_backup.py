"""The review parts of the record's JSON form: backup version 2, its migration, and merging.

Backup version 1 had no reviews; version 2 adds two lists, ``reviews`` and ``review_requests``
(``core.review``). A version-1 backup is carried forward by adding them empty, so it still
imports, and every key version 1 had keeps its meaning (DESIGN's backup contract). Kept apart from
``core.backup`` so the record checks there stay about the self-assessment record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from carepath.core.models import Record
from carepath.core.review import Review, ReviewRequest, review_order


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 knew nothing of reviews: it held none and had issued no requests."""
    upgraded = dict(document)
    upgraded.setdefault("reviews", [])
    upgraded.setdefault("review_requests", [])
    upgraded["version"] = 2
    return upgraded


#: From each backup version to the next; ``core.backup.BACKUP_VERSION`` is where they end.
BACKUP_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def upgrade_backup(document: dict[str, Any]) -> dict[str, Any]:
    """The backup carried forward to the current version (a new dict; the input is untouched).

    Called after the format and version were checked to be known, so a version below 1 or above
    the current one never reaches here.
    """
    version = document.get("version")
    while type(version) is int and version in BACKUP_MIGRATIONS:
        document = BACKUP_MIGRATIONS[version](document)
        version = document["version"]
    return document


def merge_review_lists(
    local: Record, incoming: Record
) -> tuple[tuple[Review, ...], tuple[ReviewRequest, ...], int]:
    """Reviews and requests of both records, each id once (ours kept), and how many were new.

    Restoring a backup of this record therefore adds nothing twice, like assessments.
    """
    known_reviews = {r.id for r in local.reviews}
    new_reviews = [r for r in incoming.reviews if r.id not in known_reviews]
    known_requests = {r.id for r in local.review_requests}
    new_requests = [r for r in incoming.review_requests if r.id not in known_requests]
    reviews = tuple(sorted((*local.reviews, *new_reviews), key=review_order))
    requests = tuple(
        sorted((*local.review_requests, *new_requests), key=lambda r: (r.issued_at, r.id))
    )
    return reviews, requests, len(new_reviews) + len(new_requests)
