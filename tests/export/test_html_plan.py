"""The HTML plan: one self-contained page, user text shown as typed, the screen's own charts."""

from __future__ import annotations

import base64
import io
from datetime import date
from html.parser import HTMLParser

import pytest

from carepath.core.models import Record
from carepath.export.plan import export_plan
from carepath.export.plan_content import NO_ASSESSMENT, SECTION_TITLES

TODAY = date(2026, 11, 26)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


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
    assert "@import" not in source and "url(" not in source
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
    keys = [attrs["alt"].split(".")[0] for attrs in page.images()]
    assert keys == ["Radar chart of the fifteen skills", "Timeline of the ten steps",
                    "Line chart of levels over time"]  # fmt: skip
    for attrs in page.images():
        data = base64.b64decode(attrs["src"].split(",", 1)[1])
        assert data.startswith(PNG_MAGIC)


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


def test_radar_png_is_the_chart_the_screen_draws(exports, demo, catalogue):
    """Built here from the record the way a page would, saved the way "Save chart as" does."""
    from carepath.charts.radar import RadarData, radar_figure
    from carepath.charts.theme import save_figure

    _source, page = _page(exports["demo.html"])
    radar_src = page.images()[0]["src"]
    embedded = base64.b64decode(radar_src.split(",", 1)[1])

    stage = catalogue.stage(demo.profile.target_stage)
    latest, previous = demo.assessments[-1].ratings, demo.assessments[-2].ratings
    ids = [skill.id for skill in catalogue.skills]
    data = RadarData(
        labels=[skill.name for skill in catalogue.skills],
        target=[stage.targets[s] for s in ids],
        current=[latest.get(s) for s in ids],
        previous=[previous.get(s) for s in ids],
        target_label=f"Target: {stage.name}",
        level_names=[level.name for level in catalogue.levels],
    )
    buffer = io.BytesIO()
    save_figure(radar_figure(data, size_inches=(6, 6)), buffer, "png", dpi=200)
    screen = buffer.getvalue()
    if embedded != screen:  # same pixels is what matters; PNG metadata may legitimately differ
        from PIL import Image

        with Image.open(io.BytesIO(embedded)) as a, Image.open(io.BytesIO(screen)) as b:
            assert a.size == b.size == (1200, 1200)
            assert a.convert("RGB").tobytes() == b.convert("RGB").tobytes()


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
