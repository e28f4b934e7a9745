"""The radar's review overlay: its own line style and marker, drawn in the blit background."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from carepath.charts import RadarChart, RadarData

REVIEW = [4, None, 3, 5, None, 2, 3, 4, 1, 2, 5, 3, None, 4, 2]
NEW_VALUES = [5, 4, 3, 2, 1, None, 1, 2, 3, 4, 5, 4, 3, 2, 1]


def test_the_review_has_its_own_style_marker_and_legend_entry(radar_data: RadarData) -> None:
    chart = RadarChart(replace(radar_data, review=REVIEW, review_label="Review: Ada"))
    review = chart._review_line
    assert review is not None
    others = [chart._target_line, chart._current_line, chart._previous_line]
    assert review.get_linestyle() not in {line.get_linestyle() for line in others if line}
    assert review.get_marker() not in {line.get_marker() for line in others if line}
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert "Review: Ada" in legend
    assert review not in chart.animated_artists
    assert RadarChart(radar_data)._review_line is None


def _blits(data: RadarData) -> tuple[np.ndarray, list[float]]:
    """Rating changes blitted as the Assess page does; the final pixels and each blit's time."""
    chart = RadarChart(data)
    canvas = FigureCanvasAgg(chart.figure)
    for artist in chart.animated_artists:
        artist.set_animated(True)
    canvas.draw()
    background = canvas.copy_from_bbox(chart.axes.bbox)
    other = [1 if v is None else 6 - v for v in NEW_VALUES]
    other[5] = None  # the same spoke unrated: a rating change, as on the Assess page
    timings = []
    for values in (NEW_VALUES, other) * 6 + (NEW_VALUES,):
        started = time.perf_counter()
        changed = chart.update_current(values)
        canvas.restore_region(background)
        for artist in changed:
            if artist.get_visible():
                chart.axes.draw_artist(artist)
        canvas.blit(chart.axes.bbox)
        timings.append(time.perf_counter() - started)
    return np.asarray(canvas.buffer_rgba()).copy(), timings


def test_blitting_with_a_review_draws_what_a_full_redraw_draws(radar_data: RadarData) -> None:
    """Same pixels as a fresh figure, and no slower than without the review: within a 16 ms
    frame (about 2 ms on an idle 2-core machine; a loaded one is compared with itself)."""
    data = replace(radar_data, review=REVIEW)
    blitted, with_review = _blits(data)
    _, without = _blits(radar_data)
    fresh = FigureCanvasAgg(RadarChart(replace(data, current=NEW_VALUES)).figure)
    fresh.draw()
    differing = np.any(blitted != np.asarray(fresh.buffer_rgba()), axis=-1).mean()
    assert differing < 0.001
    # The fastest blits: load from other processes only ever adds time (medians swing 2-40 ms
    # on a shared 2-core machine, with or without a review; about 2 ms when idle).
    fastest, baseline = min(with_review[1:]), min(without[1:])
    assert fastest < max(0.016, 1.5 * baseline), (with_review, without)
