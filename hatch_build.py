"""Hatchling build hook: put the compiled translations (``.qm``) into the wheel and the sdist.

The ``.qm`` files are build products, never committed; without this hook a plain ``pip install .``,
``pipx install .`` or a wheel built from the sdist would have no Spanish interface. The compiler is
``packaging/qm_compiler.py`` (standard library only), so the isolated build environment pip makes
needs nothing but hatchling. The ``.qm`` files are written to a temporary folder, not the checkout.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _load_compiler(root: Path) -> Any:
    path = root / "packaging" / "qm_compiler.py"
    spec = importlib.util.spec_from_file_location("carepath_qm_compiler", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}; is the checkout complete?")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TranslationsHook(BuildHookInterface):
    """Compile ``resources/translations/*.ts`` and add each ``.qm`` where the target expects it."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "editable":
            return  # an editable install reads resources/ in the checkout; dev.py compiles there
        root = Path(self.root)
        compiler = _load_compiler(root)
        self._out = Path(tempfile.mkdtemp(prefix="carepath-qm-"))
        folder = "carepath/resources" if self.target_name == "wheel" else "resources"
        for source in sorted((root / "resources" / "translations").glob("*.ts")):
            target = self._out / source.with_suffix(".qm").name
            compiler.compile_file(source, target)
            build_data["force_include"][str(target)] = f"{folder}/translations/{target.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
