"""The PDF plan, read back as a reader would: text, pages, footers, fonts, pixels and sharp charts.

``pdftotext`` finding a word does not prove it was drawn, so pages are also rendered with
``pdftoppm`` (poppler-utils) and looked at as pixels; ``qpdf --check`` checks the file's structure.
Both tools are installed in CI; the tests that need them are skipped only where they are absent.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from carepath.core.errors import SaveError
from carepath.core.models import Profile, Record
from carepath.export.plan import export_plan
from carepath.export.plan_content import NO_ASSESSMENT, SECTION_TITLES

TODAY = date(2026, 11, 26)
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed"
)


@functools.cache
def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text with runs of white space as one space (Qt spaces words by position)."""
    return tuple(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.mark.skipif(
    not hasattr(__import__("PySide6.QtGui").QtGui.QFont, "setFeature"),
    reason="font features need Qt 6.7",
)
def test_no_ligatures_so_words_can_be_searched(exports):
    assert "Skills profile" in "\n".join(page_texts(exports["demo.pdf"]))


def render(path: Path, folder: Path, dpi: int = 50, first: int = 1, last: int = 99) -> list[Path]:
    """Pages as PNG files, drawn by poppler."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), str(path),
         str(folder / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return sorted(folder.glob("page-*.png"))


def ink(image_path: Path) -> float:
    """Share of pixels that are not (near) white."""
    with Image.open(image_path) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return sum(histogram[:235]) / (grey.width * grey.height)


def test_demo_pdf_has_the_name_every_section_and_a_footer_on_every_page(exports):
    texts = page_texts(exports["demo.pdf"])
    assert len(texts) >= 2
    whole = "\n".join(texts)
    assert "Alex Rivera (sample)" in whole
    for title in SECTION_TITLES.values():
        assert title in whole
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "26 November 2026" in text
        assert "Alex Rivera (sample)" in text


def test_table_headers_repeat_and_no_row_is_cut_by_a_page_break(exports, demo, catalogue):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextTable

    from carepath.export.pdf_plan import _straddling_row, build_document
    from carepath.export.plan_content import build_plan_content

    pages_with_header = [t for t in page_texts(exports["demo.pdf"]) if "Evidence note" in t]
    assert len(pages_with_header) >= 2  # the skills table runs over a page, header and all

    content = build_plan_content(demo, catalogue, TODAY)
    body = QSizeF(657.6, 940.0)
    doc, _device = build_document(content, figures(content), body)
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    data_tables = [t for t in tables if t.format().headerRowCount() == 1]
    assert len(data_tables) >= 3
    pieces = [(i, 0) for i in range(len(data_tables))]
    assert _straddling_row(doc, body.height(), pieces) is None


@pytest.mark.parametrize("label", ["demo.pdf", "hostile.pdf", "empty.pdf", "demo.letter.pdf"])
def test_every_font_is_embedded(exports, label):
    seen = 0
    for page in PdfReader(exports[label]).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for font in (fonts.get_object() if fonts else {}).values():
            font = font.get_object()
            assert font["/Subtype"] in ("/Type0", "/TrueType", "/Type1"), font["/Subtype"]
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), descriptor
            seen += 1
    assert seen


@needs_qpdf
@pytest.mark.parametrize("label", ["demo.pdf", "hostile.pdf", "empty.pdf", "demo.letter.pdf"])
def test_qpdf_finds_no_structural_error(exports, label):
    result = subprocess.run(
        ["qpdf", "--check", str(exports[label])], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_paper_sizes(exports):
    a4 = PdfReader(exports["demo.pdf"]).pages[0].mediabox
    letter = PdfReader(exports["demo.letter.pdf"]).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def figures(content):
    """The plan's chart figures, as the PDF export makes them."""
    from carepath.export.charts_images import chart_figure, chart_keys

    return {key: chart_figure(content, key) for key in chart_keys(content)}


@pytest.mark.parametrize("label", ["demo.pdf", "demo.letter.pdf"])
def test_charts_are_vector_drawings_not_images(exports, label):
    """No page carries an image: the charts are drawn as paths (pdf_charts), so they stay sharp
    at any zoom and cost no pixel buffers while the PDF is made."""
    for page in PdfReader(exports[label]).pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        for obj in (xobjects.get_object() if xobjects else {}).values():
            assert obj.get_object()["/Subtype"] != "/Image"


def test_chart_labels_are_text_a_reader_can_search(exports):
    """Chart labels are drawn as text with an embedded font (not glyph outlines): a search, a
    screen reader or a copy finds them. "no dates yet" is written only inside the timeline, and
    the progress chart's legend names its series."""
    pages = page_texts(exports["demo.pdf"])
    timeline = next(text for text in pages if "Timeline" in text)
    assert timeline.count("no dates yet") == 3  # the sample: certification, resources, apply
    progress = next(text for text in pages if "Progress over time" in text)
    assert "Average" in progress and "4 Proficient" in progress  # no "fi" ligature either


@needs_pdftoppm
def test_every_chart_is_drawn(exports, tmp_path):
    """The radar, the timeline's done bars and the progress chart's first line are blue
    (#0072B2); the rest of the plan has no such colour."""
    blue_pages = 0
    for page in render(exports["demo.pdf"], tmp_path / "demo"):
        with Image.open(page) as image:
            r, g, b = np.asarray(image.convert("RGB"), dtype=int).transpose(2, 0, 1)
        blue = (r < 40) & (abs(g - 0x72) < 25) & (abs(b - 0xB2) < 30)
        blue_pages += int(blue.sum()) > 100
    assert blue_pages == 3


def test_charts_take_their_printed_size_in_the_layout(qapp, demo, catalogue):
    """The radar at 5 inches, the wide charts across the body, in layout pixels (1/96 inch)."""
    from PySide6.QtCore import QSizeF

    from carepath.export.pdf_plan import build_document
    from carepath.export.plan_content import build_plan_content

    content = build_plan_content(demo, catalogue, TODAY)
    body = QSizeF(657.6, 940.0)
    doc, _device = build_document(content, figures(content), body)
    sizes = {}
    block = doc.begin()
    while block.isValid():
        for fragment in block:  # type: ignore[attr-defined]  # PySide makes it iterable
            char_format = fragment.fragment().charFormat()
            if char_format.isImageFormat():
                image = char_format.toImageFormat()
                sizes[image.name()] = (image.width(), image.height())
        block = block.next()
    assert sizes == {
        "carepath-chart:radar": (480, 480),
        "carepath-chart:timeline": (658, 395),
        "carepath-chart:progress": (658, 370),
    }


def test_empty_record_pdf(exports):
    whole = "\n".join(page_texts(exports["empty.pdf"]))
    assert NO_ASSESSMENT.split(" — ")[0] in whole
    assert "Steps on your path" in whole and "Page 1 of" in whole


def test_hostile_name_is_text_not_markup(exports, hostile_name):
    first = page_texts(exports["hostile.pdf"])[0]
    assert "<script>alert(1)</script>" in first
    assert "**bold** | pipe" in first


@needs_pdftoppm
def test_rendered_pages_are_not_blank(exports, tmp_path):
    pages = render(exports["demo.pdf"], tmp_path / "demo")
    assert len(pages) == len(PdfReader(exports["demo.pdf"]).pages)
    for page in pages:
        assert ink(page) > 0.01, page.name


@needs_pdftoppm
def test_chinese_name_is_drawn_with_real_glyphs(tmp_path, catalogue):
    """Two names that differ only in one Chinese character must render differently: a font
    without the glyphs would draw the same empty box for both (and pdftotext would still read
    the text back)."""
    renders = []
    for name in ("李雷", "李李"):
        record = Record(profile=Profile(name=name, created_at="2026-01-01T00:00:00+00:00"))
        out = export_plan(record, catalogue, "pdf", tmp_path / f"{name}.pdf", sections=[])
        assert name in page_texts(out)[0]
        (page,) = render(out, tmp_path / name, dpi=72, first=1, last=1)
        renders.append(page)
    with Image.open(renders[0]) as a, Image.open(renders[1]) as b:
        difference = ImageChops.difference(a.convert("L"), b.convert("L"))
        box = difference.getbbox()
        assert box is not None, "both names rendered the same: missing CJK glyphs"
        top_third = a.height / 3  # the heading (the footer also differs)
        assert box[1] < top_third
        heading = a.convert("L").crop((0, int(box[1]), a.width, int(box[1]) + 30))
        assert sum(heading.histogram()[:200]) > 20  # dark pixels where the name is


def test_unwritable_targets_give_one_sentence(tmp_path, demo, catalogue):
    with pytest.raises(SaveError) as missing:
        export_plan(demo, catalogue, "pdf", tmp_path / "no such folder" / "plan.pdf")
    with pytest.raises(SaveError) as folder:
        export_plan(demo, catalogue, "pdf", tmp_path)
    for error in (missing.value, folder.value):
        message = str(error)
        assert message.endswith(".") and "\n" not in message and message.count(". ") == 0
    assert "does not exist" in str(missing.value)
    assert "is a folder" in str(folder.value)


#: Exports the demo plan to argv[1] in a fresh process; prints the refusal and exits 3 on SaveError.
_EXPORT_INTO = """
import sys
from datetime import date
from pathlib import Path
from carepath.core.catalogue import load_catalogue
from carepath.core.demo import build_demo_record
from carepath.core.errors import SaveError
from carepath.export.plan import export_plan
today = date(2026, 11, 26)
try:
    export_plan(build_demo_record(today=today), load_catalogue(), "html", Path(sys.argv[1]),
                today=today)
except SaveError as error:
    print(error)
    sys.exit(3)
"""

#: Root passes every permission check through two capabilities; without them (setpriv, from
#: util-linux) it meets the folder's mode like anyone. A "nobody" user cannot be used instead:
#: it could not read the Python that runs these tests when that lives under /root (pyenv).
_WITHOUT_ROOTS_PASS = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
]


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder modes")
def test_read_only_folder(tmp_path, demo, catalogue, subprocess_env):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.geteuid() != 0:
            with pytest.raises(SaveError, match="read-only"):
                export_plan(demo, catalogue, "html", locked / "plan.html", today=TODAY)
        else:  # as root (CI): the same export in a process that cannot override the mode
            assert shutil.which("setpriv"), "setpriv (util-linux) is needed to test this as root"
            command = [*_WITHOUT_ROOTS_PASS, sys.executable, "-c", _EXPORT_INTO]
            result = subprocess.run(
                [*command, str(locked / "plan.html")],
                env=subprocess_env, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
            assert result.returncode == 3, result.stderr
            assert "read-only" in result.stdout
        assert list(locked.iterdir()) == []  # no plan, no temporary file
    finally:
        locked.chmod(0o700)


def test_a_failed_write_leaves_the_good_file_and_no_debris(
    tmp_path, demo, catalogue, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the good one")

    def full_disk(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(SaveError, match="disk is full"):
        export_plan(demo, catalogue, "pdf", target, today=TODAY)
    assert target.read_bytes() == b"%PDF-1.4 the good one"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_command_line_use_makes_its_own_offscreen_application(tmp_path):
    """No QApplication and no display: export_plan creates an offscreen one by itself."""
    out = tmp_path / "plan.pdf"
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from carepath.core.catalogue import load_catalogue\n"
        "from carepath.core.demo import build_demo_record\n"
        "from carepath.export.plan import export_plan\n"
        "today = date(2026, 11, 26)\n"
        "export_plan(build_demo_record(today), load_catalogue(), 'pdf', Path(sys.argv[1]),\n"
        "            paper='letter', sections=['goals'], today=today)\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "print(QGuiApplication.platformName())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    env["PYTHONPATH"] = str(DESKTOP) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    if sys.platform.startswith("linux"):
        assert result.stdout.strip() == "offscreen"
    assert PdfReader(out).pages[0].mediabox.width == 612
