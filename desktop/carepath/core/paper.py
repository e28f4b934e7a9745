"""The default paper size for a PDF plan: one rule, read from the system's locale (Qt-free).

The command line and the export dialog both ask :func:`system_paper`, so the same machine always
proposes the same paper, whatever language the interface is shown in: a Spanish interface in
Madrid prints on A4, an English one in Toronto on Letter. The interface language says nothing
about the paper in the printer; the locale's territory does.

The rule is POSIX's: ``LC_ALL`` wins, then ``LC_PAPER`` (the category that exists for exactly
this), then ``LANG``; an empty variable counts as unset. Without any (Windows, a bare service),
the process locale is asked. The territory decides: US Letter where CLDR says so (the United
States, Canada, Mexico, the Philippines and a few Latin-American countries), A4 everywhere else.

``C`` and ``POSIX`` (and a locale with no territory, such as ``es``) give A4: glibc's own C
locale defines its paper as 210 × 297 mm, and A4 is the paper of most of the world; a
``LANG=C`` build server in the United States can still pass ``--paper letter``.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping

PAPER_SIZES = ("a4", "letter")
#: Territories whose default paper is US Letter (CLDR's supplemental paperSize data).
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR", "NI", "BZ"}
)
#: The same territories as Windows spells them in its locale names ("English_United States.1252").
_WINDOWS_LETTER_NAMES = (
    "united states",
    "canada",
    "mexico",
    "philippines",
    "chile",
    "colombia",
    "venezuela",
    "costa rica",
    "guatemala",
    "panama",
    "el salvador",
    "dominican republic",
    "puerto rico",
    "nicaragua",
    "belize",
)
#: The variables that name the paper's locale, strongest first (POSIX precedence).
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")
_TERRITORY = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2}|\d{3})(?:$|[._@-])")


def paper_for_locale(locale_name: str) -> str:
    """ "letter" or "a4" for a locale name like "en_US.UTF-8", "fr-CA", "C" or Windows'
    "English_United States.1252"."""
    name = locale_name.strip()
    match = _TERRITORY.match(name)
    if match:
        return "letter" if match.group(1).upper() in LETTER_TERRITORIES else "a4"
    lowered = name.lower()
    return "letter" if any(country in lowered for country in _WINDOWS_LETTER_NAMES) else "a4"


def system_locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale that decides the paper: LC_ALL, LC_PAPER, LANG, then the process locale."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return value
    try:
        return locale.getlocale()[0] or ""
    except ValueError:
        return ""


def system_paper(environ: Mapping[str, str] | None = None) -> str:
    """The paper this computer's locale uses: "letter" or "a4" (see the module's rule)."""
    return paper_for_locale(system_locale_name(environ))
