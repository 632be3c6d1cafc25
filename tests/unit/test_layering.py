"""The house's floors: Qt only in coordinator/gui, the desk the only door, and no import circle.

Imports are read from the source with `ast`, at any depth: a function-level import (often used to
dodge a circle) counts like a module-level one. Imports under `if TYPE_CHECKING:` are left out:
they are never run. An import of `a.b.c` is an edge to `a.b.c` alone (not to the packages `a`
and `a.b` that Python also loads), and `from a.b import c` is an edge to `a.b.c` when `c` is a
module, else to `a.b`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "coordinator"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# What the GUI and the command line must reach only through the desk (coordinator.desk).
BEHIND_THE_DESK = ("sqlalchemy", "coordinator.store", "coordinator.stats", "coordinator.safety",
                   "coordinator.transfer", "coordinator.documents", "coordinator.models")
ALLOWED = ("coordinator.enums",)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file that is ever run, at any depth."""
    return _imports_in(path.read_text(encoding="utf-8"), _module_name(path), package=path.name == "__init__.py")


def _imports_in(source: str, name: str, *, package: bool = False) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = name.split(".") if package else name.split(".")[:-1]
                    parent = parent[:len(parent) - child.level + 1]
                    base = ".".join([*parent, *([child.module] if child.module else [])])
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.append((child.lineno, sub if sub in MODULES else base))
            visit(child)

    visit(ast.parse(source))
    return found


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def import_graph(*, include_gui: bool) -> dict[str, set[str]]:
    def kept(module: str) -> bool:
        return include_gui or not _within(module, ("coordinator.gui",))

    return {module: {target for _line, target in _imports(path) if target in MODULES and target != module
                     and kept(target)}
            for module, path in MODULES.items() if kept(module)}


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for v in sorted(graph):
        if v not in index:
            connect(v)
    return circles


def test_no_module_outside_gui_imports_qt():
    leaks = [f"{path.relative_to(ROOT)}:{line} imports {name}"
             for module, path in MODULES.items() if not _within(module, ("coordinator.gui",))
             for line, name in _imports(path) if name.split(".")[0] in QT_MODULES]
    assert not leaks, leaks


@pytest.mark.parametrize("area", ["cli", "gui"])
def test_the_app_and_the_command_line_reach_data_only_through_the_desk(area):
    bypasses = [f"{path.relative_to(ROOT)}:{line} imports {name}"
                for module, path in MODULES.items() if _within(module, (f"coordinator.{area}",))
                for line, name in _imports(path)
                if _within(name, BEHIND_THE_DESK) and not _within(name, ALLOWED)]
    assert not bypasses, "\n".join(bypasses)


def test_imports_are_found_at_any_depth_and_relative_ones_resolved():
    source = ("import sqlalchemy\n"
              "def f():\n    if x:\n        from coordinator.stats import scope\n"
              "from ..safety import lock\n"
              "if TYPE_CHECKING:\n    from coordinator.store import Store\n")
    found = [name for _line, name in _imports_in(source, "coordinator.cli.basic")]
    assert found == ["sqlalchemy", "coordinator.stats.scope", "coordinator.safety.lock"]


def test_no_import_circle_in_the_domain():
    assert import_circles(import_graph(include_gui=False)) == []


def test_no_import_circle_anywhere_in_coordinator():
    assert import_circles(import_graph(include_gui=True)) == []


def test_a_circle_through_a_function_level_import_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_circles(graph) == [["a", "b", "c"]]


def test_services_stand_above_statistics_transfer_and_documents():
    graph = import_graph(include_gui=False)
    upward = [f"{m} imports {t}" for m, targets in graph.items()
              if _within(m, ("coordinator.stats", "coordinator.transfer", "coordinator.documents",
                             "coordinator.store", "coordinator.settings", "coordinator.years"))
              for t in targets if _within(t, ("coordinator.services", "coordinator.desk", "coordinator.cli"))]
    assert not upward, upward


def test_the_change_kinds_load_without_sqlalchemy():
    code = "import sys, coordinator.changes; print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_command_line_loads_without_qt():
    code = ("import sys; import coordinator.cli.main, coordinator.services.setup, coordinator.store; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
