"""Reads one placement period's offers and wishes into a matching problem, and writes an assignment back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.matching.problem import NACE_SECTIONS, MatchResult, OfferIn, Problem, PupilIn, age_on
from coordinator.models import (
    Enrolment,
    Offer,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    Wish,
)
from coordinator.reference.profiles import profile
from coordinator.schoolyears import label_of
from coordinator.services.setup import ensure_school_year, get_setting, profile_code, school_year_id
from coordinator.stats.gender import sector_dominance

DEFAULT_MAX_WISHES = 5
DEFAULT_HOURS_PER_DAY = 7.0

# Matching still sorts out offers by the profile's one limit for minors: compulsory school or under 16.
MINOR_AGE_WITHOUT_ENROLMENT = 16


@dataclass(frozen=True)
class Period:
    first_day: dt.date
    last_day: dt.date
    year: str | None = None


def max_wishes(session: Session) -> int:
    """How many wishes a pupil may rank (setting "max_wishes", default 5)."""
    text = get_setting(session, "max_wishes")
    return int(text) if text and text.isdigit() and int(text) > 0 else DEFAULT_MAX_WISHES


def _year_id(session: Session, period: Period) -> int:
    if period.year:
        return school_year_id(session, period.year)
    found = session.scalar(
        select(SchoolYear.id).where(
            SchoolYear.starts_on <= period.first_day, SchoolYear.ends_on >= period.first_day
        )
    )
    if found is None:
        raise UserError(
            _("There is no school year {year} in this database.").format(year=label_of(period.first_day))
        )
    return found


def _wishes(session: Session, period: Period, year_id: int) -> dict[int, tuple[int, ...]]:
    rows = session.execute(
        select(Wish.pupil_id, Wish.rank, Wish.organisation_id)
        .join(Enrolment, (Enrolment.pupil_id == Wish.pupil_id) & (Enrolment.school_year_id == year_id))
        .join(Pupil, Pupil.id == Wish.pupil_id)
        .where(Wish.first_day == period.first_day, Wish.last_day == period.last_day, Pupil.left_on.is_(None))
        .order_by(Wish.pupil_id, Wish.rank)
    )
    wishes: dict[int, list[int]] = {}
    for pupil_id, _rank, organisation_id in rows:
        listed = wishes.setdefault(pupil_id, [])
        if organisation_id not in listed:
            listed.append(organisation_id)
    return {pupil_id: tuple(listed) for pupil_id, listed in wishes.items()}


def _pupils(session: Session, pupil_ids: list[int], year_id: int, period: Period) -> tuple[PupilIn, ...]:
    rows = session.execute(
        select(
            Pupil.id, Pupil.gender, Pupil.birth_date, SchoolType.compulsory, SchoolClass.vocational_profile
        )
        .join(Enrolment, (Enrolment.pupil_id == Pupil.id) & (Enrolment.school_year_id == year_id))
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .join(SchoolType, SchoolType.id == School.school_type_id)
        .where(Pupil.id.in_(pupil_ids))
        .order_by(Pupil.id)
    )
    busy: dict[int, list[tuple[dt.date, dt.date]]] = {}
    for pupil_id, start, end in session.execute(
        select(Placement.pupil_id, Placement.start_date, Placement.end_date).where(
            Placement.pupil_id.in_(pupil_ids),
            Placement.status != PlacementStatus.CANCELLED,
            Placement.start_date <= period.last_day,
            Placement.end_date >= period.first_day,
        )
    ):
        busy.setdefault(pupil_id, []).append((start, end))
    pupils = []
    for pupil_id, gender, born, compulsory, programme in rows:
        young = born is not None and age_on(born, period.first_day) < MINOR_AGE_WITHOUT_ENROLMENT
        minor = bool(compulsory) or young
        pupils.append(
            PupilIn(
                id=pupil_id,
                gender=getattr(gender, "value", str(gender)),
                birth_date=born,
                minor_rules=minor,
                programme=programme,
                busy=tuple(sorted(busy.get(pupil_id, ()))),
            )
        )
    return tuple(pupils)


def _offers(session: Session, period: Period) -> tuple[OfferIn, ...]:
    dominance = sector_dominance(session)
    rows = session.execute(
        select(Offer, Organisation.sector_code)
        .join(Organisation, Organisation.id == Offer.organisation_id)
        .where(Offer.first_day >= period.first_day, Offer.last_day <= period.last_day)
        .order_by(Offer.id)
    )
    offers = []
    for offer, org_sector in rows:
        sections = [code.upper() for code in offer.fit_list if code.upper() in NACE_SECTIONS]
        sector = sections[0] if sections else org_sector
        offers.append(
            OfferIn(
                id=offer.id,
                organisation_id=offer.organisation_id,
                places=offer.places,
                first_day=offer.first_day,
                last_day=offer.last_day,
                fits=tuple(offer.fit_list),
                minimum_age=offer.minimum_age,
                hours_per_day=offer.hours_per_day,
                sector_code=sector,
                dominated_by=dominance.get(sector or ""),
            )
        )
    return tuple(offers)


def load_problem(session: Session, period: Period) -> Problem:
    """The pupils (enrolled in the year) with wishes for exactly this period, and the offers inside it."""
    if period.first_day > period.last_day:
        raise UserError(_("The first day comes after the last day."))
    year_id = _year_id(session, period)
    wishes = _wishes(session, period, year_id)
    return Problem(
        pupils=_pupils(session, sorted(wishes), year_id, period),
        offers=_offers(session, period),
        wishes=wishes,
        max_hours_minor=profile(profile_code(session)).max_hours_per_day_minor,
    )


def organisation_names(session: Session, ids: set[int]) -> dict[int, str]:
    query = select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
    return {row.id: row.name for row in session.execute(query)}


def weekdays(first: dt.date, last: dt.date) -> int:
    """Monday–Friday days from first to last, both included."""
    return sum(1 for n in range((last - first).days + 1) if (first + dt.timedelta(days=n)).weekday() < 5)


def apply_result(session: Session, result: MatchResult) -> list[int]:
    """Each assignment becomes a placement with status requested; returns the new placements' ids."""
    offers = {
        o.id: o
        for o in session.scalars(select(Offer).where(Offer.id.in_({a.offer for a in result.assignments})))
    }
    added = []
    for assignment in result.assignments:
        offer = offers[assignment.offer]
        placement = Placement(
            school_year_id=ensure_school_year(session, label_of(offer.first_day)),
            pupil_id=assignment.pupil,
            host_id=offer.organisation_id,
            supervisor_id=offer.contact_id,
            start_date=offer.first_day,
            end_date=offer.last_day,
            days=weekdays(offer.first_day, offer.last_day),
            hours_per_day=min(offer.hours_per_day or DEFAULT_HOURS_PER_DAY, 24.0),
            status=PlacementStatus.REQUESTED,
        )
        session.add(placement)
        added.append(placement)
    session.flush()
    return [p.id for p in added]
