"""Figures kept between runs: a scorecard (with its trend and same-day comparison) or gender statistics is
computed once per version of the data.

The version is read in the same transaction as the figures would be; the key and the shelf are in
coordinator.desk.kept_figures, which a command reading the file through sqlite3 alone shares. The shelf is a
file in the user's cache folder (coordinator.cache) and holds aggregates, never names.
Only a database file is cached: on a server, others change the data and a login may not see every table
that the version reads (a headteacher), so its figures are computed afresh each time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from coordinator.desk import kept_figures
from coordinator.stats.figures import Figures
from coordinator.store import Store

T = TypeVar("T")


def data_version(session: Session) -> tuple[Any, ...]:
    """What changes whenever the data of a database file does, read in the session's transaction."""
    connection = session.connection()
    return kept_figures.data_version(lambda sql: connection.exec_driver_sql(sql).all())


class CachedFigures(Figures):
    """The figures of one database, from the cache when its data has not changed since they were computed."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.path = store.path  # a file of this laptop's; None for a server, whose figures are not kept

    def scorecard(self, session: Session, *, year: str | None, school: str | None) -> Any:
        return self.kept(session, ("scorecard", year, school), lambda: super(CachedFigures, self).scorecard(
            session, year=year, school=school))

    def gender_statistics(self, session: Session, *, year: str | None, school: str | None,
                          by: str = "grade") -> dict[str, Any]:
        return self.kept(session, ("gender", year, school, by), lambda: super(CachedFigures, self).gender_statistics(
            session, year=year, school=school, by=by))

    def scorecard_trend(self, session: Session, *, year: str | None,
                        school: str | None) -> tuple[list[str], dict[int, list[float | None]]]:
        return self.kept(session, ("trend", year, school), lambda: super(CachedFigures, self).scorecard_trend(
            session, year=year, school=school))

    def same_date_values(self, session: Session, *, year: str | None, school: str | None,
                         today: dt.date) -> dict[str, float | None] | None:
        return self.kept(session, ("same-date", year, school, today.isoformat()),
                          lambda: super(CachedFigures, self).same_date_values(session, year=year, school=school,
                                                                             today=today))

    def kept(self, session: Session, what: tuple[Any, ...], compute: Callable[[], T]) -> T:
        if self.path is None:
            return compute()
        key = kept_figures.figures_key(self.path, data_version(session), what)
        found, value = kept_figures.kept(key)
        if found:
            return value
        value = compute()
        kept_figures.keep(key, value)
        return value
