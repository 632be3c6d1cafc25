"""The rows of each exported kind, read in SQL, under headers that the import recognises again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from coordinator.errors import UserError
from coordinator.i18n import N_, _
from coordinator.models import (
    Contact,
    Encounter,
    Enrolment,
    Gender,
    Meeting,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    StudyVisit,
    Teacher,
    Training,
    study_visit_classes,
)
from coordinator.years import school_year_id
from coordinator.transfer.plan import FIELDS

TITLES: dict[str, str] = {
    "pupils": N_("Pupils"), "organisations": N_("Organisations"), "contacts": N_("Contacts"),
    "placements": N_("Placements"), "study-visits": N_("Study visits"), "schools": N_("Schools"),
    "classes": N_("Classes"), "teachers": N_("Teachers"), "encounters": N_("Encounters"),
    "trainings": N_("Trainings"), "meetings": N_("Meetings"),
}

_EXTRA_LABELS: dict[str, str] = {
    "school_type": N_("School type"), "year": N_("School year"), "pupils": N_("Pupils"),
    "headteacher": N_("Headteacher"), "subject": N_("Subject"), "kind": N_("Kind"), "date": N_("Date"),
    "hours": N_("Hours"), "location": N_("Place"), "vocational_profile": N_("Vocational profile"),
    "id": N_("Id"), "mentor": N_("Mentor"),
}


@dataclass
class Table:
    headers: dict[str, str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    left_out: int = 0
    included: int = 0


def title_of(kind: str) -> str:
    from coordinator.transfer.export_clusters import TITLES as CLUSTER_TITLES

    return _(TITLES.get(kind) or CLUSTER_TITLES[kind])


def _labels(kind: str, keys: list[str]) -> dict[str, str]:
    known = {f.name: f.label for f in FIELDS.get(kind, ())}
    return {key: known.get(key) or _(_EXTRA_LABELS.get(key, key)) for key in keys}


def table_of(session: Session, kind: str, *, include_protected: bool) -> Table:
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise UserError(_("“{kind}” cannot be exported; choose one of: {kinds}.").format(
            kind=kind, kinds=", ".join(_BUILDERS)))
    return builder(session, include_protected)


def _label(value: Any) -> Any:
    return value.label if hasattr(value, "label") else value


def _pupils(session: Session, include_protected: bool) -> Table:
    year_id = school_year_id(session)
    keys = ["first_name", "last_name", "class_name", "grade", "gender", "birth_date", "external_id", "school",
            "protected_identity", "guardian_name", "guardian_phone", "notes"]
    table = Table(_labels("pupils", keys))
    # Columns, not ORM objects: a region exports 100,000 pupils.
    query = (select(Pupil.first_name, Pupil.last_name, SchoolClass.name.label("class_name"), SchoolClass.grade,
                    Pupil.gender, Pupil.birth_date, Pupil.external_id, School.name.label("school"),
                    Pupil.protected_identity, Pupil.guardian_name, Pupil.guardian_phone, Pupil.notes)
             .outerjoin(Enrolment, and_(Enrolment.pupil_id == Pupil.id, Enrolment.school_year_id == year_id))
             .outerjoin(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .outerjoin(School, School.id == SchoolClass.school_id)
             .order_by(School.name, SchoolClass.name, Pupil.last_name, Pupil.first_name))
    gender_labels = {g: g.label for g in Gender}
    yes, no = _("yes"), _("no")
    for row in session.execute(query):
        if row.protected_identity:
            if not include_protected:
                table.left_out += 1
                continue
            table.included += 1
        values = row._asdict()
        values["gender"] = gender_labels[row.gender]
        values["protected_identity"] = yes if row.protected_identity else no
        table.rows.append(values)
    return table


def _organisations(session: Session, include_protected: bool) -> Table:
    keys = ["name", "org_number", "sector", "kind", "address", "postal_code", "town", "municipality", "phone",
            "email", "website", "places_offered", "notes"]
    table = Table(_labels("organisations", keys))
    for org in session.scalars(select(Organisation).order_by(Organisation.name)):
        row = {key: getattr(org, key, None) for key in keys}
        row["sector"] = org.sector_code
        row["kind"] = org.kind.label
        table.rows.append(row)
    return table


def _contacts(session: Session, include_protected: bool) -> Table:
    keys = ["first_name", "last_name", "organisation", "org_number", "role", "phone", "email", "notes"]
    table = Table(_labels("contacts", keys))
    query = (select(Contact, Organisation.name, Organisation.org_number)
             .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
             .order_by(Contact.last_name, Contact.first_name))
    for contact, org_name, org_number in session.execute(query):
        table.rows.append({"first_name": contact.first_name, "last_name": contact.last_name,
                           "organisation": org_name, "org_number": org_number, "role": contact.role,
                           "phone": contact.phone, "email": contact.email, "notes": contact.notes})
    return table


def _placements(session: Session, include_protected: bool) -> Table:
    keys = ["external_id", "first_name", "last_name", "class_name", "school", "organisation", "org_number",
            "start_date", "end_date", "days", "hours_per_day", "daily_start", "daily_end", "status", "supervisor",
            "notes"]
    table = Table(_labels("placements", keys))
    supervisor = aliased(Contact)
    query = (select(Pupil.id.label("pupil_id"), Pupil.protected_identity, Pupil.external_id, Pupil.first_name,
                    Pupil.last_name, SchoolClass.name.label("class_name"), School.name.label("school"),
                    Organisation.name.label("organisation"), Organisation.org_number, Placement.start_date,
                    Placement.end_date, Placement.days, Placement.hours_per_day, Placement.daily_start,
                    Placement.daily_end, Placement.status,
                    supervisor.first_name.label("sup_first"), supervisor.last_name.label("sup_last"),
                    Placement.notes)
             .join(Pupil, Pupil.id == Placement.pupil_id)
             .join(Organisation, Organisation.id == Placement.host_id)
             .outerjoin(Enrolment, and_(Enrolment.pupil_id == Pupil.id,
                                        Enrolment.school_year_id == Placement.school_year_id))
             .outerjoin(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .outerjoin(School, School.id == SchoolClass.school_id)
             .outerjoin(supervisor, supervisor.id == Placement.supervisor_id)
             .order_by(Placement.start_date, Pupil.last_name))
    protected: set[int] = set()
    status_labels = {s: s.label for s in PlacementStatus}
    for row in session.execute(query):
        if row.protected_identity:
            protected.add(row.pupil_id)
            if not include_protected:
                continue
        values = {key: getattr(row, key) for key in keys if key not in ("status", "supervisor")}
        values["status"] = status_labels[row.status]
        values["supervisor"] = f"{row.sup_first} {row.sup_last}" if row.sup_last else None
        table.rows.append(values)
    if include_protected:
        table.included = len(protected)
    else:
        table.left_out = len(protected)
    return table


def _study_visits(session: Session, include_protected: bool) -> Table:
    keys = ["organisation", "org_number", "title", "start_date", "end_date", "class_name", "status", "notes"]
    table = Table(_labels("study-visits", keys))
    names: dict[int, list[str]] = {}
    for visit_id, class_name in session.execute(
            select(study_visit_classes.c.study_visit_id, SchoolClass.name)
            .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id).order_by(SchoolClass.name)):
        names.setdefault(visit_id, []).append(class_name)
    query = (select(StudyVisit, Organisation.name, Organisation.org_number)
             .join(Organisation, Organisation.id == StudyVisit.host_id).order_by(StudyVisit.starts_at))
    for visit, org_name, org_number in session.execute(query):
        table.rows.append({
            "organisation": org_name, "org_number": org_number, "title": visit.title,
            "start_date": visit.starts_at.date(), "end_date": visit.ends_at.date() if visit.ends_at else None,
            "class_name": ", ".join(names.get(visit.id, [])), "status": visit.status.label, "notes": visit.notes,
        })
    return table


def _schools(session: Session, include_protected: bool) -> Table:
    keys = ["name", "school_type", "address", "postal_code", "town", "phone", "email", "headteacher"]
    table = Table({**_labels("organisations", keys), "school_type": _("School type"),
                   "headteacher": _("Headteacher")})
    for school, type_name in session.execute(select(School, SchoolType.name)
                                             .join(SchoolType, SchoolType.id == School.school_type_id)
                                             .order_by(School.name)):
        row = {key: getattr(school, key, None) for key in keys}
        row["school_type"] = _(type_name)
        table.rows.append(row)
    return table


def _classes(session: Session, include_protected: bool) -> Table:
    keys = ["school", "year", "class_name", "grade", "vocational_profile", "pupils"]
    table = Table(_labels("pupils", keys))
    counts = dict(session.execute(select(Enrolment.class_id, func.count()).group_by(Enrolment.class_id)).all())
    query = (select(SchoolClass, School.name, SchoolYear.label).join(School, School.id == SchoolClass.school_id)
             .join(SchoolYear, SchoolYear.id == SchoolClass.school_year_id)
             .order_by(SchoolYear.starts_on, School.name, SchoolClass.name))
    for cls, school, year in session.execute(query):
        table.rows.append({"school": school, "year": year, "class_name": cls.name, "grade": cls.grade,
                           "vocational_profile": cls.vocational_profile, "pupils": counts.get(cls.id, 0)})
    return table


def _teachers(session: Session, include_protected: bool) -> Table:
    keys = ["first_name", "last_name", "school", "subject", "email", "phone"]
    table = Table(_labels("pupils", keys) | _labels("contacts", ["email", "phone"]))
    for teacher, school in session.execute(select(Teacher, School.name).outerjoin(School, School.id ==
                                                                                  Teacher.school_id)
                                           .order_by(Teacher.last_name, Teacher.first_name)):
        table.rows.append({"first_name": teacher.first_name, "last_name": teacher.last_name, "school": school,
                           "subject": teacher.subject, "email": teacher.email, "phone": teacher.phone})
    return table


def _encounters(session: Session, include_protected: bool) -> Table:
    keys = ["date", "title", "kind", "organisation", "status", "notes"]
    table = Table(_labels("study-visits", keys))
    for item, org in session.execute(select(Encounter, Organisation.name)
                                     .outerjoin(Organisation, Organisation.id == Encounter.organisation_id)
                                     .order_by(Encounter.date)):
        table.rows.append({"date": item.date, "title": item.title, "kind": item.kind.label, "organisation": org,
                           "status": item.status.label, "notes": item.notes})
    return table


def _trainings(session: Session, include_protected: bool) -> Table:
    keys = ["title", "organisation", "start_date", "end_date", "hours", "status", "notes"]
    table = Table(_labels("study-visits", keys))
    for item, org in session.execute(select(Training, Organisation.name)
                                     .outerjoin(Organisation, Organisation.id == Training.organisation_id)
                                     .order_by(Training.start_date)):
        table.rows.append({"title": item.title, "organisation": org, "start_date": item.start_date,
                           "end_date": item.end_date, "hours": item.hours, "status": item.status.label,
                           "notes": item.notes})
    return table


def _meetings(session: Session, include_protected: bool) -> Table:
    keys = ["date", "title", "kind", "location", "status", "notes"]
    table = Table(_labels("study-visits", keys))
    for item in session.scalars(select(Meeting).order_by(Meeting.date)):
        table.rows.append({"date": item.date, "title": item.title, "kind": item.kind.label,
                           "location": item.location, "status": item.status.label, "notes": item.notes})
    return table


_BUILDERS = {
    "pupils": _pupils, "organisations": _organisations, "contacts": _contacts, "placements": _placements,
    "study-visits": _study_visits, "schools": _schools, "classes": _classes, "teachers": _teachers,
    "encounters": _encounters, "trainings": _trainings, "meetings": _meetings,
}


def _cluster_builder(kind: str) -> Any:
    from coordinator.transfer import export_clusters

    def build(session: Session, include_protected: bool) -> Table:
        headers, rows = export_clusters.BUILDERS[kind](session)
        return Table(headers, rows)

    return build


for _kind in ("networks", "agreements", "contact-log", "projects", "costs", "action-plans", "indicators"):
    _BUILDERS[_kind] = _cluster_builder(_kind)
