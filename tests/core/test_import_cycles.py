"""Imports in ``core``, ``charts`` and ``export`` run one way: no module reaches back to itself.

A circle (``storage → autobackup → storage``) works only as long as someone remembers to hide one
side inside a function, and it makes the layers impossible to read top-down. This test reads the
source of every module of the three packages (an AST walk: nothing is imported), collects every
``import`` of a CarePath module, at the top or inside a function, and fails naming the circle.
Imports under ``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import carepath

PACKAGE = Path(carepath.__file__).parent
CHECKED = ("core", "charts", "export")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    found = {}
    for folder in CHECKED:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            found[module_name(path)] = path
    return found


def _type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Every module name ``tree`` imports; ``from a import b`` gives ``a.b`` too (b may be one)."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking_block(node):
            for child in getattr(node, "orelse", []):
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imported = _imports(tree, name, path.name == "__init__.py")
        graph[name] = {target for target in imported if target in modules and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = walk(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = walk(node)
            if found:
                return found
    return None


def test_the_graph_sees_the_packages() -> None:
    graph = import_graph()
    assert "carepath.core.storage" in graph
    assert "carepath.core.models" in graph["carepath.core.storage"]
    assert "carepath.export.plan_content" in graph["carepath.export.plan"]


def test_no_import_cycle_in_core_charts_or_export() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " → ".join(cycle or [])


def test_a_circle_is_found() -> None:
    """The detector itself: a circle hidden inside a function still counts."""
    source_a = "def f():\n    from carepath.core import b\n"
    source_b = "from carepath.core.a import f\n"
    graph = {
        "carepath.core.a": _imports(ast.parse(source_a), "carepath.core.a", False),
        "carepath.core.b": _imports(ast.parse(source_b), "carepath.core.b", False),
    }
    graph = {k: {t for t in v if t in graph and t != k} for k, v in graph.items()}
    assert find_cycle(graph) == ["carepath.core.a", "carepath.core.b", "carepath.core.a"]
    typing_only = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import carepath.core.b\n"
    )
    assert _imports(ast.parse(typing_only), "carepath.core.a", False) == {
        "typing",
        "typing.TYPE_CHECKING",
    }
