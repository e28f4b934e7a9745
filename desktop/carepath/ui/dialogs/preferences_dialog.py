"""Edit ▸ Preferences…: language, theme, reassessment interval, default paper, data file location.

Everything is kept in QSettings except the reassessment interval, which belongs to the record
(``Profile.reassess_interval_days``) and is changed through the session like any other edit, so
Ctrl+Z takes it back. The theme switches live as it is chosen (Cancel puts the saved one back);
OK and Apply keep it, and apply at once the paper the export dialog proposes and the language:
the new translators are installed, the menus and page names follow at once (``LanguageChange``),
and the main window builds its pages again in the new language once the dialog closes
(``MainWindow._on_language_changed``).

"Move data file…" is an action of its own, done when chosen: the file is copied to the new place,
checked, opened there, and only then is the old one removed (see ``carepath.core.relocate``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import CarePathError
from carepath.core.models import DEFAULT_REASSESS_DAYS
from carepath.ui import i18n, theme
from carepath.ui.export_dialog import PAPER_KEY
from carepath.ui.settings import AppSettings

if TYPE_CHECKING:
    from carepath.ui.session import Session

PAPER_SIZES = ("a4", "letter")
INTERVAL_RANGE = (7, 365)


def default_paper() -> str:
    from carepath.core.paper import system_paper

    return system_paper()  # the system locale's paper, as on the command line


class PreferencesDialog(QDialog):
    """The five preferences, applied by OK or Apply; moving the data file is done at once."""

    #: The language now installed ("en" or "es"), after it changed.
    language_changed = Signal(str)
    #: The data file's new path, after a move.
    data_file_moved = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings or AppSettings()
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)

        appearance = self._build_appearance()
        work = self._build_assessments_and_plan()
        data_box = self._build_data_file()
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(appearance)
        layout.addWidget(work)
        layout.addWidget(data_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._load()
        self.theme_combo.currentIndexChanged.connect(self._preview_theme)
        self.language_combo.setFocus()

    # -- construction -----------------------------------------------------------------------------
    def _build_appearance(self) -> QGroupBox:
        self.language_combo = QComboBox(self)
        system_name = i18n.NATIVE_NAMES[i18n.system_language()]
        self.language_combo.addItem(self.tr("System language (%1)").replace("%1", system_name), "")
        for code in i18n.LANGUAGES:
            self.language_combo.addItem(i18n.NATIVE_NAMES[code], code)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_note = QLabel(
            self.tr(
                "Menus and page names switch at once; the pages themselves, the skills and the "
                "exported plan follow when this dialog closes."
            ),
            self,
        )
        self.language_note.setWordWrap(True)

        self.theme_combo = QComboBox(self)
        self.theme_combo.addItem(self.tr("Same as the system"), "system")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.setToolTip(
            self.tr("The window switches as you choose; Cancel puts the previous theme back.")
        )

        appearance = QGroupBox(self.tr("Appearance"), self)
        appearance_form = QFormLayout(appearance)
        appearance_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        appearance_form.addRow(
            self._label(self.tr("&Language:"), self.language_combo), self.language_combo
        )
        appearance_form.addRow("", self.language_note)
        appearance_form.addRow(self._label(self.tr("&Theme:"), self.theme_combo), self.theme_combo)
        return appearance

    def _build_assessments_and_plan(self) -> QGroupBox:
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(*INTERVAL_RANGE)
        self.interval_spin.setSuffix(self.tr(" days"))
        self.interval_spin.setAccessibleName(self.tr("Days between self-assessments"))
        self.interval_spin.setToolTip(
            self.tr("The status bar and the Overview say when the next self-assessment is due.")
        )

        self.paper_combo = QComboBox(self)
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper_combo.addItem(self.tr("US Letter (8.5 × 11 in)"), "letter")
        self.paper_combo.setAccessibleName(self.tr("Default paper size for PDF plans"))

        work = QGroupBox(self.tr("Assessments and plan"), self)
        work_form = QFormLayout(work)
        work_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        work_form.addRow(
            self._label(self.tr("&Reassess every:"), self.interval_spin), self.interval_spin
        )
        work_form.addRow(
            self._label(self.tr("Default &paper size:"), self.paper_combo), self.paper_combo
        )
        return work

    def _build_data_file(self) -> QGroupBox:
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Data file location"))
        self.move_button = QPushButton(self.tr("&Move data file…"), self)
        self.move_button.setAccessibleName(self.tr("Move the data file to another folder"))
        self.move_button.setToolTip(
            self.tr(
                "Copies your record to the new place, checks the copy, switches to it, and only "
                "then removes the old file. Automatic backups move with it."
            )
        )
        self.move_button.clicked.connect(self.choose_move_target)
        self.data_note = QLabel(self)
        self.data_note.setWordWrap(True)
        self.data_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        data_box = QGroupBox(self.tr("Data file"), self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.move_button)
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self._label(self.tr("&Your record is kept in:"), self.path_edit))
        data_layout.addLayout(path_row)
        data_layout.addWidget(self.data_note)
        return data_box

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @property
    def qsettings(self) -> QSettings:
        return self._settings.qsettings

    # -- reading and applying ---------------------------------------------------------------------
    def _load(self) -> None:
        self._select(self.language_combo, i18n.saved_language(self.qsettings))
        self._select(self.theme_combo, theme.saved_theme(self.qsettings))
        profile = self._session.record().profile
        self.interval_spin.setValue(profile.reassess_interval_days or DEFAULT_REASSESS_DAYS)
        paper = str(self.qsettings.value(PAPER_KEY, "", type=str) or "") or default_paper()
        self._select(self.paper_combo, paper if paper in PAPER_SIZES else "a4")
        self._show_path()

    def _show_path(self) -> None:
        self.path_edit.setText(str(self._session.path))
        self.path_edit.setCursorPosition(0)
        sample = self._session.is_sample
        self.move_button.setEnabled(not sample)
        self.data_note.setText(
            self.tr("Sample data lives in a temporary folder and cannot be moved.")
            if sample
            else self.tr(
                "Only you can read the file. Keep it somewhere your own backups reach, such as "
                "your Documents folder."
            )
        )

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(data)))

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def theme(self) -> str:
        return str(self.theme_combo.currentData())

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def _preview_theme(self) -> None:
        """The theme switches as it is chosen (the README's "at once"); kept by OK or Apply."""
        theme.apply_theme(self.theme())

    def reject(self) -> None:
        saved = theme.saved_theme(self.qsettings)
        if saved != self.theme():
            theme.apply_theme(saved)  # undo the live preview
        super().reject()

    def apply(self) -> bool:
        """Store and apply every choice; False (after saying why) if the interval was refused."""
        settings = self.qsettings
        theme.save_theme(self.theme(), settings)
        theme.apply_theme(self.theme())
        settings.setValue(PAPER_KEY, self.paper())

        i18n.save_language(self.language(), settings)
        wanted = i18n.choose_language(None, settings)
        if wanted != i18n.current_language():
            installed = i18n.install(wanted)
            self.language_changed.emit(installed)
        settings.sync()
        return self._apply_interval()

    def _apply_interval(self) -> bool:
        from carepath.ui.undo import SetProfileCommand, push_command

        profile = self._session.record().profile
        days = self.interval_spin.value()
        if days == profile.reassess_interval_days:
            return True
        changed = replace(profile, reassess_interval_days=days)
        try:
            push_command(self._session, SetProfileCommand(self._session, changed))
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return False
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    # -- moving the data file ---------------------------------------------------------------------
    def choose_move_target(self) -> None:
        current = self._session.path
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Move the data file to"),
            str(current.parent / current.name),
            self.tr("CarePath data files (*.json)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".json")
        self.move_data_file(target)

    def move_data_file(self, target: Path) -> bool:
        """Move the record to ``target``; says why and returns False when it cannot."""
        if self._session.is_sample:
            return False
        try:
            left = self._session.move_to(target)
        except CarePathError as error:
            QMessageBox.warning(self, self.tr("Data file not moved"), str(error))
            return False
        new_path = str(self._session.path)
        self._settings.set_data_file(new_path)
        self._settings.set_last_folder(str(self._session.path.parent))
        self._settings.sync()
        self._show_path()
        message = self.tr("Your record is now in %1.").replace("%1", new_path)
        if left:
            message += " " + self.tr("These old files could not be removed: %1").replace(
                "%1", ", ".join(str(p) for p in left)
            )
        self.data_note.setText(message)
        self.data_file_moved.emit(new_path)
        return True
