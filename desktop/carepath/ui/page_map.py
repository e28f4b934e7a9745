"""The window's pages as data: key, class, title and icon, in navigation order.

A page's module is imported when the page is first shown (``lazy``), after the window's frame
has painted: importing all six before it would add the record's models, the charts and their
canvases to the start (docs/BENCHMARKS.md). That is why each page's title is written here too,
the same QT_TRANSLATE_NOOP string as the class's ``title`` (tests/ui/test_lazy_pages.py checks
that the two agree): the page list is drawn before any page module is loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP

from carepath.ui import lazy

if TYPE_CHECKING:
    from carepath.ui.pages.base import Page

log = logging.getLogger(__name__)


class PageSpec(NamedTuple):
    key: str
    #: "module:Class", imported when the page is first built.
    target: str
    #: QT_TRANSLATE_NOOP("Page", ...): the class's own ``title``.
    title: str
    #: A freedesktop icon name (shown where the theme has it).
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        "carepath.ui.pages.overview_page:OverviewPage",
        QT_TRANSLATE_NOOP("Page", "Overview"),
        "go-home",
    ),
    PageSpec(
        "assess",
        "carepath.ui.pages.assess_page:AssessPage",
        QT_TRANSLATE_NOOP("Page", "Assess"),
        "document-edit",
    ),
    PageSpec(
        "progress",
        "carepath.ui.pages.progress_page:ProgressPage",
        QT_TRANSLATE_NOOP("Page", "Progress"),
        "office-chart-line",
    ),
    PageSpec(
        "steps",
        "carepath.ui.pages.steps_page:StepsPage",
        QT_TRANSLATE_NOOP("Page", "Steps"),
        "view-calendar-timeline",
    ),
    PageSpec(
        "plan",
        "carepath.ui.pages.plan_page:PlanPage",
        QT_TRANSLATE_NOOP("Page", "Plan"),
        "view-task",
    ),
    PageSpec(
        "history",
        "carepath.ui.pages.history_page:HistoryPage",
        QT_TRANSLATE_NOOP("Page", "History"),
        "document-open-recent",
    ),
)


def page_class_for(key: str) -> type[Page] | None:
    """The class of the page ``key``, importing its module if need be; None if it cannot load."""
    for spec in PAGES:
        if spec.key == key:
            found: type[Page] | None = lazy.load(spec.target)
            return found
    return None


def available_pages() -> list[tuple[str, type[Page]]]:
    """The page classes that can be shown, in navigation order (imports every page module)."""
    found = [(spec.key, page_class_for(spec.key)) for spec in PAGES]
    return [(key, page_class) for key, page_class in found if page_class is not None]


def page_specs() -> list[PageSpec]:
    """The pages this build has, in navigation order; their modules are looked for, not loaded."""
    return [spec for spec in PAGES if lazy.available(spec.target)]


class PageMap(Mapping[str, "Page"]):
    """Every page of the window by key, in navigation order; a page is built when first asked for.

    Only the first page is built at start, once the window's frame is on screen; the others
    cost nothing until they are shown (or asked for). ``built()`` lists the pages that exist:
    only they can hold unsaved work or need to follow a new session, since a page built later
    starts from the current one.
    """

    def __init__(self, specs: list[PageSpec], build: Callable[[str], Page]) -> None:
        self._titles = {spec.key: spec.title for spec in specs}
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self._titles:
                raise KeyError(key)
            try:
                page = self._build(key)
            except Exception:  # a page that fails must not take the window down
                log.exception("page %s could not be created", key)
                del self._titles[key]
                raise KeyError(key) from None
            self._built[key] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._titles))

    def __len__(self) -> int:
        return len(self._titles)

    def __contains__(self, key: object) -> bool:
        return key in self._titles

    def title(self, key: str) -> str | None:
        """The page's untranslated title (a QT_TRANSLATE_NOOP "Page" string), built or not."""
        return self._titles.get(key)

    def built(self) -> list[Page]:
        """The pages built so far, in navigation order."""
        return [self._built[key] for key in self._titles if key in self._built]

    def built_items(self) -> list[tuple[str, Page]]:
        return [(key, self._built[key]) for key in self._titles if key in self._built]

    def forget_built(self) -> list[Page]:
        """Forget every built page (each is built afresh when next asked for); returns them."""
        pages = self.built()
        self._built.clear()
        return pages
