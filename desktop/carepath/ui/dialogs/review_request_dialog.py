"""File ▸ Ask for a review…: whom to ask, in which language, with what message.

The form itself is written by ``export.review_form.write_request``; this dialog only gathers the
three choices. The message starts as a suggestion in the chosen language and follows a change of
language until the user edits it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carepath.core.catalogue import load_catalogue
from carepath.core.review import MAX_NAME
from carepath.export.review_form import MAX_MESSAGE, default_message


class ReviewRequestDialog(QDialog):
    def __init__(
        self, target_stage: str, language: str, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ask for a review"))
        self._target_stage = target_stage
        intro = QLabel(
            self.tr(
                "CarePath writes one web page to send to a mentor, supervisor or colleague. It "
                "works offline in any browser; their answers come back as a small file that you "
                "import with File ▸ Import a review…"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Your name, as your reviewer knows you"))
        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setMaxLength(MAX_NAME)
        self.reviewer_edit.setPlaceholderText(self.tr("Optional: filled in for them"))
        self.reviewer_edit.setAccessibleName(self.tr("Reviewer's name"))
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Language of the form"))
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Español", "es")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.message_edit = QPlainTextEdit(self)
        self.message_edit.setAccessibleName(self.tr("Message to your reviewer"))
        self.message_edit.setTabChangesFocus(True)
        self._suggested = ""
        self._suggest()
        self.language_box.currentIndexChanged.connect(self._suggest)

        form = QFormLayout()
        form.addRow(self.tr("&Your name:"), self.name_edit)
        form.addRow(self.tr("&Reviewer's name:"), self.reviewer_edit)
        form.addRow(self.tr("&Language of the form:"), self.language_box)
        form.addRow(self.tr("&Message:"), self.message_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Write the form…"))
        self.name_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(name.strip()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _suggest(self) -> None:
        """Put the suggested message in the chosen language, unless the user wrote their own."""
        if self.message_edit.toPlainText() not in ("", self._suggested):
            return
        self._suggested = default_message(load_catalogue(self.language()), self._target_stage)
        self.message_edit.setPlainText(self._suggested)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def asker(self) -> str:
        return self.name_edit.text().strip()

    def reviewer(self) -> str:
        return self.reviewer_edit.text().strip()

    def message(self) -> str:
        return self.message_edit.toPlainText()[:MAX_MESSAGE]
