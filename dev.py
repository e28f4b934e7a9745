#!/usr/bin/env python3
"""The project's two commands (and a few more), standard library only.

``python3 dev.py run``   set up ``.venv`` (CarePath and what it runs on, no test tools) and open
                         CarePath.
``python3 dev.py test``  add the test tools, then ruff (lint and format), mypy and the fast tests.
``python3 dev.py bench`` the speed and memory benchmarks under ``tests/benchmarks``.
``python3 dev.py package`` the one-folder app, the .deb, the wheel and the sdist, then the slow
                         tests that install and run each of them (pytest marker ``build``).
``python3 dev.py translations`` compile the ``.ts`` translations to ``.qm``.
``python3 dev.py lupdate`` refresh the ``.ts`` sources from the code (new strings: unfinished).
``python3 dev.py mutate [MODULE ...]`` mutation testing (mutmut) of the modules listed in
    pyproject.toml's ``[tool.carepath.mutate]``, each against its own tests; prints killed/survived.

The virtual environment is brought up to date whenever ``pyproject.toml`` changes or a command needs
an extra it lacks, so a fresh clone and an old checkout both end up with what the project declares;
with nothing changed, no step installs anything.
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".carepath-setup"
MIN_PYTHON = (3, 11)
#: What ruff checks and formats.
LINTED = ("desktop", "tests", "packaging", "dev.py", "hatch_build.py")


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _stamp_key() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {sys.version_info[0]}.{sys.version_info[1]}"


def _installed_extras() -> set[str] | None:
    """The extras .venv holds for this pyproject.toml and Python, or None if it is not set up."""
    if not STAMP.exists():
        return None
    for line in STAMP.read_text().splitlines():
        key, _, extras = line.rpartition(" ")
        if key == _stamp_key():
            return {extra for extra in extras.split(",") if extra and extra != "-"}
    return None


def ensure_venv(extras: str = "") -> Path:
    """Create or refresh ``.venv`` so that it holds the project and at least the given extras.

    ``run`` asks for none (no test tools: about half the download), ``test`` for ``test``. Each
    step says what it does before it starts; pip shows its own progress.
    """
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"CarePath needs Python {'.'.join(map(str, MIN_PYTHON))} or newer.")
    python = venv_python()
    wanted = {extra for extra in extras.split(",") if extra}
    installed = _installed_extras() if python.exists() else None
    if installed is not None and wanted <= installed:
        return python
    if not python.exists():
        print("Creating the virtual environment .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(
                f"Could not create .venv ({error}); on Debian or Ubuntu install python3-venv first."
            )
    extras_now = sorted(wanted | (installed or set()))
    target = f".[{','.join(extras_now)}]" if extras_now else "."
    what = f" with [{', '.join(extras_now)}]" if extras_now else ""
    print(
        f"Installing CarePath{what} and what it runs on (PySide6, matplotlib, ...) into .venv; "
        "the first time this downloads about 120 MB ...",
        flush=True,
    )
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    result = subprocess.run([*pip, "install", "--progress-bar", "on", "-e", target], cwd=ROOT)
    if result.returncode != 0:
        sys.exit("Installing into .venv failed (see pip's message above); fix it and run again.")
    STAMP.write_text(f"{_stamp_key()} {','.join(extras_now) or '-'}\n")
    return python


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT, env=env).returncode


def command_run(args: list[str]) -> int:
    python = ensure_venv()
    if not compile_translations():
        print("warning: the interface falls back to English until the translations compile")
    print("Starting CarePath ...", flush=True)
    return run(python, "-m", "carepath", *args)


def command_test(args: list[str]) -> int:
    python = ensure_venv("test")
    if not compile_translations():
        return 1
    steps = [
        ("ruff check", ["-m", "ruff", "check", *LINTED]),
        (
            "ruff format",
            ["-m", "ruff", "format", "--check", *LINTED],
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
    python = ensure_venv("test")
    return run(python, str(ROOT / "tests" / "benchmarks" / "run_all.py"), *args)


def command_package(args: list[str]) -> int:
    """Build every artefact (packaging/build.py), then run the tests that install and run them.

    The tests carry the pytest marker ``build`` and stay out of ``test``: they take minutes.
    ``.ci/run`` runs this after ``test``. Arguments go to build.py (``--no-deb``, ``--no-wheel``).
    """
    python = ensure_venv("test,package")
    if run(python, str(ROOT / "packaging" / "build.py"), *args) != 0:
        return 1
    print("== pytest -m build (install and run the artefacts in dist/)", flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREPATH_DIST=str(ROOT / "dist"))
    return run(python, "-m", "pytest", "-m", "build", "-n", "0", "tests/packaging", env=env)


def _qm_compiler() -> Any:
    """packaging/qm_compiler.py: standard library only, so no .venv is needed to compile."""
    spec = importlib.util.spec_from_file_location(
        "carepath_qm_compiler", ROOT / "packaging" / "qm_compiler.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compile_translations() -> bool:
    """Build ``.qm`` files from the ``.ts`` sources (both in resources/translations).

    Returns False, after saying which file failed, when a ``.ts`` could not be compiled: ``test``
    then stops, since a missing ``.qm`` would silently show English. Takes about 50 ms.
    """
    compiler = _qm_compiler()
    ok = True
    for source in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        try:
            compiler.compile_file(source, target)
        except (OSError, compiler.TsError) as error:
            print(f"error: could not compile {source.name} to {target.name}: {error}")
            ok = False
    return ok


def command_translations(args: list[str]) -> int:
    return 0 if compile_translations() else 1


#: Run inside .venv: lupdate over every Python file of the package, into
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
    if not compile_translations():
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
