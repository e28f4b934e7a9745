"""A matplotlib figure drawn by Agg into a Qt widget, without matplotlib's Qt backend.

matplotlib's ``FigureCanvasQTAgg`` does this too, but importing its backend also loads QtSvg,
the figure-options editor and the navigation-toolbar tools, which CarePath never shows: about
60 ms of every start on a 2-core machine, before the first chart can appear. The charts
here are pictures with a table beside them, not interactive plots, so this canvas keeps only what
they use:

* ``draw()`` renders the figure with Agg and repaints; ``draw_idle()`` coalesces requests into
  one draw on the next turn of the event loop (and a paint with a draw pending draws first);
* the widget's size becomes the figure's size (in physical pixels on a HiDPI screen, as the Qt
  backend does) and matplotlib's ``resize_event`` is emitted;
* blitting: ``copy_from_bbox``, ``restore_region`` and ``blit`` (a synchronous repaint of the
  region), for the Assess page's live radar;
* ``mpl_connect`` for ``draw_event`` and ``resize_event``.

Mouse and keyboard events are not forwarded to matplotlib: no CarePath chart listens to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox


class AggCanvas(QWidget):
    """Shows ``figure``; the figure's ``canvas`` is an Agg canvas this widget paints from."""

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = figure
        self._agg = FigureCanvasAgg(figure)
        self._draw_pending = False
        self._is_drawing = False
        # Every pixel is painted from the Agg buffer (or erased), so Qt need not clear first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        width, height = self._agg.get_width_height()
        self.resize(width, height)

    # -- the part of matplotlib's canvas API that CarePath uses ------------------------------------
    @property
    def device_pixel_ratio(self) -> float:
        return float(self._agg.device_pixel_ratio)

    def get_width_height(self) -> tuple[int, int]:
        width, height = self._agg.get_width_height()
        return int(width), int(height)

    def mpl_connect(self, name: str, callback: Callable[[Any], object]) -> int:
        return int(self._agg.mpl_connect(name, callback))  # type: ignore[arg-type]

    def mpl_disconnect(self, cid: int) -> None:
        self._agg.mpl_disconnect(cid)

    def draw(self) -> None:
        """Render the figure now (emitting ``draw_event``), then repaint.

        A draw requested by ``draw_idle`` and not yet done is done by this one: it is dropped,
        rather than drawing the same figure again at the next paint (which would also replace a
        blitted frame by a full draw).
        """
        if self._is_drawing:
            return
        self._draw_pending = False
        self._is_drawing = True
        try:
            self._agg.draw()
        finally:
            self._is_drawing = False
        self.update()

    def draw_idle(self) -> None:
        """Draw on the next turn of the event loop; many requests make one draw."""
        if not (self._draw_pending or self._is_drawing):
            self._draw_pending = True
            QTimer.singleShot(0, self, self._draw_if_pending)

    def copy_from_bbox(self, bbox: Bbox) -> Any:
        return self._agg.copy_from_bbox(bbox)

    def restore_region(self, region: Any, bbox: Bbox | None = None, xy: Any = None) -> None:
        self._agg.restore_region(region, bbox, xy)

    def blit(self, bbox: Bbox | None = None) -> None:
        """Put the region of the Agg buffer on screen at once (a synchronous repaint)."""
        if bbox is None:
            bbox = self.figure.bbox
        ratio = self.device_pixel_ratio
        left, bottom, width, height = (int(value / ratio) for value in bbox.bounds)
        self.repaint(left, self.rect().height() - (bottom + height), width, height)

    # -- Qt ----------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        width, height = self.get_width_height()
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(10, 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._draw_if_pending()
        painter = QPainter(self)
        try:
            rect = event.rect()
            renderer = getattr(self._agg, "renderer", None)
            if renderer is None:
                painter.eraseRect(rect)
                return
            pixels = self._agg.buffer_rgba()
            height, width = pixels.shape[0], pixels.shape[1]
            image = QImage(pixels, width, height, self._image_format())
            ratio = self.device_pixel_ratio
            image.setDevicePixelRatio(ratio)
            painter.eraseRect(rect)  # where the widget outgrew the buffer until the next draw
            source = QRectF(
                rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
            )
            painter.drawImage(QRectF(rect), image, source)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        from matplotlib.backend_bases import ResizeEvent

        self._update_pixel_ratio()
        ratio = self.device_pixel_ratio
        dpi = self.figure.dpi
        size = event.size()
        self.figure.set_size_inches(
            size.width() * ratio / dpi, size.height() * ratio / dpi, forward=False
        )
        super().resizeEvent(event)
        ResizeEvent("resize_event", self._agg)._process()
        self.draw_idle()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._update_pixel_ratio():
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange and self._update_pixel_ratio():
            self.resizeEvent(QResizeEvent(self.size(), self.size()))
        return super().event(event)

    # -- internals ---------------------------------------------------------------------------------
    def _image_format(self) -> QImage.Format:
        """RGBX when the figure's background is opaque (every CarePath chart): the same pixels,
        and Qt copies them to the screen without premultiplying an alpha that is always 255."""
        from matplotlib.colors import to_rgba

        opaque = to_rgba(self.figure.get_facecolor())[3] >= 1.0
        return QImage.Format.Format_RGBX8888 if opaque else QImage.Format.Format_RGBA8888

    def _update_pixel_ratio(self) -> bool:
        """Follow the screen's device pixel ratio; True when it changed (the figure's dpi too)."""
        return bool(self._agg._set_device_pixel_ratio(self.devicePixelRatioF() or 1.0))

    def _draw_if_pending(self) -> None:
        if not self._draw_pending:
            return
        self._draw_pending = False
        if self.width() > 0 and self.height() > 0:
            self.draw()
