"""The command line's Qt-free language lookup gives the answer Qt gives, on this (INI) platform.

Each case runs in a child process, so Qt reads that case's environment and config folder afresh.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Qt keeps settings in an INI file on Linux only"
)

CHILD = """
import json, sys
from PySide6.QtCore import QSettings
from carepath.cli_language import language_without_qt
from carepath.ui.i18n import choose_language, save_language
from carepath.ui.settings import APPLICATION, ORGANISATION
saved = sys.argv[1]
if saved != "-":
    settings = QSettings(ORGANISATION, APPLICATION)
    save_language(saved, settings)
    settings.sync()
qt = choose_language(None, QSettings(ORGANISATION, APPLICATION))
print(json.dumps([language_without_qt(), qt]))
"""

ENVIRONMENTS = [
    {"LANG": "es_MX.UTF-8"},
    {"LANG": "en_US.UTF-8"},
    {"LANG": "C"},
    {},
    {"LANG": "en_US.UTF-8", "LC_ALL": "es_ES.UTF-8"},
    {"LANG": "en_US.UTF-8", "LC_NUMERIC": "es_US.UTF-8"},
    {"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_US.UTF-8"},
    {"LANG": "es"},
    {"LANG": "en_US.UTF-8", "LANGUAGE": "es"},
    {"LANG": "C", "LANGUAGE": "es"},
    {"LANG": "es_MX.UTF-8", "LANGUAGE": ":en_GB:es"},
    {"LANG": "C.UTF-8", "LC_MESSAGES": "es_MX.UTF-8"},
]


@pytest.mark.parametrize("saved", ["-", "", "en", "es"])
@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=lambda e: ",".join(e.values()) or "none")
def test_the_fast_answer_is_qts(tmp_path: Path, saved: str, environment: dict[str, str]) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG")) and key != "XDG_CONFIG_HOME"
    }
    env.update(environment, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, saved], env=env, capture_output=True, text=True, check=True
    )
    fast, qt = json.loads(done.stdout)
    assert fast == qt
    if saved in ("en", "es"):
        assert fast == saved  # Preferences win over the environment
