"""A handful of named people spread over every kind of record, for erasure, export and retention tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from coordinator.models import (
    Contact,
    Encounter,
    Enrolment,
    Gender,
    Organisation,
    Placement,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    StudyVisit,
)
from coordinator.store import Store

ERASED = ("Xanthippa", "Quillfeather")  # a name found nowhere else
PROTECTED = ("Yrsa", "Hemligsson")
LEAVER = ("Ottilia", "Gammalgren")
CONTACT = ("Zebulon", "Kontaktsson")


def populate(store: Store) -> dict[str, int]:
    """Add the people; returns their ids by role."""
    with store.session() as s:
        school_type = s.scalars(select(SchoolType).where(SchoolType.grades.like("F;%"))).first()
        years = list(s.scalars(select(SchoolYear).order_by(SchoolYear.starts_on)))
        last, this = years[-2], years[-1]
        school = School(name="Björkskolan", school_type_id=school_type.id)
        org = Organisation(name="Verkstad AB", sector_code="C")
        s.add_all([school, org])
        s.flush()
        contact = Contact(first_name=CONTACT[0], last_name=CONTACT[1], organisation_id=org.id,
                          email="zebulon@verkstad.example", phone="070-123 45 67")
        c8 = SchoolClass(school_id=school.id, school_year_id=this.id, grade="8", name="8A")
        c9 = SchoolClass(school_id=school.id, school_year_id=this.id, grade="9", name="9A")
        old9 = SchoolClass(school_id=school.id, school_year_id=last.id, grade="9", name="9A")
        s.add_all([contact, c8, c9, old9])
        s.flush()
        erased = Pupil(first_name=ERASED[0], last_name=ERASED[1], gender=Gender.GIRL, birth_date=dt.date(2012, 3, 4),
                       external_id="120304-1234", guardian_name="Guardian Quillfeather", guardian_phone="0701111111")
        protected = Pupil(first_name=PROTECTED[0], last_name=PROTECTED[1], gender=Gender.GIRL,
                          protected_identity=True)
        leaver = Pupil(first_name=LEAVER[0], last_name=LEAVER[1], gender=Gender.BOY, birth_date=dt.date(2010, 1, 2),
                       external_id="100102-9999", left_on=last.ends_on - dt.timedelta(days=400))
        others = [Pupil(first_name=f"Elev{i}", last_name=f"Efternamn{i}", gender=Gender.BOY if i % 2 else Gender.GIRL)
                  for i in range(6)]
        s.add_all([erased, protected, leaver, *others])
        s.flush()
        for pupil in [erased, protected, *others[:3]]:
            s.add(Enrolment(pupil_id=pupil.id, class_id=c8.id, school_year_id=this.id))
        for pupil in others[3:]:
            s.add(Enrolment(pupil_id=pupil.id, class_id=c9.id, school_year_id=this.id))
        s.add(Enrolment(pupil_id=leaver.id, class_id=old9.id, school_year_id=last.id))
        s.add(Placement(school_year_id=last.id, pupil_id=leaver.id, host_id=org.id, supervisor_id=contact.id,
                        start_date=dt.date(2025, 10, 6), end_date=dt.date(2025, 10, 10), days=5,
                        notes=f"{LEAVER[0]} was great"))
        s.add(Placement(school_year_id=this.id, pupil_id=erased.id, host_id=org.id, supervisor_id=contact.id,
                        start_date=dt.date(2026, 10, 5), end_date=dt.date(2026, 10, 9), days=5))
        visit = StudyVisit(school_year_id=this.id, host_id=org.id, contact_id=contact.id, title="Verkstadsbesök",
                           starts_at=dt.datetime(2026, 9, 10, 9, 0))
        visit.participants.append(erased)
        encounter = Encounter(school_year_id=this.id, title="Yrkesmässa", date=dt.date(2026, 11, 2),
                              organisation_id=org.id, contact_id=contact.id)
        encounter.participants.append(erased)
        s.add_all([visit, encounter])
        s.flush()
        return {"erased": erased.id, "protected": protected.id, "leaver": leaver.id, "contact": contact.id,
                "class8": c8.id, "class9": c9.id, "org": org.id}
