#!/usr/bin/env python3
"""The project's two commands (and a few more), standard library only.

``python3 dev.py run``   set up ``.venv`` when it is missing or stale, then open CarePath.
``python3 dev.py test``  set up when needed, then ruff (lint and format), mypy and pytest.
``python3 dev.py bench`` the speed and memory benchmarks under ``tests/benchmarks``.
``python3 dev.py package`` build the one-folder app with PyInstaller and run its ``--self-test``.
``python3 dev.py translations`` compile the ``.ts`` translations to ``.qm``.
``python3 dev.py lupdate`` refresh the ``.ts`` sources from the code (new strings: unfinished).
``python3 dev.py mutate [MODULE ...]`` mutation testing (mutmut) of the modules listed in
    pyproject.toml's ``[tool.carepath.mutate]``, each against its own tests; prints killed/survived.

The virtual environment is rebuilt whenever ``pyproject.toml`` changes, so a fresh clone and an old
checkout both end up with exactly what the project declares.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
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
    if not compile_translations(python):
        print("warning: the interface falls back to English until the translations compile")
    return run(python, "-m", "carepath", *args)


def command_test(args: list[str]) -> int:
    python = ensure_venv()
    if not compile_translations(python):
        return 1
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
    # One worker per core (pytest-xdist): 135 s in one process on 2 cores, 64 s in two.
    # ``python3 dev.py test -n 0`` runs in one process, e.g. to use a debugger.
    chosen = any(arg.startswith(("-n", "--numprocesses")) for arg in args)
    workers = [] if chosen else ["-n", "auto"]
    return run(python, "-m", "pytest", *workers, *args, env=env)


def command_bench(args: list[str]) -> int:
    python = ensure_venv()
    return run(python, str(ROOT / "tests" / "benchmarks" / "run_all.py"), *args)


def command_package(args: list[str]) -> int:
    python = ensure_venv("test,package")
    if not compile_translations(python):
        return 1
    return run(python, str(ROOT / "packaging" / "build.py"), *args)


#: Run inside .venv: find Qt's lrelease whichever way this PySide6 ships it, or exit 3 saying so.
#: PySide6 6.x puts the binary in the package folder (``PySide6/lrelease``, ``lrelease.exe`` on
#: Windows; some builds under ``Qt/libexec``) and a ``pyside6-lrelease`` wrapper script in the
#: venv's bin (Scripts) folder, which is not on PATH unless the venv is activated.
_LRELEASE_FINDER = """
import pathlib, shutil, subprocess, sys
import PySide6
package = pathlib.Path(PySide6.__file__).parent
scripts = pathlib.Path(sys.executable).parent
candidates = [
    package / "lrelease", package / "lrelease.exe",
    package / "Qt" / "libexec" / "lrelease", package / "Qt" / "bin" / "lrelease",
    scripts / "pyside6-lrelease", scripts / "pyside6-lrelease.exe",
]
found = next((str(p) for p in candidates if p.is_file()), None) or shutil.which("pyside6-lrelease")
if found is None:
    sys.exit(f"lrelease not found: looked in {package} and {scripts}; reinstall PySide6.")
sys.exit(subprocess.run([found, "-silent", sys.argv[1], "-qm", sys.argv[2]]).returncode)
"""


def compile_translations(python: Path) -> bool:
    """Build ``.qm`` files from the ``.ts`` sources (both in resources/translations).

    Returns False, after saying which file failed, when a ``.ts`` could not be compiled: ``test``
    and ``package`` then stop, since a missing ``.qm`` would silently show English.
    """
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    ok = True
    for source in sources:
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        code = run(python, "-c", _LRELEASE_FINDER, str(source), str(target))
        if code != 0 or not target.exists():
            print(f"error: could not compile {source.name} to {target.name} (lrelease: {code})")
            ok = False
    return ok


def command_translations(args: list[str]) -> int:
    return 0 if compile_translations(ensure_venv()) else 1


#: Run inside .venv like _LRELEASE_FINDER: lupdate over every Python file of the package, into
#: each .ts given. Locations are left out so that editing code does not churn the .ts files.
#: lupdate takes a ``#:`` comment for a note to translators, but in this code it documents the
#: attribute below it (as Sphinx reads it): those "notes" would only mislead, so they are removed.
_LUPDATE = """
import pathlib, re, shutil, subprocess, sys
import PySide6
package = pathlib.Path(PySide6.__file__).parent
scripts = pathlib.Path(sys.executable).parent
candidates = [package / "lupdate", package / "lupdate.exe", package / "Qt" / "libexec" / "lupdate",
              scripts / "pyside6-lupdate", scripts / "pyside6-lupdate.exe"]
found = next((str(p) for p in candidates if p.is_file()), None) or shutil.which("pyside6-lupdate")
if found is None:
    sys.exit("lupdate not found; reinstall PySide6.")
sources = sorted(str(p) for p in pathlib.Path("desktop/carepath").rglob("*.py"))
for ts in sys.argv[1:]:
    options = ["-no-obsolete", "-locations", "none"]
    code = subprocess.run([found, *sources, "-ts", ts, *options]).returncode
    if code:
        sys.exit(code)
    path = pathlib.Path(ts)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\\s*<extracomment>.*?</extracomment>", "", text, flags=re.S),
                    encoding="utf-8")
"""


def command_lupdate(args: list[str]) -> int:
    """Refresh resources/translations/*.ts from the code; translate what comes in unfinished."""
    sources = [str(p) for p in sorted((ROOT / "resources" / "translations").glob("*.ts"))]
    return run(ensure_venv(), "-c", _LUPDATE, *sources)


#: How ``mutate`` reads mutmut's results: ``mutmut results --all true`` prints "    KEY: STATUS".
_MUTANT_LINE = re.compile(r"^\s+(\S+): (.+)$")


def _toml_table(name: str, table: dict[str, object]) -> str:
    """A TOML table of strings, lists, numbers and booleans: JSON writes each of them as TOML."""
    return f"[{name}]\n" + "".join(f"{json.dumps(k)} = {json.dumps(v)}\n" for k, v in table.items())


def _mutant_statuses(
    mutmut: Path, folder: Path, env: dict[str, str], names: list[str]
) -> dict[str, list[str]]:
    """Mutant keys by status ("killed", "survived", ...), from ``mutmut results``."""
    listing = subprocess.run(
        [str(mutmut), "results", "--all", "true"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    )
    statuses: dict[str, list[str]] = {}
    for line in listing.stdout.splitlines():
        found = _MUTANT_LINE.match(line)
        if found and (not names or any(fnmatch.fnmatch(found[1], n) for n in names)):
            statuses.setdefault(found[2], []).append(found[1])
    return statuses


def command_mutate(args: list[str]) -> int:
    """Mutation testing, one module at a time, in ``build/mutate/<module>/``.

    mutmut 3 names a mutant after its file's path minus a leading ``src/`` and then looks for
    functions of that module name, so a module in ``desktop/carepath`` would never be found. Each
    module therefore gets a folder holding ``src`` (a link to ``desktop``), links to ``tests``,
    ``resources`` and ``dev.py``, and a pyproject.toml made from ours: our pytest settings and our
    ``[tool.mutmut]`` plus the one module to mutate and the tests that exercise it (from
    ``[tool.carepath.mutate]``). Results are kept there, so a second run only retests what changed.
    Too slow for ``test``: on two cores a module takes minutes (scoring) to an hour (backup).
    """
    import tomllib

    settings = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    modules: dict[str, dict[str, list[str]]] = settings["tool"]["carepath"]["mutate"]
    chosen = [m.removeprefix("desktop/carepath/").removesuffix(".py") + ".py" for m in args]
    unknown = [m for m in chosen if m not in modules]
    if unknown:
        print(f"unknown module {unknown[0]!r}; choose from: {', '.join(modules)}")
        return 2
    python = ensure_venv("test,mutate")
    if not compile_translations(python):
        return 1
    mutmut = python.parent / "mutmut"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    summary = []
    for module in chosen or modules:
        folder = ROOT / "build" / "mutate" / module.removesuffix(".py").replace("/", ".")
        folder.mkdir(parents=True, exist_ok=True)
        for name, target in [("src", "desktop"), ("tests", "tests"), ("resources", "resources"),
                             ("dev.py", "dev.py")]:  # fmt: skip
            link = folder / name
            if not link.is_symlink():
                link.symlink_to(ROOT / target)
        config = dict(settings["tool"]["mutmut"])
        config["source_paths"] = ["src"]
        config["only_mutate"] = [f"src/carepath/{module}"]
        config["pytest_add_cli_args_test_selection"] = modules[module]["tests"]
        pytest_options = settings["tool"]["pytest"]["ini_options"]
        text = _toml_table("tool.pytest.ini_options", pytest_options)
        (folder / "pyproject.toml").write_text(text + _toml_table("tool.mutmut", config), "utf-8")
        print(f"== mutmut: {module}", flush=True)
        dotted = "carepath." + module.removesuffix(".py").replace("/", ".")
        functions = modules[module].get("functions", [])
        names = [f"{dotted}.x_{name}__mutmut_*" for name in functions]
        workers = os.environ.get("CAREPATH_MUTATE_CHILDREN", "1")
        run_mutmut = [str(mutmut), "run", "--max-children", workers, *names]
        subprocess.run(run_mutmut, cwd=folder, env=env)
        statuses = _mutant_statuses(mutmut, folder, env, names)
        retry = statuses.get("survived", []) + statuses.get("no tests", [])
        if retry:  # mutmut keeps old verdicts: try these again on today's tests
            subprocess.run([*run_mutmut[:4], *retry], cwd=folder, env=env)
            statuses = _mutant_statuses(mutmut, folder, env, names)
        counts = ", ".join(f"{len(keys)} {status}" for status, keys in sorted(statuses.items()))
        total = sum(len(keys) for keys in statuses.values())
        summary.append(f"{module}: {total} mutants, {counts or 'none'}")
        for key in statuses.get("survived", []):
            summary.append(f"    survived: {key}")
    print("\n".join(["== mutation testing", *summary]))
    print("Show one with: cd build/mutate/<module> && ../../../.venv/bin/mutmut show KEY")
    return 0


COMMANDS = {
    "run": command_run,
    "test": command_test,
    "bench": command_bench,
    "package": command_package,
    "translations": command_translations,
    "lupdate": command_lupdate,
    "mutate": command_mutate,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip())
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
