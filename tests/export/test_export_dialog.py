"""The Export dialog: choose, export in the background, then open the file or its folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSettings, QThread, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from carepath.core.storage import DataStore
from carepath.ui.export_dialog import ExportDialog
from carepath.ui.session import Session
from carepath.ui.settings import APPLICATION, ORGANISATION


@pytest.fixture(autouse=True)
def _fresh_export_settings() -> Iterator[None]:
    """QSettings caches its file per process: forget the previous test's export choices."""
    settings = QSettings(ORGANISATION, APPLICATION)
    settings.remove("export")
    yield
    settings.remove("export")


@pytest.fixture
def session(demo_path: Path) -> Iterator[Session]:
    session = Session(DataStore.open(demo_path))
    yield session
    session.close()


@pytest.fixture
def dialog(qtbot, session: Session) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_html_export_in_the_background_then_open_and_show_folder(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "out" / "plan"  # no suffix: the dialog adds the format's
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))

    dialog.format_buttons["html"].click()
    assert not dialog.paper_combo.isEnabled()  # paper only matters for a PDF
    dialog.choose_path()
    assert dialog.path() == target.with_suffix(".html")

    progress: list[int] = []
    dialog.progress_bar.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as finished:
        dialog.export_button.click()
        assert dialog.is_running() and not dialog.export_button.isEnabled()
        assert dialog.progress_bar.isVisible()
    written = Path(finished.args[0])
    assert written == target.with_suffix(".html") and written.is_file()
    assert "Alex Rivera (sample)" in written.read_text(encoding="utf-8")
    assert progress and max(progress) == 100
    assert not dialog.is_running() and dialog.export_button.isEnabled()

    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    dialog.open_button.click()
    dialog.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(written), str(written.parent)]


def test_pdf_export_runs_off_the_gui_thread_on_the_chosen_paper(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import carepath.ui.export_dialog as dialog_module

    main_thread = QThread.currentThread()
    off_thread: list[bool] = []
    real_export = dialog_module.export_plan

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        off_thread.append(QThread.currentThread() is not main_thread)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(dialog_module, "export_plan", watched)
    dialog.format_buttons["pdf"].click()
    dialog.set_paper("letter")
    for section, box in dialog.section_boxes.items():
        box.setChecked(section in ("summary", "goals"))
    dialog.set_path(tmp_path / "plan.pdf")
    with qtbot.waitSignal(dialog.export_finished, timeout=30000):
        dialog.start_export()
    assert off_thread == [True]
    reader = PdfReader(tmp_path / "plan.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "Goals" in text and "Skills profile" not in text


def test_a_path_that_cannot_be_written_is_one_sentence_in_the_dialog(
    qtbot, dialog: ExportDialog, tmp_path: Path
):
    dialog.format_buttons["md"].click()
    dialog.set_path(tmp_path / "missing" / "plan.md")
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as failed:
        dialog.start_export()
    message = failed.args[0]
    assert "does not exist" in message and "\n" not in message
    assert message in dialog.status_label.text()
    assert not dialog.open_button.isVisible()
    assert dialog.export_button.isEnabled()


def test_changing_format_changes_the_file_suffix(dialog: ExportDialog, tmp_path: Path):
    dialog.format_buttons["pdf"].click()
    dialog.set_path(tmp_path / "plan.pdf")
    dialog.format_buttons["md"].click()
    assert dialog.path() == tmp_path / "plan.md"
    dialog.format_buttons["html"].click()
    assert dialog.path() == tmp_path / "plan.html"


@pytest.mark.parametrize(("locale", "paper"), [("en_US", "letter"), ("de_DE", "a4")])
def test_paper_defaults_to_the_system_locale(
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch, locale: str, paper: str
):
    """The system's locale, not the interface language (see test_paper_default.py)."""
    for variable in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", f"{locale}.UTF-8")
    previous = QLocale()
    QLocale.setDefault(QLocale("es_ES" if paper == "letter" else "en_US"))
    try:
        dialog = ExportDialog(session)
        qtbot.addWidget(dialog)
        assert dialog.paper() == paper
    finally:
        QLocale.setDefault(previous)


def test_closing_is_refused_while_exporting(qtbot, dialog: ExportDialog, tmp_path: Path):
    dialog.format_buttons["html"].click()
    dialog.set_path(tmp_path / "plan.html")
    with qtbot.waitSignal(dialog.export_finished, timeout=30000):
        dialog.start_export()
        dialog.reject()
        assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()


def test_no_unnamed_control_and_no_empty_label_to_stop_on(dialog: ExportDialog) -> None:
    """The line edit's clear button is a control of its own; an empty selectable status label
    was a focus stop with nothing to say (both found in the AT-SPI tree)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel, QToolButton

    dialog.path_edit.setText("/tmp/plan.pdf")  # the clear button shows once there is text
    buttons = dialog.path_edit.findChildren(QToolButton)
    assert buttons and all(b.accessibleName() for b in buttons)
    for label in dialog.findChildren(QLabel):
        interface = QAccessible.queryAccessibleInterface(label)
        if label.isVisibleTo(dialog) and interface is not None and interface.state().focusable:
            assert label.text().strip(), "an empty label takes focus"
    assert not dialog.status_label.isVisibleTo(dialog)
    dialog.set_path("")
    dialog.start_export()  # refused: nowhere to save
    assert dialog.status_label.isVisibleTo(dialog)
    assert "Choose where to save" in dialog.status_label.text()
