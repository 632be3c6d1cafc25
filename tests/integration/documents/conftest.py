"""A small hand-made municipality whose every name and number the document tests can look for."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coordinator.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActivityStatus,
    Contact,
    Encounter,
    Enrolment,
    Gender,
    Goal,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    StudyVisit,
    Teacher,
)
from coordinator.services.setup import initialise, school_type_for, school_year_id
from coordinator.store import open_store

PROTECTED = ("Sigrid", "Hemlig")
GIRLS = [("Åsa", "Öberg"), ("Zofia", "Łukasiewicz"), ("Дарья", "Смирнова"), ("Maja", "Lind"), ("Ebba", "Holm")]
BOYS = [("Örjan", "Ström"), ("Paweł", "Żółkowski"), ("Иван", "Петров"), ("Liam", "Berg"), ("Noah", "Ek")]
HOSTS = [
    ("Sågverket i Långshyttan AB", "C", "Bruksgatan 3", "776 70", "Långshyttan", "0225-123 45"),
    ("Hedemora vårdcentral", "Q", "Storgatan 12", "776 30", "Hedemora", "0225-555 00"),
    ("ООО «Камский кабель»", "C", "Промышленная 1", "617760", "Чайковский", "+7 34241 2-22-22"),
]


def build_fixture(store) -> None:
    with store.session() as s:
        initialise(s, profile_code="se", municipality="Hedemora kommun", today=dt.date(2026, 11, 24))
        year = school_year_id(s, "2026/27")
        last = school_year_id(s, "2025/26")
        kind = school_type_for(s, compulsory=True)
        school = School(name="Vasaskolan", school_type_id=kind.id, address="Skolgatan 1", postal_code="776 31",
                        town="Hedemora", phone="0225-340 00", email="vasaskolan@hedemora.se")
        other = School(name="Stureskolan", school_type_id=kind.id, town="Hedemora", phone="0225-341 00")
        s.add_all([school, other])
        s.flush()
        mentor = Teacher(school_id=school.id, first_name="Karin", last_name="Dahlström", phone="070-111 22 33",
                         email="karin.dahlstrom@hedemora.se")
        other_mentor = Teacher(school_id=other.id, first_name="Jonas", last_name="Wik", phone="070-999 00 00")
        s.add_all([mentor, other_mentor])
        s.flush()
        c8 = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8A", mentor_id=mentor.id)
        c9 = SchoolClass(school_id=other.id, school_year_id=year, grade="9", name="9B", mentor_id=other_mentor.id)
        c7_last = SchoolClass(school_id=school.id, school_year_id=last, grade="7", name="7A", mentor_id=mentor.id)
        s.add_all([c8, c9, c7_last])
        s.flush()
        hosts = []
        for name, sector, address, postal, town, phone in HOSTS:
            org = Organisation(name=name, sector_code=sector, address=address, postal_code=postal, town=town,
                               phone=phone, places_offered=4)
            s.add(org)
            s.flush()
            contact = Contact(organisation_id=org.id, first_name="Lena", last_name=f"Handledare{len(hosts)}",
                              phone=f"070-200 00 0{len(hosts)}", role="HR")
            s.add(contact)
            s.flush()
            hosts.append((org, contact))
        pupils = []
        people = [(p, Gender.GIRL) for p in GIRLS] + [(p, Gender.BOY) for p in BOYS]
        for index, ((first, lastname), gender) in enumerate(people):
            pupil = Pupil(first_name=first, last_name=lastname, gender=gender, guardian_name=f"Förälder {lastname}",
                          guardian_phone="070-300 00 00")
            s.add(pupil)
            pupils.append(pupil)
        secret = Pupil(first_name=PROTECTED[0], last_name=PROTECTED[1], gender=Gender.GIRL, protected_identity=True,
                       guardian_name="Hemlig Förälder", guardian_phone="070-000 00 01")
        s.add(secret)
        pupils.append(secret)
        s.flush()
        for index, pupil in enumerate(pupils):
            klass = c8 if index % 2 == 0 else c9
            s.add(Enrolment(pupil_id=pupil.id, class_id=klass.id, school_year_id=year))
            s.add(Enrolment(pupil_id=pupil.id, class_id=c7_last.id, school_year_id=last))
            org, contact = hosts[index % len(hosts)]
            start = dt.date(2027, 3, 8) if index % 2 == 0 else dt.date(2027, 4, 12)
            s.add(Placement(school_year_id=year, pupil_id=pupil.id, host_id=org.id, supervisor_id=contact.id,
                            start_date=start, end_date=start + dt.timedelta(days=4), days=5, hours_per_day=6.5,
                            daily_start=dt.time(8, 0), daily_end=dt.time(14, 30), status=PlacementStatus.CONFIRMED,
                            what_to_bring="Arbetsskor och matlåda"))
        visit = StudyVisit(school_year_id=year, host_id=hosts[0][0].id, contact_id=hosts[0][1].id,
                           title="Rundvandring i sågen", starts_at=dt.datetime(2027, 2, 3, 9, 0),
                           ends_at=dt.datetime(2027, 2, 3, 11, 30), status=ActivityStatus.PLANNED)
        visit.classes = [c8]
        visit.teachers = [mentor]
        visit2 = StudyVisit(school_year_id=year, host_id=hosts[1][0].id, title="Vården som arbetsplats",
                            starts_at=dt.datetime(2026, 10, 6, 13, 0), status=ActivityStatus.DONE)
        visit2.classes = [c9]
        s.add_all([visit, visit2])
        s.add(Encounter(school_year_id=year, title="Yrkesmässa", date=dt.date(2026, 11, 10),
                        organisation_id=hosts[2][0].id, status=ActivityStatus.DONE))
        plan = ActionPlan(school_year_id=year, title="Handlingsplan skola–arbetsliv 2026/27")
        s.add(plan)
        s.flush()
        goal = Goal(plan_id=plan.id, title="Alla elever i åk 8 gör PRAO", position=1)
        s.add(goal)
        s.flush()
        s.add_all([
            Action(goal_id=goal.id, title="Boka PRAO-platser hos lokala företag", responsible_teacher_id=mentor.id,
                   due_date=dt.date(2027, 1, 15), status=ActionStatus.IN_PROGRESS, target_grades="8", position=1),
            Action(goal_id=goal.id, title="Studiebesök på sågverket", responsible_contact_id=hosts[0][1].id,
                   due_date=dt.date(2027, 2, 3), status=ActionStatus.NOT_STARTED, target_grades="7;8;9",
                   position=2),
        ])
        s.flush()
        _cluster(s, [org.id for org, _contact in hosts], goal.id)


def _cluster(s, host_ids: list[int], goal_id: int) -> None:
    """The hosts as a network with a project financed by the municipality and a company (the cluster report)."""
    from coordinator.models import BudgetLine, Cost, FundingSource, MemberRole, Network, NetworkMember, Project

    network = Network(name="Teknikcollege Hedemora")
    s.add(network)
    s.flush()
    roles = {r.kind.value: r.id for r in s.query(MemberRole).filter(MemberRole.country == "SE")}
    s.add_all(NetworkMember(network_id=network.id, organisation_id=host, role_id=roles["leader" if i == 0 else
                                                                                        "member"])
              for i, host in enumerate(host_ids))
    project = Project(name="Industrins kompetensförsörjning", currency="SEK", network_id=network.id,
                      goal_id=goal_id)
    s.add(project)
    s.flush()
    sources = {f.kind.value: f.id for f in s.query(FundingSource).filter(FundingSource.country == "SE")}
    bus = Cost(project_id=project.id, description="Buss till sågverket", amount_minor=450_050,
               action_id=s.query(Action.id).filter(Action.title == "Studiebesök på sågverket").scalar())
    s.add_all([bus, BudgetLine(project_id=project.id, funding_source_id=sources["municipality"],
                               planned_minor=60_000_000, spent_minor=25_000_000),
               BudgetLine(project_id=project.id, funding_source_id=sources["employer"], financier_id=host_ids[0],
                          planned_minor=45_000_000, spent_minor=0)])


@pytest.fixture(scope="session")
def fixture_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("documents") / "fixture.sqlite"
    store = open_store(path, create=True)
    try:
        build_fixture(store)
    finally:
        store.close()
    return path


@pytest.fixture
def doc_store(fixture_template, tmp_path):
    target = tmp_path / "docs.sqlite"
    shutil.copyfile(fixture_template, target)
    store = open_store(target)
    yield store
    store.close()
