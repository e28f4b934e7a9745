"""Every chart stays readable at the sizes the window gives it: nothing clipped or overlapping.

Checked on real Agg draws: each label's drawn box must lie inside the figure, and no two spoke or
row labels may overlap.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

import pytest
from matplotlib.axis import XAxis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from carepath.charts import (
    LIGHT,
    RadarChart,
    RadarData,
    TimelineItem,
    progress_figure,
    timeline_figure,
)
from carepath.charts.theme import date_axis

SIZES = [(4.4, 4.4), (6, 6), (8, 5), (4.8, 3.2), (10, 7)]


def _draw(fig: Figure) -> None:
    FigureCanvasAgg(fig).draw()


def _inside(box: Bbox, fig: Figure, slack: float = 1.0) -> bool:
    outer = fig.bbox
    return (
        box.x0 >= outer.x0 - slack
        and box.y0 >= outer.y0 - slack
        and box.x1 <= outer.x1 + slack
        and box.y1 <= outer.y1 + slack
    )


def _overlapping(boxes: list[Bbox]) -> list[tuple[int, int]]:
    shrunk = [box.expanded(0.98, 0.9) for box in boxes]  # touching is fine, covering is not
    return [
        (i, j)
        for i in range(len(shrunk))
        for j in range(i + 1, len(shrunk))
        if shrunk[i].overlaps(shrunk[j])
    ]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_radar_labels_fit_and_never_overlap(
    radar_data: RadarData, size: tuple[float, float]
) -> None:
    chart = RadarChart(radar_data, LIGHT, size)
    _draw(chart.figure)
    boxes = [spoke.text.get_window_extent() for spoke in chart._spoke_labels]
    assert all(_inside(box, chart.figure) for box in boxes)
    assert _overlapping(boxes) == []
    (legend,) = chart.figure.legends
    assert _inside(legend.get_window_extent(), chart.figure)
    circle = chart.axes.get_window_extent()
    assert circle.width >= 0.3 * min(chart.figure.bbox.width, chart.figure.bbox.height)
    assert not any(box.overlaps(legend.get_window_extent()) for box in boxes)


def test_radar_relayouts_when_the_canvas_is_resized(radar_data: RadarData) -> None:
    chart = RadarChart(radar_data, LIGHT, (8, 8))
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    large = chart.axes.get_window_extent().width
    chart.figure.set_size_inches(4.4, 4.4)  # what FigureCanvasQTAgg does on a resize
    canvas.draw()
    boxes = [spoke.text.get_window_extent() for spoke in chart._spoke_labels]
    assert all(_inside(box, chart.figure) for box in boxes)
    assert chart.axes.get_window_extent().width < large


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_progress_legend_and_plot_fit(
    progress_series: dict[str, list[tuple[datetime, float]]], size: tuple[float, float]
) -> None:
    average = [(when, 2.5) for when, _ in next(iter(progress_series.values()))]
    fig = progress_figure(progress_series, average, size_inches=size, title="Progress")
    _draw(fig)
    (legend,) = fig.legends
    assert _inside(legend.get_window_extent(), fig)
    (ax,) = fig.axes
    plot = ax.get_window_extent()
    assert plot.height >= 0.35 * fig.bbox.height
    assert plot.width >= 0.4 * fig.bbox.width
    ticks = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
    assert _overlapping(ticks) == []


@pytest.mark.parametrize("size", [(4, 3), (6, 4), (8, 4.5), (10, 6)], ids=str)
def test_timeline_rows_fit_and_never_overlap(
    timeline_items: list[TimelineItem], today: date, size: tuple[float, float]
) -> None:
    items = [
        *timeline_items,
        TimelineItem("Build a professional network", date(2026, 9, 1), None, None, "in_progress"),
        TimelineItem("Apply for positions", None, None, None),
        TimelineItem("Gain healthcare experience", date(2026, 3, 1), date(2027, 3, 1), None),
    ]
    fig = timeline_figure(items, today, date(2027, 9, 1), size_inches=size)
    _draw(fig)
    (ax,) = fig.axes
    rows = [t.get_window_extent() for t in ax.get_yticklabels()]
    assert len(rows) == len(items) + 1
    assert all(_inside(box, fig) for box in rows)
    assert _overlapping(rows) == []
    ticks = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
    assert _overlapping(ticks) == []
    assert _inside(fig.legends[0].get_window_extent(), fig)


SPANS = [
    timedelta(hours=1),
    timedelta(days=1),
    timedelta(days=2, hours=3),
    timedelta(days=45),
    timedelta(days=80),
    timedelta(days=600),
    timedelta(days=900),
    timedelta(days=3650),
]


@pytest.mark.parametrize("span", SPANS, ids=str)
@pytest.mark.parametrize("maxticks", [3, 4, 5, 8])
def test_date_axis_finds_ticks_for_any_range(span: timedelta, maxticks: int) -> None:
    fig = Figure()
    ax = fig.add_subplot()
    start = datetime(2026, 1, 1)
    ax.plot([start, start + span], [1, 2])
    assert isinstance(ax.xaxis, XAxis)
    date_axis(ax.xaxis, maxticks=maxticks)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _draw(fig)
    assert 2 <= len([t for t in ax.get_xticklabels() if t.get_text()]) <= max(4, maxticks) + 1
