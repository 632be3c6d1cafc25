"""Build steps that pyproject.toml cannot declare (everything else is there).

A wheel carries, inside the ``coordinator`` package:
- ``_resources/`` and ``_ui/``: copies of the source tree's ``resources/`` (fonts, icons) and ``ui/``
  (Designer forms), found at run time by ``coordinator.resources``;
- ``locale/<lang>/LC_MESSAGES/coordinator.mo``: each language's ``i18n/<lang>/*.po`` parts compiled into
  one catalog (the same merge as ``python3 tasks.py catalogs``).

An editable install (``tasks.py setup``) copies nothing: the app reads the source tree.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _from_source(module: str, name: str):
    """An attribute of a module of the source tree (stdlib-only modules: the build has no dependencies)."""
    import importlib

    sys.path.insert(0, str(ROOT))
    try:
        return getattr(importlib.import_module(module), name)
    finally:
        sys.path.remove(str(ROOT))


def compile_catalogs(locale_dir: Path) -> list[Path]:
    """Compile every language's .po parts into ``locale_dir``; the files written."""
    from babel.messages.mofile import write_mo

    merged_catalog = _from_source("coordinator.i18n", "merged_catalog")
    written = []
    for language_dir in sorted(p for p in (ROOT / "i18n").iterdir() if p.is_dir()):
        parts = sorted(language_dir.glob("*.po"))
        if not parts:
            continue
        out = locale_dir / language_dir.name / "LC_MESSAGES" / "coordinator.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as fh:
            write_mo(fh, merged_catalog(language_dir.name, parts))
        written.append(out)
    return written


class BuildWithData(build_py):
    """build_py, then the data folders and compiled catalogs into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        package = Path(self.build_lib) / "coordinator"
        copy_data_folders(package)
        compile_catalogs(package / "locale")


def copy_data_folders(package: Path) -> list[Path]:
    """Copy ``resources/`` and ``ui/`` into the built package, named as coordinator.resources looks them up."""
    copied = []
    for folder, name in _from_source("coordinator.resources", "DATA_FOLDERS").items():
        target = package / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / folder, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        copied.append(target)
    return copied


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import its build steps
    setup(cmdclass={"build_py": BuildWithData})
