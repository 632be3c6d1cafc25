"""What the report workspaces' filters offer: school years, schools, and a school's classes and teachers.

Short reads on the GUI thread (tens of milliseconds even on a region): the long lists (classes,
teachers) are read only for the one school chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Choices:
    """What the filters offer: school years (labels) and schools (id, name), plus the year in force."""

    years: list[str] = field(default_factory=list)
    current_year: str | None = None
    schools: list[tuple[int, str]] = field(default_factory=list)


_IN_FORCE = "year_in_force"  # the combo remembers which year was in force when it was filled


def fill_years(combo, years: list[str], current: str | None) -> None:
    """Fill a school-year combo (item data: the label), the one way every year filter is filled.

    What was chosen stays chosen while it exists, unless the year in force has changed since the combo
    was last filled (Settings): then every year filter moves to the new year in force.
    Signals are held back; the caller decides what to recompute.
    """
    chosen, in_force_before = combo.currentData(), combo.property(_IN_FORCE)
    blocked = combo.blockSignals(True)
    combo.clear()
    for label in years:
        combo.addItem(label, label)
    if chosen not in years or (in_force_before is not None and in_force_before != current):
        chosen = current
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.setProperty(_IN_FORCE, current)
    combo.blockSignals(blocked)


def refill_filters(choices: Choices, year_combo, school_combo, all_schools: str) -> None:
    """Fill the year and school combos from `choices`, keeping what was chosen if it is still there.

    The year follows `fill_years`; the school falls back to `all_schools` (the municipality, data None).
    Signals are held back while the combos are rebuilt, so the caller computes once afterwards.
    """
    fill_years(year_combo, choices.years, choices.current_year)
    school = school_combo.currentData()
    school_combo.blockSignals(True)
    school_combo.clear()
    school_combo.addItem(all_schools, None)
    for _school_id, name in choices.schools:
        school_combo.addItem(name, name)
    school_combo.setCurrentIndex(max(0, school_combo.findData(school)))
    school_combo.blockSignals(False)


def load_choices(store) -> Choices:
    """Years and schools for the filter combos (one short read)."""
    from sqlalchemy import select

    from coordinator.models import School
    from coordinator.services.setup import current_year_label, school_years

    with store.session() as session:
        return Choices(
            years=school_years(session),
            current_year=current_year_label(session),
            schools=[(row.id, row.name) for row in session.execute(select(School.id, School.name)
                                                                   .order_by(School.name))],
        )


@dataclass
class ScopeChoices:
    """Names offered by the scope combos for one school year."""

    years: list[str] = field(default_factory=list)
    current_year: str | None = None
    schools: list[str] = field(default_factory=list)
    year_start: dt.date | None = None
    year_end: dt.date | None = None


def load_scope_choices(store, year: str | None) -> ScopeChoices:
    """Years and schools (short lists even on a region); classes and teachers come per school."""
    from sqlalchemy import select

    from coordinator.models import School, SchoolYear
    from coordinator.services.setup import current_year_label, school_years

    with store.session() as session:
        choices = ScopeChoices(years=school_years(session), current_year=current_year_label(session))
        label = year if year in choices.years else choices.current_year
        year_row = session.scalar(select(SchoolYear).where(SchoolYear.label == label))
        choices.schools = list(session.scalars(select(School.name).order_by(School.name)))
        if year_row is not None:
            choices.year_start, choices.year_end = year_row.starts_on, year_row.ends_on
    return choices


def load_school_scope(store, year: str | None, school: str) -> tuple[list[str], list[str]]:
    """The classes (of the year) and the teachers of one school, by name."""
    from sqlalchemy import select

    from coordinator.models import School, SchoolClass, SchoolYear, Teacher

    with store.session() as session:
        school_id = session.scalar(select(School.id).where(School.name == school))
        classes = list(session.scalars(
            select(SchoolClass.name).join(SchoolYear, SchoolClass.school_year_id == SchoolYear.id)
            .where(SchoolClass.school_id == school_id, SchoolYear.label == year).order_by(SchoolClass.name)))
        teachers = [f"{first} {last}" for first, last in session.execute(
            select(Teacher.first_name, Teacher.last_name).where(Teacher.school_id == school_id)
            .order_by(Teacher.last_name, Teacher.first_name))]
    return classes, teachers


def load_grades(store, year: str | None, school: str | None) -> list[str]:
    """The grades that have classes in the year (in one school, or anywhere), in school order: F, 1, 2, …"""
    from sqlalchemy import select

    from coordinator.models import School, SchoolClass, SchoolYear

    with store.session() as session:
        query = (select(SchoolClass.grade).distinct()
                 .join(SchoolYear, SchoolClass.school_year_id == SchoolYear.id).where(SchoolYear.label == year))
        if school is not None:
            query = query.join(School, School.id == SchoolClass.school_id).where(School.name == school)
        grades = list(session.scalars(query))
    return sorted(grades, key=lambda g: (not g.isdigit() and g != "F", int(g) if g.isdigit() else -1, g))
