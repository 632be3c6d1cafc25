"""What the law for minors needs to know of a pupil on a day, and the rules of the database's country."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
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
    return pupils_facts(session, [(pupil_id, day)])[(pupil_id, day)]


_CHUNK = 500  # ids per IN (…): well below every engine's limit on bound parameters


def pupils_facts(session: Session,
                 wanted: Iterable[tuple[int, dt.date]]) -> dict[tuple[int, dt.date], PupilFacts]:
    """The facts of many (pupil, day) pairs in a few queries, however many pairs (a batch of letters)."""
    pairs = set(wanted)
    years = session.execute(select(SchoolYear.id, SchoolYear.starts_on, SchoolYear.ends_on)
                            .order_by(SchoolYear.id)).all()
    year_of = {day: next((yid for yid, start, end in years if start <= day <= end), None)
               for day in {day for _pid, day in pairs}}
    ids = sorted({pid for pid, _day in pairs})
    compulsory: dict[tuple[int, int], bool] = {}
    people: dict[int, tuple[dt.date | None, bool]] = {}
    for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        compulsory.update(((pid, yid), bool(flag)) for pid, yid, flag in session.execute(
            select(Enrolment.pupil_id, Enrolment.school_year_id, SchoolType.compulsory).select_from(Enrolment)
            .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
            .join(School, School.id == SchoolClass.school_id)
            .join(SchoolType, SchoolType.id == School.school_type_id)
            .where(Enrolment.pupil_id.in_(chunk))))
        people.update((pid, (born, bool(consent))) for pid, born, consent in session.execute(
            select(Pupil.id, Pupil.birth_date, Pupil.guardian_consent).where(Pupil.id.in_(chunk))))
    facts = {}
    for pid, day in pairs:
        born, consent = people.get(pid, (None, False))
        facts[(pid, day)] = PupilFacts(birth_date=born, guardian_consent=consent,
                                       compulsory_school=compulsory.get((pid, year_of[day]), False))
    return facts
