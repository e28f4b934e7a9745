"""Charts as plain functions from data to a matplotlib ``Figure``, shared by the window and exports.

Nothing here imports pyplot or Qt: the GUI puts a figure into a ``FigureCanvasQTAgg`` and the
exporters save the very same figure (``save_figure``), so a PDF shows what the screen shows.
Importing this package costs about 0.2 s (``matplotlib.figure``), so the GUI imports it after
the window is shown.
"""

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
