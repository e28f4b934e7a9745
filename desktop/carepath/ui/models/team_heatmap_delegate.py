"""Paints a heatmap cell in a few painter calls: its colour (unless "Show as table") and number.

The default delegate asks the model for eight roles per cell and runs the style's full item
drawing; for the twenty-odd rows × fifteen levels on screen that was most of the 90 ms a repaint
took on a loaded two-core machine. This one reads the person from the model directly and
draws the fill, the text and the selection itself. Text and colours are the model's
(``LEVEL_COLOURS``), so the picture and the accessible data cannot disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from carepath.core.catalogue import SKILL_IDS
from carepath.export.team_report import LEVEL_COLOURS
from carepath.ui.models.team_heatmap_model import FIRST_SKILL, TeamHeatmapModel

_PAD = 4
_COLOURS = {level: (QColor(back), QColor(ink)) for level, (back, ink) in LEVEL_COLOURS.items()}


class HeatmapDelegate(QStyledItemDelegate):
    def __init__(self, model: TeamHeatmapModel, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.model = model  # read directly: a role through QVariant cost more than the drawing
        self.coloured = True

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.row()
        if not 0 <= row < self.model.rowCount():
            super().paint(painter, option, index)
            return
        member = self.model.member(row)
        column = index.column()
        skill_column = column - FIRST_SKILL
        rect = option.rect  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        level = (
            member.levels.get(SKILL_IDS[skill_column])
            if 0 <= skill_column < len(SKILL_IDS)
            else None
        )
        ink = palette.text().color()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(rect, palette.highlight())
            ink = palette.highlightedText().color()
        elif self.coloured and level is not None:
            back, ink = _COLOURS[level]
            painter.fillRect(rect, back)
        painter.setPen(ink)
        text = self.model.text(member, column)
        if 0 <= skill_column < len(SKILL_IDS):
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            return
        inner = rect.adjusted(_PAD, 0, -_PAD, 0)
        shown = option.fontMetrics.elidedText(  # type: ignore[attr-defined]
            text, Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
