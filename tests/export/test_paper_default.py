"""The export dialog proposes the paper the command line uses: the system locale's.

It used to ask the interface language (``LANG=C`` gave Letter in the window and A4 on the command
line); now both read ``core.paper.system_paper``.
"""

from __future__ import annotations

import pytest

from carepath.core.paper import system_paper


@pytest.mark.parametrize(
    ("lang", "interface", "paper"),
    [("C", "en_US", "a4"), ("en_US.UTF-8", "es_ES", "letter"), ("es_ES.UTF-8", "en_US", "a4")],
)
def test_the_export_dialog_proposes_the_command_lines_paper(
    qtbot, monkeypatch: pytest.MonkeyPatch, demo_path, lang: str, interface: str, paper: str
) -> None:
    """Whatever the interface language (Qt's default locale), the dialog proposes the paper the
    command line would use; so do Preferences."""
    from PySide6.QtCore import QLocale, QSettings

    from carepath.core.storage import DataStore
    from carepath.ui.dialogs.preferences_dialog import default_paper
    from carepath.ui.export_dialog import ExportDialog
    from carepath.ui.session import Session
    from carepath.ui.settings import APPLICATION, ORGANISATION

    for variable in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", lang)
    QSettings(ORGANISATION, APPLICATION).remove("export")
    previous = QLocale()
    QLocale.setDefault(QLocale(interface))
    session = Session(DataStore.open(demo_path))
    try:
        dialog = ExportDialog(session)
        qtbot.addWidget(dialog)
        assert dialog.paper() == paper == system_paper() == default_paper()
    finally:
        QLocale.setDefault(previous)
        session.close()
