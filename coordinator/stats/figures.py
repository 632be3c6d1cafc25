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


class Figures:
    """The scorecard, its trend and same-day comparison, and the gender statistics of a scope, computed afresh."""

    def kept(self, session: Session, what: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """`compute()`, the value of `what` (a tuple naming it) in the data as the session reads it: computed
        here every time; a subclass may keep it while the data is unchanged."""
        return compute()

    def scorecard(self, session: Session, *, year: str | None, school: str | None) -> Any:
        from coordinator.stats import compute_scorecard

        return compute_scorecard(session, year=year, school=school)

    def gender_statistics(self, session: Session, *, year: str | None, school: str | None,
                          by: str = "grade") -> dict[str, Any]:
        from coordinator.stats import gender_statistics

        return gender_statistics(session, year=year, school=school, by=by)

    def scorecard_trend(self, session: Session, *, year: str | None,
                        school: str | None) -> tuple[list[str], dict[int, list[float | None]]]:
        from coordinator.stats.scorecard_trend import scorecard_trend

        return scorecard_trend(session, year=year, school=school)

    def same_date_values(self, session: Session, *, year: str | None, school: str | None,
                         today: dt.date) -> dict[str, float | None] | None:
        from coordinator.stats.same_date import same_date_values

        return same_date_values(session, year=year, school=school, today=today)
