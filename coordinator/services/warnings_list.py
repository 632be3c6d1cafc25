"""Every planning warning of a school year at once: the same checks the app's forms show, record by record.

Placements and study visits that are cancelled are never warned about. A pupil short of the placement
days due in a grade is reported on the pupil's latest placement of the year (a pupil without any
placement has no record to carry the warning; the app's "pupils still short" list names them).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from coordinator.i18n import _
from coordinator.models import (
    ActivityStatus,
    Enrolment,
    Placement,
    PlacementStatus,
    SchoolClass,
    SchoolType,
    StudyVisit,
    study_visit_classes,
    study_visit_teachers,
)
from coordinator.services.checks import pupils_lacking_placement_days, placement_warnings, study_visit_warnings
from coordinator.services.warning_codes import DAYS_SHORT
from coordinator.stats.scope import resolve_school
from coordinator.years import resolve_year

PLACEMENT = "placement"
STUDY_VISIT = "study_visit"


@dataclass(frozen=True)
class RecordWarning:
    """One warning about one record: `kind` and `code` are stable words, `message` is translated."""

    kind: str
    id: int
    code: str
    message: str


def _placements(session: Session, year_id: int, school_id: int | None) -> list[Placement]:
    query = (select(Placement).where(Placement.school_year_id == year_id,
                                     Placement.status != PlacementStatus.CANCELLED)
             .order_by(Placement.start_date, Placement.id).distinct())
    if school_id is not None:
        query = query.join(Enrolment, and_(Enrolment.pupil_id == Placement.pupil_id,
                                           Enrolment.school_year_id == year_id)) \
            .join(SchoolClass, SchoolClass.id == Enrolment.class_id).where(SchoolClass.school_id == school_id)
    return list(session.scalars(query))


def _placement_warnings(session: Session, placements: list[Placement]) -> list[RecordWarning]:
    found = []
    for p in placements:
        for warning in placement_warnings(
                session, pupil_id=p.pupil_id, host_id=p.host_id, start_date=p.start_date, end_date=p.end_date,
                hours_per_day=p.hours_per_day, daily_start=p.daily_start, daily_end=p.daily_end, status=p.status,
                risk_assessment_received=p.risk_assessment_received, placement_id=p.id, days=p.days):
            found.append(RecordWarning(PLACEMENT, p.id, warning.code, warning.message))
    return found


def _visit_warnings(session: Session, year_id: int, school_id: int | None) -> list[RecordWarning]:
    query = (select(StudyVisit).where(StudyVisit.school_year_id == year_id,
                                      StudyVisit.status != ActivityStatus.CANCELLED)
             .order_by(StudyVisit.starts_at, StudyVisit.id))
    if school_id is not None:
        query = query.where(StudyVisit.id.in_(
            select(study_visit_classes.c.study_visit_id)
            .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
            .where(SchoolClass.school_id == school_id)))
    found = []
    for visit in session.scalars(query):
        class_ids = list(session.scalars(select(study_visit_classes.c.class_id)
                                         .where(study_visit_classes.c.study_visit_id == visit.id)))
        teacher_ids = list(session.scalars(select(study_visit_teachers.c.teacher_id)
                                           .where(study_visit_teachers.c.study_visit_id == visit.id)))
        for warning in study_visit_warnings(session, starts_at=visit.starts_at, ends_at=visit.ends_at,
                                            class_ids=class_ids, teacher_ids=teacher_ids, host_id=visit.host_id,
                                            visit_id=visit.id):
            found.append(RecordWarning(STUDY_VISIT, visit.id, warning.code, warning.message))
    return found


def _days_short(session: Session, year_label: str, school_id: int | None,
                placements: list[Placement]) -> list[RecordWarning]:
    latest = {p.pupil_id: p.id for p in sorted(placements, key=lambda p: (p.start_date, p.id))}
    grades: list[str] = []
    for listed in session.scalars(select(SchoolType.placement_grades)):
        grades += [g for g in listed.split(";") if g and g not in grades]
    found = []
    for grade in grades:
        for pupil in pupils_lacking_placement_days(session, year=year_label, grade=grade, school_id=school_id):
            if pupil.pupil_id in latest:
                found.append(RecordWarning(PLACEMENT, latest[pupil.pupil_id], DAYS_SHORT, _(
                    "Placement days in grade {grade}: {done} done or confirmed of the {required} due.").format(
                    grade=grade, done=pupil.days_done, required=pupil.days_required)))
    return found


def year_warnings(session: Session, *, year: str | None = None, school: str | None = None) -> list[RecordWarning]:
    """Every warning about the year's placements and study visits, of one school or of all."""
    school_year = resolve_year(session, year)
    school_id, _name = resolve_school(session, school)
    placements = _placements(session, school_year.id, school_id)
    found = _placement_warnings(session, placements)
    found += _days_short(session, school_year.label, school_id, placements)
    found += _visit_warnings(session, school_year.id, school_id)
    order = {p.id: n for n, p in enumerate(placements)}
    return sorted(found, key=lambda w: (w.kind != PLACEMENT, order.get(w.id, 0) if w.kind == PLACEMENT else 0))
