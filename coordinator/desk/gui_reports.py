"""What the Statistics workspace shows at once: a year's gender statistics, suppressed too, and the D trend.

The trend (the dissimilarity index of every school year held) is computed here, below the door, not in
the workspace that draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coordinator.desk.core import DeskCore


@dataclass
class StatisticsResult:
    """The year's statistics (as computed and with small numbers suppressed), dominance marks, the D trend."""

    stats: dict[str, Any]
    suppressed: dict[str, Any]
    dominance: dict[str, str | None]
    trend: list[tuple[str, float | None]]


class GuiReports(DeskCore):
    """A long computation, meant for a worker (it reports progress, and stops when told to)."""

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
