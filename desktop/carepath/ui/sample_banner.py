"""The yellow strip above the pages while the sample data is on screen, with a way out."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

BANNER_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Sample data: a made-up year of someone else's record. Nothing you do here touches your "
    "own file.",
)
LEAVE_SAMPLE = QT_TRANSLATE_NOOP("MainWindow", "&Leave sample")


class SampleBanner(QFrame):
    leave_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#sampleBanner { background: #FFF4CE; border: 1px solid #C8A400; }"
            "#sampleBanner QLabel { color: #3B2F00; }"
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.leave_button = QPushButton(self)
        self.leave_button.clicked.connect(self.leave_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.leave_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.text.setText(QCoreApplication.translate("MainWindow", BANNER_TEXT))
        self.leave_button.setText(QCoreApplication.translate("MainWindow", LEAVE_SAMPLE))
        self.leave_button.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Leave the sample data")
        )
