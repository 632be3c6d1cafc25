"""Parts of the main window found when first needed: optional dialogs, workspace classes, and the interpreter's tuning."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


def tune_interpreter() -> None:
    """Keep background work from stalling the GUI thread through the interpreter lock.

    A full garbage collection walks every tracked object while holding the lock; freezing what
    start-up allocated (modules, Qt wrappers: it lives as long as the app) keeps it short. A
    shorter switch interval hands the lock to the GUI thread sooner while a worker computes.
    """
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(0.001)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the database layer is imported, then freeze what it made.

    An import makes long-lived objects (modules, classes, mappings) and next to no garbage, yet each
    collection on the way walks everything made so far: about a quarter of the import's time. Frozen
    objects are left out of every later collection's walk; the few cycles of garbage among them (some
    hundreds of objects) are kept for the life of the app.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def qt_free_imports() -> Iterator[None]:
    """Import Qt-free code (the desk layer: tests/unit/test_layering.py) without PySide reading its sources.

    After PySide is loaded it reads the whole source file of every module imported, to learn whether it
    names PySide6 and so may choose one of PySide's `__feature__`s (snake_case, true_property), which
    this app never does: some 60 ms over the database layer's modules. Meanwhile a module outside the GUI
    is taken as not naming PySide6, as the layering test proves; any other is still read.
    """
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or scan is None or getattr(scan, "qt_free", False):  # another PySide, or already
        yield
        return

    def names_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        return bool(scan(module)) if name.startswith(("coordinator.gui", "PySide6")) else False

    names_pyside.qt_free = True  # type: ignore[attr-defined]

    feature._mod_uses_pyside = names_pyside  # type: ignore[attr-defined]
    try:
        yield
    finally:
        feature._mod_uses_pyside = scan  # type: ignore[attr-defined]


def installed(module_name: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(module_name) is not None
    except ModuleNotFoundError:  # its package is missing
        return False


def find_class(path: str) -> type | None:
    module_name, _sep, class_name = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    return getattr(module, class_name, None)
