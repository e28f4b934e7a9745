"""The window's colours: follow the system, or CarePath's own light or dark palette.

The light and dark palettes are ours rather than the style's so that their contrast is known:
every text colour meets WCAG AA (4.5:1) on the background it is drawn on, which
``tests/ui/test_accessibility.py`` checks. Both use the Fusion style, which draws the same on
every platform, honours the palette completely and draws a visible focus frame on every control.
"System" puts back the style and palette the application started with.

Charts follow by themselves: ``ChartCanvas`` redraws in the dark chart theme when the window
colour turns dark.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

# The saved choice lives with the other preferences; re-exported for Preferences and the tests.
from carepath.ui.settings import THEMES as THEMES
from carepath.ui.settings import save_theme as save_theme
from carepath.ui.settings import saved_theme as saved_theme

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

#: role -> colour for the active and inactive groups; disabled colours are derived below.
LIGHT_COLOURS: dict[QPalette.ColorRole, str] = {
    _Role.Window: "#F3F4F6",
    _Role.WindowText: "#1A1A1A",
    _Role.Base: "#FFFFFF",
    _Role.AlternateBase: "#EEF1F4",
    _Role.Text: "#1A1A1A",
    _Role.PlaceholderText: "#5F6368",
    _Role.Button: "#E6E8EB",
    _Role.ButtonText: "#1A1A1A",
    _Role.BrightText: "#FFFFFF",
    _Role.Highlight: "#1F5FA8",
    _Role.HighlightedText: "#FFFFFF",
    _Role.ToolTipBase: "#FFFBE6",
    _Role.ToolTipText: "#1A1A1A",
    _Role.Link: "#0B57B0",
    _Role.LinkVisited: "#6A3FA0",
    _Role.Light: "#FFFFFF",
    _Role.Midlight: "#E9EBEE",
    _Role.Mid: "#A9AEB4",
    _Role.Dark: "#7C828A",
    _Role.Shadow: "#4A4F55",
}

DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    _Role.Window: "#2B2D30",
    _Role.WindowText: "#E8E8E8",
    _Role.Base: "#1E1F22",
    _Role.AlternateBase: "#26282B",
    _Role.Text: "#E8E8E8",
    _Role.PlaceholderText: "#A3A7AD",
    _Role.Button: "#383A3E",
    _Role.ButtonText: "#E8E8E8",
    _Role.BrightText: "#FFFFFF",
    _Role.Highlight: "#2F69BF",
    _Role.HighlightedText: "#FFFFFF",
    _Role.ToolTipBase: "#3A3C40",
    _Role.ToolTipText: "#E8E8E8",
    _Role.Link: "#8AB4F8",
    _Role.LinkVisited: "#C58AF9",
    _Role.Light: "#4A4D52",
    _Role.Midlight: "#404246",
    _Role.Mid: "#5C6066",
    _Role.Dark: "#1A1B1D",
    _Role.Shadow: "#0E0F10",
}

#: (text role, background role) pairs whose contrast matters for reading, with WCAG's 4.5:1.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (_Role.WindowText, _Role.Window),
    (_Role.Text, _Role.Base),
    (_Role.Text, _Role.AlternateBase),
    (_Role.ButtonText, _Role.Button),
    (_Role.HighlightedText, _Role.Highlight),
    (_Role.ToolTipText, _Role.ToolTipBase),
    (_Role.PlaceholderText, _Role.Base),
    (_Role.Link, _Role.Base),
)

_original: tuple[str, QPalette] | None = None
_ours: QStyle | None = None

#: The check and radio indicators Fusion draws with a faint outline (about 2:1 against the
#: window); ``ClearIndicatorStyle`` rings them in a colour that meets the 3:1 WCAG asks of the
#: boundaries of controls.
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class ClearIndicatorStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in the palette's placeholder colour
    (4.5:1 or more on the base colour in both of our palettes) so they stand out when empty."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        colour = option.palette.color(_Role.PlaceholderText if enabled else _Role.Mid)
        side = min(option.rect.width(), option.rect.height())
        rect = QRectF(option.rect.x(), option.rect.y(), side, side).adjusted(1, 1, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        for group in (_Group.Active, _Group.Inactive, _Group.Disabled):
            palette.setColor(group, role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText, _Role.HighlightedText):
        palette.setColor(_Group.Disabled, role, QColor(disabled_text))
    palette.setColor(_Group.Disabled, _Role.Highlight, QColor(colours[_Role.Mid]))
    return palette


def light_palette() -> QPalette:
    return _palette(LIGHT_COLOURS, "#8A8F96")


def dark_palette() -> QPalette:
    return _palette(DARK_COLOURS, "#7D8187")


def apply_theme(theme: str, app: QApplication | None = None) -> str:
    """Switch the whole application to ``theme`` ("system", "light" or "dark") at once."""
    global _original, _ours
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return "system"
    if _original is None:
        _original = (app.style().name(), app.palette())
    if theme not in THEMES:
        theme = "system"
    if theme == "system":
        style_name, palette = _original
        if _ours is not None or app.style().name().lower() != style_name.lower():
            app.setStyle(style_name)  # Qt deletes the style it replaces
            _ours = None
        app.setPalette(palette)
    else:
        if _ours is None:
            _ours = ClearIndicatorStyle(QStyleFactory.create("Fusion"))
            app.setStyle(_ours)
        app.setPalette(light_palette() if theme == "light" else dark_palette())
    _repolish_style_sheets(app)
    return theme


def _repolish_style_sheets(app: QApplication) -> None:
    """Widgets with a style sheet keep the palette they were polished with: set it again."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
