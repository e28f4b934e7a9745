"""The progress chart: each skill's level (and the average) over time.

Ratings are whole levels, so many lines overlap; series are told apart by dash pattern and marker
as well as colour (``SERIES_STYLES``), and the average is drawn thick, on top, with a halo.
A long history is thinned for drawing only (``downsample``): a chart 800 px wide cannot show more
than a few hundred points per line, and matplotlib's time is proportional to the points it is
given, so a decade of daily ratings still draws in a few tens of milliseconds.

The time axis reads as dates, never as hours or seconds: assessments are days in a person's
life, and two taken minutes apart (a correction, a second look) must not turn the axis into a
clock ("35 40 45 … 05:53"). So a chart always spans at least :data:`MIN_SPAN_DAYS` days, which
keeps matplotlib's locator on days or coarser, and points that share a calendar day are spread
evenly across that day (``spread_same_day``), so they stay apart on a short chart while every
point still sits inside its own day.
"""

from __future__ import annotations

import operator
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, tzinfo
from itertools import islice
from operator import itemgetter
from typing import Literal

import numpy as np
from matplotlib import patheffects
from matplotlib.figure import Figure

from carepath.charts.theme import (
    LEVEL_MAX,
    LEVEL_MIN,
    LEVEL_NAMES,
    LIGHT,
    SERIES_STYLES,
    ChartTheme,
    apply_theme,
    date_axis,
    legend_columns,
    level_tick_labels,
    message_figure,
    new_figure,
)

Point = tuple[datetime, float]

EMPTY_MESSAGE = "No assessments yet — rate yourself to start your progress chart."
#: Below this many points a line shows a marker at every point; above, markers are spaced out
#: along the line (they identify the series, they are not the data).
_ALL_MARKERS_UP_TO = 30
_MARKERS_PER_LINE = 12
_HALO_UP_TO = 100
_LEGEND_HANDLE = 3.0
_ROW_EM = 1.75  # height of one legend row, in font sizes
_SIDE_WRAP = 22  # characters per line of a legend down the side
_MIN_FONT = 7.0
#: Below this width (inches) the level axis shows bare numbers, leaving the room to the lines.
_NAMED_LEVELS_FROM = 5.5
#: The shortest time a chart spans; below about two days matplotlib would tick hours or seconds.
MIN_SPAN_DAYS = 4.0


def downsample(points: Sequence[Point], max_points: int) -> list[Point]:
    """At most ``max_points`` of ``points``, chosen so the drawn line keeps its shape.

    The first and last points are always kept (the chart's time range and the latest rating stay
    exact); the points between are cut into equal buckets and each bucket keeps its lowest and
    highest value, in time order, so no dip or peak disappears. Points are sorted by time first
    if they are not already. For drawing only: never feed the result into averages or trends.
    """
    if max_points < 2:
        raise ValueError(f"max_points must be at least 2, got {max_points}")
    ordered = list(points)
    times = list(map(itemgetter(0), ordered))  # map/itemgetter: C loops, ~10x a generator
    if not all(map(operator.le, times, islice(times, 1, None))):
        ordered.sort(key=itemgetter(0))
    if len(ordered) <= max_points:
        return ordered
    first, interior, last = ordered[0], ordered[1:-1], ordered[-1]
    buckets = (max_points - 2) // 2
    if buckets == 0:
        return [first, last]
    values = np.fromiter(map(itemgetter(1), interior), dtype=np.float64, count=len(interior))
    kept: list[Point] = [first]
    size = len(interior)
    for bucket in range(buckets):
        start, stop = bucket * size // buckets, (bucket + 1) * size // buckets
        if start == stop:
            continue
        chunk = values[start:stop]
        low, high = start + int(np.argmin(chunk)), start + int(np.argmax(chunk))
        for index in sorted({low, high}):
            kept.append(interior[index])
    kept.append(last)
    return kept


def _timezone(points: Sequence[Point]) -> tzinfo | None:
    return points[0][0].tzinfo if points else None


def spread_same_day(times: Sequence[datetime], tz: tzinfo | None) -> dict[datetime, datetime]:
    """Where to draw the moments that move: points alone on their day stay where they are (and
    are left out of the answer); k moments that share a calendar day (in ``tz``) go to its
    midnight plus 0, 1/k, 2/k ... of the day, in time order. Every point stays inside its own
    day, so the date axis never lies about it."""
    by_day: dict[object, list[datetime]] = {}
    for when in sorted(set(times)):
        local = when.astimezone(tz) if tz is not None and when.tzinfo is not None else when
        by_day.setdefault(local.date(), []).append(when)
    placed: dict[datetime, datetime] = {}
    for moments in by_day.values():
        if len(moments) == 1:
            continue
        first = moments[0]
        local = first.astimezone(tz) if tz is not None and first.tzinfo is not None else first
        midnight = datetime.combine(local.date(), time(), tzinfo=local.tzinfo)
        for index, when in enumerate(moments):
            where = midnight + timedelta(days=index / len(moments))
            if where != when:
                placed[when] = where
    return placed


def _keep_to_days(ax: object, times: Sequence[datetime]) -> None:
    """Widen a chart shorter than MIN_SPAN_DAYS around its points, so its ticks are days."""
    from matplotlib import dates as mdates

    low, high = (float(mdates.date2num(when)) for when in (min(times), max(times)))  # type: ignore[no-untyped-call, unused-ignore]
    if high - low >= MIN_SPAN_DAYS:
        return
    middle = (low + high) / 2
    ax.set_xlim(middle - MIN_SPAN_DAYS / 2, middle + MIN_SPAN_DAYS / 2)  # type: ignore[attr-defined]


def progress_figure(
    series: Mapping[str, Sequence[Point]],
    average: Sequence[Point] | None = None,
    theme: ChartTheme = LIGHT,
    size_inches: tuple[float, float] = (8, 4.5),
    max_points: int = 400,
    title: str | None = None,
    *,
    average_label: str = "Average",
    empty_message: str = EMPTY_MESSAGE,
    level_names: Sequence[str] | None = LEVEL_NAMES,
    month_names: Sequence[str] | None = None,
) -> Figure:
    """One line per named series (legend label = its key), plus the average drawn bold.

    Series with no points are left out (and out of the legend); if nothing is left, the figure is
    a friendly sentence instead of empty axes. The date axis uses the time zone of the first
    point, so an assessment taken late in the evening stays on its own day.
    """
    drawn = {name: points for name, points in series.items() if points}
    average_points = list(average or [])
    if not drawn and not average_points:
        return message_figure(empty_message, theme, size_inches)

    tz = _timezone(next(iter(drawn.values()), average_points))
    moments = [when for points in (*drawn.values(), average_points) for when, _ in points]
    placed = spread_same_day(moments, tz)
    if placed:  # a 10,000-point history usually has nothing to move: no copy then
        drawn = {name: [(placed.get(w, w), v) for w, v in pts] for name, pts in drawn.items()}
        average_points = [(placed.get(w, w), v) for w, v in average_points]
        moments = [placed.get(w, w) for w in moments]

    fig = new_figure(theme, size_inches)
    ax = fig.add_subplot()
    for index, (name, points) in enumerate(drawn.items()):
        colour, linestyle, marker = SERIES_STYLES[index % len(SERIES_STYLES)]
        shown = downsample(points, max_points)
        # Stagger where spaced-out markers start so that overlapping lines show all their markers.
        step = max(1, len(shown) // _MARKERS_PER_LINE)
        offset = (index * 5) % step
        ax.plot(
            np.array([when for when, _ in shown], dtype=object),
            [value for _, value in shown],
            color=colour,
            linestyle=linestyle,
            linewidth=1.4,
            marker=marker,
            markersize=4.5,
            markevery=None if len(shown) <= _ALL_MARKERS_UP_TO else (offset, step),
            label=name,
            zorder=3,
        )
    if average_points:
        shown = downsample(average_points, max_points)
        ax.plot(
            np.array([when for when, _ in shown], dtype=object),
            [value for _, value in shown],
            color=theme.average,
            linestyle="-",
            linewidth=3.2,
            marker="D",
            markersize=5.5,
            markevery=None
            if len(shown) <= _ALL_MARKERS_UP_TO
            else max(1, len(shown) // _MARKERS_PER_LINE),
            label=average_label,
            zorder=5,
            # A halo lifts the average off the skill lines beneath it; on a long, dense line it
            # would double the drawing time and the line's width already stands out.
            path_effects=[patheffects.withStroke(linewidth=6, foreground=theme.background)]
            if len(shown) <= _HALO_UP_TO
            else [],
        )

    date_axis(
        ax.xaxis,
        tz,
        maxticks=max(3, min(8, round(size_inches[0] * 0.9))),
        month_names=month_names,
    )
    _keep_to_days(ax, moments)
    ax.set_ylim(LEVEL_MIN - 0.3, LEVEL_MAX + 0.3)
    narrow = size_inches[0] < _NAMED_LEVELS_FROM
    ax.set_yticks(
        range(LEVEL_MIN, LEVEL_MAX + 1), level_tick_labels(None if narrow else level_names)
    )
    ax.grid(True, axis="y", color=theme.grid, linewidth=0.8)
    ax.grid(True, axis="x", color=theme.grid, linewidth=0.5, alpha=0.6)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(title, fontsize=theme.font_size * 1.2)

    handles, labels = ax.get_legend_handles_labels()
    placement = _legend_placement(labels, theme, size_inches)
    fig.legend(
        handles,
        placement.labels,
        loc=placement.loc,
        ncols=placement.columns,
        frameon=False,
        fontsize=placement.font_size,
        handlelength=_LEGEND_HANDLE,
    )
    apply_theme(fig, theme)
    return fig


@dataclass(frozen=True)
class _LegendPlacement:
    loc: Literal["outside lower center", "outside right upper"]
    columns: int
    font_size: float
    labels: list[str]


def _legend_placement(
    labels: Sequence[str], theme: ChartTheme, size_inches: tuple[float, float]
) -> _LegendPlacement:
    """Where the legend goes so that up to 16 entries stay readable without crushing the plot.

    Below the chart in as many columns as fit, if that takes at most a third of the height
    (shrinking the font a little first); otherwise down the right-hand side in one column with
    long names wrapped, which is what a short, wide window needs.
    """
    width, height = size_inches[0], size_inches[1] * 72
    sizes = sorted({theme.font_size * f for f in (1.0, 0.9, 0.8)} | {_MIN_FONT}, reverse=True)
    sizes = [size for size in sizes if size >= min(_MIN_FONT, theme.font_size)]
    for size in sizes:
        columns = legend_columns(
            labels,
            replace(theme, font_size=size),
            width,
            handle_length=_LEGEND_HANDLE,
            max_columns=5,
        )
        rows = -(-len(labels) // columns)
        if rows * _ROW_EM * size + 6 <= height / 3:
            return _LegendPlacement("outside lower center", columns, size, list(labels))
    wrapped = [textwrap.fill(label, _SIDE_WRAP) for label in labels]
    lines = sum(label.count("\n") + 1 for label in wrapped)
    for size in sizes:
        if lines * _ROW_EM * size <= 0.92 * height:
            return _LegendPlacement("outside right upper", 1, size, wrapped)
    return _LegendPlacement("outside right upper", 1, sizes[-1], wrapped)
