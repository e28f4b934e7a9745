"""The plan's charts as image bytes: the same ``carepath.charts`` functions the window draws.

PNG at :data:`CHART_DPI` (what the window's "Save chart as…" writes too, so a chart in an export is
the chart on screen), or SVG with real text, which the HTML page carries inline and the Markdown
plan writes beside itself: sharp at any zoom (a 200 dpi PNG's labels were 5 px tall on a phone),
each with a ``<title>`` and ``<desc>`` for screen readers. Every export prints a chart no larger
than the figure's own size, so a PNG is always at least ``CHART_DPI`` dots per inch on paper.
The PDF takes the figures themselves (:func:`chart_figure`) and draws them as vectors.

Fonts: figures are built and saved inside one ``matplotlib.rc_context`` holding CarePath's font
list (glyph-by-glyph fallback from DejaVu Sans to a CJK font) and TrueType embedding for vector
output, so a Chinese or Greek name on a chart renders and stays text in a PDF or SVG.
"""

from __future__ import annotations

import base64
import html
import io
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from carepath.export.plan_content import PlanContent
from carepath.export.plan_text import N_, format_date, month_names, plan_language, t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from carepath.charts.radar import RadarData
    from carepath.charts.timeline import TimelineItem

#: Resolution of every PNG chart; the window's "Save chart as…" uses the same.
CHART_DPI = 200
#: Preferred fonts, in fallback order (matplotlib keeps only those installed, see charts.theme).
FONT_FAMILY: tuple[str, ...] = (
    "DejaVu Sans",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",
    "sans-serif",
)
#: Figure size (inches) of each chart; exports never print a chart larger than this.
CHART_SIZES: dict[str, tuple[float, float]] = {
    "radar": (6.0, 6.0),
    "timeline": (8.0, 4.8),
    "progress": (8.0, 4.5),
}
CHART_SECTIONS: dict[str, str] = {"radar": "radar", "timeline": "steps", "progress": "progress"}

ImageFormat = Literal["png", "svg"]


@dataclass(frozen=True)
class ChartImage:
    key: str
    #: PNG or SVG bytes.
    data: bytes
    mime: str
    width_in: float
    height_in: float
    #: What the chart is, in a few words ("Radar chart of the fifteen skills").
    title: str
    #: What it shows, as data in words: never the caption printed beside it again.
    description: str

    @property
    def alt(self) -> str:
        """Alternative text for an ``<img>``: the chart's title and its data in words."""
        return f"{self.title}. {self.description}"

    @property
    def extension(self) -> str:
        return "svg" if self.mime == "image/svg+xml" else "png"

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def svg_element(self, element_id: str) -> str:
        """The SVG as an element to put inside HTML: no XML prolog, ``role="img"``, and a
        ``<title>`` and ``<desc>`` (escaped) that name it to screen readers."""
        return svg_with_title(self.data.decode("utf-8"), element_id, self.title, self.description)

    def svg_document(self) -> bytes:
        """The SVG as a file of its own (beside a Markdown plan), with ``<title>``/``<desc>``."""
        text = svg_with_title(
            self.data.decode("utf-8"), f"{self.key}-chart", self.title, self.description
        )
        return ('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + text).encode("utf-8")


_SVG_OPEN = re.compile(r"<svg\b([^>]*)>", re.DOTALL)


def svg_with_title(svg: str, element_id: str, title: str, description: str) -> str:
    """matplotlib's SVG with its prolog and DOCTYPE dropped, sized by CSS (its viewBox kept),
    labelled for assistive technology by a ``<title>`` and ``<desc>`` placed first inside."""
    start = svg.index("<svg")
    match = _SVG_OPEN.match(svg, start)
    if match is None:
        raise ValueError("not an SVG document")
    attributes = re.sub(r'\s(width|height)="[^"]*"', "", match.group(1))
    ids = f"{element_id}-title {element_id}-desc"
    opening = (
        f'<svg{attributes} id="{element_id}" role="img" aria-labelledby="{ids}">'
        f'<title id="{element_id}-title">{html.escape(title)}</title>'
        f'<desc id="{element_id}-desc">{html.escape(description)}</desc>'
    )
    return opening + _unreferenced_ids_dropped(svg[match.end() :].strip())


_ID = re.compile(r'\sid="([^"]*)"')
_REFERENCE = re.compile(r'(?:url\(#|href="#)([^)"]+)')


def _unreferenced_ids_dropped(svg: str) -> str:
    """matplotlib names every group ("figure_1", "axes_1", "text_3"); three charts in one page
    would repeat those ids. Only ids something points at (clip paths, with random names) stay."""
    referenced = set(_REFERENCE.findall(svg))
    return _ID.sub(lambda m: m.group(0) if m.group(1) in referenced else "", svg)


@contextmanager
def chart_fonts() -> Iterator[None]:
    """Font list and TrueType embedding for building and saving a figure."""
    import matplotlib

    from carepath.charts.theme import font_family

    settings: dict[str, Any] = {
        "font.family": font_family() or list(FONT_FAMILY),
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
    }
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        yield


def figure_bytes(fig: Figure, fmt: ImageFormat = "png", dpi: float = CHART_DPI) -> bytes:
    """A finished figure as PNG (at ``dpi``) or SVG bytes, through charts.theme.save_figure.

    SVG keeps its words as text (``svg.fonttype`` "none"): they stay sharp at any zoom, can be
    searched and read aloud, and the browser's own font fallback draws any script.
    """
    from carepath.charts.theme import save_figure

    buffer = io.BytesIO()
    with chart_fonts():
        if fmt == "svg":
            save_figure(fig, buffer, "svg", svg_text="text")
        else:
            save_figure(fig, buffer, fmt, dpi=dpi)
    _forget_renderer(fig)
    return buffer.getvalue()


def _forget_renderer(fig: Figure) -> None:
    """Let the pixels a figure was saved from go now, not at the next full garbage collection.

    Every text keeps the renderer that last drew it (matplotlib's private ``Text._renderer``),
    and a figure is a web of reference cycles that only that collection frees: 6 MB of pixels
    a chart at 200 dpi, which made an HTML plan hold all three charts' at once (issue 6).
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text._renderer = None  # type: ignore[attr-defined]


def radar_data(content: PlanContent) -> RadarData:
    from carepath.charts.radar import RadarData

    radar = content.radar
    language = content.language
    return RadarData(
        labels=radar.labels,
        target=radar.target,
        current=radar.current,
        previous=radar.previous,
        target_label=radar.target_label,
        current_label=t("Now", language),
        previous_label=t("Previous", language),
        not_rated_label=t("not rated yet", language),
        nothing_rated_label=t("Nothing rated yet", language),
        level_names=radar.level_names,
    )


def timeline_items(content: PlanContent) -> list[TimelineItem]:
    from carepath.charts.timeline import items_from_rows

    return items_from_rows(content.timeline)


def chart_keys(content: PlanContent) -> list[str]:
    """The charts this plan shows: its sections chosen, and only charts with something to draw."""
    keys = []
    if content.includes("radar"):
        keys.append("radar")
    if content.includes("steps") and content.has_timeline:
        keys.append("timeline")
    if content.includes("progress") and content.progress is not None:
        keys.append("progress")
    return keys


def chart_figure(content: PlanContent, key: str) -> Figure:
    """The figure for one chart of the plan, built by the same function the window uses."""
    size = CHART_SIZES[key]
    with chart_fonts(), plan_language(content.language):
        if key == "radar":
            from carepath.charts.radar import radar_figure

            return radar_figure(radar_data(content), size_inches=size)
        if key == "timeline":
            from carepath.charts.timeline import timeline_figure

            return timeline_figure(
                timeline_items(content),
                content.generated_on,
                projected_finish=content.projected_finish,
                size_inches=size,
                today_label=t("Today"),
                finish_label=t("Projected finish"),
                status_labels={
                    "done": t("Done"),
                    "in_progress": t("In progress"),
                    "not_started": t("Not started"),
                },
                overdue_label=t("overdue"),
                no_dates_label=t("no dates yet"),
                empty_message=t("No steps to show yet."),
                undated_message=t(
                    "No dates yet — give a step a start or target date to see it on the timeline."
                ),
                month_names=month_names(),
            )
        if key == "progress":
            from carepath.charts.progress import progress_figure

            progress = content.progress
            assert progress is not None
            return progress_figure(
                progress.series,
                average=progress.average,
                size_inches=size,
                level_names=progress.level_names,
                average_label=t("Average"),
                empty_message=t("No assessments yet — rate yourself to start your progress chart."),
                month_names=month_names(),
            )
    raise ValueError(f"unknown chart {key!r}")


CHART_TITLES: dict[str, str] = {
    "radar": N_("Radar chart of the fifteen skills"),
    "timeline": N_("Timeline of the steps on your path"),
    "progress": N_("Line chart of levels over time"),
}


def chart_title(content: PlanContent, key: str) -> str:
    return t(CHART_TITLES[key], content.language)


def chart_description(content: PlanContent, key: str) -> str:
    """The chart's data in one or two sentences, for its ``<desc>`` and alternative text.

    It says what the caption does not: the caption explains how to read the chart, this gives
    what a sighted reader takes from it.
    """
    with plan_language(content.language):
        if key == "radar":
            return _radar_description(content)
        if key == "timeline":
            return _timeline_description(content)
        return _progress_description(content)


def _radar_description(content: PlanContent) -> str:
    rated = [
        t("{skill} {level} (target {target})").format(
            skill=row.name, level=row.level, target=row.target
        )
        for row in content.skills
        if row.level is not None
    ]
    if not rated:
        return t("Nothing is rated yet; only the target profile is drawn.")
    text = t("Levels now, out of 5: {levels}.").format(levels="; ".join(rated))
    missing = len(content.skills) - len(rated)
    if missing:
        text += " " + t("{count} skills not rated yet.").format(count=missing)
    return text


def _timeline_description(content: PlanContent) -> str:
    dated = [row for row in content.timeline if row.start or row.end or row.done]
    parts = []
    for row in dated:
        start = format_date(row.start, short=True) if row.start else "—"
        end = format_date(row.done or row.end, short=True) if (row.done or row.end) else "—"
        parts.append(f"{row.label}: {start} – {end}")
    text = t("{count} of {total} steps have dates: {steps}.").format(
        count=len(dated), total=len(content.timeline), steps="; ".join(parts)
    )
    if content.projected_finish is not None:
        text += " " + t("Projected finish: {date}.").format(
            date=format_date(content.projected_finish)
        )
    return text


def _progress_description(content: PlanContent) -> str:
    progress = content.progress
    if progress is None or not progress.average:
        return t("No progress to show yet.")
    (first_day, first), (last_day, last) = progress.average[0], progress.average[-1]
    return t("Average level {first} on {start}, {last} on {end}, over {count} assessments.").format(
        first=f"{first:.1f}",
        start=format_date(first_day, short=True),
        last=f"{last:.1f}",
        end=format_date(last_day, short=True),
        count=len(progress.average),
    )


#: Recently drawn charts, so that exporting the same plan in a second format (or twice) does not
#: draw every chart again; keyed by everything the chart shows, so a change always redraws.
_CACHE: OrderedDict[tuple[str, str, float, str], bytes] = OrderedDict()
_CACHE_SIZE = 9
_CACHE_LOCK = threading.Lock()


def _fingerprint(content: PlanContent, key: str) -> str:
    return content.language + ":" + _drawn(content, key)


def _drawn(content: PlanContent, key: str) -> str:
    if key == "radar":
        return repr(content.radar)
    if key == "timeline":
        return repr((content.timeline, content.generated_on, content.projected_finish))
    progress = content.progress
    return repr(
        None
        if progress is None
        else (sorted(progress.series.items()), progress.average, progress.level_names)
    )


def render_chart(
    content: PlanContent, key: str, fmt: ImageFormat = "png", dpi: float = CHART_DPI
) -> ChartImage:
    """One chart of the plan as image bytes (from a small cache when nothing changed)."""
    width, height = CHART_SIZES[key]
    cache_key = (key, fmt, float(dpi), _fingerprint(content, key))
    with _CACHE_LOCK:
        data = _CACHE.get(cache_key)
        if data is not None:
            _CACHE.move_to_end(cache_key)
    if data is None:
        data = figure_bytes(chart_figure(content, key), fmt, dpi)
        with _CACHE_LOCK:
            _CACHE[cache_key] = data
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return ChartImage(
        key,
        data,
        mime,
        width,
        height,
        chart_title(content, key),
        chart_description(content, key),
    )


def render_charts(
    content: PlanContent, fmt: ImageFormat = "png", dpi: float = CHART_DPI
) -> dict[str, ChartImage]:
    """Every chart the plan shows, keyed "radar", "timeline", "progress"."""
    return {key: render_chart(content, key, fmt, dpi) for key in chart_keys(content)}
