"""The History page: every assessment newest first, read-only view, delete with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMainWindow,
)

from carepath.core.storage import DataStore
from carepath.ui.dialogs.assessment_view_dialog import AssessmentViewDialog
from carepath.ui.models import format_date, format_datetime
from carepath.ui.models.history_table_model import HistoryTableModel
from carepath.ui.pages.history_page import HistoryPage
from carepath.ui.session import Session


def _page(qtbot, session: Session) -> HistoryPage:  # type: ignore[no-untyped-def]
    page = HistoryPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def test_demo_history_is_newest_first(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    record = demo_session.record()
    assert page.proxy.rowCount() == len(record.assessments) == 12
    first = page.proxy.index(0, 0).data(HistoryTableModel.AssessmentRole)
    assert first == record.latest
    assert page.selected_assessment() == record.latest
    assert "12" in page.summary_label.text()
    assert not page.empty_label.isVisibleTo(page)
    assert page.open_button.isEnabled() and page.delete_button.isEnabled()


def test_empty_history(qtbot, empty_session) -> None:
    page = _page(qtbot, empty_session)
    assert page.proxy.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()
    page.delete_selected()  # nothing selected: nothing happens
    assert empty_session.undo_stack.count() == 0


def test_open_shows_the_assessment_read_only(
    qtbot, demo_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_session)
    shown: list[AssessmentViewDialog] = []
    make = page.make_view_dialog

    def fake(assessment):  # type: ignore[no-untyped-def]
        dialog = make(assessment)
        qtbot.addWidget(dialog)
        dialog.exec = lambda: 0  # type: ignore[method-assign]
        shown.append(dialog)
        return dialog

    monkeypatch.setattr(page, "make_view_dialog", fake)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(shown) == 1
    dialog = shown[0]
    latest = demo_session.record().latest
    table = dialog.table
    assert table.rowCount() == 15
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    levels = [table.item(r, 1).text() for r in range(15)]
    skills = [table.item(r, 0).text() for r in range(15)]
    assert levels[skills.index("Decision-making")] == "Not rated yet"
    comm = latest.ratings["communication"]
    assert levels[0] == f"{comm} {demo_session.catalogue.level(comm).name}"
    assert table.item(0, 2).text() == latest.notes.get("communication", "")
    assert not table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable


def test_delete_then_undo_restores_the_same_assessment(
    qtbot, demo_session, demo_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    page = HistoryPage(demo_session)
    window.setCentralWidget(page)
    window.show()
    target = demo_session.record().assessments[5]
    page._select(target.id)
    assert page.selected_assessment() == target

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert target.id not in {a.id for a in demo_session.record().assessments}
    assert page.proxy.rowCount() == 11
    message = f"Assessment of {format_date(target.taken_at.date())} deleted — Undo (Ctrl+Z)"
    assert page.info_label.text() == message
    assert page.info_bar.isVisibleTo(page)
    assert window.statusBar().currentMessage() == message

    page.undo_button.click()
    restored = next(a for a in demo_session.record().assessments if a.id == target.id)
    assert restored == target
    assert page.proxy.rowCount() == 12
    assert not page.info_bar.isVisibleTo(page)

    demo_session.undo_stack.redo()
    assert page.proxy.rowCount() == 11
    demo_session.undo_stack.undo()
    demo_session.close()
    with DataStore.open(demo_path) as store:
        ids = [a.id for a in store.record().assessments]
    assert target.id in ids and len(ids) == 12


def test_every_control_has_an_accessible_name(qtbot, demo_session, unnamed_controls) -> None:
    page = _page(qtbot, demo_session)
    assert unnamed_controls(page) == []


def test_same_day_assessments_show_their_time(qtbot, empty_session) -> None:
    from datetime import datetime

    from carepath.core.models import Assessment

    morning = Assessment.create({"ethics": 2}, taken_at=datetime(2026, 11, 26, 9, 5))
    evening = Assessment.create({"ethics": 3}, taken_at=datetime(2026, 11, 26, 19, 40))
    other = Assessment.create({"ethics": 1}, taken_at=datetime(2026, 10, 1, 8, 0))
    for assessment in (other, morning, evening):
        empty_session.add_assessment(assessment)
    page = _page(qtbot, empty_session)
    dates = [page.proxy.index(row, 0).data() for row in range(3)]
    assert dates[0] != dates[1]  # the same day, told apart
    assert dates[0] == format_datetime(evening.taken_at)  # date and time, in the locale's way
    assert dates[1] == format_datetime(morning.taken_at)
    assert dates[2] == format_date(other.taken_at.date())  # a day of its own: the date alone


def test_newest_first_shows_a_downward_sort_arrow(qtbot, demo_session) -> None:
    """▼ for newest first: Qt's own header drew ▲, which reads as oldest first."""
    page = _page(qtbot, demo_session)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    image = header.grab().toImage()
    column = HistoryTableModel.COL_DATE
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    widths = []
    for y in range(image.height()):
        dark = sum(1 for x in range(right - 24, right) if image.pixelColor(x, y).lightness() < 160)
        if dark:
            widths.append(dark)
    assert len(widths) >= 3, widths
    assert widths[0] > widths[-1], widths  # widest at the top: pointing down
