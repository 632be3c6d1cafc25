"""Only coordinator/gui may import Qt: the domain must run (and be tested) without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_outside_gui_imports_qt():
    leaks = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "gui") in path.parents:
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                leaks.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not leaks, leaks


def test_the_command_line_loads_without_qt():
    code = ("import sys; import coordinator.cli.main, coordinator.services.setup, coordinator.store; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
