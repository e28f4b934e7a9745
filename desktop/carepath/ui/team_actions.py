"""The File menu's team commands (rows "share" and "team" in ``ui.actions``), called with the
main window: Share with my manager… and Team view…."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def share_with_manager(window: Any) -> None:
    """Ask what goes (``ShareDialog``), then write the share of the record on screen."""
    from carepath.core.backup import build_backup
    from carepath.ui.dialogs.share_dialog import share_with_manager as ask

    workspace = window.workspace
    written = ask(
        window,
        build_backup(workspace.session.record()),
        workspace.settings.last_folder(str(Path.home())),
    )
    if written is not None:
        workspace.settings.set_last_folder(str(written.parent))


def show_team_view(window: Any) -> None:
    """The team view in the interface's language; it never touches the open record."""
    from carepath.ui.team_window import open_team_view

    open_team_view(window, window.workspace.session.catalogue)
