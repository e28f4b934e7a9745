"""File ▸ Share with my manager…: say exactly what goes, then write the share file.

The share is made by ``core.share.make_share`` from the same backup document File ▸ Export
backup writes, so the dialog's list is counted from what will really be written. Private text
stays out unless the person ticks "Include my notes"; the list changes as they do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from carepath.core.errors import CarePathError
from carepath.core.share import make_share, summarise


class ShareDialog(QDialog):
    """Shows what a share holds and leaves out; ``accept()`` means "choose where to save"."""

    def __init__(self, backup: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup = backup
        self.summary = summarise(backup)
        self.setWindowTitle(self.tr("Share with my manager"))
        intro = QLabel(
            self.tr(
                "A share is a file you give your manager (by e-mail or a shared folder). Their "
                "CarePath team view reads it; nothing is sent anywhere by CarePath."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.goes_label = QLabel(self)
        self.goes_label.setWordWrap(True)
        self.goes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.left_out_label = QLabel(self)
        self.left_out_label.setWordWrap(True)
        self.left_out_label.setTextFormat(Qt.TextFormat.PlainText)
        self.include_notes = QCheckBox(self.tr("&Include my notes and evidence text"), self)
        self.include_notes.toggled.connect(self._update)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save share…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.goes_label)
        layout.addWidget(self.left_out_label)
        layout.addWidget(self.include_notes)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._update()

    def _update(self) -> None:
        s = self.summary
        name = str(self.backup.get("profile", {}).get("name", ""))
        goes = [
            self.tr("Goes to your manager:"),
            "• " + self.tr("your name, %1, and your current and target stage").replace("%1", name),
            "• "
            + self.tr("the levels and dates of your %1 assessments").replace(
                "%1", str(s.assessments)
            ),
            "• " + self.tr("the status and dates of %1 steps").replace("%1", str(s.steps)),
            "• "
            + self.tr("the titles, skills, due dates and status of %1 goals").replace(
                "%1", str(s.goals)
            ),
        ]
        if s.reviews:
            goes.append("• " + self.tr("the levels of %1 reviews").replace("%1", str(s.reviews)))
        if self.include_notes.isChecked():
            goes.append("• " + self.tr("all your notes and evidence text, as you wrote them"))
            left = [self.tr("Nothing is left out.")]
        else:
            left = [
                self.tr("Left out (private):"),
                "• " + self.tr("%1 evidence notes on skills").replace("%1", str(s.evidence_notes)),
                "• " + self.tr("%1 notes on assessments").replace("%1", str(s.assessment_notes)),
                "• " + self.tr("%1 notes on steps").replace("%1", str(s.step_notes)),
                "• "
                + self.tr("the actions and resources of %1 goals").replace("%1", str(s.goal_texts)),
            ]
            if s.reviews:
                left.append(
                    "• " + self.tr("%1 reviewer comments").replace("%1", str(s.review_comments))
                )
        self.goes_label.setText("\n".join(goes))
        self.left_out_label.setText("\n".join(left))

    def share(self) -> dict[str, Any]:
        return make_share(self.backup, include_notes=self.include_notes.isChecked())


def share_with_manager(parent: QWidget, backup: dict[str, Any], start_folder: str) -> Path | None:
    """Ask, then write the share where the person chooses; the path written, or None."""
    import json

    from carepath.core.atomic import write_atomic

    dialog = ShareDialog(backup, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name = "".join(c for c in str(backup.get("profile", {}).get("name", "")) if c.isalnum())
    suggested = f"carepath-share-{name or 'me'}-{date.today().isoformat()}.json"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ShareDialog", "Save share"),
        str(Path(start_folder) / suggested),
        QCoreApplication.translate("ShareDialog", "CarePath shares (*.json)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    text = json.dumps(dialog.share(), ensure_ascii=False, indent=1)
    try:
        write_atomic(path, text.encode("utf-8"))
    except CarePathError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ShareDialog", "Share not saved"), str(error)
        )
        return None
    return path
