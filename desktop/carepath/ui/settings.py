"""What the app remembers between runs: window geometry and state, and the last page shown.

Only view preferences live here; the user's record lives in the data file. Every value is read with
``value(key, default, type)`` so that a missing or foreign entry gives the default instead of a
wrong type, and the geometry keys carry the Qt version, since a geometry saved by another Qt
version can restore a window off-screen (Anki does the same).
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QByteArray, QSettings, qVersion

ORGANISATION = "CarePath"
APPLICATION = "CarePath"

LAST_PAGE_KEY = "window/lastPage"
LAST_DATA_DIR_KEY = "files/lastFolder"
#: Where Preferences ▸ Move data file… put the data file; used when neither --data nor
#: $CAREPATH_DATA names one.
DATA_FILE_KEY = "files/dataFile"
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
        return str(self._settings.value(DATA_FILE_KEY, "", type=str) or "")

    def set_data_file(self, path: str) -> None:
        self._settings.setValue(DATA_FILE_KEY, path)

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
