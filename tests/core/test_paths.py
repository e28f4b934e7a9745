"""Which data file is opened: flag, then $CAREPATH_DATA, then the moved place, then the default."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from carepath.core.paths import (
    DATA_ENV,
    LOCATION_FILENAME,
    default_data_path,
    location_noted,
    remember_data_path,
    remembered_data_path,
    resolve_data_path,
)


def test_the_order_of_the_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    monkeypatch.delenv(DATA_ENV)
    default = resolve_data_path(None, config)
    assert default == default_data_path()
    assert default.name == "carepath.json" and "CarePath" in default.parts
    remember_data_path(tmp_path / "moved.json", config)
    assert resolve_data_path(None, config) == tmp_path / "moved.json"
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env.json"))
    assert resolve_data_path(None, config) == tmp_path / "env.json"
    assert resolve_data_path(tmp_path / "flag.json", config) == tmp_path / "flag.json"


def test_the_note_is_private_json_and_may_say_never_moved(tmp_path: Path) -> None:
    config = tmp_path / "config"
    assert not location_noted(config)
    assert remembered_data_path(config) is None
    remember_data_path(None, config)
    assert location_noted(config) and remembered_data_path(config) is None
    remember_data_path(Path("relative.json"), config)
    noted = remembered_data_path(config)
    assert noted is not None and noted.is_absolute() and noted.name == "relative.json"
    assert stat.S_IMODE((config / LOCATION_FILENAME).stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"", b"not json", b"[]", b'{"data_file": 3}', b"\xff"])
def test_an_unreadable_note_means_the_default(tmp_path: Path, content: bytes) -> None:
    (tmp_path / LOCATION_FILENAME).write_bytes(content)
    assert remembered_data_path(tmp_path) is None
