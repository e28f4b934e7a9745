"""packaging/qm_compiler.py writes the .qm files that pip, pipx and the sdist carry: they must be
exactly what Qt's lrelease writes, and QTranslator must find every translation in them."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTranslator

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
TS_FILE = REPO_ROOT / "resources" / "translations" / "carepath_es.ts"


def load_compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "qm_compiler_under_test", REPO_ROOT / "packaging" / "qm_compiler.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qm_compiler = load_compiler()


def lrelease() -> str:
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / "lrelease", package / "Qt" / "libexec" / "lrelease"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("this PySide6 has no lrelease to compare with")
    return found


def write_ts(path: Path, language: str, contexts: dict[str, list[ElementTree.Element]]) -> None:
    root = ElementTree.Element("TS", version="2.1", language=language)
    for name, messages in contexts.items():
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = name
        context.extend(messages)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def message(source: str, translation: str | list[str], kind: str = "") -> ElementTree.Element:
    element = ElementTree.Element("message")
    ElementTree.SubElement(element, "source").text = source
    target = ElementTree.SubElement(element, "translation")
    if kind:
        target.set("type", kind)
    if isinstance(translation, list):
        element.set("numerus", "yes")
        for form in translation:
            ElementTree.SubElement(target, "numerusform").text = form
    else:
        target.text = translation
    return element


def translator_for(qm: bytes, folder: Path) -> QTranslator:
    path = folder / "out.qm"
    path.write_bytes(qm)
    translator = QTranslator()
    assert translator.load(str(path)), "QTranslator refused the compiled file"
    return translator


def test_the_project_translations_match_lrelease_byte_for_byte(tmp_path: Path) -> None:
    reference = tmp_path / "lrelease.qm"
    result = subprocess.run(
        [lrelease(), "-silent", str(TS_FILE), "-qm", str(reference)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert qm_compiler.compile_ts(TS_FILE) == reference.read_bytes()


def test_qtranslator_finds_translations_and_plural_forms_and_skips_the_rest(
    tmp_path: Path,
) -> None:
    source = tmp_path / "sample_es.ts"
    write_ts(
        source,
        "es_US",
        {
            "MainWindow": [
                message("&File", "&Archivo"),
                message("Saved <b>%1</b> & done", "Guardado <b>%1</b> y listo"),
                message("%n skill(s)", ["%n habilidad", "%n habilidades"]),
                message("Not yet", "", kind="unfinished"),
                message("Old text", "Texto viejo", kind="vanished"),
                message("Older text", "Texto más viejo", kind="obsolete"),
            ],
            "Other": [message("&File", "&Fichero")],
        },
    )
    translator = translator_for(qm_compiler.compile_ts(source), tmp_path)
    assert translator.language() == "es_US"
    assert translator.translate("MainWindow", "&File") == "&Archivo"
    assert translator.translate("Other", "&File") == "&Fichero"
    assert translator.translate("MainWindow", "Saved <b>%1</b> & done") == (
        "Guardado <b>%1</b> y listo"
    )
    assert translator.translate("MainWindow", "%n skill(s)", None, 1) == "%n habilidad"
    assert translator.translate("MainWindow", "%n skill(s)", None, 4) == "%n habilidades"
    for untranslated in ("Not yet", "Old text", "Older text"):
        assert translator.translate("MainWindow", untranslated) == ""


def test_a_language_without_known_plural_rules_is_refused_with_a_sentence(
    tmp_path: Path,
) -> None:
    source = tmp_path / "sample_pl.ts"
    write_ts(source, "pl_PL", {"MainWindow": [message("File", "Plik")]})
    with pytest.raises(qm_compiler.TsError, match="NUMERUS_RULES"):
        qm_compiler.compile_ts(source)


def test_a_broken_ts_file_is_refused_with_a_sentence(tmp_path: Path) -> None:
    source = tmp_path / "broken_es.ts"
    source.write_text("<TS><context>", encoding="utf-8")
    with pytest.raises(qm_compiler.TsError, match="not valid XML"):
        qm_compiler.compile_ts(source)


# Text that XML 1.0 can carry: no surrogates, no control characters.
xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.dictionaries(
        st.tuples(st.sampled_from(["A", "Page", "Überblick"]), xml_text), xml_text, max_size=12
    )
)
def test_every_message_comes_back_from_qtranslator(
    tmp_path: Path, entries: dict[tuple[str, str], str]
) -> None:
    contexts: dict[str, list[ElementTree.Element]] = {}
    for (context, text), translation in entries.items():
        contexts.setdefault(context, []).append(message(text, translation))
    source = tmp_path / "generated_es.ts"
    write_ts(source, "es", contexts)
    translator = translator_for(qm_compiler.compile_ts(source), tmp_path)
    for (context, text), translation in entries.items():
        assert translator.translate(context, text) == translation
