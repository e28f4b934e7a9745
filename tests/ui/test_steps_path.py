"""The Steps page on the user's own path: a coordinator aiming higher, a change of target with
undo, a finished climb, typed dates, what a screen reader sees, and a small window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from carepath.core.catalogue import STEP_IDS
from carepath.core.models import Profile, StepStatus
from carepath.core.steps import projected_finish
from carepath.ui.i18n import locale_for
from carepath.ui.pages.assess_page import AssessPage
from carepath.ui.pages.steps_page import StepsPage
from carepath.ui.session import Session
from carepath.ui.undo import SetProfileCommand, push_command
from carepath.ui.widgets.optional_date import OptionalDate, parse_typed_date

FIXED_TODAY = date(2026, 11, 26)
#: The page's share of an 800×600 main window (navigation list, menu, tool and status bars).
PAGE_AREA_800_600 = (620, 500)
SENIOR_PATH = [
    "senior_complex_cases",
    "senior_ccm",
    "senior_mentoring",
    "senior_quality",
    "senior_renewal",
    "senior_move",
]


def _page(qtbot, session: Session, size: tuple[int, int] = (1100, 720)) -> StepsPage:  # type: ignore[no-untyped-def]
    page = StepsPage(session)
    page.today = lambda: FIXED_TODAY
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.refresh()
    return page


def _set_stages(session: Session, current: str, target: str) -> None:
    profile = session.record().profile
    changed = Profile(profile.name, current, target, profile.reassess_interval_days, "2026-01-01")
    push_command(session, SetProfileCommand(session, changed))


def _rows(page: StepsPage) -> list[str]:
    return [page.model.step_id(r) for r in range(page.model.rowCount())]


def test_a_coordinator_aiming_at_senior_sees_the_senior_steps(qtbot, demo_session) -> None:
    _set_stages(demo_session, "coordinator", "senior")
    page = _page(qtbot, demo_session)
    assert _rows(page) == SENIOR_PATH
    assert page.step_title.text() == "Step 1 of 6: Take on the hardest cases"
    assert "Care coordinator → Senior care coordinator, 6 steps." in page.path_label.text()
    assert "The 10 steps that led to your current stage are behind you" in page.path_label.text()
    timeline = page.timeline.table_model()
    labels = [timeline.index(r, 0).data() for r in range(timeline.rowCount())]
    assert labels[0] == "1. Take on the hardest cases" and len(labels) == 7  # and the finish
    assert not set(STEP_IDS) & set(_rows(page))
    page.select_step("senior_ccm")
    assert "Commission for Case Manager Certification (CCMC)" in page.facts_label.text()
    assert "US credentials" in page.facts_label.text()


def test_changing_the_target_changes_the_path_and_undo_brings_it_back(qtbot, demo_session):
    page = _page(qtbot, demo_session)
    page.select_step("legal_ethics")
    page.status_combo.setCurrentIndex(page.status_combo.findData("done"))
    page.status_combo.activated.emit(page.status_combo.currentIndex())
    assert demo_session.record().step("legal_ethics").status is StepStatus.DONE
    before = demo_session.record().steps
    _set_stages(demo_session, "coordinator", "manager")
    page.refresh()
    assert _rows(page)[:6] == SENIOR_PATH and len(_rows(page)) == 12
    assert page.current_step_id() == "senior_complex_cases"
    assert demo_session.record().steps == before  # nothing recorded is lost
    demo_session.undo_stack.undo()  # the profile change
    page.refresh()
    assert _rows(page) == list(STEP_IDS)
    assert demo_session.record().step("legal_ethics").status is StepStatus.DONE


def test_a_finished_climb_says_so_and_offers_nothing_to_edit(qtbot, demo_session) -> None:
    _set_stages(demo_session, "director", "director")
    page = _page(qtbot, demo_session)
    assert page.model.rowCount() == 0
    assert page.finish_label.text() == "No steps ahead."
    assert "is not above your current stage" in page.path_label.text()
    assert not page.propose_button.isEnabled()
    assert not page.editor_scroll.widget().isEnabled()
    assert page.save()  # nothing typed, nothing to save, no error


def test_ticking_the_target_date_keeps_the_projected_finish(qtbot, demo_session) -> None:
    _set_stages(demo_session, "coordinator", "senior")
    page = _page(qtbot, demo_session)
    finish = projected_finish(demo_session.record(), demo_session.catalogue, FIXED_TODAY)
    page.select_step("senior_quality")
    page.target_date.check.click()
    saved = demo_session.record().step("senior_quality").target_date
    assert saved is not None and saved > FIXED_TODAY
    assert projected_finish(demo_session.record(), demo_session.catalogue, FIXED_TODAY) == finish
    assert page.finish_label.text().endswith(page.finish_label.text().split(": ")[-1])


def test_a_whole_date_typed_over_the_field_is_that_date(qtbot, demo_session) -> None:
    page = _page(qtbot, demo_session)
    page.select_step("community_resources")
    page.target_date.check.click()
    line = page.target_date.edit.line
    line.selectAll()
    qtbot.keyClicks(line, "1 Oct 2026")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert demo_session.record().step("community_resources").target_date == date(2026, 10, 1)
    assert page.target_date.edit.text() == QLocale().toString(
        page.target_date.edit.date(), "d MMM yyyy"
    )
    line.selectAll()
    qtbot.keyClicks(line, "not a date")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert demo_session.record().step("community_resources").target_date == date(2026, 10, 1)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1 Oct 2026", "en", date(2026, 10, 1)),
        ("1 october 2026", "en", date(2026, 10, 1)),
        ("2026-10-01", "en", date(2026, 10, 1)),
        ("1 oct 2026", "es", date(2026, 10, 1)),
        ("1 de octubre de 2026", "es", date(2026, 10, 1)),
        ("15 Mar 2027", "es", date(2027, 3, 15)),
    ],
)
def test_typed_dates_in_either_language(qapp, text: str, language: str, expected: date) -> None:
    parsed = parse_typed_date(text, locale_for(language))
    assert parsed.isValid() and (parsed.year(), parsed.month(), parsed.day()) == (
        expected.year,
        expected.month,
        expected.day,
    )
    assert not parse_typed_date("31 Feb 2026", locale_for(language)).isValid()


def test_date_fields_show_spanish_months_in_spanish(qtbot) -> None:
    previous = QLocale()
    QLocale.setDefault(locale_for("es"))
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        field = OptionalDate("Fecha", "Fecha", "Sin fecha", holder, lambda: date(2026, 10, 1))
        field.check.setChecked(True)
        assert field.edit.text() == "1 oct 2026"
    finally:
        QLocale.setDefault(previous)


def test_hidden_columns_are_not_in_the_accessibility_tree(qtbot, demo_session) -> None:
    """The list shows step, status, target and checklist; start and done are not even there."""
    page = _page(qtbot, demo_session)
    view_model = page.table.model()
    headers = [
        view_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view_model.columnCount())
    ]
    assert headers == ["Step", "Status", "Target", "Checklist"]
    assert all(not page.table.isColumnHidden(c) for c in range(view_model.columnCount()))
    assert page.table.accessibleName() == "Steps on your path"


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_page_works_at_800_by_600(qtbot, demo_session, scale: float) -> None:
    app = QApplication.instance()
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(bigger)
    try:
        # What an 800×600 window leaves the page once the navigation and the bars are drawn.
        page = _page(qtbot, demo_session, size=PAGE_AREA_800_600)
        qtbot.wait(50)
        assert (page.width(), page.height()) == PAGE_AREA_800_600
        # Nothing is cut off on the right: the page never needs a sideways scroll ...
        assert page.body_scroll.horizontalScrollBar().maximum() == 0
        # ... and every part keeps a usable size and can be scrolled into view.
        for widget in (page.table, page.timeline, page.editor_scroll, page.note_edit):
            assert widget.width() > 60 and widget.height() > 15
            if widget is page.note_edit:  # inside the editor's own scroll area
                page.body_scroll.ensureWidgetVisible(page.editor_scroll, 0, 0)
                page.editor_scroll.ensureWidgetVisible(widget, 0, 0)
            else:
                page.body_scroll.ensureWidgetVisible(widget, 0, 0)
            qtbot.wait(10)
            assert not widget.visibleRegion().isEmpty(), widget
            right = widget.mapTo(page, widget.rect().topRight()).x()
            assert right <= page.width()
        assert (
            page.table.viewport().height() >= 3 * page.table.verticalHeader().defaultSectionSize()
        )
        # Step titles stay readable: a narrow list leaves target and checklist to the editor.
        page.body_scroll.ensureWidgetVisible(page.table, 0, 0)
        qtbot.wait(100)
        title = page.fontMetrics().horizontalAdvance("1. Take on the hardest")
        assert page.table.columnWidth(0) >= title, [
            page.table.columnWidth(c) for c in range(page.table.model().columnCount())
        ]
        # The button's whole text fits (no eliding into "Propose target d…").
        metrics = page.propose_button.fontMetrics()
        assert page.propose_button.width() >= metrics.horizontalAdvance("Propose target dates")
    finally:
        app.setFont(font)


def test_assess_shows_an_evidence_example_per_level_and_uses_it_as_placeholder(
    qtbot, demo_session
) -> None:
    page = AssessPage(demo_session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    skill = demo_session.catalogue.skill(page.current_skill())
    for level, option in page.options.items():
        assert skill.example(level) in option.example.text()
    level = demo_session.record().latest.ratings.get(skill.id, 3)
    assert skill.example(level) in page.evidence_edit.placeholderText()


def test_no_stray_files(tmp_path: Path) -> None:
    assert not list(tmp_path.iterdir())


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
    language=st.sampled_from(["en", "es"]),
    spelled=st.sampled_from(["d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"]),
)
def test_every_date_shown_or_spelled_out_reads_back_as_itself(
    qapp, day: date, language: str, spelled: str
) -> None:
    locale = locale_for(language)
    text = locale.toString(QDate(day.year, day.month, day.day), spelled)
    parsed = parse_typed_date(text, locale)
    assert (parsed.year(), parsed.month(), parsed.day()) == (day.year, day.month, day.day), text
    # Shouted or typed in lower case, it is still the same date.
    assert parse_typed_date(text.upper(), locale) == parsed
