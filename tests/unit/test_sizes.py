"""Sizes a reader can hold in mind: no module over 400 lines, no function over 60 lines.

Generated Alembic revisions are excepted (they are written by a tool and never edited). Counted over
the whole of coordinator/; the GUI is checked separately while desk-gui reshapes it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "coordinator"
MODULE_LINES = 400
FUNCTION_LINES = 60
EXEMPT = (PACKAGE / "migrations" / "versions",)
GUI = PACKAGE / "gui"


def _sources(area: str) -> list[Path]:
    paths = sorted(PACKAGE.rglob("*.py"))
    in_gui = [p for p in paths if GUI in p.parents]
    if area == "gui":
        return in_gui
    return [p for p in paths if p not in in_gui and not any(e in p.parents for e in EXEMPT)]


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if ROOT in path.parents else path.name


def oversized(paths: list[Path]) -> list[str]:
    """Every module over MODULE_LINES and every function (or method) over FUNCTION_LINES lines."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            found.append(f"{_shown(path)}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    found.append(f"{_shown(path)}:{node.lineno} {node.name}(): {length} lines")
    return found


@pytest.mark.parametrize("area", ["domain", "gui"])
def test_modules_and_functions_stay_small(area):
    assert not oversized(_sources(area)), "\n".join(oversized(_sources(area)))


def test_a_long_function_is_reported(tmp_path):
    long_one = tmp_path / "long.py"
    long_one.write_text("def f():\n" + "    x = 1\n" * FUNCTION_LINES, encoding="utf-8")
    short_one = tmp_path / "short.py"
    short_one.write_text("def g():\n    return 1\n", encoding="utf-8")
    found = oversized([long_one, short_one])
    assert len(found) == 1 and "f(): 61 lines" in found[0]
