"""A word-wrapped label that asks its layout for the height its lines really need.

Qt lays a wrapped ``QLabel`` out by its one-line minimum; inside a splitter or a tight column
the second line is then drawn under the next widget (a long Spanish label at 1.5× the font did
exactly that). After every resize this label sets its minimum height to the height its text
needs at its new width, so the layout makes room.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(event.size().width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
