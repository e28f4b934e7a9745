"""Charts as plain functions from data to a matplotlib ``Figure``, shared by the window and exports.

Nothing here imports pyplot or Qt: the window draws a figure with its own small Agg canvas
(``carepath.ui.agg_canvas``) and the exporters draw the very same figure (``save_figure``, and
``carepath.export.pdf_charts`` for the PDF), so a plan shows what the screen shows.

Importing matplotlib is the largest cost of showing a chart, so this package keeps it small:

* the names below are imported on first use (PEP 562), so ``carepath.charts.radar`` alone does
  not pay for the progress and timeline modules;
* before matplotlib's artist classes are defined, ``matplotlib.artist.kwdoc`` is replaced by one
  that returns an empty string. matplotlib calls it while importing, once per Artist subclass,
  only to write the property table into the docstrings of their ``set()`` methods; skipping it
  saves 60-100 ms of importing ``matplotlib.figure`` on a 2-core machine (``kwdoc`` in
  tests/benchmarks/tricks.py and docs/BENCHMARKS.md). Only those docstrings change: ``set()``
  keeps its signature and behaviour.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any


def _skip_artist_property_docs() -> None:
    try:
        from matplotlib import artist
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return
    if callable(getattr(artist, "kwdoc", None)) and not getattr(artist.kwdoc, "_carepath", False):

        def kwdoc(_artist: object) -> str:
            return ""

        kwdoc._carepath = True  # type: ignore[attr-defined]
        setattr(artist, "kwdoc", kwdoc)  # noqa: B010 - a module attribute, set on purpose


_skip_artist_property_docs()

if TYPE_CHECKING:
    from carepath.charts.progress import downsample, progress_figure
    from carepath.charts.radar import RadarChart, RadarData, radar_figure
    from carepath.charts.theme import (
        DARK,
        FONT_FAMILY,
        LEVEL_NAMES,
        LIGHT,
        SERIES_STYLES,
        ChartTheme,
        apply_theme,
        save_figure,
    )
    from carepath.charts.timeline import TimelineItem, timeline_figure

_HOMES = {
    "downsample": "progress",
    "progress_figure": "progress",
    "RadarChart": "radar",
    "RadarData": "radar",
    "radar_figure": "radar",
    "DARK": "theme",
    "FONT_FAMILY": "theme",
    "LEVEL_NAMES": "theme",
    "LIGHT": "theme",
    "SERIES_STYLES": "theme",
    "ChartTheme": "theme",
    "apply_theme": "theme",
    "save_figure": "theme",
    "TimelineItem": "timeline",
    "timeline_figure": "timeline",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DARK",
    "FONT_FAMILY",
    "LEVEL_NAMES",
    "LIGHT",
    "SERIES_STYLES",
    "ChartTheme",
    "RadarChart",
    "RadarData",
    "TimelineItem",
    "apply_theme",
    "downsample",
    "progress_figure",
    "radar_figure",
    "save_figure",
    "timeline_figure",
]
