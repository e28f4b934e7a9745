"""What the app remembers between runs, and every key it is kept under (QSettings).

Window geometry and state, the last page and folder, the theme and language (Preferences) and the
export dialog's last choices: only view preferences live here. The user's record lives in the
data file, and the moved data file's location in ``core.paths`` (the command line needs it).
Every value is read with ``value(key, default, type)`` so that a missing or foreign entry gives
the default instead of a wrong type, and the geometry keys carry the Qt version, since a geometry
saved by another Qt version can restore a window off-screen (Anki does the same).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, qVersion

ORGANISATION = "CarePath"
APPLICATION = "CarePath"

LAST_PAGE_KEY = "window/lastPage"
LAST_DATA_DIR_KEY = "files/lastFolder"
#: Where earlier versions kept the moved data file's location; now ``core.paths`` keeps it (the
#: command line reads it too) and ``AppSettings.data_file`` moves an old value there once.
DATA_FILE_KEY = "files/dataFile"
#: The language chosen in Preferences: "en", "es", or "" to follow the system (``ui.i18n``).
LANGUAGE_KEY = "ui/language"
#: The export dialog's last format, paper size (also Preferences' paper) and folder.
FORMAT_KEY = "export/format"
PAPER_KEY = "export/paper"
FOLDER_KEY = "export/folder"
#: The colour theme chosen in Preferences (``carepath.ui.theme`` applies it).
THEME_KEY = "ui/theme"
THEMES: tuple[str, ...] = ("system", "light", "dark")


def geometry_key() -> str:
    return f"geometry/{qVersion()}"


def state_key() -> str:
    return f"windowState/{qVersion()}"


class AppSettings:
    """Typed access to the few preferences CarePath keeps (QSettings under CarePath/CarePath)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    def geometry(self) -> QByteArray:
        return self._settings.value(geometry_key(), QByteArray(), type=QByteArray)

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(geometry_key(), value)

    def window_state(self) -> QByteArray:
        return self._settings.value(state_key(), QByteArray(), type=QByteArray)

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue(state_key(), value)

    def last_page(self, default: str = "overview") -> str:
        return str(self._settings.value(LAST_PAGE_KEY, default, type=str) or default)

    def set_last_page(self, key: str) -> None:
        self._settings.setValue(LAST_PAGE_KEY, key)

    def last_folder(self, default: str = "") -> str:
        return str(self._settings.value(LAST_DATA_DIR_KEY, default, type=str) or default)

    def set_last_folder(self, folder: str) -> None:
        self._settings.setValue(LAST_DATA_DIR_KEY, folder)

    def data_file(self) -> str:
        """The data file the user moved their record to ("" when never moved)."""
        from carepath.core.paths import remembered_data_path

        self.migrate_data_file()
        moved = remembered_data_path()
        return str(moved) if moved is not None else ""

    def set_data_file(self, path: str) -> None:
        """Remember where the record now lives, for the window and the command line alike."""
        from carepath.core.paths import remember_data_path

        remember_data_path(Path(path) if path else None)
        self._settings.remove(DATA_FILE_KEY)

    def migrate_data_file(self) -> None:
        """Move a location an earlier CarePath kept in Qt's settings to ``core.paths``, once."""
        migrate_data_file(self._settings)

    def sync(self) -> None:
        self._settings.sync()


def saved_choice(
    key: str, choices: Collection[str], default: str, settings: QSettings | None = None
) -> str:
    """A preference that is one of ``choices``; ``default`` when missing or foreign."""
    settings = settings if settings is not None else QSettings()
    value = str(settings.value(key, default, type=str) or default)
    return value if value in choices else default


def save_choice(
    key: str,
    value: str,
    choices: Collection[str],
    default: str,
    settings: QSettings | None = None,
) -> None:
    settings = settings if settings is not None else QSettings()
    settings.setValue(key, value if value in choices else default)


def saved_theme(settings: QSettings | None = None) -> str:
    """The theme chosen in Preferences; read here, without the palettes, because the window
    asks for it before its first paint and the usual answer, "system", needs nothing more."""
    return saved_choice(THEME_KEY, THEMES, "system", settings)


def save_theme(theme: str, settings: QSettings | None = None) -> None:
    save_choice(THEME_KEY, theme, THEMES, "system", settings)


def migrate_data_file(settings: QSettings | None = None) -> None:
    """Write the ``core.paths`` note from the old Qt setting (or "never moved"), unless written.

    A config folder that cannot be written keeps the old value, to try again next time.
    """
    from carepath.core.errors import CarePathError
    from carepath.core.paths import location_noted, remember_data_path

    settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
    if location_noted():
        return
    old = str(settings.value(DATA_FILE_KEY, "", type=str) or "")
    try:
        remember_data_path(Path(old) if old else None)
    except CarePathError:
        return
    settings.remove(DATA_FILE_KEY)
