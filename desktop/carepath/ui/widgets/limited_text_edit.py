"""A plain-text note editor with a generous length limit and a visible count.

Notes are free text, and long ones are welcome (the exported plan lays them out full width), but
an editor without any limit accepts a pasted log file of megabytes that then slows every save and
export. The limit is far above any note anyone types; the counter beside the editor says how much
is left before it is reached, so nothing is ever cut off silently.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

#: About three pages of text: far longer than evidence or a monthly note needs.
NOTE_MAX_LENGTH = 5000


class LimitedTextEdit(QPlainTextEdit):
    """A ``QPlainTextEdit`` refusing text past ``max_length``, with a ``counter`` label to place.

    Text set by the program (a saved note longer than the limit, from an import) is shown whole:
    the limit then becomes that length, so opening a note never shortens it.
    """

    def __init__(self, parent: QWidget | None = None, max_length: int = NOTE_MAX_LENGTH) -> None:
        super().__init__(parent)
        self._limit = max_length
        self._max_length = max_length
        self.counter = QLabel(parent)
        self.counter.setObjectName("noteCounter")
        self.textChanged.connect(self._enforce)
        self._update_counter()

    @property
    def max_length(self) -> int:
        return self._max_length

    def setPlainText(self, text: str) -> None:
        self._max_length = max(self._limit, len(text))
        super().setPlainText(text)

    def _enforce(self) -> None:
        text = self.toPlainText()
        if len(text) > self._max_length:
            cursor = self.textCursor()
            position = min(cursor.position(), self._max_length)
            self.blockSignals(True)
            super().setPlainText(text[: self._max_length])
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)
            self.moveCursor(QTextCursor.MoveOperation.NoMove)
        self._update_counter()

    def _update_counter(self) -> None:
        locale = QLocale()
        used = len(self.toPlainText())
        text = (
            self.tr("%1 / %2")
            .replace("%1", locale.toString(used))
            .replace("%2", locale.toString(self._max_length))
        )
        self.counter.setText(text)
        description = self.tr("%1 of at most %2 characters used").replace(
            "%1", locale.toString(used)
        )
        self.counter.setAccessibleName(description.replace("%2", locale.toString(self._max_length)))
        self.setAccessibleDescription(self.counter.accessibleName())
