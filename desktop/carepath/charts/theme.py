"""Colours, fonts and the one export helper shared by every CarePath chart.

Charts are built on a bare :class:`matplotlib.figure.Figure` (never pyplot, never a Qt canvas) so
that the same function feeds the window and the PDF/HTML/Markdown exports. Because there is no
pyplot and no style sheet, every figure is styled explicitly from a :class:`ChartTheme`; global
``rcParams`` are left alone so that embedding CarePath's charts never changes anyone else's plots.

Colours follow the Okabe-Ito palette, which stays distinguishable under the common forms of colour
blindness, and every chart also separates its series by line style, marker or hatch, so nothing is
told by colour alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from os import PathLike
from typing import IO, Literal

import matplotlib
from matplotlib import dates as mdates
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.textpath import text_to_path

#: Preferred fonts, in order. Matplotlib (3.6 and later) falls back glyph by glyph along this list,
#: so a name mixing Latin, Greek and Chinese renders in one label.
FONT_FAMILY: tuple[str, ...] = (
    "DejaVu Sans",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",
    "sans-serif",
)

#: Benner's novice-to-expert stages; the default names for the 1-5 rating scale on chart axes.
#: Callers with a translated catalogue pass their own names instead.
LEVEL_NAMES: tuple[str, ...] = (
    "Novice",
    "Advanced beginner",
    "Competent",
    "Proficient",
    "Expert",
)
LEVEL_MIN = 1
LEVEL_MAX = 5


@dataclass(frozen=True)
class ChartTheme:
    """Everything a chart needs to know about how it should look, as plain values.

    ``current``/``target``/``previous``/``average`` are the series colours; ``alert`` marks what
    needs attention (overdue steps) and ``muted`` is secondary text such as "no dates yet". Both
    have defaults so that a theme can be written with the seven colours the GUI knows about.
    """

    background: str
    foreground: str
    grid: str
    current: str
    target: str
    previous: str
    average: str
    font_size: float = 9.0
    dpi: float = 100.0
    alert: str = "#B2182B"
    muted: str = "#595959"

    def with_dpi(self, dpi: float) -> ChartTheme:
        """The same theme at another resolution (the screen's device pixel ratio, or print)."""
        return replace(self, dpi=float(dpi))


#: Black-ish text on white: 16:1 contrast. Blue (#0072B2) is 5.1:1 on white and vermillion
#: (#D55E00) 3.9:1, above the 3:1 that WCAG asks of graphical objects.
LIGHT = ChartTheme(
    background="#FFFFFF",
    foreground="#1A1A1A",
    grid="#C9C9C9",
    current="#0072B2",
    target="#D55E00",
    previous="#6B6B6B",
    average="#000000",
    alert="#B2182B",
    muted="#595959",
)

#: Light text on near-black: 13:1 contrast; the lighter Okabe-Ito sky blue and orange are 7:1 and
#: 8:1 on this background.
DARK = ChartTheme(
    background="#1E1E1E",
    foreground="#E8E8E8",
    grid="#4A4A4A",
    current="#56B4E9",
    target="#E69F00",
    previous="#A6A6A6",
    average="#FFFFFF",
    alert="#FF7F6E",
    muted="#B0B0B0",
)

_SERIES_COLOURS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
)
_SERIES_LINESTYLES: tuple[str, ...] = ("-", "--", ":", "-.")
_SERIES_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")

#: (colour, linestyle, marker) for the n-th series of a multi-series chart. The first six share
#: the solid line and differ by colour and marker; each later group of six changes the dash
#: pattern, so 24 combinations are unique even for a reader who sees no colour at all (every
#: colour/linestyle pair occurs once, and neighbouring series never share a marker).
SERIES_STYLES: tuple[tuple[str, str, str], ...] = tuple(
    (
        _SERIES_COLOURS[i % len(_SERIES_COLOURS)],
        _SERIES_LINESTYLES[i // len(_SERIES_COLOURS)],
        _SERIES_MARKERS[i % len(_SERIES_MARKERS)],
    )
    for i in range(len(_SERIES_COLOURS) * len(_SERIES_LINESTYLES))
)


@functools.cache
def _installed_families() -> tuple[str, ...]:
    """The preferred families that are really installed, always ending in the generic family.

    Asking matplotlib for a family it does not know logs "Font family not found" on every text it
    draws; dropping absent names keeps the fallback order without that noise.
    """
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    named = tuple(name for name in FONT_FAMILY if name == "sans-serif" or name in known)
    return named if named[-1] == "sans-serif" else (*named, "sans-serif")


def font_family() -> list[str]:
    """The font list to give to a text artist (a fresh list: matplotlib may keep a reference)."""
    return list(_installed_families())


def new_figure(theme: ChartTheme, size_inches: tuple[float, float]) -> Figure:
    """A blank figure in the theme's background, with constrained layout.

    Constrained layout re-measures labels on each full draw, so long skill names and a legend
    outside the axes are never clipped, whatever size the window gives the canvas.
    """
    # A little more margin than the default 3 pt, so labels never touch the figure's edge.
    layout = ConstrainedLayoutEngine(w_pad=6 / 72, h_pad=6 / 72)
    fig = Figure(figsize=size_inches, dpi=theme.dpi, layout=layout)
    fig.patch.set_facecolor(theme.background)
    return fig


def style_legend(legend: Legend, theme: ChartTheme) -> None:
    """A legend readable on either background: themed frame, text and font list."""
    frame = legend.get_frame()
    frame.set_facecolor(theme.background)
    frame.set_edgecolor(theme.grid)
    frame.set_alpha(1.0)
    for text in legend.get_texts():
        text.set_color(theme.foreground)
        text.set_fontfamily(font_family())
    title = legend.get_title()
    title.set_color(theme.foreground)
    title.set_fontfamily(font_family())


def _style_axes(ax: Axes, theme: ChartTheme) -> None:
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_edgecolor(theme.grid)
    # Tick labels are created lazily at draw time from these settings, so the font list must be
    # given here rather than to the labels that exist now.
    ax.tick_params(
        axis="both",
        which="both",
        colors=theme.foreground,
        labelcolor=theme.foreground,
        labelsize=theme.font_size,
        labelfontfamily=font_family(),
        grid_color=theme.grid,
    )
    for axis in (ax.xaxis, ax.yaxis):
        axis.label.set_color(theme.foreground)
        axis.label.set_fontsize(theme.font_size)
        axis.get_offset_text().set_color(theme.foreground)
    ax.title.set_color(theme.foreground)
    legend = ax.get_legend()
    if legend is not None:
        style_legend(legend, theme)


def apply_theme(fig: Figure, theme: ChartTheme) -> None:
    """Give a finished figure the theme's background, colours and font list.

    Called last by every chart function. It sets colours on the parts every chart shares (axes,
    ticks, titles, legends) but only the *font* of other texts, so deliberate colours such as an
    "overdue" note in the alert colour survive.
    """
    fig.patch.set_facecolor(theme.background)
    for ax in fig.axes:
        _style_axes(ax, theme)
    for legend in fig.legends:
        style_legend(legend, theme)
    family = font_family()
    for text in fig.findobj(Text):
        text.set_fontfamily(family)


def message_figure(message: str, theme: ChartTheme, size_inches: tuple[float, float]) -> Figure:
    """A figure holding one centred, friendly sentence instead of an empty or broken chart."""
    fig = new_figure(theme, size_inches)
    fig.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        wrap=True,
        color=theme.foreground,
        fontsize=theme.font_size * 1.25,
        fontfamily=font_family(),
    )
    apply_theme(fig, theme)
    return fig


@functools.lru_cache(maxsize=4096)
def text_width(text: str, font_size: float) -> float:
    """Width in points of (the widest line of) ``text`` in the chart font, without drawing it.

    Cached: layouts try several font sizes and wraps of the same labels on every resize.
    """
    prop = FontProperties(family=font_family(), size=font_size)
    return max(
        (
            text_to_path.get_text_width_height_descent(line, prop, False)[0]
            for line in text.split("\n")
        ),
        default=0.0,
    )


def legend_columns(
    labels: Sequence[str],
    theme: ChartTheme,
    width_inches: float,
    *,
    handle_length: float = 2.0,
    max_columns: int | None = None,
) -> int:
    """The most legend columns that fit the figure's width, from the labels' measured widths.

    A legend below the chart keeps the plot wide, but too many columns would run off the figure,
    where constrained layout cannot help, and too few waste half the height on a tall legend.
    Entries fill columns the way matplotlib does (the first columns one longer).
    """
    if not labels:
        return 1
    widths = [text_width(label, theme.font_size) for label in labels]
    # Per column: the handle, the gap to its text (0.8 em) and the gap to the next column (2 em).
    extra = (handle_length + 2.8) * theme.font_size
    available = width_inches * 72 * 0.96
    count = len(labels)
    for columns in range(min(count, max_columns or count), 1, -1):
        rows = -(-count // columns)
        if -(-count // (columns - 1)) == rows:
            continue  # as many rows with fewer columns: prefer the narrower legend
        base, longer = divmod(count, columns)
        total, start = 0.0, 0
        for size in [base + 1] * longer + [base] * (columns - longer):
            total += max(widths[start : start + size]) + extra
            start += size
        if total <= available:
            return columns
    return 1


#: Month abbreviations on date axes unless the caller passes its language's.
MONTHS_SHORT: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH_MARK = re.compile("\x01(\\d\\d)\x01")


class _NamedMonthFormatter(mdates.ConciseDateFormatter):
    """matplotlib's concise date labels with month names from a list, not from ``strftime``.

    ``%b`` follows the C library's locale, which Qt sets from the system: the months would be in
    the system's language rather than the one chosen in CarePath. The formats here write the
    month number between markers, and the labels get the name from ``month_names``.
    """

    def __init__(self, locator: object, tz: tzinfo | None, month_names: Sequence[str]) -> None:
        month = "\x01%m\x01"
        super().__init__(  # type: ignore[no-untyped-call, unused-ignore]
            locator,
            tz=tz,
            formats=["%Y", month, "%d", "%H:%M", "%H:%M", "%S.%f"],
            zero_formats=["", "%Y", month, f"{month}-%d", "%H:%M", "%H:%M"],
            offset_formats=[
                "",
                "%Y",
                f"%Y-{month}",
                f"%Y-{month}-%d",
                f"%Y-{month}-%d",
                f"%Y-{month}-%d %H:%M",
            ],
        )
        self._month_names = tuple(month_names)

    def _named(self, text: str) -> str:
        return _MONTH_MARK.sub(lambda m: self._month_names[int(m.group(1)) - 1], text)

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        return [self._named(label) for label in super().format_ticks(values)]  # type: ignore[no-untyped-call, unused-ignore]

    def get_offset(self) -> str:
        return self._named(super().get_offset())  # type: ignore[no-untyped-call, unused-ignore]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self._named(super().__call__(x, pos))  # type: ignore[no-untyped-call, unused-ignore]


def date_axis(
    axis: Axis,
    tz: tzinfo | None = None,
    *,
    maxticks: int = 8,
    month_names: Sequence[str] | None = None,
) -> None:
    """Readable dates on an axis: at most ``maxticks`` ticks, with matplotlib's concise labels.

    ``month_names`` are the twelve abbreviations to show (default: English), whatever the C
    library's locale.

    A narrow chart needs few ticks, but matplotlib's locator then finds no spacing for some
    ranges (and warns); adding the next coarser step to each frequency (12 months, 24 hours,
    60 minutes or seconds) closes those gaps for any ``maxticks`` of 4 or more.
    ``matplotlib.dates`` has no type hints yet, hence the guarded ignores (they stay quiet once
    it gains them).
    """
    locator = mdates.AutoDateLocator(tz=tz, minticks=2, maxticks=max(4, maxticks))  # type: ignore[no-untyped-call, unused-ignore]
    for frequency, step in (
        (mdates.MONTHLY, 12),
        (mdates.HOURLY, 24),
        (mdates.MINUTELY, 60),
        (mdates.SECONDLY, 60),
    ):
        locator.intervald[frequency] = [*locator.intervald[frequency], step]
    axis.set_major_locator(locator)
    names = tuple(month_names) if month_names and len(month_names) == 12 else MONTHS_SHORT
    axis.set_major_formatter(_NamedMonthFormatter(locator, tz, names))


def date_number(day: date | datetime) -> float:
    """A date as matplotlib's float day number, for bar positions and widths."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call, unused-ignore]


def level_tick_labels(level_names: Sequence[str] | None) -> list[str]:
    """Labels for levels 1-5: "3 Competent" when names are known, else the bare numbers."""
    levels = range(LEVEL_MIN, LEVEL_MAX + 1)
    if level_names is None:
        return [str(level) for level in levels]
    if len(level_names) != len(levels):
        raise ValueError(f"expected {len(levels)} level names, got {len(level_names)}")
    return [f"{level} {name}".strip() for level, name in zip(levels, level_names, strict=True)]


def save_figure(
    fig: Figure,
    target: str | PathLike[str] | IO[bytes],
    format: str | None = None,
    *,
    dpi: float | None = None,
    svg_text: Literal["path", "text"] = "path",
) -> None:
    """Write a chart for an export: PNG, SVG or PDF, with fonts handled for each.

    Font settings only matter at save time, so they are set here in an ``rc_context`` rather than
    globally: PDF embeds TrueType fonts (``pdf.fonttype`` 42) so every script survives and text
    stays searchable; SVG draws glyphs as paths by default (renders anywhere, exactly as on
    screen), or keeps real text with ``svg_text="text"`` for a renderer that has its own font
    fallback, such as Qt's ``QSvgRenderer`` (smaller files). ``dpi`` defaults to the figure's
    own, so a PNG is ``dpi x size_inches`` pixels whatever the user's matplotlibrc says.
    """
    with matplotlib.rc_context(
        {
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.fonttype": "none" if svg_text == "text" else "path",
            "savefig.bbox": None,
            "savefig.transparent": False,
        }
    ):
        fig.savefig(
            target,
            format=format,
            dpi=fig.get_dpi() if dpi is None else dpi,
            facecolor=fig.get_facecolor(),
            edgecolor="none",
        )
