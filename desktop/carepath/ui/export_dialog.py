"""Export the personal development plan: format, paper, sections, where to save; then open it.

The export runs on a QThreadPool worker, never on the GUI thread: ``export_plan`` draws the charts
with matplotlib and, for a PDF, lays the document out with QTextDocument onto a QPdfWriter, both
of which are safe off the GUI thread (no widget is touched there). The worker only emits signals;
the dialog, on the GUI thread, updates the progress bar and shows the result.

The main window opens it with Ctrl+E: ``ExportDialog(session, parent).exec()``.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QRunnable,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import Catalogue
from carepath.core.errors import CarePathError
from carepath.core.models import Record
from carepath.export.plan import FORMATS, PAPER_SIZES, default_paper_for_locale, export_plan
from carepath.export.plan_content import SECTIONS, section_title
from carepath.ui.settings import APPLICATION, FOLDER_KEY, FORMAT_KEY, ORGANISATION, PAPER_KEY

if TYPE_CHECKING:
    from carepath.ui.session import Session

log = logging.getLogger(__name__)

_SUFFIX = {"pdf": ".pdf", "html": ".html", "md": ".md"}


class _JobSignals(QObject):
    progressed = Signal(int, str)
    succeeded = Signal(str)
    failed = Signal(str)


class ExportJob(QRunnable):
    """One export on a pool thread. Works only on its own immutable copies; emits, never touches
    a widget."""

    def __init__(
        self,
        record: Record,
        catalogue: Catalogue,
        fmt: str,
        path: Path,
        paper: str,
        sections: tuple[str, ...],
        today: date,
    ) -> None:
        super().__init__()
        self.signals = _JobSignals()
        self._args = (record, catalogue, fmt, path)
        self._paper = paper
        self._sections = sections
        self._today = today

    def run(self) -> None:
        record, catalogue, fmt, path = self._args
        try:
            written = export_plan(
                record,
                catalogue,
                fmt,
                path,
                paper=self._paper,
                sections=self._sections,
                today=self._today,
                progress=self.signals.progressed.emit,
            )
        except CarePathError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # the user gets one sentence; the details go to the log
            log.exception("plan export failed")
            message = QCoreApplication.translate(
                "ExportDialog",
                "The plan could not be exported (%1); please try again, or choose another format.",
            )
            self.signals.failed.emit(message.replace("%1", type(error).__name__))
        else:
            self.signals.succeeded.emit(str(written))


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs in the background with a progress bar."""

    #: Emitted with the written file's path when an export has succeeded.
    export_finished = Signal(str)
    #: Emitted with the one-sentence reason when an export has failed.
    export_failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = QSettings(ORGANISATION, APPLICATION)
        self._job: ExportJob | None = None
        self._written: Path | None = None
        self.setWindowTitle(self.tr("Export development plan"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "A plan to take to a mentor, a manager or an interview: where you stand, your "
                "goals and your steps, with the same charts as on screen."
            )
        )
        intro.setWordWrap(True)

        # Format
        self.format_buttons: dict[str, QRadioButton] = {
            "pdf": QRadioButton(self.tr("&PDF document — to print or to send")),
            "html": QRadioButton(self.tr("&Web page (HTML) — one file, reads well on a phone")),
            "md": QRadioButton(self.tr("&Markdown — text, with the charts as PNG files beside it")),
        }
        self._format_group = QButtonGroup(self)
        format_box = QGroupBox(self.tr("Format"))
        format_layout = QVBoxLayout(format_box)
        for button in self.format_buttons.values():
            self._format_group.addButton(button)
            format_layout.addWidget(button)

        # Paper
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper_combo.addItem(self.tr("US Letter (8.5 × 11 in)"), "letter")
        paper_label = QLabel(self.tr("Paper si&ze:"))
        paper_label.setBuddy(self.paper_combo)

        # Sections
        self.section_boxes: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(self.tr("Include"))
        sections_layout = QGridLayout(sections_box)
        rows = (len(SECTIONS) + 1) // 2
        for index, section in enumerate(SECTIONS):
            # The plan's own words, in the plan's (the catalogue's) language.
            box = QCheckBox(section_title(section, session.catalogue.language))
            box.setChecked(True)
            self.section_boxes[section] = box
            sections_layout.addWidget(box, index % rows, index // rows)
        always = QLabel(
            self.tr("Always included: your name, the date, your current and target stage.")
        )
        always.setWordWrap(True)
        sections_layout.addWidget(always, rows, 0, 1, 2)

        # Where
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File to save"))
        self.path_edit.setClearButtonEnabled(True)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        path_label = QLabel(self.tr("&Save to:"))
        path_label.setBuddy(self.path_edit)

        form = QFormLayout()
        form.addRow(paper_label, self.paper_combo)
        form.addRow(path_label, path_row)

        # Progress and result
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.open_button = self.buttons.addButton(
            self.tr("&Open file"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = self.buttons.addButton(
            self.tr("Show in &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.hide()
        self.folder_button.hide()
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(format_box)
        layout.addWidget(sections_box)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self._inputs: list[QWidget] = [
            format_box,
            sections_box,
            self.paper_combo,
            self.path_edit,
            choose,
        ]
        self._restore_choices()
        self._format_group.buttonToggled.connect(self._format_changed)
        _give_mnemonics(list(self.section_boxes.values()), self)

    # -- choices ----------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        fmt = str(self._settings.value(FORMAT_KEY, "pdf", type=str) or "pdf")
        fmt = fmt if fmt in FORMATS else "pdf"
        self.format_buttons[fmt].setChecked(True)
        locale_paper = default_paper_for_locale(QLocale().name())
        paper = str(self._settings.value(PAPER_KEY, locale_paper, type=str) or locale_paper)
        self.set_paper(paper if paper in PAPER_SIZES else locale_paper)
        folder = str(self._settings.value(FOLDER_KEY, "", type=str) or "") or _documents_folder()
        self.path_edit.setText(str(Path(folder) / self._default_file_name(fmt)))
        self.paper_combo.setEnabled(fmt == "pdf")

    def _default_file_name(self, fmt: str) -> str:
        name = self._session.record().profile.name.strip()
        safe = "".join(c if c.isalnum() or c in " -_" else " " for c in name).split()
        # A file name, so no spaces: "development-plan" / "plan-de-desarrollo".
        stem = "-".join([self.tr("development-plan"), *safe[:4], date.today().isoformat()])
        return stem + _SUFFIX[fmt]

    def format(self) -> str:
        for fmt, button in self.format_buttons.items():
            if button.isChecked():
                return fmt
        return "pdf"

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def set_paper(self, paper: str) -> None:
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))

    def sections(self) -> tuple[str, ...]:
        return tuple(s for s, box in self.section_boxes.items() if box.isChecked())

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def _format_changed(self, _button: object = None, checked: bool = True) -> None:
        if not checked:
            return
        fmt = self.format()
        self.paper_combo.setEnabled(fmt == "pdf")
        current = self.path()
        if current is not None and current.suffix.lower() in _SUFFIX.values():
            self.path_edit.setText(str(current.with_suffix(_SUFFIX[fmt])))

    def choose_path(self) -> None:
        fmt = self.format()
        filters = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "html": self.tr("Web page (*.html *.htm)"),
            "md": self.tr("Markdown (*.md)"),
        }
        current = self.path()
        start = str(current) if current else str(Path(_documents_folder()))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan as"), start, filters[fmt]
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (_SUFFIX[fmt], ".htm"):
            path = path.with_name(path.name + _SUFFIX[fmt])
        self.set_path(path)

    # -- running ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._job is not None

    def start_export(self) -> None:
        """Start the export in the background; the result arrives as a signal."""
        if self._job is not None:
            return
        path = self.path()
        if path is None:
            self._show_error(self.tr("Choose where to save the plan first."))
            return
        fmt = self.format()
        self._settings.setValue(FORMAT_KEY, fmt)
        self._settings.setValue(PAPER_KEY, self.paper())
        self._settings.setValue(FOLDER_KEY, str(path.parent))
        self._written = None
        self.open_button.hide()
        self.folder_button.hide()
        self.status_label.setText(self.tr("Preparing the plan…"))
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._set_inputs_enabled(False)
        job = ExportJob(
            self._session.record(),
            self._session.catalogue,
            fmt,
            path,
            self.paper(),
            self.sections(),
            date.today(),
        )
        job.signals.progressed.connect(self._on_progress)
        job.signals.succeeded.connect(self._on_succeeded)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(enabled)
        self.paper_combo.setEnabled(enabled and self.format() == "pdf")
        self.export_button.setEnabled(enabled)
        self.close_button.setEnabled(enabled)

    def _on_progress(self, percent: int, what: str) -> None:
        self.progress_bar.setValue(percent)
        self.status_label.setText(what + "…" if percent < 100 else what)

    def _on_succeeded(self, written: str) -> None:
        self._job = None
        self._written = Path(written)
        self._set_inputs_enabled(True)
        self.progress_bar.setValue(100)
        self.progress_bar.hide()
        self.status_label.setText(self.tr("Saved {path}").format(path=written))
        self.open_button.show()
        self.folder_button.show()
        self.open_button.setFocus()
        self.export_finished.emit(written)

    def _on_failed(self, message: str) -> None:
        self._job = None
        self._set_inputs_enabled(True)
        self.progress_bar.hide()
        self._show_error(message)
        self.export_failed.emit(message)

    def _show_error(self, message: str) -> None:
        self.status_label.setText(self.tr("Not exported: {reason}").format(reason=message))

    def written_path(self) -> Path | None:
        return self._written

    # -- after ------------------------------------------------------------------------------
    def open_file(self) -> None:
        if self._written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._written)))

    def show_in_folder(self) -> None:
        if self._written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._written.parent)))

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        if self._job is not None:
            self.status_label.setText(self.tr("Still exporting; this takes a few seconds…"))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            event.ignore()
            return
        super().closeEvent(event)


def _give_mnemonics(buttons: list[QAbstractButton], dialog: QWidget) -> None:
    """Alt+letter for each button, on a letter no other control of ``dialog`` uses.

    The section names come from the plan's own words in either language, so their mnemonics are
    chosen here rather than written into each translation.
    """
    used = set()
    for widget in dialog.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        marker = text.replace("&&", "").find("&")
        if widget not in buttons and 0 <= marker < len(text) - 1:
            used.add(text.replace("&&", "")[marker + 1].lower())
    for button in buttons:
        text = button.text()
        for index, char in enumerate(text):
            if char.isalpha() and char.lower() not in used:
                used.add(char.lower())
                button.setText(text[:index] + "&" + text[index:])
                break


def _documents_folder() -> str:
    """The user's Documents folder when there is one, else their home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())
