"""The team report: a manager's view of a folder of shares as CSV, HTML or PDF.

The content is built once (:func:`build_report`, Qt-free, from ``core.team``) and handed to one
writer per format, as the development plan is:

* CSV (``team_csv``, kept apart so the command line's CSV report loads nothing else): one row
  per person, one column per skill.
* HTML: one self-contained page (styles inline, the radar as an SVG data URI, no script), every
  chart with its table and a description; user text escaped.
* PDF: the same sections in QTextDocument's HTML subset on landscape pages through the plan's PDF
  pipeline (``pdf_plan``'s layout device and fonts, the radar drawn as vectors by ``pdf_charts``).

Every figure names its source: the people table lists each person's file, export date and the
dates of the latest self-assessment and review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carepath.core.catalogue import SKILL_IDS, Catalogue
from carepath.core.team import (
    Member,
    SkillSummary,
    Skipped,
    SkipReason,
    Team,
    names_list,
    overdue,
    skill_summaries,
    widest_gaps,
)
from carepath.export.plan_text import N_, format_date, plan_language, t
from carepath.export.team_csv import team_csv

if TYPE_CHECKING:
    from matplotlib.figure import Figure

REPORT_FORMATS = ("pdf", "html", "csv")
#: Heatmap colours per level (1..5) and the text colour drawn on each: every pair has a contrast of
#: at least 4.5:1, and the number is always printed, so colour is never the only signal.
LEVEL_COLOURS: Mapping[int, tuple[str, str]] = {
    1: ("#F2F6FB", "#1B262C"),
    2: ("#CFE0F0", "#1B262C"),
    3: ("#9CC3E0", "#1B262C"),
    4: ("#2F6FA8", "#FFFFFF"),
    5: ("#0B3558", "#FFFFFF"),
}
NOT_RATED = "–"
GAP_COUNT = 5

SKIP_TEXTS: Mapping[str, str] = {
    SkipReason.DAMAGED: N_("damaged ({detail})"),
    SkipReason.FOREIGN: N_("not a CarePath backup or share"),
    SkipReason.NEWER: N_("made by a newer CarePath; update CarePath to read it"),
    SkipReason.TOO_LARGE: N_("larger than the import size limit"),
    SkipReason.DUPLICATE: N_("the same person as {other}, which was exported later"),
    SkipReason.UNREADABLE: N_("cannot be read ({detail})"),
}


def skip_text(skipped: Skipped, language: str | None = None) -> str:
    """Why a file was skipped, in the report's language."""
    template = SKIP_TEXTS.get(skipped.reason, "{detail}")
    detail = skipped.detail.removeprefix("damaged: ")
    return t(template, language).format(detail=detail, other=skipped.other)


@dataclass(frozen=True)
class TeamReport:
    """Everything the three formats show, in the report's language."""

    language: str
    title: str
    folder: str
    read_text: str
    stage_id: str
    stage_name: str
    skill_names: tuple[str, ...]
    members: tuple[Member, ...]
    summaries: tuple[SkillSummary, ...]
    gaps: tuple[SkillSummary, ...]
    late: tuple[tuple[Member, int], ...]
    skipped: tuple[Skipped, ...]
    stage_names: Mapping[str, str]
    level_names: tuple[str, ...]
    today: date

    def skill_name(self, skill: str) -> str:
        return self.skill_names[SKILL_IDS.index(skill)]


def build_report(
    team: Team, catalogue: Catalogue, stage_id: str, today: date | None = None
) -> TeamReport:
    today = today or date.today()
    stage = catalogue.stage(stage_id)
    summaries = skill_summaries(team.members, stage.targets)
    with plan_language(catalogue.language):
        return TeamReport(
            language=catalogue.language,
            title=t("Team skills report"),
            folder=str(team.folder),
            read_text=format_date(team.read_at),
            stage_id=stage_id,
            stage_name=stage.name,
            skill_names=tuple(s.name for s in catalogue.skills),
            members=team.members,
            summaries=tuple(summaries),
            gaps=tuple(widest_gaps(summaries, GAP_COUNT)),
            late=tuple(overdue(team.members, today)),
            skipped=team.skipped,
            stage_names={s.id: s.name for s in catalogue.stages},
            level_names=tuple(level.name for level in catalogue.levels),
            today=today,
        )


def _day(value: datetime | date | None) -> str:
    if value is None:
        return ""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _median_text(value: float | None) -> str:
    if value is None:
        return NOT_RATED
    return f"{value:g}"


# --- shared wording -------------------------------------------------------------------------------


def _esc(text: object) -> str:
    from carepath.export.html_plan import esc

    return esc(text)


def level_cell_text(member: Member, skill: str) -> str:
    level = member.levels.get(skill)
    own = str(level) if level is not None else NOT_RATED
    review = member.review_levels.get(skill)
    return f"{own} / {review}" if review is not None else own


def _intro(report: TeamReport) -> str:
    return t(
        "{people} people from the files in {folder}, read on {date}; compared with the "
        "targets of the stage {stage}."
    ).format(
        people=len(report.members),
        folder=report.folder,
        date=report.read_text,
        stage=report.stage_name,
    )


def _heatmap_description(report: TeamReport) -> str:
    return t(
        "Each row is one person and each numbered column one skill (see the key). A cell holds "
        "the person's latest self-assessed level from 1 (Novice) to 5 (Expert), then, after a "
        "slash, the latest reviewer's level where there is one; a dash means not rated. Darker "
        "cells are higher levels."
    )


def _radar_description(report: TeamReport) -> str:
    met = sum(1 for s in report.summaries if s.median is not None and s.median >= s.target)
    rated = sum(1 for s in report.summaries if s.median is not None)
    return t(
        "Radar chart of the team's median level on each of the fifteen skills against the "
        "targets of {stage}: the median meets the target on {met} of {rated} rated skills. "
        "The table below gives the same figures."
    ).format(stage=report.stage_name, met=met, rated=rated)


def _who(names: Sequence[str], limit: int = 12) -> str:
    if not names:
        return t("nobody")
    return names_list(names, limit, t("and {count} more"))


def _stage(report: TeamReport, stage_id: str) -> str:
    return report.stage_names.get(stage_id, stage_id)


def radar_figure(report: TeamReport, size: tuple[float, float] = (6.0, 6.0)) -> Figure:
    """The team's median against the stage's targets, drawn by the app's own radar chart."""
    from carepath.charts.radar import RadarData, radar_figure
    from carepath.export.charts_images import chart_fonts

    data = RadarData(
        labels=report.skill_names,
        target=[float(s.target) for s in report.summaries],
        current=[s.median for s in report.summaries],
        target_label=t("Target: {stage}", report.language).format(stage=report.stage_name),
        current_label=t("Team median", report.language),
        not_rated_label=t("not rated yet", report.language),
        nothing_rated_label=t("Nothing rated yet", report.language),
        level_names=report.level_names,
    )
    with chart_fonts():
        return radar_figure(data, size_inches=size)


# --- HTML ----------------------------------------------------------------------------------------

_WEB_CSS = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1B262C;
  background: #FFFFFF; margin: 0; line-height: 1.45; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { color: #0B4F6C; font-size: 1.7rem; margin: 0 0 4px; }
h2 { color: #0B4F6C; font-size: 1.25rem; margin: 28px 0 8px; border-bottom: 1px solid #D5DCE1; }
p.meta, .note { color: #55606A; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #D5DCE1; padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #E8F1F5; color: #0B4F6C; }
td.num, th.num { text-align: center; white-space: nowrap; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
figure { margin: 8px 0; }
figure img { max-width: 100%; height: auto; }
ol.key { columns: 3; font-size: 0.9rem; }
"""


def _web_table(
    caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int]
) -> str:
    """A table of already-escaped cells; the first cell of each row heads it."""
    head = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{_esc(c)}</th>'
        for i, c in enumerate(columns)
    )
    body = []
    for cells in rows:
        first, *rest = cells
        tds = "".join(
            f"<td{' class=num' if i in numeric else ''}>{cell}</td>"
            for i, cell in enumerate(rest, 1)
        )
        body.append(f'<tr><th scope="row">{first}</th>{tds}</tr>')
    return (
        f'<div class="scroll" role="region" aria-label="{_esc(caption)}" tabindex="0">'
        f"<table><caption class=sr>{_esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _web_heatmap(report: TeamReport) -> str:
    heads = "".join(
        f'<th scope="col" class="num"><span aria-hidden="true">{n}</span>'
        f'<span class="sr">{_esc(name)}</span></th>'
        for n, name in enumerate(report.skill_names, 1)
    )
    rows = []
    for member in report.members:
        cells = []
        for skill in SKILL_IDS:
            level = member.levels.get(skill)
            text = _esc(level_cell_text(member, skill))
            if level is None:
                cells.append(f'<td class="num">{text}</td>')
            else:
                back, ink = LEVEL_COLOURS[level]
                cells.append(f'<td class="num" style="background:{back};color:{ink}">{text}</td>')
        stage = _esc(_stage(report, member.current_stage))
        rows.append(
            f'<tr><th scope="row">{_esc(member.name)}</th><td>{stage}</td>{"".join(cells)}</tr>'
        )
    caption = t("Skills by person")
    key = "".join(f"<li>{_esc(name)}</li>" for name in report.skill_names)
    return (
        f"<p>{_esc(_heatmap_description(report))}</p>"
        f'<div class="scroll" role="region" aria-label="{_esc(caption)}" tabindex="0">'
        f"<table><caption class=sr>{_esc(caption)}</caption><thead><tr>"
        f'<th scope="col">{_esc(t("Person"))}</th><th scope="col">{_esc(t("Stage"))}</th>'
        f"{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f'<h3>{_esc(t("Key to the skill numbers"))}</h3><ol class="key">{key}</ol>'
    )


def _summary_rows(report: TeamReport) -> list[list[str]]:
    return [
        [
            _esc(report.skill_name(s.skill)),
            _esc(_median_text(s.median)),
            str(s.target),
            _esc(t("{met} of {rated}").format(met=len(s.met), rated=s.rated)),
            _esc(_who(s.met)),
        ]
        for s in report.summaries
    ]


SUMMARY_COLUMNS = (N_("Skill"), N_("Team median"), N_("Target"), N_("At or above"), N_("Who"))
GAP_COLUMNS = (N_("Skill"), N_("Team median"), N_("Target"), N_("Below target"), N_("Who"))
LATE_COLUMNS = (N_("Person"), N_("Last self-assessment"), N_("Due"), N_("Days overdue"))
SKIPPED_COLUMNS = (N_("File"), N_("Why it was skipped"))
SOURCE_COLUMNS = (
    N_("Person"),
    N_("File"),
    N_("Exported"),
    N_("Last self-assessment"),
    N_("Latest review"),
)


def _gap_rows(report: TeamReport) -> list[list[str]]:
    return [
        [
            _esc(report.skill_name(s.skill)),
            _esc(_median_text(s.median)),
            str(s.target),
            _esc(t("{below} of {rated}").format(below=len(s.below), rated=s.rated)),
            _esc(_who(s.below)),
        ]
        for s in report.gaps
    ]


def _late_rows(report: TeamReport) -> list[list[str]]:
    return [
        [
            _esc(member.name),
            _esc(format_date(member.assessed_at, t("never"))),
            _esc(format_date(member.due(), "—")),
            str(days),
        ]
        for member, days in report.late
    ]


def _source_rows(report: TeamReport) -> list[list[str]]:
    rows = []
    for member in report.members:
        review = ""
        if member.reviewed_at is not None:
            review = t("{reviewer}, {date}").format(
                reviewer=member.reviewer or t("a reviewer"), date=format_date(member.reviewed_at)
            )
        rows.append(
            [
                _esc(member.name),
                _esc(member.file),
                _esc(format_date(member.exported_at, "—")),
                _esc(format_date(member.assessed_at, t("never"))),
                _esc(review or "—"),
            ]
        )
    return rows


def _skipped_rows(report: TeamReport) -> list[list[str]]:
    return [[_esc(s.file), _esc(skip_text(s))] for s in report.skipped]


def _sections(report: TeamReport) -> list[tuple[str, str, str]]:
    """(id, title, intro) of each section, in order; bodies are format-specific."""
    return [
        ("people", t("Skills by person"), ""),
        ("radar", t("Team median against the target"), ""),
        (
            "coverage",
            t("Coverage per skill"),
            t("How many people meet the target of {stage} on each skill, and who.").format(
                stage=report.stage_name
            ),
        ),
        (
            "gaps",
            t("Widest gaps across the team"),
            t(
                "The skills where the team falls furthest short of the target: the median's "
                "shortfall first, then how many people are below it."
            ),
        ),
        (
            "overdue",
            t("Reassessment overdue"),
            t("People whose latest self-assessment is older than their own interval."),
        ),
        ("sources", t("Where the figures come from"), ""),
        ("skipped", t("Skipped files"), ""),
    ]


def team_html(report: TeamReport, radar_svg: bytes | None = None) -> str:
    """The report as one self-contained, accessible HTML page."""
    import base64

    from carepath.export.html_plan import CSP

    with plan_language(report.language):
        bodies: dict[str, str] = {}
        bodies["people"] = _web_heatmap(report)
        figure = ""
        if radar_svg is not None:
            uri = "data:image/svg+xml;base64," + base64.b64encode(radar_svg).decode("ascii")
            figure = (
                f'<figure><img src="{uri}" alt="{_esc(_radar_description(report))}" '
                f'width="480" height="480"></figure>'
            )
        bodies["radar"] = f"<p>{_esc(_radar_description(report))}</p>{figure}" + _web_table(
            t("Team median against the target"),
            [t(c) for c in SUMMARY_COLUMNS[:3]],
            [row[:3] for row in _summary_rows(report)],
            (1, 2),
        )
        bodies["coverage"] = _web_table(
            t("Coverage per skill"), [t(c) for c in SUMMARY_COLUMNS], _summary_rows(report), (1, 2)
        )
        bodies["gaps"] = (
            _web_table(
                t("Widest gaps across the team"),
                [t(c) for c in GAP_COLUMNS],
                _gap_rows(report),
                (1, 2),
            )
            if report.gaps
            else f"<p>{_esc(t('No skill is below target across the team.'))}</p>"
        )
        bodies["overdue"] = (
            _web_table(
                t("Reassessment overdue"), [t(c) for c in LATE_COLUMNS], _late_rows(report), (3,)
            )
            if report.late
            else f"<p>{_esc(t('Everyone has reassessed within their interval.'))}</p>"
        )
        bodies["sources"] = _web_table(
            t("Where the figures come from"),
            [t(c) for c in SOURCE_COLUMNS],
            _source_rows(report),
            (),
        )
        bodies["skipped"] = (
            _web_table(
                t("Skipped files"), [t(c) for c in SKIPPED_COLUMNS], _skipped_rows(report), ()
            )
            if report.skipped
            else f"<p>{_esc(t('No file was skipped.'))}</p>"
        )
        sections = "".join(
            f'<section aria-labelledby="{key}-title"><h2 id="{key}-title">{_esc(title)}</h2>'
            + (f"<p>{_esc(intro)}</p>" if intro else "")
            + bodies[key]
            + "</section>\n"
            for key, title, intro in _sections(report)
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{_esc(report.language)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{_esc(report.title)} — {_esc(report.read_text)}</title>\n"
            f"<style>{_WEB_CSS}</style>\n</head>\n<body>\n<main>\n"
            f'<h1>{_esc(report.title)}</h1><p class="meta">{_esc(_intro(report))}</p>\n'
            f"{sections}</main>\n</body>\n</html>\n"
        )


# --- PDF ------------------------------------------------------------------------------------------


class _Tables:
    """Where the PDF's tables are cut so that no row straddles two pages.

    Each table is written as pieces: a new piece (its header repeated, on a new page) starts at
    each cut row. ``pieces`` lists (table number, first body row) of every piece written, in
    document order, for ``pdf_plan._straddling_row`` to name the next cut (as the plan does).
    """

    def __init__(self) -> None:
        self.cuts: dict[int, set[int]] = {}
        self.pieces: list[tuple[int, int]] = []
        self._count = 0

    def restart(self) -> None:
        self.pieces = []
        self._count = 0

    def table(self, head: str, rows: Sequence[str]) -> str:
        number = self._count
        self._count += 1
        starts = sorted({0, *(c for c in self.cuts.get(number, ()) if 0 < c < len(rows))})
        html = []
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(rows)
            self.pieces.append((number, start))
            brk = " page-break-before: always;" if index else ""
            html.append(
                '<table width="100%" cellspacing="0" cellpadding="0" '
                f'style="border-collapse: collapse;{brk}">'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows[start:end])}</tbody></table>"
            )
        return "".join(html)


def _qt_table(
    tables: _Tables,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
) -> str:
    from carepath.export.html_plan import ACCENT, RULE

    cell = f"border-bottom: 1px solid {RULE}; padding: 3px 4px; font-size: 8pt;"
    head_style = f"border-bottom: 1.5px solid {ACCENT}; padding: 3px 4px; color: {ACCENT}; "
    head = "".join(
        f'<th width="{w}%" align="left" style="{head_style}">{_esc(c)}</th>'
        for c, w in zip(columns, widths, strict=True)
    )
    body = [
        "<tr>" + "".join(f'<td style="{cell}">{c}</td>' for c in cells) + "</tr>" for cells in rows
    ]
    return tables.table(head, body)


def _qt_heatmap(report: TeamReport, tables: _Tables) -> str:
    from carepath.export.html_plan import ACCENT, RULE

    cell = f"border: 1px solid {RULE}; padding: 2px; font-size: 7.5pt;"
    head = (
        f'<th width="22%" align="left" style="{cell} color: {ACCENT};">{_esc(t("Person"))}</th>'
        + "".join(
            f'<th width="5.2%" align="center" style="{cell} color: {ACCENT};">{n}</th>'
            for n in range(1, len(SKILL_IDS) + 1)
        )
    )
    rows = []
    for member in report.members:
        cells = []
        for skill in SKILL_IDS:
            level = member.levels.get(skill)
            text = _esc(level_cell_text(member, skill))
            if level is None:
                cells.append(f'<td align="center" style="{cell}">{text}</td>')
            else:
                back, ink = LEVEL_COLOURS[level]
                cells.append(
                    f'<td align="center" bgcolor="{back}" style="{cell} color: {ink};">{text}</td>'
                )
        rows.append(f'<tr><td style="{cell}">{_esc(member.name)}</td>{"".join(cells)}</tr>')
    key = " · ".join(f"{n} {_esc(name)}" for n, name in enumerate(report.skill_names, 1))
    return (
        f'<p style="font-size: 8pt;">{_esc(_heatmap_description(report))}</p>'
        + tables.table(head, rows)
        + f'<p style="font-size: 7.5pt;">{_esc(t("Key to the skill numbers"))}: {key}</p>'
    )


def team_qt_html(
    report: TeamReport, radar_url: str | None, radar_px: int, tables: _Tables | None = None
) -> str:
    """The report in QTextDocument's HTML subset (the PDF); ``tables`` says where to cut."""
    tables = tables or _Tables()
    from carepath.export.html_plan import ACCENT, MUTED

    def heading(title: str) -> str:
        return (
            f'<h2 style="color: {ACCENT}; font-size: 13pt; font-weight: 600; margin-top: 16px; '
            f'margin-bottom: 6px;">{_esc(title)}</h2>'
        )

    with plan_language(report.language):
        parts = [
            f'<h1 style="color: {ACCENT}; font-size: 18pt;">{_esc(report.title)}</h1>',
            f'<p style="color: {MUTED};">{_esc(_intro(report))}</p>',
        ]
        for key, title, intro in _sections(report):
            parts.append(heading(title))
            if intro:
                parts.append(f"<p>{_esc(intro)}</p>")
            if key == "people":
                parts.append(_qt_heatmap(report, tables))
            elif key == "radar":
                parts[-1] = parts[-1].replace("<h2 ", '<h2 style="page-break-before: always;" ', 1)
                parts.append(f"<p>{_esc(_radar_description(report))}</p>")
                if radar_url:
                    parts.append(
                        f'<p align="center"><img src="{_esc(radar_url)}" width="{radar_px}" '
                        f'height="{radar_px}"></p>'
                    )
                parts.append(
                    _qt_table(
                        tables,
                        [t(c) for c in SUMMARY_COLUMNS[:3]],
                        [row[:3] for row in _summary_rows(report)],
                        (50, 25, 25),
                    )
                )
            elif key == "coverage":
                parts.append(
                    _qt_table(
                        tables,
                        [t(c) for c in SUMMARY_COLUMNS],
                        _summary_rows(report),
                        (22, 10, 8, 10, 50),
                    )
                )
            elif key == "gaps":
                parts.append(
                    _qt_table(
                        tables, [t(c) for c in GAP_COLUMNS], _gap_rows(report), (22, 10, 8, 10, 50)
                    )
                    if report.gaps
                    else f"<p>{_esc(t('No skill is below target across the team.'))}</p>"
                )
            elif key == "overdue":
                parts.append(
                    _qt_table(
                        tables, [t(c) for c in LATE_COLUMNS], _late_rows(report), (40, 25, 20, 15)
                    )
                    if report.late
                    else f"<p>{_esc(t('Everyone has reassessed within their interval.'))}</p>"
                )
            elif key == "sources":
                parts.append(
                    _qt_table(
                        tables,
                        [t(c) for c in SOURCE_COLUMNS],
                        _source_rows(report),
                        (24, 24, 16, 16, 20),
                    )
                )
            elif key == "skipped":
                parts.append(
                    _qt_table(
                        tables, [t(c) for c in SKIPPED_COLUMNS], _skipped_rows(report), (35, 65)
                    )
                    if report.skipped
                    else f"<p>{_esc(t('No file was skipped.'))}</p>"
                )
        return "".join(parts)


def team_pdf(report: TeamReport, paper: str = "a4") -> bytes:
    """The report as PDF bytes: landscape pages, a footer on each, the radar as vectors."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QColor,
        QFontMetricsF,
        QPainter,
        QTextDocument,
    )

    from carepath.export.html_plan import MUTED
    from carepath.export.pdf_charts import register_charts
    from carepath.export.pdf_plan import (
        LAYOUT_DPI,
        MAX_TABLE_SPLITS,
        _base_font,
        _layout_device,
        _straddling_row,
        ensure_gui_application,
        paint_pages,
        pdf_writer,
    )

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, paper, f"{report.title} — {report.read_text}", landscape=True)
    resolution = writer.resolution()
    paint = writer.pageLayout().paintRectPixels(resolution)
    scale = resolution / LAYOUT_DPI
    footer = 10.0 / 25.4 * resolution
    body = QSizeF(paint.width() / scale, (paint.height() - footer) / scale)

    figure = radar_figure(report, (5.0, 5.0))
    url = "carepath-chart:team-radar"
    device = _layout_device()
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_base_font(9.0))
    doc.documentLayout().setPaintDevice(device)
    register_charts(doc, {url: figure})
    radar_px = round(min(5.0 * LAYOUT_DPI, body.height() * 0.8))
    tables = _Tables()
    for _ in range(MAX_TABLE_SPLITS):  # cut each table where a row would straddle two pages
        tables.restart()
        doc.setHtml(team_qt_html(report, url, radar_px, tables))
        doc.setPageSize(body)
        straddling = _straddling_row(doc, body.height(), tables.pieces)
        if straddling is None:
            break
        tables.cuts.setdefault(straddling[0], set()).add(straddling[1])
    pages = doc.pageCount()
    font = _base_font(7.5)
    rect = QRectF(0, paint.height() - footer * 0.6, paint.width(), footer * 0.6)

    def draw_footer(painter: QPainter, page: int) -> None:
        painter.setFont(font)
        painter.setPen(QColor(MUTED))
        metrics = QFontMetricsF(font, painter.device())
        with plan_language(report.language):
            right_text = t("Page {page} of {pages}").format(page=page, pages=pages)
        left_text = metrics.elidedText(
            f"{report.title} · {report.folder} · {report.read_text}",
            Qt.TextElideMode.ElideMiddle,
            rect.width() * 0.75,
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left_text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right_text)

    paint_pages(writer, doc, body, scale, draw_footer)
    buffer.close()
    return bytes(buffer.data().data())


def render_report(report: TeamReport, fmt: str, paper: str = "a4") -> bytes:
    """The report's bytes in ``fmt`` (one of REPORT_FORMATS)."""
    if fmt == "csv":
        return team_csv(report.members).encode("utf-8")
    if fmt == "html":
        from carepath.export.charts_images import figure_bytes

        with plan_language(report.language):
            svg = figure_bytes(radar_figure(report), "svg")
        return team_html(report, svg).encode("utf-8")
    if fmt == "pdf":
        with plan_language(report.language):
            return team_pdf(report, paper)
    raise ValueError(f"unknown team report format {fmt!r}")


def write_report(report: TeamReport, fmt: str, out: Path, paper: str = "a4") -> None:
    """Render, then write atomically: a failed render leaves no file behind."""
    from carepath.core.atomic import write_atomic

    write_atomic(out, render_report(report, fmt, paper))
