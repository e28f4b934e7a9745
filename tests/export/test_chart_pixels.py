"""The PDF's charts come as raw pixels (no PNG in between): the very pixels of the PNG export."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from carepath.core.catalogue import Catalogue
from carepath.core.models import Record
from carepath.export.charts_images import RGBA_MIME, render_chart
from carepath.export.plan_content import build_plan_content

TODAY = date(2026, 11, 26)  # the demo record's "today" (tests/export/conftest.py)


@pytest.mark.parametrize("key", ["radar", "timeline", "progress"])
def test_raw_pixels_are_the_png_pixels(demo: Record, catalogue: Catalogue, key: str) -> None:
    content = build_plan_content(demo, catalogue, today=TODAY)
    png = render_chart(content, key, "png", dpi=40)
    raw = render_chart(content, key, "rgba", dpi=40)
    decoded = Image.open(io.BytesIO(png.data)).convert("RGBA")
    assert raw.mime == RGBA_MIME
    assert (raw.pixel_width, raw.pixel_height) == decoded.size
    assert raw.data == decoded.tobytes()
    assert (raw.width_in, raw.height_in, raw.alt) == (png.width_in, png.height_in, png.alt)
