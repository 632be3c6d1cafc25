"""The scorecard's outcome indicators, each a (numerator, denominator) of SQL counts for a year and scope.

- non-traditional choices (year Y): the non-traditional share of the leavers' first-ranked choices
  of Y (stats/outcomes.py), girls and boys only;
- graduates employed 6 months on (year Y): of last year's graduates (they left at the end of Y−1, so
  their 6-month follow-up falls in Y) with a destination recorded at 6 months, the share employed;
- employed at partner organisations: of those employed, the share at a partner;
- target-training contracts filled: last year's graduates with a target-training contract (целевое
  обучение) who are employed 6 months on.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.reference.outcomes import dominated_by
from coordinator.settings import profile_code
from coordinator.stats.measures import rate
from coordinator.stats.outcomes import _cohort, _first_choices, destination_rows, final_grades
from coordinator.stats.scope import Year, included_types, previous_year

OUTCOME_KEYS = ("non_traditional_choices", "graduates_employed", "employed_at_partners", "target_training_filled")


def choice_counts(session: Session, year: Year, school_id: int | None) -> tuple[int, int]:
    """(girls and boys whose first choice is dominated by the other gender, girls and boys with a choice)."""
    grades = final_grades(included_types(session, school_id), compulsory=True)
    if not grades:
        return 0, 0
    cohort, chosen = _cohort(year.id, school_id, grades), _first_choices(year.id)
    rows = session.execute(select(chosen.c.key, cohort.c.gender, func.count())
                           .join(chosen, chosen.c.pupil_id == cohort.c.pupil_id)
                           .where(cohort.c.gender.in_(("girl", "boy")))
                           .group_by(chosen.c.key, cohort.c.gender))
    profile = profile_code(session)
    crossing = total = 0
    for key, gender, count in rows:
        gender = getattr(gender, "value", gender)
        total += count
        crossing += count if dominated_by(profile, key) not in (None, gender) else 0
    return crossing, total


def graduate_counts(session: Session, year: Year, school_id: int | None) -> dict[str, int] | None:
    """Last year's graduates 6 months on: recorded, employed, at partners, target training employed."""
    last = previous_year(session, year)
    if last is None:
        return None
    sums = dict.fromkeys(("recorded", "employed", "at_partner", "target_training"), 0)
    for row in destination_rows(session, last.id, school_id, 6, employed_target_training=True):
        _programme, _gender, _graduates, recorded, employed, at_partner, *_rest, target = row
        sums["recorded"] += recorded
        sums["employed"] += employed
        sums["at_partner"] += at_partner
        sums["target_training"] += target
    return sums


def outcome_counts(session: Session, key: str, year: Year, school_id: int | None) -> tuple[float, float | None]:
    """(numerator, denominator) of an outcome indicator; the denominator is None for a plain count."""
    if key == "non_traditional_choices":
        return choice_counts(session, year, school_id)
    sums = graduate_counts(session, year, school_id)
    if sums is None:
        return 0, 0
    if key == "graduates_employed":
        return sums["employed"], sums["recorded"]
    if key == "employed_at_partners":
        return sums["at_partner"], sums["employed"]
    return sums["target_training"], None


def outcome_value(session: Session, year: Year, school_id: int | None, *, key: str) -> float | None:
    count, total = outcome_counts(session, key, year, school_id)
    if total is None:
        return float(count)
    return rate(count, total)


__all__ = ["OUTCOME_KEYS", "choice_counts", "graduate_counts", "outcome_counts", "outcome_value"]
