"""The overview's lists and numbers, the grade-by-grade progression and the action-plan services."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.errors import ValidationError
from coordinator.models import (
    ActionStatus,
    Contact,
    Encounter,
    Enrolment,
    Gender,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    StudyVisit,
)
from coordinator.services import action_plans as plans
from coordinator.services.progress import grade_progression, key_numbers, upcoming
from coordinator.services.setup import school_type_for, school_year_id

TODAY = dt.date(2026, 11, 24)  # a Tuesday


@pytest.fixture
def world(empty_store):
    with empty_store.session() as s:
        year = school_year_id(s, "2026/27")
        school = School(name="Norra skolan", school_type_id=school_type_for(s, compulsory=True).id)
        upper = School(name="Gymnasiet", school_type_id=school_type_for(s, compulsory=False).id)
        workshop = Organisation(name="Verkstad AB", sector_code="C")
        care = Organisation(name="Vårdcentralen", sector_code="Q")
        s.add_all([school, upper, workshop, care])
        s.flush()
        c8 = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8A")
        c9 = SchoolClass(school_id=school.id, school_year_id=year, grade="9", name="9A")
        gy = SchoolClass(school_id=upper.id, school_year_id=year, grade="1", name="TE1")
        girls = [Pupil(first_name=f"Flicka{i}", last_name="A", gender=Gender.GIRL) for i in range(3)]
        boys = [Pupil(first_name=f"Pojke{i}", last_name="B", gender=Gender.BOY) for i in range(3)]
        contact = Contact(organisation_id=None, first_name="Lena", last_name="Öberg")
        s.add_all([c8, c9, gy, contact, *girls, *boys])
        s.flush()
        for pupil, klass in zip(girls + boys, [c8, c8, c9, c8, c9, gy]):
            s.add(Enrolment(pupil_id=pupil.id, class_id=klass.id, school_year_id=year))
        visit = StudyVisit(school_year_id=year, host_id=workshop.id, title="Robotverkstan",
                           starts_at=dt.datetime(2026, 11, 26, 9, 0))
        visit.classes = [c8]
        visit.participants = [girls[0], boys[0]]
        late = StudyVisit(school_year_id=year, host_id=care.id, title="", starts_at=dt.datetime(2026, 12, 10, 9))
        late.classes = [c9]
        encounter = Encounter(school_year_id=year, title="Yrkesmässa", date=dt.date(2026, 10, 1))
        encounter.classes = [c9]
        s.add_all([visit, late, encounter])
        s.add_all([
            Placement(school_year_id=year, pupil_id=girls[2].id, host_id=workshop.id, start_date=dt.date(2026, 11, 30),
                      end_date=dt.date(2026, 12, 4), days=5, status=PlacementStatus.CONFIRMED),
            Placement(school_year_id=year, pupil_id=boys[1].id, host_id=care.id, start_date=dt.date(2026, 11, 16),
                      end_date=dt.date(2026, 11, 27), days=10, status=PlacementStatus.CONFIRMED),
            Placement(school_year_id=year, pupil_id=boys[2].id, host_id=care.id, start_date=dt.date(2026, 11, 30),
                      end_date=dt.date(2026, 12, 4), days=5, status=PlacementStatus.CANCELLED),
        ])
        s.flush()
        ids = {"contact": contact.id, "visit": visit.id, "late": late.id, "school": school.id}
    return empty_store, ids


def test_upcoming_this_week_and_next(world):
    store, _ids = world
    with store.session() as s:
        soon = upcoming(s, today=TODAY)
    assert (soon.first, soon.last) == (TODAY, dt.date(2026, 12, 6))
    assert [(v.title, v.classes) for v in soon.visits] == [("Robotverkstan", "8A")]
    assert [p.pupil for p in soon.placements_starting] == ["Flicka2 A"]  # the cancelled one is left out
    assert [p.host for p in soon.placements_ending] == ["Vårdcentralen", "Verkstad AB"]
    assert soon.placements_starting_total == 1


def test_actions_due_and_overdue(world):
    store, ids = world
    with store.session() as s:
        plans.create_goal(s, title="Fler möten med arbetslivet", year="2026/27")
        goal = plans.plan_for_year(s, year="2026/27").goals[0].id
        plans.create_action(s, goal_id=goal, title="Boka mässa", due_date=dt.date(2026, 11, 2),
                            responsible_contact_id=ids["contact"])
        plans.create_action(s, goal_id=goal, title="Skicka brev", due_date=dt.date(2026, 12, 1))
        plans.create_action(s, goal_id=goal, title="Klar sak", due_date=dt.date(2026, 11, 1),
                            status=ActionStatus.DONE)
        soon = upcoming(s, today=TODAY)
    assert [(a.title, a.responsible, a.overdue) for a in soon.actions_overdue] == [
        ("Boka mässa", "Lena Öberg", True)]
    assert [a.title for a in soon.actions_due] == ["Skicka brev"]


def test_key_numbers_rate_per_grade_and_sectors_by_gender(world):
    store, _ids = world
    with store.session() as s:
        numbers = key_numbers(s, year="2026/27")
    rates = {r.label: (r.pupils, r.reached) for r in numbers.encounter_rate_by_grade}
    assert rates["8"] == (3, 2)  # two of 8A took part in the visit, the third was not listed
    assert rates["9"] == (2, 2)  # both on placement; the class-only encounter lists no participants
    assert rates["Gy 1"] == (1, 0)  # the cancelled placement does not count
    assert rates["F"] == (0, 0)
    labels = [r.label for r in numbers.encounter_rate_by_grade]
    assert labels.index("9") < labels.index("Gy 1")
    assert [(x.code, x.girls, x.boys) for x in numbers.sectors] == [("C", 1, 0), ("Q", 0, 1)]
    assert (numbers.visits, numbers.placements, numbers.encounters) == (2, 2, 1)


def test_grade_progression_lists_what_each_grade_experiences(world):
    store, _ids = world
    with store.session() as s:
        plans.create_goal(s, title="Mål", year="2026/27")
        goal = plans.plan_for_year(s, year="2026/27").goals[0].id
        plans.create_action(s, goal_id=goal, title="Prao-förberedelse", target_grades=["8", "9"])
        rows = {r.label: r for r in grade_progression(s, year="2026/27")}
    assert rows["8"].visits == ["Robotverkstan"]
    assert rows["9"].visits == ["Vårdcentralen"]  # untitled visit: the host's name
    assert rows["9"].encounters == ["Yrkesmässa"]
    assert rows["9"].placements == 2 and rows["9"].placement_days == 15
    assert rows["8"].actions == rows["9"].actions == ["Prao-förberedelse"]
    assert rows["7"].activities == []
    assert any("Robotverkstan" in line for line in rows["8"].activities)
    assert list(rows)[:10] == ["F", "1", "2", "3", "4", "5", "6", "7", "8", "9"]


def test_action_plan_create_update_delete(world):
    store, ids = world
    with store.session() as s:
        with pytest.raises(ValidationError) as refused:
            plans.create_goal(s, title="  ")
        assert "title" in refused.value.problems
        changes = plans.create_goal(s, title="Mål 1", year="2026/27")
        assert changes.touches("goals", "action_plans")
        goal = plans.plan_for_year(s, year="2026/27").goals[0]
        with pytest.raises(ValidationError) as refused:
            plans.create_action(s, goal_id=goal.id, title="", target_grades=["13"])
        assert set(refused.value.problems) == {"title", "target_grades"}
        made = plans.create_action(s, goal_id=goal.id, title="Studiebesök åk 8", target_grades=["8"],
                                   links=[("study_visit", ids["visit"])], due_date=dt.date(2026, 12, 1))
        action_id = next(iter(made.created["actions"]))
        row = plans.get_action(s, action_id)
        assert row.links[0].kind == "study_visit" and "Robotverkstan" in row.links[0].label
        plans.update_action(s, action_id, title="Studiebesök åk 8 och 9", target_grades=["8", "9"],
                            status=ActionStatus.DONE, links=[])
        row = plans.get_action(s, action_id)
        assert (row.title, row.target_grades, row.status, row.links) == (
            "Studiebesök åk 8 och 9", ("8", "9"), ActionStatus.DONE, ())
        plans.update_goal(s, goal.id, title="Mål ett")
        assert plans.plan_for_year(s, year="2026/27").goals[0].title == "Mål ett"
        deleted = plans.delete_goal(s, goal.id)
        assert deleted.deleted["actions"] == {action_id}
        assert plans.plan_for_year(s, year="2026/27").goals == ()
