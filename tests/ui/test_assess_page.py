"""The Assess page: starts from the latest ratings, keyboard rating, save, and the blitted radar."""

from __future__ import annotations

import math

import pytest
from matplotlib.lines import Line2D
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from carepath.core.catalogue import SKILL_IDS
from carepath.core.errors import SaveError
from carepath.ui.pages.assess_page import AssessPage
from carepath.ui.session import Session


def _page(qtbot, session: Session) -> AssessPage:  # type: ignore[no-untyped-def]
    page = AssessPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitUntil(lambda: page.radar.canvas is not None)
    page.radar.draw_now()
    return page


def _now_radii(page: AssessPage) -> list[float]:
    assert page._chart is not None
    line = next(
        a for a in page._chart.animated_artists if isinstance(a, Line2D) and a.get_label() == "Now"
    )
    return [float(r) for r in line.get_ydata()][: len(SKILL_IDS)]


def test_starts_from_the_latest_ratings_and_evidence(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    latest = demo_session.record().latest
    assert latest is not None
    assert page.draft.ratings == latest.ratings
    skill = next(s for s in SKILL_IDS if latest.notes.get(s))
    page.select_skill(skill)
    assert page.evidence_edit.toPlainText() == latest.notes[skill]  # carried forward, editable
    assert "ratings and evidence" in page.subheading.text()
    assert page.general_edit.toPlainText() == ""
    assert not page.has_unsaved_changes()
    assert "4 · Proficient" in page.skill_list.item(0).text() or page.skill_list.count() == 15


def test_descriptors_of_the_selected_skill_are_shown(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.select_skill("negotiation")
    skill = demo_session.catalogue.skill("negotiation")
    assert page.skill_name.text() == skill.name
    for level in range(1, 6):
        assert page.options[level].descriptor.text() == skill.descriptor(level)
        assert demo_session.catalogue.level(level).name in page.options[level].radio.text()
    chosen = page.draft.level("negotiation")
    assert chosen is not None
    assert page.options[chosen].property("chosen") is True
    assert page.options[chosen].radio.isChecked()


def test_keys_rate_and_move_and_mark_changes(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.skill_list.setFocus()
    page.skill_list.setCurrentRow(SKILL_IDS.index("negotiation"))
    qtbot.keyClick(page.skill_list, Qt.Key.Key_5)
    assert page.draft.level("negotiation") == 5
    assert "changed" in page.skill_list.currentItem().text()
    assert page.options[5].radio.isChecked()
    qtbot.keyClick(page.skill_list, Qt.Key.Key_0)
    assert page.draft.level("negotiation") is None
    assert page.not_rated.isChecked()
    qtbot.keyClick(page.skill_list, Qt.Key.Key_Down)
    assert page.current_skill() == SKILL_IDS[SKILL_IDS.index("negotiation") + 1]
    page.evidence_edit.setFocus()
    qtbot.keyClick(page.evidence_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.current_skill() == SKILL_IDS[SKILL_IDS.index("negotiation") + 2]
    before = page.evidence_edit.toPlainText()
    page.evidence_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.evidence_edit, "3")  # digits typed in a note are text, not a rating
    assert page.evidence_edit.toPlainText() == before + "3"
    assert page.has_unsaved_changes()


def test_clicking_a_descriptor_chooses_it(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.select_skill("ethics")
    qtbot.mouseClick(page.options[2], Qt.MouseButton.LeftButton)
    assert page.draft.level("ethics") == 2
    assert page.options[2].property("chosen") is True


def test_rating_change_blits_without_a_full_draw(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    canvas = page.radar.canvas
    assert canvas is not None
    full_draws = []
    original_draw = canvas.draw

    def counting_draw() -> None:
        full_draws.append(1)
        original_draw()

    canvas.draw = counting_draw  # type: ignore[method-assign]
    before = page.full_draw_count
    index = SKILL_IDS.index("leadership")
    for level in (5, 1, 4):
        page.set_level(level, "leadership")
        assert _now_radii(page)[index] == level
    assert page.blit_count == 3
    assert page.full_draw_count == before
    assert full_draws == []
    assert page.last_blit_seconds is not None and page.last_blit_seconds < 0.25
    page.set_level(None, "leadership")
    assert math.isnan(_now_radii(page)[index])


def test_save_adds_an_assessment_and_is_undoable(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    count = len(demo_session.record().assessments)
    page.set_level(5, "ethics")
    page.evidence_edit.setFocus()
    page.select_skill("ethics")
    page.evidence_edit.setPlainText("Chaired the ethics huddle")
    page.general_edit.setPlainText("Good month")
    with qtbot.waitSignal(page.navigate_requested) as moved:
        assert page.save()
    assert moved.args == ["overview"]
    record = demo_session.record()
    assert len(record.assessments) == count + 1
    assert record.latest is not None
    assert record.latest.ratings["ethics"] == 5
    assert record.latest.notes["ethics"] == "Chaired the ethics huddle"
    assert record.latest.notes == {**record.previous.notes, "ethics": "Chaired the ethics huddle"}
    assert record.latest.note == "Good month"
    assert not page.has_unsaved_changes()
    assert page.general_edit.toPlainText() == ""
    demo_session.undo_stack.undo()
    assert len(demo_session.record().assessments) == count


def test_a_failed_save_keeps_the_draft(
    qtbot, demo_session: Session, monkeypatch: pytest.MonkeyPatch, dialogs
) -> None:
    page = _page(qtbot, demo_session)

    def refuse(assessment: object) -> None:
        raise SaveError("Could not save because the disk is full.")

    monkeypatch.setattr(demo_session, "add_assessment", refuse)
    page.set_level(1, "ethics")
    assert not page.save()
    assert dialogs.names() == ["warning"]
    assert page.draft.level("ethics") == 1
    assert page.has_unsaved_changes()


def test_first_assessment_on_an_empty_record(qtbot, empty_session: Session) -> None:
    page = _page(qtbot, empty_session)
    assert page.heading.text() == "Your first assessment"
    assert all(page.draft.level(s) is None for s in SKILL_IDS)
    page.skill_list.setFocus()
    page.skill_list.setCurrentRow(0)
    for row in range(len(SKILL_IDS)):
        qtbot.keyClick(page.skill_list, Qt.Key.Key_1 + row % 5)
        qtbot.keyClick(page.skill_list, Qt.Key.Key_Down)
    assert page.draft.rated_count() == 15
    assert "15 of 15" in page.summary.text()
    assert page.save()
    latest = empty_session.record().latest
    assert latest is not None and len(latest.ratings) == 15


def test_discard_button_asks_first(qtbot, demo_session: Session, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = _page(qtbot, demo_session)
    page.set_level(1, "ethics")
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    page.discard_button.click()
    assert page.has_unsaved_changes()
    dialogs.question_answer = QMessageBox.StandardButton.Discard
    page.discard_button.click()
    assert not page.has_unsaved_changes()


def test_radar_table_lists_every_skill(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.radar.show_table(True)
    model = page.radar.table_model()
    assert model.rowCount() == 15
    page.set_level(5, "ethics")
    row = SKILL_IDS.index("ethics")
    assert model.cell(row, 1).startswith("5")


def test_interactive_widgets_have_accessible_names(qtbot, demo_session: Session) -> None:
    from PySide6.QtWidgets import QAbstractButton, QListWidget, QPlainTextEdit

    page = _page(qtbot, demo_session)
    for kind in (QAbstractButton, QListWidget, QPlainTextEdit):
        for widget in page.findChildren(kind):
            if not widget.objectName().startswith("qt_"):  # Qt's own helpers
                assert widget.accessibleName(), widget


def test_saving_nothing_changed_asks_and_never_copies_silently(
    qtbot, demo_session: Session, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = _page(qtbot, demo_session)
    count = len(demo_session.record().assessments)
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    page.save_button.click()
    assert dialogs.names() == ["question"]
    assert len(demo_session.record().assessments) == count  # nothing stored
    dialogs.question_answer = QMessageBox.StandardButton.Save  # "I reassessed: same as before"
    assert page.save()
    assert len(demo_session.record().assessments) == count + 1


def test_an_empty_first_assessment_is_refused(qtbot, empty_session: Session, dialogs) -> None:
    page = _page(qtbot, empty_session)
    assert not page.save()
    assert dialogs.names() == ["information"]
    assert not empty_session.record().assessments


def test_first_assessment_marks_nothing_changed(qtbot, empty_session: Session) -> None:
    page = _page(qtbot, empty_session)
    for skill in SKILL_IDS:
        page.set_level(3, skill)
    assert all("changed" not in page.skill_list.item(r).text() for r in range(len(SKILL_IDS)))
    assert "changed" not in page.summary.text()
    assert page.has_unsaved_changes()


def test_another_skill_starts_at_the_top_of_the_middle_pane(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    page.resize(900, 420)  # short enough for the descriptors to scroll
    qtbot.waitUntil(lambda: page._detail_scroll.verticalScrollBar().maximum() > 0)
    bar = page._detail_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    page.move_selection(1)
    assert bar.value() == 0


def test_evidence_is_in_view_in_a_small_window_and_has_a_counter(
    qtbot, demo_session: Session
) -> None:
    from carepath.ui.widgets.limited_text_edit import NOTE_MAX_LENGTH

    page = _page(qtbot, demo_session)
    page.resize(600, 540)
    qtbot.waitUntil(page.is_narrow)
    qtbot.wait(20)
    for widget in (page.evidence_edit, page.save_button):
        top_left = widget.mapTo(page, widget.rect().topLeft())
        bottom_right = widget.mapTo(page, widget.rect().bottomRight())
        assert page.rect().contains(top_left) and page.rect().contains(bottom_right), widget
    assert page.evidence_edit.height() >= page.evidence_edit.fontMetrics().lineSpacing() * 3
    page.select_skill("ethics")
    page.evidence_edit.setPlainText("")
    page.evidence_edit.insertPlainText("x" * (NOTE_MAX_LENGTH + 50))
    assert len(page.evidence_edit.toPlainText()) == NOTE_MAX_LENGTH
    assert len(page.draft.note_for("ethics")) == NOTE_MAX_LENGTH
    assert page.evidence_edit.counter.text().replace(",", "").startswith("5000 / 5000")
