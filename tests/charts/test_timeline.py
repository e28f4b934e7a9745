"""The step timeline: status by fill and hatch as well as colour, overdue marked, gaps explained."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from carepath.charts import DARK, LIGHT, ChartTheme, TimelineItem, timeline_figure
from carepath.charts.timeline import EMPTY_MESSAGE, UNDATED_MESSAGE, _span


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _bars(fig: Figure) -> list[Rectangle]:
    (ax,) = fig.axes
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


def test_typical_steps(timeline_items: list[TimelineItem], today: date) -> None:
    fig = timeline_figure(timeline_items, today, projected_finish=date(2027, 9, 1))
    (ax,) = fig.axes
    row_labels = [t.get_text() for t in ax.get_yticklabels()]
    assert row_labels[0] == "Understand the role"  # first step at the top ...
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # ... because the axis runs downwards
    assert row_labels[-1] == "Projected finish"
    texts = _texts(fig)
    assert texts.count("overdue") == 2
    assert "no dates yet" in texts
    assert "Today" in texts
    assert "2027-09-01" in texts
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["Done", "In progress", "Not started", "Overdue", "Today", "Projected finish"]


def test_status_is_shown_by_fill_and_hatch(timeline_items: list[TimelineItem], today: date) -> None:
    fig = timeline_figure(timeline_items[:3], today)
    done, in_progress, overdue_base, overdue_edge = _bars(fig)
    assert done.get_fill() and done.get_hatch() is None
    assert in_progress.get_hatch() and in_progress.get_facecolor()[3] == 0
    assert overdue_base.get_hatch()
    assert not overdue_edge.get_fill() and overdue_edge.get_linewidth() > 2


def test_not_started_is_a_dashed_outline(today: date) -> None:
    item = TimelineItem("Earn certifications", date(2027, 1, 1), date(2027, 6, 1), None)
    (bar,) = _bars(timeline_figure([item], today))
    assert bar.get_facecolor()[3] == 0
    assert bar.get_linestyle() == "--"


def test_no_steps_or_no_dates_give_a_message(today: date) -> None:
    assert EMPTY_MESSAGE in _texts(timeline_figure([], today))
    undated = [TimelineItem(f"Step {i}", None, None, None) for i in range(10)]
    fig = timeline_figure(undated, today)
    assert fig.axes == []
    assert UNDATED_MESSAGE in _texts(fig)


def test_undated_steps_with_a_projected_finish_still_draw(today: date) -> None:
    undated = [TimelineItem(f"Step {i}", None, None, None) for i in range(3)]
    fig = timeline_figure(undated, today, projected_finish=date(2027, 5, 1))
    assert _texts(fig).count("no dates yet") == 3


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        TimelineItem("x", None, None, None, "finished")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (TimelineItem("a", date(2026, 1, 1), date(2026, 3, 1), None), (1, 3)),
        (TimelineItem("b", date(2026, 1, 1), date(2026, 3, 1), date(2026, 5, 1), "done"), (1, 5)),
        (TimelineItem("c", None, None, date(2026, 5, 1), "done"), (5, 5)),
        (TimelineItem("d", date(2026, 9, 1), None, None, "in_progress"), (9, 11)),
        (TimelineItem("e", None, date(2027, 2, 1), None, "in_progress"), (11, 2)),
        (TimelineItem("f", date(2026, 9, 1), None, None, "not_started"), (9, 9)),
    ],
)
def test_span(item: TimelineItem, expected: tuple[int, int]) -> None:
    span = _span(item, date(2026, 11, 26))
    assert span is not None
    assert (span[0].month, span[1].month) == expected
    assert _span(TimelineItem("z", None, None, None), date(2026, 11, 26)) is None


def test_many_steps_draw(today: date, tmp_path: Path) -> None:
    items = [
        TimelineItem(f"Step {i}", date(2026, 1, 1 + i % 28), date(2026, 3, 1 + i % 28), None)
        for i in range(60)
    ]
    fig = timeline_figure(items, today, size_inches=(8, 12))
    fig.savefig(tmp_path / "many.png")
    assert len(_bars(fig)) == 60


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_timeline_saves_png_and_svg(
    timeline_items: list[TimelineItem], today: date, theme: ChartTheme, tmp_path: Path
) -> None:
    fig = timeline_figure(timeline_items, today, date(2027, 9, 1), theme=theme)
    for suffix in ("png", "svg"):
        path = tmp_path / f"timeline.{suffix}"
        fig.savefig(path)
        assert path.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("finish", "items_dates"),
    [
        (date(2030, 5, 1), []),  # a new record: every date lies ahead, Today at the far left
        (None, [(date(2024, 1, 1), date(2024, 6, 1))]),  # all in the past, Today at the right
    ],
)
def test_no_dates_yet_never_crosses_the_today_line(
    today: date, finish: date | None, items_dates: list[tuple[date, date]]
) -> None:
    """The words sit beside the Today line on its wider side, as drawn (renderer extents)."""
    from carepath.charts.theme import date_number

    undated = [TimelineItem(f"Step {i}", None, None, None) for i in range(3)]
    dated = [TimelineItem("Done", a, b, b, status="done") for a, b in items_dates]
    fig = timeline_figure(undated + dated, today, projected_finish=finish, size_inches=(6, 4))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    (ax,) = fig.axes
    today_px = ax.transData.transform((date_number(today), 0))[0]
    labels = [t for t in ax.texts if t.get_text() == "no dates yet"]
    assert len(labels) == 3
    for label in labels:
        box = label.get_window_extent(renderer)
        assert not box.x0 <= today_px <= box.x1, (box, today_px)
        axes_box = ax.get_window_extent(renderer)
        assert axes_box.x0 <= box.x0 and box.x1 <= axes_box.x1 + 1
