"""Everything the personal development plan says, computed once from the record (Qt-free).

The PDF, HTML and Markdown writers only lay this out; none of them computes a number or words a
sentence of its own, so the three formats always agree. Text from the user (name, notes, goals)
is kept exactly as typed here: each writer escapes it for its own format.

Every sentence is in the catalogue's language (``plan_text``): the catalogue and the plan always
agree, so a Spanish catalogue gives a Spanish plan.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from carepath.core import scoring
from carepath.core.career_path import record_path
from carepath.core.catalogue import SKILL_IDS, Catalogue, Stage
from carepath.core.errors import UsageError
from carepath.core.models import GoalStatus, Record, StepStatus
from carepath.core.steps import TimelineRow, projected_finish, timeline_rows
from carepath.export import review_section
from carepath.export.plan_text import N_, format_date, plan_language, t

#: Sections a user may leave out; the title block (who, when, stages) is always there.
SECTIONS: tuple[str, ...] = (
    "summary",
    "radar",
    "skills",
    "reviews",
    "goals",
    "steps",
    "progress",
)
#: Section titles in English; show them with ``section_title`` (or ``t``).
SECTION_TITLES: Mapping[str, str] = {
    "summary": N_("Summary"),
    "radar": N_("Skills profile"),
    "skills": N_("All fifteen skills"),
    "reviews": review_section.SECTION_TITLE,
    "goals": N_("Goals"),
    "steps": N_("Steps on your path"),
    "progress": N_("Progress over time"),
}
DOCUMENT_TITLE = N_("Personal development plan")
NOT_RATED = N_("Not rated yet")
NO_ASSESSMENT = N_(
    "No assessment yet — rate the fifteen skills in CarePath to see where you stand against "
    "the target profile; this plan fills in from your first assessment."
)
#: How many skills the progress chart follows besides the average.
PROGRESS_SKILLS = 3
#: The progress table lists at most this many assessments (the most recent): a year of monthly
#: ones, without a decade of history filling pages.
PROGRESS_TABLE_ROWS = 24

_STEP_STATUS = {
    StepStatus.NOT_STARTED: N_("Not started"),
    StepStatus.IN_PROGRESS: N_("In progress"),
    StepStatus.DONE: N_("Done"),
}
_GOAL_STATUS = {
    GoalStatus.PLANNED: N_("Planned"),
    GoalStatus.IN_PROGRESS: N_("In progress"),
    GoalStatus.DONE: N_("Done"),
    GoalStatus.DROPPED: N_("Dropped"),
}
_GOAL_ORDER = {
    GoalStatus.IN_PROGRESS: 0,
    GoalStatus.PLANNED: 1,
    GoalStatus.DONE: 2,
    GoalStatus.DROPPED: 3,
}


def section_title(section: str, language: str | None = None) -> str:
    """The title of a plan section in the plan's language."""
    return t(SECTION_TITLES[section], language)


def format_level(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def normalise_sections(sections: Collection[str] | None) -> tuple[str, ...]:
    """The chosen sections in document order; None means all. Unknown names are a usage error."""
    if sections is None:
        return SECTIONS
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise UsageError(
            f"Unknown plan section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}."
        )
    return tuple(s for s in SECTIONS if s in sections)


@dataclass(frozen=True)
class StageInfo:
    id: str
    name: str
    salary_band: str
    experience: str
    summary: str


@dataclass(frozen=True)
class LevelInfo:
    value: int
    name: str
    meaning: str


@dataclass(frozen=True)
class SummaryItem:
    """One key figure of the summary: a label, the figure, and a line that explains it."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class SkillLine:
    """A skill named in the summary (a gap or a strength), already worded."""

    skill_id: str
    name: str
    text: str


@dataclass(frozen=True)
class SkillRow:
    skill_id: str
    name: str
    level: int | None
    level_text: str
    previous: int | None
    previous_text: str
    target: int
    target_text: str
    gap: int | None
    gap_text: str
    note: str


@dataclass(frozen=True)
class GoalRow:
    skill: str
    title: str
    actions: str
    resources: str
    due_date: date | None
    due_text: str
    status_text: str
    overdue: bool


@dataclass(frozen=True)
class StepRow:
    number: int
    title: str
    status: str
    status_text: str
    start_text: str
    target_text: str
    done_text: str
    overdue: bool
    note: str
    checklist_text: str


@dataclass(frozen=True)
class RadarValues:
    """Plain values for ``carepath.charts.radar.RadarData`` (converted by charts_images)."""

    labels: tuple[str, ...]
    target: tuple[float | None, ...]
    current: tuple[float | None, ...]
    previous: tuple[float | None, ...] | None
    level_names: tuple[str, ...]
    target_label: str


@dataclass(frozen=True)
class ProgressValues:
    series: Mapping[str, Sequence[tuple[datetime, float]]]
    average: Sequence[tuple[datetime, float]]
    level_names: tuple[str, ...]


@dataclass(frozen=True)
class ProgressRow:
    """One assessment in the progress table: its date, average and the followed skills' levels."""

    date_text: str
    average_text: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class ProgressTable:
    """The progress chart's numbers as text, newest first (at most PROGRESS_TABLE_ROWS)."""

    columns: tuple[str, ...]
    rows: tuple[ProgressRow, ...]
    total: int

    @property
    def note(self) -> str:
        if len(self.rows) >= self.total:
            return ""
        return t("The {shown} most recent of {total} assessments.").format(
            shown=len(self.rows), total=self.total
        )


@dataclass(frozen=True)
class PlanContent:
    name: str
    generated_on: date
    sections: tuple[str, ...]
    current_stage: StageInfo
    target_stage: StageInfo
    has_assessment: bool
    assessment_count: int
    latest_date: date | None
    previous_date: date | None
    average_now: float | None
    average_previous: float | None
    readiness: float | None
    rated_count: int
    summary_items: tuple[SummaryItem, ...]
    largest_gaps: tuple[SkillLine, ...]
    strengths: tuple[SkillLine, ...]
    next_reassessment: date | None
    skills: tuple[SkillRow, ...]
    goals: tuple[GoalRow, ...]
    steps: tuple[StepRow, ...]
    steps_done: int
    projected_finish: date | None
    timeline: tuple[TimelineRow, ...]
    radar: RadarValues
    progress: ProgressValues | None
    levels: tuple[LevelInfo, ...]
    #: The progress chart's numbers as a table (None when there is no chart).
    progress_table: ProgressTable | None = None
    #: The language every sentence here is written in (the catalogue's).
    language: str = "en"
    #: Said once beside the salary bands: they (and the credentials) are US facts.
    us_note: str = ""
    #: The latest review beside the latest self-assessment (None: no review yet).
    reviews: review_section.ReviewsContent | None = None

    @property
    def title(self) -> str:
        return t(DOCUMENT_TITLE, self.language)

    @property
    def person(self) -> str:
        """The name for the footer and the file's metadata; never empty."""
        return self.name or self.title

    @property
    def date_text(self) -> str:
        return format_date(self.generated_on, language=self.language)

    def includes(self, section: str) -> bool:
        return section in self.sections

    @property
    def has_timeline(self) -> bool:
        return any(row.start or row.end or row.done for row in self.timeline)

    @property
    def stages_text(self) -> str:
        if self.current_stage.id == self.target_stage.id:
            return t("{stage}, growing within the role", self.language).format(
                stage=self.current_stage.name
            )
        return f"{self.current_stage.name} → {self.target_stage.name}"

    @property
    def steps_text(self) -> str:
        text = t("{done} of {total} steps done.", self.language).format(
            done=self.steps_done, total=len(self.steps)
        )
        if self.projected_finish is not None:
            finish = format_date(self.projected_finish, language=self.language)
            text += " " + t("Projected finish: {date}.", self.language).format(date=finish)
            if any(row.target_text == "—" and row.status != "done" for row in self.steps):
                text += " " + t(
                    "Steps without a target date are counted at their typical duration.",
                    self.language,
                )
        return text

    @property
    def radar_caption(self) -> str:
        language = self.language
        stage = self.target_stage.name
        if not self.has_assessment:
            return t("The {stage} target profile; nothing is rated yet.", language).format(
                stage=stage
            )
        latest = format_date(self.latest_date, language=language)
        if self.previous_date is None:
            text = t(
                "Assessment of {date} (solid line) against the {stage} target (dashed).", language
            ).format(date=latest, stage=stage)
        else:
            text = t(
                "Assessment of {date} (solid line) against the {stage} target (dashed), with "
                "the assessment of {previous} dotted.",
                language,
            ).format(
                date=latest,
                stage=stage,
                previous=format_date(self.previous_date, language=language),
            )
        return text + " " + t("Skills not rated yet sit inside the first ring.", language)

    @property
    def progress_caption(self) -> str:
        language = self.language
        if self.progress is None:
            return t("The progress chart appears after the second assessment.", language)
        followed = ", ".join(self.progress.series)
        if not followed:
            return t("Average level over {count} assessments.", language).format(
                count=self.assessment_count
            )
        return t(
            "Average level over {count} assessments, with the skills furthest from target: "
            "{skills}.",
            language,
        ).format(count=self.assessment_count, skills=followed)

    @property
    def timeline_caption(self) -> str:
        if not self.has_timeline:
            return t("The timeline appears once steps have start or target dates.", self.language)
        return t("Each step from its start to its target date, against today.", self.language)


def _stage(catalogue: Catalogue, stage_id: str, fallback: int) -> Stage:
    try:
        return catalogue.stage(stage_id)
    except KeyError:
        return catalogue.stages[fallback]


def _stage_info(stage: Stage) -> StageInfo:
    return StageInfo(stage.id, stage.name, stage.salary_band, stage.experience, stage.summary)


def _level_text(catalogue: Catalogue, level: int | None) -> str:
    if level is None:
        return t(NOT_RATED)
    try:
        return f"{level} · {catalogue.level(level).name}"
    except IndexError:
        return str(level)


def _gap_text(gap: int | None) -> str:
    if gap is None:
        return "—"
    if gap > 0:
        return t("{count} to go").format(count=gap)
    return t("Met") if gap == 0 else t("Met (+{count})").format(count=-gap)


def _skill_name(catalogue: Catalogue, skill_id: str) -> str:
    try:
        return catalogue.skill(skill_id).name
    except KeyError:
        return skill_id


def _out_of_five(value: float | None) -> str:
    """ "2.9 of 5", or a dash when nothing was rated (an average of nothing is not zero)."""
    return "—" if value is None else t("{value} of 5").format(value=format_level(value))


def _levels_word(count: int) -> str:
    return t("1 level") if count == 1 else t("{count} levels").format(count=count)


def _summary(
    record: Record, catalogue: Catalogue, target: Stage, today: date
) -> tuple[tuple[SummaryItem, ...], tuple[SkillLine, ...], tuple[SkillLine, ...]]:
    latest, previous = record.latest, record.previous
    if latest is None:
        return (), (), ()
    now_avg = latest.average
    rated = sum(1 for s in SKILL_IDS if s in latest.ratings)
    items = [
        SummaryItem(
            t("Average level now"),
            _out_of_five(now_avg),
            t("Assessment of {date}, {rated} of 15 skills rated").format(
                date=format_date(latest.taken_at), rated=rated
            ),
        )
    ]
    if previous is not None:
        before = previous.average
        change = ""
        if before is not None and now_avg is not None:
            # Compare the figures as printed, so "2.9 then, 2.9 now" never reads "+0.1".
            delta = round(now_avg, 1) - round(before, 1)
            change = (
                t("{change} since then").format(change=f"{delta:+.1f}")
                if round(delta, 1)
                else t("no change since then")
            )
        when = t("Assessment of {date}").format(date=format_date(previous.taken_at))
        items.append(
            SummaryItem(
                t("Previous average"),
                _out_of_five(before),
                when + (f"; {change}" if change else ""),
            )
        )
    else:
        items.append(SummaryItem(t("Previous average"), "—", t("This is the first assessment")))
    ready = scoring.readiness(latest.ratings, target)
    items.append(
        SummaryItem(
            t("Readiness"),
            "—" if ready is None else f"{round(ready * 100)}%",
            t("Share of the {stage} profile met, over the rated skills").format(stage=target.name),
        )
    )
    due = record.next_reassessment()
    if due is not None:
        detail = (
            t("Overdue since {date}: time for a fresh look").format(date=format_date(due))
            if due < today
            else t("Every {count} days").format(count=record.profile.reassess_interval_days)
        )
        items.append(SummaryItem(t("Next reassessment"), format_date(due, short=True), detail))

    def level_name(level: int) -> str:
        return _level_text(catalogue, level)

    gaps = tuple(
        SkillLine(
            g.skill,
            _skill_name(catalogue, g.skill),
            t("now {level}, target {target} ({gap} to go)").format(
                level=level_name(g.level), target=level_name(g.target), gap=_levels_word(g.gap)
            ),
        )
        for g in scoring.largest_gaps(latest.ratings, target)
    )
    strengths = tuple(
        SkillLine(
            g.skill,
            _skill_name(catalogue, g.skill),
            (
                t("{level}, {count} above target").format(
                    level=level_name(g.level), count=_levels_word(-g.gap)
                )
                if g.gap < 0
                else t("{level}, at target").format(level=level_name(g.level))
            ),
        )
        for g in scoring.strengths(latest.ratings, target)
    )
    return tuple(items), gaps, strengths


def _skill_rows(record: Record, catalogue: Catalogue, target: Stage) -> tuple[SkillRow, ...]:
    latest = record.latest.ratings if record.latest else {}
    notes = record.latest.notes if record.latest else {}
    previous = record.previous.ratings if record.previous else {}
    rows = []
    for skill in catalogue.skills:
        level = latest.get(skill.id)
        before = previous.get(skill.id)
        goal = target.targets[skill.id]
        gap = goal - level if level is not None else None
        rows.append(
            SkillRow(
                skill_id=skill.id,
                name=skill.name,
                level=level,
                level_text=_level_text(catalogue, level),
                previous=before,
                previous_text=_level_text(catalogue, before) if record.previous else "—",
                target=goal,
                target_text=_level_text(catalogue, goal),
                gap=gap,
                gap_text=_gap_text(gap),
                note=notes.get(skill.id, ""),
            )
        )
    return tuple(rows)


def _goal_rows(record: Record, catalogue: Catalogue, today: date) -> tuple[GoalRow, ...]:
    ordered = sorted(
        record.goals,
        key=lambda g: (_GOAL_ORDER.get(g.status, 9), g.due_date or date.max, g.title),
    )
    rows = []
    for goal in ordered:
        overdue = goal.is_overdue(today)
        due = format_date(goal.due_date, empty=t("No date"), short=True)
        rows.append(
            GoalRow(
                skill=_skill_name(catalogue, goal.skill),
                title=goal.title,
                actions=goal.actions,
                resources=goal.resources,
                due_date=goal.due_date,
                due_text=t("{date} — overdue").format(date=due) if overdue else due,
                status_text=t(_GOAL_STATUS[goal.status])
                if goal.status in _GOAL_STATUS
                else str(goal.status),
                overdue=overdue,
            )
        )
    return tuple(rows)


def _step_rows(record: Record, catalogue: Catalogue, today: date) -> tuple[StepRow, ...]:
    """The steps table, from the same dates as the timeline (``timeline_rows``): the user's own.

    Dates CarePath would propose are not printed as if they were the user's plan (the timeline
    would then say "no dates yet" for a step the table gives a date); they only feed the
    projected finish, which says so.
    """
    rows = []
    for step in record_path(record, catalogue):  # the user's own path, current to target stage
        progress = record.step(step.id)
        overdue = progress.is_overdue(today)
        if progress.target_date is not None:
            target_text = format_date(progress.target_date, short=True)
            if overdue:
                target_text = t("{date} — overdue").format(date=target_text)
        else:
            target_text = "—"
        ticked = sum(1 for item in step.checklist if progress.checklist.get(item.id, False))
        rows.append(
            StepRow(
                number=step.number,
                title=step.title,
                status=progress.status.value,
                status_text=t(_STEP_STATUS[progress.status]),
                start_text=format_date(progress.start_date, short=True),
                target_text=target_text,
                done_text=format_date(progress.done_date, short=True)
                if progress.status is StepStatus.DONE
                else "—",
                overdue=overdue,
                note=progress.note,
                checklist_text=t("{ticked} of {total} ticked").format(
                    ticked=ticked, total=len(step.checklist)
                )
                if ticked
                else "",
            )
        )
    return tuple(rows)


def _radar(record: Record, catalogue: Catalogue, target: Stage) -> RadarValues:
    latest = record.latest.ratings if record.latest else {}
    previous = record.previous.ratings if record.previous else None

    def values(ratings: Mapping[str, int]) -> tuple[float | None, ...]:
        return tuple(float(ratings[s]) if s in ratings else None for s in SKILL_IDS)

    return RadarValues(
        labels=tuple(s.name for s in catalogue.skills),
        target=tuple(float(target.targets[s]) for s in SKILL_IDS),
        current=values(latest),
        previous=values(previous) if previous is not None else None,
        level_names=tuple(level.name for level in catalogue.levels),
        target_label=t("Target: {stage}").format(stage=target.name),
    )


def _progress(record: Record, catalogue: Catalogue, target: Stage) -> ProgressValues | None:
    if len(record.assessments) < 2 or record.latest is None:
        return None
    followed = [
        g.skill for g in scoring.largest_gaps(record.latest.ratings, target, PROGRESS_SKILLS)
    ]
    series = {
        _skill_name(catalogue, skill): scoring.skill_series(record.assessments, skill)
        for skill in followed
    }
    return ProgressValues(
        series=series,
        average=scoring.average_series(record.assessments),
        level_names=tuple(level.name for level in catalogue.levels),
    )


def _progress_table(record: Record, progress: ProgressValues | None) -> ProgressTable | None:
    """The chart's numbers, newest first; the time is shown where two share a day."""
    if progress is None:
        return None
    followed = list(progress.series)
    levels_by_skill = {name: dict(points) for name, points in progress.series.items()}
    per_day = Counter(a.taken_at.date() for a in record.assessments)
    rows = []
    for assessment in list(record.assessments)[-PROGRESS_TABLE_ROWS:][::-1]:
        when = assessment.taken_at
        date_text = format_date(when, short=True)
        if per_day[when.date()] > 1:
            date_text += f", {when:%H:%M}"
        rows.append(
            ProgressRow(
                date_text=date_text,
                average_text=format_level(assessment.average),
                levels=tuple(format_level(levels_by_skill[name].get(when)) for name in followed),
            )
        )
    return ProgressTable(
        columns=(t("Assessment"), t("Average"), *followed),
        rows=tuple(rows),
        total=len(record.assessments),
    )


def build_plan_content(
    record: Record,
    catalogue: Catalogue,
    today: date | None = None,
    sections: Collection[str] | None = None,
) -> PlanContent:
    """Everything the plan shows, for ``today`` (the date printed on it), worded in the
    catalogue's language."""
    with plan_language(catalogue.language):
        return _build(record, catalogue, today or date.today(), sections)


def _build(
    record: Record, catalogue: Catalogue, today: date, sections: Collection[str] | None
) -> PlanContent:
    chosen = normalise_sections(sections)
    current = _stage(catalogue, record.profile.current_stage, 0)
    target = _stage(catalogue, record.profile.target_stage, 1)
    latest, previous = record.latest, record.previous
    summary_items, gaps, strengths = _summary(record, catalogue, target, today)
    steps = _step_rows(record, catalogue, today)
    progress = _progress(record, catalogue, target)
    return PlanContent(
        name=record.profile.name.strip(),
        generated_on=today,
        sections=chosen,
        current_stage=_stage_info(current),
        target_stage=_stage_info(target),
        has_assessment=latest is not None,
        assessment_count=len(record.assessments),
        latest_date=latest.taken_at.date() if latest else None,
        previous_date=previous.taken_at.date() if previous else None,
        average_now=latest.average if latest else None,
        average_previous=previous.average if previous else None,
        readiness=scoring.readiness(latest.ratings, target) if latest else None,
        rated_count=sum(1 for s in SKILL_IDS if latest and s in latest.ratings),
        summary_items=summary_items,
        largest_gaps=gaps,
        strengths=strengths,
        next_reassessment=record.next_reassessment(),
        skills=_skill_rows(record, catalogue, target),
        goals=_goal_rows(record, catalogue, today),
        steps=steps,
        steps_done=sum(1 for row in steps if row.status == StepStatus.DONE.value),
        projected_finish=projected_finish(record, catalogue, today),
        timeline=tuple(timeline_rows(record, catalogue, today)),
        radar=_radar(record, catalogue, target),
        progress=progress,
        levels=tuple(LevelInfo(lv.value, lv.name, lv.meaning) for lv in catalogue.levels),
        language=catalogue.language,
        us_note=catalogue.us_note,
        progress_table=_progress_table(record, progress),
        reviews=review_section.build_reviews_content(record, catalogue),
    )
