"""Pages are built when first shown (issue 6): only the start page exists before the first paint."""

from __future__ import annotations

import sys

from carepath.ui.main_window import (
    _LAZY_TITLES,
    PAGE_ORDER,
    MainWindow,
    page_class_for,
    page_titles,
)
from carepath.ui.session import Session


def test_lazy_titles_are_the_page_classes_titles() -> None:
    for key, title in _LAZY_TITLES.items():
        page_class = page_class_for(key)
        assert page_class is not None
        assert page_class.title == title
    assert list(page_titles()) == [key for key, _m, _c in PAGE_ORDER]


def test_only_the_start_page_is_built_then_each_page_when_shown(
    qtbot, make_window, demo_session: Session
) -> None:
    window: MainWindow = make_window(demo_session)
    assert [key for key, _page in window.pages.built_items()] == ["overview"]
    assert list(window.pages) == [key for key, _m, _c in PAGE_ORDER]
    assert "steps" in window.pages and len(window.pages) == len(PAGE_ORDER)
    assert window.nav.count() == len(PAGE_ORDER)
    assert window.settle_all()  # nothing built, nothing to ask about
    assert [key for key, _page in window.pages.built_items()] == ["overview"]

    assert window.show_page("steps")
    steps = window.pages["steps"]
    assert window.current_page() is steps and window.current_key() == "steps"
    assert steps.objectName() == "page-steps"
    assert [key for key, _page in window.pages.built_items()] == ["overview", "steps"]
    assert window.pages["steps"] is steps  # built once


def test_a_page_built_after_a_session_switch_shows_that_session(
    qtbot, make_window, demo_session: Session
) -> None:
    window: MainWindow = make_window(demo_session)
    assert window.enter_sample()
    history = window.pages["history"]
    assert history.session is window.session
    assert window.session.is_sample
    assert window.leave_sample(ask=False)
    assert history.session is demo_session


def test_page_modules_load_with_their_page() -> None:
    # Importing the window does not import the pages it builds lazily (checked in a fresh
    # interpreter would be stricter; here: the titles need no import).
    modules = [m for key, m, _c in PAGE_ORDER if key in _LAZY_TITLES]
    loaded_before = {m for m in modules if m in sys.modules}
    page_titles()
    assert {m for m in modules if m in sys.modules} == loaded_before
