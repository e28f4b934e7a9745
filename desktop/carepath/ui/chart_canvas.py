"""A matplotlib Figure in a widget, with a table of the same numbers and "Save chart as…".

Why this wrapper: every chart on screen needs the same things — the light or dark chart theme that
matches the window, crisp drawing on HiDPI screens, a way to save it, and a table for people who
cannot read a chart (screen-reader users, colour-blind users, anyone who wants the numbers). Pages
build a Figure with the functions in ``carepath.charts`` and hand it over; they never touch the
backend.

matplotlib is imported only when the first figure arrives (after the window is shown), and only
its Agg renderer: ``carepath.ui.agg_canvas`` puts the pixels in a widget, so matplotlib's Qt backend
(and its choice of Qt binding) never comes into play.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carepath.core.atomic import write_atomic
from carepath.core.errors import SaveError
from carepath.ui.first_paint import AfterFirstPaint
from carepath.ui.widgets.rows_table_model import RowsTableModel

__all__ = ["ChartCanvas", "RowsTableModel", "figure_canvas_class", "palette_is_dark"]

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from carepath.charts.theme import ChartTheme
    from carepath.ui.agg_canvas import AggCanvas

_FORMATS = {
    "png": QT_TRANSLATE_NOOP("ChartCanvas", "PNG image (*.png)"),
    "svg": QT_TRANSLATE_NOOP("ChartCanvas", "SVG drawing (*.svg)"),
}


def figure_canvas_class() -> type[AggCanvas]:
    """The canvas class, imported on first use: a QWidget painting the figure drawn by Agg.

    Not matplotlib's ``FigureCanvasQTAgg``, whose backend costs about 60 ms more to import
    (``carepath.ui.agg_canvas`` says why and what is kept).
    """
    from carepath.ui.agg_canvas import AggCanvas

    return AggCanvas


def palette_is_dark(widget: QWidget) -> bool:
    """True when the window colour is dark: charts then use the dark theme."""
    return widget.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


class ChartCanvas(QWidget):
    """Shows one Figure (or its table); right-click offers to save it as PNG or SVG."""

    #: Emitted after the figure has been drawn on screen (tests and self-test wait on it).
    drawn = Signal()
    #: Emitted when the palette switches between light and dark: the page should rebuild its figure.
    theme_changed = Signal()

    def __init__(self, parent: QWidget | None = None, accessible_name: str = "") -> None:
        super().__init__(parent)
        self._canvas: AggCanvas | None = None
        self._figure: Figure | None = None
        self._was_dark = palette_is_dark(self)
        self._pending_table: (
            Callable[[], tuple[Sequence[str], Sequence[Sequence[object]]]] | None
        ) = None
        self._first_paint = AfterFirstPaint(self)
        self.setAccessibleName(accessible_name)

        self._toggle = QToolButton(self)
        self._toggle.setCheckable(True)
        self._set_toggle_text(self.tr("Show as &table"))
        self._toggle.setToolTip(self.tr("Switch between the chart and a table of the same numbers"))
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._toggle.toggled.connect(self._on_toggled)

        self._placeholder = QLabel(self.tr("Drawing the chart…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._model = RowsTableModel(self)
        self._table = QTableView(self)
        self._table.setModel(self._model)
        self._table.setAccessibleName(
            self.tr("Table: %1").replace("%1", accessible_name) if accessible_name else ""
        )
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self._table.setAlternatingRowColors(True)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.verticalHeader().setVisible(False)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._table.horizontalHeader().setStretchLastSection(True)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)  # index 0 until a figure arrives
        self._stack.addWidget(self._table)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addStretch(1)
        header.addWidget(self._toggle)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)

    # -- public API ---------------------------------------------------------------------------
    @property
    def canvas(self) -> AggCanvas | None:
        return self._canvas

    @property
    def figure(self) -> Figure | None:
        return self._figure

    def theme(self) -> ChartTheme:
        """The chart theme matching this widget's palette (dark window → dark chart)."""
        from carepath.charts.theme import DARK, LIGHT

        return DARK if palette_is_dark(self) else LIGHT

    def after_paint(self, build: Callable[[], None]) -> None:
        """Call ``build`` (which makes the figure) once this chart's place is on screen.

        Matplotlib's import (half a second) then never keeps the window blank (issue 6), and a
        chart that is never shown is never built.
        """
        self._first_paint.then(build)

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure``, replacing any previous one; it is drawn when the event loop runs.

        The Agg canvas renders at the screen's devicePixelRatio, so text and lines stay crisp
        on HiDPI screens; the figure is resized to the widget, keeping its own font sizes.
        """
        canvas_class = figure_canvas_class()
        old = self._canvas
        canvas = canvas_class(figure)
        canvas.setParent(self)
        canvas.setMinimumSize(240, 200)
        canvas.setAccessibleName(self.accessibleName())
        canvas.setAccessibleDescription(self.accessibleDescription())
        canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        canvas.mpl_connect("draw_event", self._on_draw_event)
        self._canvas = canvas
        self._figure = figure
        self._stack.insertWidget(0, canvas)
        if old is not None:
            self._stack.removeWidget(old)
            old.hide()
            old.deleteLater()
        elif self._stack.indexOf(self._placeholder) >= 0:
            self._stack.removeWidget(self._placeholder)
            self._placeholder.hide()
        self._stack.setCurrentWidget(self._table if self._toggle.isChecked() else canvas)
        canvas.draw_idle()

    def draw_now(self) -> None:
        """Draw synchronously (self-test timings, screenshots); normal code relies on draw_idle."""
        if self._canvas is not None:
            self._canvas.draw()

    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """The chart's numbers as rows of text, shown when "Show as table" is on.

        While the chart is showing, the rows are only kept: the view is filled when the table is
        first shown, so a live chart (the Assess radar) does not pay for a hidden table.
        """
        table = (list(headers), list(rows))
        self.set_table_provider(lambda: table)

    def set_table_provider(
        self, provider: Callable[[], tuple[Sequence[str], Sequence[Sequence[object]]]]
    ) -> None:
        """Like ``set_table``, but the rows are only computed when the table is shown.

        For long histories: ten thousand rows of text cost a quarter of a second to build, which
        nobody should pay for a table they never open.
        """
        self._pending_table = provider
        if self.is_showing_table():
            self._apply_table()

    def _apply_table(self) -> None:
        if self._pending_table is not None:
            provider = self._pending_table
            self._pending_table = None
            headers, rows = provider()
            self._model.set_rows(headers, rows)

    def table_view(self) -> QTableView:
        self._apply_table()
        return self._table

    def table_model(self) -> RowsTableModel:
        self._apply_table()
        return self._model

    def is_showing_table(self) -> bool:
        return self._toggle.isChecked()

    def show_table(self, on: bool) -> None:
        self._toggle.setChecked(on)

    def save_chart(self, fmt: str, path: Path | None = None) -> Path | None:
        """Save the figure as ``png`` or ``svg``; ask for a file name when none is given."""
        if self._figure is None:
            return None
        if path is None:
            filter_text = QCoreApplication.translate("ChartCanvas", _FORMATS[fmt])
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save chart"), f"{self._suggested_name()}.{fmt}", filter_text
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != f".{fmt}":
                path = path.with_suffix(f".{fmt}")
        from carepath.charts.theme import save_figure

        buffer = io.BytesIO()
        try:
            save_figure(self._figure, buffer, fmt, dpi=200 if fmt == "png" else None)
            write_atomic(path, buffer.getvalue())
        except SaveError as error:
            QMessageBox.warning(self, self.tr("Chart not saved"), str(error))
            return None
        finally:
            if self._canvas is not None:
                self._canvas.draw_idle()  # savefig may have touched the figure's dpi
        return path

    # -- behaviour ----------------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        png = QAction(self.tr("Save chart as &PNG…"), menu)
        svg = QAction(self.tr("Save chart as &SVG…"), menu)
        for action, fmt in ((png, "png"), (svg, "svg")):
            action.setEnabled(self._figure is not None)
            action.triggered.connect(lambda _=False, f=fmt: self.save_chart(f))
            menu.addAction(action)
        menu.addSeparator()
        table = QAction(
            self.tr("Show as &chart") if self.is_showing_table() else self.tr("Show as &table"),
            menu,
        )
        table.triggered.connect(lambda: self.show_table(not self.is_showing_table()))
        menu.addAction(table)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu().popup(event.globalPos())
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            dark = palette_is_dark(self)
            if dark != self._was_dark:
                self._was_dark = dark
                self.theme_changed.emit()

    def _set_toggle_text(self, text: str) -> None:
        """The toggle's text, and a name that starts with the same words (WCAG 2.5.3: a voice
        user says what they see) followed by which chart it switches."""
        self._toggle.setText(text)
        visible = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        chart = self.accessibleName()
        self._toggle.setAccessibleName(f"{visible}: {chart}" if chart else visible)

    def set_description(self, text: str) -> None:
        """One sentence saying what the chart shows, for screen readers (the accessible
        description of the chart, its picture and its table)."""
        self.setAccessibleDescription(text)
        self._table.setAccessibleDescription(text)
        if self._canvas is not None:
            self._canvas.setAccessibleDescription(text)

    def description(self) -> str:
        return self.accessibleDescription()

    def _on_toggled(self, on: bool) -> None:
        self._set_toggle_text(self.tr("Show as &chart") if on else self.tr("Show as &table"))
        if on:
            self._apply_table()
            self._stack.setCurrentWidget(self._table)
        elif self._canvas is not None:
            self._stack.setCurrentWidget(self._canvas)
        else:
            self._stack.setCurrentWidget(self._placeholder)

    def _on_draw_event(self, _event: object) -> None:
        self.drawn.emit()

    def _suggested_name(self) -> str:
        name = self.accessibleName() or "chart"
        return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "chart"
