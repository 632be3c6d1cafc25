"""What comes next and how the year goes: the overview's lists, key numbers and grade progression.

Counting follows docs/STATISTICS.md and the statistics module: a visit, placement or encounter counts
unless cancelled; a visit or encounter counts for the pupils listed as its participants, a placement
for its pupil; a pupil belongs to the grade of their class that school year. The overview's window
runs from today to the Sunday that ends `days` days of weeks counted from this week's Monday
(`days=14`: this week and next).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coordinator.form_words import name_column
from coordinator.i18n import _, ngettext
from coordinator.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActivityStatus,
    Contact,
    Encounter,
    Enrolment,
    Goal,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    StudyVisit,
    Teacher,
    encounter_classes,
    study_visit_classes,
)
from coordinator.reference.sectors import sector_name
from coordinator.clusters.contact_log import LogRow, follow_ups_due
from coordinator.years import resolve_year, school_year_id

LIST_LIMIT = 50
OPEN_ACTION = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
# Short prefixes for a school type's grades when its labels clash with an earlier type's.
TYPE_PREFIXES: dict[str, str] = {"se_grundskola": "Gr", "se_gymnasium": "Gy", "pl_podstawowa": "SP",
                                 "pl_technikum": "T", "ru_school": "Ш", "ru_college": "К"}


@dataclass(frozen=True)
class UpcomingVisit:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    title: str
    host: str
    classes: str


@dataclass(frozen=True)
class UpcomingPlacement:
    id: int
    pupil: str
    host: str
    start_date: dt.date
    end_date: dt.date


@dataclass(frozen=True)
class DueAction:
    id: int
    title: str
    due_date: dt.date
    status: str
    responsible: str
    overdue: bool


@dataclass(frozen=True)
class Upcoming:
    first: dt.date
    last: dt.date
    visits: list[UpcomingVisit]
    placements_starting: list[UpcomingPlacement]
    placements_ending: list[UpcomingPlacement]
    placements_starting_total: int
    placements_ending_total: int
    actions_due: list[DueAction]
    actions_overdue: list[DueAction]
    follow_ups: list[LogRow] = field(default_factory=list)  # contact-log follow-ups due by `last`, or overdue


@dataclass(frozen=True)
class GradeKey:
    school_type_id: int
    grade: str
    label: str
    compulsory: bool


@dataclass(frozen=True)
class GradeRate:
    label: str
    compulsory: bool
    pupils: int
    reached: int

    @property
    def rate(self) -> float | None:
        return self.reached / self.pupils if self.pupils else None


@dataclass(frozen=True)
class SectorGender:
    code: str
    name: str
    girls: int
    boys: int
    other: int


@dataclass(frozen=True)
class KeyNumbers:
    year: str
    pupils: int
    reached: int
    visits: int
    placements: int
    encounters: int
    encounter_rate_by_grade: list[GradeRate]
    sectors: list[SectorGender]


@dataclass(frozen=True)
class GradeRow:
    label: str
    school_type: str
    grade: str
    pupils: int
    visits: list[str] = field(default_factory=list)
    placements: int = 0
    placement_days: int = 0
    encounters: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)

    @property
    def activities(self) -> list[str]:
        """Everything the grade experiences, as lines a person reads."""
        lines = [_("Study visit: {name}").format(name=name) for name in self.visits]
        if self.placements:
            lines.append(ngettext("Placement: {count} pupil, {days} days in all",
                                  "Placements: {count} pupils, {days} days in all",
                                  self.placements).format(count=self.placements, days=self.placement_days))
        lines += [_("Encounter: {name}").format(name=name) for name in self.encounters]
        lines += [_("Action: {name}").format(name=name) for name in self.actions]
        return lines


def _week_window(today: dt.date, days: int) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return today, monday + dt.timedelta(days=max(days, 1) - 1)


def _responsible(first: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, last) if p)


def upcoming(session: Session, *, today: dt.date, days: int = 14) -> Upcoming:
    """Visits, placements starting or ending, and actions due from today to the end of next week."""
    first, last = _week_window(today, days)
    after_last = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    class_names = (select(study_visit_classes.c.study_visit_id,
                          func.group_concat(SchoolClass.name, ", ").label("names"))
                   .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
                   .group_by(study_visit_classes.c.study_visit_id).subquery())
    visits = [UpcomingVisit(r.id, r.starts_at, r.ends_at, r.title or "", r.host, r.names or "")
              for r in session.execute(
        select(StudyVisit.id, StudyVisit.starts_at, StudyVisit.ends_at, StudyVisit.title,
               Organisation.name.label("host"), class_names.c.names)
        .join(Organisation, Organisation.id == StudyVisit.host_id)
        .outerjoin(class_names, class_names.c.study_visit_id == StudyVisit.id)
        .where(StudyVisit.starts_at >= dt.datetime.combine(first, dt.time()), StudyVisit.starts_at < after_last,
               StudyVisit.status != ActivityStatus.CANCELLED)
        .order_by(StudyVisit.starts_at).limit(LIST_LIMIT))]

    def placements(column):
        # The count of all comes with the first page, from the same pass (no index serves the end date).
        rows = session.execute(
            select(Placement.id, Pupil.first_name, Pupil.last_name, Organisation.name, Placement.start_date,
                   Placement.end_date, func.count().over())
            .join(Pupil, Pupil.id == Placement.pupil_id).join(Organisation, Organisation.id == Placement.host_id)
            .where(column >= first, column <= last, Placement.status != PlacementStatus.CANCELLED)
            .order_by(column, Organisation.name, Pupil.last_name).limit(LIST_LIMIT)).all()
        total = rows[0][6] if rows else 0
        return [UpcomingPlacement(r[0], f"{r[1]} {r[2]}", r[3], r[4], r[5]) for r in rows], int(total)

    starting, starting_total = placements(Placement.start_date)
    ending, ending_total = placements(Placement.end_date)

    def actions(*where) -> list[DueAction]:
        rows = session.execute(
            select(Action.id, Action.title, Action.due_date, Action.status, Contact.first_name, Contact.last_name,
                   Teacher.first_name.label("tf"), Teacher.last_name.label("tl"))
            .outerjoin(Contact, Contact.id == Action.responsible_contact_id)
            .outerjoin(Teacher, Teacher.id == Action.responsible_teacher_id)
            .where(Action.status.in_(OPEN_ACTION), *where).order_by(Action.due_date).limit(LIST_LIMIT))
        return [DueAction(r.id, r.title, r.due_date, ActionStatus(r.status).value,
                          _responsible(r.first_name, r.last_name) or _responsible(r.tf, r.tl),
                          r.due_date < today) for r in rows]

    return Upcoming(first=first, last=last, visits=visits, placements_starting=starting,
                    placements_ending=ending, placements_starting_total=starting_total,
                    placements_ending_total=ending_total,
                    actions_due=actions(Action.due_date >= today, Action.due_date <= last),
                    actions_overdue=actions(Action.due_date < today),
                    follow_ups=follow_ups_due(session, today, (last - today).days, limit=LIST_LIMIT))


# --- grades -------------------------------------------------------------------------------------

def grade_keys(session: Session, school_id: int | None = None) -> list[GradeKey]:
    """Grades of the school types in use (or of one school), compulsory first, each in its order."""
    query = select(SchoolType).order_by(SchoolType.compulsory.desc(), SchoolType.id)
    if school_id is not None:
        query = query.join(School, School.school_type_id == SchoolType.id).where(School.id == school_id)
    else:
        in_use = select(School.school_type_id)
        if session.scalar(select(func.count(School.id))):
            query = query.where(SchoolType.id.in_(in_use))
    keys: list[GradeKey] = []
    seen: set[str] = set()
    for school_type in session.scalars(query).unique():
        grades = school_type.grade_list
        prefix = (school_type.short or TYPE_PREFIXES.get(school_type.code, school_type.code[:2].title())
                  if seen & set(grades) else "")
        keys += [GradeKey(school_type.id, g, f"{prefix} {g}" if prefix else g, school_type.compulsory)
                 for g in grades]
        seen |= {k.label for k in keys}
    return keys


def _pupils_per_grade(session: Session, year_id: int, school_id: int | None):
    """(school type, grade) → (pupils, pupils with an encounter), by the statistics' own definition."""
    from coordinator.stats.gender import pupil_counts

    totals: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for type_id, grade, _gender, pupils, reached in pupil_counts(session, year_id, school_id):
        totals[(type_id, grade)][0] += int(pupils)
        totals[(type_id, grade)][1] += int(reached)
    return {key: (pupils, reached) for key, (pupils, reached) in totals.items()}


def key_numbers(session: Session, *, year: str | None = None, school_id: int | None = None) -> KeyNumbers:
    """The year's counts, encounter rate per grade, and girls/boys/other placements per sector."""
    found = resolve_year(session, year)
    label, year_id = found.label, found.id
    per_grade = _pupils_per_grade(session, year_id, school_id)
    rates = [GradeRate(k.label, k.compulsory, *per_grade.get((k.school_type_id, k.grade), (0, 0)))
             for k in grade_keys(session, school_id)]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    query = (select(Organisation.sector_code, Pupil.gender, func.count(Placement.id))
             .select_from(Placement)
             .join(Pupil, Pupil.id == Placement.pupil_id)
             .join(Organisation, Organisation.id == Placement.host_id)
             .where(Placement.school_year_id == year_id, Placement.status != PlacementStatus.CANCELLED,
                    Organisation.sector_code.is_not(None))
             .group_by(Organisation.sector_code, Pupil.gender))
    if school_id is not None:
        query = query.where(Placement.pupil_id.in_(
            select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
            .where(Enrolment.school_year_id == year_id, SchoolClass.school_id == school_id)))
    for sector, gender, count in session.execute(query):
        counts[sector][getattr(gender, "value", gender)] += int(count)
    sectors = [SectorGender(code, sector_name(code), c["girl"], c["boy"], c["other"] + c["unspecified"])
               for code, c in sorted(counts.items())]

    def count(model) -> int:
        return int(session.scalar(select(func.count(model.id)).where(
            model.school_year_id == year_id, model.status.not_in(["cancelled"]))) or 0)

    return KeyNumbers(year=label, pupils=sum(r.pupils for r in rates), reached=sum(r.reached for r in rates),
                      visits=count(StudyVisit), placements=count(Placement), encounters=count(Encounter),
                      encounter_rate_by_grade=rates, sectors=sectors)


def grade_progression(session: Session, *, year: str | None = None, school_id: int | None = None,
                      names_per_grade: int = 8) -> list[GradeRow]:
    """What each grade experiences in the year: visits, placements, encounters, actions aimed at it."""
    year_id = school_year_id(session, year)
    per_grade = _pupils_per_grade(session, year_id, school_id)
    visits, encounters = _activity_names(session, year_id, school_id)
    placements = _placements_per_grade(session, year_id, school_id)
    actions = _actions_per_grade(session, year_id, school_id)
    type_names = dict(session.execute(select(SchoolType.id, name_column())).all())

    def capped(names: list[str]) -> list[str]:
        if len(names) <= names_per_grade:
            return names
        rest = len(names) - names_per_grade + 1
        return names[:names_per_grade - 1] + [ngettext("and {count} more", "and {count} more", rest).format(
            count=rest)]

    # Plans name grades as the whole municipality labels them ("T 3"), also in one school's table ("3").
    plan_labels = {(k.school_type_id, k.grade): k.label for k in grade_keys(session)}
    rows = []
    for key in grade_keys(session, school_id):
        k = (key.school_type_id, key.grade)
        count, days = placements.get(k, (0, 0))
        rows.append(GradeRow(label=key.label, school_type=type_names.get(key.school_type_id, ""),
                             grade=key.grade, pupils=per_grade.get(k, (0, 0))[0], visits=capped(visits.get(k, [])),
                             placements=count, placement_days=days, encounters=capped(encounters.get(k, [])),
                             actions=capped(actions.get(plan_labels.get(k, key.label), []))))
    return rows


GradeNames = dict[tuple[int, str], list[str]]


def _activity_names(session: Session, year_id: int, school_id: int | None) -> tuple[GradeNames, GradeNames]:
    """The names of the year's study visits and encounters per (school type, grade) of their classes."""
    def names_by_grade(query) -> GradeNames:  # type: ignore[no-untyped-def]
        if school_id is not None:
            query = query.where(SchoolClass.school_id == school_id)
        found: GradeNames = defaultdict(list)
        for type_id, grade, name in session.execute(query.distinct()):
            found[(type_id, grade)].append(name)
        return found

    visit_name = func.coalesce(func.nullif(StudyVisit.title, ""), Organisation.name)
    visits = names_by_grade(
        select(School.school_type_id, SchoolClass.grade, visit_name)
        .select_from(study_visit_classes)
        .join(StudyVisit, StudyVisit.id == study_visit_classes.c.study_visit_id)
        .join(Organisation, Organisation.id == StudyVisit.host_id)
        .join(SchoolClass, SchoolClass.id == study_visit_classes.c.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .where(StudyVisit.school_year_id == year_id, StudyVisit.status != ActivityStatus.CANCELLED)
        .order_by(visit_name))
    encounters = names_by_grade(
        select(School.school_type_id, SchoolClass.grade, Encounter.title)
        .select_from(encounter_classes)
        .join(Encounter, Encounter.id == encounter_classes.c.encounter_id)
        .join(SchoolClass, SchoolClass.id == encounter_classes.c.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .where(Encounter.school_year_id == year_id, Encounter.status != ActivityStatus.CANCELLED)
        .order_by(Encounter.title))
    return visits, encounters


def _placements_per_grade(session: Session, year_id: int,
                          school_id: int | None) -> dict[tuple[int, str], tuple[int, int]]:
    """(placements, placement days) per (school type, grade) of the pupils' classes."""
    query = (
        select(School.school_type_id, SchoolClass.grade, func.count(Placement.id), func.sum(Placement.days))
        .select_from(Placement)
        .join(Enrolment, (Enrolment.pupil_id == Placement.pupil_id) & (Enrolment.school_year_id == year_id))
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .where(Placement.school_year_id == year_id, Placement.status != PlacementStatus.CANCELLED)
        .group_by(School.school_type_id, SchoolClass.grade))
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return {(r[0], r[1]): (int(r[2]), int(r[3] or 0)) for r in session.execute(query)}


def _actions_per_grade(session: Session, year_id: int, school_id: int | None) -> dict[str, list[str]]:
    """The titles of the year's actions per grade label they target, in plan order."""
    query = (select(Action.title, Action.target_grades).join(Goal, Goal.id == Action.goal_id)
             .join(ActionPlan, ActionPlan.id == Goal.plan_id)
             .where(ActionPlan.school_year_id == year_id, Action.status != ActionStatus.CANCELLED,
                    Action.target_grades != "")
             .order_by(Goal.position, Action.position, Action.id))
    if school_id is not None:
        query = query.where(or_(ActionPlan.school_id.is_(None), ActionPlan.school_id == school_id))
    actions: dict[str, list[str]] = defaultdict(list)
    for title, grades in session.execute(query):
        for grade in grades.split(";"):
            if grade and title not in actions[grade]:
                actions[grade].append(title)
    return actions
