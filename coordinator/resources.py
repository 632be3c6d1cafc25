"""Where the app's bundled files (fonts, icons) are found: installed package, frozen app or source tree."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resource_roots() -> tuple[Path, ...]:
    """The folders searched, first match wins.

    1. ``$COORDINATOR_RESOURCES`` (a packager's override);
    2. ``coordinator/_resources`` inside the package — where a wheel or sdist build copies
       ``resources/`` so that a non-editable install carries it;
    3. ``<bundle>/resources`` of a PyInstaller app (``sys._MEIPASS``);
    4. ``resources/`` at the root of the source tree (a checkout or an editable install).
    """
    roots: list[Path] = []
    override = os.environ.get("COORDINATOR_RESOURCES")
    if override:
        roots.append(Path(override))
    roots.append(_PACKAGE_DIR / "_resources")
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "resources")
    roots.append(_PACKAGE_DIR.parent / "resources")
    return tuple(roots)


def resource_path(relative: str) -> Path:
    """The absolute path of a bundled file such as ``fonts/DejaVuSans.ttf``; UserError if missing."""
    for root in resource_roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise UserError(_("A file the app needs is missing from this installation: {name}.").format(name=relative))
