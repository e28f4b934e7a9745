"""The command line's language: ``--lang``, else the app's choice, found without loading Qt
where Qt's answer can be read directly; and ``say``, a sentence the command prints, in it.

Every command module asks here (not ``carepath.cli``, which imports them). A command that was
not given ``--lang`` speaks the language the app would: the one chosen in Preferences, else the
system's. Asking Qt means importing ``PySide6.QtCore`` — about 40 ms on a
2-core machine, a third of ``carepath team --format csv`` on 500 files. On Linux and the BSDs
both answers are plain text Qt itself reads: Preferences live in an INI file
(``$XDG_CONFIG_HOME/CarePath/CarePath.conf``, key ``[ui] language``) and the system language is
read from ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` and ``LANGUAGE`` by Qt's own rule.
``tests/cli/test_cli_language.py`` checks both against Qt. Elsewhere (the registry on Windows,
property lists on macOS) ``language_without_qt`` returns None and the caller asks Qt.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from carepath import LANGUAGES

#: ``carepath.ui.settings``' organisation and application names, and its language key's place.
_SETTINGS_FILE = Path("CarePath") / "CarePath.conf"
_SECTION, _KEY = "ui", "language"


def _reads_ini() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def settings_file() -> Path:
    """Where Qt keeps CarePath's Preferences on this system (INI platforms only)."""
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / _SETTINGS_FILE


def saved_language_in_file(path: Path) -> str:
    """The language saved in Preferences ("" to follow the system, or when unreadable)."""
    parser = configparser.RawConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return ""
    value = parser.get(_SECTION, _KEY, fallback="").strip()
    return value if value in LANGUAGES else ""


def _code(locale_name: str) -> str:
    code = locale_name.split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def system_language_from_environment(environ: Mapping[str, str]) -> str:
    """ "es" when the locale Qt would take from the environment is Spanish, else "en".

    Qt's rule (``QSystemLocale::fallbackLocale``, as ``man 7 locale`` orders it): the first of
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set; unless that is empty, ``C`` or
    ``POSIX``, the first entry of ``LANGUAGE`` (a colon-separated list), when not empty, wins.
    """
    name = next((environ[key] for key in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(key)), "")
    if name in ("", "C", "POSIX"):
        return "en"
    preferred = environ.get("LANGUAGE", "").split(":")[0]  # the first entry alone, even if empty
    return _code(preferred or name)


def language_without_qt() -> str | None:
    """Preferences' language, else the system's; None where only Qt can tell."""
    if not _reads_ini():
        return None
    return saved_language_in_file(settings_file()) or system_language_from_environment(os.environ)


_chosen: str | None = None
#: The app's choice, looked up once per command: every line the command prints asks for it.
_settled: str | None = None


def choose_language(language: str | None) -> None:
    """The command's ``--lang`` (None: the app's choice), set once by the entry point."""
    global _chosen, _settled
    _chosen, _settled = language, None


def command_language() -> str:
    """The command's language (its plan and its own sentences): ``--lang``, else the app's choice
    (Preferences, then the system)."""
    global _settled
    if _chosen:
        return _chosen
    if _settled is None:
        _settled = _app_language()
    return _settled


def _app_language() -> str:
    found = language_without_qt()
    if found is not None:
        return found
    try:
        from PySide6.QtCore import QSettings

        from carepath.ui.i18n import choose_language as qt_choice
        from carepath.ui.settings import APPLICATION, ORGANISATION
    except ImportError:  # a build without Qt writes the plan in English
        return "en"
    return qt_choice(None, QSettings(ORGANISATION, APPLICATION))


def say(text: str) -> str:
    """``text``, a sentence the command line prints, in the language of the command's output."""
    from carepath.export.plan_text import t

    return t(text, command_language())


def error_language() -> str:
    """The language of a refusal: the command's (``--lang``, the app's choice), never a crash."""
    try:
        return command_language()
    except Exception:  # a refusal is printed whatever else is broken
        return "en"
