"""The desktop app's modules import each other in one direction: no circle, even through a late import."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator"
GUI = PACKAGE / "gui"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in GUI.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # every indentation
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle_in_the_desktop_app():
    graph = _graph()
    assert "coordinator.gui.main_window" in graph["coordinator.gui.app"]  # the walk sees late imports
    assert _circles(graph) == []


FORBIDDEN = ("sqlalchemy", "coordinator.store", "coordinator.stats", "coordinator.safety", "coordinator.transfer",
             "coordinator.documents", "coordinator.models")
ALLOWED = ("coordinator.enums",)


def _bypasses(path: Path) -> list[str]:
    """Imports of what only the desk may touch, and sessions opened, anywhere in one module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session":
            found.append(f"{path.name}:{node.lineno} opens a session")
        for name in names:
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN) and not name.startswith(ALLOWED):
                found.append(f"{path.name}:{node.lineno} imports {name}")
                break
    return found


def test_the_desktop_app_reaches_data_only_through_the_desk():
    assert _bypasses(PACKAGE / "desk" / "gui_checks.py"), "the check sees what the desk itself imports"
    found = [problem for path in sorted(GUI.rglob("*.py")) for problem in _bypasses(path)]
    assert found == []
