"""Parts of the main window found when first needed: optional dialogs, workspace classes, and the interpreter's tuning."""

from __future__ import annotations

import importlib


def tune_interpreter() -> None:
    """Keep background work from stalling the GUI thread through the interpreter lock.

    A full garbage collection walks every tracked object while holding the lock; freezing what
    start-up allocated (modules, Qt wrappers: it lives as long as the app) keeps it short. A
    shorter switch interval hands the lock to the GUI thread sooner while a worker computes.
    """
    import gc
    import sys

    gc.collect()
    gc.freeze()
    sys.setswitchinterval(0.001)


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
