"""Last year's figures up to the same day, so a year in progress is compared like with like.

Only indicators whose data carry a date can be cut at a day: encounter rate (an activity's day:
a placement's first day, a visit's start, an encounter's day), active and new partners (the same
activities), network meetings (their day) and study visits per class (a visit's start). The rest
have no same-day value (None) and the scorecard says so.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from coordinator.models import (
    ActivityStatus,
    Encounter,
    Enrolment,
    Meeting,
    Placement,
    PlacementStatus,
    SchoolClass,
    SchoolYear,
    StudyVisit,
    encounter_classes,
    encounter_participants,
    study_visit_classes,
    study_visit_participants,
)
from coordinator.stats.measures import rate
from coordinator.stats.scope import Year, previous_year, resolve_school, resolve_year

SAME_DATE_KEYS = ("encounter_rate", "active_partners", "new_partners", "network_meetings", "visits_per_class")


def same_day_last_year(day: dt.date) -> dt.date:
    """The same calendar day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _school_pupils(school_id: int):
    return select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id).where(
        SchoolClass.school_id == school_id)


def _school_classes(school_id: int):
    return select(SchoolClass.id).where(SchoolClass.school_id == school_id)


def _hosts_until(year_ids, until: dt.date, school_id: int | None):
    """Organisations that hosted a placement (confirmed or completed), visit or encounter by `until`."""
    placements = select(Placement.host_id.label("org_id")).where(
        Placement.school_year_id.in_(year_ids), Placement.start_date <= until,
        Placement.status.in_((PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED)))
    visits = select(StudyVisit.host_id).where(StudyVisit.school_year_id.in_(year_ids),
                                              func.date(StudyVisit.starts_at) <= until,
                                              StudyVisit.status != ActivityStatus.CANCELLED)
    encounters = select(Encounter.organisation_id).where(
        Encounter.school_year_id.in_(year_ids), Encounter.date <= until, Encounter.organisation_id.is_not(None),
        Encounter.status != ActivityStatus.CANCELLED)
    if school_id is not None:
        placements = placements.where(Placement.pupil_id.in_(_school_pupils(school_id)))
        visits = visits.where(StudyVisit.id.in_(select(study_visit_classes.c.study_visit_id).where(
            study_visit_classes.c.class_id.in_(_school_classes(school_id)))))
        encounters = encounters.where(Encounter.id.in_(select(encounter_classes.c.encounter_id).where(
            encounter_classes.c.class_id.in_(_school_classes(school_id)))))
    return union(placements, visits, encounters).subquery("hosts")


def _encounter_rate(session: Session, year: Year, until: dt.date, school_id: int | None) -> float | None:
    met = union(
        select(Placement.pupil_id.label("pupil_id")).where(
            Placement.school_year_id == year.id, Placement.start_date <= until,
            Placement.status != PlacementStatus.CANCELLED),
        select(study_visit_participants.c.pupil_id).join(
            StudyVisit, StudyVisit.id == study_visit_participants.c.study_visit_id).where(
            StudyVisit.school_year_id == year.id, func.date(StudyVisit.starts_at) <= until,
            StudyVisit.status != ActivityStatus.CANCELLED),
        select(encounter_participants.c.pupil_id).join(
            Encounter, Encounter.id == encounter_participants.c.encounter_id).where(
            Encounter.school_year_id == year.id, Encounter.date <= until,
            Encounter.status != ActivityStatus.CANCELLED)).subquery("met")
    query = (select(func.count(Enrolment.id), func.count(met.c.pupil_id)).select_from(Enrolment)
             .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .outerjoin(met, met.c.pupil_id == Enrolment.pupil_id).where(Enrolment.school_year_id == year.id))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    pupils, active = session.execute(query).one()
    return rate(active, pupils)


def _partners(session: Session, year: Year, until: dt.date, school_id: int | None) -> tuple[float, float | None]:
    hosts = _hosts_until([year.id], until, school_id)
    active = float(session.scalar(select(func.count()).select_from(hosts)) or 0)
    earlier_ids = select(SchoolYear.id).where(SchoolYear.starts_on < year.starts_on)
    if not session.scalar(select(func.count()).select_from(earlier_ids.subquery())):
        return active, None
    earlier = _hosts_until(earlier_ids, until, None)
    new = session.scalar(select(func.count()).select_from(hosts).where(hosts.c.org_id.not_in(
        select(earlier.c.org_id))))
    return active, float(new or 0)


def _visits_per_class(session: Session, year: Year, until: dt.date, school_id: int | None) -> float | None:
    classes = select(func.count(SchoolClass.id)).where(SchoolClass.school_year_id == year.id)
    links = (select(func.count()).select_from(study_visit_classes)
             .join(StudyVisit, StudyVisit.id == study_visit_classes.c.study_visit_id)
             .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
             .where(StudyVisit.school_year_id == year.id, StudyVisit.status != ActivityStatus.CANCELLED,
                    func.date(StudyVisit.starts_at) <= until, SchoolClass.school_year_id == year.id))
    if school_id is not None:
        classes = classes.where(SchoolClass.school_id == school_id)
        links = links.where(SchoolClass.school_id == school_id)
    return rate(session.scalar(links) or 0, session.scalar(classes) or 0)


def same_date_values(session: Session, *, year: str | None, school: str | None = None,
                     today: dt.date | None = None) -> dict[str, float | None] | None:
    """Last year's values up to the same day as `today`, by indicator key; None when the year is not in
    progress on `today` or there is no last year."""
    today = today or dt.date.today()
    this_year = resolve_year(session, year)
    last = previous_year(session, this_year)
    if last is None or not this_year.starts_on <= today < this_year.ends_on:
        return None
    school_id, _name = resolve_school(session, school)
    until = same_day_last_year(today)
    active, new = _partners(session, last, until, school_id)
    meetings = session.scalar(select(func.count()).select_from(Meeting).where(
        Meeting.school_year_id == last.id, Meeting.date <= until, Meeting.status != ActivityStatus.CANCELLED))
    return {"encounter_rate": _encounter_rate(session, last, until, school_id), "active_partners": active,
            "new_partners": new, "network_meetings": float(meetings or 0),
            "visits_per_class": _visits_per_class(session, last, until, school_id)}


__all__ = ["SAME_DATE_KEYS", "same_date_values", "same_day_last_year"]
