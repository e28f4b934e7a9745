"""The HTML plan: one self-contained page, user text shown as typed, the screen's own charts."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from carepath.core.models import Record
from carepath.export.plan import export_plan
from carepath.export.plan_content import NO_ASSESSMENT, SECTION_TITLES, build_plan_content

TODAY = date(2026, 11, 26)


class Page(HTMLParser):
    """Every element, attribute and piece of text of a page, as a browser's parser sees them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def images(self) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == "img"]


def _page(path) -> tuple[str, Page]:  # type: ignore[no-untyped-def]
    source = path.read_text(encoding="utf-8")
    return source, Page(source)


@pytest.mark.parametrize("label", ["demo", "hostile", "empty"])
def test_page_is_self_contained_and_runs_nothing(exports, label):
    source, page = _page(exports[f"{label}.html"])
    assert "script" not in page.tags()
    assert not {"iframe", "object", "embed", "link", "base", "form"} & page.tags()
    for _tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")]
        for name in ("src", "href", "srcset", "action", "poster"):
            if name in attrs:
                assert attrs[name].startswith(("data:image/", "#")), attrs[name]
    assert "@import" not in source
    # Only the inline charts' own clip paths: url(#id), never a file or a site.
    assert re.findall(r"url\((?!#)", source) == []
    metas = [attrs for tag, attrs in page.elements if tag == "meta"]
    csp = [m for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert any(m.get("name") == "viewport" for m in metas)
    assert "@media print" in source and "@media (max-width" in source


def test_every_section_in_order_with_the_demo_name(exports):
    _source, page = _page(exports["demo.html"])
    text = page.text
    assert "Alex Rivera (sample)" in text
    positions = [text.index(title) for title in SECTION_TITLES.values()]
    assert positions == sorted(positions)
    for expected in ("Entry-level care coordinator", "$40,000 – $60,000 a year", "2–5 years"):
        assert expected in text
    assert "overdue" in text


def test_charts_are_inline_svg_with_a_title_and_a_description(exports, demo, catalogue):
    """Sharp at any zoom, words as text, named for screen readers by what they show."""
    source, page = _page(exports["demo.html"])
    assert page.images() == []  # no PNG any more
    svgs = [attrs for tag, attrs in page.elements if tag == "svg"]
    assert [attrs["id"] for attrs in svgs] == ["radar-chart", "timeline-chart", "progress-chart"]
    for attrs in svgs:
        assert attrs["role"] == "img"
        assert attrs["aria-labelledby"] == f"{attrs['id']}-title {attrs['id']}-desc"
        assert "viewbox" in attrs and "width" not in attrs  # sized by the page's CSS
    ids = [attrs["id"] for _tag, attrs in page.elements if "id" in attrs]
    assert len(ids) == len(set(ids)), "an id is repeated in the page"
    titles = re.findall(r'<title id="([a-z]+)-chart-title">([^<]+)</title>', source)
    assert titles == [
        ("radar", "Radar chart of the fifteen skills"),
        ("timeline", "Timeline of the steps on your path"),
        ("progress", "Line chart of levels over time"),
    ]
    descriptions = dict(re.findall(r'<desc id="([a-z]+)-chart-desc">([^<]+)</desc>', source))
    content = build_plan_content(demo, catalogue, TODAY)
    # The description is the chart's data, never its caption again (that is printed below it).
    assert content.radar_caption not in descriptions["radar"]
    assert "Communication 4 (target 3)" in descriptions["radar"]
    assert content.progress_caption not in descriptions["progress"]
    assert "over 12 assessments" in descriptions["progress"]
    for skill in catalogue.skills:  # the chart's words are text (svg.fonttype "none")
        assert re.search(r"<text[^>]*>[^<]*" + re.escape(skill.name.split()[0]), source), skill


def test_the_progress_averages_are_a_table(exports, demo):
    _source, page = _page(exports["demo.html"])
    assert "The figures behind the chart" in page.text
    for assessment in demo.assessments:
        assert f"{assessment.average:.1f}" in page.text
    text = page.text
    assert text.index("The figures behind the chart") > text.index("Progress over time")


def test_evidence_notes_run_the_full_width_under_their_skill(exports):
    source, page = _page(exports["demo.html"])
    assert '<th scope="col">Evidence note</th>' not in source  # no thin sixth column
    details = re.findall(r'<tr class="detail"><td colspan="5">', source)
    assert len(details) >= 5
    assert "Evidence note:" in page.text


def test_hostile_name_and_notes_show_as_typed(exports, hostile_name, hostile_note):
    source, page = _page(exports["hostile.html"])
    assert hostile_name in page.text  # the reader sees exactly what was typed...
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source  # ...because it was escaped
    assert "<img src=x" not in source
    for line in hostile_note.splitlines():
        assert line in page.text
    hrefs = [attrs.get("href", "") for _tag, attrs in page.elements]
    assert not [h for h in hrefs if "javascript" in h or "evil" in h]
    assert "李雷" in page.text and "Ελένη" in page.text and "Ñúñez" in page.text


def test_empty_record_says_so_and_still_shows_steps_and_stages(exports):
    _source, page = _page(exports["empty.html"])
    assert NO_ASSESSMENT in page.text
    assert "Steps on your path" in page.text
    assert "Care coordinator" in page.text
    assert "The progress chart appears after the second assessment." in page.text


def test_only_the_chosen_sections(tmp_path, demo, catalogue):
    out = export_plan(demo, catalogue, "html", tmp_path / "p.html", sections=["goals"], today=TODAY)
    _source, page = _page(out)
    assert "Goals" in page.text and "Alex Rivera (sample)" in page.text
    assert "Skills profile" not in page.text and "Summary" not in page.text
    assert page.images() == []


def test_empty_profile_name_gets_a_plain_title(tmp_path, catalogue):
    out = export_plan(Record(), catalogue, "html", tmp_path / "p.html", today=TODAY)
    _source, page = _page(out)
    titles = [text for text in page.texts if text.startswith("Personal development plan")]
    assert titles
