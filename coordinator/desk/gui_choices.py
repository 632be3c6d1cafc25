"""The desk's filter choices for the desktop app: school years, schools, and a school's classes, teachers, grades.

Short reads (tens of milliseconds even on a region): the long lists (classes, teachers) are read only
for the one school chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from coordinator.desk.core import DeskCore


@dataclass
class Choices:
    """What the filters offer: school years (labels) and schools (id, name), plus the year in force."""

    years: list[str] = field(default_factory=list)
    current_year: str | None = None
    schools: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ScopeChoices:
    """Names offered by the scope combos for one school year."""

    years: list[str] = field(default_factory=list)
    current_year: str | None = None
    schools: list[str] = field(default_factory=list)
    year_start: dt.date | None = None
    year_end: dt.date | None = None


class GuiChoices(DeskCore):
    """What the report workspaces' and the import dialog's filters offer."""

    def filter_choices(self) -> Choices:
        """Years and schools for the filter combos (one short read)."""
        from coordinator.models import School
        from coordinator.services.setup import current_year_label, school_years

        with self._session() as session:
            return Choices(
                years=school_years(session),
                current_year=current_year_label(session),
                schools=[(row.id, row.name) for row in session.execute(select(School.id, School.name)
                                                                       .order_by(School.name))],
            )

    def scope_choices(self, year: str | None) -> ScopeChoices:
        """Years and schools (short lists even on a region); classes and teachers come per school."""
        from coordinator.models import School, SchoolYear
        from coordinator.services.setup import current_year_label, school_years

        with self._session() as session:
            choices = ScopeChoices(years=school_years(session), current_year=current_year_label(session))
            label = year if year in choices.years else choices.current_year
            year_row = session.scalar(select(SchoolYear).where(SchoolYear.label == label))
            choices.schools = list(session.scalars(select(School.name).order_by(School.name)))
            if year_row is not None:
                choices.year_start, choices.year_end = year_row.starts_on, year_row.ends_on
        return choices

    def school_scope(self, year: str | None, school: str) -> tuple[list[str], list[str]]:
        """The classes (of the year) and the teachers of one school, by name."""
        from coordinator.models import School, SchoolClass, SchoolYear, Teacher

        with self._session() as session:
            school_id = session.scalar(select(School.id).where(School.name == school))
            classes = list(session.scalars(
                select(SchoolClass.name).join(SchoolYear, SchoolClass.school_year_id == SchoolYear.id)
                .where(SchoolClass.school_id == school_id, SchoolYear.label == year).order_by(SchoolClass.name)))
            teachers = [f"{first} {last}" for first, last in session.execute(
                select(Teacher.first_name, Teacher.last_name).where(Teacher.school_id == school_id)
                .order_by(Teacher.last_name, Teacher.first_name))]
        return classes, teachers

    def grades_of(self, year: str | None, school: str | None) -> list[str]:
        """The grades that have classes in the year (in one school, or anywhere), form by form in the forms'
        order (F, 1, 2, …); a label that two forms share is keyed by the form's prefix ("SP 3", "T 3")."""
        from coordinator.form_words import grade_key, grades_in_use
        from coordinator.models import School, SchoolYear

        with self._session() as session:
            year_id = session.scalar(select(SchoolYear.id).where(SchoolYear.label == year))
            school_id = session.scalar(select(School.id).where(School.name == school)) if school else None
            if year_id is None or (school is not None and school_id is None):
                return []
            pairs = grades_in_use(session, year_id, school_id)
            pairs.sort(key=lambda p: (not p[0].compulsory, p[0].id, p[0].grade_list.index(p[1])
                                      if p[1] in p[0].grade_list else len(p[0].grade_list), p[1]))
            labels = [grade for _form, grade in pairs]
            return [grade_key(form, grade) if labels.count(grade) > 1 else grade for form, grade in pairs]
