"""Statistics on outcomes: leavers' choices by form and gender, graduates' destinations by programme.

Definitions (docs/STATISTICS.md, "Outcomes"):
- leavers of a school year are the pupils enrolled that year in the leaving grade of a compulsory
  school type (reference.outcomes.LEAVER_GRADES; the last grade of a type the user added);
  graduates are those enrolled in the last grade of a type that is not compulsory;
- a leaver's choice is their first-ranked choice of that year (a second choice is kept, not counted);
  a choice's key is its national code, or its name when it has no code;
- the non-traditional share of choices is the girls with a recorded choice of a programme dominated by
  boys plus the boys with one dominated by girls, over the girls and boys with a recorded choice
  (the shipped national enrolment figures decide the dominance); None when there are none;
- a graduate's destination is the one recorded 6 (or 12) months after the year left; "at a partner"
  means employed at an organisation of the register that holds an uncancelled agreement or hosted a
  confirmed or completed placement in that year or earlier.
Every count is one GROUP BY in the database; Python arranges the rows into the JSON shape.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, literal, or_, select, union
from sqlalchemy.orm import Session

from coordinator.models import (
    Agreement,
    AgreementStatus,
    Choice,
    Destination,
    DestinationKind,
    Enrolment,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
)
from coordinator.reference.outcomes import LEAVER_GRADES, dominated_by
from coordinator.settings import profile_code
from coordinator.stats.measures import GENDER_KEYS, rate
from coordinator.stats.scope import included_types, resolve_school, resolve_year

DESTINATION_MEASURES: tuple[str, ...] = ("graduates", "recorded", "employed", "at_partner", "study",
                                         "apprenticeship", "neet", "unknown", "target_training")


def _zeros() -> dict[str, int]:
    return dict.fromkeys(GENDER_KEYS, 0)


def _gender(value: Any) -> str:
    value = getattr(value, "value", value)
    return value if value in GENDER_KEYS else "unspecified"


def final_grades(types: list[SchoolType], *, compulsory: bool) -> dict[int, str]:
    """School type id → its leaving grade (compulsory types) or last grade (the others)."""
    out: dict[int, str] = {}
    for school_type in types:
        if bool(school_type.compulsory) != compulsory or not school_type.grade_list:
            continue
        out[school_type.id] = LEAVER_GRADES.get(school_type.code) or school_type.grade_list[-1]
    return out


def _cohort(year_id: int, school_id: int | None, grades: dict[int, str]):
    """Enrolments of the year in the given (type, grade) pairs: (pupil, type, programme, gender) rows."""
    condition = or_(*(and_(School.school_type_id == t, SchoolClass.grade == g) for t, g in grades.items()))
    query = (select(Enrolment.pupil_id.label("pupil_id"), School.school_type_id.label("type_id"),
                    func.coalesce(SchoolClass.vocational_profile, "").label("programme"),
                    Pupil.gender.label("gender"))
             .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .join(School, School.id == SchoolClass.school_id)
             .join(Pupil, Pupil.id == Enrolment.pupil_id)
             .where(Enrolment.school_year_id == year_id, condition))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return query.subquery("cohort")


def _first_choices(year_id: int):
    """Each pupil's first-ranked choice of the year: (pupil, key)."""
    first = (select(Choice.pupil_id, func.min(Choice.rank).label("rank"))
             .where(Choice.school_year_id == year_id).group_by(Choice.pupil_id).subquery("first"))
    return (select(Choice.pupil_id.label("pupil_id"),
                   func.coalesce(Choice.programme_code, Choice.programme_name).label("key"))
            .join(first, and_(first.c.pupil_id == Choice.pupil_id, first.c.rank == Choice.rank))
            .where(Choice.school_year_id == year_id).subquery("chosen"))


def _form_json(leavers: dict[str, int], by_key: dict[str, dict[str, int]], profile: str) -> dict[str, Any]:
    recorded = _zeros()
    crossing = 0
    for key, cells in by_key.items():
        for gender, count in cells.items():
            recorded[gender] += count
        dominated = dominated_by(profile, key)
        crossing += cells["girl"] if dominated == "boy" else cells["boy"] if dominated == "girl" else 0
    return {"leavers": leavers, "recorded": recorded,
            "choices": {key: by_key[key] for key in sorted(by_key)},
            "non_traditional_share": rate(crossing, recorded["girl"] + recorded["boy"])}


def choice_statistics(session: Session, *, year: str | None, school: str | None = None) -> dict[str, Any]:
    """The JSON of `coordinator stats choices`: per school form, leavers, recorded choices, choices by
    programme and gender, and the non-traditional share of choices."""
    year_row = resolve_year(session, year)
    school_id, school_name = resolve_school(session, school)
    types = included_types(session, school_id)
    grades = final_grades(types, compulsory=True)
    forms: list[dict[str, Any]] = []
    if grades:
        cohort, chosen = _cohort(year_row.id, school_id, grades), _first_choices(year_row.id)
        leaver_rows = session.execute(select(cohort.c.type_id, cohort.c.gender, func.count())
                                      .group_by(cohort.c.type_id, cohort.c.gender)).all()
        choice_rows = session.execute(
            select(cohort.c.type_id, chosen.c.key, cohort.c.gender, func.count())
            .join(chosen, chosen.c.pupil_id == cohort.c.pupil_id)
            .group_by(cohort.c.type_id, chosen.c.key, cohort.c.gender)).all()
        forms = _arrange_forms(session, types, grades, leaver_rows, choice_rows)
    total_leavers = _zeros()
    total_keys: dict[str, dict[str, int]] = {}
    for form in forms:
        for gender in GENDER_KEYS:
            total_leavers[gender] += form["leavers"][gender]
        for key, cells in form["choices"].items():
            for gender in GENDER_KEYS:
                total_keys.setdefault(key, _zeros())[gender] += cells[gender]
    return {"year": year_row.label, "school": school_name, "forms": forms,
            "total": _form_json(total_leavers, total_keys, profile_code(session))}


def _arrange_forms(session: Session, types: list[SchoolType], grades: dict[int, str], leaver_rows: Any,
                   choice_rows: Any) -> list[dict[str, Any]]:
    profile = profile_code(session)
    leavers = {type_id: _zeros() for type_id in grades}
    by_key: dict[int, dict[str, dict[str, int]]] = {type_id: {} for type_id in grades}
    for type_id, gender, count in leaver_rows:
        leavers[type_id][_gender(gender)] += count
    for type_id, key, gender, count in choice_rows:
        by_key[type_id].setdefault(key, _zeros())[_gender(gender)] += count
    return [{"form": t.code, **_form_json(leavers[t.id], by_key[t.id], profile)} for t in types if t.id in grades]


def _partners(year_id: int):
    """Organisations with an uncancelled agreement, or that hosted a placement up to the year."""
    start = select(SchoolYear.starts_on).where(SchoolYear.id == year_id).scalar_subquery()
    hosted = (select(Placement.host_id.label("org_id"))
              .join(SchoolYear, SchoolYear.id == Placement.school_year_id)
              .where(Placement.status.in_((PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED)),
                     SchoolYear.starts_on <= start))
    agreed = select(Agreement.organisation_id).where(Agreement.status != AgreementStatus.CANCELLED)
    return union(hosted, agreed).subquery("partners")


def destination_rows(session: Session, year_id: int, school_id: int | None, months: int, *,
                     employed_target_training: bool = False) -> list[Any]:
    """(programme, gender, graduates, recorded, employed, at partner, study, apprenticeship, NEET,
    unknown, target training) per programme and gender of the year's graduates; with
    `employed_target_training`, the last counts only those with target training who are employed."""
    grades = final_grades(included_types(session, school_id), compulsory=False)
    if not grades:
        return []
    cohort, partners = _cohort(year_id, school_id, grades), _partners(year_id)
    D = Destination

    def kind(k: DestinationKind):
        return func.count(D.id).filter(D.kind == k)

    target = [D.target_training.is_(True)] + ([D.kind == DestinationKind.EMPLOYED] if employed_target_training else [])

    query = (select(cohort.c.programme, cohort.c.gender, func.count(cohort.c.pupil_id), func.count(D.id),
                    kind(DestinationKind.EMPLOYED),
                    func.count(D.id).filter(D.kind == DestinationKind.EMPLOYED,
                                            D.organisation_id.in_(select(partners.c.org_id))),
                    kind(DestinationKind.STUDY), kind(DestinationKind.APPRENTICESHIP), kind(DestinationKind.NEET),
                    kind(DestinationKind.UNKNOWN), func.count(D.id).filter(*target))
             .select_from(cohort)
             .outerjoin(D, and_(D.pupil_id == cohort.c.pupil_id, D.school_year_id == year_id,
                                D.months_after == literal(months)))
             .group_by(cohort.c.programme, cohort.c.gender))
    return list(session.execute(query))


def destination_statistics(session: Session, *, year: str | None, school: str | None = None,
                           months: int = 6) -> dict[str, Any]:
    """The JSON of `coordinator stats destinations`: the year's graduates by programme and gender, and
    where they are `months` on."""
    year_row = resolve_year(session, year)
    school_id, school_name = resolve_school(session, school)
    programmes: dict[str, dict[str, dict[str, int]]] = {}
    total = {m: _zeros() for m in DESTINATION_MEASURES}
    for programme, gender, *counts in destination_rows(session, year_row.id, school_id, months):
        cell = programmes.setdefault(programme, {m: _zeros() for m in DESTINATION_MEASURES})
        for measure, count in zip(DESTINATION_MEASURES, counts):
            cell[measure][_gender(gender)] += count
            total[measure][_gender(gender)] += count
    return {"year": year_row.label, "school": school_name, "months": months,
            "programmes": [{"programme": p, **programmes[p]} for p in sorted(programmes)], "total": total}


__all__ = ["DESTINATION_MEASURES", "choice_statistics", "destination_rows", "destination_statistics",
           "final_grades"]
