"""The desk's report operations for the desktop app: the scorecard and its indicator edits, the gender statistics.

The statistics trend (the dissimilarity index of every school year held) is computed here, below the
door, not in the workspace that draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.stats.scorecard import Scorecard


def _cards() -> ModuleType:
    """The scorecard module, imported when first used (not while the app starts)."""
    from coordinator.stats import scorecard

    return scorecard


@dataclass
class StatisticsResult:
    """The year's statistics (as computed and with small numbers suppressed), dominance marks, the D trend."""

    stats: dict[str, Any]
    suppressed: dict[str, Any]
    dominance: dict[str, str | None]
    trend: list[tuple[str, float | None]]


class GuiReports(DeskCore):
    """Scorecards and statistics; long computations are meant for a worker (they take a progress)."""

    def scorecard(self, *, year: str, school: str | None) -> Scorecard:
        return self._read(lambda s: _cards().compute_scorecard(s, year=year, school=school))

    def update_indicator(self, *, indicator_id: int, target: float | None, amber_band: float,
                         direction: str | None) -> Changes:
        return self._write(lambda s: _cards().update_indicator(s, indicator_id=indicator_id, target=target,
                                                            amber_band=amber_band, direction=direction))[1]

    def set_manual_value(self, *, indicator_id: int, year: str, value: float | None) -> Changes:
        return self._write(lambda s: _cards().set_manual_value(s, indicator_id=indicator_id, year=year, value=value))[1]

    def delete_indicator(self, *, indicator_id: int) -> Changes:
        return self._write(lambda s: _cards().delete_indicator(s, indicator_id=indicator_id))[1]

    def add_manual_indicator(self, *, school: str | None, **values: Any) -> Changes:
        return self._write(lambda s: _cards().add_manual_indicator(s, school=school, **values))[1]

    def gender_overview(self, *, year: str, school: str | None, progress: Any = None,
                        threshold: int = 5) -> StatisticsResult:
        """The chosen year's statistics and the dissimilarity index of every year held."""
        from coordinator.services.setup import school_years
        from coordinator.stats.gender import gender_statistics, sector_dominance
        from coordinator.stats.suppression import suppress

        def compute(session) -> StatisticsResult:
            stats = gender_statistics(session, year=year, school=school)
            dominance = sector_dominance(session)
            years = school_years(session)
            trend: list[tuple[str, float | None]] = []
            for index, label in enumerate(years):
                if progress is not None:
                    progress.report(index, len(years))
                other = stats if label == year else gender_statistics(session, year=label, school=school)
                trend.append((label, other["total"].get("dissimilarity_index")))
            return StatisticsResult(stats=stats, suppressed=suppress(stats, threshold=threshold),
                                    dominance={code: getattr(v, "value", v) for code, v in dominance.items()},
                                    trend=trend)
        return self._read(compute)
