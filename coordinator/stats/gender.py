"""Gender statistics per grade for one school year: pupils, encounter rate, placements by sector, D.

Every figure is aggregated by the database (GROUP BY over enrolments, placements and the activity
link tables); Python only arranges the few aggregate rows into the JSON shape of `stats gender`.
Definitions are docs/STATISTICS.md. A placement, study visit or encounter counts unless it is cancelled;
a visit or encounter counts for the pupils linked to it as participants, a placement for its pupil.
A pupil belongs to the grade of the class they are enrolled in that school year.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import case, func, literal, select, union
from sqlalchemy.orm import Session

from coordinator.models import (
    ActivityStatus,
    Encounter,
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Programme,
    Pupil,
    School,
    SchoolClass,
    SectorDominance,
    StudyVisit,
    encounter_participants,
    study_visit_participants,
)
from coordinator.stats.measures import GENDER_KEYS, dissimilarity_index, non_traditional_share, rate
from coordinator.stats.scope import (
    GradeKey,
    database_country,
    grade_keys,
    included_types,
    resolve_school,
    resolve_year,
)


def _gender(value: Any) -> str:
    value = getattr(value, "value", value)
    return value if value in GENDER_KEYS else "unspecified"


def active_pupils(year_id: int):
    """A subquery of the distinct pupils with at least one uncancelled visit, placement or encounter."""
    return union(
        select(Placement.pupil_id.label("pupil_id")).where(
            Placement.school_year_id == year_id, Placement.status != PlacementStatus.CANCELLED),
        select(study_visit_participants.c.pupil_id).join(
            StudyVisit, StudyVisit.id == study_visit_participants.c.study_visit_id).where(
            StudyVisit.school_year_id == year_id, StudyVisit.status != ActivityStatus.CANCELLED),
        select(encounter_participants.c.pupil_id).join(
            Encounter, Encounter.id == encounter_participants.c.encounter_id).where(
            Encounter.school_year_id == year_id, Encounter.status != ActivityStatus.CANCELLED),
    ).subquery("active")


def _groups(by: str) -> tuple[Any, Any]:
    """The two columns a row is grouped by: (school form, grade), or (programme, "") per programme."""
    if by == "programme":  # the pupil's own programme, else the class's
        return func.coalesce(Pupil.programme_id, SchoolClass.programme_id), literal("")
    return School.school_type_id, SchoolClass.grade


def pupil_counts(session: Session, year_id: int, school_id: int | None, by: str = "grade"):
    """(school_type_id, grade, gender, pupils, pupils with an encounter) per group."""
    active = active_pupils(year_id)
    # IN over the distinct active pupils, built once; quicker than an outer join to them (~12 % on a region).
    met = case((Enrolment.pupil_id.in_(select(active.c.pupil_id)), 1))
    first, second = _groups(by)
    query = (
        select(first, second, Pupil.gender, func.count(Enrolment.id), func.count(met))
        .select_from(Enrolment)
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .join(Pupil, Pupil.id == Enrolment.pupil_id)
        .where(Enrolment.school_year_id == year_id)
        .group_by(first, second, Pupil.gender)
    )
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return session.execute(query).all()


def placement_counts(session: Session, year_id: int, school_id: int | None, by: str = "grade"):
    """(school_type_id, grade, gender, sector letter or None, placements) per group."""
    first, second = _groups(by)
    query = (
        select(first, second, Pupil.gender, Organisation.sector_code, func.count(Placement.id))
        .select_from(Placement)
        .join(Enrolment, (Enrolment.pupil_id == Placement.pupil_id) & (Enrolment.school_year_id == year_id))
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .join(Pupil, Pupil.id == Placement.pupil_id)
        .outerjoin(Organisation, Organisation.id == Placement.host_id)
        .where(Placement.school_year_id == year_id, Placement.status != PlacementStatus.CANCELLED)
        .group_by(first, second, Pupil.gender, Organisation.sector_code)
    )
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return session.execute(query).all()


def sector_dominance(session: Session) -> dict[str, str | None]:
    """Sector letter → "girl", "boy" or None, for the database's country."""
    rows = session.execute(select(SectorDominance.sector_code, SectorDominance.dominated_by)
                           .where(SectorDominance.country == database_country(session)))
    return {code: dominated for code, dominated in rows}


class _Cell:
    """The aggregates of one grade (or the total) before they are turned into JSON."""

    def __init__(self) -> None:
        self.pupils = dict.fromkeys(GENDER_KEYS, 0)
        self.active = dict.fromkeys(GENDER_KEYS, 0)
        self.placements = 0
        self.by_gender_placements = dict.fromkeys(GENDER_KEYS, 0)
        self.by_sector: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GENDER_KEYS, 0))

    def to_json(self, sectors: list[str], dominance: dict[str, str | None]) -> dict[str, Any]:
        all_pupils = sum(self.pupils.values())
        encounter_rate: dict[str, float | None] = {g: rate(self.active[g], self.pupils[g]) for g in GENDER_KEYS}
        encounter_rate["all"] = rate(sum(self.active.values()), all_pupils)
        by_sector = {s: dict(self.by_sector[s]) if s in self.by_sector else dict.fromkeys(GENDER_KEYS, 0)
                     for s in sectors}
        girls = {s: c["girl"] for s, c in by_sector.items()}
        boys = {s: c["boy"] for s, c in by_sector.items()}
        girl_boy = self.by_gender_placements["girl"] + self.by_gender_placements["boy"]
        return {
            "pupils": dict(self.pupils),
            "encounter_rate": encounter_rate,
            "placements": self.placements,
            "placements_by_sector": by_sector,
            "non_traditional_share": non_traditional_share(by_sector, dominance, girl_boy),
            "dissimilarity_index": dissimilarity_index(girls, boys),
        }


def gender_statistics(session: Session, *, year: str | None, school: str | None = None,
                      by: str = "grade") -> dict[str, Any]:
    """The per-grade (or per-programme) gender statistics of `coordinator stats gender`, JSON-ready.

    `school` is a school's name (None: every school of the municipality). Grades come in the school
    type's order; with several types, compulsory first and clashing labels prefixed ("Gy 1").
    With `by="programme"` the rows are programmes by code ("programmes": [{"programme": "EE", …}]),
    pupils without one last. Every rate is None when there is no one under it.
    """
    year_row = resolve_year(session, year)
    school_id, school_name = resolve_school(session, school)
    pupil_rows = pupil_counts(session, year_row.id, school_id, by)
    placement_rows = placement_counts(session, year_row.id, school_id, by)
    dominance = sector_dominance(session)
    if by == "programme":
        keys = programme_keys(session, {row[0] for row in (*pupil_rows, *placement_rows)})
    else:
        extra: dict[int, set[str]] = defaultdict(set)
        for row in (*pupil_rows, *placement_rows):
            extra[row[0]].add(row[1])
        keys = grade_keys(included_types(session, school_id), extra)
    cells: dict[tuple[Any, str], _Cell] = {(k.school_type_id, k.grade): _Cell() for k in keys}
    total = _Cell()
    for type_id, grade, gender, pupils, active in pupil_rows:
        g = _gender(gender)
        for cell in (cells[(type_id, grade)], total):
            cell.pupils[g] += pupils
            cell.active[g] += active
    sectors: set[str] = set()
    for type_id, grade, gender, sector, count in placement_rows:
        g = _gender(gender)
        for cell in (cells[(type_id, grade)], total):
            cell.placements += count
            cell.by_gender_placements[g] += count
            if sector:
                cell.by_sector[sector][g] += count
        if sector:
            sectors.add(sector)
    ordered = sorted(sectors)
    rows, label = ("programmes", "programme") if by == "programme" else ("grades", "grade")
    return {
        "year": year_row.label,
        "school": school_name,
        rows: [{label: key.label, **cells[(key.school_type_id, key.grade)].to_json(ordered, dominance)}
               for key in keys],
        "total": total.to_json(ordered, dominance),
    }


def programme_keys(session: Session, ids: set[int | None]) -> list[GradeKey]:
    """One row per programme held by pupils, by code (its code as the label), then pupils without one."""
    found = session.execute(select(Programme.id, Programme.code).where(Programme.id.in_(ids - {None}))
                            .order_by(Programme.code)).all()
    keys = [GradeKey(pid, "", code) for pid, code in found]
    return keys + ([GradeKey(None, "", None)] if None in ids else [])  # type: ignore[arg-type]


__all__ = ["GradeKey", "active_pupils", "gender_statistics", "placement_counts", "pupil_counts",
           "sector_dominance"]
