"""A tiny world builder for the statistics tests: schools, classes, pupils and activities by hand."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from coordinator.models import (
    Encounter,
    Enrolment,
    Organisation,
    Placement,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    StudyVisit,
    Teacher,
)
from coordinator.services.setup import ensure_school_year

Y1 = "2025/26"
Y2 = "2026/27"


class World:
    """Adds rows with just the fields the statistics read; every helper returns the new id."""

    def __init__(self, session):
        self.s = session
        for label in (Y1, Y2):  # the tests name these years whatever today's date is
            ensure_school_year(session, label)
        self.years = dict(session.execute(select(SchoolYear.label, SchoolYear.id)).all())
        self.types = dict(session.execute(select(SchoolType.code, SchoolType.id)).all())
        self._n = itertools.count(1)

    def school(self, name: str, type_code: str = "se_grundskola") -> int:
        row = School(name=name, school_type_id=self.types[type_code])
        self.s.add(row)
        self.s.flush()
        return row.id

    def klass(self, school_id: int, grade: str, year: str = Y1, name: str | None = None) -> int:
        row = SchoolClass(school_id=school_id, school_year_id=self.years[year], grade=grade,
                          name=name or f"{grade}-{next(self._n)}")
        self.s.add(row)
        self.s.flush()
        return row.id

    def pupil(self, class_id: int | None, gender: str, year: str = Y1) -> int:
        row = Pupil(first_name="P", last_name=f"Pupil{next(self._n)}", gender=gender)
        self.s.add(row)
        self.s.flush()
        if class_id is not None:
            self.enrol(row.id, class_id, year)
        return row.id

    def pupils(self, class_id: int, gender: str, n: int, year: str = Y1) -> list[int]:
        return [self.pupil(class_id, gender, year) for _ in range(n)]

    def enrol(self, pupil_id: int, class_id: int, year: str = Y1) -> None:
        self.s.add(Enrolment(pupil_id=pupil_id, class_id=class_id, school_year_id=self.years[year]))
        self.s.flush()

    def org(self, sector: str | None = "C", *, places: int = 0, kind: str = "company") -> int:
        row = Organisation(name=f"Org {next(self._n)}", sector_code=sector, places_offered=places, kind=kind)
        self.s.add(row)
        self.s.flush()
        return row.id

    def placement(self, pupil_id: int, host_id: int, *, year: str = Y1, status: str = "confirmed",
                  days: int = 5, pupil_evaluation: int | None = None,
                  employer_evaluation: int | None = None) -> int:
        start = dt.date(int(year[:4]), 10, 1)
        row = Placement(school_year_id=self.years[year], pupil_id=pupil_id, host_id=host_id, start_date=start,
                        end_date=start + dt.timedelta(days=days), days=days, status=status,
                        pupil_evaluation=pupil_evaluation, employer_evaluation=employer_evaluation)
        self.s.add(row)
        self.s.flush()
        return row.id

    def visit(self, host_id: int, *, pupils=(), classes=(), teachers=(), year: str = Y1,
              status: str = "done", pupil_evaluation: float | None = None) -> int:
        row = StudyVisit(school_year_id=self.years[year], host_id=host_id, title="Visit",
                         starts_at=dt.datetime(int(year[:4]), 11, 5, 9), status=status,
                         pupil_evaluation=pupil_evaluation)
        row.participants = [self.s.get(Pupil, p) for p in pupils]
        row.classes = [self.s.get(SchoolClass, c) for c in classes]
        row.teachers = [self.s.get(Teacher, t) for t in teachers]
        self.s.add(row)
        self.s.flush()
        return row.id

    def encounter(self, *, pupils=(), classes=(), org: int | None = None, year: str = Y1,
                  status: str = "done") -> int:
        row = Encounter(school_year_id=self.years[year], title="Guest lecture", date=dt.date(int(year[:4]), 12, 1),
                        organisation_id=org, status=status)
        row.participants = [self.s.get(Pupil, p) for p in pupils]
        row.classes = [self.s.get(SchoolClass, c) for c in classes]
        self.s.add(row)
        self.s.flush()
        return row.id

    def teacher(self, school_id: int | None) -> int:
        row = Teacher(school_id=school_id, first_name="T", last_name=f"Teacher{next(self._n)}")
        self.s.add(row)
        self.s.flush()
        return row.id
