"""School-year rollover: every class moves up a grade into the next year, the last grade leaves.

`preview_rollover` shows what will happen; `apply_rollover` does exactly that in one transaction,
after a backup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import Enrolment, Pupil, School, SchoolClass, SchoolType
from coordinator.safety.backups import backup_before
from coordinator.schoolyears import label_for_start, start_year_of
from coordinator.store import Store
from coordinator.years import Year, ensure_school_year, find_year, resolve_year


@dataclass(frozen=True)
class ClassMove:
    school: str
    from_class: str
    from_grade: str
    to_class: str | None  # None: the class leaves school
    to_grade: str | None
    pupils: int


@dataclass(frozen=True)
class RolloverPlan:
    from_year: str
    to_year: str
    moves: tuple[ClassMove, ...]

    @property
    def pupils_moving(self) -> int:
        return sum(m.pupils for m in self.moves if m.to_class is not None)

    @property
    def pupils_leaving(self) -> int:
        return sum(m.pupils for m in self.moves if m.to_class is None)


@dataclass(frozen=True)
class RolloverResult:
    plan: RolloverPlan
    classes_created: int
    enrolments_created: int
    pupils_left: int
    backup: Path | None


def next_class_name(name: str, grade: str, next_grade: str) -> str:
    """'7B' in grade 7 becomes '8B'; a Russian college group 'ДО-11' (course 1, group 1) becomes 'ДО-21';
    a name that tells its grade neither way is kept."""
    if grade and name.startswith(grade) and not name[len(grade):][:1].isdigit():
        return next_grade + name[len(grade):]
    group = re.fullmatch(r"(?P<prefix>.*\D[-\s])(?P<grade>\d)(?P<number>\d)", name)
    if group and group["grade"] == grade and len(next_grade) == 1 and next_grade.isdigit():
        return f"{group['prefix']}{next_grade}{group['number']}"
    return name


def _years(session: Session, from_label: str | None) -> tuple[Year, str]:
    year = resolve_year(session, from_label)
    return year, label_for_start(start_year_of(year.starts_on) + 1)


def _class_plan(session: Session, year: Year):  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(SchoolClass, School.name, SchoolType.grades)
        .join(School, SchoolClass.school_id == School.id)
        .join(SchoolType, School.school_type_id == SchoolType.id)
        .where(SchoolClass.school_year_id == year.id)
        .order_by(School.name, SchoolClass.grade, SchoolClass.name)
    ).all()
    for school_class, school_name, grades_text in rows:
        grades = [g for g in grades_text.split(";") if g]
        if school_class.grade in grades and grades.index(school_class.grade) + 1 < len(grades):
            next_grade = grades[grades.index(school_class.grade) + 1]
            to_name = next_class_name(school_class.name, school_class.grade, next_grade)
            yield school_class, school_name, next_grade, to_name
        else:
            yield school_class, school_name, None, None


def _pupils_to_move(session: Session, class_id: int, year_id: int, next_year_id: int | None) -> list[int]:
    query = (select(Enrolment.pupil_id).join(Pupil, Pupil.id == Enrolment.pupil_id)
             .where(Enrolment.class_id == class_id, Enrolment.school_year_id == year_id, Pupil.left_on.is_(None)))
    ids = list(session.scalars(query.order_by(Enrolment.pupil_id)))
    if next_year_id is not None and ids:
        already = set(session.scalars(select(Enrolment.pupil_id).where(
            Enrolment.school_year_id == next_year_id, Enrolment.pupil_id.in_(ids))))
        ids = [i for i in ids if i not in already]
    return ids


def preview_rollover(session: Session, from_label: str | None = None) -> RolloverPlan:
    year, to_label = _years(session, from_label)
    next_year = find_year(session, to_label)
    next_year_id = next_year.id if next_year else None
    moves = []
    for school_class, school_name, next_grade, to_name in _class_plan(session, year):
        pupils = _pupils_to_move(session, school_class.id, year.id, next_year_id)
        moves.append(ClassMove(school=school_name, from_class=school_class.name, from_grade=school_class.grade,
                               to_class=to_name, to_grade=next_grade, pupils=len(pupils)))
    return RolloverPlan(from_year=year.label, to_year=to_label, moves=tuple(moves))


def apply_rollover(store: Store, from_label: str | None = None, *, left_on: dt.date | None = None) -> RolloverResult:
    """Carry out the plan `preview_rollover` shows, as one transaction after a backup."""
    with store.session() as session:
        plan = preview_rollover(session, from_label)
    if not plan.moves:
        raise UserError(_("The school year {year} has no classes to move up.").format(year=plan.from_year))
    backup = backup_before(store, "rollover")
    created = enrolled = left = 0
    with store.session() as session:
        year, to_label = _years(session, plan.from_year)
        next_year_id = ensure_school_year(session, to_label)
        leaving_day = left_on or year.ends_on
        for school_class, _school_name, next_grade, to_name in list(_class_plan(session, year)):
            pupil_ids = _pupils_to_move(session, school_class.id, year.id, next_year_id)
            if next_grade is None or to_name is None:
                for pupil in session.scalars(select(Pupil).where(Pupil.id.in_(pupil_ids))):
                    pupil.left_on = leaving_day
                    left += 1
                continue
            target = session.scalar(select(SchoolClass).where(
                SchoolClass.school_id == school_class.school_id, SchoolClass.school_year_id == next_year_id,
                SchoolClass.name == to_name))
            if target is None:
                target = SchoolClass(school_id=school_class.school_id, school_year_id=next_year_id,
                                     grade=next_grade, name=to_name,
                                     vocational_profile=school_class.vocational_profile,
                                     mentor_id=school_class.mentor_id)
                session.add(target)
                session.flush()
                created += 1
            session.add_all(Enrolment(pupil_id=pid, class_id=target.id, school_year_id=next_year_id)
                            for pid in pupil_ids)
            enrolled += len(pupil_ids)
    return RolloverResult(plan=plan, classes_created=created, enrolments_created=enrolled, pupils_left=left,
                          backup=backup)
