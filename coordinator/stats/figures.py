"""The figures a document or the desk shows, computed on every call; light to import (no reportlab).

The desk passes documents a subclass that keeps them while the data is unchanged (coordinator.desk.figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Figures:
    """The scorecard and the gender statistics of a scope, computed afresh."""

    def scorecard(self, session: Session, *, year: str | None, school: str | None) -> Any:
        from coordinator.stats import compute_scorecard

        return compute_scorecard(session, year=year, school=school)

    def gender_statistics(self, session: Session, *, year: str | None, school: str | None,
                          by: str = "grade") -> dict[str, Any]:
        from coordinator.stats import gender_statistics

        return gender_statistics(session, year=year, school=school, by=by)
