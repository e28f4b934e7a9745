#!/usr/bin/env python3
"""Build the one-folder CarePath app with PyInstaller, then prove that the build runs.

Run through ``python3 dev.py package``, which installs PyInstaller into ``.venv`` and compiles the
translations first; running ``.venv/bin/python packaging/build.py`` directly works too.

Steps:

1. remove ``build/`` and ``dist/`` so nothing from an earlier build survives;
2. run PyInstaller on ``packaging/carepath.spec`` with this interpreter (``--clean``);
3. check the folder: the resources and compiled translations are there, no other Qt binding is;
4. run the built executable from an empty folder with ``QT_QPA_PLATFORM=offscreen`` and throw-away
   data and settings folders: ``--version``, ``skills`` and ``--self-test`` must all exit 0;
5. print the build's size and the time each step took.

Exit status: 0 when the build passed every check, 1 otherwise (the reason is printed last).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "carepath.spec"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_NAME = "CarePath"
APP_DIR = DIST / APP_NAME
INTERNAL = APP_DIR / "_internal"  # PyInstaller 6's contents folder (sys._MEIPASS)
FORBIDDEN = ("PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "_tcl_data", "_tk_data")
SELF_TEST_TIMEOUT = 600


class BuildFailed(Exception):
    """One plain sentence saying which check failed."""


def executable() -> Path:
    if sys.platform == "darwin":
        bundled = DIST / f"{APP_NAME}.app" / "Contents" / "MacOS" / "carepath"
        if bundled.exists():
            return bundled
    return APP_DIR / ("carepath.exe" if os.name == "nt" else "carepath")


def clean() -> None:
    for folder in (BUILD, DIST):
        if folder.exists():
            print(f"Removing {folder.relative_to(ROOT)}/", flush=True)
            shutil.rmtree(folder)


def check_translations() -> list[str]:
    """Names of the .qm files the build should carry; warns about .ts sources left uncompiled."""
    folder = ROOT / "resources" / "translations"
    sources = sorted(folder.glob("*.ts"))
    for source in sources:
        compiled = source.with_suffix(".qm")
        if not compiled.exists():
            print(f"warning: {source.name} has no {compiled.name}; run python3 dev.py translations")
        elif compiled.stat().st_mtime < source.stat().st_mtime:
            print(f"warning: {compiled.name} is older than {source.name}; it may be stale")
    return sorted(path.name for path in folder.glob("*.qm"))


def run_pyinstaller() -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD),
        str(SPEC),
    ]
    print("Running PyInstaller ...", flush=True)
    try:
        result = subprocess.run(command, cwd=ROOT)
    except FileNotFoundError as error:
        raise BuildFailed(f"could not start {sys.executable}: {error}") from error
    if result.returncode != 0:
        raise BuildFailed(
            f"PyInstaller failed with exit status {result.returncode} (is the 'package' extra "
            "installed? python3 dev.py package installs it)"
        )


def check_contents(expected_qm: list[str]) -> None:
    resources = INTERNAL / "carepath" / "resources"
    for required in ("content/skills.toml", "schema", "icons"):
        if not (resources / required).exists():
            raise BuildFailed(f"the build lacks resources/{required} under {resources}")
    missing = [name for name in expected_qm if not (resources / "translations" / name).exists()]
    if missing:
        raise BuildFailed(f"the build lacks the compiled translations {', '.join(missing)}")
    stray = sorted(
        str(path.relative_to(APP_DIR))
        for path in INTERNAL.rglob("*")
        if path.name.split(".")[0] in FORBIDDEN
    )
    if stray:
        raise BuildFailed(f"excluded packages ended up in the build: {', '.join(stray[:5])}")


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def run_built_app(exe: Path, arguments: list[str], sandbox: Path) -> float:
    """Run the built app once, as a user would, but away from every real folder; returns seconds."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CAREPATH_DATA=str(sandbox / "data" / "carepath.json"),
        XDG_CONFIG_HOME=str(sandbox / "config"),
        XDG_DATA_HOME=str(sandbox / "data"),
        MPLCONFIGDIR=str(sandbox / "matplotlib"),
    )
    label = " ".join(["carepath", *arguments])
    print(f"\n$ {label}", flush=True)
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [str(exe), *arguments], cwd=sandbox, env=env, timeout=SELF_TEST_TIMEOUT
        )
    except subprocess.TimeoutExpired as error:
        raise BuildFailed(f"'{label}' did not finish within {SELF_TEST_TIMEOUT} s") from error
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BuildFailed(f"the built app failed '{label}' with exit status {result.returncode}")
    print(f"({label}: exit 0 in {elapsed:.1f} s)", flush=True)
    return elapsed


def main() -> int:
    started = time.perf_counter()
    try:
        clean()
        expected_qm = check_translations()
        run_pyinstaller()
        build_seconds = time.perf_counter() - started
        exe = executable()
        if not exe.exists():
            raise BuildFailed(f"PyInstaller finished but {exe} is missing")
        check_contents(expected_qm)
        size, count = folder_size(APP_DIR)
        translations = ", ".join(expected_qm) or "none"
        print(
            f"\nBuilt {APP_DIR.relative_to(ROOT)}/ in {build_seconds:.0f} s: "
            f"{size / 1e6:.0f} MB in {count} files; translations: {translations}",
            flush=True,
        )
        with tempfile.TemporaryDirectory(prefix="carepath-build-check-") as folder:
            sandbox = Path(folder)
            run_built_app(exe, ["--version"], sandbox)
            run_built_app(exe, ["skills"], sandbox)
            self_test_seconds = run_built_app(exe, ["--self-test"], sandbox)
    except BuildFailed as failure:
        print(f"\npackage: FAILED: {failure}.", file=sys.stderr)
        return 1
    total = time.perf_counter() - started
    print(
        f"\npackage: OK: {APP_DIR.relative_to(ROOT)}/ ({size / 1e6:.0f} MB) built in "
        f"{build_seconds:.0f} s; self-test passed in {self_test_seconds:.1f} s; "
        f"{total:.0f} s in all."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
