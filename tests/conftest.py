"""Test-wide isolation: no test may touch the user's real data, settings or font cache.

Set before anything imports Qt or matplotlib: offscreen Qt, a private matplotlib config folder, and
every location QSettings or platformdirs might use pointed into a temporary folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="carepath-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("MPLCONFIGDIR", str(_SANDBOX / "mpl"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["CAREPATH_DATA"] = str(_SANDBOX / "data" / "never-used.json")
os.environ.setdefault("LANG", "en_US.UTF-8")

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXED_TODAY = date(2026, 11, 26)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """The ``.qm`` files are build products (gitignored, made by dev.py run/test/package). A plain
    pytest run builds any missing or stale one the same way, so the real translations are tested,
    and stops every test loudly when that is impossible instead of quietly testing English."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("carepath_dev", REPO_ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    if not dev.compile_translations():
        pytest.fail("the translations could not be compiled (see above); run python3 dev.py test")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own settings and data folders; the real ones are never reached."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("CAREPATH_DATA", str(tmp_path / "xdg-data" / "CarePath" / "carepath.json"))
    yield


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    """A data file location that does not exist yet, in its own folder."""
    folder = tmp_path / "record"
    folder.mkdir()
    return folder / "carepath.json"


@pytest.fixture
def demo_record():  # type: ignore[no-untyped-def]
    from carepath.core.demo import build_demo_record

    return build_demo_record(today=FIXED_TODAY)


@pytest.fixture
def demo_path(data_path: Path, demo_record) -> Path:  # type: ignore[no-untyped-def]
    """A real TinyDB data file holding the demo record (closed again, lock released)."""
    from carepath.core.storage import DataStore

    with DataStore.open(data_path) as store:
        store.replace_record(demo_record)
    return data_path


@pytest.fixture
def subprocess_env() -> dict[str, str]:
    """Environment for a child Python that must import this checkout's carepath."""
    desktop = Path(__file__).resolve().parents[1] / "desktop"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(desktop), env.get("PYTHONPATH")]))
    return env
