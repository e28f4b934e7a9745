"""Fonts as both halves of the PDF writer set them: the page text (``pdf_plan``) and the chart
text drawn by the Qt renderer for matplotlib (``pdf_charts``).

Its own module so that the two import it and not each other: ``pdf_plan`` loads ``pdf_charts``
(and with it matplotlib) only when a plan is rendered.
"""

from __future__ import annotations

from PySide6.QtGui import QFont


def without_ligatures(font: QFont) -> QFont:
    """``font`` with no "fi"/"fl" ligatures: searching the PDF for "profile" finds "profile"."""
    if hasattr(font, "setFeature"):  # Qt 6.7+
        font.setFeature(QFont.Tag("liga"), 0)
    return font
