"""First run: the welcome page, and sample data that never touches the user's file."""

from __future__ import annotations

from pathlib import Path

from carepath.core.demo import DEMO_NAME
from carepath.ui.session import Session


def test_first_run_shows_the_welcome_and_start_opens_assess(
    qtbot, make_window, empty_session: Session
) -> None:
    window = make_window(empty_session)
    assert window.current_key() == "welcome"
    assert not window.nav.isVisible()
    assert not window.page_actions["overview"].isEnabled()

    welcome = window.welcome
    welcome.name_edit.setText("José Ñúñez")
    welcome.current_combo.setCurrentIndex(1)  # coordinator: the target moves ahead of it
    assert welcome.target_combo.currentData() == "senior"
    welcome.interval_spin.setValue(45)
    welcome.start_button.click()

    profile = empty_session.record().profile
    assert profile.is_set_up
    assert profile.name == "José Ñúñez"
    assert (profile.current_stage, profile.target_stage) == ("coordinator", "senior")
    assert profile.reassess_interval_days == 45
    assert window.current_key() == "assess"
    assert window.nav.isVisible()


def test_a_set_up_profile_skips_the_welcome(qtbot, make_window, demo_session: Session) -> None:
    window = make_window(demo_session)
    assert window.current_key() == "overview"


def test_sample_data_is_separate_and_clearly_marked(
    qtbot, make_window, empty_session: Session, data_path: Path
) -> None:
    window = make_window(empty_session)
    before = data_path.read_bytes()
    window.welcome.sample_button.click()

    assert window.is_sample
    assert window.session is not empty_session
    assert window.windowTitle() == "Sample data — CarePath"  # ends with the app name: once
    assert window.banner.isVisible()
    assert window.session.record().profile.name == DEMO_NAME
    assert window.current_key() == "overview"
    sample_file = window.session.path
    assert sample_file.parent != data_path.parent
    assert not window.open_action.isEnabled()

    # Work done in the sample stays in the sample.
    from carepath.core.models import Goal

    window.session.save_goal(Goal.create("ethics", "Sample-only goal"))
    assert data_path.read_bytes() == before

    window.leave_sample_button.click()
    assert not window.is_sample
    assert window.session is empty_session
    assert window.windowTitle() == "CarePath"
    assert not window.banner.isVisible()
    assert not sample_file.exists()
    assert window.current_key() == "welcome"  # the user's file is still not set up
    assert data_path.read_bytes() == before
