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


#: Qt's local sockets are a pipe between two CarePath processes of one user on one machine
#: (``ui/single_instance.py``: a second start brings the open window forward), not a network.
LOCAL_ONLY = {"PySide6.QtNetwork": {"QLocalServer", "QLocalSocket"}}


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if names <= LOCAL_ONLY.get(node.module, set()):
                continue
            found.add(node.module)
            found.update(f"{node.module}.{name}" for name in names)
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


def test_local_sockets_are_allowed_and_nothing_more(tmp_path: Path) -> None:
    local = tmp_path / "local.py"
    local.write_text("from PySide6.QtNetwork import QLocalServer, QLocalSocket\n", encoding="utf-8")
    assert imported_modules(local) == set()
    remote = tmp_path / "remote.py"
    remote.write_text("from PySide6.QtNetwork import QLocalSocket, QTcpSocket\n", encoding="utf-8")
    assert "PySide6.QtNetwork" in imported_modules(remote)
