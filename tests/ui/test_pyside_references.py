"""The installed PySide6 must keep Python's reference counts right (pyproject.toml pins it).

PySide6 6.12.0 dropped a reference to ``None`` on every call of a C++ method that returns nothing.
On Python 3.11, where ``None`` is an ordinary counted object, the count reaches zero after some
tens of thousands of such calls (``setText``, ``QPainter.save``...) and the interpreter aborts
with "deallocating None": a crash in the middle of a long session, or at every exit.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QPainterPath


def test_methods_returning_nothing_keep_the_reference_to_none() -> None:
    rect, path, thing = QRectF(), QPainterPath(), QObject()
    before = sys.getrefcount(None)
    for number in range(2000):
        rect.setWidth(float(number))
        path.lineTo(float(number), 1.0)
        thing.setObjectName("probe")
    assert abs(sys.getrefcount(None) - before) < 100  # 6.12.0: 6,000 fewer
