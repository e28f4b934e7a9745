"""The Steps page: the ten steps, edits saved at once and undoable, and the timeline redrawn."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from carepath.core.catalogue import STEP_IDS
from carepath.core.models import StepStatus
from carepath.core.steps import projected_finish, proposed_targets
from carepath.core.storage import DataStore
from carepath.ui import plan_commands
from carepath.ui.models import format_date
from carepath.ui.pages.steps_page import StepsPage
from carepath.ui.session import Session

#: The demo record's "today" (FIXED_TODAY in tests/conftest.py); importing conftest is fragile.
FIXED_TODAY = date(2026, 11, 26)


def _page(qtbot, session: Session) -> StepsPage:  # type: ignore[no-untyped-def]
    page = StepsPage(session)
    page.today = lambda: FIXED_TODAY
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def _timeline_rows(page: StepsPage) -> list[list[str]]:
    model = page.timeline.table_model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_demo_record_opens_on_the_overdue_step(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    assert page.model.rowCount() == 10
    assert page.current_step_id() == "legal_ethics"
    assert page.step_title.text() == "Step 7 of 10: Learn the legal and ethical side"
    assert page.overdue_label.isVisibleTo(page)
    assert "Overdue" in page.overdue_label.text()
    assert page.status_combo.currentData() == "in_progress"
    assert page.target_date.value() == FIXED_TODAY - timedelta(days=14)
    assert page.done_date.value() is None and not page.done_date.edit.isEnabled()
    assert page.note_edit.toPlainText() == "HIPAA refresher done; ethics course half way."
    assert len(page._checklist_boxes) == 4
    finish = projected_finish(demo_session.record(), demo_session.catalogue, FIXED_TODAY)
    assert page.finish_label.text() == f"Projected finish: {format_date(finish)}"
    assert page.timeline.figure is not None
    rows = _timeline_rows(page)
    assert len(rows) == 11  # ten steps and the projected finish
    assert rows[6][-1] == "overdue"
    assert rows[-1][3] == format_date(finish)


def test_empty_record(qtbot, empty_session) -> None:
    page = _page(qtbot, empty_session)
    assert page.current_step_id() == "understand_role"
    assert not page.overdue_label.isVisibleTo(page)
    assert page.status_combo.currentData() == "not_started"
    assert page.start_date.value() is None and not page.start_date.edit.isEnabled()
    assert page.finish_label.text().startswith("Projected finish: ")
    assert page.timeline.figure is not None
    page.select_step("communication")
    assert page.step_title.text().startswith("Step 4 of 10")
    assert "Typical duration" in page.facts_label.text()


def test_status_done_fills_the_done_date_and_undo_restores(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    before = demo_session.record().step("legal_ethics")
    figure = page.timeline.figure
    done_index = page.status_combo.findData("done")
    page.status_combo.setFocus()
    while page.status_combo.currentIndex() != done_index:
        qtbot.keyClick(page.status_combo, Qt.Key.Key_Down)
    after = demo_session.record().step("legal_ethics")
    assert after.status is StepStatus.DONE and after.done_date == FIXED_TODAY
    assert page.done_date.value() == FIXED_TODAY and page.done_date.edit.isEnabled()
    assert not page.overdue_label.isVisibleTo(page)
    assert page.timeline.figure is not figure  # redrawn
    assert _timeline_rows(page)[6][-1] == ""  # no longer overdue

    demo_session.undo_stack.undo()
    assert demo_session.record().step("legal_ethics") == before
    assert page.status_combo.currentData() == "in_progress"
    assert page.overdue_label.isVisibleTo(page)


def test_dates_are_saved_at_once_and_undone(
    qtbot, demo_session, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_commands, "MERGE_SECONDS", 60.0)  # a slow machine merges too
    page = _page(qtbot, demo_session)
    page.select_step("community_resources")
    assert page.target_date.value() is None
    record = demo_session.record()
    proposed = proposed_targets(record, demo_session.catalogue, FIXED_TODAY)["community_resources"]
    finish = projected_finish(record, demo_session.catalogue, FIXED_TODAY)
    # "Has a target date" starts from the proposed date, so the projected finish does not move.
    page.target_date.check.click()
    assert demo_session.record().step("community_resources").target_date == proposed
    assert projected_finish(demo_session.record(), demo_session.catalogue, FIXED_TODAY) == finish
    page.target_date.edit.setDate(QDate(2027, 3, 1))
    assert demo_session.record().step("community_resources").target_date.isoformat() == (
        "2027-03-01"
    )
    page.start_date.check.click()
    assert demo_session.record().step("community_resources").start_date == FIXED_TODAY
    # Two edits of the target date a moment apart are one undo step; the start date another.
    assert demo_session.undo_stack.count() == 2
    demo_session.undo_stack.undo()
    assert demo_session.record().step("community_resources").start_date is None
    assert not page.start_date.check.isChecked()
    demo_session.undo_stack.undo()
    assert demo_session.record().step("community_resources").target_date is None
    demo_session.undo_stack.redo()
    demo_session.close()
    with DataStore.open(demo_path) as store:
        saved = store.record().step("community_resources")
    assert saved.target_date is not None and saved.target_date.isoformat() == "2027-03-01"


def test_checklist_and_note_are_saved_and_undone(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    box = page._checklist_boxes[0]
    item_id = box.property("item_id")
    box.click()
    assert demo_session.record().step("legal_ethics").checklist[item_id] is True
    assert "1 of 4" in page.checklist_box.title()
    assert page.model.index(page.model.row_of("legal_ethics"), 5).data() == "1 of 4"

    page.note_edit.setPlainText("Ethics course finished.")
    assert page.has_unsaved_changes()
    assert page.save()
    assert not page.has_unsaved_changes()
    assert demo_session.record().step("legal_ethics").note == "Ethics course finished."

    demo_session.undo_stack.undo()
    assert demo_session.record().step("legal_ethics").note.startswith("HIPAA refresher")
    assert page.note_edit.toPlainText().startswith("HIPAA refresher")
    demo_session.undo_stack.undo()
    assert not demo_session.record().step("legal_ethics").checklist.get(item_id, False)
    assert not box.isChecked()


def test_a_note_is_saved_when_typing_pauses_or_another_step_is_chosen(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    page.note_edit.setPlainText("Half way through the ethics course.")
    with qtbot.waitSignal(demo_session.record_changed, timeout=3000):
        pass  # the pause timer saves it
    assert demo_session.record().step("legal_ethics").note == "Half way through the ethics course."
    page.note_edit.setPlainText("Typed, then moved on")
    page.select_step("apply")
    assert demo_session.record().step("legal_ethics").note == "Typed, then moved on"
    assert page.note_edit.toPlainText() == ""
    # The save redrew the page, and the step just chosen stayed chosen.
    assert page.current_step_id() == "apply"
    assert page.table.currentIndex().row() == page.model.row_of("apply")
    assert page.step_title.text().startswith("Step 10 of 10")


def test_propose_target_dates_is_one_undo_step(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    figure = page.timeline.figure
    page.propose_button.click()
    record = demo_session.record()
    for step_id in STEP_IDS:
        progress = record.step(step_id)
        if progress.status is not StepStatus.DONE:
            assert progress.target_date is not None, step_id
    assert demo_session.undo_stack.count() == 1
    assert "8, 10" in page.message_label.text()
    assert page.timeline.figure is not figure
    assert _timeline_rows(page)[9][3] == format_date(record.step("apply").target_date)

    page.propose_button.click()  # nothing left to propose
    assert demo_session.undo_stack.count() == 1
    assert "already" in page.message_label.text()

    demo_session.undo_stack.undo()
    assert demo_session.record().step("apply").target_date is None
    assert demo_session.record().step("community_resources").target_date is None


def test_ticking_and_clearing_an_item_at_once_leaves_no_undo_step(
    qtbot, demo_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_commands, "MERGE_SECONDS", 60.0)
    page = _page(qtbot, demo_session)
    before = demo_session.record().step("legal_ethics")
    page._checklist_boxes[1].click()
    page._checklist_boxes[1].click()
    assert demo_session.undo_stack.count() == 0  # merged back to where it started: obsolete
    assert demo_session.record().step("legal_ethics") == before


def test_every_control_has_an_accessible_name(qtbot, demo_session, unnamed_controls) -> None:
    page = _page(qtbot, demo_session)
    assert unnamed_controls(page) == []


def test_a_note_does_not_redraw_the_timeline(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    figure = page.timeline.figure
    page.note_edit.setPlainText("Only words changed")
    page.save()
    assert page.timeline.figure is figure
    page._checklist_boxes[0].click()
    assert page.timeline.figure is figure  # the checklist is not on the chart either
    page.target_date.edit.setDate(QDate(2027, 1, 15))
    assert page.timeline.figure is not figure
