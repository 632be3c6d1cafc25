"""Small numbers on a scorecard meant for others: a pupil share or index that gives a small count back is withheld.

The same rule as the gender statistics (suppression.py): a share is withheld when its numerator or
its complement (denominator − numerator) is from 1 to threshold−1, an index when any girls' or boys'
sector count behind it, or its complement, is; what stays is rounded to whole percent (an index to
two decimals). Indicators that count no pupils (partners, meetings, actions) are left as they are.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from coordinator.stats.display import shown_value
from coordinator.stats.gender import pupil_counts, sector_dominance
from coordinator.stats.indicators import placement_coverage_counts, placement_mix
from coordinator.stats.measures import non_traditional_count, status_for
from coordinator.stats.outcome_indicators import OUTCOME_KEYS, outcome_counts
from coordinator.stats.scope import Year, previous_year, resolve_school, resolve_year
from coordinator.stats.scorecard import IndicatorResult, Scorecard
from coordinator.stats.suppression import gives_small_count

PUPIL_INDICATORS = ("encounter_rate", "placement_coverage", "non_traditional_share", "dissimilarity_index",
                    *OUTCOME_KEYS)


def _counts(session: Session, key: str, year: Year, school_id: int | None) -> list[tuple[float, float]]:
    """(numerator, denominator) pairs a reader could recover from the indicator's value."""
    if key == "encounter_rate":
        rows = pupil_counts(session, year.id, school_id)
        return [(sum(r[4] for r in rows), sum(r[3] for r in rows))]
    if key == "placement_coverage":
        return [placement_coverage_counts(session, year, school_id)]
    if key in OUTCOME_KEYS:  # a plain count of pupils is its own numerator, with nothing to subtract from
        count, total = outcome_counts(session, key, year, school_id)
        return [(count, count if total is None else total)]
    by_sector, girl_boy = placement_mix(session, year, school_id)
    if key == "non_traditional_share":
        return [(non_traditional_count(by_sector, sector_dominance(session)), girl_boy)]
    pairs: list[tuple[float, float]] = []
    for gender in ("girl", "boy"):
        total = sum(cells[gender] for cells in by_sector.values())
        pairs += [(cells[gender], total) for cells in by_sector.values()]
    return pairs


def _shown(value: float | None, pairs: list[tuple[float, float]], threshold: int) -> float | None:
    if value is None or any(gives_small_count(count, total, threshold) for count, total in pairs):
        return None
    return round(value, 2)


def suppress_scorecard(session: Session, card: Scorecard, *, threshold: int = 5) -> Scorecard:
    """A copy of `card` with the pupil indicators that would give a small count back withheld (None)."""
    this_year = resolve_year(session, card.year)
    last = previous_year(session, this_year)
    school_id, _name = resolve_school(session, card.school)
    lines: list[IndicatorResult] = []
    for line in card.lines:
        if line.manual or line.key not in PUPIL_INDICATORS:
            lines.append(line)
            continue
        value = _shown(line.value, _counts(session, line.key, this_year, school_id), threshold)
        before = _shown(line.last_year, _counts(session, line.key, last, school_id), threshold) if last else None
        lines.append(dataclasses.replace(line, value=value, last_year=before, status=status_for(
            shown_value(line.unit, value), line.target, line.direction, line.amber_band)))
    return dataclasses.replace(card, lines=lines)
