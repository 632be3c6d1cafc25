"""Which school year, schools and grades a statistic covers, and how its grades are labelled."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError
from coordinator.i18n import _
from coordinator.models import School, SchoolType
from coordinator.settings import country_code
from coordinator.years import Year, previous_year, resolve_year

# Short prefixes for the grades of a school type when several types share grade labels in one table
# (all schools of a municipality). They are part of the machine-readable output, so not translated.
TYPE_PREFIXES: dict[str, str] = {
    "se_grundskola": "Gr", "se_gymnasium": "Gy",
    "pl_podstawowa": "SP", "pl_technikum": "T",
    "ru_school": "Ш", "ru_college": "К",
}


def grade_prefix(form: SchoolType) -> str:
    """A form's short prefix for its grades: its own, else one made from its code."""
    return form.short or TYPE_PREFIXES.get(form.code, form.code.split("_")[-1][:2].title())


@dataclass(frozen=True)
class GradeKey:
    """One row of a per-grade table: a grade of a school type, with the label shown."""

    school_type_id: int
    grade: str
    label: str


@dataclass(frozen=True)
class Scope:
    year: Year
    school_id: int | None
    school_name: str | None
    grades: tuple[GradeKey, ...]


def resolve_school(session: Session, name: str | None) -> tuple[int | None, str | None]:
    if name is None:
        return None, None
    found = session.execute(select(School.id, School.name).where(School.name == name)).first()
    if found is None:
        raise NotFoundError(_("There is no school named “{name}”.").format(name=name))
    return found.id, found.name


def included_types(session: Session, school_id: int | None) -> list[SchoolType]:
    """The school types in scope, compulsory first: the school's own, or those of every school held."""
    query = select(SchoolType).where(SchoolType.id.in_(select(School.school_type_id).distinct()))
    if school_id is not None:
        query = select(SchoolType).join(School, School.school_type_id == SchoolType.id).where(School.id == school_id)
    types = list(session.scalars(query))
    return sorted(types, key=lambda t: (not t.compulsory, t.id))


def grade_keys(types: list[SchoolType], extra: dict[int, set[str]] | None = None) -> tuple[GradeKey, ...]:
    """Grades by type (compulsory first), each in its type's order; labels prefixed only on a clash.

    The first type keeps plain labels ("8"); a later type whose labels clash with an earlier one's
    gets its short prefix ("Gy 1"), so a municipality table of F–9 and upper-secondary 1–3 reads
    unambiguously. Grades found in the data but missing from the type's list come last, sorted.
    """
    keys: list[GradeKey] = []
    seen: set[str] = set()
    for school_type in types:
        grades = list(school_type.grade_list)
        grades += sorted((extra or {}).get(school_type.id, set()) - set(grades))
        clash = bool(seen & set(grades))
        prefix = grade_prefix(school_type) if clash else ""
        for grade in grades:
            keys.append(GradeKey(school_type.id, grade, f"{prefix} {grade}" if prefix else grade))
        seen |= {k.label for k in keys}
    return tuple(keys)


def database_country(session: Session) -> str:
    return country_code(session)


__all__ = ["GradeKey", "Scope", "Year", "database_country", "grade_keys", "included_types", "previous_year",
           "resolve_school", "resolve_year"]
