"""Figures kept between runs: a scorecard or gender statistics is computed once per version of the data.

The version is read in the same transaction as the figures would be: the newest id of every table with
one (an insert or a delete at the end moves it) and the audit log's newest entry (every edit through the
app writes one). A cached figure is used only under the same version, database, language, day (which
decides the current school year), arguments and code of the statistics; anything else computes afresh.
The cache is a file in the user's cache folder (coordinator.cache) and holds aggregates, never names.
Only a database file is cached: on a server, others change the data and a login may not see every table
that the version reads (a headteacher), so its figures are computed afresh each time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache as once
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import __version__, cache
from coordinator.i18n import get_language
from coordinator.stats.figures import Figures
from coordinator.store import Store

T = TypeVar("T")
_CACHE_NAME = "figures.pickle"
_KEPT = 32  # entries: a few scopes and years in a few languages


def data_version(session: Session) -> tuple[Any, ...]:
    """What changes whenever the data does (see the module's note); one query of index look-ups."""
    from coordinator.models import Base

    columns = [select(func.max(table.c.id)).scalar_subquery() for table in Base.metadata.sorted_tables
               if "id" in table.c]
    return tuple(session.execute(select(*columns)).one())


@once
def _code_version() -> tuple[Any, ...]:
    """The app's version and the statistics' source files as installed (a changed definition is a miss)."""
    import coordinator.stats as stats

    folder = Path(stats.__file__).parent
    files = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob("*.py"))
    return (__version__, tuple(files))


class CachedFigures(Figures):
    """The figures of one database, from the cache when its data has not changed since they were computed."""

    def __init__(self, store: Store) -> None:
        self.database = store.url.render_as_string(hide_password=True)
        self.kept = store.path is not None  # a file of this laptop's, not a server

    def scorecard(self, session: Session, *, year: str | None, school: str | None) -> Any:
        return self._kept(session, ("scorecard", year, school), lambda: super(CachedFigures, self).scorecard(
            session, year=year, school=school))

    def gender_statistics(self, session: Session, *, year: str | None, school: str | None,
                          by: str = "grade") -> dict[str, Any]:
        return self._kept(session, ("gender", year, school, by), lambda: super(CachedFigures, self).gender_statistics(
            session, year=year, school=school, by=by))

    def _kept(self, session: Session, what: tuple[Any, ...], compute: Callable[[], T]) -> T:
        if not self.kept:
            return compute()
        key = repr((self.database, data_version(session), get_language(), dt.date.today().isoformat(),
                    _code_version(), what))
        entries = cache.load(_CACHE_NAME)
        entries = entries if isinstance(entries, dict) else {}
        if key in entries:
            return entries[key]
        value = compute()
        entries.pop(key, None)
        entries[key] = value
        cache.store(_CACHE_NAME, dict(list(entries.items())[-_KEPT:]))
        return value
