"""The plan's section "How my reviewers see me": the latest review beside the latest
self-assessment, skill by skill, with the reviewer's comments (Qt-free content, like
``plan_content``; each writer lays it out and escapes the reviewer's text for its format).
"""

from __future__ import annotations

from dataclasses import dataclass

from carepath.core.catalogue import Catalogue
from carepath.core.models import Record
from carepath.core.review import Difference, differences, latest_review
from carepath.export.plan_text import N_, format_date, t

SECTION_TITLE = N_("How my reviewers see me")
COLUMNS = (N_("Skill"), N_("My level"), N_("Reviewer's level"), N_("Difference"))
NO_REVIEW = N_(
    "No review yet. Ask a mentor, supervisor or colleague with File ▸ Ask for a review… in "
    "CarePath: they answer in their own browser, offline."
)
_RELATIONSHIPS = {
    "mentor": N_("mentor"),
    "supervisor": N_("supervisor"),
    "peer": N_("peer"),
    "other": N_("other"),
}


@dataclass(frozen=True)
class ReviewRow:
    name: str
    own_text: str
    reviewer_text: str
    difference_text: str
    comment: str


@dataclass(frozen=True)
class ReviewsContent:
    """Sentences and rows of the section; ``reviewer``, ``comment`` and ``message`` are the
    reviewer's own text, kept as typed."""

    reviewer: str
    intro: str
    rows: tuple[ReviewRow, ...]
    higher: str
    lower: str
    message: str
    message_title: str
    earlier: str


def _level(catalogue: Catalogue, level: int | None, missing: str) -> str:
    """``3 · Competent`` like the skills table, else why there is no level."""
    return f"{level} · {catalogue.level(level).name}" if level is not None else t(missing)


def build_reviews_content(record: Record, catalogue: Catalogue) -> ReviewsContent | None:
    """The section's content in the catalogue's language (call inside ``plan_language``);
    None when the record holds no review."""
    review = latest_review(record.reviews)
    if review is None:
        return None
    own = dict(record.latest.ratings) if record.latest else {}
    rows = []
    for skill in catalogue.skills:
        mine = own.get(skill.id)
        theirs = review.ratings.get(skill.id)
        delta = "—" if mine is None or theirs is None else f"{theirs - mine:+d}".replace("+0", "0")
        rows.append(
            ReviewRow(
                name=skill.name,
                own_text=_level(catalogue, mine, N_("Not rated yet")),
                reviewer_text=_level(
                    catalogue,
                    theirs,
                    N_("Not observed") if skill.id in review.not_observed else N_("Not answered"),
                ),
                difference_text=delta.replace("-", "−"),
                comment=review.comments.get(skill.id, ""),
            )
        )
    higher, lower = differences(own, review)

    def names(found: list[Difference]) -> str:
        return ", ".join(catalogue.skill(d.skill).name for d in found)

    relationship = t(_RELATIONSHIPS.get(review.relationship, N_("other")))
    when = format_date(review.reviewed_at.date())
    return ReviewsContent(
        reviewer=review.reviewer,
        intro=t("{reviewer} ({relationship}) rated my skills on {date}.").format(
            reviewer=review.reviewer, relationship=relationship, date=when
        ),
        rows=tuple(rows),
        higher=(
            t("Rated higher by my reviewer than by me: {skills}.").format(skills=names(higher))
            if higher
            else ""
        ),
        lower=(
            t("Rated lower by my reviewer than by me: {skills}.").format(skills=names(lower))
            if lower
            else ""
        )
        if higher or lower
        else t("My reviewer and I differ by less than a level on every skill we both rated."),
        message=review.message.strip(),
        message_title=t("Message from {reviewer}").format(reviewer=review.reviewer),
        earlier=(
            t("Earlier reviews kept in CarePath: {count}.").format(count=len(record.reviews) - 1)
            if len(record.reviews) > 1
            else ""
        ),
    )


def comment_title(reviewer: str) -> str:
    return t("Comments from {reviewer}").format(reviewer=reviewer)


def no_review_text() -> str:
    return t(NO_REVIEW)
