"""The radar chart: honest not-rated spokes, and redrawing "Now" alone so the window can blit."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from carepath.charts import DARK, LIGHT, ChartTheme, RadarChart, RadarData, radar_figure
from carepath.charts.radar import _fill_vertices


def _texts(chart: RadarChart) -> list[str]:
    return [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible() and t.get_text()]


def _series_lines(chart: RadarChart) -> list[Line2D]:
    return [line for line in chart.axes.get_lines() if not str(line.get_label()).startswith("_")]


def test_typical_data_builds_with_every_series(radar_data: RadarData) -> None:
    chart = RadarChart(radar_data)
    assert isinstance(chart.figure, Figure)
    labels = {str(line.get_label()) for line in _series_lines(chart)}
    assert labels == {"Now", "Target", "Previous"}
    texts = _texts(chart)
    assert "Communication" in texts
    assert any("healthcare" in text for text in texts)
    legend_texts = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert legend_texts == ["Now", "Target", "Previous"]


def test_without_previous_there_is_no_previous_outline(radar_data: RadarData) -> None:
    data = RadarData(radar_data.labels, radar_data.target, radar_data.current)
    chart = RadarChart(data)
    assert {str(line.get_label()) for line in _series_lines(chart)} == {"Now", "Target"}


def test_a_not_rated_skill_never_looks_like_a_rating(radar_data: RadarData) -> None:
    chart = RadarChart(radar_data)
    unrated = [i for i, value in enumerate(radar_data.current) if value is None]
    assert unrated  # the fixture leaves some skills not rated
    radii = np.asarray(chart._current_line.get_ydata(), dtype=float)
    assert all(math.isnan(radii[i]) for i in unrated)  # the line breaks there
    angles = chart._angles
    vertices = chart._current_fill.get_xy()
    for i in unrated:  # the shaded area only touches an unrated spoke at the centre
        on_spoke = np.isclose(vertices[:, 0] % (2 * math.pi), angles[i])
        assert np.all(vertices[on_spoke, 1] == 0)
    noted = [i for i, note in enumerate(chart._not_rated) if note.get_visible()]
    assert noted == unrated  # "not rated yet" is written along exactly those spokes
    assert not chart._nothing_rated.get_visible()


def test_nothing_rated_shows_one_note(radar_data: RadarData) -> None:
    data = RadarData(radar_data.labels, radar_data.target, [None] * 15)
    chart = RadarChart(data)
    assert chart._nothing_rated.get_visible()
    assert "Nothing rated yet" in _texts(chart)
    assert not any(note.get_visible() for note in chart._not_rated)
    assert np.isnan(np.asarray(chart._current_line.get_ydata(), dtype=float)).all()


def test_everything_rated_is_a_plain_polygon(radar_data: RadarData) -> None:
    values = [3.0] * 15
    chart = RadarChart(RadarData(radar_data.labels, radar_data.target, values))
    vertices = chart._current_fill.get_xy()
    assert np.all(vertices[:, 1] == 3.0)


def test_update_current_changes_only_the_current_series(radar_data: RadarData) -> None:
    chart = RadarChart(radar_data)
    others = [chart._target_line, chart._previous_line]
    before = [(line.get_xdata().copy(), line.get_ydata().copy()) for line in others if line]
    static_texts = [t for t in chart.figure.findobj(Text) if t not in chart.animated_artists]
    text_before = [(t.get_text(), t.get_visible()) for t in static_texts]

    new_values = [5, 5, 5, 5, 5, None, 1, 1, 1, 1, 1, 1, 1, 1, 2]
    changed = chart.update_current(new_values)

    assert changed == chart.animated_artists
    assert chart._current_line in changed and chart._current_fill in changed
    radii = np.asarray(chart._current_line.get_ydata(), dtype=float)
    assert radii[0] == 5 and math.isnan(radii[5]) and radii[-1] == 5  # closed loop
    after = [(line.get_xdata(), line.get_ydata()) for line in others if line]
    for (x0, y0), (x1, y1) in zip(before, after, strict=True):
        np.testing.assert_array_equal(x0, x1)
        np.testing.assert_array_equal(y0, y1)
    assert [(t.get_text(), t.get_visible()) for t in static_texts] == text_before
    assert [n.get_visible() for n in chart._not_rated].count(True) == 1


def test_update_current_rejects_bad_values_and_keeps_the_chart(radar_data: RadarData) -> None:
    chart = RadarChart(radar_data)
    before = np.asarray(chart._current_line.get_ydata(), dtype=float).copy()
    with pytest.raises(ValueError, match="15 values"):
        chart.update_current([3] * 14)
    with pytest.raises(ValueError, match="between 0 and 5"):
        chart.update_current([6] + [3] * 14)
    np.testing.assert_array_equal(np.asarray(chart._current_line.get_ydata()), before)


def test_radar_data_checks_lengths() -> None:
    with pytest.raises(ValueError, match="target"):
        RadarData(["a", "b", "c"], [1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="at least 3"):
        RadarData(["a", "b"], [1, 2], [1, 2])


def test_blitting_draws_what_a_full_redraw_draws(radar_data: RadarData) -> None:
    """The GUI's restore_region + draw_artist path gives the same pixels as a fresh figure."""
    new_values = [5, 4, 3, 2, 1, None, 1, 2, 3, 4, 5, 4, 3, 2, 1]
    chart = RadarChart(radar_data)
    canvas = FigureCanvasAgg(chart.figure)
    for artist in chart.animated_artists:
        artist.set_animated(True)
    canvas.draw()
    background = canvas.copy_from_bbox(chart.axes.bbox)
    changed = chart.update_current(new_values)
    canvas.restore_region(background)
    for artist in changed:
        chart.axes.draw_artist(artist)
    blitted = np.asarray(canvas.buffer_rgba()).copy()

    fresh = RadarChart(
        RadarData(radar_data.labels, radar_data.target, new_values, radar_data.previous)
    )
    fresh_canvas = FigureCanvasAgg(fresh.figure)
    fresh_canvas.draw()
    expected = np.asarray(fresh_canvas.buffer_rgba())
    assert blitted.shape == expected.shape
    differing = np.any(blitted != expected, axis=-1).mean()
    assert differing < 0.001  # identical but for antialiasing at a handful of edge pixels


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_radar_figure_saves_png_and_svg(
    radar_data: RadarData, theme: ChartTheme, tmp_path: Path
) -> None:
    fig = radar_figure(radar_data, theme)
    assert fig is not radar_figure(radar_data, theme)  # nothing is shared between calls
    png, svg = tmp_path / "radar.png", tmp_path / "radar.svg"
    fig.savefig(png)
    fig.savefig(svg)
    assert png.stat().st_size > 10_000
    assert svg.stat().st_size > 10_000


def test_level_names_label_the_rings(radar_data: RadarData) -> None:
    data = RadarData(
        radar_data.labels,
        radar_data.target,
        radar_data.current,
        level_names=["Novice", "Advanced beginner", "Competent", "Proficient", "Expert"],
    )
    chart = RadarChart(data, size_inches=(7, 7))
    assert "3 Competent" in _texts(chart)
    buffer = io.BytesIO()
    chart.figure.savefig(buffer, format="png")
    assert buffer.tell() > 0


@given(st.lists(st.one_of(st.none(), st.floats(min_value=1, max_value=5)), min_size=3, max_size=20))
def test_fill_only_reaches_rated_values(values: list[float | None]) -> None:
    radii = np.array([math.nan if v is None else v for v in values], dtype=float)
    angles = np.linspace(0, 2 * math.pi, len(values), endpoint=False)
    vertices = _fill_vertices(angles, radii)
    for theta, radius in vertices:
        if radius == 0:
            continue
        index = int(np.flatnonzero(np.isclose(angles, theta))[0])
        assert radius == radii[index]  # every outer vertex is a real rating on its own spoke
    rated = int(np.count_nonzero(~np.isnan(radii)))
    assert np.count_nonzero(vertices[:, 1]) == rated
