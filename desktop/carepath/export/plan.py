"""Export the personal development plan as PDF, HTML or Markdown: the one entry point.

The dialog and the command line both call :func:`export_plan`. It gathers the content once
(``plan_content``), draws the charts with the same functions as the window (``charts_images``),
lays them out for the format asked, and writes atomically: a failure at any moment leaves what
was at ``out_path`` before untouched. The HTML page carries its charts inline as SVG. For Markdown
the charts are SVG files written first, beside the ``.md`` (Markdown renderers with HTML turned
off still show an image), and the ``.md`` last, so a plan is never on disk pointing at images
that are not there.

HTML and Markdown need no Qt; the PDF is drawn by Qt (``pdf_plan``), which is imported only then.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TypeVar

from carepath.core.atomic import describe_os_error, write_atomic
from carepath.core.catalogue import Catalogue
from carepath.core.errors import SaveError, UsageError
from carepath.core.models import Record
from carepath.core.paper import PAPER_SIZES, paper_for_locale, system_paper
from carepath.export.charts_images import ChartImage, chart_figure, chart_keys, render_chart
from carepath.export.plan_content import SECTIONS, PlanContent, build_plan_content
from carepath.export.plan_text import N_, plan_language, t

FORMATS = ("pdf", "html", "md")
FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "md": "Markdown"}
Progress = Callable[[int, str], None]
_Chart = TypeVar("_Chart")


def default_paper_for_locale(locale_name: str | None = None) -> str:
    """The paper for ``locale_name``, or for this computer's locale when None (core.paper)."""
    return system_paper() if locale_name is None else paper_for_locale(locale_name)


def _check_target(out_path: Path) -> None:
    """Refuse early, in one sentence, a target that cannot be written (before any work)."""
    if out_path.is_dir():
        raise SaveError(describe_os_error(OSError(errno.EISDIR, "Is a directory"), out_path))
    if not out_path.parent.is_dir():
        raise SaveError(describe_os_error(OSError(errno.ENOENT, "No such folder"), out_path))


def image_file_names(out_path: Path, keys: Collection[str]) -> dict[str, str]:
    """Names of the chart files written beside a Markdown plan: "<stem>-<chart>.svg"."""
    return {key: f"{out_path.stem}-{key}.svg" for key in keys}


def export_plan(
    record: Record,
    catalogue: Catalogue,
    fmt: str,
    out_path: Path,
    *,
    paper: str = "a4",
    sections: Collection[str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the plan to ``out_path`` in ``fmt`` ("pdf", "html" or "md"); return the path.

    ``sections`` picks among plan_content.SECTIONS (None: all); the title block is always there.
    ``progress(percent, what)`` is called as the work advances (from the calling thread).
    Raises SaveError (one sentence) when the file cannot be written; the target is then as it
    was. An empty record (no assessment, no name) gives a short plan, not an error. The plan is
    written in the catalogue's language (``catalogue.language``), progress messages too.
    """
    with plan_language(catalogue.language):
        return _export(
            record,
            catalogue,
            fmt,
            out_path,
            paper=paper,
            sections=sections,
            today=today,
            progress=progress,
        )


def _export(
    record: Record,
    catalogue: Catalogue,
    fmt: str,
    out_path: Path,
    *,
    paper: str,
    sections: Collection[str] | None,
    today: date | None,
    progress: Progress | None,
) -> Path:
    if fmt not in FORMATS:
        raise UsageError(f"Unknown plan format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if paper not in PAPER_SIZES:
        raise UsageError(f"Unknown paper size {paper!r}; choose a4 or letter.")
    out_path = Path(out_path)
    _check_target(out_path)

    def report(percent: int, what: str) -> None:
        if progress is not None:
            progress(percent, t(what))

    report(2, N_("Gathering the plan"))
    content = build_plan_content(record, catalogue, today=today, sections=sections)
    if fmt == "pdf":
        _export_pdf(content, out_path, paper, report)
    else:
        _export_with_images(content, fmt, out_path, report)
    report(100, N_("Done"))
    return out_path


_CHART_NAMES = {
    "radar": N_("Drawing the radar chart"),
    "timeline": N_("Drawing the timeline chart"),
    "progress": N_("Drawing the progress chart"),
}


def _export_pdf(content: PlanContent, out_path: Path, paper: str, report: Progress) -> None:
    """The PDF draws the window's figures itself, as vectors (``pdf_charts``): no images."""
    # Qt must exist before the charts: matplotlib then sees PySide6 already imported.
    from carepath.export.pdf_plan import ensure_gui_application, render_pdf

    ensure_gui_application()
    figures = _render_charts(content, report, chart_figure)
    report(70, N_("Laying out the pages"))
    data = render_pdf(content, figures, paper, progress=report)
    report(95, N_("Saving the PDF"))
    write_atomic(out_path, data)


def _export_with_images(content: PlanContent, fmt: str, out_path: Path, report: Progress) -> None:
    """HTML (the SVGs inside it) or Markdown (the SVGs beside it, written first)."""
    images = _render_charts(content, report, _svg_chart)
    if fmt == "html":
        from carepath.export.html_plan import build_html

        report(85, N_("Writing the HTML page"))
        write_atomic(out_path, build_html(content, images).encode("utf-8"))
        return
    from carepath.export.markdown_plan import build_markdown

    names = image_file_names(out_path, images)
    report(85, N_("Writing the chart images"))
    for key, image in images.items():
        write_atomic(out_path.parent / names[key], image.svg_document())
    report(92, N_("Writing the Markdown file"))
    write_atomic(out_path, build_markdown(content, names).encode("utf-8"))


def _svg_chart(content: PlanContent, key: str) -> ChartImage:
    return render_chart(content, key, "svg")


def _render_charts(
    content: PlanContent, report: Progress, draw: Callable[[PlanContent, str], _Chart]
) -> dict[str, _Chart]:
    """Each chart the plan shows, made by ``draw`` (an image, or a figure for the PDF)."""
    keys = chart_keys(content)
    charts = {}
    for index, key in enumerate(keys):
        what = t(_CHART_NAMES.get(key, "Drawing the {chart} chart")).format(chart=key)
        report(10 + 55 * index // max(1, len(keys)), what)
        charts[key] = draw(content, key)
    return charts


__all__ = [
    "FORMATS",
    "PAPER_SIZES",
    "SECTIONS",
    "default_paper_for_locale",
    "export_plan",
]
