"""SIGKILL a real writer at random moments: the file always opens and keeps every acknowledged save.

The loop itself lives in ``tests/benchmarks/crash_stress.py`` (run it for 1,000 kills); this test
runs it with enough kills to catch a regression in the atomic write, the lock or the cleanup.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

STRESS = Path(__file__).resolve().parents[1] / "benchmarks" / "crash_stress.py"
KILLS = 50


def load_stress() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_stress", STRESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_writers_never_tear_the_file_or_lose_a_save(tmp_path: Path) -> None:
    stress = load_stress()
    outcome = stress.run(kills=KILLS, size=3000, seed=20261126, folder=tmp_path)
    assert outcome.problems == []
    assert outcome.kills == KILLS
    assert outcome.corrupt_files == 0
    assert outcome.lost_records == 0
    assert outcome.wrong_versions == 0
    assert outcome.leftover_temp_files == 0
    assert outcome.kills_mid_write > 0  # the kills did land inside writes
    assert outcome.saves_acknowledged > 0
