#!/usr/bin/env python3
"""Render CarePath's icon from its SVG sources into every file a platform asks for.

Run it after changing an SVG, then commit what it writes (the build does not run it)::

    .venv/bin/python packaging/render_icons.py

Sources: ``resources/icons/org.carepath.CarePath.svg`` (the icon, used from 48 px up) and
``packaging/icon/org.carepath.CarePath-small.svg`` (the same picture redrawn with heavier strokes
for 16 to 32 px, where the waypoint rings would blur). Outputs, all under ``resources/icons/``:

* ``hicolor/<n>x<n>/apps/org.carepath.CarePath.png`` for n in 16 … 512 and
  ``hicolor/scalable/apps/org.carepath.CarePath.svg`` (the freedesktop icon theme layout);
* ``org.carepath.CarePath.ico`` (Windows, 16 … 256 px) and ``org.carepath.CarePath.icns`` (macOS).

SVG rendering uses Qt (``QSvgRenderer``); the ``.ico`` and ``.icns`` containers are written with
Pillow, which matplotlib already depends on.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.carepath.CarePath"
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / f"{APP_ID}.svg"
SMALL_SOURCE = ROOT / "packaging" / "icon" / f"{APP_ID}-small.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 32
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent ``size`` × ``size`` PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def hicolor_png(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    images: dict[int, Image.Image] = {}
    for size in (*PNG_SIZES, 1024):
        source = SMALL_SOURCE if size <= SMALL_UP_TO else SOURCE
        png = render_png(source, size)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        if size in PNG_SIZES:
            target = hicolor_png(size)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
            print(f"wrote {target.relative_to(ROOT)}")

    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"wrote {scalable.relative_to(ROOT)}")

    ico = ICONS / f"{APP_ID}.ico"
    largest = images[max(ICO_SIZES)]
    others = [images[size] for size in ICO_SIZES if size != max(ICO_SIZES)]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    print(f"wrote {ico.relative_to(ROOT)}")

    icns = ICONS / f"{APP_ID}.icns"
    mac_sizes = (16, 32, 64, 128, 256, 512)
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in mac_sizes])
    print(f"wrote {icns.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
