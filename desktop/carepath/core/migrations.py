"""The data file's layout and how an older layout is carried forward, one version at a time.

A file is never migrated backward: a newer version is refused by the caller, untouched, because an
older program cannot know what the newer fields mean. Each step is a pure function on the decoded
JSON so it can be tested without touching disk; the caller backs the file up before writing the
result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from carepath.core.errors import NewerVersionError

CURRENT_SCHEMA_VERSION = 1
APP_MARK = "carepath"

META = "meta"
PROFILE = "profile"
ASSESSMENTS = "assessments"
STEPS = "steps"
GOALS = "goals"
# Reviews arrived without a new data version: files that lack these tables simply hold none, and
# an older CarePath keeps tables it does not know when it rewrites the file.
REVIEWS = "reviews"
REVIEW_REQUESTS = "review_requests"
RECORD_TABLES: tuple[str, ...] = (PROFILE, ASSESSMENTS, STEPS, GOALS, REVIEWS, REVIEW_REQUESTS)
TABLES: tuple[str, ...] = (META, *RECORD_TABLES)


class LayoutError(ValueError):
    """The file's version record is not one CarePath writes; the text is the plain reason."""


def meta_document(version: int = CURRENT_SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema_version": version, "app": APP_MARK}


def schema_version(data: Mapping[str, Any]) -> int:
    """The layout version of decoded file contents; 0 means an early file with no meta table."""
    if META not in data:
        return 0
    table = data[META]
    if not isinstance(table, dict):
        raise LayoutError(f"its '{META}' table is not a table of records")
    if not table:
        raise LayoutError("its version record is missing")
    doc = next(iter(table.values()))
    # "app" marks the file as ours; a version record without it is still read as ours.
    if not isinstance(doc, dict) or doc.get("app", APP_MARK) != APP_MARK:
        raise LayoutError("it belongs to another program (its version record is not CarePath's)")
    version = doc.get("schema_version")
    if type(version) is not int or version < 1:
        raise LayoutError(f"its version record says {version!r}, which is not a version number")
    return version


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Early files had the four record tables but no meta table to say whose they are."""
    migrated = dict(data)
    migrated[META] = {"1": meta_document(1)}
    return migrated


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Carry ``data`` forward to the current version; never backward."""
    version = schema_version(data)
    if version > CURRENT_SCHEMA_VERSION:
        raise NewerVersionError(
            f"This data file was written by a newer CarePath (data version {version}; this one "
            f"reads up to {CURRENT_SCHEMA_VERSION}); install the newer CarePath to open it."
        )
    while version < CURRENT_SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
