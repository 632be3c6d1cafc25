"""Pupils, with their class in the current school year."""

from __future__ import annotations

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from coordinator.i18n import N_, _
from coordinator.models import Enrolment, Gender, Placement, Pupil, School, SchoolClass
from coordinator.services.records.base import (
    BOOL,
    CHOICE,
    DATE,
    LONGTEXT,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
    today,
)
from coordinator.services.records.organisations import country_of
from coordinator.years import school_year_id
from coordinator.validation import normalise_phone


def _schools(session: Session) -> list[tuple[int, str]]:
    return [(i, name) for i, name in session.execute(select(School.id, School.name).order_by(School.name))]


class PupilKindSpec(RecordKind):
    key = "pupils"
    choice_filter = ("school_id", N_("School"), _schools)
    guarded_by = ((Placement.__table__, "pupil_id"),)
    model = Pupil
    title = N_("Pupils")
    singular = N_("Pupil")
    fields = (
        FieldSpec("first_name", N_("First name"), required=True),
        FieldSpec("last_name", N_("Last name"), required=True),
        FieldSpec("gender", N_("Gender"), CHOICE, required=True, choices=_label_choices(Gender),
                  default=lambda s: Gender.UNSPECIFIED.value),
        FieldSpec("birth_date", N_("Birth date"), DATE),
        FieldSpec("class_id", N_("Class this year"), REF, ref="current_classes"),
        FieldSpec("programme_id", N_("Programme (if not the class's)"), REF, ref="programmes"),
        FieldSpec("external_id", N_("Pupil id in the school system")),
        FieldSpec("protected_identity", N_("Protected identity"), BOOL, default=lambda s: False),
        FieldSpec("guardian_consent", N_("Guardian's consent"), BOOL, default=lambda s: False),
        FieldSpec("guardian_name", N_("Guardian")),
        FieldSpec("guardian_phone", N_("Guardian's phone")),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(Pupil.id, *exprs)
                .outerjoin(Enrolment, and_(Enrolment.pupil_id == Pupil.id, Enrolment.school_year_id == year_id))
                .outerjoin(SchoolClass, SchoolClass.id == Enrolment.class_id)
                .outerjoin(School, School.id == SchoolClass.school_id))

    def tiebreakers(self):
        return (Pupil.first_name,)

    def columns(self):
        return (
            ColumnSpec("last_name", N_("Last name"), Pupil.last_name, searchable=True),
            ColumnSpec("first_name", N_("First name"), Pupil.first_name, searchable=True),
            ColumnSpec("gender", N_("Gender"), Pupil.gender, CHOICE),
            ColumnSpec("class", N_("Class"), SchoolClass.name, searchable=True),
            ColumnSpec("grade", N_("Grade"), SchoolClass.grade),
            ColumnSpec("school", N_("School"), School.name, searchable=True),
            ColumnSpec("birth_date", N_("Birth date"), Pupil.birth_date, DATE),
        )

    def apply_filters(self, query, filters):
        for name, value in filters:
            if name == "school_id":
                query = query.where(School.id == value)
            elif name == "class_id":
                query = query.where(SchoolClass.id == value)
            else:
                query = query.where(getattr(Pupil, name) == value)
        return query

    def extra_values(self, session, obj):
        year = school_year_id(session)
        return {"class_id": session.scalar(select(Enrolment.class_id).where(
            Enrolment.pupil_id == obj.id, Enrolment.school_year_id == year))}

    def check(self, session, values, problems, record_id) -> None:
        if values.get("guardian_phone"):
            try:
                values["guardian_phone"] = normalise_phone(values["guardian_phone"], country_of(session))
            except ValueError as exc:
                problems["guardian_phone"] = str(exc)
        born = values.get("birth_date")
        if born is not None and born > today():
            problems["birth_date"] = _("The birth date is in the future.")
        for flag in ("protected_identity", "guardian_consent"):
            values[flag] = bool(values.get(flag))

    def column_values(self, session, values):
        out = {k: v for k, v in values.items() if k != "class_id"}
        out["gender"] = Gender(out["gender"])
        return out

    def after_save(self, session: Session, record_id, values, created) -> None:
        class_id = values.get("class_id")
        year = school_year_id(session)
        session.execute(delete(Enrolment).where(Enrolment.pupil_id == record_id, Enrolment.school_year_id == year))
        if class_id:
            klass = session.get(SchoolClass, class_id)
            session.execute(delete(Enrolment).where(Enrolment.pupil_id == record_id,
                                                    Enrolment.school_year_id == klass.school_year_id))
            session.add(Enrolment(pupil_id=record_id, class_id=class_id, school_year_id=klass.school_year_id))

    def display_expr(self):
        """"Ella Ahmed (8A, Vasaskolan)": the pupil's latest class and its school, so that two pupils of one
        name are told apart in a picker and a class can be typed to find its pupils."""
        latest = (select(SchoolClass.name + ", " + School.name)
                  .join(Enrolment, Enrolment.class_id == SchoolClass.id).join(School, School.id == SchoolClass.school_id)
                  .where(Enrolment.pupil_id == Pupil.id).order_by(Enrolment.school_year_id.desc()).limit(1)
                  .correlate(Pupil).scalar_subquery())
        return Pupil.first_name + " " + Pupil.last_name + func.coalesce(" (" + latest + ")", "")


class CurrentClassRefs(RecordKind):
    """A picker of the current school year's classes (for a pupil's class)."""

    key = "current_classes"
    model = SchoolClass

    def ref_choices(self, session, text="", *, limit=50, include=(), filters=()):
        year = school_year_id(session)
        label = SchoolClass.name + " – " + School.name
        query = self.apply_filters(select(SchoolClass.id, label).join(School, School.id == SchoolClass.school_id)
                                   .where(SchoolClass.school_year_id == year), filters)
        if text.strip():
            query = query.where(label.ilike(f"%{text.strip()}%"))
        found = [(i, str(lbl)) for i, lbl in session.execute(query.order_by(School.name, SchoolClass.name)
                                                              .limit(limit))]
        have = {i for i, _l in found}
        for i in include:
            if i and i not in have:
                extra = session.execute(select(SchoolClass.id, label).join(School, School.id == SchoolClass.school_id)
                                        .where(SchoolClass.id == i)).first()
                if extra:
                    found.insert(0, (extra[0], str(extra[1])))
        return found


PUPILS = PupilKindSpec()
CURRENT_CLASSES = CurrentClassRefs()
