"""What the plan says, before any format: computed from the record, the catalogue and today."""

from __future__ import annotations

import locale
from datetime import date

import pytest

from carepath.core.catalogue import SKILL_IDS
from carepath.core.errors import UsageError
from carepath.core.models import Profile, Record
from carepath.export.plan import default_paper_for_locale
from carepath.export.plan_content import (
    NOT_RATED,
    SECTIONS,
    build_plan_content,
    normalise_sections,
)
from carepath.export.plan_text import format_date

TODAY = date(2026, 11, 26)


def test_title_block_names_both_stages_with_salary_and_experience(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    assert content.name == "Alex Rivera (sample)"
    assert content.generated_on == TODAY
    assert content.current_stage.name == catalogue.stage("entry").name
    assert content.target_stage.salary_band == catalogue.stage("coordinator").salary_band
    assert content.target_stage.experience == catalogue.stage("coordinator").experience
    assert "→" in content.stages_text
    assert content.sections == SECTIONS


def test_summary_figures_agree_with_scoring(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    # Worked out by hand from the demo's last two assessments (14 skills rated in each) and the
    # coordinator targets (3 everywhere, 2 for leadership), not with the scoring functions.
    assert content.average_now == pytest.approx(41 / 14)
    assert content.average_previous == pytest.approx(40 / 14)
    assert content.readiness == pytest.approx(37 / 41)  # negotiation 1, three skills at 2 of 3
    assert [g.skill_id for g in content.largest_gaps] == [
        "negotiation",
        "crisis_management",
        "time_management",
    ]
    assert [s.skill_id for s in content.strengths] == [
        "communication",  # level 4 over a target of 3, like computer_skills, which comes later
        "organization",
        "interpersonal",
    ]
    assert content.next_reassessment == demo.next_reassessment()
    labels = [item.label for item in content.summary_items]
    assert labels == ["Average level now", "Previous average", "Readiness", "Next reassessment"]


def test_previous_change_reads_as_printed(catalogue):
    """Two averages both printed "2.9" must never be called "+0.1" apart."""
    from carepath.core.models import Assessment

    before = Assessment.create({s: 3 for s in SKILL_IDS[:6]} | {"ethics": 2})  # 2.857
    after = Assessment.create({s: 3 for s in SKILL_IDS[:14]} | {"decision_making": 2})  # 2.933
    content = build_plan_content(Record(assessments=(before, after)), catalogue, TODAY)
    assert content.summary_items[0].value == content.summary_items[1].value == "2.9 of 5"
    assert "no change" in content.summary_items[1].detail


def test_fifteen_skill_rows_with_names_previous_target_gap_and_latest_note(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    assert [row.skill_id for row in content.skills] == list(SKILL_IDS)
    latest, previous = demo.assessments[-1], demo.assessments[-2]
    for row in content.skills:
        assert row.level == latest.ratings.get(row.skill_id)
        assert row.previous == previous.ratings.get(row.skill_id)
        assert row.target == catalogue.stage("coordinator").targets[row.skill_id]
        assert row.note == latest.notes.get(row.skill_id, "")
        if row.level is None:
            assert row.level_text == NOT_RATED and row.gap is None
        else:
            assert row.level_text == f"{row.level} · {catalogue.level(row.level).name}"
            assert row.gap == row.target - row.level
    unrated = [row for row in content.skills if row.level is None]
    assert [row.skill_id for row in unrated] == ["decision_making"]


def test_goals_open_first_and_overdue_marked_in_words(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    overdue = [goal for goal in content.goals if goal.overdue]
    assert len(overdue) == 1
    assert "overdue" in overdue[0].due_text
    on_time = [goal for goal in content.goals if not goal.overdue]
    assert on_time and all("overdue" not in goal.due_text for goal in on_time)
    assert [goal.status_text for goal in content.goals] == ["In progress", "In progress", "Planned"]


def test_ten_steps_with_status_dates_and_projected_finish(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    assert [row.number for row in content.steps] == list(range(1, 11))
    by_title = {row.title: row for row in content.steps}
    legal = by_title[catalogue.step("legal_ethics").title]
    assert legal.overdue and "overdue" in legal.target_text
    apply = by_title[catalogue.step("apply").title]
    assert apply.target_text == "—"  # no date of the user's; the timeline says "no dates yet"
    assert content.steps_done == 3
    assert content.projected_finish is not None and content.projected_finish > TODAY
    assert "counted at their typical duration" in content.steps_text
    assert len(content.timeline) == 10 and content.has_timeline


def test_the_steps_table_and_the_timeline_show_the_same_dates(demo, catalogue):
    """One source of truth: a step has a target in the table exactly when its timeline bar
    has an end, and never a date the user did not set ("23 Feb 2028 (proposed)")."""
    from carepath.export.plan_text import format_date

    content = build_plan_content(demo, catalogue, TODAY)
    for row, bar in zip(content.steps, content.timeline, strict=True):
        if bar.end is None:
            assert row.target_text == "—", row
        else:
            assert row.target_text.startswith(format_date(bar.end, short=True)), row
        assert (row.start_text == "—") == (bar.start is None)
    assert not any("proposed" in row.target_text for row in content.steps)


def test_empty_record_gives_a_short_plan_not_an_error(catalogue):
    content = build_plan_content(Record(), catalogue, TODAY)
    assert not content.has_assessment
    assert content.summary_items == () and content.largest_gaps == ()
    assert content.progress is None
    assert len(content.radar.current) == len(content.skills) == 15
    assert all(value is None for value in content.radar.current)
    assert all(row.level_text == NOT_RATED for row in content.skills)
    assert len(content.steps) == 10
    assert content.person  # never an empty footer
    assert content.name == ""


def test_unknown_stage_ids_fall_back_instead_of_failing(catalogue):
    record = Record(profile=Profile(name="x", current_stage="bogus", target_stage="nope"))
    content = build_plan_content(record, catalogue, TODAY)
    assert content.current_stage.id == "entry"
    assert content.target_stage.id == "coordinator"


def test_user_text_is_kept_exactly_as_typed(hostile, catalogue, hostile_name):
    content = build_plan_content(hostile, catalogue, TODAY)
    assert content.name == hostile_name


def test_sections_are_chosen_and_ordered(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY, sections=["progress", "goals"])
    assert content.sections == ("goals", "progress")
    assert normalise_sections(None) == SECTIONS
    assert normalise_sections([]) == ()
    with pytest.raises(UsageError, match="Unknown plan section"):
        normalise_sections(["summary", "gossip"])


def test_progress_follows_the_largest_gaps_and_the_average(demo, catalogue):
    content = build_plan_content(demo, catalogue, TODAY)
    assert content.progress is not None
    gap_names = [line.name for line in content.largest_gaps]
    assert list(content.progress.series) == gap_names
    assert len(content.progress.average) == len(demo.assessments)


#: German and Spanish name the months differently, Turkish changes the case of i, Japanese puts
#: the year first. .ci/run builds these with localedef; elsewhere a missing one is skipped.
LOCALES = ["C", "C.UTF-8", "de_DE.UTF-8", "es_MX.UTF-8", "tr_TR.UTF-8", "ja_JP.UTF-8"]


@pytest.mark.parametrize("name", LOCALES)
def test_dates_are_written_the_same_whatever_the_locale(name: str):
    previous = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, name)
    except locale.Error:
        pytest.skip(f"the {name} locale is not installed (localedef -i ... -f UTF-8 {name})")
    try:
        assert format_date(date(2026, 11, 26)) == "26 November 2026"
        assert format_date(date(2026, 9, 3), short=True) == "3 Sep 2026"
        assert format_date(date(2026, 3, 1), language="es") == "1 de marzo de 2026"
        assert format_date(None) == "—"
    finally:
        locale.setlocale(locale.LC_ALL, previous)


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "letter"),
        ("en_CA", "letter"),
        ("fr-CA", "letter"),
        ("es_MX.UTF-8@euro", "letter"),
        ("fil_PH", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("de_DE", "a4"),
        ("zh_Hans_CN", "a4"),
        ("C", "a4"),
        ("", "a4"),
        ("English_United States.1252", "letter"),
    ],
)
def test_default_paper_follows_the_territory(name, paper):
    assert default_paper_for_locale(name) == paper


def test_default_paper_reads_the_environment(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert default_paper_for_locale() == "letter"
    monkeypatch.setenv("LC_PAPER", "nl_NL.UTF-8")
    assert default_paper_for_locale() == "a4"


def test_an_assessment_with_nothing_rated_exports_without_a_zero(tmp_path, catalogue):
    from carepath.core.models import Assessment
    from carepath.export.plan import export_plan

    record = Record(assessments=(Assessment.create({}),))
    content = build_plan_content(record, catalogue, TODAY)
    assert content.summary_items[0].value == "—"
    assert content.readiness is None and content.largest_gaps == ()
    for fmt in ("html", "md"):
        out = export_plan(record, catalogue, fmt, tmp_path / f"plan.{fmt}", today=TODAY)
        text = out.read_text(encoding="utf-8")
        assert "0.0 of 5" not in text and "— of 5" not in text


def test_the_plan_shows_the_users_own_path(catalogue):
    """A coordinator aiming at senior sees the senior steps, not the ten steps into the role."""
    record = Record(profile=Profile(name="Ana", current_stage="coordinator", target_stage="senior"))
    content = build_plan_content(record, catalogue, TODAY)
    assert [row.title for row in content.steps] == [
        catalogue.step(step_id).title
        for step_id in (
            "senior_complex_cases",
            "senior_ccm",
            "senior_mentoring",
            "senior_quality",
            "senior_renewal",
            "senior_move",
        )
    ]
    assert [row.step_id for row in content.timeline] == [
        "senior_complex_cases",
        "senior_ccm",
        "senior_mentoring",
        "senior_quality",
        "senior_renewal",
        "senior_move",
    ]
    assert content.projected_finish is not None and content.projected_finish > TODAY
