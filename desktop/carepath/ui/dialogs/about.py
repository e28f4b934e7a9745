"""Help ▸ About CarePath: version, what the app is, and that the record stays on this computer."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carepath import __version__


def about_text(data_path: Path | None) -> str:
    parts = [
        f"<h3>CarePath {html.escape(__version__)}</h3>",
        "<p>"
        + html.escape(
            QCoreApplication.translate(
                "About",
                "Rate your care-coordination skills, see where you stand against the next career "
                "stage, walk the ten steps into the role and plan what to learn next.",
            )
        )
        + "</p>",
        "<p>"
        + html.escape(
            QCoreApplication.translate(
                "About", "Your record stays on this computer; CarePath never goes online."
            )
        )
        + "</p>",
    ]
    if data_path is not None:
        where = QCoreApplication.translate("About", "Data file: %1").replace("%1", str(data_path))
        parts.append(f"<p><small>{html.escape(where)}</small></p>")
    return "".join(parts)


def show_about(parent: QWidget | None, data_path: Path | None = None) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("About", "About CarePath"), about_text(data_path)
    )
