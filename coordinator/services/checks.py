"""Planning checks that warn but never block: double bookings, holidays, capacity, minors' hours, days due.

Rules, as the coordinator sees them:
- A study visit without an end time counts as lasting `DEFAULT_VISIT_LENGTH` (two hours). Cancelled
  visits and placements never clash with anything.
- Public holidays come from the `holidays` library for the database's country (setting "country");
  Sundays that the library lists as "holidays" in Sweden are reported as a weekend, not a holiday.
- Capacity: an organisation offering N places (`places_offered`, 0 = not stated, never warned about)
  is over capacity when more than N non-cancelled placements are running on the same day at any
  point of the new placement's period.
- The law's rules for minors (hours a day and a week, the night, the minimum age, the guardian's consent)
  follow the pupil's age on each day of the placement, for every pupil: see `age_checks`.
- Placement days due: the days of completed and confirmed placements made in the years when the
  pupil was in one of the school type's placement grades count towards `required_placement_days`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from coordinator.formatting import format_date, format_datetime, format_time, weekday_name
from coordinator.i18n import _, get_language, ngettext
from coordinator.models import (
    ActivityStatus,
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    StudyVisit,
    Teacher,
    study_visit_classes,
    study_visit_teachers,
)
from coordinator.reference.profiles import profile
from coordinator.services.warning_codes import (  # noqa: F401 (re-exported for callers of checks)
    DAYS_SHORT,
    DOUBLE_BOOKING,
    GUARDIAN_CONSENT_MISSING,
    HOST_OVER_CAPACITY,
    HOURS_PER_DAY,
    HOURS_PER_WEEK,
    NIGHT_WORK,
    PLACEMENT_OVERLAP,
    PUBLIC_HOLIDAY,
    RISK_ASSESSMENT_MISSING,
    UNDER_MINIMUM_AGE,
    WEEKEND,
    CheckWarning,
)
from coordinator.settings import get_setting, profile_code
from coordinator.years import school_year_id

DEFAULT_VISIT_LENGTH = dt.timedelta(hours=2)

@dataclass(frozen=True)
class LackingPupil:
    pupil_id: int
    name: str
    class_name: str
    days_done: int
    days_required: int


# --- study visits -------------------------------------------------------------------------------

def _visit_end(starts_at: dt.datetime, ends_at: dt.datetime | None) -> dt.datetime:
    return ends_at if ends_at is not None and ends_at > starts_at else starts_at + DEFAULT_VISIT_LENGTH


def _visit_when(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    end = _visit_end(starts_at, ends_at)
    if end.date() == starts_at.date():
        return _("{date}, {start}–{end}").format(date=format_date(starts_at.date()),
                                                 start=format_time(starts_at), end=format_time(end))
    return _("{start} – {end}").format(start=format_datetime(starts_at, "short"), end=format_datetime(end, "short"))


def _clashing_visits(session: Session, link_table, link_column: str, ids: list[int], starts_at: dt.datetime,
                     ends_at: dt.datetime, visit_id: int | None):
    """(linked id, visit title, host name, starts_at, ends_at) of other visits overlapping the period."""
    if not ids:
        return []
    column = link_table.c[link_column]
    query = (
        select(column, StudyVisit.id, StudyVisit.title, Organisation.name, StudyVisit.starts_at, StudyVisit.ends_at)
        .join(StudyVisit, StudyVisit.id == link_table.c.study_visit_id)
        .join(Organisation, Organisation.id == StudyVisit.host_id)
        .where(column.in_(ids), StudyVisit.status != ActivityStatus.CANCELLED,
               StudyVisit.starts_at < ends_at,
               # Narrow in SQL; visits are never longer than a few days, the exact test is below.
               StudyVisit.starts_at > starts_at - dt.timedelta(days=14))
        .order_by(StudyVisit.starts_at)
    )
    if visit_id is not None:
        query = query.where(StudyVisit.id != visit_id)
    return [row for row in session.execute(query) if _visit_end(row[4], row[5]) > starts_at]


def _visit_name(title: str, host: str) -> str:
    return title.strip() or _("visit to {host}").format(host=host)


def study_visit_warnings(session: Session, *, starts_at: dt.datetime, ends_at: dt.datetime | None,
                         class_ids: list[int] | tuple[int, ...] = (),
                         teacher_ids: list[int] | tuple[int, ...] = (), host_id: int | None = None,
                         visit_id: int | None = None) -> list[CheckWarning]:
    """What is doubtful about a study visit at this time with these classes and teachers."""
    del host_id  # the host may receive several groups at once; kept for a stable call signature
    end = _visit_end(starts_at, ends_at)
    warnings: list[CheckWarning] = []
    class_names = dict(session.execute(select(SchoolClass.id, SchoolClass.name)
                                       .where(SchoolClass.id.in_(list(class_ids)))).all()) if class_ids else {}
    for class_id, _vid, title, host, other_start, other_end in _clashing_visits(
            session, study_visit_classes, "class_id", list(class_ids), starts_at, end, visit_id):
        warnings.append(CheckWarning(DOUBLE_BOOKING, _(
            "Class {name} is already booked for “{visit}” on {when}.").format(
            name=class_names.get(class_id, "?"), visit=_visit_name(title, host),
            when=_visit_when(other_start, other_end))))
    teacher_names = {row.id: f"{row.first_name} {row.last_name}" for row in session.execute(
        select(Teacher.id, Teacher.first_name, Teacher.last_name).where(Teacher.id.in_(list(teacher_ids))))
    } if teacher_ids else {}
    for teacher_id, _vid, title, host, other_start, other_end in _clashing_visits(
            session, study_visit_teachers, "teacher_id", list(teacher_ids), starts_at, end, visit_id):
        warnings.append(CheckWarning(DOUBLE_BOOKING, _(
            "{teacher} is already booked for “{visit}” on {when}.").format(
            teacher=teacher_names.get(teacher_id, "?"), visit=_visit_name(title, host),
            when=_visit_when(other_start, other_end))))
    warnings.extend(date_warnings(session, starts_at.date(), end.date()))
    return warnings


def _holiday_language(country: str) -> str | None:
    return _holiday_language_for(country, get_language())


@lru_cache(maxsize=32)
def _holiday_language_for(country: str, language: str) -> str | None:
    import holidays

    try:
        supported = getattr(holidays.country_holidays(country), "supported_languages", ()) or ()
    except NotImplementedError:
        return None
    for candidate in (language, "en_US" if language == "en" else None):
        if candidate and candidate in supported:
            return candidate
    return "en_US" if "en_US" in supported else None


@lru_cache(maxsize=64)
def _holidays_of(country: str, year: int, language: str | None) -> dict[dt.date, str]:
    import holidays

    kwargs = {"years": year, "language": language}
    if country == "SE":
        kwargs["include_sundays"] = False  # Sundays are weekends here, not holidays
    try:
        found = holidays.country_holidays(country, **kwargs)
    except (NotImplementedError, KeyError, TypeError):
        return {}
    return dict(found.items())


def public_holiday(session: Session, day: dt.date) -> str | None:
    """The name of the public holiday on `day` in the database's country, in the language in force."""
    country = (get_setting(session, "country") or profile(profile_code(session)).country).upper()
    return _holidays_of(country, day.year, _holiday_language(country)).get(day)


def date_warnings(session: Session, first: dt.date, last: dt.date | None = None) -> list[CheckWarning]:
    """Public holidays and weekend days from `first` to `last` (at most a fortnight is looked at)."""
    last = max(first, last or first)
    warnings = []
    day = first
    while day <= last and day <= first + dt.timedelta(days=13):
        name = public_holiday(session, day)
        if name:
            warnings.append(CheckWarning(PUBLIC_HOLIDAY, _("{date} is a public holiday: {holiday}.").format(
                date=format_date(day), holiday=name)))
        elif day.weekday() >= 5:
            warnings.append(CheckWarning(WEEKEND, _("{date} is a {weekday}, a weekend day.").format(
                date=format_date(day), weekday=weekday_name(day))))
        day += dt.timedelta(days=1)
    return warnings


# --- placements ---------------------------------------------------------------------------------

def _max_concurrent(periods: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> int:
    """The most periods running on one day between start and end (inclusive)."""
    best = 0
    for day in {max(p[0], start) for p in periods} | {start}:
        if day > end:
            continue
        best = max(best, sum(1 for p in periods if p[0] <= day <= p[1]))
    return best


def placement_warnings(session: Session, *, pupil_id: int, host_id: int, start_date: dt.date,
                       end_date: dt.date, hours_per_day: float | None = None,
                       daily_start: dt.time | None = None, daily_end: dt.time | None = None,
                       status: PlacementStatus | str = PlacementStatus.REQUESTED,
                       risk_assessment_received: bool = False,
                       placement_id: int | None = None, days: int | None = None) -> list[CheckWarning]:
    """What is doubtful about this placement: overlaps, capacity, the law for minors, risk assessment."""
    from coordinator.services.age_checks import WorkingTime, age_rule_warnings

    status = PlacementStatus(status)
    warnings: list[CheckWarning] = []
    if status == PlacementStatus.CANCELLED:
        return warnings
    others = (select(Placement.id, Placement.pupil_id, Placement.start_date, Placement.end_date, Organisation.name)
              .join(Organisation, Organisation.id == Placement.host_id)
              .where(Placement.status != PlacementStatus.CANCELLED, Placement.start_date <= end_date,
                     Placement.end_date >= start_date))
    if placement_id is not None:
        others = others.where(Placement.id != placement_id)
    for row in session.execute(others.where(Placement.pupil_id == pupil_id).order_by(Placement.start_date)):
        warnings.append(CheckWarning(PLACEMENT_OVERLAP, _(
            "The pupil already has a placement at {host} from {start} to {end}.").format(
            host=row.name, start=format_date(row.start_date), end=format_date(row.end_date))))

    host = session.execute(select(Organisation.name, Organisation.places_offered)
                           .where(Organisation.id == host_id)).first()
    if host is not None and host.places_offered:
        periods = [(r.start_date, r.end_date) for r in session.execute(
            others.where(Placement.host_id == host_id))]
        periods.append((start_date, end_date))
        busiest = _max_concurrent(periods, start_date, end_date)
        if busiest > host.places_offered:
            warnings.append(CheckWarning(HOST_OVER_CAPACITY, ngettext(
                "{host} offered {places} place; with this placement {count} pupils are there at the same time.",
                "{host} offered {places} places; with this placement {count} pupils are there at the same time.",
                host.places_offered).format(host=host.name, places=host.places_offered, count=busiest)))

    warnings += age_rule_warnings(session, pupil_id=pupil_id, work=WorkingTime(
        first_day=start_date, last_day=end_date, hours_per_day=hours_per_day, daily_start=daily_start,
        daily_end=daily_end, days=days))

    if status == PlacementStatus.CONFIRMED and not risk_assessment_received:
        warnings.append(CheckWarning(RISK_ASSESSMENT_MISSING, _(
            "The placement is confirmed but the risk assessment has not been received.")))
    return warnings


# --- placement days due -------------------------------------------------------------------------

def _grade_in(grades_column, grade_column):
    """SQL: the grade label is one of the ';'-separated labels."""
    return (";" + grades_column + ";").contains(";" + grade_column + ";")


def pupils_lacking_placement_days(session: Session, *, year: str | None = None, grade: str,
                                  school_id: int | None = None) -> list[LackingPupil]:
    """Pupils of a grade (in school types where placements are due in it) short of the required days."""
    year_id = school_year_id(session, year)
    past_class = SchoolClass.__table__.alias("past_class")
    past_enrolment = Enrolment.__table__.alias("past_enrolment")
    past_school = School.__table__.alias("past_school")
    past_type = SchoolType.__table__.alias("past_type")
    done = (
        select(Placement.pupil_id.label("pupil_id"), func.sum(Placement.days).label("days"))
        .join(past_enrolment, and_(past_enrolment.c.pupil_id == Placement.pupil_id,
                                   past_enrolment.c.school_year_id == Placement.school_year_id))
        .join(past_class, past_class.c.id == past_enrolment.c.class_id)
        .join(past_school, past_school.c.id == past_class.c.school_id)
        .join(past_type, past_type.c.id == past_school.c.school_type_id)
        .where(Placement.status.in_([PlacementStatus.COMPLETED, PlacementStatus.CONFIRMED]),
               _grade_in(past_type.c.placement_grades, past_class.c.grade))
        .group_by(Placement.pupil_id)
        .subquery()
    )
    days_done = func.coalesce(done.c.days, 0)
    query = (
        select(Pupil.id, Pupil.first_name, Pupil.last_name, SchoolClass.name, days_done,
               SchoolType.required_placement_days)
        .select_from(Enrolment)
        .join(Pupil, Pupil.id == Enrolment.pupil_id)
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .join(SchoolType, SchoolType.id == School.school_type_id)
        .outerjoin(done, done.c.pupil_id == Pupil.id)
        .where(Enrolment.school_year_id == year_id, SchoolClass.grade == grade,
               SchoolType.required_placement_days > 0,
               _grade_in(SchoolType.placement_grades, SchoolClass.grade),
               days_done < SchoolType.required_placement_days)
        .order_by(SchoolClass.name, Pupil.last_name, Pupil.first_name)
    )
    if school_id is not None:
        query = query.where(SchoolClass.school_id == school_id)
    return [LackingPupil(pupil_id=row[0], name=f"{row[1]} {row[2]}", class_name=row[3], days_done=int(row[4]),
                         days_required=int(row[5])) for row in session.execute(query)]


# The overview's services live in progress.py; re-exported for callers that look for them here.
from coordinator.services.progress import grade_progression, key_numbers, upcoming  # noqa: F401
