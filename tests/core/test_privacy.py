"""Nothing is sent anywhere: no CarePath module reaches for the network."""

from __future__ import annotations

import ast
from pathlib import Path

import carepath

NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "ftplib",
    "smtplib",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
}


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_module_imports_a_network_library() -> None:
    package = Path(carepath.__file__).parent
    sources = sorted(package.rglob("*.py"))
    assert len(sources) > 20
    offenders = {
        f"{source.relative_to(package)}: {name}"
        for source in sources
        for name in imported_modules(source)
        if (name in NETWORK_MODULES or name.split(".")[0] in NETWORK_MODULES)
        and not name.startswith("urllib.parse")  # quoting a relative link, no traffic
    }
    assert not offenders
