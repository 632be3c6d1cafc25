"""Placement due by programme: the days or hours a pupil's programme requires by the end of a grade.

A pupil's programme is their own, else their class's. A programme's requirements add up over its grades
in the form's order (APL 25 days in each of years 1–3: 50 days due by the end of year 2); a programme
with no requirement (Naturvetenskapsprogrammet) has no placement due. Pupils without a programme follow
their school form's rule (services.checks).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.models import (
    Enrolment,
    Placement,
    PlacementRequirement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolForm,
)


@dataclass(frozen=True)
class ProgrammeShortfall:
    pupil_id: int
    name: str
    class_name: str
    days_done: int
    days_required: int
    hours_done: int
    hours_required: int


def effective_programme():
    """SQL: the pupil's own programme, else the class's."""
    return func.coalesce(Pupil.programme_id, SchoolClass.programme_id)


def programme_shortfalls(session: Session, *, year_id: int, grade: str,
                         school_id: int | None = None) -> list[ProgrammeShortfall]:
    """Pupils of the grade whose programme requires more days or hours by now than they have done."""
    programme = effective_programme()
    query = (select(Pupil.id, Pupil.first_name, Pupil.last_name, SchoolClass.name, programme, SchoolForm.grades)
             .select_from(Enrolment).join(Pupil, Pupil.id == Enrolment.pupil_id)
             .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .join(School, School.id == SchoolClass.school_id)
             .join(SchoolForm, SchoolForm.id == School.school_type_id)
             .where(Enrolment.school_year_id == year_id, SchoolClass.grade == grade, programme.is_not(None)))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    pupils = session.execute(query).all()
    if not pupils:
        return []
    needs: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for programme_id, label, days, hours in session.execute(
            select(PlacementRequirement.programme_id, PlacementRequirement.grade, PlacementRequirement.days,
                   PlacementRequirement.hours)
            .where(PlacementRequirement.programme_id.in_({row[4] for row in pupils}))):
        needs[programme_id].append((label, days, hours))
    done = dict((pid, (int(d or 0), int(h or 0))) for pid, d, h in session.execute(
        select(Placement.pupil_id, func.sum(Placement.days), func.sum(Placement.days * Placement.hours_per_day))
        .where(Placement.pupil_id.in_({row[0] for row in pupils}),
               Placement.status.in_([PlacementStatus.COMPLETED, PlacementStatus.CONFIRMED]))
        .group_by(Placement.pupil_id)))
    short = []
    for pupil_id, first, last, class_name, programme_id, grades in pupils:
        order = [g for g in grades.split(";") if g]
        upto = order.index(grade) if grade in order else len(order)
        due = [(d, h) for label, d, h in needs.get(programme_id, [])
               if (order.index(label) if label in order else len(order)) <= upto]
        days_due, hours_due = sum(d for d, _h in due), sum(h for _d, h in due)
        days_done, hours_done = done.get(pupil_id, (0, 0))
        if days_done < days_due or hours_done < hours_due:
            short.append(ProgrammeShortfall(pupil_id, f"{first} {last}", class_name, days_done, days_due,
                                            hours_done, hours_due))
    return short
