"""What a document covers: school year, school, class, teacher and date range, resolved from names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError, UserError
from coordinator.form_words import find_form, grade_key, grades_in_use, matching_grades
from coordinator.formatting import format_school_year
from coordinator.i18n import _
from coordinator.models import School, SchoolClass, SchoolForm, Teacher
from coordinator.schoolyears import previous_label
from coordinator.settings import get_setting
from coordinator.years import Year, previous_year, resolve_year


@dataclass(frozen=True)
class Scope:
    year: str
    year_id: int
    previous_year: str
    previous_year_id: int | None
    year_start: dt.date
    year_end: dt.date
    date_from: dt.date
    date_to: dt.date
    municipality: str
    school_id: int | None = None
    school_name: str | None = None
    class_id: int | None = None
    class_name: str | None = None
    teacher_id: int | None = None
    teacher_name: str | None = None
    grade: str | None = None  # all classes of one grade (e.g. every grade-8 letter), within the school if named
    placement_ids: frozenset[int] | None = None  # only these placements (a match's letters); None: all in scope
    form_id: int | None = None  # the school form of that grade: technikum grade 3 is not primary grade 3
    grade_label: str | None = None  # the grade as shown: "3", or "T 3" where forms share the label

    def describe(self) -> str:
        """One line naming what the document covers, for its first page."""
        if self.teacher_name:
            return _("Teacher: {name}").format(name=self.teacher_name)
        if self.class_name and self.school_name:
            return _("Class {name}, {school}").format(name=self.class_name, school=self.school_name)
        if self.grade:
            return _("Grade {grade}, {place}").format(grade=self.grade_label or self.grade,
                                                      place=self.school_name or self.municipality)
        if self.school_name:
            return self.school_name
        return self.municipality

    def class_ids(self, session: Session) -> set[int] | None:
        """The classes of the year in scope; None when the whole municipality is meant."""
        if self.class_id is not None:
            return {self.class_id}
        query = select(SchoolClass.id).where(SchoolClass.school_year_id == self.year_id)
        if self.grade is not None:
            query = query.where(SchoolClass.grade == self.grade)
            if self.form_id is not None:
                query = query.where(SchoolClass.school_id.in_(
                    select(School.id).where(School.school_type_id == self.form_id)))
            if self.school_id is not None:
                query = query.where(SchoolClass.school_id == self.school_id)
            return set(session.scalars(query))
        if self.teacher_id is not None:
            query = query.where(SchoolClass.mentor_id == self.teacher_id)
        elif self.school_id is not None:
            query = query.where(SchoolClass.school_id == self.school_id)
        else:
            return None
        return set(session.scalars(query))


def resolve_scope(session: Session, *, year: str | None = None, school: str | None = None,
                  class_name: str | None = None, teacher: str | None = None, grade: str | None = None,
                  date_from: dt.date | None = None, date_to: dt.date | None = None,
                  school_form: str | None = None) -> Scope:
    """Turn the names a person typed into ids; NotFoundError (translated) for a name not held."""
    year_row = resolve_year(session, year)
    previous = previous_label(year_row.label)
    previous_row = previous_year(session, year_row)
    municipality = get_setting(session, "municipality", "") or ""
    school_row = _find_school(session, school) if school else None
    class_row = _find_class(session, class_name, year_row, school_row) if class_name else None
    if class_row is not None and school_row is None:
        school_row = class_row.school
    teacher_row = None
    if teacher:
        teacher_row = _find_teacher(session, teacher, school_row.id if school_row is not None else None)
    grade = grade.strip() if grade and grade.strip() and class_row is None else None
    form, label = None, None
    if grade is not None:
        form, grade, label = _resolve_grade(session, grade, school_form, year_row, school_row)
    start = date_from or year_row.starts_on
    end = date_to or year_row.ends_on
    if start > end:
        raise UserError(_("The date range ends before it starts."))
    return Scope(
        year=year_row.label, year_id=year_row.id, previous_year=previous,
        previous_year_id=previous_row.id if previous_row else None,
        year_start=year_row.starts_on, year_end=year_row.ends_on, date_from=start, date_to=end,
        municipality=municipality,
        school_id=school_row.id if school_row is not None else None,
        school_name=school_row.name if school_row is not None else None,
        class_id=class_row.id if class_row is not None else None,
        class_name=class_row.name if class_row is not None else None,
        teacher_id=teacher_row.id if teacher_row is not None else None,
        teacher_name=f"{teacher_row.first_name} {teacher_row.last_name}" if teacher_row is not None else None,
        grade=grade, form_id=form.id if form is not None else None, grade_label=label,
    )


def _find_school(session: Session, name: str) -> School:
    # SQLite's lower() folds ASCII only, so names are compared in Python ("ГБПОУ …", "Łódź").
    wanted = _fold(name)
    school_id = next((sid for sid, held in session.execute(select(School.id, School.name))
                      if _fold(held) == wanted), None)
    school_row = session.get(School, school_id) if school_id is not None else None
    if school_row is None:
        raise NotFoundError(_("There is no school called “{name}”.").format(name=name))
    return school_row


def _find_class(session: Session, name: str, year: Year, school: School | None) -> SchoolClass:
    query = select(SchoolClass).where(SchoolClass.school_year_id == year.id)
    if school is not None:
        query = query.where(SchoolClass.school_id == school.id)
    found = [row for row in session.scalars(query) if _fold(row.name) == _fold(name)]
    if not found:
        raise NotFoundError(_("There is no class called “{name}” in {year}.").format(
            name=name, year=format_school_year(year.label)))
    if len(found) > 1:
        raise UserError(_("Several schools have a class called “{name}”; name the school too.").format(name=name))
    return found[0]


def _resolve_grade(session: Session, grade: str, form_text: str | None, year: Year,
                   school: School | None) -> tuple[SchoolForm, str, str]:
    """(form, grade, label shown) for a typed grade: "3" with a form named, a bare "3", or a key "T3"."""
    form = None
    if form_text and form_text.strip():
        form = find_form(session, form_text.strip())
        if form is None:
            raise NotFoundError(_("There is no school form called “{name}”.").format(name=form_text.strip()))
    pairs = grades_in_use(session, year.id, school.id if school is not None else None)
    found = matching_grades(pairs, grade, form)
    if not found:
        raise NotFoundError(_("There is no class in grade {grade} in {year}.").format(
            grade=grade, year=format_school_year(year.label)))
    if len({f.id for f, _g in found}) > 1:
        keys = ", ".join(sorted(grade_key(f, g).replace(" ", "") for f, g in found))
        raise UserError(_("Grade {grade} is in several school forms; write one of: {keys}.").format(
            grade=grade, keys=keys))
    form, label = found[0]
    shared = sum(1 for _f, g in pairs if g == label) > 1
    return form, label, grade_key(form, label) if shared else label


def _fold(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).casefold()


def _find_teacher(session: Session, text: str, school_id: int | None) -> Teacher:
    wanted = _fold(text)
    query = select(Teacher.id, Teacher.first_name, Teacher.last_name)
    if school_id is not None:
        query = query.where(Teacher.school_id == school_id)
    exact, other = [], []
    for tid, first, last in session.execute(query):
        if _fold(f"{first} {last}") == wanted:
            exact.append(tid)
        elif _fold(f"{last} {first}") == wanted or _fold(last) == wanted:
            other.append(tid)
    exact = [session.get(Teacher, tid) for tid in (exact or other)]
    if not exact:
        raise NotFoundError(_("There is no teacher called “{name}”.").format(name=text))
    if len(exact) > 1:
        raise UserError(_("Several teachers are called “{name}”; give the full name or the school.").format(
            name=text))
    return exact[0]
