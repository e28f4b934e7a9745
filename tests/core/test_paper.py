"""One paper rule, the system's locale (``core.paper``); the dialog's side is in tests/export."""

from __future__ import annotations

import pytest

from carepath.core.paper import paper_for_locale, system_paper


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "es_MX.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "fil_PH.UTF-8"}, "letter"),
        ({"LANG": "es_ES.UTF-8"}, "a4"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "C"}, "a4"),
        ({"LANG": "POSIX"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        # LC_PAPER is the category for paper; LC_ALL overrides everything; empty means unset.
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "a4"),
        ({"LC_ALL": "en_CA.UTF-8", "LC_PAPER": "de_DE.UTF-8", "LANG": "C"}, "letter"),
        ({"LC_ALL": "", "LC_PAPER": "", "LANG": "en_PH.UTF-8"}, "letter"),
    ],
)
def test_the_system_locale_decides(environ: dict[str, str], paper: str) -> None:
    assert system_paper(environ) == paper


def test_windows_names_are_understood() -> None:
    assert paper_for_locale("English_United States.1252") == "letter"
    assert paper_for_locale("Spanish_Spain.1252") == "a4"
