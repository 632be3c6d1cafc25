"""The visits and placements a scope covers, read once into plain records the documents lay out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from coordinator.documents.scope import Scope
from coordinator.form_words import FormWords, generic_words, words_of
from coordinator.i18n import _
from coordinator.models import (
    ActivityStatus,
    Contact,
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolForm,
    StudyVisit,
    Teacher,
    study_visit_classes,
    study_visit_teachers,
)


def protected_name() -> str:
    return _("Pupil (protected identity)")


def pupil_name(first: str, last: str, protected: bool) -> str:
    """A pupil's name as printed: never the real one for a protected identity."""
    return protected_name() if protected else f"{first} {last}"


def _person(first: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, last) if p)


@dataclass(frozen=True)
class Host:
    id: int
    name: str
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class Person:
    name: str
    phone: str
    email: str
    role: str = ""


@dataclass(frozen=True)
class PlacementItem:
    id: int
    pupil_id: int
    pupil: str  # already masked for a protected identity
    protected: bool
    guardian_name: str
    guardian_phone: str
    class_name: str
    grade: str
    school: str
    school_phone: str
    school_email: str
    school_address: str
    mentor: Person | None
    host: Host
    supervisor: Person | None
    start: dt.date
    end: dt.date
    days: int
    hours_per_day: float
    daily_start: dt.time | None
    daily_end: dt.time | None
    status: PlacementStatus
    what_to_bring: str
    words: FormWords = field(default_factory=generic_words)  # the pupil's school form's words


@dataclass
class VisitItem:
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    host: Host
    contact: Person | None
    status: ActivityStatus
    transport_note: str
    classes: list[str] = field(default_factory=list)
    teachers: list[str] = field(default_factory=list)


def _address(address: str | None, postal_code: str | None, town: str | None) -> str:
    place = " ".join(p for p in (postal_code, town) if p)
    return ", ".join(p for p in (address, place) if p)


def _host(org: Organisation) -> Host:
    return Host(id=org.id, name=org.name, address=_address(org.address, org.postal_code, org.town),
                phone=org.phone or "", email=org.email or "")


def _contact(contact: Contact | None) -> Person | None:
    if contact is None:
        return None
    return Person(name=_person(contact.first_name, contact.last_name), phone=contact.phone or "",
                  email=contact.email or "", role=contact.role or "")


def placements_in_scope(session: Session, scope: Scope) -> list[PlacementItem]:
    """Placements (not cancelled) of the year that overlap the date range, of pupils in scope, by date."""
    supervisor = aliased(Contact)
    mentor = aliased(Teacher)
    query = (
        select(Placement, Pupil, Organisation, supervisor, SchoolClass, School, mentor, SchoolForm)
        .join(Pupil, Pupil.id == Placement.pupil_id)
        .join(Organisation, Organisation.id == Placement.host_id)
        .outerjoin(supervisor, supervisor.id == Placement.supervisor_id)
        .join(Enrolment, and_(Enrolment.pupil_id == Pupil.id, Enrolment.school_year_id == scope.year_id))
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .outerjoin(mentor, mentor.id == SchoolClass.mentor_id)
        .join(SchoolForm, SchoolForm.id == School.school_type_id)
        .where(Placement.school_year_id == scope.year_id,
               Placement.status != PlacementStatus.CANCELLED,
               Placement.start_date <= scope.date_to, Placement.end_date >= scope.date_from)
        .order_by(Placement.start_date, School.name, SchoolClass.name, Pupil.last_name, Pupil.first_name,
                  Placement.id)
    )
    class_ids = scope.class_ids(session)
    if class_ids is not None:
        query = query.where(SchoolClass.id.in_(class_ids))
    if scope.placement_ids is not None:
        query = query.where(Placement.id.in_(scope.placement_ids))
    items = []
    words: dict[int, FormWords] = {}
    for placement, pupil, org, sup, klass, school, teacher, form in session.execute(query):
        if form.id not in words:
            words[form.id] = words_of(form)
        items.append(PlacementItem(
            id=placement.id, pupil_id=pupil.id,
            pupil=pupil_name(pupil.first_name, pupil.last_name, pupil.protected_identity),
            protected=pupil.protected_identity,
            guardian_name="" if pupil.protected_identity else (pupil.guardian_name or ""),
            guardian_phone="" if pupil.protected_identity else (pupil.guardian_phone or ""),
            class_name=klass.name, grade=klass.grade, school=school.name, school_phone=school.phone or "",
            school_email=school.email or "",
            school_address=_address(school.address, school.postal_code, school.town),
            mentor=(Person(name=_person(teacher.first_name, teacher.last_name), phone=teacher.phone or "",
                           email=teacher.email or "") if teacher is not None else None),
            host=_host(org), supervisor=_contact(sup), start=placement.start_date, end=placement.end_date,
            days=placement.days, hours_per_day=placement.hours_per_day, daily_start=placement.daily_start,
            daily_end=placement.daily_end, status=placement.status, what_to_bring=placement.what_to_bring or "",
            words=words[form.id],
        ))
    return items


def visits_in_scope(session: Session, scope: Scope) -> list[VisitItem]:
    """Study visits (not cancelled) of the year in the date range, of classes or teachers in scope, by time."""
    start = dt.datetime.combine(scope.date_from, dt.time.min)
    end = dt.datetime.combine(scope.date_to, dt.time.max)
    query = (
        select(StudyVisit, Organisation, Contact)
        .join(Organisation, Organisation.id == StudyVisit.host_id)
        .outerjoin(Contact, Contact.id == StudyVisit.contact_id)
        .where(StudyVisit.school_year_id == scope.year_id, StudyVisit.status != ActivityStatus.CANCELLED,
               StudyVisit.starts_at >= start, StudyVisit.starts_at <= end)
        .order_by(StudyVisit.starts_at, StudyVisit.id)
    )
    class_ids = scope.class_ids(session)
    if class_ids is not None:
        by_class = select(study_visit_classes.c.study_visit_id).where(
            study_visit_classes.c.class_id.in_(class_ids))
        conditions = [StudyVisit.id.in_(by_class)]
        if scope.teacher_id is not None:
            conditions.append(StudyVisit.id.in_(select(study_visit_teachers.c.study_visit_id).where(
                study_visit_teachers.c.teacher_id == scope.teacher_id)))
        query = query.where(or_(*conditions))
    visits = [VisitItem(id=v.id, title=v.title or "", starts_at=v.starts_at, ends_at=v.ends_at, host=_host(org),
                        contact=_contact(contact), status=v.status, transport_note=v.transport_note or "")
              for v, org, contact in session.execute(query)]
    if not visits:
        return visits
    ids = [v.id for v in visits]
    classes: dict[int, list[str]] = defaultdict(list)
    for visit_id, name, school in session.execute(
            select(study_visit_classes.c.study_visit_id, SchoolClass.name, School.name)
            .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
            .join(School, School.id == SchoolClass.school_id)
            .where(study_visit_classes.c.study_visit_id.in_(ids)).order_by(SchoolClass.name)):
        classes[visit_id].append(name if scope.school_id is not None else f"{name} ({school})")
    teachers: dict[int, list[str]] = defaultdict(list)
    for visit_id, first, last in session.execute(
            select(study_visit_teachers.c.study_visit_id, Teacher.first_name, Teacher.last_name)
            .join(Teacher, Teacher.id == study_visit_teachers.c.teacher_id)
            .where(study_visit_teachers.c.study_visit_id.in_(ids)).order_by(Teacher.last_name)):
        teachers[visit_id].append(_person(first, last))
    for visit in visits:
        visit.classes = classes.get(visit.id, [])
        visit.teachers = teachers.get(visit.id, [])
    return visits
