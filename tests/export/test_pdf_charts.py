"""The PDF's charts: the window's figures drawn as vectors through QPainter (``pdf_charts``).

A chart painted this way is compared with the PNG matplotlib's Agg makes of the same figure:
same ink, in the same places. Smaller figures pin what Qt does differently from matplotlib and
must be done by hand: hatching, clipping, gaps at NaN, quadratic curves, closed outlines.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import IdentityTransform
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from carepath.core.catalogue import Catalogue
from carepath.core.models import Record
from carepath.export.charts_images import chart_figure, render_chart
from carepath.export.pdf_charts import QPainterRenderer, draw_figure, qt_path
from carepath.export.plan_content import PlanContent, build_plan_content

TODAY = date(2026, 11, 26)  # the demo record's "today" (tests/export/conftest.py)
DPI = 100
CHARTS = ["radar", "timeline", "progress"]


@pytest.fixture(scope="module")
def content(demo: Record, catalogue: Catalogue) -> PlanContent:
    return build_plan_content(demo, catalogue, today=TODAY)


def painted(fig: Figure, dpi: float = DPI) -> Image.Image:
    """``fig`` drawn by draw_figure on a white image of its size at ``dpi``, in grey."""
    width, height = fig.get_size_inches()
    image = QImage(round(width * dpi), round(height * dpi), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    draw_figure(fig, painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("L")


def ink(image: Image.Image) -> float:
    """Share of pixels that are not (near) white."""
    return sum(image.histogram()[:235]) / (image.width * image.height)


@pytest.mark.parametrize("key", CHARTS)
def test_vector_chart_has_the_ink_of_the_png_in_the_same_places(
    qapp: object, content: PlanContent, key: str
) -> None:
    """Letters stroked as well as filled (what QtSvg did in a PDF) or a missing hatch change
    the ink by 13 % or more; antialiasing and hinting, by 3 % at most."""
    png = Image.open(io.BytesIO(render_chart(content, key, "png", dpi=DPI).data)).convert("L")
    vector = painted(chart_figure(content, key))
    assert vector.size == png.size
    assert ink(vector) == pytest.approx(ink(png), rel=0.08)
    blocks = (png.width // 8, png.height // 8)
    difference = ImageChops.difference(
        png.resize(blocks, Image.Resampling.BOX), vector.resize(blocks, Image.Resampling.BOX)
    )
    assert ImageStat.Stat(difference).mean[0] < 5


def one_axes(draw: Callable[[Any], object]) -> Figure:
    """A 2 x 2 inch figure whose axes fill the middle half, from (0, 0) to (10, 10)."""
    fig = Figure(figsize=(2, 2))
    ax = fig.add_axes((0.25, 0.25, 0.5, 0.5))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_axis_off()
    draw(ax)
    return fig


def test_hatching_covers_the_shape_and_stays_inside_it(qapp: object) -> None:
    fig = one_axes(lambda ax: ax.bar(5, 10, width=10, bottom=0, fill=False, hatch="////", lw=0))
    image = painted(fig)
    inside = image.crop((52, 52, 148, 148))  # the axes, 50-150 px, less the bar's edges
    outside = image.crop((0, 0, 200, 45))
    assert 0.15 < ink(inside) < 0.6  # lines, not a solid fill
    assert ink(outside) == 0


def test_lines_are_clipped_to_the_axes_unless_told_otherwise(qapp: object) -> None:
    def draw(ax: Any) -> None:
        ax.plot([-20, 30], [5, 5], lw=4)  # clipped at the axes
        ax.plot([-20, 30], [8, 8], lw=4, clip_on=False)

    image = painted(one_axes(draw))
    clipped_row, free_row = 100, 70  # y = 5 and y = 8 in pixels from the top
    assert image.getpixel((100, clipped_row)) < 200 and image.getpixel((20, clipped_row)) > 250
    assert image.getpixel((20, free_row)) < 200


def elements(shape: QPainterPath) -> list[tuple[str, float, float]]:
    kinds = ["move", "line", "curve", "data"]
    return [
        (kinds[int(shape.elementAt(i).type.value)], shape.elementAt(i).x, shape.elementAt(i).y)
        for i in range(shape.elementCount())
    ]


def test_a_path_becomes_the_same_qt_path() -> None:
    path = Path(
        [(0, 0), (3, 0), (3, 3), (6, 0), (np.nan, 1), (7, 0), (8, 1), (9, 0), (9, 2), (0, 0)],
        [
            Path.MOVETO,
            Path.LINETO,
            Path.CURVE3,
            Path.CURVE3,
            Path.LINETO,
            Path.MOVETO,
            Path.CURVE4,
            Path.CURVE4,
            Path.CURVE4,
            Path.CLOSEPOLY,
        ],
    )
    found = elements(qt_path(path, IdentityTransform()))
    assert found == [
        ("move", 0, 0),
        ("line", 3, 0),
        # the quadratic curve as the cubic Qt stores: control points 2/3 of the way to (3, 3)
        ("curve", 3, 2),
        ("data", 4, 2),
        ("data", 6, 0),
        # the NaN vertex breaks the line: one move to where the next subpath starts
        ("move", 7, 0),
        ("curve", 8, 1),
        ("data", 9, 0),
        ("data", 9, 2),
        ("line", 7, 0),  # closed: back to the subpath's first point
    ]
    assert qt_path(path, IdentityTransform()).fillRule() == Qt.FillRule.WindingFill


class CountingPainter:
    """A QPainter that counts the calls made to it."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.painter, name)

        def counted(*args: Any) -> Any:
            self.calls[name] += 1
            return method(*args)

        return counted


def painter_calls(fig: Figure) -> int:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    counting = CountingPainter(painter)
    fig.set_dpi(72)
    fig.draw(QPainterRenderer(counting, 288.0, 216.0))  # type: ignore[arg-type]
    painter.end()
    return sum(counting.calls.values())


def test_calls_into_qt_do_not_grow_with_the_data(qapp: object) -> None:
    """Every painter call returning void costs a reference to None under PySide6 6.12 and
    Python 3.11 (see pdf_charts): a long line with markers is one path, not one per point."""

    def line(points: int) -> Figure:
        fig = Figure(figsize=(4, 3))
        ax = fig.add_subplot()
        x = np.linspace(0, 2 * math.pi, points)
        ax.plot(x, np.sin(x), marker="o", linestyle="--")
        return fig

    assert painter_calls(line(2000)) == painter_calls(line(20))
