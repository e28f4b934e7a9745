"""The command line's refusals in the user's language (``--lang``, then the app's choice).

Core errors carry one English sentence (``str(error)``), which the app and the tests rely on, and
core imports no translation code. So the command line, which chooses what to print, renders the
refusals a user meets most often from the error's class and its ``path`` through the plan's
table (``export.plan_text.t``, ``resources/translations/plan_<lang>.toml``): a missing, damaged,
newer or busy data file in full; a backup that cannot be imported or a write the disk refused with
a translated leading sentence, followed by the detail as core wrote it. In English the error's own
sentence is printed unchanged, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from carepath.core.errors import (
    CarePathError,
    DamagedFileError,
    DataFileError,
    FileInUseError,
    ImportRejectedError,
    NewerVersionError,
    SaveError,
)
from carepath.export.plan_text import N_, SOURCE_LANGUAGE, t

#: Core refusals with no values in them, translated whole (their English is core's, byte for byte).
WHOLE_SENTENCES = (
    N_(
        'This file is not a CarePath backup (it lacks "format": "carepath-backup"); '
        "choose a file made by CarePath's backup export (carepath export --format json)."
    ),
)


def error_sentence(error: CarePathError, language: str) -> str:
    """What ``carepath: ...`` says for ``error`` in ``language``."""
    english = str(error)
    if language == SOURCE_LANGUAGE:
        return english
    if english in WHOLE_SENTENCES:
        return t(english, language)
    if error.template:  # made with CarePathError.of: the whole sentence has a translation
        return t(error.template, language).format(**error.params)
    path = getattr(error, "path", None)
    if isinstance(error, FileInUseError) and path is not None:
        return t(
            "{path} is open in another CarePath window or command; close it and try again.",
            language,
        ).format(path=path)
    if isinstance(error, NewerVersionError) and path is not None:
        return t(
            "{path} was saved by a newer CarePath; it was left untouched — install the newer "
            "CarePath to open it.",
            language,
        ).format(path=path)
    if isinstance(error, DamagedFileError) and path is not None:
        return t(
            "{path} is not a readable CarePath file; it was left untouched — start fresh or "
            "restore an automatic backup.",
            language,
        ).format(path=path)
    if (
        type(error) is DataFileError
        and path is not None
        and " does not exist" in english
        and not Path(str(path)).exists()
    ):
        return t("{path} does not exist; check the name and try again.", language).format(path=path)
    if isinstance(error, ImportRejectedError):
        return t("This file cannot be imported and nothing was changed.", language) + " " + english
    if isinstance(error, SaveError):
        return t("The disk refused the write; nothing was changed.", language) + " " + english
    return t(english, language)


def interrupted(language: str) -> str:
    return t("interrupted; the data file is unchanged.", language)


def os_error_sentence(error: OSError, language: str) -> str:
    where = f" ({error.filename})" if error.filename else ""
    reason = error.strerror or str(error)
    return t("{reason}{where}; check the path and try again.", language).format(
        reason=reason, where=where
    )
