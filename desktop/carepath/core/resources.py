"""Find the files under ``resources/`` wherever CarePath runs.

Three layouts exist: a source checkout (``resources/`` at the repository root), an installed wheel
(``carepath/resources`` inside the package) and a PyInstaller build (``sys._MEIPASS``). Every module
asks this one helper, so none of them needs to know which layout it is in.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def resources_dir() -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "carepath" / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "content").is_dir():
            return candidate
    raise FileNotFoundError(
        "CarePath's resources folder is missing; reinstall CarePath. Looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a file below ``resources/``, e.g. ``resource_path("content", "skills.toml")``."""
    return resources_dir().joinpath(*parts)
