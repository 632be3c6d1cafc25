"""The figures a document or the desk shows, computed on every call; light to import (no reportlab).

The desk passes documents a subclass that keeps them while the data is unchanged (coordinator.desk.figures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.stats.indicators import YearValues
    from coordinator.years import Year


class Figures:
    """The scorecard, its trend and same-day comparison, and the gender statistics of a scope, computed afresh.

    Within one transaction the scorecard and its trend compute each year's indicators once: the trend's last
    two years are the card's this year and last year."""

    def __init__(self) -> None:
        self._session: Session | None = None
        self._year_values: dict[tuple[Any, ...], dict[str, float | None]] = {}

    def _values(self, session: Session) -> YearValues:
        from coordinator.stats.indicators import compute_values

        if session is not self._session:  # another transaction: what was computed may have changed
            self._session, self._year_values = session, {}

        def values(keys: list[str], year: Year, school_id: int | None) -> dict[str, float | None]:
            asked = (tuple(keys), year, school_id)
            if asked not in self._year_values:
                self._year_values[asked] = compute_values(session, keys, year, school_id)
            return self._year_values[asked]

        return values

    def kept(self, session: Session, what: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """`compute()`, the value of `what` (a tuple naming it) in the data as the session reads it: computed
        here every time; a subclass may keep it while the data is unchanged."""
        return compute()

    def scorecard(self, session: Session, *, year: str | None, school: str | None) -> Any:
        from coordinator.stats import compute_scorecard

        return compute_scorecard(session, year=year, school=school, values=self._values(session))

    def gender_statistics(self, session: Session, *, year: str | None, school: str | None,
                          by: str = "grade") -> dict[str, Any]:
        from coordinator.stats import gender_statistics

        return gender_statistics(session, year=year, school=school, by=by)

    def scorecard_trend(self, session: Session, *, year: str | None,
                        school: str | None) -> tuple[list[str], dict[int, list[float | None]]]:
        from coordinator.stats.scorecard_trend import scorecard_trend

        return scorecard_trend(session, year=year, school=school, values=self._values(session))

    def same_date_values(self, session: Session, *, year: str | None, school: str | None,
                         today: dt.date) -> dict[str, float | None] | None:
        from coordinator.stats.same_date import same_date_values

        return same_date_values(session, year=year, school=school, today=today)
