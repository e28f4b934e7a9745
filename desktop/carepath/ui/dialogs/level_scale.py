"""Help ▸ The level scale: the five levels (Benner's novice to expert) and what each means."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from carepath.core.catalogue import Catalogue


class LevelScaleDialog(QDialog):
    """Lists the levels with their meaning, plus what "not rated yet" means for the numbers."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The level scale"))
        self.setMinimumWidth(520)
        rows = "".join(
            f"<tr><td style='padding:4px 12px 4px 0; white-space:nowrap'><b>{level.value} "
            f"{html.escape(level.name)}</b></td><td style='padding:4px 0'>"
            f"{html.escape(level.meaning)}</td></tr>"
            for level in catalogue.levels
        )
        not_rated = html.escape(
            self.tr(
                "Not rated yet: the skill is left out of averages, gaps and readiness; it never "
                "counts as zero."
            )
        )
        label = QLabel(f"<table>{rows}</table><p>{not_rated}</p>", self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self.tr("The five levels and their meaning"))
        self.text_label = label

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
