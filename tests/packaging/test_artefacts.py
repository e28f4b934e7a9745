"""The built artefacts in ``dist/``, installed and run the way a user would: the wheel and the sdist
with pip into fresh virtual environments, the checkout with pipx, and the .deb with apt.

Marker ``build``: minutes of work, so ``python3 dev.py test`` leaves them out and
``python3 dev.py package`` (which builds ``dist/`` first) runs them; ``.ci/run`` does both. pip
fetches the dependencies from the configured index (its cache makes a second run quick).
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from carepath import APP_ID, __version__

pytestmark = pytest.mark.build

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DIST = Path(os.environ.get("CAREPATH_DIST", REPO_ROOT / "dist"))
DEB_LIMIT = 65_000_000  # bytes downloaded
INSTALLED_LIMIT = 200_000_000  # bytes on disk
INSTALL_TIMEOUT = 1200


def artefact(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} in {DIST}: build it with python3 dev.py package")
    return found[-1]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment in a throw-away home: no checkout on the path, Qt off screen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CAREPATH_DATA"}
        and not key.startswith("XDG_")
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", MPLCONFIGDIR=str(home / ".mpl"))
    env.update(extra)
    return env


def run(command: list[str | Path], env: dict[str, str], cwd: Path, timeout: int = 600) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{command}: {result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result.stdout


def self_tests(carepath: Path | str, home: Path) -> None:
    """``--self-test`` in English and in Spanish (the self-test checks the compiled .qm)."""
    env = clean_env(home)
    english = run([carepath, "--self-test"], env, home)
    assert "self-test passed" in english
    spanish = run([carepath, "--lang", "es", "--self-test"], env, home)
    assert "interface language: es" in spanish and "self-test passed" in spanish


# --- wheel and sdist ------------------------------------------------------------------------------


def test_the_wheel_and_the_sdist_carry_the_compiled_translations() -> None:
    wheel = artefact("carepath-*.whl")
    sdist = artefact("carepath-*.tar.gz")
    wheel_names = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        sdist_names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for ts in (REPO_ROOT / "resources" / "translations").glob("*.ts"):
        assert f"carepath/resources/translations/{ts.stem}.qm" in wheel_names
        assert f"resources/translations/{ts.stem}.qm" in sdist_names
    # What a build from the sdist needs: the hook and its compiler.
    assert {"hatch_build.py", "packaging/qm_compiler.py", "pyproject.toml"} <= sdist_names


@pytest.mark.parametrize("kind", ["carepath-*.whl", "carepath-*.tar.gz"])
def test_pip_installs_the_whole_app_into_a_fresh_venv(kind: str, tmp_path: Path) -> None:
    package = artefact(kind)
    home = tmp_path / "home"
    home.mkdir()
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    run([python, "-m", "pip", "install", "-q", package], clean_env(home), home, INSTALL_TIMEOUT)
    version = run([scripts / "carepath", "--version"], clean_env(home), home)
    assert version.strip() == f"CarePath {__version__}"
    self_tests(scripts / "carepath", home)


def test_pipx_installs_the_checkout(tmp_path: Path) -> None:
    pipx = shutil.which("pipx")
    if pipx is None:
        pytest.skip("pipx is not installed (apt-get install pipx)")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home, PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "bin"))
    # pipx builds from the checkout like pip would; a copy keeps .venv and dist/ out of it.
    source = tmp_path / "source"
    shutil.copytree(
        REPO_ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", "dist", "build", ".git", "*.qm", "__pycache__"),
    )
    run([pipx, "install", source], env, home, INSTALL_TIMEOUT)
    self_tests(tmp_path / "bin" / "carepath", home)


# --- the .deb ------------------------------------------------------------------------------------


def deb_field(deb: Path, field: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), field], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def deb() -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb is built and checked on Debian or Ubuntu")
    return artefact("carepath_*.deb")


def test_the_deb_is_lean_and_installs_where_a_desktop_looks(deb: Path) -> None:
    assert deb.stat().st_size <= DEB_LIMIT, f"{deb.stat().st_size / 1e6:.1f} MB"
    assert int(deb_field(deb, "Installed-Size")) * 1024 <= INSTALLED_LIMIT
    assert deb_field(deb, "Version") == f"{__version__}-1"
    depends = deb_field(deb, "Depends")
    # The xcb platform plugin's libraries and libc come from the system, not the bundle.
    for library in ("libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libx11-6"):
        assert library in depends, depends
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    for path in (
        "/usr/bin/carepath",
        "/usr/lib/carepath/carepath",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "/usr/share/doc/carepath/copyright",
        "/usr/share/doc/carepath/changelog.Debian.gz",
        "/usr/share/man/man1/carepath.1.gz",
        "/usr/lib/carepath/_internal/carepath/resources/translations/carepath_es.qm",
    ):
        assert path in paths, path
    assert not [path for path in paths if path.startswith(("/opt", "/usr/local", "/home"))]
    left_out = ("libqgtk3.so", "libgtk-3", "/tls/", "libssl", "backend_pdf", "sample_data")
    assert not [path for path in paths if any(word in path for word in left_out)]


def test_lintian_finds_no_error(deb: Path) -> None:
    lintian = shutil.which("lintian")
    if lintian is None:
        pytest.skip("lintian is not installed (apt-get install lintian)")
    result = subprocess.run(
        [lintian, "--tag-display-limit", "0", str(deb)], capture_output=True, text=True, timeout=900
    )
    tags = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:"}]
    print("\n".join(tags))  # the warnings kept are listed in docs/PACKAGING.md
    assert not [line for line in tags if line.startswith("E:")]


def desktop_exec(path: Path) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return shlex.split(parser["Desktop Entry"]["Exec"])


@pytest.fixture
def apt() -> str:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    found = shutil.which("apt-get")
    if found is None:
        pytest.skip("apt-get is missing: not a Debian or Ubuntu system")
    if subprocess.run(["dpkg", "-s", "carepath"], capture_output=True).returncode == 0:
        pytest.skip("a carepath package is already installed here; remove it first")
    return found


def test_apt_installs_runs_and_purges_the_deb_and_keeps_the_users_record(
    deb: Path, apt: str, tmp_path: Path
) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    home = tmp_path / "home"
    home.mkdir()
    record = home / ".local" / "share" / "CarePath" / "carepath.json"
    record.parent.mkdir(parents=True)

    def install() -> None:
        run([apt, "install", "-y", "--no-install-recommends", deb], env, tmp_path, 900)

    install()
    try:
        assert Path("/usr/bin/carepath").resolve() == Path("/usr/lib/carepath/carepath")
        command = desktop_exec(Path(f"/usr/share/applications/{APP_ID}.desktop"))
        assert shutil.which(command[0]) is not None, command
        user = clean_env(home)
        run(["carepath", "demo", "--data", record], user, home)
        self_tests("carepath", home)
        run([command[0], "--version"], user, home)
        listed = subprocess.run(
            ["dpkg", "-L", "carepath"], capture_output=True, text=True, check=True
        ).stdout.split()
    finally:
        run([apt, "remove", "--purge", "-y", "carepath"], env, tmp_path, 900)
    kept = record.read_bytes()
    left = [path for path in listed if Path(path).is_symlink() or Path(path).is_file()]
    assert left == []
    assert not Path("/usr/lib/carepath").exists()
    assert not Path("/usr/share/doc/carepath").exists()

    install()  # and again: the record is still the user's, and it opens
    try:
        out = tmp_path / "plan.md"
        run(["carepath", "export", "--data", record, "--format", "md", "--out", out], user, home)
        assert out.stat().st_size > 0
    finally:
        run([apt, "remove", "--purge", "-y", "carepath"], env, tmp_path, 900)
    assert record.read_bytes() == kept


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-m", "build", "-v"]))
