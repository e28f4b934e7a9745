"""The Agg canvas widget: what is on screen is the figure matplotlib drew, at the widget's size."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from PySide6.QtGui import QImage

from carepath.ui.agg_canvas import AggCanvas


def _figure() -> Figure:
    figure = Figure(figsize=(4, 3), dpi=100)
    axes = figure.add_subplot()
    axes.plot([0, 1, 2], [2, 0, 1], color="#0072B2", linewidth=3)
    axes.set_title("canvas")
    return figure


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    # A copy: the array must not outlive the image whose memory it reads.
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def test_the_widget_shows_the_agg_pixels_at_its_own_size(qtbot) -> None:
    figure = _figure()
    canvas = AggCanvas(figure)
    qtbot.addWidget(canvas)
    canvas.resize(320, 200)
    canvas.show()
    qtbot.waitExposed(canvas)
    drawn: list[object] = []
    canvas.mpl_connect("draw_event", drawn.append)
    canvas.draw()
    assert drawn and figure.canvas.get_width_height() == (320, 200)
    assert tuple(figure.get_size_inches() * figure.dpi) == (320, 200)
    on_screen = _pixels(canvas.grab().toImage())
    agg = np.asarray(figure.canvas.buffer_rgba())
    assert on_screen.shape == (200, 320 * 4)
    assert np.array_equal(on_screen, agg.reshape(200, 320 * 4))


def test_draw_idle_draws_once_and_a_resize_follows(qtbot) -> None:
    canvas = AggCanvas(_figure())
    qtbot.addWidget(canvas)
    canvas.resize(300, 220)
    canvas.show()
    qtbot.waitExposed(canvas)
    draws: list[object] = []
    resizes: list[object] = []
    canvas.mpl_connect("draw_event", draws.append)
    canvas.mpl_connect("resize_event", resizes.append)
    for _ in range(3):
        canvas.draw_idle()
    qtbot.waitUntil(lambda: len(draws) == 1)
    canvas.resize(360, 240)
    qtbot.waitUntil(lambda: len(draws) == 2)
    assert resizes
    assert canvas.figure.canvas.get_width_height() == (360, 240)


def test_blit_puts_a_changed_region_on_screen_without_a_full_draw(qtbot) -> None:
    figure = _figure()
    canvas = AggCanvas(figure)
    qtbot.addWidget(canvas)
    canvas.resize(320, 240)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.draw()
    axes = figure.axes[0]
    (line,) = axes.lines
    line.set_animated(True)
    canvas.draw()
    background = canvas.copy_from_bbox(axes.bbox)
    draws: list[object] = []
    canvas.mpl_connect("draw_event", draws.append)
    line.set_ydata([0, 2, 0])
    canvas.restore_region(background)
    axes.draw_artist(line)
    canvas.blit(axes.bbox)
    assert draws == []
    on_screen = _pixels(canvas.grab().toImage())
    agg = np.asarray(figure.canvas.buffer_rgba()).reshape(240, 320 * 4)
    assert np.array_equal(on_screen, agg)
