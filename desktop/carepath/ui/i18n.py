"""The interface language: which one, and the translators that make Qt speak it.

The language is chosen once at start-up, in this order: ``--lang`` on the command line, then the
choice saved in Preferences (QSettings ``ui/language``), then the system locale (Spanish when the
system speaks Spanish, English otherwise). :func:`install` loads CarePath's own translation
(``resources/translations/carepath_<lang>.qm``, built from the ``.ts`` source by ``dev.py``) and
Qt's (``qtbase_<lang>.qm``: the standard buttons and dialogs), sets the default QLocale so dates
and numbers follow, and keeps the translators referenced for as long as they are installed: a
QTranslator that Python collects is silently uninstalled.

The same language code is handed to :func:`carepath.core.catalogue.load_catalogue` and to the
plan export, so the skills, the interface and the exported plan always agree.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from carepath import LANGUAGES as LANGUAGES  # re-exported: the dialogs and tests ask here
from carepath.ui.settings import LANGUAGE_KEY, save_choice, saved_choice

log = logging.getLogger(__name__)

#: Each language's name in that language, as a language menu shows it.
NATIVE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}

_QT_LANGUAGES = {"en": QLocale.Language.English, "es": QLocale.Language.Spanish}

#: The translators now installed, kept referenced here (see the module doc).
_installed: list[QTranslator] = []
_current = "en"


class TranslationMissing(RuntimeError):
    """The compiled translation of a language is not where it should be."""


def system_language(locale: QLocale | None = None) -> str:
    """ "es" when the system locale is Spanish (any country), else "en"."""
    language = (locale or QLocale.system()).language()
    for code, qt_language in _QT_LANGUAGES.items():
        if language == qt_language:
            return code
    return "en"


def saved_language(settings: QSettings | None = None) -> str:
    """The language saved in Preferences, or "" when the user follows the system."""
    return saved_choice(LANGUAGE_KEY, LANGUAGES, "", settings)


def save_language(language: str, settings: QSettings | None = None) -> None:
    """Remember ``language`` ("" to follow the system) for the next start."""
    save_choice(LANGUAGE_KEY, language, LANGUAGES, "", settings)


def choose_language(
    override: str | None = None,
    settings: QSettings | None = None,
    locale: QLocale | None = None,
) -> str:
    """The language to use: ``override`` (``--lang``), else Preferences, else the system's."""
    if override in LANGUAGES:
        return str(override)
    return saved_language(settings) or system_language(locale)


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The QLocale for dates and numbers in ``language``: the system's when it speaks that
    language (so a user in Mexico keeps es_MX), else the United States variant."""
    system = system or QLocale.system()
    wanted = _QT_LANGUAGES.get(language, QLocale.Language.English)
    if system.language() == wanted:
        return system
    return QLocale(wanted, QLocale.Country.UnitedStates)


def qm_path(language: str) -> str:
    """Where CarePath's compiled translation of ``language`` lives."""
    from carepath.core.resources import resource_path

    return str(resource_path("translations", f"carepath_{language}.qm"))


def current_language() -> str:
    """The language installed by the last :func:`install` ("en" before any)."""
    return _current


def install(language: str, app: QCoreApplication | None = None, *, strict: bool = False) -> str:
    """Make the interface speak ``language``; returns the language really installed.

    Replaces whatever translators an earlier call installed (Qt then sends every widget a
    LanguageChange event). English needs no translator. When CarePath's own ``.qm`` is missing
    the interface stays in English and the problem is logged, or raised with ``strict`` (the
    tests and the self-test use that, so a missing file can never pass unnoticed).
    """
    global _current
    app = app or QCoreApplication.instance()
    if language not in LANGUAGES:
        language = "en"
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    _current = language
    if language == "en" or app is None:
        return language

    ours = QTranslator(app)
    path = qm_path(language)
    if not ours.load(path):
        message = (
            f"The {NATIVE_NAMES.get(language, language)} translation is missing ({path}); "
            "run python3 dev.py translations."
        )
        if strict:
            raise TranslationMissing(message)
        log.error("%s The interface stays in English.", message)
        QLocale.setDefault(locale_for("en"))
        _current = "en"
        return "en"
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Install Qt's first: the one installed last is asked first, and ours must win.
    if qt.load(QLocale(_QT_LANGUAGES[language]), "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        log.info("Qt's own %s translation was not found in %s", language, qt_folder)
    app.installTranslator(ours)
    _installed.append(ours)
    return language


def installed_translators() -> tuple[QTranslator, ...]:
    return tuple(_installed)
