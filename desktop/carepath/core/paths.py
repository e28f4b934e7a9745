"""Which data file CarePath opens: one rule for the window and every command.

``resolve_data_path`` answers, in order: the ``--data`` flag, the environment variable
``CAREPATH_DATA``, the place Preferences ▸ Move data file… moved the record to, and
``carepath.json`` in the platform's user data folder. It is called once, by the entry points
(``carepath.cli`` and ``carepath.ui.app``); everything below them receives the path as an
argument, so tests (and a second profile) never touch the real file.

The moved location is kept in a small JSON file of its own (``data-location.json`` in the user
config folder) and not in Qt's settings, so that this Qt-free module, and with it the command
line, reads the same answer the window does. CarePath 0.1 kept it in Qt's settings:
``carepath.ui.settings.migrate_data_file`` moves it here once and leaves the note behind (saying
"never moved" if need be), so the note's presence means there is nothing left to migrate.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from carepath.core.atomic import write_atomic

APP_FOLDER = "CarePath"
DATA_ENV = "CAREPATH_DATA"
DATA_FILENAME = "carepath.json"
LOCATION_FILENAME = "data-location.json"


def user_data_folder() -> Path:
    import platformdirs  # here, not at the top: the window looks for its file after it is shown

    return Path(platformdirs.user_data_dir(APP_FOLDER, appauthor=False))


def user_config_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_FOLDER, appauthor=False))


def default_data_path() -> Path:
    """``$CAREPATH_DATA`` if set, else ``carepath.json`` in the platform's user data folder."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    return user_data_folder() / DATA_FILENAME


def _location_file(config_folder: Path | None) -> Path:
    return (config_folder or user_config_folder()) / LOCATION_FILENAME


def remembered_data_path(config_folder: Path | None = None) -> Path | None:
    """Where Preferences moved the data file to; None when it was never moved (or the note is
    unreadable: then the default applies, and the next move writes a fresh note)."""
    try:
        note = json.loads(_location_file(config_folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    where = note.get("data_file") if isinstance(note, dict) else None
    return Path(where) if isinstance(where, str) and where else None


def location_noted(config_folder: Path | None = None) -> bool:
    """Whether the note exists (it may say "never moved"): then there is nothing to migrate."""
    return _location_file(config_folder).exists()


def remember_data_path(path: Path | None, config_folder: Path | None = None) -> None:
    """Note ``path`` as the data file's home for every later start (None: the default's).

    Raises SaveError (one sentence) when the config folder cannot be written.
    """
    target = _location_file(config_folder)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    note = {"data_file": None if path is None else str(Path(os.path.abspath(path)))}
    write_atomic(target, json.dumps(note, ensure_ascii=False, indent=2).encode("utf-8"))


def resolve_data_path(flag: Path | None = None, config_folder: Path | None = None) -> Path:
    """The data file to open: ``--data``, else $CAREPATH_DATA, else where Preferences moved it,
    else ``carepath.json`` in the user data folder."""
    if flag is not None:
        return flag
    if os.environ.get(DATA_ENV):
        return default_data_path()
    return remembered_data_path(config_folder) or default_data_path()
