"""The core and the charts are Qt-free: every module imports with PySide6 blocked.

This is the rule that keeps the domain testable on its own and the arrows one-way (DESIGN.md):
``ui → export → charts → core``. A subprocess makes any Qt import raise, then imports them all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import carepath

PACKAGE = Path(carepath.__file__).parent

BLOCK_AND_IMPORT = """
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}:
            raise ImportError(f"{name} imported by Qt-free code")
        return None

sys.meta_path.insert(0, NoQt())
import carepath.core, carepath.charts
names = []
for package in (carepath.core, carepath.charts):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
print(len(names))
"""


def test_core_and_charts_import_without_qt() -> None:
    env = dict(os.environ, PYTHONPATH=str(PACKAGE.parent))
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_IMPORT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    expected = len(list((PACKAGE / "core").glob("[!_]*.py"))) + len(
        list((PACKAGE / "charts").glob("[!_]*.py"))
    )
    assert int(result.stdout.strip()) == expected
