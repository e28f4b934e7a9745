"""Pages are built when first shown (issue 6): only the start page exists before the first paint."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from carepath.ui.main_window import MainWindow
from carepath.ui.page_map import PAGES, page_class_for, page_specs
from carepath.ui.session import Session


def test_lazy_titles_are_the_page_classes_titles() -> None:
    for spec in PAGES:
        page_class = page_class_for(spec.key)
        assert page_class is not None
        assert page_class.title == spec.title
    assert page_specs() == list(PAGES)


def test_only_the_start_page_is_built_then_each_page_when_shown(
    qtbot, make_window, demo_session: Session
) -> None:
    window: MainWindow = make_window(demo_session)
    assert [key for key, _page in window.pages.built_items()] == ["overview"]
    assert list(window.pages) == [spec.key for spec in PAGES]
    assert "steps" in window.pages and len(window.pages) == len(PAGES)
    assert window.nav.count() == len(PAGES)
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


#: Run in a fresh interpreter: the real ``carepath --data FILE`` start, stopped at the moment the
#: window has painted for the first time (``open_first_file`` is what runs then).
_FIRST_PAINT_PROBE = textwrap.dedent(
    """
    import json, sys
    import carepath.cli as cli
    import carepath.ui.app as app_module

    seen = {}

    def probe(window, data_path):
        import PySide6.QtCore
        seen["qt_namespace"] = "Qt" in vars(PySide6.QtCore)
        seen["modules"] = sorted(sys.modules)
        seen["nav"] = window.nav.count()
        seen["menus"] = [a.text() for a in window.menuBar().actions()]
        window.close()
        return True

    app_module.open_first_file = probe
    status = cli.main(["--data", sys.argv[1]])
    print(json.dumps(seen))
    sys.exit(status)
    """
)


def test_before_the_first_paint_only_the_frame_is_loaded(
    demo_path: Path, subprocess_env: dict[str, str]
) -> None:
    """The window's frame paints before the record, the pages, matplotlib or the command line's
    parser load, and without creating the ``Qt`` namespace's enums (issue 6: 18 ms)."""
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT_PROBE, str(demo_path)],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["nav"] == len(PAGES)
    assert seen["menus"] == ["&File", "&Edit", "&View", "&Help"]
    assert seen["qt_namespace"] is False
    modules = set(seen["modules"])
    too_early = {  # (argparse itself is not here: PySide6 imports it for its own use)
        "carepath.arguments",
        "carepath.core.catalogue",
        "carepath.core.models",
        "carepath.core.storage",
        "carepath.ui.session",
        "carepath.ui.theme",
        "matplotlib",
        "platformdirs",
        "tinydb",
        *(spec.target.partition(":")[0] for spec in PAGES),
        "carepath.ui.pages.welcome_page",
    }
    assert modules & too_early == set()
    assert "carepath.ui.main_window" in modules
