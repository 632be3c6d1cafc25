"""Where the app's bundled files are found: installed package, frozen app or source tree.

Two folders at the root of the source tree travel with the app: ``resources/`` (fonts, icons) and
``ui/`` (Designer forms). Each is looked up the same way, first match wins:

1. ``coordinator/_<folder>`` inside the package — where a wheel build copies the folder (setup.py),
   so that a regular, non-editable install carries it;
2. ``<bundle>/<folder>`` of a PyInstaller app (``sys._MEIPASS``);
3. ``<folder>`` at the root of the source tree (a checkout or an editable install).

``$COORDINATOR_RESOURCES`` (a packager's override) comes before all of them for ``resources``.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _

_PACKAGE_DIR = Path(__file__).resolve().parent

#: The source tree's folders that are installed with the package, and their name inside it.
DATA_FOLDERS: dict[str, str] = {"resources": "_resources", "ui": "_ui"}


def data_roots(folder: str) -> tuple[Path, ...]:
    """The places a data folder (``resources`` or ``ui``) may be, in the order they are searched."""
    roots = [_PACKAGE_DIR / DATA_FOLDERS[folder]]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / folder)
    roots.append(_PACKAGE_DIR.parent / folder)
    return tuple(roots)


def _missing(relative: str) -> UserError:
    return UserError(_("A file the app needs is missing from this installation: {name}.").format(name=relative))


@lru_cache(maxsize=1)
def resource_roots() -> tuple[Path, ...]:
    """The folders searched for ``resources``, first match wins (see the module's docstring)."""
    override = os.environ.get("COORDINATOR_RESOURCES")
    return ((Path(override),) if override else ()) + data_roots("resources")


def resource_path(relative: str) -> Path:
    """The absolute path of a bundled file such as ``fonts/DejaVuSans.ttf``; UserError if missing."""
    for root in resource_roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise _missing(relative)


def data_dir(folder: str, marker: str) -> Path:
    """The first of :func:`data_roots` holding ``marker`` (a file known to be there); UserError if none."""
    for root in data_roots(folder):
        if (root / marker).exists():
            return root
    raise _missing(f"{folder}/{marker}")
