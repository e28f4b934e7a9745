#!/usr/bin/env python3
"""Screenshots of the real app, in English and Spanish, into ``docs/screenshots/``.

The app is driven as a user drives it, from outside: ``carepath demo`` writes the sample record,
``carepath --lang LANG --data RECORD`` opens the window on a virtual X display (Xvfb), and the
page shortcuts Ctrl+1 … Ctrl+5 switch pages (xdotool). ImageMagick's ``import`` captures the
window, and ``optipng`` shrinks each PNG when it is installed. Nothing reaches inside the app, so
the script keeps working however the window is built.

Run from a checkout after ``python3 dev.py run`` has set up ``.venv``::

    python3 packaging/screenshots.py                  # .venv's carepath
    python3 packaging/screenshots.py --carepath /usr/bin/carepath   # e.g. the installed .deb

Needs ``xvfb``, ``xauth``, ``xdotool`` and ``imagemagick`` (``apt-get install``); without a
``DISPLAY`` it runs itself again under ``xvfb-run``. Settings and data live in a temporary
folder, so the user's own record and preferences are never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
#: (shortcut number, file name) for each page shown, by its place in the window's page list.
#: Overview is shown first when the window opens, so it is captured last, after a switch away.
PAGES = ((2, "assess"), (3, "progress"), (4, "steps"), (5, "plan"), (1, "overview"))
LANGUAGES = ("en", "es")
SETTLE_SECONDS = 1.5  # a page builds its chart after it is shown


def need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        sys.exit(f"{tool} is missing; install it with: apt-get install {package}")
    return found


def default_carepath() -> str:
    candidate = ROOT / ".venv" / "bin" / "carepath"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("carepath")
    if found is None:
        sys.exit("No carepath found: run python3 dev.py run once, or pass --carepath.")
    return found


def window_of(process: subprocess.Popen[bytes], xdotool: str, timeout: float = 60) -> str:
    """The X window id of the app's main window, once it is mapped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(
                f"CarePath ended with exit status {process.returncode} before showing a window"
            )
        found = subprocess.run(
            [xdotool, "search", "--onlyvisible", "--pid", str(process.pid)],
            capture_output=True,
            text=True,
        ).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.5)
    sys.exit(f"CarePath showed no window within {timeout:.0f} s")


def capture_when_still(
    capture: str, window: str, target: Path, before: bytes, press: list[str], timeout: float = 90
) -> bytes:
    """Capture the window once three captures in a row are the same and differ from the page
    before (else the key is pressed again): the page is built and its chart drawn. A busy
    machine can take several seconds, and a page switch can be lost while the app is busy."""
    deadline = time.monotonic() + timeout
    history: list[bytes] = []
    while True:
        time.sleep(SETTLE_SECONDS)
        subprocess.run([capture, "-window", window, str(target)], check=True)
        current = target.read_bytes()
        if current == before:
            subprocess.run(press, check=True)  # the switch was lost: press again
            history.clear()
            continue
        history.append(current)
        if history[-3:] == [current] * 3 or time.monotonic() > deadline:
            return current


def shoot_language(carepath: str, language: str, out: Path, work: Path) -> list[Path]:
    xdotool = need("xdotool", "xdotool")
    capture = need("import", "imagemagick")
    record = work / language / "carepath.json"
    record.parent.mkdir(parents=True)
    env = dict(
        os.environ,
        XDG_CONFIG_HOME=str(work / language / "config"),
        XDG_DATA_HOME=str(work / language / "data"),
        XDG_STATE_HOME=str(work / language / "state"),
        MPLCONFIGDIR=str(work / "matplotlib"),
        QT_QPA_PLATFORM="xcb",
        LANG="en_US.UTF-8" if language == "en" else "es_US.UTF-8",
    )
    env.pop("CAREPATH_DATA", None)
    print(f"[{language}] writing the sample record ...", flush=True)
    subprocess.run(
        [carepath, "--lang", language, "demo", "--data", str(record)], env=env, check=True
    )
    print(f"[{language}] opening the window ...", flush=True)
    process = subprocess.Popen([carepath, "--lang", language, "--data", str(record)], env=env)
    written = []
    try:
        window = window_of(process, xdotool)
        subprocess.run([xdotool, "windowmove", window, "0", "0"], check=True)
        subprocess.run([xdotool, "windowsize", window, *map(str, SIZE)], check=True)
        # Qt takes key presses only from the focused window (not from XSendEvent).
        subprocess.run([xdotool, "windowfocus", "--sync", window], check=True)
        before = b""
        for number, name in PAGES:
            press = [xdotool, "key", f"ctrl+{number}"]
            subprocess.run(press, check=True)
            target = out / f"{name}-{language}.png"
            before = capture_when_still(capture, window, target, before, press)
            written.append(target)
            print(f"[{language}] {target.relative_to(ROOT)}", flush=True)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return written


def optimise(files: list[Path]) -> None:
    optipng = shutil.which("optipng")
    if optipng is None:
        print("optipng is not installed: the PNGs stay as ImageMagick wrote them")
        return
    subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", *map(str, files)], check=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--carepath", default=None, help="the carepath command to run")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    options = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        xvfb = need("xvfb-run", "xvfb xauth")
        screen = f"-screen 0 {SIZE[0]}x{SIZE[1]}x24"
        command = [xvfb, "-a", "-s", screen, sys.executable, __file__, *argv]
        return subprocess.run(command).returncode
    carepath = options.carepath or default_carepath()
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="carepath-screenshots-") as folder:
        files = []
        for language in LANGUAGES:
            files += shoot_language(carepath, language, options.out.resolve(), Path(folder))
    optimise(files)
    total = sum(path.stat().st_size for path in files)
    print(f"{len(files)} screenshots, {total / 1e6:.1f} MB, in {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
