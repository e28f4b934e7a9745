"""Spanish: every interface string has its Spanish form, the .ts is up to date with the code, the
.qm is built, and the window really speaks Spanish (menus, pages, dialogs, content).

The content (skills, levels, steps, stages) is checked in tests/core/test_content.py
(``test_every_english_entry_has_a_complete_spanish_form``) and the exported plan's own table in
tests/export/test_plan_text.py; this file covers what Qt translates.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from carepath.core.catalogue import load_catalogue
from carepath.ui import i18n

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
SOURCES = REPO / "desktop" / "carepath"
TS_FILES = sorted(TRANSLATIONS.glob("carepath_*.ts"))
PLACEHOLDER = re.compile(r"%\d|%n|\{[a-z_]+\}")


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> element, for every message of a .ts file."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def tool(name: str) -> str:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"{name} is not installed with PySide6")
    return found


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """Tests that switch to Spanish leave the process in English again."""
    yield
    i18n.install("en")


def test_there_is_a_spanish_interface_translation() -> None:
    assert [p.name for p in TS_FILES] == ["carepath_es.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_interface_string_has_its_translation(ts: Path) -> None:
    """Fails on any message left unfinished, empty, vanished or obsolete, or that loses a
    placeholder or a mnemonic on the way."""
    problems = []
    for (context, source), message in read_ts(ts).items():
        where = f"{context}: {source!r}"
        if not context:
            problems.append(f"{where} has no context (a tr() alias lupdate misread)")
        kind = message.find("translation").get("type")  # type: ignore[union-attr]
        if kind is not None:
            problems.append(f"{where} is {kind}")
        texts = translations_of(message)
        if not all(text.strip() for text in texts):
            problems.append(f"{where} has no translation")
            continue
        for text in texts:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if "&" in source.replace("&&", "") and "&" not in text.replace("&&", ""):
                problems.append(f"{where}: the mnemonic (&) is missing in {text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_file_holds_every_string_of_the_code(ts: Path, tmp_path: Path) -> None:
    """lupdate on a copy must find nothing new and nothing gone: run python3 dev.py lupdate."""
    copy = tmp_path / ts.name
    shutil.copyfile(ts, copy)
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    result = subprocess.run(
        [tool("lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    before, after = set(read_ts(ts)), set(read_ts(copy))
    missing = sorted(after - before)
    gone = sorted(before - after)
    assert not missing, f"strings in the code but not in {ts.name}: {missing}"
    assert not gone, f"strings in {ts.name} no longer in the code: {gone}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_qm_file_is_built_and_current(ts: Path) -> None:
    """A missing or stale .qm would silently show English: fail loudly instead."""
    qm = ts.with_suffix(".qm")
    hint = "run python3 dev.py translations (dev.py test and package do it first)"
    assert qm.exists(), f"{qm.name} is missing; {hint}"
    assert qm.stat().st_mtime >= ts.stat().st_mtime, f"{qm.name} is older than {ts.name}; {hint}"
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm.name} does not load; {hint}"
    assert translator.translate("Page", "Overview") == "Resumen"
    assert translator.translate("MainWindow", "&File") == "&Archivo"


def test_language_choice_order(qapp, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    spanish = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert i18n.choose_language(None, settings, english) == "en"
    assert i18n.choose_language(None, settings, spanish) == "es"
    i18n.save_language("en", settings)
    assert i18n.choose_language(None, settings, spanish) == "en"  # Preferences beat the system
    assert i18n.choose_language("es", settings, english) == "es"  # --lang beats Preferences
    i18n.save_language("", settings)
    assert i18n.choose_language(None, settings, spanish) == "es"
    assert i18n.locale_for("es", spanish) == spanish  # a user in Mexico keeps es_MX
    assert i18n.locale_for("es", english).language() == QLocale.Language.Spanish


def test_install_keeps_references_and_switches_back(qapp, english_afterwards) -> None:
    assert i18n.install("es", qapp, strict=True) == "es"
    assert i18n.current_language() == "es"
    assert len(i18n.installed_translators()) == 2  # CarePath's and Qt's own
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Editar"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own
    assert QLocale().language() == QLocale.Language.Spanish
    assert i18n.install("en", qapp) == "en"
    assert i18n.installed_translators() == ()
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"


def test_a_missing_qm_fails_loudly_when_strict(qapp, monkeypatch, english_afterwards) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: "/nonexistent/carepath_es.qm")
    with pytest.raises(i18n.TranslationMissing, match=r"dev\.py translations"):
        i18n.install("es", qapp, strict=True)
    assert i18n.install("es", qapp) == "en"  # the app itself falls back to English


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget class, text) of every label, button, group title, accessible name, tool tip and
    placeholder under ``root``: everything a user sees or hears."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        kind = type(widget).__name__
        texts = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        found += [(kind, text) for text in texts if text]
    return found


def _english_only(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The texts that are an English source string whose Spanish form differs."""
    english = {}
    for (_context, source), message in read_ts(TRANSLATIONS / "carepath_es.ts").items():
        spanish = translations_of(message)[0]
        if spanish != source:
            english[source] = spanish
    return [(kind, text) for kind, text in texts if text in english]


def test_the_whole_window_speaks_spanish(qapp, make_window, demo_path, english_afterwards):
    """Every page on the demo record: no label, button or title is left in English."""
    from carepath.core.storage import DataStore
    from carepath.ui.session import Session

    i18n.install("es", qapp, strict=True)
    session = Session(DataStore.open(demo_path), load_catalogue("es"))
    window = make_window(session)
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Resumen", "Evaluar", "Progreso", "Pasos", "Plan", "Historial"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Archivo", "&Editar", "&Ver", "Ay&uda"]
    left_in_english = []
    for key in window.pages:
        window.show_page(key, ask=False)
        qapp.processEvents()
        left_in_english += _english_only(_shown_texts(window.pages[key]))
    left_in_english += _english_only(_shown_texts(window.statusBar()))
    assert not left_in_english, left_in_english
    overview = window.pages["overview"]
    assert "Coordinador/a de atención" in overview.stages_label.text()  # the content too
    assert "al año" in overview.stages_label.text()
    session.undo_stack.clear()
    window.close()
    session.close()


def test_dialogs_speak_spanish(qapp, demo_session, english_afterwards) -> None:
    from carepath.ui.dialogs.goal_dialog import GoalDialog
    from carepath.ui.dialogs.level_scale import LevelScaleDialog
    from carepath.ui.dialogs.preferences_dialog import PreferencesDialog
    from carepath.ui.export_dialog import ExportDialog

    i18n.install("es", qapp, strict=True)
    catalogue = load_catalogue("es")
    demo_session.set_catalogue(catalogue)
    dialogs = [
        GoalDialog(catalogue),
        LevelScaleDialog(catalogue),
        PreferencesDialog(demo_session),
        ExportDialog(demo_session),
    ]
    try:
        for dialog in dialogs:
            assert not _english_only(_shown_texts(dialog)), type(dialog).__name__
        export = dialogs[3]
        assert isinstance(export, ExportDialog)
        boxes = [box.text().replace("&", "") for box in export.section_boxes.values()]
        assert "Metas" in boxes and "Resumen" in boxes  # the plan's own words, in Spanish
    finally:
        for dialog in dialogs:
            dialog.deleteLater()


def test_data_file_dialog_buttons_are_translated(qapp, monkeypatch, english_afterwards) -> None:
    from PySide6.QtWidgets import QMessageBox

    from carepath.core.errors import DamagedFileError
    from carepath.ui.dialogs import data_file_error

    i18n.install("es", qapp, strict=True)
    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    data_file_error.ask_about_data_file(DamagedFileError("Damaged."), can_restore=True)
    assert seen[0] == ["&Empezar de cero", "&Restaurar la copia automática más reciente", "&Salir"]


def _group_titles(page: QWidget) -> set[str]:
    return {box.title() for box in page.findChildren(QGroupBox)}


def test_language_switches_live_from_preferences(qapp, make_window, demo_session) -> None:
    """Menus and page names follow at once; the pages are built again in the new language, from
    the content reloaded in it."""
    window = make_window(demo_session)
    assert window.menuBar().actions()[0].text() == "&File"
    window.pages["history"]  # built, not shown: dropped too, built again when shown
    english = window.current_page()
    assert "At a glance" in _group_titles(english)
    try:
        i18n.install("es", qapp, strict=True)
        qapp.processEvents()
        window._on_language_changed("es")
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.nav.item(0).text() == "Resumen"
        assert window.preferences_action.text() == "&Preferencias…"
        assert window.undo_action.text().startswith("&Deshacer")
        assert demo_session.catalogue.language == "es"
        spanish = window.current_page()
        assert spanish is not english and window.current_key() == "overview"
        assert "De un vistazo" in _group_titles(spanish)
        assert [key for key, _page in window.pages.built_items()] == ["overview"]
    finally:
        i18n.install("en", qapp)
        qapp.processEvents()
        window._on_language_changed("en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.nav.item(0).text() == "Overview"
    assert "At a glance" in _group_titles(window.current_page())
