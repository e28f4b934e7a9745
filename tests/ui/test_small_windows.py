"""Every page (but Steps, tested with its own page) at 800×600, at 1.5× the font, in English and
Spanish: nothing drawn outside the page, no two texts or controls on top of each other; and the
chart legends of a wide window stay inside their charts, at a readable size.

"Outside" and "on top of each other" are measured the way a person sees the page: each visible
text or control is clipped by the widgets around it, up to the page or up to the scroll area that
holds it (what a scroll area hides can be scrolled to, as long as it can scroll that way).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from carepath.core.catalogue import load_catalogue
from carepath.core.storage import DataStore
from carepath.ui import i18n, theme
from carepath.ui.chart_canvas import ChartCanvas
from carepath.ui.session import Session

LEAVES = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QProgressBar,
    QGroupBox,
)
PAGES = ("overview", "assess", "progress", "plan", "history")


@pytest.fixture(autouse=True)
def _english_normal_font_afterwards(qapp) -> Iterator[None]:
    original = QFont(qapp.font())
    yield
    qapp.setFont(original)
    i18n.install("en", qapp)
    theme.apply_theme("system", qapp)


def _window(make_window, demo_path, language: str, width: int, height: int):  # type: ignore[no-untyped-def]
    session = Session(DataStore.open(demo_path), load_catalogue(language))
    window = make_window(session, resize=False)
    window.resize(width, height)
    return window


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(30)


def _is_leaf(widget: QWidget) -> bool:
    if not isinstance(widget, LEAVES) or widget.objectName().startswith("qt_"):
        return False
    parent = widget.parentWidget()
    while parent is not None:  # a part of a bigger control (a spin box's line edit...)
        if isinstance(parent, LEAVES) and not isinstance(parent, QGroupBox):
            return False
        parent = parent.parentWidget()
    return not (isinstance(widget, QLabel) and not widget.text() and widget.pixmap().isNull())


def _container(widget: QWidget, page: QWidget) -> QWidget:
    """The page, or the scroll area viewport that holds ``widget`` (inside which it scrolls)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return parent
        parent = grand
    return page


def _clipped_rect(widget: QWidget, container: QWidget) -> QRect:
    """The widget's rectangle in ``container`` coordinates, clipped by every widget between."""
    rect = QRect(widget.mapTo(container, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not container:
        rect = rect.intersected(QRect(parent.mapTo(container, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def layout_problems(page: QWidget) -> list[str]:
    window = page.window()
    leaves = [w for w in page.findChildren(QWidget) if w.isVisibleTo(window) and _is_leaf(w)]
    problems = []
    placed: list[tuple[QWidget, QWidget, QRect]] = []
    for widget in leaves:
        container = _container(widget, page)
        full = QRect(widget.mapTo(container, QPoint(0, 0)), widget.size())
        visible = _clipped_rect(widget, container)
        bounds = container.rect()
        if container is not page:
            area = container.parentWidget()
            assert isinstance(area, QAbstractScrollArea)
            if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                bounds.setWidth(10**6)  # scrolls sideways: anything to the right is reachable
            bounds.setHeight(10**6)
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!s:.30}"
        if visible != full or not bounds.contains(full):
            problems.append(f"{name}: cut off ({full.getRect()} shows {visible.getRect()})")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                problems.append(f"{name}: its lines need {needed} px, it has {widget.height()}")
        placed.append((widget, container, full))
    for index, (first, container, rect) in enumerate(placed):
        for second, other_container, other in placed[index + 1 :]:
            if container is not other_container:
                continue
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            overlap = rect.intersected(other)
            if overlap.width() > 2 and overlap.height() > 2:
                problems.append(
                    f"{type(first).__name__} and {type(second).__name__} overlap: "
                    f"{getattr(first, 'text', lambda: '')()!s:.25} / "
                    f"{getattr(second, 'text', lambda: '')()!s:.25}"
                )
    return problems


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_page_fits_800_by_600(qapp, qtbot, make_window, demo_path, language, scale) -> None:
    if scale != 1.0:
        larger = QFont(qapp.font())
        larger.setPointSizeF(larger.pointSizeF() * scale)
        qapp.setFont(larger)
    i18n.install(language, qapp, strict=True)
    window = _window(make_window, demo_path, language, 800, 600)
    problems = []
    for key in PAGES:
        window.show_page(key, ask=False)
        _settle(qtbot)
        page = window.pages[key]
        assert page.width() <= 800 and page.height() <= 600
        problems += [f"{key}: {p}" for p in layout_problems(page)]
    assert not problems, "\n".join(problems)


def test_legends_of_a_wide_window_stay_readable(qapp, qtbot, make_window, demo_path) -> None:
    window = _window(make_window, demo_path, "en", 1440, 900)
    for key in ("overview", "progress"):
        window.show_page(key, ask=False)
        page = window.pages[key]
        chart = page.findChild(ChartCanvas)
        qtbot.waitUntil(lambda c=chart: c.figure is not None, timeout=10_000)
        _settle(qtbot)
        chart.draw_now()
        figure = chart.figure
        renderer = figure.canvas.get_renderer()
        legends = [*figure.legends, *(a.get_legend() for a in figure.axes if a.get_legend())]
        assert legends, key
        for legend in legends:
            box = legend.get_window_extent(renderer)
            assert figure.bbox.x0 <= box.x0 and box.x1 <= figure.bbox.x1 + 1, key
            assert box.y0 >= figure.bbox.y0 - 1, key
            for text in legend.get_texts():
                assert text.get_fontsize() >= 8, (key, text.get_text())
