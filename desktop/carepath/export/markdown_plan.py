"""The plan as GitHub-flavoured Markdown: headings, pipe tables, lists, SVG chart files beside it.

It renders the same where HTML is turned off (markdown-it's and many sites' safe mode, pandoc's
``-raw_html``): no raw HTML at all. Table cells hold one line each; anything long or multi-line
(evidence notes, goal actions, step notes) goes in a list under its table, with hard line breaks
written CommonMark's way (a backslash at the end of the line). Charts are images with a short
alternative text; the caption follows as text, and their figures are in the tables (the skills
table for the radar, the steps table for the timeline, a progress table for the progress chart).

Every piece of text that does not come from this module is escaped with :func:`md_escape`:
Markdown punctuation is backslash-escaped (so ``**bold**`` and ``[link](javascript:x)`` stay
text), ``&``, ``<`` and ``>`` become entities (so ``<script>`` shows as typed and no raw HTML
reaches a renderer), a line that would start a list, heading or rule is defused, and inside table
cells a pipe is ``\\|`` and line breaks are joined, so a note can never add a column or end a row.
"""

from __future__ import annotations

import re
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
    PROGRESS_TABLE_TITLE,
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

EVIDENCE_TITLE = N_("Evidence notes")
GOAL_ACTIONS = GOAL_COLUMNS[2]
STEP_NOTES_TITLE = N_("Notes on the steps")
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
    """User text for a table cell: one physical line (lines joined by " / "), never empty."""
    lines = [line.strip() for line in _lines(text) if line.strip()]
    if not lines:
        return "—"
    return " / ".join(md_escape(line) for line in lines)


_LINE_START = re.compile(r"^(\d{1,9})([.)])")


def md_lines(text: str, indent: str = "  ") -> str:
    """User text kept line by line inside a list item: CommonMark hard breaks (a backslash at
    the end of each line), continuation lines indented under the item, blank lines dropped.
    A line that would start a list ("1. ") or underline a heading ("===") is defused."""
    lines = [line.strip() for line in _lines(text) if line.strip()]
    escaped = []
    for line in lines:
        line = md_escape(line)
        line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if line.startswith("="):
            line = "\\" + line
        escaped.append(line)
    return ("\\\n" + indent).join(escaped)


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
    """A chart file beside the plan with a short alternative text, then its caption (never the
    same words twice: the alternative text names the chart, the caption says how to read it)."""
    if filename is None:
        return f"_{md_escape(caption)}_"
    return f"![{md_escape(alt)}]({quote(filename)})\n\n_{md_escape(caption)}_"


def _details(title: str, items: Sequence[tuple[str, str]]) -> str:
    """A heading and a list of "**name**: text" items (text kept line by line), or ""."""
    if not items:
        return ""
    lines = [f"- **{md_escape(name)}**: {md_lines(text)}" for name, text in items]
    return f"\n\n### {md_escape(title)}\n\n" + "\n".join(lines)


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
            ]
        )
    intro = md_escape(skills_intro(content.target_stage.name))
    notes = [(row.name, row.note) for row in content.skills if row.note.strip()]
    return (
        intro + "\n\n" + _table(columns(SKILL_COLUMNS), rows) + _details(t(EVIDENCE_TITLE), notes)
    )


def _goals(content: PlanContent) -> str:
    if not content.goals:
        return md_escape(t(NO_GOALS))
    rows = []
    plans = []
    for goal in content.goals:
        due = md_cell(goal.due_text)
        rows.append(
            [
                md_cell(goal.skill),
                f"**{md_cell(goal.title)}**",
                f"**{due}**" if goal.overdue else due,
                md_cell(goal.status_text),
            ]
        )
        text = goal.actions.strip()
        if goal.resources.strip():
            text += ("\n" if text else "") + t("Resources:") + " " + goal.resources.strip()
        if text:
            plans.append((" / ".join(_lines(goal.title.strip())), text))
    names = [name for name in GOAL_COLUMNS if name != GOAL_ACTIONS]
    return _table(columns(names), rows) + _details(t(GOAL_ACTIONS), plans)


def _steps(content: PlanContent, filename: str | None) -> str:
    rows = []
    notes = []
    for row in content.steps:
        step = f"**{row.number}\\. {md_cell(row.title)}**"
        extra = [row.note.strip()] if row.note.strip() else []
        if row.checklist_text:
            extra.append(t("Checklist: {items}").format(items=row.checklist_text))
        if extra:
            notes.append((f"{row.number}. {row.title}", "\n".join(extra)))
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
        + _details(t(STEP_NOTES_TITLE), notes)
        + f"\n\n### {md_escape(t(TIMELINE_TITLE))}\n\n"
        + _image(t("Timeline of the steps on your path"), filename, content.timeline_caption)
    )


def _progress(content: PlanContent, filename: str | None) -> str:
    text = _image(t("Line chart of levels over time"), filename, content.progress_caption)
    table = content.progress_table
    if table is None or not table.rows:
        return text
    rows = [
        [md_cell(r.date_text), md_cell(r.average_text), *map(md_cell, r.levels)] for r in table.rows
    ]
    text += f"\n\n### {md_escape(t(PROGRESS_TABLE_TITLE))}\n\n"
    if table.note:
        text += md_escape(table.note) + "\n\n"
    names = [md_cell(name) for name in table.columns]
    return text + _table(names, rows, right=range(1, len(names)))


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
    if content.us_note:
        parts.append(md_escape(content.us_note))
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
            parts.append(_progress(content, image_files.get("progress")))
    parts.append("---")
    parts.append(
        f"_{md_escape(content.person)} · {document_title} · "
        + md_escape(t("prepared on {date} with CarePath").format(date=content.date_text))
        + "._"
    )
    return "\n\n".join(parts) + "\n"
