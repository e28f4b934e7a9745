"""The radar chart: the latest self-assessment against the target stage, the previous one faint,
and optionally a reviewer's view of the same skills.

How a skill that is *not rated yet* is drawn (it must never look like a rating, because the design
leaves it out of averages and gaps instead of counting it as zero):

* the series line breaks at that spoke (the value is NaN, and matplotlib gaps a line at NaN), so no
  vertex sits on a level;
* the shaded area leaves out the two wedges beside that spoke instead of cutting a chord across
  it, which would read as some level between the neighbours;
* the words "not rated yet" are written along that spoke, in grey italics, so the reader sees
  which skill it is without hunting for a legend (drawn as a text-shaped marker, which blits ten
  times faster than a text);
* when nothing at all is rated, one note in the middle says so instead.

Spoke labels stay the same whatever is rated, so they never need a redraw: this is what lets the
window redraw only the "Now" series (``update_current``) by blitting, about 2 ms against 50-80 ms
for a full redraw of this chart.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import LayoutEngine
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Polygon
from matplotlib.projections.polar import PolarAxes
from matplotlib.text import Text
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

from carepath.charts.theme import (
    LEVEL_MAX,
    LEVEL_MIN,
    LIGHT,
    ChartTheme,
    apply_theme,
    font_family,
    legend_columns,
    level_tick_labels,
    style_legend,
    text_width,
)

#: The reviewer's outline: Okabe-Ito bluish green, apart from the other series' colours; it is
#: also told apart by its dash-dot line and diamond markers, never by colour alone.
REVIEW_COLOUR = "#009E73"
#: Where the "not rated yet" note is centred along an unrated spoke.
NOT_RATED_RADIUS = 2.0
#: Spoke labels are wrapped to about this many characters per line so that 15 of them fit around
#: a 600 px chart.
LABEL_WRAP = 16
_LABEL_RADIUS = LEVEL_MAX * 1.07
#: (beside, above/below) wrap widths to try, best first.
_WRAPS: tuple[tuple[int, int], ...] = ((16, 16), (11, 16), (11, 20), (16, 22), (9, 14))
_MIN_FONT = 7.0
_PAD = 6.0  # points kept clear at the figure's edges
_LEGEND_HANDLE = 2.6
_MIN_RADIUS_SHARE = 0.3  # of the smaller side: below this the circle is too small to read
_HINTING_SLACK = 1.08  # Agg's hinted glyphs come out a little wider than the unhinted measure

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RadarData:
    """What a radar chart shows, one entry per spoke, in spoke order (clockwise from the top).

    A value of ``None`` means *not rated yet* (see the module docstring for how it is drawn).
    ``level_names``, when given, label the rings ("3 Competent") instead of bare numbers.
    """

    labels: Sequence[str]
    target: Sequence[float | None]
    current: Sequence[float | None]
    previous: Sequence[float | None] | None = None
    target_label: str = "Target"
    current_label: str = "Now"
    previous_label: str = "Previous"
    not_rated_label: str = "not rated yet"
    nothing_rated_label: str = "Nothing rated yet"
    level_names: Sequence[str] | None = None
    #: A reviewer's levels (``core.review``), drawn as its own outline: dash-dot with diamonds.
    review: Sequence[float | None] | None = None
    review_label: str = "Review"

    def __post_init__(self) -> None:
        count = len(self.labels)
        if count < 3:
            raise ValueError(f"a radar chart needs at least 3 spokes, got {count}")
        series = {"target": self.target, "current": self.current}
        if self.previous is not None:
            series["previous"] = self.previous
        if self.review is not None:
            series["review"] = self.review
        for name, values in series.items():
            _as_radii(values, count, name)


def _as_radii(values: Sequence[float | None], count: int, name: str = "current") -> FloatArray:
    """Values as radii, NaN for *not rated*; wrong lengths or off-scale values are caller bugs."""
    if len(values) != count:
        raise ValueError(f"{name}: expected {count} values, one per spoke, got {len(values)}")
    radii = np.array([math.nan if v is None else float(v) for v in values], dtype=np.float64)
    rated = radii[~np.isnan(radii)]
    if rated.size and (rated.min() < 0 or rated.max() > LEVEL_MAX):
        raise ValueError(f"{name}: values must be between 0 and {LEVEL_MAX} (or None)")
    return radii


def _closed(angles: FloatArray, radii: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The outline as a closed loop: the first spoke repeated at the end (at 2 pi)."""
    return np.append(angles, angles[0] + 2 * math.pi), np.append(radii, radii[0])


def _fill_vertices(angles: FloatArray, radii: FloatArray) -> FloatArray:
    """Vertices (theta, r) of the shaded area, leaving out the wedges next to unrated spokes.

    With every spoke rated this is the plain polygon. Otherwise each run of neighbouring rated
    spokes becomes a fan from the centre, and the fans are joined through the centre, so the area
    never spans an unrated spoke.
    """
    rated = ~np.isnan(radii)
    if rated.all():
        return np.column_stack([angles, radii])
    if not rated.any():
        return np.zeros((1, 2))
    count = len(radii)
    first_gap = int(np.flatnonzero(~rated)[0])
    order = [(first_gap + 1 + k) % count for k in range(count)]
    vertices: list[tuple[float, float]] = []
    run: list[int] = []
    for index in [*order, first_gap]:  # the trailing gap closes the last run
        if rated[index]:
            run.append(index)
            continue
        if run:
            vertices.append((float(angles[run[0]]), 0.0))
            vertices.extend((float(angles[i]), float(radii[i])) for i in run)
            vertices.append((float(angles[run[-1]]), 0.0))
            run = []
    return np.array(vertices, dtype=np.float64)


def _wrap(label: str, width: int) -> str:
    """A label on lines of about ``width`` characters, breaking only between words."""
    return textwrap.fill(label, width, break_long_words=False, break_on_hyphens=False)


def _radial_rotation(angle: float) -> float:
    """Text rotation (degrees) that lays a note along a spoke, never upside down."""
    rotation = 90.0 - math.degrees(angle)  # spokes run clockwise from the top
    while rotation <= -90:
        rotation += 180
    while rotation > 90:
        rotation -= 180
    return rotation


def _label_alignment(angle: float) -> tuple[str, str]:
    """Text anchoring so that a label grows away from the circle whichever side it is on."""
    # Angles run clockwise from the top, so x = sin and y = cos.
    x, y = math.sin(angle), math.cos(angle)
    ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
    va = "bottom" if y > 0.9 else "top" if y < -0.9 else "center"
    return ha, va


@dataclass(frozen=True)
class _Layout:
    radius: float  # points
    font_size: float
    wraps: tuple[int, int]  # characters per line beside the circle, and above or below it
    legend_columns: int
    legend_height: float  # points
    overlaps: int  # pairs of spoke labels that would overlap


@dataclass
class _SpokeLabel:
    text: Text
    label: str
    sin: float
    cos: float

    def wrapped(self, wraps: tuple[int, int]) -> str:
        """The label on lines of ``wraps[0]`` characters beside the circle, ``wraps[1]`` elsewhere.

        Beside the circle a label's width costs radius; above and below it is each extra line.
        """
        return _wrap(self.label, wraps[0] if abs(self.sin) > 0.7 else wraps[1])


class _RadarLayout(LayoutEngine):
    """Sizes the circle so that every spoke label fits, at whatever size the canvas has now.

    Constrained layout re-measures a polar axes poorly (the labels move with the radius, so it
    overshoots and at 440 px leaves a tiny circle under overlapping labels). This engine solves
    directly for the largest radius at which each label, anchored just outside its spoke, stays
    inside the figure, after shrinking the font (down to 7 pt) and the wrap width when that is
    what it takes. It runs at the start of every full draw, so it follows window resizes; it never
    runs during a blit, so the cached background stays valid.
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(self, chart: RadarChart) -> None:
        super().__init__()
        self._chart = chart

    def execute(self, fig: Figure) -> None:
        width, height = (float(v) * 72 for v in fig.get_size_inches())
        self._chart._fit(width, height)


def _extent(align: str, size: float) -> tuple[float, float]:
    """How far a label reaches below and above its anchor along one direction, in points."""
    if align in ("left", "bottom"):
        return 0.0, size
    if align in ("right", "top"):
        return -size, 0.0
    return -size / 2, size / 2


def _radius_limit(position: float, low: float, high: float, half_space: float) -> float:
    """Largest radius R with ``R * position + [low, high]`` inside ``[-half_space, half_space]``."""
    if position > 1e-9:
        return (half_space - high) / position
    if position < -1e-9:
        return (half_space + low) / -position
    return math.inf if -low <= half_space and high <= half_space else 0.0


class RadarChart:
    """A radar figure that can redraw its "Now" series alone, fast enough for live editing.

    Blitting in a Qt canvas (``carepath.ui.agg_canvas.AggCanvas``), for the GUI::

        for artist in chart.animated_artists:
            artist.set_animated(True)        # left out of full draws and of the background
        canvas.draw()                        # and again on every resize
        bg = canvas.copy_from_bbox(chart.axes.bbox)
        for artist in chart.animated_artists:
            chart.axes.draw_artist(artist)   # after *every* full draw (connect draw_event)
        canvas.blit(chart.axes.bbox)
        ...
        changed = chart.update_current(new_values)
        canvas.restore_region(bg)
        for artist in changed:
            chart.axes.draw_artist(artist)
        canvas.blit(chart.axes.bbox)

    Everything ``update_current`` touches lies inside ``axes.bbox``, and the "Now" artists sit
    above everything else in the axes, so drawing them last over the background gives the same
    pixels as a full redraw (a test checks this). A resize re-fits the layout on the next full
    draw, hence re-capturing the background on every ``draw_event``. Saving the figure draws the
    animated artists too, so an export of this figure is complete.
    """

    def __init__(
        self,
        data: RadarData,
        theme: ChartTheme = LIGHT,
        size_inches: tuple[float, float] = (6, 6),
    ) -> None:
        self.data = data
        self.theme = theme
        self.figure = Figure(figsize=size_inches, dpi=theme.dpi, layout=_RadarLayout(self))
        self.figure.patch.set_facecolor(theme.background)
        self._spoke_labels: list[_SpokeLabel] = []
        self._fitted_size: tuple[float, float] | None = None
        self._inner_texts: list[Text] = []  # ring labels, scaled with the spoke labels
        self._note_size = 0.0
        count = len(data.labels)
        self._angles: FloatArray = np.linspace(0, 2 * math.pi, count, endpoint=False)
        ax = self.figure.add_axes((0.1, 0.1, 0.8, 0.8), projection="polar")
        assert isinstance(ax, PolarAxes)
        self._ax = ax
        self._build_frame()

        self._previous_line: Line2D | None = None
        if data.previous is not None:
            self._previous_line = self._plot_outline(
                data.previous,
                color=theme.previous,
                linestyle=":",
                linewidth=1.4,
                marker=".",
                markersize=4,
                label=data.previous_label,
                zorder=2,
            )
        self._review_line: Line2D | None = None
        if data.review is not None:
            # Static like the target: part of the blit background, so live edits stay ~2 ms.
            self._review_line = self._plot_outline(
                data.review,
                color=REVIEW_COLOUR,
                linestyle="-.",
                linewidth=2.0,
                marker="D",
                markersize=5,
                label=data.review_label,
                zorder=3.1,
            )
        self._target_line = self._plot_outline(
            data.target,
            color=theme.target,
            linestyle="--",
            linewidth=1.8,
            marker="s",
            markersize=4,
            label=data.target_label,
            zorder=3,
        )
        self._current_fill = Polygon(
            np.zeros((1, 2)),
            closed=True,
            facecolor=theme.current,
            edgecolor="none",
            alpha=0.18,
            zorder=3.5,
        )
        ax.add_patch(self._current_fill)
        (self._current_line,) = ax.plot(
            [],
            [],
            color=theme.current,
            linestyle="-",
            linewidth=2.4,
            marker="o",
            markersize=5.5,
            label=data.current_label,
            zorder=4,
        )
        # Each note is the text's outline used as a marker: drawn with a Line2D, a note costs
        # ~0.1 ms per blit where a Text costs ~1.2 ms, so blits stay ~2 ms however many skills
        # are unrated.
        self._not_rated: list[Line2D] = []
        for angle in self._angles:
            (note,) = ax.plot(
                [float(angle)],
                [NOT_RATED_RADIUS],
                linestyle="none",
                color=theme.muted,
                markeredgewidth=0,
                # A halo keeps the note legible where an outline crosses it.
                path_effects=[
                    patheffects.withStroke(linewidth=2.5, foreground=theme.background),
                ],
                zorder=4.5,
                visible=False,
            )
            self._not_rated.append(note)
        self._set_note_size(theme.font_size * 0.85)
        self._nothing_rated: Text = ax.text(
            0.5,
            0.5,
            data.nothing_rated_label,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=theme.foreground,
            fontsize=theme.font_size * 1.1,
            zorder=5,
            bbox={
                "boxstyle": "round,pad=0.4",
                "facecolor": theme.background,
                "edgecolor": theme.grid,
            },
        )
        self._set_current(data.current)

        self._legend_handles: list[Artist] = [self._current_line, self._target_line]
        if self._review_line is not None:
            self._legend_handles.append(self._review_line)
        if self._previous_line is not None:
            self._legend_handles.append(self._previous_line)
        self._legend_labels = [str(handle.get_label()) for handle in self._legend_handles]
        self._legend: Legend | None = None
        self._make_legend(theme.font_size, len(self._legend_handles))
        apply_theme(self.figure, theme)
        width, height = (float(v) * 72 for v in self.figure.get_size_inches())
        self._fit(width, height)

    def _make_legend(self, size: float, columns: int) -> None:
        """(Re)build the legend below the circle: matplotlib cannot re-flow one in place."""
        if self._legend is not None:
            self._legend.remove()
        self._legend = self.figure.legend(
            handles=self._legend_handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=columns,
            frameon=False,
            fontsize=size,
            handlelength=_LEGEND_HANDLE,
        )
        style_legend(self._legend, self.theme)

    def _build_frame(self) -> None:
        """Spokes, rings 1-5 and the spoke labels: the parts that never change."""
        ax, theme, data = self._ax, self.theme, self.data
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        ax.set_ylim(0, LEVEL_MAX)
        # Spokes as one line broken by NaN, not as 15 theta ticks: ticks cost ~40 ms to build and
        # style on a polar axes, and their labels are replaced by ours anyway.
        ax.set_xticks([])
        spoke_angles = np.repeat(self._angles, 3)
        spoke_radii = np.tile([0.0, float(LEVEL_MAX), math.nan], len(self._angles))
        ax.plot(spoke_angles, spoke_radii, color=theme.grid, linewidth=0.8, zorder=1)
        levels = list(range(LEVEL_MIN, LEVEL_MAX + 1))
        ax.set_yticks(levels)
        ax.set_yticklabels([])
        # Ring labels sit half-way between the first two spokes, where no series vertex is, with
        # a halo so that a line passing behind does not hide them.
        halo = [patheffects.withStroke(linewidth=3, foreground=theme.background)]
        between = math.pi / len(data.labels)
        for level, text in zip(levels, level_tick_labels(data.level_names), strict=True):
            ring_label = ax.text(
                between,
                level,
                text,
                ha="center",
                va="center",
                color=theme.muted,
                fontsize=theme.font_size * 0.85,
                path_effects=halo,
                zorder=3.2,  # over the target outline, under every "Now" artist (blitting)
            )
            self._inner_texts.append(ring_label)
        ax.grid(True, color=theme.grid, linewidth=0.8)
        ax.spines["polar"].set_edgecolor(theme.grid)
        for angle, label in zip(self._angles, data.labels, strict=True):
            ha, va = _label_alignment(float(angle))
            artist = ax.text(
                float(angle),
                _LABEL_RADIUS,
                _wrap(label, LABEL_WRAP),
                ha=ha,
                va=va,
                ma=ha,
                color=theme.foreground,
                fontsize=theme.font_size,
                fontfamily=font_family(),
                clip_on=False,
            )
            self._spoke_labels.append(
                _SpokeLabel(artist, label, math.sin(float(angle)), math.cos(float(angle)))
            )

    def _fit(self, width: float, height: float) -> None:
        """Place the circle, label font and legend for a figure of ``width`` x ``height`` pt.

        Tries the theme's font, then smaller ones (to 7 pt) and other wrap widths, and takes the
        first whose labels neither leave the figure nor overlap each other while the circle
        keeps at least a third of the space; failing that, the least crowded layout.
        """
        if self._fitted_size == (width, height):
            return
        self._fitted_size = (width, height)
        base = self.theme.font_size
        sizes = sorted({base, base * 0.9, base * 0.8, min(base, _MIN_FONT)}, reverse=True)
        best: tuple[float, _Layout] | None = None
        for size in sizes:
            for wraps in _WRAPS:
                layout = self._layout_for(size, wraps, width, height)
                space = min(width, height - layout.legend_height)
                score = layout.radius / max(space, 1.0) - layout.overlaps
                if layout.overlaps == 0 and layout.radius >= _MIN_RADIUS_SHARE * space:
                    best = (math.inf, layout)
                    break
                if best is None or score > best[0]:
                    best = (score, layout)
            if best is not None and best[0] == math.inf:
                break
        assert best is not None
        layout = best[1]
        for spoke in self._spoke_labels:
            spoke.text.set_text(spoke.wrapped(layout.wraps))
            spoke.text.set_fontsize(layout.font_size)
        for text in self._inner_texts:
            text.set_fontsize(layout.font_size * 0.85)
        self._set_note_size(layout.font_size * 0.85)
        self._make_legend(layout.font_size, layout.legend_columns)
        radius = max(layout.radius, 1.0)
        centre_y = layout.legend_height + (height - layout.legend_height) / 2
        self._ax.set_position(
            (
                (width / 2 - radius) / width,
                (centre_y - radius) / height,
                2 * radius / width,
                2 * radius / height,
            )
        )

    def _set_note_size(self, size: float) -> None:
        """Draw the "not rated yet" notes at ``size`` points, laid along their spokes."""
        if size == self._note_size:
            return
        self._note_size = size
        prop = FontProperties(family=font_family(), size=size, style="italic")
        outline = TextPath((0, 0), self.data.not_rated_label, prop=prop)
        # The control points' box (not get_extents, which solves every curve: 10 ms) is close
        # enough for centring a label.
        low, high = outline.vertices.min(axis=0), outline.vertices.max(axis=0)
        centred = outline.transformed(Affine2D().translate(*(-(low + high) / 2)))
        for note, angle in zip(self._not_rated, self._angles, strict=True):
            turn = Affine2D().rotate_deg(_radial_rotation(float(angle)))
            note.set_marker(MarkerStyle(centred, transform=turn))
            # A path marker is scaled so its larger half-extent is half the marker size.
            note.set_markersize(float(max(high - low)))

    def _layout_for(
        self, size: float, wraps: tuple[int, int], width: float, height: float
    ) -> _Layout:
        """The largest circle for this font and wrap, and how many label pairs then overlap."""
        columns = legend_columns(
            self._legend_labels,
            replace(self.theme, font_size=size),
            width / 72,
            handle_length=_LEGEND_HANDLE,
        )
        rows = -(-len(self._legend_labels) // columns)
        legend_height = rows * 1.8 * size + _PAD
        half_width, half_height = width / 2 - _PAD, (height - legend_height) / 2 - _PAD
        reach = _LABEL_RADIUS / LEVEL_MAX
        extents = []
        limits = [half_width, half_height]
        for spoke in self._spoke_labels:
            text = spoke.wrapped(wraps)
            label_width = text_width(text, size) * _HINTING_SLACK
            label_height = (text.count("\n") + 1) * 1.25 * size
            ha, va = _label_alignment(math.atan2(spoke.sin, spoke.cos))
            across, up = _extent(ha, label_width), _extent(va, label_height)
            extents.append((across, up))
            limits.append(_radius_limit(reach * spoke.sin, *across, half_width))
            limits.append(_radius_limit(reach * spoke.cos, *up, half_height))
        radius = max(min(limits), 0.0)
        boxes = [
            (
                reach * radius * spoke.sin + across[0],
                reach * radius * spoke.sin + across[1],
                reach * radius * spoke.cos + up[0],
                reach * radius * spoke.cos + up[1],
            )
            for spoke, (across, up) in zip(self._spoke_labels, extents, strict=True)
        ]
        overlaps = sum(
            1
            for i, first in enumerate(boxes)
            for second in boxes[i + 1 :]
            if first[0] < second[1] - 1
            and second[0] < first[1] - 1
            and first[2] < second[3] - 1
            and second[2] < first[3] - 1
        )
        return _Layout(radius, size, wraps, columns, legend_height, overlaps)

    def _plot_outline(self, values: Sequence[float | None], **style: object) -> Line2D:
        theta, radii = _closed(self._angles, _as_radii(values, len(self._angles)))
        (line,) = self._ax.plot(theta, radii, **style)  # type: ignore[arg-type]
        return line

    def _set_current(self, values: Sequence[float | None]) -> None:
        radii = _as_radii(values, len(self._angles))
        self._current_line.set_data(*_closed(self._angles, radii))
        self._current_fill.set_xy(_fill_vertices(self._angles, radii))
        unrated = np.isnan(radii)
        nothing_rated = bool(unrated.all())
        # With nothing rated, one note in the middle says it better than fifteen spoke notes.
        for note, spoke_unrated in zip(self._not_rated, unrated, strict=True):
            note.set_visible(bool(spoke_unrated) and not nothing_rated)
        self._nothing_rated.set_visible(nothing_rated)

    @property
    def axes(self) -> PolarAxes:
        """The polar axes; its ``bbox`` is the region to blit."""
        return self._ax

    @property
    def animated_artists(self) -> list[Artist]:
        """The artists of the "Now" series: the only ones ``update_current`` changes."""
        return [self._current_fill, self._current_line, *self._not_rated, self._nothing_rated]

    def update_current(self, values: Sequence[float | None]) -> list[Artist]:
        """Show new "Now" values without touching anything else; return the artists to redraw.

        Only data changes (``set_data``/``set_xy``/visibility): the target and previous outlines,
        the rings and the labels are left exactly as they are, so a cached background stays
        valid and the caller can blit (see the class docstring). Raises ``ValueError`` for the
        wrong number of values or a value off the 0-5 scale, leaving the chart as it was.
        """
        self._set_current(values)
        return self.animated_artists


def radar_figure(
    data: RadarData,
    theme: ChartTheme = LIGHT,
    size_inches: tuple[float, float] = (6, 6),
) -> Figure:
    """A finished radar figure, for exports and for any view that never redraws one series."""
    return RadarChart(data, theme, size_inches).figure
