"""ChartCanvas: draws a Figure, follows the palette, saves PNG/SVG, shows its numbers as a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QToolButton

from carepath.charts.theme import DARK, LIGHT, message_figure
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.widgets.rows_table_model import RowsTableModel


@pytest.fixture
def chart(qtbot) -> ChartCanvas:  # type: ignore[no-untyped-def]
    widget = ChartCanvas(accessible_name="Test chart")
    qtbot.addWidget(widget)
    widget.resize(420, 320)
    widget.show()
    return widget


def test_a_figure_is_drawn_and_announced(qtbot, chart: ChartCanvas) -> None:
    assert chart.canvas is None
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.set_figure(message_figure("Hello", chart.theme(), (4, 3)))
    assert chart.canvas is not None
    assert chart.canvas.accessibleName() == "Test chart"


def test_a_new_figure_replaces_the_old_canvas(qtbot, chart: ChartCanvas) -> None:
    chart.set_figure(message_figure("One", chart.theme(), (4, 3)))
    first = chart.canvas
    chart.set_figure(message_figure("Two", chart.theme(), (4, 3)))
    assert chart.canvas is not first
    assert chart.figure is chart.canvas.figure  # type: ignore[union-attr]


def test_table_view_shows_the_rows(qtbot, chart: ChartCanvas, qtmodeltester) -> None:
    chart.set_table(["Skill", "Level"], [["Ethics", "3"], ["Leadership", "2"]])
    assert not chart.is_showing_table()
    chart.show_table(True)
    model = chart.table_model()
    assert chart.table_view().isVisible()
    assert model.rowCount() == 2
    assert model.cell(1, 0) == "Leadership"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Level"
    qtmodeltester.check(model)
    chart.show_table(False)
    assert not chart.table_view().isVisible()


def test_rows_model_with_many_rows(qtmodeltester) -> None:
    model = RowsTableModel()
    model.set_rows(["a", "b"], [[str(i), str(i * 2)] for i in range(2000)])
    assert model.rowCount() == 2000
    qtmodeltester.check(model)


def test_save_as_png_and_svg(qtbot, chart: ChartCanvas, tmp_path: Path) -> None:
    chart.set_figure(message_figure("Saved", chart.theme(), (4, 3)))
    png = chart.save_chart("png", tmp_path / "chart.png")
    svg = chart.save_chart("svg", tmp_path / "chart.svg")
    assert png is not None and png.read_bytes().startswith(b"\x89PNG")
    assert svg is not None and b"<svg" in svg.read_bytes()[:2000]


def test_save_asks_for_a_name_and_adds_the_suffix(
    qtbot, chart: ChartCanvas, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    chart.set_figure(message_figure("Saved", chart.theme(), (4, 3)))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "x"), ""))
    )
    assert chart.save_chart("png") == tmp_path / "x.png"


def test_context_menu_offers_png_svg_and_table(qtbot, chart: ChartCanvas) -> None:
    menu = chart.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Save chart as &PNG…", "Save chart as &SVG…"]
    assert not menu.actions()[0].isEnabled()  # nothing to save yet
    menu.actions()[-1].trigger()
    assert chart.is_showing_table()


def test_theme_follows_the_palette(qtbot, chart: ChartCanvas) -> None:
    assert chart.theme() in (LIGHT, DARK)
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    light = QPalette(chart.palette())
    light.setColor(QPalette.ColorRole.Window, QColor("#F4F4F4"))
    chart.setPalette(light)
    assert chart.theme() is LIGHT
    with qtbot.waitSignal(chart.theme_changed, timeout=2000):
        chart.setPalette(dark)
    assert chart.theme() is DARK


def test_work_waiting_for_a_deleted_chart_is_dropped(qtbot) -> None:
    """A chart asked to draw and then deleted before the timer fires (a page dropped by a change
    of language) must not run the drawing against the deleted widget."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget = ChartCanvas(accessible_name="Doomed")
    widget.resize(200, 200)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget._first_paint.painted, timeout=5000)
    ran: list[str] = []
    widget.after_paint(lambda: ran.append(widget.accessibleName()))
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)
    assert ran == []


def test_the_toggle_is_named_with_its_visible_words(qtbot, chart: ChartCanvas) -> None:
    """WCAG 2.5.3 (label in name): what a voice user reads on the button starts its name."""
    toggle = chart.findChild(QToolButton)
    assert toggle is not None
    for _ in range(2):
        visible = toggle.text().replace("&", "")
        assert toggle.accessibleName().startswith(visible)
        assert "Test chart" in toggle.accessibleName()
        toggle.click()


def test_description_reaches_the_picture_and_the_table(qtbot, chart: ChartCanvas) -> None:
    chart.set_description("Radar of 15 skills.")
    chart.set_figure(message_figure("One", chart.theme(), (4, 3)))
    assert chart.canvas is not None
    assert chart.canvas.accessibleDescription() == "Radar of 15 skills."
    assert chart.table_view().accessibleDescription() == "Radar of 15 skills."
