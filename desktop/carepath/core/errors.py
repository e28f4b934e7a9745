"""Errors a user can meet. Each message is one plain sentence: what is wrong and how to fix it.

The command line prints ``str(error)`` and exits 1; the app shows it in a dialog. No traceback ever
reaches a user, so every failure we can foresee is turned into one of these.
"""

from __future__ import annotations

from typing import Self


class CarePathError(Exception):
    """Base of every foreseen failure; ``str()`` is the sentence shown to the user.

    An error made with :meth:`of` also keeps its English ``template`` and its ``params``, so the
    command line can say it in the user's language (core imports no translation code).
    """

    template: str = ""
    params: dict[str, object] = {}  # noqa: RUF012 (never mutated: `of` gives each its own)

    @classmethod
    def of(cls, template: str, **params: object) -> Self:
        """The error whose sentence is ``template.format(**params)``, byte for byte."""
        error = cls(template.format(**params))
        error.template, error.params = template, params
        return error


class DataFileError(CarePathError):
    """The data file cannot be used as it is; it has been left exactly as it was."""

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.path = path


class DamagedFileError(DataFileError):
    """The file is not a readable CarePath data file (broken JSON, foreign content, wrong types)."""


class NewerVersionError(DataFileError):
    """The file was written by a newer CarePath; we never migrate backward."""


class FileInUseError(DataFileError):
    """Another CarePath process holds the file's lock."""


class SaveError(CarePathError):
    """A write failed (read-only folder, full disk); the file on disk is still the last good one."""


class ImportRejectedError(CarePathError):
    """A backup failed validation; nothing was changed."""


class UsageError(CarePathError):
    """The user asked for something that cannot be done as typed (unknown skill, bad level...)."""
