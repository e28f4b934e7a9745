"""Reusable widgets the pages and dialogs share, one per module."""
