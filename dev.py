#!/usr/bin/env python3
"""The project's two commands (and a few more), standard library only.

``python3 dev.py run``   set up ``.venv`` when it is missing or stale, then open CarePath.
``python3 dev.py test``  set up when needed, then ruff (lint and format), mypy and pytest.
``python3 dev.py bench`` the speed and memory benchmarks under ``tests/benchmarks``.
``python3 dev.py package`` build the one-folder app with PyInstaller and run its ``--self-test``.
``python3 dev.py translations`` compile the ``.ts`` translations to ``.qm``.

The virtual environment is rebuilt whenever ``pyproject.toml`` changes, so a fresh clone and an old
checkout both end up with exactly what the project declares.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".carepath-setup"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {extras} {sys.version_info[:2]}"


def ensure_venv(extras: str = "test") -> Path:
    """Create or refresh ``.venv`` so that it holds the project and the given extras."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"CarePath needs Python {'.'.join(map(str, MIN_PYTHON))} or newer.")
    python = venv_python()
    stamp = wanted_stamp(extras)
    if python.exists() and STAMP.exists() and stamp in STAMP.read_text().splitlines():
        return python
    if not python.exists():
        print("Creating .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(
                f"Could not create .venv ({error}); on Debian or Ubuntu install python3-venv first."
            )
    print(f"Installing CarePath with [{extras}] into .venv ...", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f".[{extras}]"], check=True, cwd=ROOT)
    previous = STAMP.read_text().splitlines() if STAMP.exists() else []
    keep = [line for line in previous if line.split(" ")[0] == stamp.split(" ")[0]]
    STAMP.write_text("\n".join([*keep, stamp]) + "\n")
    return python


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT, env=env).returncode


def command_run(args: list[str]) -> int:
    python = ensure_venv()
    compile_translations(python)
    return run(python, "-m", "carepath", *args)


def command_test(args: list[str]) -> int:
    python = ensure_venv()
    compile_translations(python)
    steps = [
        ("ruff check", ["-m", "ruff", "check", "desktop", "tests", "packaging", "dev.py"]),
        (
            "ruff format",
            ["-m", "ruff", "format", "--check", "desktop", "tests", "packaging", "dev.py"],
        ),
        ("mypy", ["-m", "mypy"]),
    ]
    for name, step in steps:
        print(f"== {name}", flush=True)
        if run(python, *step) != 0:
            print(f"{name} failed: fix the lines above (ruff format desktop tests rewrites style).")
            return 1
    print("== pytest", flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return run(python, "-m", "pytest", *args, env=env)


def command_bench(args: list[str]) -> int:
    python = ensure_venv()
    return run(python, str(ROOT / "tests" / "benchmarks" / "run_all.py"), *args)


def command_package(args: list[str]) -> int:
    python = ensure_venv("test,package")
    compile_translations(python)
    return run(python, str(ROOT / "packaging" / "build.py"), *args)


def compile_translations(python: Path) -> None:
    """Build ``.qm`` files from the ``.ts`` sources; both live in resources/translations."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    for source in sources:
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        code = (
            "import subprocess, sys, PySide6, pathlib;"
            "d = pathlib.Path(PySide6.__file__).parent;"
            "exe = next((p for p in (d / 'lrelease', d / 'Qt' / 'libexec' / 'lrelease',"
            " d / 'lrelease.exe') if p.exists()), None);"
            "sys.exit(subprocess.run([str(exe) if exe else 'pyside6-lrelease', '-silent',"
            " sys.argv[1], '-qm', sys.argv[2]]).returncode)"
        )
        if run(python, "-c", code, str(source), str(target)) != 0:
            print(f"warning: could not compile {source.name}; the app falls back to English")


COMMANDS = {
    "run": command_run,
    "test": command_test,
    "bench": command_bench,
    "package": command_package,
    "translations": lambda args: compile_translations(ensure_venv()) or 0,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip())
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
