"""The plan as a PDF: one QTextDocument (HTML subset) drawn page by page onto a QPdfWriter.

Why not ``QTextDocument.print_``: it cannot draw our footer (name, date, "Page X of Y") and cannot
keep a heading with what follows it. So we paginate ourselves:

* the document is laid out on a 96 dpi reference device (fonts and CSS pixels are then exact
  physical sizes: 1 layout pixel = 1/96 inch) with its page size set to the printable body in
  those pixels — never to the writer's own pixel size, which would shrink the text;
* headings (and charts) that would be stranded at the foot of a page get a page break before
  them, then the layout is run again;
* each page is drawn by scaling the painter from layout pixels to the writer's resolution,
  translating to the page's slice of the document and ``drawContents`` with that clip; the footer
  is drawn after it in the writer's own coordinates.

Text stays real, selectable text; Qt embeds a subset of every font it uses (fontconfig finds a
CJK font for a Chinese name); tables from ``<thead>`` repeat their header row on each page.
Charts are vector drawings of the window's own figures (``pdf_charts``), printed no larger than
their figure size: the layout holds a place for each and draws it when its page is painted.

Qt's text and PDF classes need a ``QGuiApplication``; :func:`ensure_gui_application` makes an
offscreen one for the command line. Rendering works in a worker thread (the dialog does so).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from carepath._pyside_startup import skip_pyside_module_scan
from carepath.export.html_plan import INK, MUTED, RULE, QtImage, QtTables, build_qt_html
from carepath.export.pdf_fonts import without_ligatures
from carepath.export.plan_content import PlanContent
from carepath.export.plan_text import t

skip_pyside_module_scan()  # matplotlib is imported after Qt here: 60-90 ms less

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAGE_SIZES: Mapping[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
#: Page margins in millimetres (left, top, right, bottom); the footer sits inside the bottom one.
MARGINS_MM = (18.0, 16.0, 18.0, 10.0)
FOOTER_MM = 10.0
LAYOUT_DPI = 96
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial"]
BASE_POINT_SIZE = 9.5
#: Largest printed chart sizes in inches (each is also capped by the page's width).
RADAR_INCHES = 5.0
#: A heading needs this much room below it (layout pixels) to stay on its page.
KEEP_WITH_NEXT_PX = 110.0
#: Margins and line spacing between blocks that block rectangles leave out, with some to spare.
SLACK_PX = 12.0
#: At most this many table cuts (each costs one more layout); a plan needs a handful.
MAX_TABLE_SPLITS = 24

_app: QGuiApplication | None = None  # kept referenced for the life of the process


def ensure_gui_application() -> None:
    """Create a QGuiApplication if none exists (command line); offscreen without a display."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the PDF export needs a QGuiApplication created on the main thread")
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A QApplication (a QGuiApplication that also allows widgets), so that a caller who later
    # needs a widget in the same process, such as the self-test, is not stuck with a GUI-only app.
    from PySide6.QtWidgets import QApplication

    _app = QApplication(["carepath"])


@dataclass(frozen=True)
class _Element:
    """A top-level piece of the document (paragraph, image line or table) and where it lies."""

    block: QTextBlock | None
    top: float
    bottom: float
    heading: bool
    image: bool
    table: bool

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _elements(doc: QTextDocument) -> list[_Element]:
    layout = doc.documentLayout()
    found = []
    for item in doc.rootFrame():  # type: ignore[attr-defined]  # PySide makes it iterable
        frame = item.currentFrame()
        if frame is not None:
            rect = layout.frameBoundingRect(frame)
            found.append(_Element(None, rect.top(), rect.bottom(), False, False, True))
            continue
        block = item.currentBlock()
        if not block.isValid():
            continue
        rect = layout.blockBoundingRect(block)
        heading = block.blockFormat().headingLevel() > 0
        image = "\ufffc" in block.text()
        found.append(_Element(block, rect.top(), rect.bottom(), heading, image, False))
    return found


def _needed_height(elements: list[_Element], index: int) -> float:
    """Room elements[index] needs on its page so as not to be stranded from what follows.

    Heights are added rather than positions subtracted: a follower that did not fit has already
    been moved to the next page by the layout, leaving a gap that must not count.
    """
    here = elements[index]
    needed = here.height + SLACK_PX
    after_image = here.image
    for follower in elements[index + 1 : index + 4]:
        if follower.table:
            return needed + min(follower.height, KEEP_WITH_NEXT_PX)
        needed += follower.height + SLACK_PX
        if follower.image:
            after_image = True
            continue  # and keep its caption with it
        if after_image or follower.height >= KEEP_WITH_NEXT_PX / 2:
            return needed
    return needed


def _keep_with_next(doc: QTextDocument, page_height: float) -> None:
    """Page breaks before headings and charts that would otherwise end a page alone."""
    done: set[int] = set()
    for _ in range(40):  # each pass fixes one element; a plan has far fewer
        elements = _elements(doc)
        for index, element in enumerate(elements):
            block = element.block
            if block is None or not (element.heading or element.image):
                continue
            if block.position() in done:
                continue
            offset = element.top % page_height
            if offset < 1:
                continue  # already at the top of a page
            needed = _needed_height(elements, index)
            if needed > page_height or offset + needed <= page_height:
                continue
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
            done.add(block.position())
            break
        else:
            return


def _layout_device() -> QImage:
    device = QImage(8, 8, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return device


def _base_font(point_size: float = BASE_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return without_ligatures(font)


def build_document(
    content: PlanContent, figures: Mapping[str, Figure], body_size: QSizeF
) -> tuple[QTextDocument, QImage]:
    """The laid-out document for a body of ``body_size`` layout pixels (1/96 inch).

    ``figures`` are the charts (keyed "radar", "timeline", "progress"), drawn into the document
    by ``pdf_charts`` each time a page holding one is painted.
    """
    from carepath.export.pdf_charts import register_charts  # imports matplotlib

    device = _layout_device()
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_base_font())
    doc.documentLayout().setPaintDevice(device)
    register_charts(doc, {_chart_name(key): figure for key, figure in figures.items()})
    refs = {key: _chart_place(key, figure, body_size.width()) for key, figure in figures.items()}
    splits: dict[int, set[int]] = {}
    for _ in range(MAX_TABLE_SPLITS):
        tables = QtTables(splits)
        doc.setHtml(build_qt_html(content, refs, tables))
        doc.setPageSize(body_size)
        _keep_with_next(doc, body_size.height())
        straddling = _straddling_row(doc, body_size.height(), tables.pieces, tables.details)
        if straddling is None:
            break
        splits.setdefault(straddling[0], set()).add(straddling[1])
    return doc, device


def _chart_name(key: str) -> str:
    return f"carepath-chart:{key}"


def _chart_place(key: str, figure: Figure, body_width: float) -> QtImage:
    """Where a chart goes: its name and printed size in layout pixels (never above its own)."""
    width_in, height_in = (float(size) for size in figure.get_size_inches())
    largest = min(width_in, body_width / LAYOUT_DPI, RADAR_INCHES if key == "radar" else width_in)
    return QtImage(
        _chart_name(key),
        round(largest * LAYOUT_DPI),
        round(largest * height_in / width_in * LAYOUT_DPI),
    )


def _straddling_row(
    doc: QTextDocument,
    page_height: float,
    pieces: list[tuple[int, int]],
    details: Mapping[int, Collection[int]] | None = None,
) -> tuple[int, int] | None:
    """(table number, body row) of the first table row cut by a page break, if any, or of the
    first detail row (a full-width evidence note) that the layout moved to another page than
    the row it belongs under (QtTables then cuts before that row instead).

    The first body row of a table is never reported (the heading rule keeps it with its
    table), nor a row too tall to fit on a page anyway.
    """
    details = details or {}
    layout = doc.documentLayout()
    tables = [
        frame
        for frame in doc.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.format().headerRowCount() > 0
    ]
    for table, (number, first_row) in zip(tables, pieces, strict=False):
        header = table.format().headerRowCount()
        for row in range(header + 1, table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
                bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
            top, bottom = min(tops), max(bottoms)
            body_row = first_row + row - header
            if body_row in details.get(number, ()):
                above = table.cellAt(row - 1, 0).lastCursorPosition().block()
                above_bottom = layout.blockBoundingRect(above).bottom()
                if top // page_height != (above_bottom - 0.5) // page_height:
                    return number, body_row
            if bottom - top > page_height * 0.6:
                continue
            if top // page_height != (bottom - 0.5) // page_height:
                return number, body_row
    return None


def _draw_footer(
    painter: QPainter, content: PlanContent, rect: QRectF, page: int, pages: int, scale: float
) -> None:
    painter.save()
    pen = QPen(QColor(RULE))
    pen.setWidthF(0.6 * scale * LAYOUT_DPI / 72)
    painter.setPen(pen)
    painter.drawLine(rect.topLeft(), rect.topRight())
    font = _base_font(7.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    right = t("Page {page} of {pages}", content.language).format(page=page, pages=pages)
    text_rect = rect.adjusted(0, metrics.height() * 0.6, 0, 0)
    painter.setPen(QColor(INK))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right)
    title = content.title
    left = f"{content.person}  ·  {title}  ·  {content.date_text}"
    if content.person == title:
        left = f"{title}  ·  {content.date_text}"
    room = rect.width() - metrics.horizontalAdvance(right) - metrics.averageCharWidth() * 4
    left = metrics.elidedText(left, Qt.TextElideMode.ElideMiddle, room)
    painter.setPen(QColor(MUTED))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
    painter.restore()


def pdf_writer(buffer: QBuffer, paper: str, title: str, landscape: bool = False) -> QPdfWriter:
    """A PDF writer into ``buffer`` on A4 or Letter with CarePath's margins: the plan's and the
    team report's pages share one page set-up."""
    writer = QPdfWriter(buffer)
    left, top, right, bottom = MARGINS_MM
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[paper]),
            orientation,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("CarePath")
    return writer


def paint_pages(
    writer: QPdfWriter,
    doc: QTextDocument,
    body: QSizeF,
    scale: float,
    footer: Callable[[QPainter, int], None],
) -> None:
    """Draw ``doc`` onto the writer one page of ``body`` at a time, then ``footer(painter, page)``
    (page counted from 1) on each: the plan and the team report page the same way."""
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("could not start drawing the PDF")
    try:
        for index in range(doc.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -index * body.height())
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            footer(painter, index + 1)
    finally:
        painter.end()


def render_pdf(
    content: PlanContent,
    figures: Mapping[str, Figure],
    paper: str = "a4",
    progress: Callable[[int, str], None] | None = None,
) -> bytes:
    """The plan as PDF bytes on A4 or Letter."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    title = content.title
    writer = pdf_writer(buffer, paper, f"{title} — {content.name}" if content.name else title)
    resolution = writer.resolution()
    paint = writer.pageLayout().paintRectPixels(resolution)
    scale = resolution / LAYOUT_DPI
    footer = FOOTER_MM / 25.4 * resolution
    body = QSizeF(paint.width() / scale, (paint.height() - footer) / scale)
    doc, _device = build_document(content, figures, body)
    pages = doc.pageCount()
    if progress:
        progress(80, t("Writing the PDF pages", content.language))
    footer_rect = QRectF(0, paint.height() - footer * 0.72, paint.width(), footer * 0.72)
    paint_pages(
        writer,
        doc,
        body,
        scale,
        lambda painter, page: _draw_footer(painter, content, footer_rect, page, pages, scale),
    )
    buffer.close()
    return bytes(buffer.data().data())
