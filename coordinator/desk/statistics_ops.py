"""The desk's statistics: gender statistics, scorecards, and the indicators behind the scorecards."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.stats.scorecard import UNITS, IndicatorResult, Scorecard

__all__ = ["UNITS", "IndicatorResult", "Scorecard", "StatisticsOps"]

_UNSET: Any = object()


class StatisticsOps(DeskCore):
    """Every definition is in docs/STATISTICS.md; values come back as plain dicts and dataclasses."""

    def gender_statistics(self, *, year: str | None = None, school: str | None = None,
                          suppressed: bool = False, threshold: int = 5, by: str = "grade") -> dict[str, Any]:
        """Per grade: pupils, encounter rate, placements by sector, non-traditional share, index D.

        `suppressed` hides small numbers (counts below `threshold`) for figures meant for others;
        `by="programme"` gives a row per programme instead of per grade.
        """
        from coordinator.desk.figures import CachedFigures
        from coordinator.stats import suppress

        figures = CachedFigures(self.store)
        stats = self._read(lambda s: figures.gender_statistics(s, year=year, school=school, by=by))
        return suppress(stats, threshold=threshold) if suppressed else stats

    def choice_statistics(self, *, year: str | None = None, school: str | None = None, suppressed: bool = False,
                          threshold: int = 5) -> dict[str, Any]:
        """Leavers' choices per school form: leavers, recorded choices, choices by programme and gender,
        and the non-traditional share of choices."""
        from coordinator.stats.outcome_suppression import suppress_choices
        from coordinator.stats.outcomes import choice_statistics

        stats = self._read(lambda s: choice_statistics(s, year=year, school=school))
        return suppress_choices(stats, threshold=threshold) if suppressed else stats

    def destination_statistics(self, *, year: str | None = None, school: str | None = None, months: int = 6,
                               suppressed: bool = False, threshold: int = 5) -> dict[str, Any]:
        """The year's graduates by programme and gender, and where they are `months` (6 or 12) on."""
        from coordinator.stats.outcome_suppression import suppress_destinations
        from coordinator.stats.outcomes import destination_statistics

        stats = self._read(lambda s: destination_statistics(s, year=year, school=school, months=months))
        return suppress_destinations(stats, threshold=threshold) if suppressed else stats

    def sector_dominance(self) -> dict[str, str | None]:
        """Sector letter → the gender that dominates it ("girl", "boy") or None, for this country."""
        from coordinator.stats import sector_dominance

        return self._read(sector_dominance)

    def scorecard(self, *, year: str | None = None, school: str | None = None, suppressed: bool = False,
                  threshold: int = 5) -> Scorecard:
        """Every indicator with its target, value, last year's value and status colour.

        With `suppressed`, counts under `threshold` and every figure that would give one back are withheld.
        """
        from coordinator.desk.figures import CachedFigures
        from coordinator.stats import suppress_scorecard

        figures = CachedFigures(self.store)

        def run(session: Session) -> Scorecard:
            card = figures.scorecard(session, year=year, school=school)
            return suppress_scorecard(session, card, threshold=threshold) if suppressed else card

        return self._read(run)

    def update_indicator(self, indicator_id: int, *, target: float | None = _UNSET,
                         amber_band: float | None = None, direction: str | None = None,
                         name: str | None = None) -> Changes:
        """Change an indicator's target (None clears it), amber band, direction or name."""
        from coordinator.stats.scorecard import update_indicator

        options: dict[str, Any] = {"amber_band": amber_band, "direction": direction, "name": name}
        if target is not _UNSET:
            options["target"] = target
        return self._write_changes(lambda s: update_indicator(s, indicator_id=indicator_id, **options))

    def add_manual_indicator(self, *, name: str, perspective: str, unit: str = "number",
                             direction: str = "higher", target: float | None = None, amber_band: float = 0.0,
                             school: str | None = None) -> Changes:
        """An indicator typed in by hand, on every scorecard (school None) or on one school's."""
        from coordinator.stats.scorecard import add_manual_indicator

        return self._write_changes(lambda s: add_manual_indicator(
            s, name=name, perspective=perspective, unit=unit, direction=direction, target=target,
            amber_band=amber_band, school=school))

    def set_manual_value(self, indicator_id: int, *, year: str, value: float | None) -> Changes:
        """Enter (or with None clear) a hand-entered indicator's value for a school year."""
        from coordinator.stats.scorecard import set_manual_value

        return self._write_changes(lambda s: set_manual_value(s, indicator_id=indicator_id, year=year, value=value))

    def delete_indicator(self, indicator_id: int) -> Changes:
        from coordinator.stats.scorecard import delete_indicator

        return self._write_changes(lambda s: delete_indicator(s, indicator_id=indicator_id))
