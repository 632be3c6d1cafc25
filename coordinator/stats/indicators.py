"""The computed scorecard indicators: one SQL aggregate each, for a school year and a scope.

Scope is one school (school_id) or the municipality (None). Decisions (issue 4):
- placement coverage: a pupil in a due grade of their school type is covered when their completed
  placement days, summed over this and earlier school years, reach the days due by the end of their
  grade — the required days pro rata over the due grades (Sweden: 5 days by the end of grade 8, 10 by
  the end of grade 9; in the last due grade this is exactly the required days);
- places offered ÷ places needed: places offered by every organisation that is not a school, over
  the pupils in due grades; places are a municipal pool, so a school's card shows the municipal figure;
- employers asked more than three times without a yes: organisations asked more than three times this
  school year — placement requests (any status) and contact-log entries that asked something — with
  no placement confirmed or completed and no 'yes' in the log; the log is the coordinator's, so a
  school's card counts it as the municipality's;
- active partners: organisations that hosted a confirmed or completed placement, or an uncancelled
  study visit or encounter; new partners are active ones that hosted nothing for any school of the
  municipality in any earlier year (a school's new partners are a part of the municipality's);
- network meetings are municipal (a school's card shows the municipal count);
- actions done by their due date: of the year's uncancelled actions with a due date that is past or
  that are done, the share done on or before it;
- pupils' mean evaluation: the mean of every pupil evaluation of an uncancelled placement or study
  visit of the year; employers' mean evaluation: of uncancelled placements;
- teachers with an industry training or visit: teachers (of the school) linked to an uncancelled
  training or study visit of the year, over all teachers (of the school);
- study visits per class: class–visit links of uncancelled visits over the year's classes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import partial

from sqlalchemy import and_, case, func, literal, or_, select, union, union_all
from sqlalchemy.orm import Session

from coordinator.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActivityStatus,
    ContactAnswer,
    ContactLogEntry,
    Encounter,
    Enrolment,
    Goal,
    Meeting,
    Organisation,
    OrganisationKind,
    Placement,
    PlacementStatus,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    StudyVisit,
    Teacher,
    Training,
    encounter_classes,
    study_visit_classes,
    study_visit_teachers,
    training_teachers,
)
from coordinator.stats.gender import placement_counts, pupil_counts, sector_dominance
from coordinator.stats.measures import dissimilarity_index, non_traditional_share, rate
from coordinator.stats.outcome_indicators import OUTCOME_KEYS, outcome_value
from coordinator.stats.scope import Year

# A placement is hosted once the host has said yes.
HOSTED = (PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED)


def _pupils_in_scope(year_id: int, school_id: int | None):
    query = (select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .where(Enrolment.school_year_id == year_id))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return query


def _classes_in_scope(year_id: int, school_id: int | None):
    query = select(SchoolClass.id).where(SchoolClass.school_year_id == year_id)
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return query


def encounter_rate(session: Session, year: Year, school_id: int | None) -> float | None:
    rows = pupil_counts(session, year.id, school_id)
    return rate(sum(r[4] for r in rows), sum(r[3] for r in rows))


def placement_mix(session: Session, year: Year, school_id: int | None) -> tuple[dict[str, dict[str, int]], int]:
    """(girls' and boys' placements by sector, all placements of girls and boys)."""
    by_sector: dict[str, dict[str, int]] = {}
    girl_boy = 0
    for _type, _grade, gender, sector, count in placement_counts(session, year.id, school_id):
        g = getattr(gender, "value", gender)
        if g in ("girl", "boy"):
            girl_boy += count
            if sector:
                by_sector.setdefault(sector, {"girl": 0, "boy": 0})[g] += count
    return by_sector, girl_boy


def non_traditional(session: Session, year: Year, school_id: int | None) -> float | None:
    by_sector, girl_boy = placement_mix(session, year, school_id)
    return non_traditional_share(by_sector, sector_dominance(session), girl_boy)


def dissimilarity(session: Session, year: Year, school_id: int | None) -> float | None:
    by_sector, _ = placement_mix(session, year, school_id)
    return dissimilarity_index({s: c["girl"] for s, c in by_sector.items()},
                               {s: c["boy"] for s, c in by_sector.items()})


def _due_condition(session: Session):
    """(SQL condition on School.school_type_id and SchoolClass.grade, days due per (type, grade))."""
    clauses = []
    due: dict[tuple[int, str], int] = {}
    for school_type in session.scalars(select(SchoolType)):
        grades = school_type.placement_grade_list
        if not grades or not school_type.required_placement_days:
            continue
        clauses.append(and_(School.school_type_id == school_type.id, SchoolClass.grade.in_(grades)))
        for position, grade in enumerate(grades, start=1):
            due[(school_type.id, grade)] = math.ceil(school_type.required_placement_days * position / len(grades))
    return (or_(*clauses) if clauses else None), due


def placement_coverage_counts(session: Session, year: Year, school_id: int | None) -> tuple[int, int]:
    """(pupils covered, pupils in due grades) — see the module's note on days due by grade."""
    condition, due = _due_condition(session)
    if condition is None:
        return 0, 0
    year_start = session.scalar(select(SchoolYear.starts_on).where(SchoolYear.id == year.id))
    days = (select(Placement.pupil_id, func.sum(Placement.days).label("days"))
            .join(SchoolYear, SchoolYear.id == Placement.school_year_id)
            .where(Placement.status == PlacementStatus.COMPLETED, SchoolYear.starts_on <= year_start)
            .group_by(Placement.pupil_id).subquery("done"))
    # One literal 0, not a bound one: a server sees two bound parameters as two different expressions.
    done_days = func.coalesce(days.c.days, literal(0, literal_execute=True))
    query = (select(School.school_type_id, SchoolClass.grade, done_days, func.count())
             .select_from(Enrolment)
             .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .join(School, School.id == SchoolClass.school_id)
             .outerjoin(days, days.c.pupil_id == Enrolment.pupil_id)
             .where(Enrolment.school_year_id == year.id, condition)
             .group_by(School.school_type_id, SchoolClass.grade, done_days))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    covered = total = 0
    for type_id, grade, done_days, pupils in session.execute(query):
        total += pupils
        if done_days >= due[(type_id, grade)]:
            covered += pupils
    return covered, total


def placement_coverage(session: Session, year: Year, school_id: int | None) -> float | None:
    covered, total = placement_coverage_counts(session, year, school_id)
    return rate(covered, total)


def _placements_in_scope(year: Year, school_id: int | None):
    conditions = [Placement.school_year_id == year.id, Placement.status != PlacementStatus.CANCELLED]
    if school_id is not None:
        conditions.append(Placement.pupil_id.in_(_pupils_in_scope(year.id, school_id)))
    return conditions


def _visits_in_scope(year: Year, school_id: int | None):
    conditions = [StudyVisit.school_year_id == year.id, StudyVisit.status != ActivityStatus.CANCELLED]
    if school_id is not None:
        conditions.append(StudyVisit.id.in_(select(study_visit_classes.c.study_visit_id).where(
            study_visit_classes.c.class_id.in_(_classes_in_scope(year.id, school_id)))))
    return conditions


def pupil_evaluation(session: Session, year: Year, school_id: int | None) -> float | None:
    placed = session.execute(select(func.sum(Placement.pupil_evaluation), func.count(Placement.pupil_evaluation))
                             .where(*_placements_in_scope(year, school_id))).one()
    visited = session.execute(select(func.sum(StudyVisit.pupil_evaluation),
                                     func.count(StudyVisit.pupil_evaluation))
                              .where(*_visits_in_scope(year, school_id))).one()
    return rate((placed[0] or 0) + (visited[0] or 0), placed[1] + visited[1])


def employer_evaluation(session: Session, year: Year, school_id: int | None) -> float | None:
    return session.scalar(select(func.avg(Placement.employer_evaluation)).where(*_placements_in_scope(year, school_id)))


def _hosts(year_ids, school_id: int | None, year: Year):
    """Organisations that hosted a placement (confirmed or completed; a mere request is not hosting),
    an uncancelled study visit or an uncancelled encounter in the given years."""
    placement_q = select(Placement.host_id.label("org_id")).where(
        Placement.school_year_id.in_(year_ids), Placement.status.in_(HOSTED))
    visit_q = select(StudyVisit.host_id).where(
        StudyVisit.school_year_id.in_(year_ids), StudyVisit.status != ActivityStatus.CANCELLED)
    encounter_q = select(Encounter.organisation_id).where(
        Encounter.school_year_id.in_(year_ids), Encounter.status != ActivityStatus.CANCELLED,
        Encounter.organisation_id.is_not(None))
    if school_id is not None:
        school_pupils = (select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                         .where(SchoolClass.school_id == school_id))
        school_classes = select(SchoolClass.id).where(SchoolClass.school_id == school_id)
        placement_q = placement_q.where(Placement.pupil_id.in_(school_pupils))
        visit_q = visit_q.where(StudyVisit.id.in_(select(study_visit_classes.c.study_visit_id).where(
            study_visit_classes.c.class_id.in_(school_classes))))
        encounter_q = encounter_q.where(Encounter.id.in_(select(encounter_classes.c.encounter_id).where(
            encounter_classes.c.class_id.in_(school_classes))))
    return union(placement_q, visit_q, encounter_q).subquery("hosts")


def active_partners(session: Session, year: Year, school_id: int | None) -> float | None:
    hosts = _hosts([year.id], school_id, year)
    return float(session.scalar(select(func.count()).select_from(hosts)) or 0)


def new_partners(session: Session, year: Year, school_id: int | None) -> float | None:
    hosts = _hosts([year.id], school_id, year)
    start = select(SchoolYear.starts_on).where(SchoolYear.id == year.id).scalar_subquery()
    earlier_ids = select(SchoolYear.id).where(SchoolYear.starts_on < start)
    if not session.scalar(select(func.count()).select_from(earlier_ids.subquery())):
        return None  # the first year held has nothing to be new against
    # New to the municipality, even on a school's card: a partner that hosted another school before is not
    # new, so a school never counts more new partners than the municipality (docs/STATISTICS.md).
    earlier = _hosts(earlier_ids, None, year)
    query = select(func.count()).select_from(hosts).where(hosts.c.org_id.not_in(select(earlier.c.org_id)))
    return float(session.scalar(query) or 0)


def places_ratio(session: Session, year: Year, school_id: int | None) -> float | None:
    condition, _due = _due_condition(session)
    if condition is None:
        return None
    needed = session.scalar(select(func.count()).select_from(Enrolment)
                            .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                            .join(School, School.id == SchoolClass.school_id)
                            .where(Enrolment.school_year_id == year.id, condition)) or 0
    offered = session.scalar(select(func.coalesce(func.sum(Organisation.places_offered), 0))
                             .where(Organisation.kind != OrganisationKind.SCHOOL)) or 0
    return rate(offered, needed)


def asked_without_hosting(session: Session, year: Year, school_id: int | None) -> float | None:
    conditions = [Placement.school_year_id == year.id]
    if school_id is not None:
        conditions.append(Placement.pupil_id.in_(_pupils_in_scope(year.id, school_id)))
    bounds = select(SchoolYear.starts_on, SchoolYear.ends_on).where(SchoolYear.id == year.id).subquery()
    asks = union_all(
        select(Placement.host_id.label("org"), case((Placement.status.in_(HOSTED), 1), else_=0).label("yes"))
        .where(*conditions),
        select(ContactLogEntry.organisation_id.label("org"),
               case((ContactLogEntry.answer == ContactAnswer.YES, 1), else_=0).label("yes"))
        .where(ContactLogEntry.asked != "", ContactLogEntry.date >= select(bounds.c.starts_on).scalar_subquery(),
               ContactLogEntry.date <= select(bounds.c.ends_on).scalar_subquery()),
    ).subquery()
    asked = (select(asks.c.org).group_by(asks.c.org)
             .having(func.count() > 3, func.sum(asks.c.yes) == 0).subquery())
    return float(session.scalar(select(func.count()).select_from(asked)) or 0)


def teachers_trained(session: Session, year: Year, school_id: int | None) -> float | None:
    trained = union(
        select(training_teachers.c.teacher_id.label("teacher_id")).join(
            Training, Training.id == training_teachers.c.training_id).where(
            Training.school_year_id == year.id, Training.status != ActivityStatus.CANCELLED),
        select(study_visit_teachers.c.teacher_id).join(
            StudyVisit, StudyVisit.id == study_visit_teachers.c.study_visit_id).where(
            StudyVisit.school_year_id == year.id, StudyVisit.status != ActivityStatus.CANCELLED),
    ).subquery("trained")
    query = select(func.count(Teacher.id), func.count(trained.c.teacher_id)).select_from(Teacher).outerjoin(
        trained, trained.c.teacher_id == Teacher.id)
    if school_id is not None:
        query = query.where(Teacher.school_id == school_id)
    teachers, with_training = session.execute(query).one()
    return rate(with_training, teachers)


def network_meetings(session: Session, year: Year, school_id: int | None) -> float | None:
    return float(session.scalar(select(func.count()).select_from(Meeting).where(
        Meeting.school_year_id == year.id, Meeting.status != ActivityStatus.CANCELLED)) or 0)


def actions_on_time(session: Session, year: Year, school_id: int | None, today: dt.date | None = None) -> float | None:
    today = today or dt.date.today()
    conditions = [ActionPlan.school_year_id == year.id, Action.status != ActionStatus.CANCELLED,
                  Action.due_date.is_not(None),
                  or_(Action.due_date < today, Action.status == ActionStatus.DONE)]
    if school_id is not None:
        conditions.append(ActionPlan.school_id == school_id)
    on_time = func.sum(case((and_(Action.status == ActionStatus.DONE, Action.done_on.is_not(None),
                                  Action.done_on <= Action.due_date), 1), else_=0))
    due, done = session.execute(select(func.count(Action.id), on_time).select_from(Action)
                                .join(Goal, Goal.id == Action.goal_id)
                                .join(ActionPlan, ActionPlan.id == Goal.plan_id).where(*conditions)).one()
    return rate(done or 0, due)


def visits_per_class(session: Session, year: Year, school_id: int | None) -> float | None:
    classes = _classes_in_scope(year.id, school_id)
    class_count = session.scalar(select(func.count()).select_from(classes.subquery())) or 0
    # A join, not "class_id IN (subquery)": SQLite re-evaluates the latter far too often here.
    query = (select(func.count()).select_from(study_visit_classes)
             .join(StudyVisit, StudyVisit.id == study_visit_classes.c.study_visit_id)
             .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
             .where(StudyVisit.school_year_id == year.id, StudyVisit.status != ActivityStatus.CANCELLED,
                    SchoolClass.school_year_id == year.id))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return rate(session.scalar(query) or 0, class_count)


COMPUTED: dict[str, Callable[[Session, Year, int | None], float | None]] = {
    "encounter_rate": encounter_rate,
    "placement_coverage": placement_coverage,
    "non_traditional_share": non_traditional,
    "dissimilarity_index": dissimilarity,
    "pupil_evaluation": pupil_evaluation,
    "active_partners": active_partners,
    "new_partners": new_partners,
    "places_ratio": places_ratio,
    "employer_evaluation": employer_evaluation,
    "asked_without_hosting": asked_without_hosting,
    "teachers_trained": teachers_trained,
    "network_meetings": network_meetings,
    "actions_on_time": actions_on_time,
    "visits_per_class": visits_per_class,
    **{key: partial(outcome_value, key=key) for key in OUTCOME_KEYS},
}


def compute_value(session: Session, key: str, year: Year, school_id: int | None) -> float | None:
    value = COMPUTED[key](session, year, school_id)
    return None if value is None else float(value)


# The values of some indicators in one year for one school (None: all): compute_values in a session, or shared.
YearValues = Callable[[list[str], Year, int | None], dict[str, float | None]]


def compute_values(session: Session, keys: list[str], year: Year, school_id: int | None) -> dict[str, float | None]:
    """Several indicators at once; those built on the per-grade aggregates share one query each."""
    out: dict[str, float | None] = {}
    if "encounter_rate" in keys:
        rows = pupil_counts(session, year.id, school_id)
        out["encounter_rate"] = rate(sum(r[4] for r in rows), sum(r[3] for r in rows))
    if {"non_traditional_share", "dissimilarity_index"} & set(keys):
        by_sector, girl_boy = placement_mix(session, year, school_id)
        out["non_traditional_share"] = non_traditional_share(by_sector, sector_dominance(session), girl_boy)
        out["dissimilarity_index"] = dissimilarity_index({s: c["girl"] for s, c in by_sector.items()},
                                                         {s: c["boy"] for s, c in by_sector.items()})
    for key in keys:
        if key not in out:
            out[key] = compute_value(session, key, year, school_id)
    return {key: None if out[key] is None else float(out[key]) for key in keys}  # type: ignore[arg-type]
