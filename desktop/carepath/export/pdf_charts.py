"""The plan's charts drawn into the PDF as vectors: a matplotlib renderer made of QPainter calls.

The PDF used to carry each chart as a 200 dpi raster: 18 MB of pixels for three charts while the
PDF was made, copied and compressed again by Qt's PDF writer, the self-test's memory peak
(issue 6). Drawn here instead, the window's own figure reaches the PDF as its lines, fills and
text: sharp at any zoom, and next to no memory.

Why not matplotlib's SVG drawn by QtSvg: Qt's PDF engine strokes the empty pen QtSvg leaves on
shapes without a stroke (every letter came out bold), and QtSvg paints hatching as a texture at
the writer's 1200 dpi (megabytes per hatched bar).

Text is drawn as text, placed where matplotlib's own layout put it (with the same fonts'
metrics), so a search or a screen reader finds a chart's labels and the font is embedded once;
this also makes the file a third of the size glyph outlines did, and the export 10 % faster.
Mathtext and text with a path effect (the radar's haloed ring labels) stay outlines, as
matplotlib draws them. Units are points (the figure is drawn at 72 dpi) with y pointing down, as
on a QPainter.

Few calls into Qt: a path is handed over whole (serialised, see :func:`qt_path`), never vertex by
vertex, and each line, shape or text takes one or two painter calls, so a chart costs about a
hundred calls into Qt however long its series. (Each call also crossed a PySide6 6.12.0 bug that
lost a reference to ``None``; pyproject.toml leaves that version out.)
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.transforms import Affine2D, IdentityTransform, Transform
from PySide6.QtCore import QByteArray, QDataStream, QObject, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
    QTransform,
)

from carepath.export.charts_images import chart_fonts
from carepath.export.pdf_fonts import without_ligatures

#: One figure unit per point, which is what RendererBase's ``points_to_pixels`` assumes.
POINTS_PER_INCH = 72
#: matplotlib repeats a hatch every inch (its SVG and PDF backends: 72 units).
HATCH_TILE = 72.0

_CAPS = {
    "butt": Qt.PenCapStyle.FlatCap,
    "round": Qt.PenCapStyle.RoundCap,
    "projecting": Qt.PenCapStyle.SquareCap,
}
_JOINS = {
    "miter": Qt.PenJoinStyle.MiterJoin,
    "round": Qt.PenJoinStyle.RoundJoin,
    "bevel": Qt.PenJoinStyle.BevelJoin,
}
# QPainterPath's element types and its QDataStream layout (big-endian): the element count,
# then each element's type and x, y as doubles, then the current subpath's start and fill rule.
_MOVE, _LINE, _CURVE, _CURVE_DATA = 0, 1, 2, 3
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_WINDING_FILL = 1  # matplotlib fills by the non-zero rule

Points = npt.NDArray[np.float64]
Codes = npt.NDArray[np.uint8]


class QPainterRenderer(RendererBase):
    """matplotlib's drawing primitives (paths; text, markers and collections reduce to paths)."""

    def __init__(self, painter: QPainter, width: float, height: float) -> None:
        super().__init__()
        self.painter = painter
        self.width = width
        self.height = height
        #: matplotlib's display space has y up; the painter's has y down.
        self._flip = Affine2D().scale(1.0, -1.0).translate(0.0, height)
        self._device_dpi = max(1, painter.device().logicalDpiY()) if painter.device() else 72

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def draw_path(
        self,
        gc: GraphicsContextBase,
        path: Path,
        transform: Transform,
        rgbFace: Any = None,  # matplotlib's name
    ) -> None:
        """Fill, then hatch, then stroke, as matplotlib's Agg and SVG backends do."""
        line_only = rgbFace is None and gc.get_hatch() is None
        shape = qt_path(path, transform + self._flip, simplify=line_only and path.should_simplify)
        with self._clipped(gc, shape):
            if rgbFace is not None:
                self.painter.fillPath(shape, _fill_colour(rgbFace, gc))
            if gc.get_hatch() is not None:
                self._hatch(gc, shape)
            if gc.get_linewidth() > 0:
                self.painter.strokePath(shape, _pen(gc))

    def draw_markers(
        self,
        gc: GraphicsContextBase,
        marker_path: Path,
        marker_trans: Transform,
        path: Path,
        trans: Transform,
        rgbFace: Any = None,  # matplotlib's name
    ) -> None:
        """Every marker of a line as one path: one draw, not one per data point."""
        line = path.cleaned(transform=trans, remove_nans=True)
        vertices, codes = _arrays(line)
        points = vertices[np.isin(codes, (Path.MOVETO, Path.LINETO))]
        marker = marker_path.cleaned(transform=marker_trans, curves=True)
        self.draw_path(gc, _repeated(marker, points), IdentityTransform(), rgbFace)

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        """Text as text: searchable in the PDF, its font embedded once, not a path per glyph.

        matplotlib has already placed the text with the same font's metrics, so Qt only draws it
        from its baseline; mathtext, which has no plain-text form, is still drawn as paths.
        """
        if ismath:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        font = QFont()
        font.setFamilies([str(family) for family in prop.get_family()])
        # Sizes are in figure units (points); Qt scales a point size by the device's resolution.
        font.setPointSizeF(prop.get_size_in_points() * POINTS_PER_INCH / self._device_dpi)
        font.setWeight(_weight(prop.get_weight()))
        font.setItalic(prop.get_style() != "normal")
        font.setKerning(True)
        without_ligatures(font)
        place = QTransform().translate(x, y).rotate(-angle)  # y is flipped already (flipy())
        outline = QPainterPath()
        outline.addRect(QFontMetricsF(font, self.painter.device()).boundingRect(s))
        with self._clipped(gc, place.map(outline)):
            self.painter.save()
            try:
                self.painter.setFont(font)
                self.painter.setPen(QColor.fromRgbF(*gc.get_rgb()))
                self.painter.setTransform(place, True)  # combined with the current one
                self.painter.drawText(QPointF(0.0, 0.0), s)
            finally:
                self.painter.restore()

    @contextmanager
    def _clipped(self, gc: GraphicsContextBase, shape: QPainterPath) -> Iterator[None]:
        """Clip to the artist's rectangle and path, but only where the shape reaches out of them."""
        rect, region = self._clips(gc, shape)
        if rect is None and region is None:
            yield
            return
        self.painter.save()
        try:
            if rect is not None:
                self.painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
            if region is not None:
                self.painter.setClipPath(region, Qt.ClipOperation.IntersectClip)
            yield
        finally:
            self.painter.restore()

    def _clips(
        self, gc: GraphicsContextBase, shape: QPainterPath
    ) -> tuple[QRectF | None, QPainterPath | None]:
        """The clip rectangle and clip path that would cut something of the shape, if any."""
        reach = gc.get_linewidth() / 2 + 1
        extent = shape.controlPointRect().adjusted(-reach, -reach, reach, reach)
        rect = None
        box = gc.get_clip_rectangle()
        if box is not None:
            x0, y0, x1, y1 = box.extents
            rect = QRectF(x0, self.height - y1, x1 - x0, y1 - y0)
            if rect.contains(extent):
                rect = None
        region = None
        clip_path, affine = gc.get_clip_path()
        if clip_path is not None and affine is not None:
            region = qt_path(clip_path, affine + self._flip)  # type: ignore[arg-type]  # a Path
            if region.contains(extent):
                region = None
        return rect, region

    def _hatch(self, gc: GraphicsContextBase, shape: QPainterPath) -> None:
        """The hatch tile repeated over the shape and clipped to it: lines, not a texture."""
        tile = Affine2D().scale(HATCH_TILE, -HATCH_TILE).translate(0.0, HATCH_TILE)
        unit = gc.get_hatch_path().cleaned(transform=tile)
        lines = qt_path(
            _repeated(unit, _tile_corners(shape.controlPointRect())), IdentityTransform()
        )
        colour = QColor.fromRgbF(*gc.get_hatch_color())
        self.painter.save()
        try:
            self.painter.setClipPath(shape, Qt.ClipOperation.IntersectClip)
            if np.any(_arrays(unit)[1] == Path.CLOSEPOLY):  # dots and circles are filled too
                self.painter.fillPath(lines, colour)
            self.painter.strokePath(lines, QPen(colour, gc.get_hatch_linewidth()))
        finally:
            self.painter.restore()


def _arrays(cleaned: Path) -> tuple[Points, Codes]:
    """Vertices and codes of a path from ``Path.cleaned`` (which always has codes)."""
    return np.asarray(cleaned.vertices, np.float64), np.asarray(cleaned.codes, np.uint8)


def _repeated(path: Path, offsets: Points) -> Path:
    """A cleaned path copied to each of ``offsets``, as one path."""
    vertices, codes = _arrays(path)
    keep = codes != Path.STOP
    copies = vertices[keep][np.newaxis, :, :] + offsets[:, np.newaxis, :]
    return Path(copies.reshape(-1, 2), np.tile(codes[keep], len(offsets)))


def _tile_corners(bounds: QRectF) -> Points:
    """Top-left corners of the hatch tiles (on a grid from the figure's corner) over ``bounds``."""
    columns = np.arange(
        math.floor(bounds.left() / HATCH_TILE), math.ceil(bounds.right() / HATCH_TILE)
    )
    rows = np.arange(math.floor(bounds.top() / HATCH_TILE), math.ceil(bounds.bottom() / HATCH_TILE))
    corners = np.stack(np.meshgrid(columns, rows), axis=-1).reshape(-1, 2) * HATCH_TILE
    return corners.astype(np.float64)


def qt_path(path: Path, transform: Transform, simplify: bool = False) -> QPainterPath:
    """A matplotlib path as a QPainterPath (NaN vertices break the line, as on screen).

    Built by reading QPainterPath's own serialised form, assembled with numpy: one call into
    Qt for the whole path (see the module docstring).
    """
    cleaned = path.cleaned(transform=transform, remove_nans=True, simplify=simplify, curves=True)
    types, points = _qt_elements(*_arrays(cleaned))
    shape = QPainterPath()
    if not len(types):
        return shape
    elements = np.empty(len(types), dtype=_ELEMENT)
    elements["type"], elements["x"], elements["y"] = types, points[:, 0], points[:, 1]
    subpath_start = int(np.flatnonzero(types == _MOVE)[-1])
    data = (
        np.array([len(types)], ">i4").tobytes()
        + elements.tobytes()
        + np.array([subpath_start, _WINDING_FILL], ">i4").tobytes()
    )
    QDataStream(QByteArray(data)) >> shape
    return shape


def _qt_elements(vertices: Points, codes: Codes) -> tuple[npt.NDArray[np.int32], Points]:
    """QPainterPath element types and points for a cleaned matplotlib path.

    A move straight after another (matplotlib's way past a NaN) is left out, as QPainterPath
    does; closing a polygon is a line back to its first point (Qt then joins the corner, not
    caps it); a quadratic curve becomes the cubic Qt stores (control points 2/3 of the way).
    """
    move = codes == Path.MOVETO
    keep = (codes != Path.STOP) & ~(move & np.r_[move[1:], True])
    vertices, codes = vertices[keep].copy(), codes[keep]
    index = np.arange(len(codes))
    subpath = np.maximum.accumulate(np.where(codes == Path.MOVETO, index, 0))
    closing = codes == Path.CLOSEPOLY
    vertices[closing] = vertices[subpath[closing]]
    # A curve's points all carry its code: the place in a run of equal codes says which point
    # of which curve a vertex is.
    run = np.maximum.accumulate(np.where(np.r_[True, codes[1:] != codes[:-1]], index, 0))
    phase = index - run
    quadratic = (codes == Path.CURVE3) & (phase % 2 == 0)
    cubic = np.where(phase % 3 == 0, _CURVE, _CURVE_DATA)
    types = np.select(
        [codes == Path.MOVETO, codes == Path.CURVE4, codes == Path.CURVE3],
        [_MOVE, cubic, np.where(quadratic, _CURVE, _CURVE_DATA)],
        _LINE,
    )
    repeats = 1 + quadratic
    first = np.cumsum(repeats) - repeats
    out_types = np.repeat(types, repeats)
    points = np.repeat(vertices, repeats, axis=0)
    control = np.flatnonzero(quadratic)
    start, middle, end = vertices[control - 1], vertices[control], vertices[control + 1]
    out_types[first[control] + 1] = _CURVE_DATA
    points[first[control]] = start + (middle - start) * (2 / 3)
    points[first[control] + 1] = end + (middle - end) * (2 / 3)
    return out_types, points


def _fill_colour(rgb_face: Any, gc: GraphicsContextBase) -> QColor:
    """The face colour; the artist's alpha, when set, overrides the colour's own (as in Agg)."""
    alpha = gc.get_alpha() if gc.get_forced_alpha() or len(rgb_face) < 4 else rgb_face[3]
    return QColor.fromRgbF(rgb_face[0], rgb_face[1], rgb_face[2], alpha)


def _weight(weight: int | str) -> QFont.Weight:
    """matplotlib's font weight (a name or 100-900) as Qt's."""
    if isinstance(weight, str):
        weight = {"light": 300, "normal": 400, "regular": 400, "book": 400, "medium": 500,
                  "semibold": 600, "demibold": 600, "bold": 700, "heavy": 800, "black": 900,
                  "extra bold": 800, "ultralight": 200}.get(weight, 400)  # fmt: skip
    return QFont.Weight(min(900, max(100, round(weight / 100) * 100)))


def _pen(gc: GraphicsContextBase) -> QPen:
    width = gc.get_linewidth()
    colour = QColor.fromRgbF(*gc.get_rgb())
    cap, join = _CAPS[gc.get_capstyle()], _JOINS[gc.get_joinstyle()]
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, cap, join)
    offset, dashes = gc.get_dashes()
    if dashes is not None and np.size(dashes):
        # Qt measures dashes in line widths, matplotlib in points.
        pen.setDashPattern([float(length) / width for length in np.ravel(dashes)])
        if offset:
            pen.setDashOffset(float(offset) / width)
    return pen


def draw_figure(fig: Figure, painter: QPainter, rect: QRectF) -> None:
    """Draw ``fig`` scaled into ``rect`` (in the painter's coordinates); its dpi becomes 72."""
    width, height = (float(size) * POINTS_PER_INCH for size in fig.get_size_inches())
    fig.set_dpi(POINTS_PER_INCH)
    painter.save()
    try:
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / width, rect.height() / height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        with chart_fonts():
            fig.draw(QPainterRenderer(painter, width, height))
    finally:
        painter.restore()


class ChartObjects(QPyTextObject):
    """Draws a document's ``<img>`` charts from their figures (keyed by the image's name).

    Registered as the document's image handler, so the layout keeps the ``width`` and ``height``
    given in the HTML (layout pixels) and the charts are drawn only when a page is painted.
    (``QPyTextObject``: Qt does not see a Python class deriving from QObject and
    QTextObjectInterface itself as a handler.)
    """

    def __init__(self, figures: Mapping[str, Figure], parent: QObject) -> None:
        super().__init__(parent)
        self.figures = dict(figures)

    def intrinsicSize(  # Qt's name
        self, doc: QTextDocument, posInDocument: int, format: QTextFormat
    ) -> QSizeF:
        image = format.toImageFormat()
        return QSizeF(image.width(), image.height())

    def drawObject(  # Qt's name
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        posInDocument: int,
        format: QTextFormat,
    ) -> None:
        figure = self.figures.get(format.toImageFormat().name())
        if figure is not None:
            draw_figure(figure, painter, QRectF(rect))


def register_charts(doc: QTextDocument, figures: Mapping[str, Figure]) -> None:
    """Let ``doc`` draw each ``<img>`` whose ``src`` is a key of ``figures`` as that figure."""
    handler = ChartObjects(figures, parent=doc)  # the document keeps it alive
    doc.documentLayout().registerHandler(int(QTextFormat.ObjectTypes.ImageObject), handler)
