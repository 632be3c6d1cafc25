"""Schools, their classes (per school year) and teachers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.i18n import N_, _
from coordinator.models import Agreement, AgreementKind, Enrolment, Organisation, School, SchoolClass, SchoolType, SchoolYear, Teacher
from coordinator.services.records.base import CHOICE, REF, ColumnSpec, FieldSpec, RecordKind
from coordinator.services.records.organisations import check_contact_fields, country_of
from coordinator.form_words import name_column
from coordinator.years import school_year_id


def _patron_name() -> Any:
    """The class's patron: the organisation of its first patron-class agreement (klasa patronacka)."""
    return (select(Organisation.name).join(Agreement, Agreement.organisation_id == Organisation.id)
            .where(Agreement.class_id == SchoolClass.id, Agreement.kind == AgreementKind.PATRON_CLASS)
            .order_by(Agreement.id).limit(1).correlate(SchoolClass).scalar_subquery())


def _school_types(session: Session) -> list[tuple[Any, str]]:
    return [(i, name) for i, name in session.execute(select(SchoolType.id, name_column()).order_by(SchoolType.id))]


def _years(session: Session) -> list[tuple[Any, str]]:
    return [(i, label) for i, label in session.execute(select(SchoolYear.id, SchoolYear.label)
                                                       .order_by(SchoolYear.starts_on.desc()))]


def _first_type(session: Session) -> int | None:
    return session.scalar(select(SchoolType.id).order_by(SchoolType.id))


class SchoolKindSpec(RecordKind):
    key = "schools"
    guarded_by = ((SchoolClass.__table__, "school_id"),)
    model = School
    title = N_("Schools")
    singular = N_("School")
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("school_type_id", N_("School form"), CHOICE, required=True, choices=_school_types,
                  default=_first_type),
        FieldSpec("address", N_("Address")),
        FieldSpec("postal_code", N_("Postal code")),
        FieldSpec("town", N_("Town")),
        FieldSpec("phone", N_("Phone")),
        FieldSpec("email", N_("E-mail")),
        FieldSpec("headteacher", N_("Headteacher")),
    )

    def base_select(self, *exprs, year_id=None):
        return select(School.id, *exprs).join(SchoolType, SchoolType.id == School.school_type_id)

    def columns(self):
        return (
            ColumnSpec("name", N_("Name"), School.name, searchable=True),
            ColumnSpec("type", N_("School form"), name_column()),
            ColumnSpec("town", N_("Town"), School.town, searchable=True),
            ColumnSpec("headteacher", N_("Headteacher"), School.headteacher, searchable=True),
            ColumnSpec("phone", N_("Phone"), School.phone, searchable=True),
        )

    def check(self, session, values, problems, record_id) -> None:
        check_contact_fields(values, problems, country_of(session))
        if values.get("name"):
            clash = session.scalar(select(School.id).where(School.name == values["name"]))
            if clash is not None and clash != record_id:
                problems["name"] = _("There is already a school called “{name}”.").format(name=values["name"])

    def display_expr(self):
        return School.name


class ClassKindSpec(RecordKind):
    key = "classes"
    choice_filter = ("school_year_id", N_("School year"), _years)
    guarded_by = ((Enrolment.__table__, "class_id"),)
    model = SchoolClass
    title = N_("Classes")
    singular = N_("Class")
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("school_id", N_("School"), REF, required=True, ref="schools"),
        FieldSpec("school_year_id", N_("School year"), CHOICE, required=True, choices=_years,
                  default=lambda s: school_year_id(s)),
        FieldSpec("grade", N_("Grade"), required=True),
        FieldSpec("vocational_profile", N_("Vocational profile")),
        FieldSpec("programme_id", N_("Programme"), REF, ref="programmes"),
        FieldSpec("mentor_id", N_("Mentor"), REF, ref="teachers"),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(SchoolClass.id, *exprs).join(School, School.id == SchoolClass.school_id)
                .join(SchoolYear, SchoolYear.id == SchoolClass.school_year_id))

    def columns(self):
        return (
            ColumnSpec("name", N_("Class"), SchoolClass.name, searchable=True),
            ColumnSpec("school", N_("School"), School.name, searchable=True),
            ColumnSpec("year", N_("School year"), SchoolYear.label, searchable=True),
            ColumnSpec("grade", N_("Grade"), SchoolClass.grade, searchable=True),
            ColumnSpec("profile", N_("Vocational profile"), SchoolClass.vocational_profile, searchable=True),
            ColumnSpec("patron", N_("Patron organisation"), _patron_name(), searchable=True),
        )

    def check(self, session, values, problems, record_id) -> None:
        school = session.get(School, values.get("school_id")) if values.get("school_id") else None
        if school is not None and values.get("grade"):
            grades = school.school_type.grade_list
            if grades and values["grade"] not in grades:
                problems["grade"] = _("Grade “{grade}” is not one of this school's grades: {grades}.").format(
                    grade=values["grade"], grades=", ".join(grades))
        if school is not None and values.get("name") and values.get("school_year_id"):
            clash = session.scalar(select(SchoolClass.id).where(
                SchoolClass.school_id == school.id, SchoolClass.school_year_id == values["school_year_id"],
                SchoolClass.name == values["name"]))
            if clash is not None and clash != record_id:
                problems["name"] = _("This school already has a class “{name}” that year.").format(
                    name=values["name"])

    def display_expr(self):
        return SchoolClass.name + " – " + select(School.name).where(
            School.id == SchoolClass.school_id).scalar_subquery() + " " + select(SchoolYear.label).where(
            SchoolYear.id == SchoolClass.school_year_id).scalar_subquery()


class TeacherKindSpec(RecordKind):
    key = "teachers"
    model = Teacher
    title = N_("Teachers")
    singular = N_("Teacher")
    fields = (
        FieldSpec("first_name", N_("First name"), required=True),
        FieldSpec("last_name", N_("Last name"), required=True),
        FieldSpec("school_id", N_("School"), REF, ref="schools"),
        FieldSpec("subject", N_("Subject")),
        FieldSpec("phone", N_("Phone")),
        FieldSpec("email", N_("E-mail")),
    )

    def base_select(self, *exprs, year_id=None):
        return select(Teacher.id, *exprs).outerjoin(School, School.id == Teacher.school_id)

    def tiebreakers(self):
        return (Teacher.first_name,)

    def columns(self):
        return (
            ColumnSpec("last_name", N_("Last name"), Teacher.last_name, searchable=True),
            ColumnSpec("first_name", N_("First name"), Teacher.first_name, searchable=True),
            ColumnSpec("school", N_("School"), School.name, searchable=True),
            ColumnSpec("subject", N_("Subject"), Teacher.subject, searchable=True),
            ColumnSpec("phone", N_("Phone"), Teacher.phone, searchable=True),
            ColumnSpec("email", N_("E-mail"), Teacher.email, searchable=True),
        )

    def check(self, session, values, problems, record_id) -> None:
        check_contact_fields(values, problems, country_of(session))

    def display_expr(self):
        """"Karin Dahlström (Norra skolan)": the teacher with the school, told apart in a picker."""
        school = select(School.name).where(School.id == Teacher.school_id).correlate(Teacher).scalar_subquery()
        return Teacher.first_name + " " + Teacher.last_name + func.coalesce(" (" + school + ")", "")


SCHOOLS = SchoolKindSpec()
CLASSES = ClassKindSpec()
TEACHERS = TeacherKindSpec()
