"""Statistics and scorecards (no Qt): definitions of docs/STATISTICS.md, aggregated in SQL; re-exports only.

The names are imported on first use (a module `__getattr__`): the light parts (measures, suppression,
display) serve a command that reads cached figures without loading the database layer.
"""

from typing import TYPE_CHECKING

from coordinator.lazy import reexported

if TYPE_CHECKING:
    from coordinator.stats.card import IndicatorResult, Scorecard
    from coordinator.stats.gender import gender_statistics, sector_dominance
    from coordinator.stats.indicators import COMPUTED, placement_coverage_counts
    from coordinator.stats.measures import (GENDER_KEYS, dissimilarity_index, non_traditional_count,
                                            non_traditional_share, rate, status_for)
    from coordinator.stats.scope import TYPE_PREFIXES, resolve_school, resolve_year
    from coordinator.stats.scorecard import (UNITS, IndicatorSpec, add_manual_indicator, compute_scorecard,
                                             default_indicators, delete_indicator, seed_default_indicators,
                                             set_manual_value, update_indicator)
    from coordinator.stats.scorecard_suppression import suppress_scorecard
    from coordinator.stats.suppression import SECONDARY_MARK, is_suppressed, suppress


__all__ = [
    "COMPUTED", "GENDER_KEYS", "SECONDARY_MARK", "TYPE_PREFIXES", "UNITS", "IndicatorResult", "IndicatorSpec",
    "Scorecard", "add_manual_indicator", "compute_scorecard", "default_indicators", "delete_indicator",
    "dissimilarity_index", "gender_statistics", "is_suppressed", "non_traditional_count", "non_traditional_share",
    "placement_coverage_counts", "rate", "resolve_school", "resolve_year", "sector_dominance",
    "seed_default_indicators", "set_manual_value", "status_for", "suppress", "suppress_scorecard", "update_indicator",
]
_HOMES = {
    **dict.fromkeys(("gender_statistics", "sector_dominance"), "coordinator.stats.gender"),
    **dict.fromkeys(("COMPUTED", "placement_coverage_counts"), "coordinator.stats.indicators"),
    **dict.fromkeys(("GENDER_KEYS", "dissimilarity_index", "non_traditional_count", "non_traditional_share", "rate",
                     "status_for"), "coordinator.stats.measures"),
    **dict.fromkeys(("TYPE_PREFIXES", "resolve_school", "resolve_year"), "coordinator.stats.scope"),
    **dict.fromkeys(("IndicatorResult", "Scorecard"), "coordinator.stats.card"),
    **dict.fromkeys(("UNITS", "IndicatorSpec", "add_manual_indicator",
                     "compute_scorecard", "default_indicators", "delete_indicator", "seed_default_indicators",
                     "set_manual_value", "update_indicator"), "coordinator.stats.scorecard"),
    "suppress_scorecard": "coordinator.stats.scorecard_suppression",
    **dict.fromkeys(("SECONDARY_MARK", "is_suppressed", "suppress"), "coordinator.stats.suppression"),
}


def __getattr__(name: str) -> object:
    return reexported(__name__, name, _HOMES)
