"""Skip PySide6's per-module source scan, which slows every import after Qt.

Importing ``PySide6.QtCore`` replaces ``builtins.__import__`` with a hook that supports PySide's
opt-in ``from __feature__ import snake_case, true_property``. After *every* later import it asks
whether the new module mentions PySide6 by reading its whole source (``inspect.getsource``), and
files the answer in ``pyside_feature_dict``. CarePath imports matplotlib and most of its own modules
after Qt, some 400 modules: the scan costs about 80 ms of start-up on a 2-core machine
(``pyside_scan`` in tests/benchmarks/tricks.py, docs/BENCHMARKS.md; also seen by napari,
napari/napari#8584).

CarePath never selects a ``__feature__``, so the answer changes nothing: a module filed as "does
not use PySide" is simply left out of feature switching, which only matters once some module
selects a feature, and a module that imports ``__feature__`` is filed by that import itself, before
this check runs. So the check is replaced by one that answers "no" without reading the file. The
import hook itself stays (it also finishes the import of PySide's own modules).
"""

from __future__ import annotations

import sys


def _uses_pyside(_module: object) -> bool:
    return False


def skip_pyside_module_scan() -> None:
    """Replace the source scan, once PySide6 is imported; harmless if PySide6 changes."""
    feature = sys.modules.get("PySide6.support.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is not None and callable(check) and check is not _uses_pyside:
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
