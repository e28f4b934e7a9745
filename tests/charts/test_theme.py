"""Themes: readable contrast, enough distinct series styles, exports that leave rcParams alone."""

from __future__ import annotations

import io
import struct

import matplotlib
import pytest
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from carepath.charts import DARK, LIGHT, SERIES_STYLES, ChartTheme, apply_theme, save_figure
from carepath.charts.theme import font_family, legend_columns, level_tick_labels


def _luminance(colour: str) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in to_rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio between two colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_meets_wcag_aa(theme: ChartTheme) -> None:
    assert contrast(theme.foreground, theme.background) >= 4.5
    assert contrast(theme.muted, theme.background) >= 4.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_series_colours_meet_the_graphics_contrast(theme: ChartTheme) -> None:
    for colour in (theme.current, theme.target, theme.previous, theme.average, theme.alert):
        assert contrast(colour, theme.background) >= 3.0, colour


def test_series_styles_are_distinct_without_colour() -> None:
    assert len(SERIES_STYLES) >= 16
    assert len(set(SERIES_STYLES)) == len(SERIES_STYLES)
    # Even in greyscale the first sixteen differ in dash pattern or marker.
    shapes = [(linestyle, marker) for _, linestyle, marker in SERIES_STYLES[:16]]
    assert len(set(shapes)) == 16


def test_with_dpi_returns_a_new_theme() -> None:
    sharper = LIGHT.with_dpi(200)
    assert sharper.dpi == 200
    assert LIGHT.dpi == 100
    assert sharper.background == LIGHT.background


def test_font_family_keeps_the_generic_fallback_last() -> None:
    family = font_family()
    assert family[-1] == "sans-serif"
    assert family[0] == "DejaVu Sans"


def test_level_tick_labels() -> None:
    assert level_tick_labels(None) == ["1", "2", "3", "4", "5"]
    assert level_tick_labels(["a", "b", "c", "d", "e"])[2] == "3 c"
    with pytest.raises(ValueError, match="5 level names"):
        level_tick_labels(["a"])


def test_legend_columns_shrink_for_long_labels() -> None:
    short = legend_columns(["Now", "Target", "Previous"], LIGHT, 6)
    assert short == 3
    long = legend_columns(["Understanding of the healthcare system"] * 16, LIGHT, 8)
    assert 1 <= long < 4
    assert legend_columns([], LIGHT, 8) == 1


def test_apply_theme_colours_axes_and_background() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    ax.set_title("title")
    apply_theme(fig, DARK)
    assert matplotlib.colors.to_hex(fig.get_facecolor()) == DARK.background.lower()
    assert matplotlib.colors.to_hex(ax.get_facecolor()) == DARK.background.lower()
    assert matplotlib.colors.to_hex(ax.title.get_color()) == DARK.foreground.lower()


@pytest.mark.parametrize("dpi", [100, 150])
def test_save_figure_png_matches_dpi_and_leaves_rcparams_alone(dpi: int) -> None:
    before = dict(matplotlib.rcParams)
    fig = Figure(figsize=(4, 3), dpi=dpi)
    fig.add_subplot().plot([1, 2], [3, 4])
    buffer = io.BytesIO()
    save_figure(fig, buffer, "png")
    assert png_size(buffer.getvalue()) == (4 * dpi, 3 * dpi)
    assert dict(matplotlib.rcParams) == before


def test_save_figure_svg_text_modes() -> None:
    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, "Hello")
    as_paths, as_text = io.BytesIO(), io.BytesIO()
    save_figure(fig, as_paths, "svg")
    save_figure(fig, as_text, "svg", svg_text="text")
    assert b"<text" not in as_paths.getvalue()  # glyphs drawn as paths: renders anywhere
    assert b"<text" in as_text.getvalue()
    assert b"DejaVu Sans" in as_text.getvalue()


def test_save_figure_pdf_embeds_truetype() -> None:
    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, "Hello")
    buffer = io.BytesIO()
    save_figure(fig, buffer, "pdf")
    data = buffer.getvalue()
    assert data.startswith(b"%PDF")
    assert b"/TrueType" in data or b"/CIDFontType2" in data
