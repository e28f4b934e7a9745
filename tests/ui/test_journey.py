"""A whole first month, as a user lives it, through the real main window.

First run → welcome → rate all fifteen by keyboard → save → overview shows the radar and the gaps →
suggest goals → edit one → undo → date the steps (timeline redrawn) → a second assessment → history
shows two. Parts whose page is not in this build are left out and the test is reported skipped.
"""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import Qt

from carepath.core.catalogue import SKILL_IDS
from carepath.ui.session import Session

#: Levels typed for the fifteen skills, in catalogue order: mostly below a coordinator's targets.
TYPED = [2, 3, 2, 1, 2, 4, 3, 1, 2, 1, 3, 1, 2, 3, 2]


def test_first_month(qtbot, make_window, empty_session: Session, monkeypatch, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = make_window(empty_session)

    # First run.
    assert window.current_key() == "welcome"
    window.welcome.name_edit.setText("Sam Okafor")
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "assess"

    # Rate all fifteen from the keyboard, then save.
    assess = window.pages["assess"]
    assess.skill_list.setFocus()
    assess.skill_list.setCurrentRow(0)
    for level in TYPED:
        qtbot.keyClick(assess.skill_list, Qt.Key.Key_0 + level)
        qtbot.keyClick(assess.skill_list, Qt.Key.Key_Down)
    assert dict(assess.draft.ratings) == dict(zip(SKILL_IDS, TYPED, strict=True))
    window.save_action.trigger()
    assert len(empty_session.record().assessments) == 1

    # The overview shows the new radar and the gaps.
    assert window.current_key() == "overview"
    overview = window.pages["overview"]
    qtbot.waitUntil(lambda: overview.radar.canvas is not None)
    assert overview.gaps_list.count() > 0
    assert "Negotiation" in " ".join(
        overview.gaps_list.item(i).text() for i in range(overview.gaps_list.count())
    )

    if "plan" in window.pages:
        _plan(qtbot, window, empty_session, monkeypatch)
    if "steps" in window.pages:
        _steps(qtbot, window, empty_session)

    # A second assessment a month later.
    window.new_action.trigger()
    assess.set_level(3, "negotiation")
    window.save_action.trigger()
    assert len(empty_session.record().assessments) == 2

    if "history" in window.pages:
        window.show_page("history")
        history = window.pages["history"]
        assert history.table.model().rowCount() == 2

    for module in ("plan_page", "steps_page", "history_page"):
        if importlib.util.find_spec(f"carepath.ui.pages.{module}") is None:
            pytest.skip(f"carepath.ui.pages.{module} is not written yet; its part was left out")


def _plan(qtbot, window, session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.show_page("plan")
    plan = window.pages["plan"]
    plan.suggest()
    goals = session.record().goals
    assert goals, "suggest created no goals"
    chosen = plan.selected_goal()
    assert chosen is not None
    original_title = chosen.title

    make = plan.make_dialog

    def filled(goal):  # type: ignore[no-untyped-def]
        dialog = make(goal)
        qtbot.addWidget(dialog)

        def exec_() -> int:
            dialog.title_edit.setText("Lead one payer call a week")
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            return dialog.result()

        dialog.exec = exec_  # type: ignore[method-assign]
        return dialog

    monkeypatch.setattr(plan, "make_dialog", filled)
    plan.edit_selected()
    titles = {g.title for g in session.record().goals}
    assert "Lead one payer call a week" in titles

    window.undo_action.trigger()
    titles = {g.title for g in session.record().goals}
    assert original_title in titles
    assert "Lead one payer call a week" not in titles


def _steps(qtbot, window, session: Session) -> None:  # type: ignore[no-untyped-def]
    window.show_page("steps")
    steps = window.pages["steps"]
    qtbot.waitUntil(lambda: steps.timeline.figure is not None)
    before = steps.timeline.figure
    steps.propose_target_dates()
    dated = [s for s in session.record().steps.values() if s.target_date is not None]
    assert len(dated) == 10
    qtbot.waitUntil(lambda: steps.timeline.figure is not before)
