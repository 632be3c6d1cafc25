"""Related records: an organisation's page lists its contacts, log, placements, visits…; a pupil's and a
teacher's theirs, each with the id that opens it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coordinator.desk import Desk
from coordinator.models import Contact, Placement, StudyVisit, Teacher
from coordinator.models.activities import study_visit_teachers
from coordinator.enums import ContactChannel


@pytest.fixture
def desk(small_db):
    opened = Desk.open(small_db)
    yield opened
    opened.close()


def _groups(related):
    return {group.key: group for group in related.groups}


def test_an_organisation_lists_its_contacts_placements_and_log_with_the_last_contact(desk):
    with desk.store.session() as session:
        host_id, placements = session.execute(select(Placement.host_id, func.count()).group_by(Placement.host_id)
                                              .order_by(func.count().desc())).first()
        contacts = session.scalar(select(func.count()).select_from(Contact).where(Contact.organisation_id == host_id))
    desk.log_contact(organisation_id=host_id, date=dt.date(2031, 3, 2), channel=ContactChannel.CALL,
                     who="Eva", asked="Two places in May?")
    desk.log_contact(organisation_id=host_id, date=dt.date(2031, 1, 12), channel=ContactChannel.EMAIL, who="Eva")
    related = desk.related_records("organisations", host_id)
    groups = _groups(related)
    assert set(groups) == {"contacts", "offers", "placements", "study_visits", "encounters", "agreements",
                           "contact_log"}
    assert len(groups["placements"].rows) == placements
    assert len(groups["contacts"].rows) == contacts
    log = groups["contact_log"].rows
    assert [row.when for row in log[:2]] == [dt.date(2031, 3, 2), dt.date(2031, 1, 12)]
    assert log[0].text == "Two places in May?" and log[0].kind == "contact_log"
    assert related.last_contact == dt.date(2031, 3, 2)
    assert related.contribution is not None and related.year
    placement = groups["placements"].rows[0]
    assert placement.kind == "placement" and desk.record("placements", placement.id).id == placement.id


def test_a_pupil_lists_their_placements_and_a_teacher_their_visits(desk):
    with desk.store.session() as session:
        pupil_id, host_id = session.execute(select(Placement.pupil_id, Placement.host_id)).first()
        teacher_id, visit_id = session.execute(select(study_visit_teachers.c.teacher_id,
                                                      study_visit_teachers.c.study_visit_id)).first()
        host_name = desk.record("organisations", host_id).values["name"]
        visit_title = session.get(StudyVisit, visit_id).title
        assert session.get(Teacher, teacher_id) is not None
    pupil = _groups(desk.related_records("pupils", pupil_id))
    assert set(pupil) == {"placements", "study_visits", "encounters", "choices", "destinations"}
    assert host_name in [row.text for row in pupil["placements"].rows]
    assert pupil["placements"].rows[0].kind == "placement"
    teacher = _groups(desk.related_records("teachers", teacher_id))
    assert set(teacher) == {"study_visits", "trainings"}
    assert (visit_id, visit_title) in [(row.id, row.detail) for row in teacher["study_visits"].rows]
    assert desk.related_records("pupils", pupil_id).last_contact is None
