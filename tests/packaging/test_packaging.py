"""Packaging: one id shared by the desktop files and the icon, validators that pass, a spec that
ships the resources, and a wheel that runs without the checkout.

The validator tests skip where ``desktop-file-validate`` or ``appstreamcli`` is not installed (CI
installs both). The wheel test builds the real wheel, installs it into a new virtual environment in
a temporary folder and runs it from there; it borrows the running interpreter's site-packages for
PySide6 and the other dependencies, because downloading them would take minutes.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import site
import struct
import subprocess
import sys
import tomllib
import types
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import carepath
from carepath import APP_ID, APP_NAME, __version__

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = REPO_ROOT / "packaging"
ICONS = REPO_ROOT / "resources" / "icons"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
SPEC_FILE = PACKAGING / "carepath.spec"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
OTHER_BINDINGS = ("PyQt5", "PyQt6", "PySide2", "tkinter")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ElementTree.Element:
    return ElementTree.parse(METAINFO_FILE).getroot()


def project_scripts() -> dict[str, dict[str, str]]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"console": project["scripts"], "gui": project["gui-scripts"]}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


# --- one id everywhere ---------------------------------------------------------------------------


def test_the_desktop_entry_uses_the_app_id_and_the_gui_script() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] in project_scripts()["gui"]
    assert entry["TryExec"] == entry["Exec"].split()[0]
    # Qt on X11 sets WM_CLASS to (argv[0], applicationName); on Wayland the app id is the
    # desktopFileName, which is the file name below without ".desktop".
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Categories"].endswith(";")
    assert entry["Keywords"].endswith(";")
    assert "Keywords[es]" in entry and "Comment[es]" in entry


def test_the_metainfo_describes_the_same_app_and_release() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    binaries = {element.text for element in root.iterfind("provides/binary")}
    scripts = project_scripts()
    assert binaries == set(scripts["console"]) | set(scripts["gui"])
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].findall("description/p")
    developer = root.find("developer_name")
    assert developer is not None and developer.text == "CarePath developers"
    content_rating = root.find("content_rating")
    assert content_rating is not None and content_rating.get("type") == "oars-1.1"
    assert {c.text for c in root.iterfind("recommends/control")} >= {"keyboard", "pointing"}
    assert root.find("requires/display_length") is not None


def test_nothing_that_ships_names_a_placeholder_address() -> None:
    """A software centre shows a broken image or link for an address that does not exist; CarePath
    has no website, so the metainfo names none, and the schemas are named by URNs."""
    placeholders = ("example.org", "example.com", ".invalid", "carepath.org")
    shipped = [METAINFO_FILE, DESKTOP_FILE, *(REPO_ROOT / "resources" / "schema").glob("*.json")]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert not [word for word in placeholders if word in text], path.name
    root = metainfo()
    assert root.find("url") is None and root.find("screenshots") is None


def test_every_schema_is_named_by_a_urn_of_its_kind_and_version() -> None:
    """``urn:carepath:schema:<kind>:<version>``: a later backup-2 schema gets its own id."""
    ids = {}
    for path in sorted((REPO_ROOT / "resources" / "schema").glob("*.json")):
        schema_id = json.loads(path.read_text(encoding="utf-8"))["$id"]
        match = re.fullmatch(r"urn:carepath:schema:([a-z][a-z0-9-]*):([1-9][0-9]*)", schema_id)
        assert match, f"{path.name}: {schema_id}"
        assert path.name.startswith(match.group(1)), f"{path.name}: {schema_id}"
        ids[schema_id] = path.name
    assert len(ids) == len(list((REPO_ROOT / "resources" / "schema").glob("*.json")))
    assert "urn:carepath:schema:backup:2" in ids


def test_the_icon_exists_as_svg_and_every_png_size_under_the_app_id() -> None:
    svg = ICONS / f"{APP_ID}.svg"
    ElementTree.parse(svg)  # well-formed
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == svg.read_bytes(), "run packaging/render_icons.py"
    for size in PNG_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)
    assert (ICONS / f"{APP_ID}.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / f"{APP_ID}.icns").read_bytes()[:4] == b"icns"
    ours = [*ICONS.glob("*.*"), *ICONS.glob("hicolor/*/apps/*")]
    assert all(path.name.startswith(APP_ID + ".") for path in ours), ours


# --- validators ----------------------------------------------------------------------------------


def run_tool(*command: str | Path) -> subprocess.CompletedProcess[str]:
    executable = shutil.which(str(command[0]))
    if executable is None:
        pytest.skip(f"{command[0]} is not installed")
    return subprocess.run(
        [executable, *map(str, command[1:])], capture_output=True, text=True, timeout=60
    )


def test_desktop_file_validate_has_nothing_to_say() -> None:
    result = run_tool("desktop-file-validate", DESKTOP_FILE)
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""


def appstream_issues(output: str) -> list[str]:
    """Every error, warning or info line: the metainfo must validate with nothing to say.

    ``<developer_name>`` is used rather than AppStream 1.0's ``<developer id=…>``: the validator
    this project is checked with (Debian 12's 0.16) does not know the newer tag.
    """
    return [line.strip() for line in output.splitlines() if line.strip()[:2] in {"E:", "W:", "I:"}]


def test_appstreamcli_validates_the_metainfo() -> None:
    result = run_tool("appstreamcli", "validate", "--no-net", METAINFO_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert appstream_issues(result.stdout + result.stderr) == []


def test_appstreamcli_validates_the_installed_layout(tmp_path: Path) -> None:
    """The metainfo, the .desktop file and the icons together, as a distribution installs them."""
    share = tmp_path / "usr" / "share"
    (share / "metainfo").mkdir(parents=True)
    (share / "applications").mkdir(parents=True)
    shutil.copy(METAINFO_FILE, share / "metainfo")
    shutil.copy(DESKTOP_FILE, share / "applications")
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    result = run_tool("appstreamcli", "validate-tree", "--no-net", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert appstream_issues(result.stdout + result.stderr) == []


# --- the PyInstaller spec, read without PyInstaller ----------------------------------------------


class _Recorder:
    """Stands in for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE while the spec runs."""

    def __init__(self, calls: dict[str, Any], name: str) -> None:
        self.calls = calls
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls[self.name] = (args, kwargs)
        return types.SimpleNamespace(
            pure=[], scripts=[], binaries=[], datas=list(kwargs.get("datas", []))
        )


@pytest.fixture
def spec_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    calls: dict[str, Any] = {}
    namespace = {"SPECPATH": str(PACKAGING), "__file__": str(SPEC_FILE)}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = _Recorder(calls, name)
    exec(compile(SPEC_FILE.read_text(encoding="utf-8"), str(SPEC_FILE), "exec"), namespace)
    return calls


def test_the_spec_ships_resources_where_the_frozen_app_looks(spec_calls: dict[str, Any]) -> None:
    (scripts,), analysis = spec_calls["Analysis"]
    assert Path(scripts[0]) == PACKAGING / "launch.py"
    destinations = {Path(dest).as_posix() for _, dest in analysis["datas"]}
    sources = {Path(source).name for source, _ in analysis["datas"]}
    assert "carepath/resources/content" in destinations
    assert "carepath/resources/schema" in destinations
    assert "carepath/resources/icons/hicolor/256x256/apps" in destinations
    assert all(dest.startswith("carepath/resources") for dest in destinations)
    assert "skills.toml" in sources
    assert not [name for name in sources if name.endswith(".ts")]
    for qm in (REPO_ROOT / "resources" / "translations").glob("*.qm"):
        assert qm.name in sources
    assert set(OTHER_BINDINGS) <= set(analysis["excludes"])
    assert "carepath" in analysis["hiddenimports"]
    _, exe = spec_calls["EXE"]
    assert exe["name"] == "carepath" and exe["exclude_binaries"] is True
    assert exe["upx"] is False
    _, collect = spec_calls["COLLECT"]
    assert collect["name"] == APP_NAME


def test_frozen_layout_matches_the_resource_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec puts resources at carepath/resources below sys._MEIPASS; the helper looks there."""
    from carepath.core import resources

    frozen = tmp_path / "carepath" / "resources"
    (frozen / "content").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_dir.cache_clear()
    try:
        assert resources.resources_dir() == frozen
    finally:
        resources.resources_dir.cache_clear()  # monkeypatch removes _MEIPASS after the test


# --- the wheel -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout (pip builds it with hatchling, as a user's pip would)."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    try:
        import hatchling  # noqa: F401  (already here: no need to fetch it into an isolated env)

        command.append("--no-build-isolation")
    except ImportError:
        pass
    result = subprocess.run([*command, str(REPO_ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("carepath-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_package_and_its_resources(wheel: Path) -> None:
    assert wheel.name.startswith(f"carepath-{__version__}-py3-none-any")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "carepath/__init__.py" in names and "carepath/cli.py" in names
    assert "carepath/resources/content/skills.toml" in names
    schemas = {Path(name).name for name in names if name.startswith("carepath/resources/schema/")}
    expected = {path.name for path in (REPO_ROOT / "resources" / "schema").glob("*.json")}
    assert expected and schemas >= expected
    assert f"carepath/resources/icons/{APP_ID}.svg" in names
    for size in PNG_SIZES:
        assert f"carepath/resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    # Compiled by the build hook (hatch_build.py), whether or not the checkout has .qm files.
    for ts in (REPO_ROOT / "resources" / "translations").glob("*.ts"):
        assert f"carepath/resources/translations/{ts.stem}.qm" in names
    assert not [name for name in names if name.startswith(("tests/", "packaging/"))]
    entry_points = zipfile.ZipFile(wheel).read(f"carepath-{__version__}.dist-info/entry_points.txt")
    for script in (*project_scripts()["console"], *project_scripts()["gui"]):
        assert f"{script} = ".encode() in entry_points


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new venv outside the repository with only the wheel installed into it; returns python.

    Its dependencies (PySide6, matplotlib, …) come from the running interpreter: a ``.pth`` file
    adds that interpreter's site-packages folders after the venv's own. ``.pth`` files inside those
    folders are not processed, so an editable install of the checkout stays invisible.
    """
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=os.name != "nt").create(
        home
    )
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    borrowed = [path for path in site.getsitepackages() if Path(path).is_dir()]
    (Path(purelib) / "zz_borrowed_dependencies.pth").write_text("\n".join(borrowed) + "\n")
    result = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            wheel,
        ],
        capture_output=True,
        text=True,
        env=outside_env(),
        cwd=home,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    yield python


def outside_env() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    }


def run_outside(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert REPO_ROOT not in cwd.resolve().parents
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=outside_env(),
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.build  # minutes: python3 dev.py package runs it
def test_the_installed_wheel_runs_without_the_checkout(installed: Path, tmp_path: Path) -> None:
    venv_root = installed.parent.parent
    where = run_outside(
        installed,
        "-c",
        "import carepath; from carepath.core.resources import resources_dir;"
        "print(carepath.__file__); print(resources_dir())",
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    module_file, resources = (Path(line) for line in where.stdout.splitlines())
    print(f"carepath imported from {module_file}")
    assert venv_root in module_file.resolve().parents
    assert Path(carepath.__file__).resolve() != module_file.resolve()
    assert venv_root in resources.resolve().parents

    version = run_outside(installed, "-m", "carepath", "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"CarePath {__version__}"

    skills = run_outside(installed, "-m", "carepath", "skills", cwd=tmp_path)
    assert skills.returncode == 0, skills.stderr
    assert "communication" in skills.stdout and "Expert" in skills.stdout

    scripts = installed.parent
    script = scripts / ("carepath.exe" if os.name == "nt" else "carepath")
    assert (scripts / ("carepath-gui.exe" if os.name == "nt" else "carepath-gui")).exists()
    from_script = run_outside(script, "--version", cwd=tmp_path)
    assert from_script.returncode == 0, from_script.stderr
    assert from_script.stdout.strip() == f"CarePath {__version__}"


@pytest.mark.slow
@pytest.mark.build  # minutes: python3 dev.py package runs it
def test_the_installed_wheel_runs_every_command(installed: Path, tmp_path: Path) -> None:
    """demo, assess, export (every format), import and --self-test from the wheel alone."""
    data = tmp_path / "record.json"

    def carepath(*args: str | Path) -> subprocess.CompletedProcess[str]:
        result = run_outside(installed, "-m", "carepath", *args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return result

    carepath("demo", "--data", data)
    carepath("assess", "--data", data, "--note", "from the wheel", "ethics=4", "leadership=2")
    for fmt in ("json", "csv", "md", "html", "pdf"):
        out = tmp_path / f"out.{fmt}"
        carepath("export", "--data", data, "--format", fmt, "--out", out)
        assert out.stat().st_size > 0
    fresh = tmp_path / "fresh.json"
    imported = carepath("import", "--data", fresh, tmp_path / "out.json")
    assert "Imported 13 new assessments" in imported.stdout
    self_test = run_outside(
        installed, "-m", "carepath", "--self-test", "--data", data, cwd=tmp_path
    )
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr
