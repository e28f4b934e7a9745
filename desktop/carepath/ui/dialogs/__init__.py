"""Dialogs of the main window: data-file problems, the level scale, About."""
