"""The plan as HTML, in two flavours built from the same content and the same section order.

* :func:`build_html` — one self-contained web page: charts as inline SVG (real text, a ``<title>``
  and ``<desc>`` each), the progress chart's figures also as a table, no script, no external file
  or request (a Content-Security-Policy says so to the browser too), a layout that
  reads on a phone (tables turn into cards), and print CSS.
* :func:`build_qt_html` — the same document in the HTML subset ``QTextDocument`` understands, for
  the PDF: table attributes instead of grid and flex, sizes in points, charts named by resource
  URL (the PDF writer registers the images under those names).

Every piece of user text (and of catalogue text) goes through :func:`esc`; nothing from the record
is ever placed in an attribute without quoting, nor anywhere a browser would run it.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from carepath.export import review_section
from carepath.export.charts_images import ChartImage
from carepath.export.plan_content import (
    NO_ASSESSMENT,
    LevelInfo,
    PlanContent,
    SkillLine,
    StageInfo,
    section_title,
)
from carepath.export.plan_text import N_, plan_language, t

ACCENT = "#0B4F6C"
ACCENT_SOFT = "#E8F1F5"
INK = "#1B262C"
MUTED = "#55606A"
RULE = "#D5DCE1"
ALERT = "#A4161A"

# The plan's fixed words in English; each is shown through ``t`` (plan_text) in the plan's language.
SKILL_COLUMNS = (N_("Skill"), N_("Now"), N_("Previous"), N_("Target"), N_("Gap"))
#: Evidence notes run the full width of the table, in a row under their skill's: a note may be
#: pages long, and as a sixth column it made a thin strip that stretched the plan over 8 pages.
EVIDENCE_LABEL = N_("Evidence note")
PROGRESS_TABLE_TITLE = N_("The figures behind the chart")
GOAL_COLUMNS = (N_("Skill"), N_("Goal"), N_("Actions"), N_("Due"), N_("Status"))
STEP_COLUMNS = (N_("Step"), N_("Status"), N_("Started"), N_("Target"), N_("Done"))
LEVELS_TITLE = N_("How to read the levels")
TIMELINE_TITLE = N_("Timeline")
GAPS_TITLE = N_("Largest gaps")
STRENGTHS_TITLE = N_("Strengths")
NO_GAPS = N_("No rated skill is below target.")
NO_STRENGTHS = N_("No rated skill has reached its target yet.")
NO_GOALS = N_("No goals yet. CarePath can suggest some for the largest gaps.")


def columns(names: Sequence[str]) -> list[str]:
    """Column headings in the plan's language."""
    return [t(name) for name in names]


def skills_intro(target_stage: str) -> str:
    """The sentence above the skills table (plain text; each format escapes it)."""
    return t(
        "Levels follow Benner's novice-to-expert scale; the target is the {stage} profile. A "
        "skill not rated yet is left out of the averages, never counted as zero."
    ).format(stage=target_stage)


def esc(text: object) -> str:
    """Text as HTML character data or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def esc_text(text: str) -> str:
    """Our own sentences as HTML character data (apostrophes kept as typed)."""
    return html.escape(text, quote=False)


def esc_lines(text: str) -> str:
    """Escaped text whose line breaks survive as ``<br>``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(esc(line) for line in lines)


# ---------------------------------------------------------------------------------------------
# Shared wording: both flavours call these, so the PDF and the page say the same thing.


def _goal_actions(actions: str, resources: str) -> str:
    parts = []
    if actions.strip():
        parts.append(esc_lines(actions.strip()))
    if resources.strip():
        parts.append(f"<i>{esc(t('Resources:'))}</i> " + esc_lines(resources.strip()))
    return "<br>".join(parts) or "—"


def _step_title(number: int, title: str) -> str:
    return f"<b>{number}. {esc(title)}</b>"


def _step_detail(note: str, checklist: str) -> str:
    """A step's note and checklist count, for the full-width row under the step ("" if none):
    a note may be long, and in the step column it would make a narrow strip pages tall."""
    extra = [esc_lines(note.strip())] if note.strip() else []
    if checklist:
        extra.append(esc(t("Checklist: {items}").format(items=checklist)))
    return "<br>".join(extra)


def _status_cell(text: str, overdue: bool) -> str:
    return f'<strong class="overdue">{esc(text)}</strong>' if overdue else esc(text)


def _note_cell(note: str) -> str:
    return esc_lines(note.strip()) if note.strip() else '<span class="none">—</span>'


# ---------------------------------------------------------------------------------------------
# Web flavour


WEB_CSS = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0; background: #F4F6F8; color: {INK};
  font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans",
    "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 16px; line-height: 1.55;
}}
.plan {{
  max-width: 60rem; margin: 2rem auto; padding: 2.5rem 3rem 3rem; background: #FFFFFF;
  border-radius: 6px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08);
}}
h1, h2, h3 {{ line-height: 1.25; color: {ACCENT}; overflow-wrap: anywhere; }}
h1 {{ font-size: 2rem; margin: 0.2rem 0 0.3rem; color: {INK}; }}
h2 {{
  font-size: 1.35rem; margin: 2.6rem 0 1rem; padding-bottom: 0.35rem;
  border-bottom: 2px solid {ACCENT};
}}
h3 {{ font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }}
p {{ margin: 0.4rem 0 0.8rem; }}
.kicker {{
  margin: 0; color: {ACCENT}; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.12em;
  text-transform: uppercase;
}}
.meta {{ color: {MUTED}; margin: 0 0 1.5rem; }}
.title-block {{ border-bottom: 1px solid {RULE}; padding-bottom: 1.6rem; }}
.stages {{ display: flex; align-items: stretch; gap: 0.75rem; }}
.stage {{
  flex: 1 1 0; background: {ACCENT_SOFT}; border-left: 4px solid {ACCENT}; border-radius: 4px;
  padding: 0.9rem 1.1rem;
}}
.stage p {{ margin: 0.1rem 0; }}
.stage .label {{
  font-size: 0.75rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase;
  color: {MUTED};
}}
.stage .name {{ font-size: 1.15rem; font-weight: 700; color: {INK}; }}
.stage .summary {{ margin-top: 0.5rem; font-size: 0.88rem; color: {MUTED}; }}
.arrow {{ align-self: center; font-size: 1.6rem; color: {ACCENT}; }}
ul.levels {{ list-style: none; margin: 0.2rem 0 0; padding: 0; font-size: 0.92rem; }}
ul.levels li {{ margin: 0 0 0.35rem; }}
nav.toc {{ margin: 1.2rem 0 0; font-size: 0.9rem; }}
nav.toc a {{
  display: inline-block; margin: 0 0.35rem 0.35rem 0; padding: 0.15rem 0.6rem;
  border: 1px solid {RULE}; border-radius: 999px; color: {ACCENT}; text-decoration: none;
}}
nav.toc a:hover, nav.toc a:focus {{ background: {ACCENT_SOFT}; }}
.figures {{
  display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem;
  margin: 0 0 1.2rem; padding: 0;
}}
.figures > div {{ border: 1px solid {RULE}; border-radius: 4px; padding: 0.75rem 0.9rem; }}
.figures dt {{ font-size: 0.85rem; color: {MUTED}; }}
.figures dd {{ margin: 0; }}
.figures .value {{ font-size: 1.45rem; font-weight: 700; color: {INK}; }}
.figures .detail {{ font-size: 0.85rem; color: {MUTED}; }}
.columns {{ display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }}
.columns ol {{ margin: 0.2rem 0 0; padding-left: 1.3rem; }}
.columns li {{ margin-bottom: 0.4rem; }}
.empty {{
  padding: 0.8rem 1rem; background: {ACCENT_SOFT}; border-radius: 4px; color: {INK};
}}
figure {{ margin: 1rem 0 1.6rem; text-align: center; }}
figure img, figure svg {{ max-width: 100%; height: auto; }}
figure.radar img, figure.radar svg {{ width: 36rem; }}
figure.wide img, figure.wide svg {{ width: 100%; }}
tr.has-detail td {{ border-bottom: 0; padding-bottom: 0.15rem; }}
tr.detail td {{ padding-top: 0; color: {MUTED}; overflow-wrap: anywhere; }}
.detail-label {{ color: {INK}; font-weight: 600; }}
figcaption {{ font-size: 0.9rem; color: {MUTED}; margin-top: 0.4rem; text-align: left; }}
table {{ width: 100%; border-collapse: collapse; font-size: 0.92rem; margin: 0.5rem 0 1rem; }}
th {{
  text-align: left; font-weight: 700; color: {ACCENT}; padding: 0.45rem 0.6rem;
  border-bottom: 2px solid {ACCENT}; vertical-align: bottom;
}}
td {{
  padding: 0.5rem 0.6rem; border-bottom: 1px solid {RULE}; vertical-align: top;
  overflow-wrap: break-word;
}}
td.num, th.num {{ white-space: nowrap; }}
.none {{ color: {MUTED}; }}
.note {{ color: {MUTED}; font-size: 0.9em; }}
.overdue {{ color: {ALERT}; }}
.gap-open {{ font-weight: 700; }}
footer {{
  margin-top: 2.5rem; padding-top: 0.8rem; border-top: 1px solid {RULE}; color: {MUTED};
  font-size: 0.85rem;
}}
@media (max-width: 720px) {{
  body {{ background: #FFFFFF; font-size: 15px; }}
  .plan {{ margin: 0; padding: 1.1rem 1rem 2rem; border-radius: 0; box-shadow: none; }}
  h1 {{ font-size: 1.6rem; }}
  .stages {{ flex-direction: column; }}
  .arrow {{ transform: rotate(90deg); }}
  .columns {{ grid-template-columns: 1fr; }}
  table.cards thead {{
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  }}
  table.cards, table.cards tbody, table.cards tr, table.cards td {{ display: block; width: 100%; }}
  table.cards tr {{ border: 1px solid {RULE}; border-radius: 4px; margin: 0 0 0.75rem; }}
  table.cards td {{
    display: grid; grid-template-columns: 7.5rem 1fr; gap: 0.6rem; border-bottom: 0;
    padding: 0.35rem 0.7rem;
  }}
  table.cards td::before {{ content: attr(data-label); font-weight: 700; color: {MUTED}; }}
  table.cards td:first-child {{ background: {ACCENT_SOFT}; }}
  table.cards td.num {{ white-space: normal; }}
  table.cards tr.has-detail {{ margin-bottom: 0; border-bottom: 0; border-radius: 4px 4px 0 0; }}
  table.cards tr.detail {{ border-top: 0; border-radius: 0 0 4px 4px; }}
  table.cards tr.detail td {{ display: block; padding: 0.2rem 0.7rem 0.5rem; background: none; }}
}}
@media print {{
  @page {{ margin: 16mm 15mm 18mm; }}
  body {{ background: #FFFFFF; font-size: 10pt; }}
  .plan {{ max-width: none; margin: 0; padding: 0; box-shadow: none; }}
  nav.toc {{ display: none; }}
  h2 {{ break-after: avoid; page-break-after: avoid; margin-top: 1.6rem; }}
  h3 {{ break-after: avoid; page-break-after: avoid; }}
  h2 + p, h3 + p {{ break-after: avoid; page-break-after: avoid; }}
  p, li {{ orphans: 3; widows: 3; }}
  ul.levels li {{ break-inside: avoid; page-break-inside: avoid; }}
  figure, tr, .figures > div, .stage {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  figure.radar img, figure.radar svg {{ width: 13cm; }}
  figure.wide img, figure.wide svg {{ width: 100%; max-width: 17cm; }}
  .stage {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""

CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'"
)


def _web_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Sequence[int] = (),
    caption: str = "",
    details: Sequence[str] = (),
) -> str:
    """A data table that turns into cards on a phone; ``details[i]`` (HTML, may be empty) is a
    full-width row under row ``i``, for text too long for a column."""
    head = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{esc(c)}</th>'
        for i, c in enumerate(columns)
    )
    body = []
    for index, cells in enumerate(rows):
        tds = []
        for i, (column, cell) in enumerate(zip(columns, cells, strict=True)):
            css = ' class="num"' if i in numeric else ""
            tds.append(f'<td data-label="{esc(column)}"{css}><div>{cell}</div></td>')
        detail = details[index] if index < len(details) else ""
        opening = '<tr class="has-detail">' if detail else "<tr>"
        body.append(opening + "".join(tds) + "</tr>")
        if detail:
            body.append(
                f'<tr class="detail"><td colspan="{len(columns)}"><div>{detail}</div></td></tr>'
            )
    cap = f'<caption class="note">{esc(caption)}</caption>' if caption else ""
    return (
        f'<table class="cards">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _web_figure(image: ChartImage | None, css: str, caption: str) -> str:
    """A chart inline as SVG (its ``<title>``/``<desc>`` name it), its caption below; a PNG
    (an ``<img>`` with the same words as alternative text) when the chart was drawn as one."""
    if image is None:
        return f'<p class="empty">{esc(caption)}</p>'
    if image.extension == "svg":
        drawing = image.svg_element(f"{image.key}-chart")
    else:
        drawing = (
            f'<img src="{image.data_uri()}" alt="{esc(image.alt)}" '
            f'width="{round(image.width_in * 96)}" height="{round(image.height_in * 96)}">'
        )
    return f'<figure class="{css}">{drawing}<figcaption>{esc(caption)}</figcaption></figure>'


@dataclass(frozen=True)
class _Section:
    id: str
    title: str
    body: str


def _web_sections(content: PlanContent, images: Mapping[str, ChartImage]) -> list[_Section]:
    sections = []
    for section in content.sections:
        title = section_title(section)
        if section == "summary":
            body = _web_summary(content)
        elif section == "radar":
            body = _web_figure(images.get("radar"), "radar", content.radar_caption)
        elif section == "skills":
            body = _web_skills(content)
        elif section == "reviews":
            body = _web_reviews(content)
        elif section == "goals":
            body = _web_goals(content)
        elif section == "steps":
            body = _web_steps(content, images.get("timeline"))
        else:
            body = _web_figure(images.get("progress"), "wide", content.progress_caption)
            names, rows, note = _progress_rows(content)
            if rows:
                numeric = tuple(range(1, len(names)))
                body += f"<h3>{esc(t(PROGRESS_TABLE_TITLE))}</h3>" + _web_table(
                    names, rows, numeric=numeric, caption=note
                )
        sections.append(_Section(section, title, body))
    return sections


def _web_levels(levels: Sequence[LevelInfo]) -> str:
    items = "".join(
        f"<li><strong>{level.value} {esc(level.name)}</strong> — {esc(level.meaning)}</li>"
        for level in levels
    )
    return f'<h3>{esc(t(LEVELS_TITLE))}</h3><ul class="levels">{items}</ul>'


def _web_summary(content: PlanContent) -> str:
    if not content.has_assessment:
        return f'<p class="empty">{esc(t(NO_ASSESSMENT))}</p>' + _web_levels(content.levels)
    figures = "".join(
        f'<div><dt>{esc(item.label)}</dt><dd class="value">{esc(item.value)}</dd>'
        + (f'<dd class="detail">{esc(item.detail)}</dd>' if item.detail else "")
        + "</div>"
        for item in content.summary_items
    )

    def listing(title: str, lines: Sequence[SkillLine], empty: str) -> str:
        title, empty = t(title), t(empty)
        if not lines:
            return f'<div><h3>{esc(title)}</h3><p class="none">{esc(empty)}</p></div>'
        items = "".join(
            f"<li><strong>{esc(line.name)}</strong>: {esc(line.text)}</li>" for line in lines
        )
        return f"<div><h3>{esc(title)}</h3><ol>{items}</ol></div>"

    return (
        f'<dl class="figures">{figures}</dl><div class="columns">'
        + listing(GAPS_TITLE, content.largest_gaps, NO_GAPS)
        + listing(STRENGTHS_TITLE, content.strengths, NO_STRENGTHS)
        + "</div>"
        + _web_levels(content.levels)
    )


def _web_skills(content: PlanContent) -> str:
    rows = []
    for row in content.skills:
        gap = (
            f'<span class="gap-open">{esc(row.gap_text)}</span>'
            if row.gap is not None and row.gap > 0
            else esc(row.gap_text)
        )
        rows.append(
            (
                f"<strong>{esc(row.name)}</strong>",
                _web_level(row.level_text, row.level is None),
                _web_level(row.previous_text, row.previous is None),
                _web_level(row.target_text, False),
                gap,
            )
        )
    details = [_evidence(row.note, "") for row in content.skills]
    intro = f"<p>{esc_text(skills_intro(content.target_stage.name))}</p>"
    return intro + _web_table(columns(SKILL_COLUMNS), rows, numeric=(4,), details=details)


def _evidence(note: str, label_style: str) -> str:
    """ "Evidence note: …" for the full-width row under a skill, or "" when there is none."""
    if not note.strip():
        return ""
    label = f'<b class="detail-label"{label_style}>{esc(t(EVIDENCE_LABEL))}:</b> '
    return label + esc_lines(note.strip())


def _progress_rows(content: PlanContent) -> tuple[list[str], list[tuple[str, ...]], str]:
    table = content.progress_table
    if table is None:
        return [], [], ""
    rows = [(esc(r.date_text), esc(r.average_text), *map(esc, r.levels)) for r in table.rows]
    return list(table.columns), rows, table.note


def _web_reviews(content: PlanContent) -> str:
    """How my reviewers see me: the comparison table, differences and comments (escaped)."""
    reviews = content.reviews
    if reviews is None:
        return f'<p class="note">{esc(review_section.no_review_text())}</p>'
    rows = [
        (esc(r.name), esc(r.own_text), esc(r.reviewer_text), esc(r.difference_text))
        for r in reviews.rows
    ]
    parts = [f"<p>{esc(reviews.intro)}</p>"]
    parts += [f"<p>{esc(line)}</p>" for line in (reviews.higher, reviews.lower) if line]
    parts.append(_web_table(columns(review_section.COLUMNS), rows, numeric=(3,)))
    comments = [(r.name, r.comment) for r in reviews.rows if r.comment.strip()]
    if comments:
        parts.append(f"<h3>{esc(review_section.comment_title(reviews.reviewer))}</h3><dl>")
        parts += [f"<dt>{esc(name)}</dt><dd>{esc_lines(text)}</dd>" for name, text in comments]
        parts.append("</dl>")
    if reviews.message:
        parts.append(f"<h3>{esc(reviews.message_title)}</h3><p>{esc_lines(reviews.message)}</p>")
    if reviews.earlier:
        parts.append(f'<p class="note">{esc(reviews.earlier)}</p>')
    return "".join(parts)


def _web_level(text: str, not_rated: bool) -> str:
    """ "3 · Competent" with the number held to its name; "Not rated yet" set apart."""
    if not_rated:
        return f'<i class="none">{esc(text)}</i>'
    number, _, name = text.partition(" · ")
    return f"{esc(number)}&nbsp;·&nbsp;{esc(name)}" if name else esc(text)


def _web_goals(content: PlanContent) -> str:
    if not content.goals:
        return f'<p class="empty">{esc(t(NO_GOALS))}</p>'
    rows = [
        (
            esc(goal.skill),
            f"<strong>{esc_lines(goal.title)}</strong>",
            _goal_actions(goal.actions, goal.resources),
            _status_cell(goal.due_text, goal.overdue),
            esc(goal.status_text),
        )
        for goal in content.goals
    ]
    overdue = sum(1 for goal in content.goals if goal.overdue)
    note = (
        f'<p><strong class="overdue">{esc(t("{count} overdue").format(count=overdue))}</strong>'
        f"{esc(t(' — marked “overdue” below.'))}</p>"
        if overdue
        else ""
    )
    return note + _web_table(columns(GOAL_COLUMNS), rows)


def _web_steps(content: PlanContent, timeline: ChartImage | None) -> str:
    rows = [
        (
            _step_title(row.number, row.title),
            esc(row.status_text),
            esc(row.start_text),
            _status_cell(row.target_text, row.overdue),
            esc(row.done_text),
        )
        for row in content.steps
    ]
    details = [_step_detail(row.note, row.checklist_text) for row in content.steps]
    return (
        f"<p>{esc(content.steps_text)}</p>"
        + _web_table(columns(STEP_COLUMNS), rows, numeric=(2, 4), details=details)
        + f"<h3>{esc(t(TIMELINE_TITLE))}</h3>"
        + _web_figure(timeline, "wide", content.timeline_caption)
    )


def _web_stage(label: str, stage: StageInfo, css: str = "") -> str:
    return (
        f'<section class="stage{css}"><p class="label">{esc(label)}</p>'
        f'<p class="name">{esc(stage.name)}</p><p>{esc(stage.salary_band)}</p>'
        f"<p>{esc(t('Typical experience: {years}').format(years=stage.experience))}</p>"
        f'<p class="summary">{esc(stage.summary)}</p></section>'
    )


def build_html(content: PlanContent, images: Mapping[str, ChartImage]) -> str:
    """The whole plan as one self-contained HTML page, in the content's language."""
    with plan_language(content.language):
        return _build_html(content, images)


def _build_html(content: PlanContent, images: Mapping[str, ChartImage]) -> str:
    name = content.name
    document_title = content.title
    heading = esc(name) if name else esc(document_title)
    title = f"{document_title} — {name} — {content.date_text}" if name else document_title
    current, target = content.current_stage, content.target_stage
    stages = _web_stage(t("Current stage"), current)
    if target.id != current.id:
        stages += '<div class="arrow" aria-hidden="true">→</div>' + _web_stage(
            t("Target stage"), target, " target"
        )
    sections = _web_sections(content, images)
    toc = "".join(f'<a href="#{s.id}">{esc(s.title)}</a>' for s in sections)
    body = "".join(
        f'<section id="{s.id}" aria-labelledby="{s.id}-title">'
        f'<h2 id="{s.id}-title">{esc(s.title)}</h2>{s.body}</section>'
        for s in sections
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(content.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="CarePath">\n'
        f"<title>{esc(title)}</title>\n<style>{WEB_CSS}</style>\n</head>\n<body>\n"
        '<main class="plan">\n<header class="title-block">'
        f'<p class="kicker">{esc(document_title)}</p><h1>{heading}</h1>'
        f'<p class="meta">{esc(t("Prepared on {date}").format(date=content.date_text))} · '
        f"{esc(content.stages_text)}</p>"
        f'<div class="stages">{stages}</div>'
        + (f'<p class="us-note">{esc(content.us_note)}</p>' if content.us_note else "")
        + (f'<nav class="toc" aria-label="{esc(t("Contents"))}">{toc}</nav>' if toc else "")
        + f"</header>\n{body}\n"
        f"<footer>{esc(content.person)} · {esc(document_title)} · "
        + esc_text(
            t(
                "prepared on {date} with CarePath, from a self-assessment kept on the author's "
                "own computer."
            ).format(date=content.date_text)
        )
        + "</footer>\n</main>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------------------------
# Qt flavour (the PDF): only what QTextDocument's rich-text engine supports.


@dataclass(frozen=True)
class QtImage:
    """A chart as the PDF document refers to it: the name its figure is drawn under (pdf_charts)
    and its printed size in layout pixels."""

    url: str
    width: int
    height: int


_QT_CELL = f"border-bottom: 1px solid {RULE}; padding: 5px 5px; font-size: 8.5pt;"
_QT_HEAD = (
    f"border-bottom: 1.5px solid {ACCENT}; padding: 4px 5px; color: {ACCENT}; "
    "font-weight: 600; font-size: 8.5pt;"
)
_QT_NOTE = f' style="color: {MUTED}; font-size: 8.5pt;"'
#: A row with a full-width detail row under it (no rule between them), and that detail row.
_QT_OPEN = "padding: 5px 5px 1px 5px; font-size: 8.5pt;"
_QT_DETAIL = (
    f"border-bottom: 1px solid {RULE}; padding: 0px 5px 5px 5px; font-size: 8.5pt; color: {MUTED};"
)


class QtTables:
    """Numbers the data tables as they are written and splits them where the PDF asks.

    QTextDocument cannot keep a table row on one page; the PDF writer finds rows that straddle
    a page break and asks for the table to be split before them: the rest becomes a new table
    (with its own header row) starting on the next page.
    """

    def __init__(self, splits: Mapping[int, Collection[int]] | None = None) -> None:
        self.splits = splits or {}
        self.count = 0
        #: (table number, first body row) of every table written, in document order.
        self.pieces: list[tuple[int, int]] = []
        #: Table number -> the body rows (counted over the whole table) that are detail rows,
        #: which the PDF must keep on the page of the row above them.
        self.details: dict[int, set[int]] = {}

    def table(
        self,
        columns: Sequence[str],
        widths: Sequence[int],
        rows: Sequence[Sequence[str]],
        details: Sequence[str] = (),
    ) -> str:
        """A data table; ``details[i]`` (HTML, may be empty) is a full-width row under row
        ``i`` that always stays on the same page as it (a cut never falls between them)."""
        index = self.count
        self.count += 1
        physical: list[_QtRow] = []
        for number, cells in enumerate(rows):
            detail = details[number] if number < len(details) else ""
            physical.append(_QtRow(tuple(cells), has_detail=bool(detail)))
            if detail:
                self.details.setdefault(index, set()).add(len(physical))
                physical.append(_QtRow((detail,), detail=True))
        cuts = set()
        for cut in self.splits.get(index, ()):
            while 0 < cut < len(physical) and physical[cut].detail:
                cut -= 1
            if 0 < cut < len(physical):
                cuts.add(cut)
        ordered = sorted(cuts)
        pieces = []
        for start, end in zip([0, *ordered], [*ordered, len(physical)], strict=True):
            self.pieces.append((index, start))
            pieces.append(_qt_table(columns, widths, physical[start:end], page_break=start > 0))
        return "".join(pieces)


@dataclass(frozen=True)
class _QtRow:
    cells: tuple[str, ...]
    #: A full-width row (one cell spanning every column) under the row before it.
    detail: bool = False
    #: A row with a detail row under it: no rule between the two.
    has_detail: bool = False


def _qt_table(
    columns: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[_QtRow],
    page_break: bool = False,
) -> str:
    head = "".join(
        f'<th width="{w}%" align="left" style="{_QT_HEAD}">{esc(c)}</th>'
        for c, w in zip(columns, widths, strict=True)
    )
    body = "".join(
        f'<tr><td colspan="{len(columns)}" valign="top" style="{_QT_DETAIL}">{row.cells[0]}'
        "</td></tr>"
        if row.detail
        else "<tr>"
        + "".join(
            f'<td valign="top" style="{_QT_OPEN if row.has_detail else _QT_CELL}">{cell}</td>'
            for cell in row.cells
        )
        + "</tr>"
        for row in rows
    )
    breaking = " page-break-before: always;" if page_break else ""
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" '
        f'style="border-collapse: collapse; margin-top: 4px; margin-bottom: 10px;{breaking}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _qt_figure(image: QtImage | None, caption: str) -> str:
    if image is None:
        return f'<p style="color: {MUTED};">{esc(caption)}</p>'
    return (
        f'<p align="center" style="margin-top: 6px; margin-bottom: 2px;">'
        f'<img src="{esc(image.url)}" width="{image.width}" height="{image.height}"></p>'
        f'<p style="color: {MUTED}; font-size: 8.5pt; margin-bottom: 12px;">{esc(caption)}</p>'
    )


def _qt_heading(title: str) -> str:
    return (
        f'<h2 style="color: {ACCENT}; font-size: 14pt; font-weight: 600; margin-top: 20px; '
        f'margin-bottom: 6px;">{esc(title)}</h2>'
    )


def _qt_subheading(title: str) -> str:
    return (
        f'<h3 style="color: {INK}; font-size: 10.5pt; font-weight: 600; margin-top: 10px; '
        f'margin-bottom: 3px;">{esc(title)}</h3>'
    )


def _nowrap(text: str) -> str:
    """Escaped text whose spaces do not break: for short figures in narrow table columns."""
    return esc(text).replace(" ", "\u00a0")


def _qt_levels(levels: Sequence[LevelInfo]) -> str:
    rows = "".join(
        f'<tr><td width="22%" valign="top" style="{_QT_CELL}"><b>{level.value}\u00a0'
        f'{esc(level.name)}</b></td><td valign="top" style="{_QT_CELL}">{esc(level.meaning)}'
        "</td></tr>"
        for level in levels
    )
    return (
        _qt_subheading(t(LEVELS_TITLE)) + '<table width="100%" cellspacing="0" cellpadding="0" '
        f'style="border-collapse: collapse;">{rows}</table>'
    )


def _qt_summary(content: PlanContent) -> str:
    if not content.has_assessment:
        return _qt_box(esc(t(NO_ASSESSMENT))) + _qt_levels(content.levels)
    cells = []
    for item in content.summary_items:
        cells.append(
            f'<td width="25%" valign="top" style="padding: 7px 9px; '
            f'border-left: 3px solid {ACCENT};">'
            f'<span style="color: {MUTED}; font-size: 8.5pt;">{esc(item.label)}</span><br>'
            f'<span style="font-size: 14pt; font-weight: 700;">{_nowrap(item.value)}</span><br>'
            f'<span style="color: {MUTED}; font-size: 8pt;">{esc(item.detail)}</span></td>'
        )
    figures = (
        '<table width="100%" cellspacing="6" cellpadding="0" style="margin-bottom: 6px;">'
        f"<tr>{''.join(cells)}</tr></table>"
    )

    def listing(lines: Sequence[SkillLine], empty: str) -> str:
        if not lines:
            return f'<p style="color: {MUTED};">{esc(t(empty))}</p>'
        return "".join(
            f'<p style="margin-top: 0; margin-bottom: 4px;">{i}. '
            f"<b>{esc(line.name)}</b>: {esc(line.text)}</p>"
            for i, line in enumerate(lines, start=1)
        )

    lists = (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        '<td width="50%" valign="top" style="padding-right: 14px;">'
        + _qt_subheading(t(GAPS_TITLE))
        + listing(content.largest_gaps, NO_GAPS)
        + '</td><td width="50%" valign="top" style="padding-left: 14px;">'
        + _qt_subheading(t(STRENGTHS_TITLE))
        + listing(content.strengths, NO_STRENGTHS)
        + "</td></tr></table>"
    )
    return figures + lists + _qt_levels(content.levels)


def _qt_box(inner: str) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="9" style="margin-bottom: 8px;">'
        f'<tr><td bgcolor="{ACCENT_SOFT}">{inner}</td></tr></table>'
    )


def _qt_skills(content: PlanContent, tables: QtTables) -> str:
    rows = []
    for row in content.skills:
        gap = _nowrap(row.gap_text)
        if row.gap is not None and row.gap > 0:
            gap = f"<b>{gap}</b>"
        level = _qt_level(row.level_text, row.level is None)
        rows.append(
            (
                f"<b>{esc(row.name)}</b>",
                level,
                _qt_level(row.previous_text, row.previous is None),
                _qt_level(row.target_text, False),
                gap,
            )
        )
    details = [_evidence(row.note, f' style="color: {INK};"') for row in content.skills]
    intro = f"<p>{esc_text(skills_intro(content.target_stage.name))}</p>"
    # Wide enough for the longest level name in every language shipped ("2 · Principiante
    # avanzado" wraps between words; no word is ever cut in the middle).
    return intro + tables.table(columns(SKILL_COLUMNS), QT_SKILL_WIDTHS, rows, details)


#: Column widths (percent) of the PDF's skills table: Skill, Now, Previous, Target, Gap.
QT_SKILL_WIDTHS = (24, 19, 19, 19, 19)


def _qt_reviews(content: PlanContent, tables: QtTables) -> str:
    """How my reviewers see me, for the PDF (Qt's rich text), escaped like the web version."""
    reviews = content.reviews
    if reviews is None:
        return f'<p style="color: {MUTED};">{esc(review_section.no_review_text())}</p>'
    rows = [
        (f"<b>{esc(r.name)}</b>", esc(r.own_text), esc(r.reviewer_text), esc(r.difference_text))
        for r in reviews.rows
    ]
    parts = [f"<p>{esc(reviews.intro)}</p>"]
    parts += [f"<p>{esc(line)}</p>" for line in (reviews.higher, reviews.lower) if line]
    parts.append(tables.table(columns(review_section.COLUMNS), (34, 24, 24, 18), rows))
    comments = [(r.name, r.comment) for r in reviews.rows if r.comment.strip()]
    if comments:
        parts.append(_qt_subheading(review_section.comment_title(reviews.reviewer)))
        parts += [f"<p><b>{esc(name)}</b>: {esc_lines(text)}</p>" for name, text in comments]
    if reviews.message:
        parts.append(_qt_subheading(reviews.message_title))
        parts.append(f"<p>{esc_lines(reviews.message)}</p>")
    if reviews.earlier:
        parts.append(f'<p style="color: {MUTED};">{esc(reviews.earlier)}</p>')
    return "".join(parts)


def _qt_level(text: str, not_rated: bool) -> str:
    """ "3 · Competent" kept together as "3 · Competent", the name free to wrap."""
    if not_rated:
        return f'<i style="color: {MUTED};">{esc(text)}</i>'
    number, _, name = text.partition(" · ")
    return f"{esc(number)}\u00a0·\u00a0{esc(name)}" if name else esc(text)


def _qt_overdue(text: str, overdue: bool) -> str:
    return f'<b style="color: {ALERT};">{esc(text)}</b>' if overdue else esc(text)


def _qt_goals(content: PlanContent, tables: QtTables) -> str:
    if not content.goals:
        return _qt_box(esc(t(NO_GOALS)))
    rows = [
        (
            esc(goal.skill),
            f"<b>{esc_lines(goal.title)}</b>",
            _goal_actions(goal.actions, goal.resources),
            _qt_overdue(goal.due_text, goal.overdue),
            esc(goal.status_text),
        )
        for goal in content.goals
    ]
    return tables.table(columns(GOAL_COLUMNS), (17, 24, 33, 14, 12), rows)


def _qt_steps(content: PlanContent, timeline: QtImage | None, tables: QtTables) -> str:
    rows = [
        (
            _step_title(row.number, row.title),
            esc(row.status_text),
            esc(row.start_text),
            _qt_overdue(row.target_text, row.overdue),
            esc(row.done_text),
        )
        for row in content.steps
    ]
    details = [_step_detail(row.note, row.checklist_text) for row in content.steps]
    return (
        f"<p>{esc(content.steps_text)}</p>"
        + tables.table(columns(STEP_COLUMNS), (42, 13, 14, 18, 13), rows, details)
        + _qt_subheading(t(TIMELINE_TITLE))
        + _qt_figure(timeline, content.timeline_caption)
    )


def _qt_stage_cell(label: str, stage: StageInfo) -> str:
    return (
        f'<td width="47%" valign="top" bgcolor="{ACCENT_SOFT}" '
        f'style="padding: 9px 11px; border-left: 3px solid {ACCENT};">'
        f'<span style="color: {MUTED}; font-size: 7.5pt; font-weight: 700;">'
        f"{esc(label.upper())}</span><br>"
        f'<span style="font-size: 12pt; font-weight: 700;">{esc(stage.name)}</span><br>'
        f"{esc(stage.salary_band)}<br>"
        f"{esc(t('Typical experience: {years}').format(years=stage.experience))}<br>"
        f'<span style="color: {MUTED}; font-size: 8.5pt;">{esc(stage.summary)}</span></td>'
    )


def build_qt_html(
    content: PlanContent, images: Mapping[str, QtImage], tables: QtTables | None = None
) -> str:
    """The plan in QTextDocument's HTML subset; ``images`` maps chart keys to resource URLs.

    ``tables`` says where data tables are cut to start again on a new page, and records the
    tables written (see QtTables).
    """
    with plan_language(content.language):
        return _build_qt_html(content, images, tables or QtTables())


def _build_qt_html(content: PlanContent, images: Mapping[str, QtImage], tables: QtTables) -> str:
    current, target = content.current_stage, content.target_stage
    document_title = content.title
    cells = _qt_stage_cell(t("Current stage"), current)
    if target.id != current.id:
        cells += (
            f'<td width="6%" align="center" valign="middle" '
            f'style="color: {ACCENT}; font-size: 16pt;">→</td>'
            + _qt_stage_cell(t("Target stage"), target)
        )
    heading = esc(content.name) if content.name else esc(document_title)
    parts = [
        f'<p style="color: {ACCENT}; font-size: 8.5pt; font-weight: 700; margin-bottom: 0;">'
        f"{esc(document_title.upper())}</p>",
        f'<h1 style="font-size: 22pt; font-weight: 700; color: {INK}; margin-top: 2px; '
        f'margin-bottom: 2px;">{heading}</h1>',
        f'<p style="color: {MUTED}; margin-top: 0; margin-bottom: 12px;">'
        f"{esc(t('Prepared on {date}').format(date=content.date_text))} · "
        f"{esc(content.stages_text)}</p>",
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 4px;">'
        f"<tr>{cells}</tr></table>",
    ]
    if content.us_note:
        parts.append(f'<p style="color: {MUTED}; font-size: 8.5pt;">{esc(content.us_note)}</p>')
    for section in content.sections:
        parts.append(_qt_heading(section_title(section)))
        if section == "summary":
            parts.append(_qt_summary(content))
        elif section == "radar":
            parts.append(_qt_figure(images.get("radar"), content.radar_caption))
        elif section == "skills":
            parts.append(_qt_skills(content, tables))
        elif section == "reviews":
            parts.append(_qt_reviews(content, tables))
        elif section == "goals":
            parts.append(_qt_goals(content, tables))
        elif section == "steps":
            parts.append(_qt_steps(content, images.get("timeline"), tables))
        else:
            parts.append(_qt_figure(images.get("progress"), content.progress_caption))
            names, rows, note = _progress_rows(content)
            if rows:
                parts.append(_qt_subheading(t(PROGRESS_TABLE_TITLE)))
                if note:
                    parts.append(f"<p{_QT_NOTE}>{esc(note)}</p>")
                first = 24
                rest = (100 - first) // (len(names) - 1)
                parts.append(tables.table(names, (first, *[rest] * (len(names) - 1)), rows))
    return (
        '<html><head><meta charset="utf-8"></head>'
        f'<body style="color: {INK};">' + "".join(parts) + "</body></html>"
    )
