"""Reviews: how a mentor, a supervisor or a peer rates the same fifteen skills, kept apart.

Self-ratings drift (newcomers rate high, experts low), so CarePath pairs them with someone else's
view without any server: the user *issues* a review request (an offline HTML form, see
``export.review_form``), the reviewer's browser saves a small JSON answer, and the user imports it.

Two kinds of document live in the record, each in its own table of the data file and its own list
in a backup (version 2):

* a ``ReviewRequest`` is the id printed into one form, with when and for whom it was made; an
  answer is accepted only for an id this record issued, so a stranger's file cannot slip in;
* a ``Review`` is one imported answer. Its id is the answer's own id (made once per browser and
  request), so importing the same file twice adds nothing, and a reviewer who saves again from
  the same browser replaces their earlier answer instead of being counted twice.

Reviews never mix with self-assessments: averages, gaps and trends read only assessments, and the
comparison below is the one place where both meet. A skill the reviewer did not see is stored as
*not observed*, which, like *not rated yet*, is never a level and never counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import LEVEL_MAX, LEVEL_MIN, new_id, now, parse_datetime

RELATIONSHIPS: tuple[str, ...] = ("mentor", "supervisor", "peer", "other")
NOT_OBSERVED = "not_observed"
REVIEW_LANGUAGES: tuple[str, ...] = ("en", "es")
MAX_ID = 64
MAX_NAME = 200
MAX_COMMENT = 10_000
MAX_STAMP = 64
MAX_REQUESTS = 10_000
MAX_REVIEWS = 10_000
#: The two skills' levels must differ by at least this much to be listed as a difference.
DIFFERENCE_THRESHOLD = 1

_SKILLS = frozenset(SKILL_IDS)


class ReviewShapeError(ValueError):
    """A stored or imported review document breaks the rules; ``problem`` and ``fix`` as text."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(f"{problem}; {fix}")
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class ReviewRequest:
    """One issued request: the id the form carries back, and whom it was meant for."""

    id: str
    issued_at: datetime
    reviewer: str = ""
    language: str = "en"

    @classmethod
    def create(cls, reviewer: str = "", language: str = "en") -> ReviewRequest:
        return cls(id=new_id(), issued_at=now(), reviewer=reviewer, language=language)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issued_at": self.issued_at.isoformat(),
            "reviewer": self.reviewer,
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewRequest:
        return cls(
            id=str(data["id"]),
            issued_at=parse_datetime(str(data["issued_at"])),
            reviewer=str(data.get("reviewer", "")),
            language=str(data.get("language", "en")),
        )


@dataclass(frozen=True)
class Review:
    """One reviewer's answer to one request. A skill absent from both ``ratings`` and
    ``not_observed`` was left unanswered; neither absence counts as a level."""

    id: str
    request_id: str
    reviewer: str
    relationship: str
    reviewed_at: datetime
    ratings: Mapping[str, int] = field(default_factory=dict)
    not_observed: frozenset[str] = frozenset()
    comments: Mapping[str, str] = field(default_factory=dict)
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        ratings: dict[str, int | str] = {}
        for skill in SKILL_IDS:  # catalogue order, so the stored form is stable
            if skill in self.ratings:
                ratings[skill] = self.ratings[skill]
            elif skill in self.not_observed:
                ratings[skill] = NOT_OBSERVED
        return {
            "id": self.id,
            "request_id": self.request_id,
            "reviewer": self.reviewer,
            "relationship": self.relationship,
            "reviewed_at": self.reviewed_at.isoformat(),
            "ratings": ratings,
            "comments": {s: self.comments[s] for s in SKILL_IDS if s in self.comments},
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Review:
        raw = dict(data.get("ratings", {}))
        return cls(
            id=str(data["id"]),
            request_id=str(data["request_id"]),
            reviewer=str(data.get("reviewer", "")),
            relationship=str(data.get("relationship", "other")),
            reviewed_at=parse_datetime(str(data["reviewed_at"])),
            ratings={str(k): int(v) for k, v in raw.items() if v != NOT_OBSERVED},
            not_observed=frozenset(str(k) for k, v in raw.items() if v == NOT_OBSERVED),
            comments={str(k): str(v) for k, v in dict(data.get("comments", {})).items()},
            message=str(data.get("message", "")),
        )

    def level(self, skill: str) -> int | None:
        return self.ratings.get(skill)


# --- checks of stored documents (data file and backup) ------------------------------------------


def _fields(doc: object, where: str) -> dict[str, Any]:
    if type(doc) is not dict:
        raise ReviewShapeError(f"{where} is not an object", "export it again from CarePath")
    return doc


def _text(doc: dict[str, Any], key: str, where: str, limit: int, *, required: bool) -> str:
    if key not in doc:
        if required:
            raise ReviewShapeError(f"{where} has no '{key}'", f"add the '{key}' field")
        return ""
    value = doc[key]
    if type(value) is not str:
        raise ReviewShapeError(f"'{key}' of {where} is not text", f"write '{key}' as text")
    if len(value) > limit:
        raise ReviewShapeError(
            f"'{key}' of {where} is longer than {limit:,} characters",
            f"shorten it to {limit:,} characters or fewer",
        )
    return value


def _identifier(doc: dict[str, Any], key: str, where: str) -> str:
    value = _text(doc, key, where, MAX_ID, required=True)
    if not value:
        raise ReviewShapeError(f"'{key}' of {where} is empty", "give it an id")
    return value


def _moment(doc: dict[str, Any], key: str, where: str) -> datetime:
    value = _text(doc, key, where, MAX_STAMP, required=True)
    try:
        return parse_datetime(value)
    except ValueError:
        raise ReviewShapeError(
            f"'{key}' of {where} is not a date and time", "write it as ISO-8601"
        ) from None


def check_request(doc: object, where: str) -> ReviewRequest:
    fields = _fields(doc, where)
    _identifier(fields, "id", where)
    _moment(fields, "issued_at", where)
    _text(fields, "reviewer", where, MAX_NAME, required=False)
    language = fields.get("language", "en")
    if language not in REVIEW_LANGUAGES:
        raise ReviewShapeError(f"'language' of {where} is unknown", "use en or es")
    return ReviewRequest.from_dict(fields)


def check_review(doc: object, where: str) -> Review:
    fields = _fields(doc, where)
    _identifier(fields, "id", where)
    _identifier(fields, "request_id", where)
    _text(fields, "reviewer", where, MAX_NAME, required=True)
    relationship = fields.get("relationship")
    if relationship not in RELATIONSHIPS:
        raise ReviewShapeError(
            f"'relationship' of {where} is not one CarePath knows",
            "use one of " + ", ".join(RELATIONSHIPS),
        )
    _moment(fields, "reviewed_at", where)
    ratings = fields.get("ratings", {})
    comments = fields.get("comments", {})
    if type(ratings) is not dict or type(comments) is not dict:
        raise ReviewShapeError(f"the ratings or comments of {where} are not objects", "use {...}")
    for skill, level in ratings.items():
        if skill not in _SKILLS:
            raise ReviewShapeError(f"{where} rates unknown skill {skill[:40]!r}", _SKILL_FIX)
        if level != NOT_OBSERVED and (
            type(level) is not int or not LEVEL_MIN <= level <= LEVEL_MAX
        ):
            raise ReviewShapeError(f"{where} rates '{skill}' as {str(level)[:20]!r}", _LEVEL_FIX)
    for skill, text in comments.items():
        if skill not in _SKILLS:
            raise ReviewShapeError(f"{where} comments on unknown skill {skill[:40]!r}", _SKILL_FIX)
        if type(text) is not str or len(text) > MAX_COMMENT:
            raise ReviewShapeError(
                f"the comment on '{skill}' in {where} is not text of at most "
                f"{MAX_COMMENT:,} characters",
                "shorten it",
            )
    _text(fields, "message", where, MAX_COMMENT, required=False)
    return Review.from_dict(fields)


_SKILL_FIX = "use one of the fifteen skill ids (see carepath skills)"
_LEVEL_FIX = f"levels are whole numbers from {LEVEL_MIN} to {LEVEL_MAX}, or {NOT_OBSERVED}"


def _unique(items: Iterable[Any], noun: str) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for number, item in enumerate(items, 1):
        if item.id in seen:
            raise ReviewShapeError(
                f"{noun} {number} repeats the id of an earlier one", "give every entry its own id"
            )
        seen.add(item.id)
        kept.append(item)
    return kept


def check_requests(docs: Iterable[object]) -> tuple[ReviewRequest, ...]:
    checked = (check_request(d, f"review request {n}") for n, d in enumerate(docs, 1))
    return tuple(sorted(_unique(checked, "review request"), key=lambda r: (r.issued_at, r.id)))


def check_reviews(docs: Iterable[object]) -> tuple[Review, ...]:
    checked = (check_review(d, f"review {n}") for n, d in enumerate(docs, 1))
    return tuple(sorted(_unique(checked, "review"), key=review_order))


def review_order(review: Review) -> tuple[datetime, str]:
    return review.reviewed_at, review.id


# --- reading reviews beside self-assessments -----------------------------------------------------


def latest_review(reviews: Sequence[Review]) -> Review | None:
    """The newest review (reviews are kept oldest first)."""
    return reviews[-1] if reviews else None


def latest_review_of(reviews: Sequence[Review], skill: str) -> Review | None:
    """The newest review that rated or commented on ``skill`` (for the Assess page)."""
    for review in reversed(reviews):
        if skill in review.ratings or skill in review.comments or skill in review.not_observed:
            return review
    return None


@dataclass(frozen=True)
class Difference:
    """One skill where the reviewer's level and the user's own differ by a level or more."""

    skill: str
    own: int
    reviewer: int

    @property
    def delta(self) -> int:
        """Positive when the reviewer rates the skill higher than the user does."""
        return self.reviewer - self.own


def differences(
    own: Mapping[str, int], review: Review, threshold: int = DIFFERENCE_THRESHOLD
) -> tuple[list[Difference], list[Difference]]:
    """(rated higher by the reviewer, rated lower by the reviewer), largest gap first.

    Only skills both rated count: a skill not observed or not rated yet has no level to compare.
    """
    higher: list[Difference] = []
    lower: list[Difference] = []
    for skill in SKILL_IDS:
        mine, theirs = own.get(skill), review.ratings.get(skill)
        if mine is None or theirs is None or abs(theirs - mine) < threshold:
            continue
        (higher if theirs > mine else lower).append(Difference(skill, mine, theirs))
    higher.sort(key=lambda d: (-abs(d.delta), SKILL_IDS.index(d.skill)))
    lower.sort(key=lambda d: (-abs(d.delta), SKILL_IDS.index(d.skill)))
    return higher, lower
