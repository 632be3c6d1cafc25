"""A scorecard's indicators over up to five school years, oldest first, for the trend charts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import IndicatorValue, SchoolYear
from coordinator.stats.indicators import COMPUTED, YearValues, compute_values
from coordinator.stats.scope import Year, resolve_school, resolve_year
from coordinator.stats.scorecard import _indicators_for

TREND_YEARS = 5


def scorecard_trend(session: Session, *, year: str | None, school: str | None = None, years: int = TREND_YEARS,
                    values: YearValues | None = None) -> tuple[list[str], dict[int, list[float | None]]]:
    """(year labels, oldest first; indicator id → its value in each of those years) for up to `years`
    school years held up to and including `year`; `values` as for compute_scorecard."""
    values = values or (lambda keys, of_year, school_id: compute_values(session, keys, of_year, school_id))
    this_year = resolve_year(session, year)
    school_id, _name = resolve_school(session, school)
    held = list(session.execute(select(SchoolYear.id, SchoolYear.label, SchoolYear.starts_on, SchoolYear.ends_on)
                                .where(SchoolYear.starts_on <= this_year.starts_on)
                                .order_by(SchoolYear.starts_on.desc()).limit(years)))[::-1]
    rows = _indicators_for(session, school_id)
    keys = sorted({row.key for row in rows if row.key in COMPUTED})
    manual_ids = [row.id for row in rows if row.key not in COMPUTED]
    manual = {(i, y): v for i, y, v in session.execute(
        select(IndicatorValue.indicator_id, IndicatorValue.school_year_id, IndicatorValue.value)
        .where(IndicatorValue.indicator_id.in_(manual_ids)))}
    series: dict[int, list[float | None]] = {row.id: [] for row in rows}
    for held_year in held:
        computed = values(keys, Year(*held_year), school_id)
        for row in rows:
            value = computed[row.key] if row.key in COMPUTED else manual.get((row.id, held_year.id))
            series[row.id].append(value)
    return [y.label for y in held], series


__all__ = ["TREND_YEARS", "scorecard_trend"]
