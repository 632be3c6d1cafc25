"""A grade is (school form, label): primary grade 3 and technikum grade 3 never share actions or letters."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from coordinator.documents.scope import resolve_scope
from coordinator.errors import UserError
from coordinator.models import School, SchoolClass, SchoolForm
from coordinator.services import action_plans as plans
from coordinator.services.progress import grade_progression
from coordinator.services.setup import initialise, school_year_id
from coordinator.store import open_store


@pytest.fixture
def polish(tmp_path):
    store = open_store(tmp_path / "pl.sqlite", create=True)
    with store.session() as s:
        initialise(s, profile_code="pl", today=dt.date(2026, 11, 24))
        year = school_year_id(s, "2026/27")
        forms = dict(s.execute(select(SchoolForm.code, SchoolForm.id)).all())
        primary = School(name="Szkoła Podstawowa nr 5", school_type_id=forms["pl_podstawowa"])
        technikum = School(name="Technikum Mechaniczne", school_type_id=forms["pl_technikum"])
        s.add_all([primary, technikum])
        s.flush()
        s.add_all([SchoolClass(school_id=primary.id, school_year_id=year, grade="3", name="3a"),
                   SchoolClass(school_id=technikum.id, school_year_id=year, grade="3", name="3TM")])
        s.flush()
        plans.create_goal(s, title="Praktyki", year="2026/27")
        goal = plans.plan_for_year(s, year="2026/27").goals[0].id
        plans.create_action(s, goal_id=goal, title="Ocena ryzyka dla każdego miejsca praktyk", target_grades=["T 3"])
        plans.create_action(s, goal_id=goal, title="Czytanie o zawodach", target_grades=["3"])
    yield store
    store.close()


def test_primary_grade_3_lists_no_technikum_action(polish):
    with polish.session() as s:
        rows = {r.label: r.actions for r in grade_progression(s, year="2026/27")}
        technikum = s.scalar(select(School.id).where(School.name == "Technikum Mechaniczne"))
        own = {r.label: r.actions for r in grade_progression(s, year="2026/27", school_id=technikum)}
    assert rows["3"] == ["Czytanie o zawodach"]
    assert rows["T 3"] == ["Ocena ryzyka dla każdego miejsca praktyk"]
    assert own["3"] == ["Ocena ryzyka dla każdego miejsca praktyk"]  # the technikum's own table, unprefixed


def test_a_grade_key_names_one_form_and_a_shared_bare_grade_is_refused(polish):
    with polish.session() as s:
        scope = resolve_scope(s, year="2026/27", grade="T3")
        assert scope.grade_label == "T 3" and scope.describe().startswith("Grade T 3")
        assert {c.name for c in s.scalars(select(SchoolClass).where(SchoolClass.id.in_(scope.class_ids(s))))} == {
            "3TM"}
        by_form = resolve_scope(s, year="2026/27", grade="3", school_form="Technikum")
        assert by_form.class_ids(s) == scope.class_ids(s)
        primary = resolve_scope(s, year="2026/27", grade="3", school_form="szkoła podstawowa")
        assert primary.class_ids(s) != scope.class_ids(s)
        with pytest.raises(UserError, match="SP3, T3"):
            resolve_scope(s, year="2026/27", grade="3")
