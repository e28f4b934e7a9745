"""The words of the exported plan in the user's language: a small gettext-like table, Qt-free.

The plan is written by Qt-free code (and by the command line, where no QTranslator is installed),
so its sentences cannot go through Qt's ``tr``. Instead every English sentence in ``export/`` is
either wrapped in :func:`t` where it is used, or marked with :func:`N_` where it is defined as a
constant and passed through :func:`t` later (like ``QT_TRANSLATE_NOOP``). The translations live in
``resources/translations/plan_<lang>.toml``, keyed by the English text::

    [messages]
    "Largest gaps" = "Mayores brechas"
    "{done} of {total} steps done." = "{done} de {total} pasos completados."

Sentences with values use ``str.format`` placeholders, so a translation may put them in another
order. A test reads the ``t``/``N_`` calls of every module here and fails when one has no entry.

The language comes from the catalogue the plan is built from (``Catalogue.language``); the entry
points set it for the duration of one export with :func:`plan_language`, and :func:`t` reads it
from a context variable, so an export on a worker thread never sees another export's language.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from typing import Any

from carepath.core.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"

_language: ContextVar[str] = ContextVar("carepath_plan_language", default=SOURCE_LANGUAGE)

MONTHS_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def N_(text: str) -> str:
    """Mark a constant for translation; it is translated where it is shown, with :func:`t`."""
    return text


@cache
def table(language: str) -> dict[str, Any]:
    """The whole ``plan_<language>.toml`` (empty for English or when the file is missing)."""
    if language == SOURCE_LANGUAGE:
        return {}
    try:
        with resource_path("translations", f"plan_{language}.toml").open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.error("the %s plan translation cannot be read (%s); writing English", language, error)
        return {}


def messages(language: str) -> dict[str, str]:
    found = table(language).get("messages", {})
    return found if isinstance(found, dict) else {}


def current_language() -> str:
    return _language.get()


@contextmanager
def plan_language(language: str | None) -> Iterator[None]:
    """Write everything inside the block in ``language`` (None keeps the current one)."""
    token = _language.set(language or _language.get())
    try:
        yield
    finally:
        _language.reset(token)


def t(text: str, language: str | None = None) -> str:
    """``text`` (an English sentence of the plan) in the plan's language, or as is."""
    language = language or _language.get()
    if language == SOURCE_LANGUAGE:
        return text
    return messages(language).get(text) or text


def month_names(language: str | None = None, *, short: bool = True) -> list[str]:
    """The twelve month names (abbreviated by default) in the plan's language."""
    return list(_month_names(language or _language.get(), short))


def _month_names(language: str, short: bool) -> Sequence[str]:
    names = table(language).get("months_short" if short else "months")
    if isinstance(names, list) and len(names) == 12:
        return [str(name) for name in names]
    return [m[:3] for m in MONTHS_EN] if short else MONTHS_EN


def format_date(
    value: date | datetime | None,
    empty: str = "—",
    *,
    short: bool = False,
    language: str | None = None,
) -> str:
    """ "26 November 2026" (or "26 Nov 2026"); in Spanish "26 de noviembre de 2026" ("26 nov
    2026"). Spelled out rather than numeric, so it reads the same on both sides of the Atlantic
    and whatever C locale Qt has set."""
    if value is None:
        return empty
    language = language or _language.get()
    month = _month_names(language, short)[value.month - 1]
    pattern = "{day} {month} {year}"
    if language != SOURCE_LANGUAGE:
        found = table(language).get("date_short" if short else "date")
        if isinstance(found, str):
            pattern = found
    return pattern.format(day=value.day, month=month, year=value.year)
