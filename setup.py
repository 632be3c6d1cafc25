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


def compile_catalogs(locale_dir: Path) -> list[Path]:
    """Compile every language's .po parts into ``locale_dir``; the files written."""
    from babel.messages.mofile import write_mo

    sys.path.insert(0, str(ROOT))
    try:
        from coordinator.i18n import merged_catalog
    finally:
        sys.path.remove(str(ROOT))
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
        for folder, name in (("resources", "_resources"), ("ui", "_ui")):
            target = package / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / folder, target)
        compile_catalogs(package / "locale")


setup(cmdclass={"build_py": BuildWithData})
