"""Small widgets more than one page or dialog uses, one per file (napari's habit).

A widget lives here once a second screen needs it; a widget only one screen uses stays in that
screen's file.
"""
