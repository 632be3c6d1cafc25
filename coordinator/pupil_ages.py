"""What the law for minors needs to know of a pupil on a day, and the rules of the database's country."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import Enrolment, Pupil, School, SchoolClass, SchoolType, SchoolYear
from coordinator.reference.labour_rules import CountryRules, rules_of
from coordinator.reference.profiles import profile
from coordinator.settings import get_setting, profile_code


@dataclass(frozen=True)
class PupilFacts:
    birth_date: dt.date | None
    compulsory_school: bool  # enrolled in a compulsory school form in the placement's school year
    guardian_consent: bool


def country_rules(session: Session) -> CountryRules | None:
    """The rules of the database's country (the setting "country", else the profile's)."""
    return rules_of(get_setting(session, "country") or profile(profile_code(session)).country)


def pupil_facts(session: Session, pupil_id: int, day: dt.date) -> PupilFacts:
    year_id = session.scalar(select(SchoolYear.id).where(SchoolYear.starts_on <= day, SchoolYear.ends_on >= day))
    compulsory = session.scalar(
        select(SchoolType.compulsory).select_from(Enrolment)
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .join(School, School.id == SchoolClass.school_id)
        .join(SchoolType, SchoolType.id == School.school_type_id)
        .where(Enrolment.pupil_id == pupil_id, Enrolment.school_year_id == year_id).limit(1))
    row = session.execute(select(Pupil.birth_date, Pupil.guardian_consent).where(Pupil.id == pupil_id)).first()
    born, consent = (row[0], bool(row[1])) if row is not None else (None, False)
    return PupilFacts(birth_date=born, compulsory_school=bool(compulsory), guardian_consent=consent)
