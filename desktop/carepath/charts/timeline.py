"""The timeline of the ten steps into the role, drawn against today's date.

Each step is one row, in order, first at the top. Status is shown three ways at once, so it reads
in greyscale and for colour-blind users: *done* is a solid bar, *in progress* a hatched bar,
*not started* a dashed outline, each in its own colour. An overdue step gets a thick alert-coloured
edge and the word "overdue" after it. A step with a single date is a diamond filled the same way
(solid, half, hollow); a step with no dates says "no dates yet" instead of pretending to a place.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypedDict

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.typing import LineStyleType

from carepath.charts.theme import (
    LIGHT,
    ChartTheme,
    apply_theme,
    date_axis,
    date_number,
    legend_columns,
    message_figure,
    new_figure,
    style_legend,
    text_width,
)
from carepath.core.steps import TimelineRow

STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done")
STATUS_LABELS: Mapping[str, str] = {
    "done": "Done",
    "in_progress": "In progress",
    "not_started": "Not started",
}
EMPTY_MESSAGE = "No steps to show yet."
UNDATED_MESSAGE = "No dates yet — give a step a start or target date to see it on the timeline."
_HATCH = "////"
_BAR_HEIGHT = 0.56
_LABEL_WRAP = 30
_NO_WRAP = 80
_MIN_FONT = 7.0
_HANDLE = 2.4


@dataclass(frozen=True)
class TimelineItem:
    """One step as the timeline needs it: dates, status and whether it is overdue.

    ``end`` is the target date. ``overdue`` is decided by the caller (it knows "today" and the
    rules, see ``StepProgress.is_overdue``) so the chart never disagrees with the rest of the app.
    """

    label: str
    start: date | None
    end: date | None
    done: date | None
    status: str = "not_started"
    overdue: bool = False

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; expected one of {STATUSES}")


def items_from_rows(rows: Iterable[TimelineRow]) -> list[TimelineItem]:
    """The core's timeline rows (``core.steps.timeline_rows``) as chart items, in order."""
    return [
        TimelineItem(
            label=row.label,
            start=row.start,
            end=row.end,
            done=row.done,
            status=row.status,
            overdue=row.overdue,
        )
        for row in rows
    ]


def _span(item: TimelineItem, today: date) -> tuple[date, date] | None:
    """The dates a step's bar covers, or ``None`` when it has none to show.

    A done step runs from its start to when it was done (else its target date); a step in
    progress without a start or a target runs up to or from today, because the work is happening
    now; a step not started runs from its planned start to its target.
    """
    if item.status == "done":
        points = [item.start, item.done or item.end]
    elif item.status == "in_progress" and (item.start is None) != (item.end is None):
        points = [item.start or today, item.end or today]
    else:
        points = [item.start, item.end]
    known = [point for point in points if point is not None]
    if not known:
        return None
    return min(known), max(known)


class _BarStyle(TypedDict, total=False):
    facecolor: str
    edgecolor: str
    hatch: str
    linestyle: LineStyleType
    linewidth: float


class _MarkerStyle(TypedDict):
    marker: str
    markersize: float
    color: str
    markeredgecolor: str
    markerfacecoloralt: str
    fillstyle: str
    markeredgewidth: float
    linestyle: str


def _status_style(status: str, theme: ChartTheme) -> _BarStyle:
    if status == "done":
        return {"facecolor": theme.current, "edgecolor": theme.current, "linewidth": 1.0}
    if status == "in_progress":
        return {
            "facecolor": "none",
            "edgecolor": theme.target,
            "hatch": _HATCH,
            "linewidth": 1.2,
        }
    return {"facecolor": "none", "edgecolor": theme.previous, "linestyle": "--", "linewidth": 1.2}


def _milestone_style(status: str, theme: ChartTheme) -> _MarkerStyle:
    colour = {"done": theme.current, "in_progress": theme.target}.get(status, theme.previous)
    fill = {"done": "full", "in_progress": "left"}.get(status, "none")
    return {
        "marker": "D",
        "markersize": 9,
        "color": colour,
        "markeredgecolor": colour,
        "markerfacecoloralt": theme.background,
        "fillstyle": fill,
        "markeredgewidth": 1.4,
        "linestyle": "none",
    }


def _draw_step(
    ax: Axes,
    row: int,
    item: TimelineItem,
    span: tuple[date, date],
    theme: ChartTheme,
    overdue_label: str,
) -> None:
    left, right = date_number(span[0]), date_number(span[1])
    if right > left:
        ax.barh(
            row,
            right - left,
            left=left,
            height=_BAR_HEIGHT,
            zorder=3,
            **_status_style(item.status, theme),
        )
        if item.overdue:
            ax.barh(
                row,
                right - left,
                left=left,
                height=_BAR_HEIGHT,
                fill=False,
                edgecolor=theme.alert,
                linewidth=2.4,
                zorder=4,
            )
    else:
        style = _milestone_style(item.status, theme)
        if item.overdue:
            style["markeredgecolor"] = theme.alert
            style["markeredgewidth"] = 2.4
        ax.plot([left], [row], zorder=4, **style)
    if item.overdue:
        ax.annotate(
            overdue_label,
            xy=(right, row),
            xytext=(6 if right > left else 10, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            color=theme.alert,
            fontsize=theme.font_size,
            zorder=5,
        )


def _write_undated(
    ax: Axes, rows: Sequence[int], label: str, today: date, theme: ChartTheme
) -> None:
    """ "no dates yet" on each undated row, on the wider side of the Today line, never across it.

    Call it once the x limits are set: the words start just right of the line when that side
    is the wider one (a new record, where every date lies ahead), else they end just left of it.
    """
    left, right = ax.get_xlim()
    today_x = date_number(today)
    right_side = (today_x - left) <= (right - left) / 2
    for row in rows:
        ax.annotate(
            label,
            xy=(today_x, row),
            xytext=(6 if right_side else -6, 0),
            textcoords="offset points",
            ha="left" if right_side else "right",
            va="center",
            color=theme.muted,
            fontsize=theme.font_size,
            fontstyle="italic",
            zorder=7,
        )


def _legend_handles(
    items: Sequence[TimelineItem],
    theme: ChartTheme,
    status_labels: Mapping[str, str],
    today_label: str,
    finish_label: str | None,
    overdue_label: str,
) -> list[Artist]:
    handles: list[Artist] = [
        Patch(label=status_labels[status], **_status_style(status, theme))
        for status in ("done", "in_progress", "not_started")
    ]
    if any(item.overdue for item in items):
        title = overdue_label[:1].upper() + overdue_label[1:]
        handles.append(Patch(facecolor="none", edgecolor=theme.alert, linewidth=2.4, label=title))
    handles.append(
        Line2D([], [], color=theme.foreground, linestyle="-.", linewidth=1.2, label=today_label)
    )
    if finish_label is not None:
        handles.append(
            Line2D(
                [],
                [],
                color=theme.average,
                marker="*",
                markersize=12,
                linestyle="none",
                label=finish_label,
            )
        )
    return handles


def _fit_text(
    theme: ChartTheme,
    size_inches: tuple[float, float],
    row_labels: Sequence[str],
    legend_labels: Sequence[str],
) -> tuple[ChartTheme, int, float]:
    """The font size and label wrap at which every row and the legend fit the figure.

    Tries the theme's font, then smaller ones down to 7 pt; at each, row labels on one line if
    they leave the bars most of the width, else wrapped. Returns the adjusted theme, the wrap
    width and the widest row label in points (the date axis gets the rest).
    """
    width, height = size_inches[0] * 72, size_inches[1] * 72
    base = theme.font_size
    sizes = sorted({base, base * 0.9, base * 0.8, min(base, _MIN_FONT)}, reverse=True)
    for size in sizes:
        sized = replace(theme, font_size=size)
        columns = legend_columns(legend_labels, sized, size_inches[0], handle_length=_HANDLE)
        legend_height = -(-len(legend_labels) // columns) * 1.75 * size
        for wrap in (_NO_WRAP, _LABEL_WRAP):
            texts = [textwrap.fill(label, wrap) for label in row_labels]
            lines = max(text.count("\n") + 1 for text in texts)
            label_width = max(text_width(text, size) for text in texts)
            rows_height = len(row_labels) * (0.6 + 1.25 * lines) * size
            # Room also for the date labels and "Today" above the plot (about 5 lines).
            fits_height = rows_height + legend_height + 5 * size + 16 <= height
            if fits_height and label_width <= 0.42 * width:
                return sized, wrap, label_width
    # Nothing fits: one line per label at the smallest size. A narrower plot still reads;
    # labels running into each other do not.
    smallest = sizes[-1]
    widest = max(text_width(label, smallest) for label in row_labels)
    return replace(theme, font_size=smallest), _NO_WRAP, widest


def timeline_figure(
    items: Sequence[TimelineItem],
    today: date,
    projected_finish: date | None = None,
    theme: ChartTheme = LIGHT,
    size_inches: tuple[float, float] = (8, 4.5),
    today_label: str = "Today",
    finish_label: str = "Projected finish",
    *,
    status_labels: Mapping[str, str] | None = None,
    overdue_label: str = "overdue",
    no_dates_label: str = "no dates yet",
    empty_message: str = EMPTY_MESSAGE,
    undated_message: str = UNDATED_MESSAGE,
    month_names: Sequence[str] | None = None,
) -> Figure:
    """Horizontal bars on a date axis, one row per step, with today and the projected finish.

    With no steps, or no date anywhere to place one, the figure is a sentence saying what to do
    instead of an empty grid. All visible words are parameters so that the GUI can translate them.
    """
    labels = {**STATUS_LABELS, **(status_labels or {})}
    spans = [_span(item, today) for item in items]
    if not items:
        return message_figure(empty_message, theme, size_inches)
    if all(span is None for span in spans) and projected_finish is None:
        return message_figure(undated_message, theme, size_inches)

    overdue_title = overdue_label[:1].upper() + overdue_label[1:]
    legend_labels = [
        labels["done"],
        labels["in_progress"],
        labels["not_started"],
        *([overdue_title] if any(item.overdue for item in items) else []),
        today_label,
        *([finish_label] if projected_finish is not None else []),
    ]
    row_texts = [item.label for item in items]
    if projected_finish is not None:
        row_texts.append(finish_label)
    theme, wrap, label_width = _fit_text(theme, size_inches, row_texts, legend_labels)

    fig = new_figure(theme, size_inches)
    ax = fig.add_subplot()
    undated_rows = []
    for row, (item, span) in enumerate(zip(items, spans, strict=True)):
        if span is None:
            undated_rows.append(row)
        else:
            _draw_step(ax, row, item, span, theme, overdue_label)

    row_labels = [textwrap.fill(item.label, wrap) for item in items]
    dates = [today] + [day for span in spans if span is not None for day in span]
    if projected_finish is not None:
        finish_row = len(items)
        ax.plot(
            [date_number(projected_finish)],
            [finish_row],
            marker="*",
            markersize=14,
            color=theme.average,
            markeredgecolor=theme.background,
            markeredgewidth=0.8,
            linestyle="none",
            zorder=5,
        )
        ax.annotate(
            projected_finish.isoformat(),
            xy=(date_number(projected_finish), finish_row),
            xytext=(9, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            color=theme.foreground,
            fontsize=theme.font_size,
        )
        ax.axhline(finish_row - 0.5, color=theme.grid, linewidth=0.8, zorder=1)
        row_labels.append(finish_label)
        dates.append(projected_finish)

    ax.axvline(date_number(today), color=theme.foreground, linestyle="-.", linewidth=1.2, zorder=6)
    ax.annotate(
        today_label,
        xy=(date_number(today), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        color=theme.foreground,
        fontsize=theme.font_size,
    )

    first, last = min(dates), max(dates)
    span_days = max((last - first).days, 14)
    # Room on the right for "overdue" and the finish date, a little on the left for the edges.
    ax.set_xlim(
        date_number(first - timedelta(days=span_days * 0.04)),
        date_number(last + timedelta(days=span_days * 0.16)),
    )
    _write_undated(ax, undated_rows, no_dates_label, today, theme)
    axes_inches = size_inches[0] - label_width / 72 - 0.4
    date_axis(ax.xaxis, maxticks=max(3, min(8, round(axes_inches * 1.2))), month_names=month_names)
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.set_ylim(len(row_labels) - 0.5, -0.5)  # first step at the top
    ax.tick_params(axis="y", length=0)
    ax.grid(True, axis="x", color=theme.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    handles = _legend_handles(
        items,
        theme,
        labels,
        today_label,
        finish_label if projected_finish is not None else None,
        overdue_label,
    )
    legend = fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=legend_columns(
            [str(handle.get_label()) for handle in handles],
            theme,
            size_inches[0],
            handle_length=_HANDLE,
        ),
        frameon=False,
        fontsize=theme.font_size,
        handlelength=_HANDLE,
    )
    style_legend(legend, theme)
    apply_theme(fig, theme)
    return fig
