"""Every chart exports at the size asked for, renders any script, and never pulls in Qt."""

from __future__ import annotations

import io
import logging
import os
import struct
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from carepath.charts import (
    DARK,
    LIGHT,
    ChartTheme,
    RadarData,
    TimelineItem,
    progress_figure,
    radar_figure,
    save_figure,
    timeline_figure,
)

MULTI_SCRIPT = "José Ñúñez — 李雷 — Ελένη"
REPO = Path(__file__).resolve().parents[2]


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _figures(
    radar_data: RadarData,
    progress_series: dict[str, list[tuple[datetime, float]]],
    timeline_items: list[TimelineItem],
    today: date,
) -> dict[str, Callable[[ChartTheme], Figure]]:
    return {
        "radar": lambda theme: radar_figure(radar_data, theme),
        "progress": lambda theme: progress_figure(progress_series, theme=theme),
        "progress-empty": lambda theme: progress_figure({}, theme=theme),
        "timeline": lambda theme: timeline_figure(timeline_items, today, theme=theme),
    }


@pytest.mark.parametrize("dpi", [100, 144])
def test_every_chart_exports_png_at_dpi_times_inches_and_svg(
    radar_data: RadarData,
    progress_series: dict[str, list[tuple[datetime, float]]],
    timeline_items: list[TimelineItem],
    today: date,
    tmp_path: Path,
    dpi: int,
) -> None:
    for name, build in _figures(radar_data, progress_series, timeline_items, today).items():
        for theme in (LIGHT, DARK):
            fig = build(theme.with_dpi(dpi))
            width, height = fig.get_size_inches()
            png = tmp_path / f"{name}.png"
            save_figure(fig, png)
            assert _png_size(png.read_bytes()) == (round(width * dpi), round(height * dpi))
            svg = tmp_path / f"{name}.svg"
            save_figure(fig, svg)
            assert svg.stat().st_size > 1_000


def _has_cjk_font() -> bool:
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    return bool(names & {"WenQuanYi Micro Hei", "Noto Sans CJK JP"})


@pytest.mark.skipif(not _has_cjk_font(), reason="no CJK font installed for matplotlib")
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_multi_script_names_render_without_missing_glyphs(
    radar_data: RadarData, today: date, caplog: pytest.LogCaptureFixture, fmt: str
) -> None:
    labels = [MULTI_SCRIPT, *radar_data.labels[1:]]
    figures = [
        radar_figure(
            RadarData(
                labels,
                radar_data.target,
                radar_data.current,
                not_rated_label="未评分 — sin calificar",
                current_label=MULTI_SCRIPT,
            )
        ),
        progress_figure({MULTI_SCRIPT: [(datetime(2026, 1, 1), 3.0)]}, title=MULTI_SCRIPT),
        timeline_figure(
            [TimelineItem(MULTI_SCRIPT, date(2026, 1, 1), date(2026, 6, 1), None, overdue=True)],
            today,
            today_label="今天",
        ),
    ]
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        for fig in figures:
            save_figure(fig, io.BytesIO(), fmt)
    glyph_warnings = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert glyph_warnings == []
    assert [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()] == []


def test_importing_and_drawing_charts_never_loads_qt_or_pyplot(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import io, sys
        for name in ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6"):
            sys.modules[name] = None  # any import of these now fails
        import carepath.charts
        from carepath.charts import radar, progress, timeline, theme
        data = radar.RadarData(["a", "b", "c"], [4, 4, 4], [1, None, 3])
        chart = radar.RadarChart(data)
        chart.update_current([2, 2, 2])
        theme.save_figure(chart.figure, io.BytesIO(), "png")
        progress.progress_figure({}).savefig(io.BytesIO(), format="svg")
        loaded = [m for m in sys.modules if sys.modules[m] is not None]
        assert not [m for m in loaded if m.startswith(("PySide", "PyQt", "shiboken"))], loaded
        assert "matplotlib.pyplot" not in loaded
        print("clean")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop"), "MPLBACKEND": "qtagg"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
