"""The Overview's key numbers kept between runs: computed once per version of the data, as the scorecard is.

The year's counts, the encounter rate per grade and girls and boys per sector aggregate every enrolment
of the year, the slow part of the Overview on a region. They are kept as the desk's other figures are
(coordinator.desk.figures), under the database, the version of its data read in the same transaction
(`data_version`), the language, the day (which decides the current school year) and the code that computes
them: here every source file of the domain, since the numbers come from the services, not the statistics.
The cache holds these aggregates only; the Overview's lists, which name pupils, are read afresh.
Only a database file is cached: on a server others change the data, so its numbers are computed afresh.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache as once
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coordinator import __version__
from coordinator.desk.core import DeskCore
from coordinator.i18n import get_language

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.services.progress import KeyNumbers

_CACHE_NAME = "overview.pickle"
_KEPT = 8  # entries: a few databases in a few languages
# Folders of code that does not compute the numbers (the GUI, the command line), and of no code at all.
_SKIPPED = {"gui", "cli", "migrations", "locale", "__pycache__"}


@once
def _code_version() -> tuple[Any, ...]:
    """The app's version and its domain's source files as installed (a changed definition is a miss)."""
    package = Path(__file__).resolve().parents[1]
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name not in _SKIPPED)
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                files.append((os.path.relpath(path, package), info.st_size, info.st_mtime_ns))
    return (__version__, tuple(files))


class GuiOverview(DeskCore):
    """The key numbers of the Overview, from the cache while the data has not changed."""

    def overview_numbers(self) -> KeyNumbers:
        """The current school year's key numbers (see coordinator.services.progress.key_numbers)."""
        return self._read(self._kept_numbers)

    def _kept_numbers(self, session: Session) -> KeyNumbers:
        from coordinator import cache
        from coordinator.services.progress import key_numbers

        if self.store.path is None:
            return key_numbers(session)
        from coordinator.desk.figures import data_version

        database = self.store.url.render_as_string(hide_password=True)
        day = dt.date.today().isoformat()
        key = repr((database, data_version(session), get_language(), day, _code_version()))
        entries = cache.load(_CACHE_NAME)
        entries = entries if isinstance(entries, dict) else {}
        if key in entries:
            return entries[key]
        numbers = key_numbers(session)
        entries[key] = numbers
        cache.store(_CACHE_NAME, dict(list(entries.items())[-_KEPT:]))
        return numbers
