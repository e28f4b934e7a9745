"""Where the user's data file lives unless they say otherwise.

Looked up once, at start-up, by the entry points; everything below them receives the path as an
argument, so tests (and a second profile) never touch the real file.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "CAREPATH_DATA"
DATA_FILENAME = "carepath.json"


def default_data_path() -> Path:
    """``$CAREPATH_DATA`` if set, else ``carepath.json`` in the platform's user data folder."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here, not at the top: the window looks for its file after it is shown

    return Path(platformdirs.user_data_dir("CarePath", appauthor=False)) / DATA_FILENAME
