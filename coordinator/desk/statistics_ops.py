"""The desk's statistics: gender statistics, scorecards and sector dominance."""

from __future__ import annotations

from typing import Any

from coordinator.desk.core import DeskCore
from coordinator.stats.scorecard import IndicatorResult, Scorecard

__all__ = ["IndicatorResult", "Scorecard", "StatisticsOps"]

class StatisticsOps(DeskCore):
    """Every definition is in docs/STATISTICS.md; values come back as plain dicts and dataclasses.

    Indicator edits are the app's (GuiViews).
    """

    def gender_statistics(self, *, year: str | None = None, school: str | None = None,
                          suppressed: bool = False, threshold: int = 5) -> dict[str, Any]:
        """Per grade: pupils, encounter rate, placements by sector, non-traditional share, index D.

        `suppressed` hides small numbers (counts below `threshold`) for figures meant for others.
        """
        from coordinator.stats import gender_statistics, suppress

        stats = self._read(lambda s: gender_statistics(s, year=year, school=school))
        return suppress(stats, threshold=threshold) if suppressed else stats

    def sector_dominance(self) -> dict[str, str | None]:
        """Sector letter → the gender that dominates it ("girl", "boy") or None, for this country."""
        from coordinator.stats import sector_dominance

        return self._read(sector_dominance)

    def scorecard(self, *, year: str | None = None, school: str | None = None) -> Scorecard:
        """Every indicator with its target, value, last year's value and status colour."""
        from coordinator.stats import compute_scorecard

        return self._read(lambda s: compute_scorecard(s, year=year, school=school))
