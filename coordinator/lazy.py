"""Names a package re-exports from its modules or the floors below it, imported only when first asked for.

The desk and the statistics are imported by every command; most need only a few of their names, so the
rest come through a module `__getattr__` instead of an import at the top.
"""

from __future__ import annotations

import importlib


def reexported(module: str, name: str, homes: dict[str, str]) -> object:
    """The attribute `name` of `module`, found in its home module (AttributeError for any other name)."""
    home = homes.get(name)
    if home is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
