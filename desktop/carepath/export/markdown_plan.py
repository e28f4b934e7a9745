"""The plan as GitHub-flavoured Markdown: headings, pipe tables, and charts as PNG files beside it.

Every piece of text that does not come from this module is escaped with :func:`md_escape`:
Markdown punctuation is backslash-escaped (so ``**bold**`` and ``[link](javascript:x)`` stay
text), ``&``, ``<`` and ``>`` become entities (so ``<script>`` shows as typed and no raw HTML
reaches a renderer), and inside table cells a pipe is ``\\|`` and a line break ``<br>``, so a note
can never add a column or end a row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import quote

from carepath.export import review_section
from carepath.export.html_plan import (
    GAPS_TITLE,
    GOAL_COLUMNS,
    LEVELS_TITLE,
    NO_GAPS,
    NO_GOALS,
    NO_STRENGTHS,
    SKILL_COLUMNS,
    STEP_COLUMNS,
    STRENGTHS_TITLE,
    TIMELINE_TITLE,
    columns,
    skills_intro,
)
from carepath.export.plan_content import (
    NO_ASSESSMENT,
    LevelInfo,
    PlanContent,
    SkillLine,
    section_title,
)
from carepath.export.plan_text import N_, plan_language, t

#: ASCII punctuation that means something in CommonMark/GFM inline text (``&<>``: entities).
MD_SPECIAL = "\\`*_[]()#+-!|{}~$"


def md_escape(text: str) -> str:
    """User text as inline Markdown that renders exactly as typed (line breaks become spaces)."""
    out = []
    for char in " ".join(_lines(text)):
        if char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char in MD_SPECIAL:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def md_cell(text: str) -> str:
    """User text for a table cell: one physical line, breaks as ``<br>``, never an empty cell."""
    text = text.strip()
    if not text:
        return "—"
    return "<br>".join(md_escape(line.strip()) for line in _lines(text))


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    head = "| " + " | ".join(columns) + " |"
    rule = "|" + "|".join(" ---: " if i in right else " --- " for i in range(len(columns))) + "|"
    body = ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join([head, rule, *body])


def _reviews(content: PlanContent) -> str:
    """How my reviewers see me: the comparison, differences and the reviewer's comments."""
    reviews = content.reviews
    if reviews is None:
        return md_escape(review_section.no_review_text())
    rows = [
        (md_cell(r.name), md_cell(r.own_text), md_cell(r.reviewer_text), r.difference_text)
        for r in reviews.rows
    ]
    parts = [md_escape(reviews.intro)]
    parts += [md_escape(line) for line in (reviews.higher, reviews.lower) if line]
    parts.append(_table(columns(review_section.COLUMNS), rows, right=(3,)))
    comments = [(r.name, r.comment) for r in reviews.rows if r.comment.strip()]
    if comments:
        parts.append(f"### {md_escape(review_section.comment_title(reviews.reviewer))}")
        parts.append(
            "\n".join(f"- **{md_escape(name)}**: {md_cell(text)}" for name, text in comments)
        )
    if reviews.message:
        parts.append(f"### {md_escape(reviews.message_title)}")
        parts.append(md_cell(reviews.message))
    if reviews.earlier:
        parts.append(f"_{md_escape(reviews.earlier)}_")
    return "\n\n".join(parts)


def _image(alt: str, filename: str | None, caption: str) -> str:
    if filename is None:
        return f"_{md_escape(caption)}_"
    return f"![{md_escape(alt)}]({quote(filename)})\n\n_{md_escape(caption)}_"


def _listing(lines: Sequence[SkillLine], empty: str) -> str:
    if not lines:
        return md_escape(t(empty))
    return "\n".join(
        f"{i}. **{md_escape(line.name)}**: {md_escape(line.text)}"
        for i, line in enumerate(lines, start=1)
    )


def _levels(levels: Sequence[LevelInfo]) -> str:
    return f"### {md_escape(t(LEVELS_TITLE))}\n\n" + "\n".join(
        f"- **{level.value} {md_escape(level.name)}** — {md_escape(level.meaning)}"
        for level in levels
    )


def _summary(content: PlanContent) -> str:
    if not content.has_assessment:
        return f"> {md_escape(t(NO_ASSESSMENT))}\n\n" + _levels(content.levels)
    figures = _table(
        [t("Figure"), t("Value"), t("Details")],
        [
            [md_cell(item.label), f"**{md_cell(item.value)}**", md_cell(item.detail)]
            for item in content.summary_items
        ],
    )
    return (
        figures
        + f"\n\n### {md_escape(t(GAPS_TITLE))}\n\n"
        + _listing(content.largest_gaps, NO_GAPS)
        + f"\n\n### {md_escape(t(STRENGTHS_TITLE))}\n\n"
        + _listing(content.strengths, NO_STRENGTHS)
        + "\n\n"
        + _levels(content.levels)
    )


def _skills(content: PlanContent) -> str:
    rows = []
    for row in content.skills:
        gap = md_cell(row.gap_text)
        rows.append(
            [
                f"**{md_cell(row.name)}**",
                md_cell(row.level_text)
                if row.level is not None
                else f"_{md_cell(row.level_text)}_",
                md_cell(row.previous_text),
                md_cell(row.target_text),
                f"**{gap}**" if row.gap is not None and row.gap > 0 else gap,
                md_cell(row.note),
            ]
        )
    intro = md_escape(skills_intro(content.target_stage.name))
    return intro + "\n\n" + _table(columns(SKILL_COLUMNS), rows)


def _goals(content: PlanContent) -> str:
    if not content.goals:
        return md_escape(t(NO_GOALS))
    rows = []
    for goal in content.goals:
        actions = md_cell(goal.actions)
        if goal.resources.strip():
            actions = (actions + "<br>" if goal.actions.strip() else "") + (
                f"_{md_escape(t('Resources:'))}_ " + md_cell(goal.resources)
            )
        due = md_cell(goal.due_text)
        rows.append(
            [
                md_cell(goal.skill),
                f"**{md_cell(goal.title)}**",
                actions,
                f"**{due}**" if goal.overdue else due,
                md_cell(goal.status_text),
            ]
        )
    return _table(columns(GOAL_COLUMNS), rows)


def _steps(content: PlanContent, filename: str | None) -> str:
    rows = []
    for row in content.steps:
        step = f"**{row.number}\\. {md_cell(row.title)}**"
        extra = [md_cell(row.note)] if row.note.strip() else []
        if row.checklist_text:
            extra.append(md_cell(t("Checklist: {items}").format(items=row.checklist_text)))
        if extra:
            step += "<br>" + "<br>".join(extra)
        target = md_cell(row.target_text)
        rows.append(
            [
                step,
                md_cell(row.status_text),
                md_cell(row.start_text),
                f"**{target}**" if row.overdue else target,
                md_cell(row.done_text),
            ]
        )
    return (
        md_escape(content.steps_text)
        + "\n\n"
        + _table(columns(STEP_COLUMNS), rows)
        + f"\n\n### {md_escape(t(TIMELINE_TITLE))}\n\n"
        + _image(t("Timeline of the ten steps"), filename, content.timeline_caption)
    )


def build_markdown(content: PlanContent, image_files: Mapping[str, str]) -> str:
    """The plan as Markdown; ``image_files`` maps chart keys to file names beside the .md."""
    with plan_language(content.language):
        return _build_markdown(content, image_files)


def _build_markdown(content: PlanContent, image_files: Mapping[str, str]) -> str:
    current, target = content.current_stage, content.target_stage
    document_title = md_escape(content.title)
    title = f"{document_title}: {md_escape(content.name)}" if content.name else document_title
    stage_rows = [
        [
            md_escape(t("Current stage")),
            f"**{md_cell(current.name)}**",
            md_cell(current.salary_band),
            md_cell(current.experience),
            md_cell(current.summary),
        ]
    ]
    if target.id != current.id:
        stage_rows.append(
            [
                md_escape(t("Target stage")),
                f"**{md_cell(target.name)}**",
                md_cell(target.salary_band),
                md_cell(target.experience),
                md_cell(target.summary),
            ]
        )
    parts = [
        f"# {title}",
        md_escape(t("Prepared on {date} with CarePath").format(date=content.date_text))
        + f" · {md_escape(content.stages_text)}",
        _table(
            [
                "",
                *columns(
                    [N_("Stage"), N_("Salary band"), N_("Typical experience"), N_("The work")]
                ),
            ],
            stage_rows,
        ),
    ]
    for section in content.sections:
        parts.append(f"## {md_escape(section_title(section))}")
        if section == "summary":
            parts.append(_summary(content))
        elif section == "radar":
            parts.append(
                _image(
                    t("Radar chart of the fifteen skills"),
                    image_files.get("radar"),
                    content.radar_caption,
                )
            )
        elif section == "skills":
            parts.append(_skills(content))
        elif section == "reviews":
            parts.append(_reviews(content))
        elif section == "goals":
            parts.append(_goals(content))
        elif section == "steps":
            parts.append(_steps(content, image_files.get("timeline")))
        else:
            parts.append(
                _image(
                    t("Progress over time"), image_files.get("progress"), content.progress_caption
                )
            )
    parts.append("---")
    parts.append(
        f"_{md_escape(content.person)} · {document_title} · "
        + md_escape(t("prepared on {date} with CarePath").format(date=content.date_text))
        + "._"
    )
    return "\n\n".join(parts) + "\n"
