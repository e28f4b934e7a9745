"""The plan's "How my reviewers see me": the comparison and the reviewer's comments, escaped in
every format, in both languages."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carepath.core.catalogue import load_catalogue
from carepath.core.models import Record
from carepath.core.review import Review
from carepath.export.plan import export_plan
from carepath.export.plan_content import build_plan_content

NAME = "<script>alert('r')</script> Dr Ada 李雷 \u202eשלום\u202c **bold** | pipe"
COMMENT = "<img src=x onerror=alert(1)> [link](http://x) 李雷 " + "long " * 2_000


def _reviewed(demo: Record) -> Record:
    latest = demo.latest
    assert latest is not None
    ratings = {s: min(5, level + 2) for s, level in list(latest.ratings.items())[:2]}
    lowered = {s: max(1, level - 2) for s, level in list(latest.ratings.items())[2:4]}
    review = Review(
        id="r1",
        request_id="q1",
        reviewer=NAME,
        relationship="supervisor",
        reviewed_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
        ratings=ratings | lowered,
        not_observed=frozenset({"negotiation"}),
        comments={"communication": COMMENT},
        message="Keep going </p><h1>x</h1>",
    )
    return replace(demo, reviews=(review,))


def test_the_content_compares_both_directions(demo: Record) -> None:
    record = _reviewed(demo)
    content = build_plan_content(record, load_catalogue("en"))
    reviews = content.reviews
    assert reviews is not None
    assert "supervisor" in reviews.intro and NAME in reviews.intro
    assert reviews.higher.startswith("Rated higher") and reviews.lower.startswith("Rated lower")
    assert any(r.reviewer_text == "Not observed" for r in reviews.rows)
    assert any(r.difference_text.startswith("+") for r in reviews.rows)
    assert any(r.difference_text.startswith("−") for r in reviews.rows)
    spanish = build_plan_content(record, load_catalogue("es")).reviews
    assert spanish is not None and "supervisor o supervisora" in spanish.intro
    assert build_plan_content(demo, load_catalogue("en")).reviews is None


def test_html_and_markdown_escape_the_reviewer(demo: Record, tmp_path: Path) -> None:
    record = _reviewed(demo)
    catalogue = load_catalogue("en")
    html = export_plan(record, catalogue, "html", tmp_path / "plan.html").read_text("utf-8")
    assert "How my reviewers see me" in html
    assert "<script>alert('r')" not in html and "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html and "<h1>x</h1>" not in html
    assert "long long" in html
    markdown = export_plan(record, catalogue, "md", tmp_path / "plan.md").read_text("utf-8")
    assert "## How my reviewers see me" in markdown
    assert "<script>" not in markdown and "<img" not in markdown
    assert "\\*\\*bold\\*\\*" in markdown and "\\| pipe" in markdown
    assert "\\[link\\]" in markdown


@pytest.mark.skipif(subprocess.run(["which", "pdftotext"]).returncode, reason="no pdftotext")
def test_the_pdf_shows_the_section_with_the_comments(demo: Record, tmp_path: Path) -> None:
    record = _reviewed(demo)
    pdf = export_plan(record, load_catalogue("es"), "pdf", tmp_path / "plan.pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Cómo me ven quienes me evalúan" in text
    assert "<script>alert('r')</script>" in text  # drawn as text, never interpreted
    assert "李雷" in text
