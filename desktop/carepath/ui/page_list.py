"""The list of pages down the window's left side, by page key, in the language on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from carepath.ui.page_map import PageSpec

_ICON_SIZE = 22


class PageList(QListWidget):
    """One row per page; a little larger than the system font and as wide as its longest name.

    The key of each row is kept in a list, not as item data: setting item data would touch the
    ``Qt`` namespace before the first paint (see ``main_window``).
    """

    def __init__(
        self, specs: Sequence[PageSpec], chosen: Callable[[str], object], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Pages"))
        self.setIconSize(QSize(_ICON_SIZE, _ICON_SIZE))
        self.setSpacing(2)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.setStyleSheet("QListWidget::item { padding: 6px; }")
        self._specs = list(specs)
        self.keys = [spec.key for spec in self._specs]
        for spec in self._specs:
            QListWidgetItem(QIcon.fromTheme(spec.icon), "", self)
        self.retranslate()
        self.currentRowChanged.connect(
            lambda row: chosen(self.keys[row]) if 0 <= row < len(self.keys) else None
        )

    def retranslate(self) -> None:
        for row, spec in enumerate(self._specs):
            self.item(row).setText(QCoreApplication.translate("Page", spec.title))
        self._fit_width()

    def _fit_width(self) -> None:
        """As wide as the longest page name in the current language and font size (170 px at
        least), so a larger system font or a longer translation never clips a name."""
        metrics = self.fontMetrics()
        rows = range(self.count())
        widest = max((metrics.horizontalAdvance(self.item(r).text()) for r in rows), default=0)
        extra = self.iconSize().width() + 48 + self.verticalScrollBar().sizeHint().width()
        self.setFixedWidth(max(170, widest + extra))

    def select(self, key: str) -> None:
        """Mark ``key``'s row as current without asking to show it again."""
        if key in self.keys:
            self.blockSignals(True)
            self.setCurrentRow(self.keys.index(key))
            self.blockSignals(False)
