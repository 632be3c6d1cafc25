"""What a new placement proposes once its pupil is chosen: the class's placement period, and hours the law allows.

The period is the one most of the pupil's classmates are placed in (their PRAO or APL weeks) among the
placements that have not ended yet; the hours a day are those placements' usual hours, never more than
the law allows the pupil on the first day (coordinator.reference.labour_rules). A field is left out
when there is nothing to go on, so the form keeps what it has.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import Enrolment, Placement, PlacementStatus
from coordinator.pupil_ages import country_rules, pupil_facts
from coordinator.reference.labour_rules import assumed_band, band_on


def _classmates_period(session: Session, pupil_id: int, today: dt.date) -> dict[str, Any]:
    """The most common period (with its days and daily hours) of the classmates' coming or current placements."""
    class_id = session.scalar(select(Enrolment.class_id).where(Enrolment.pupil_id == pupil_id)
                              .order_by(Enrolment.school_year_id.desc()).limit(1))
    if class_id is None:
        return {}
    classmates = select(Enrolment.pupil_id).where(Enrolment.class_id == class_id, Enrolment.pupil_id != pupil_id)
    rows = session.execute(
        select(Placement.start_date, Placement.end_date, Placement.days, Placement.hours_per_day,
               Placement.daily_start, Placement.daily_end)
        .where(Placement.pupil_id.in_(classmates), Placement.end_date >= today,
               Placement.status != PlacementStatus.CANCELLED)).all()
    if not rows:
        return {}
    periods = Counter((r.start_date, r.end_date) for r in rows)
    (start, end), _count = max(periods.items(), key=lambda item: (item[1], -item[0][0].toordinal()))
    same = [r for r in rows if (r.start_date, r.end_date) == (start, end)]
    common = Counter((r.days, r.hours_per_day, r.daily_start, r.daily_end) for r in same).most_common(1)[0][0]
    return {"start_date": start, "end_date": end, "days": common[0], "hours_per_day": common[1],
            "daily_start": common[2], "daily_end": common[3]}


def placement_defaults(session: Session, pupil_id: int, today: dt.date) -> dict[str, Any]:
    """Values a new placement of `pupil_id` may start from (see the module's note); only the known ones."""
    found = {k: v for k, v in _classmates_period(session, pupil_id, today).items() if v is not None}
    rules = country_rules(session)
    if rules is None:
        return found
    first = found.get("start_date", today)
    facts = pupil_facts(session, pupil_id, first)
    if facts.birth_date is not None:
        band = band_on(rules, facts.birth_date, first, compulsory_school=facts.compulsory_school)
    else:
        band = assumed_band(rules) if facts.compulsory_school else None
    if band is not None:
        allowed = band.hours_per_day.value
        found["hours_per_day"] = min(found.get("hours_per_day", allowed), allowed)
    return found
