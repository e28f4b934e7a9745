"""The progress chart: one line per skill plus the average, thinned for drawing only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from carepath.charts import DARK, LIGHT, ChartTheme, downsample, progress_figure
from carepath.charts.progress import EMPTY_MESSAGE

Series = dict[str, list[tuple[datetime, float]]]
START = datetime(2020, 1, 1, tzinfo=UTC)


def _data_lines(fig: Figure) -> list[Line2D]:
    (ax,) = fig.axes
    return [line for line in ax.get_lines() if not str(line.get_label()).startswith("_")]


def _visible_texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _long_series(count: int) -> list[tuple[datetime, float]]:
    return [(START + timedelta(hours=6 * i), 1 + (i * 7919 % 401) / 100) for i in range(count)]


def test_fifteen_skills_and_the_average(progress_series: Series) -> None:
    average = [(when, 2.5) for when, _ in next(iter(progress_series.values()))]
    fig = progress_figure(progress_series, average, title="Progress")
    lines = _data_lines(fig)
    assert [str(line.get_label()) for line in lines] == [*progress_series, "Average"]
    average_line = lines[-1]
    assert average_line.get_linewidth() > max(line.get_linewidth() for line in lines[:-1])
    styles = {(line.get_linestyle(), line.get_marker()) for line in lines[:-1]}
    assert len(styles) == 15  # told apart without colour
    (legend,) = fig.legends
    assert len(legend.get_texts()) == 16
    assert "Progress" in _visible_texts(fig)
    assert "3 Competent" in [t.get_text() for t in fig.axes[0].get_yticklabels()]


@pytest.mark.parametrize(
    ("series", "average"),
    [({}, None), ({}, []), ({"Communication": []}, None)],
    ids=["nothing", "empty-average", "empty-series"],
)
def test_no_assessments_gives_a_friendly_message(
    series: Series, average: list[tuple[datetime, float]] | None
) -> None:
    fig = progress_figure(series, average)
    assert fig.axes == []
    assert EMPTY_MESSAGE in _visible_texts(fig)


def test_empty_series_are_left_out(progress_series: Series) -> None:
    series = {"Ethics": progress_series["Ethics"], "Leadership": []}
    fig = progress_figure(series)
    assert [str(line.get_label()) for line in _data_lines(fig)] == ["Ethics"]


def test_a_single_assessment_draws(tmp_path: Path) -> None:
    fig = progress_figure({"Ethics": [(START, 3.0)]}, [(START, 3.0)])
    fig.savefig(tmp_path / "one.png")
    assert (tmp_path / "one.png").stat().st_size > 0


def test_ten_thousand_assessments_are_thinned_for_drawing() -> None:
    points = _long_series(10_000)
    series = {name: points for name in ("Ethics", "Leadership", "Negotiation")}
    fig = progress_figure(series, points, max_points=400)
    for line in _data_lines(fig):
        xdata = line.get_xdata()
        assert 300 <= len(xdata) <= 400
        assert xdata[0] == points[0][0] and xdata[-1] == points[-1][0]
        ydata = np.asarray(line.get_ydata(), dtype=float)
        assert ydata.min() == min(v for _, v in points)
        assert ydata.max() == max(v for _, v in points)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_progress_figure_saves_png_and_svg(
    progress_series: Series, theme: ChartTheme, tmp_path: Path
) -> None:
    fig = progress_figure(progress_series, theme=theme)
    for suffix in ("png", "svg"):
        path = tmp_path / f"progress.{suffix}"
        fig.savefig(path)
        assert path.stat().st_size > 10_000


def test_downsample_keeps_short_series_as_they_are() -> None:
    points = _long_series(50)
    assert downsample(points, 50) == points
    assert downsample(list(reversed(points)), 400) == points  # sorted by time


def test_downsample_rejects_a_useless_limit() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        downsample(_long_series(10), 1)


def test_downsample_of_ten_thousand() -> None:
    points = _long_series(10_000)
    kept = downsample(points, 400)
    assert len(kept) <= 400
    assert kept[0] == points[0] and kept[-1] == points[-1]


@given(
    st.lists(st.floats(min_value=1, max_value=5), min_size=0, max_size=300),
    st.integers(min_value=2, max_value=60),
)
def test_downsample_properties(values: list[float], max_points: int) -> None:
    points = [(START + timedelta(days=i), v) for i, v in enumerate(values)]
    kept = downsample(points, max_points)
    assert len(kept) <= max_points
    times = [when for when, _ in kept]
    assert times == sorted(set(times))  # a subsequence in time order, no duplicates
    assert set(kept) <= set(points)
    if points:
        assert kept[0] == points[0] and kept[-1] == points[-1]
    if points and max_points >= 4:  # every bucket keeps its extremes
        assert min(v for _, v in kept) == min(values)
        assert max(v for _, v in kept) == max(values)


def _tick_texts(fig: Figure) -> list[str]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()  # a bare Figure's canvas does not really draw
    (ax,) = fig.axes
    labels = [label.get_text() for label in ax.get_xticklabels()]
    return [*labels, ax.xaxis.get_offset_text().get_text()]


@pytest.mark.parametrize(
    "minutes",
    [[0, 5], [0, 1, 2], [0, 240, 600], [0, 0.1]],
    ids=["5-minutes", "3-in-3-minutes", "morning-and-evening", "6-seconds"],
)
@pytest.mark.parametrize("width", [8.0, 4.0], ids=["pdf", "narrow"])
def test_same_day_assessments_read_as_dates_and_stay_apart(
    minutes: list[float], width: float
) -> None:
    """Assessments minutes apart: no clock on the axis ("35 40 45 … 05:53"), points apart."""
    from matplotlib import dates as mdates

    day = datetime(2026, 11, 26, 8, 51, tzinfo=UTC)
    times = [day + timedelta(minutes=m) for m in minutes]
    average = [(when, 2.0 + i / 2) for i, when in enumerate(times)]
    fig = progress_figure(
        {"Ethics": [(when, 3.0) for when in times]}, average, size_inches=(width, 4.5)
    )
    texts = _tick_texts(fig)
    assert not any(":" in text for text in texts), texts
    (ax,) = fig.axes
    for tick in ax.get_xticks():
        moment = mdates.num2date(tick, tz=UTC)
        assert (moment.hour, moment.minute, moment.second) == (0, 0, 0), texts
    assert any("Nov" in text for text in texts), texts
    low, high = ax.get_xlim()
    xs = sorted(mdates.date2num(x) for x in _data_lines(fig)[-1].get_xdata())
    assert len(set(xs)) == len(times)
    assert min(b - a for a, b in pairwise(xs)) > (high - low) / 40
    assert all(mdates.num2date(x, tz=UTC).date() == day.date() for x in xs)


def test_a_long_history_with_a_same_day_pair_keeps_its_dates() -> None:
    """A year of monthly assessments plus a second look on the last day: months on the axis."""
    times = [START + timedelta(days=30 * i) for i in range(12)]
    times.append(times[-1] + timedelta(minutes=3))
    fig = progress_figure({"Ethics": [(when, 3.0) for when in times]})
    texts = _tick_texts(fig)
    assert not any(":" in text for text in texts), texts
    xdata = _data_lines(fig)[0].get_xdata()
    assert xdata[0] == times[0]
    assert len(set(xdata)) == len(times)
