"""The Overview page: radar of latest vs target, gaps and strengths, readiness, due date."""

from __future__ import annotations

from carepath.core import scoring
from carepath.ui.pages.overview_page import OverviewPage
from carepath.ui.session import Session


def _page(qtbot, session: Session) -> OverviewPage:  # type: ignore[no-untyped-def]
    page = OverviewPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def test_demo_record_shows_radar_gaps_strengths_and_readiness(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    qtbot.waitUntil(lambda: page.radar.canvas is not None)
    with qtbot.waitSignal(page.radar.drawn, timeout=5000):
        page.radar.canvas.draw_idle()  # type: ignore[union-attr]
    record = demo_session.record()
    assert record.latest is not None
    catalogue = demo_session.catalogue
    target = catalogue.stage(record.profile.target_stage)

    gaps = scoring.largest_gaps(record.latest.ratings, target, count=5)
    texts = [page.gaps_list.item(i).text() for i in range(page.gaps_list.count())]
    assert len(texts) == len(gaps) > 0
    first = gaps[0]
    assert texts[0].startswith(catalogue.skill(first.skill).name)
    assert catalogue.level(first.level).name in texts[0]
    assert page.strengths_list.count() >= 1

    ready = scoring.readiness(record.latest.ratings, target)
    assert ready is not None
    assert page.readiness_bar.value() == round(ready * 100)
    assert target.name in page.stages_label.text()
    assert target.salary_band in page.stages_label.text()
    assert "Average level" in page.average_label.text()
    assert page.due_label.text()

    page.radar.show_table(True)
    model = page.radar.table_model()
    assert model.rowCount() == 15
    assert model.columnCount() == 4


def test_the_previous_assessment_is_drawn_faintly(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    qtbot.waitUntil(lambda: page.radar.canvas is not None)
    figure = page.radar.figure
    assert figure is not None
    labels = [line.get_label() for line in figure.axes[0].get_lines()]
    assert "Previous" in labels


def test_empty_record_offers_the_first_assessment(qtbot, empty_session: Session) -> None:
    page = _page(qtbot, empty_session)
    assert page.is_empty()
    with qtbot.waitSignal(page.navigate_requested) as asked:
        page.start_button.click()
    assert asked.args == ["assess"]


def test_the_page_redraws_when_the_record_changes(qtbot, empty_session: Session) -> None:
    from carepath.core.models import Assessment

    page = _page(qtbot, empty_session)
    assert page.is_empty()
    empty_session.add_assessment(Assessment.create({"ethics": 1, "leadership": 4}))
    assert not page.is_empty()
    qtbot.waitUntil(lambda: page.radar.canvas is not None)
    assert "Ethics" in page.gaps_list.item(0).text()


def test_a_hidden_page_waits_until_shown(qtbot, empty_session: Session) -> None:
    from carepath.core.models import Assessment

    page = OverviewPage(empty_session)
    qtbot.addWidget(page)
    empty_session.add_assessment(Assessment.create({"ethics": 1}))
    assert page.is_dirty()
    page.show()
    assert not page.is_dirty()
    assert not page.is_empty()


def test_the_salary_bands_say_they_are_us_figures(qtbot, demo_session: Session) -> None:
    page = _page(qtbot, demo_session)
    assert "$" in page.stages_label.text()
    note = page.stages_label.toolTip()
    assert "US" in note and note == demo_session.catalogue.us_note
    assert page.stages_label.accessibleDescription() == note
