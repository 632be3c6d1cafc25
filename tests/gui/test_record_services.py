"""The record services behind the workspaces (no Qt): SQL paging, sorting, filtering, validation, undo data."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.errors import UserError, ValidationError
from coordinator.i18n import use_language
from coordinator.services.records import ListQuery, kind


def backwards_first(pupils, session) -> list[int]:
    return pupils.list_ids(session, ListQuery(descending=True), limit=1)


def test_pupils_are_sorted_filtered_and_paged_in_sql(small_store):
    pupils = kind("pupils")
    with small_store.session() as session:
        total = pupils.count(session, ListQuery())
        everyone = pupils.list_ids(session, ListQuery())
        page = pupils.list_ids(session, ListQuery(), offset=10, limit=5)
        rows = pupils.fetch_rows(session, everyone[:50] + backwards_first(pupils, session))
        by_name = [rows[i].cells[0] for i in everyone[:50]]
        backwards = pupils.list_ids(session, ListQuery(descending=True))
        some = pupils.list_ids(session, ListQuery(text="an"))
        some_rows = pupils.fetch_rows(session, some)
    assert total == len(everyone) > 100
    assert page == everyone[10:15]
    assert by_name == sorted(by_name)
    assert rows[backwards[0]].cells[0] >= rows[everyone[0]].cells[0]
    assert 0 < len(some) < total
    assert all("an" in " ".join(str(c) for c in row.cells if c).lower() for row in some_rows.values())


def test_validation_speaks_the_chosen_language(empty_store):
    with empty_store.session() as session, use_language("sv"), pytest.raises(ValidationError) as refused:
        kind("organisations").create(session, {"name": "", "kind": "company", "phone": "x"})
    assert refused.value.problems["name"] == "Namn måste fyllas i."
    assert refused.value.problems["phone"] != "“x” is not a phone number."


def test_placement_period_and_days_are_checked(small_store):
    placements = kind("placements")
    with small_store.session() as session:
        values = placements.new_values(session).values | {
            "pupil_id": 1, "host_id": 1, "start_date": dt.date(2027, 3, 1), "end_date": dt.date(2027, 2, 1),
            "days": 5}
        with pytest.raises(ValidationError) as refused:
            placements.create(session, values)
        assert set(refused.value.problems) == {"end_date"}
        values |= {"end_date": dt.date(2027, 3, 3)}
        with pytest.raises(ValidationError) as refused:
            placements.create(session, values)
        assert set(refused.value.problems) == {"days"}


def test_a_deleted_record_comes_back_with_its_id_and_links(small_store):
    visits = kind("study_visits")
    with small_store.session() as session:
        visit_id = visits.list_ids(session, ListQuery(), limit=1)[0]
        before = visits.get(session, visit_id).values
        visits.delete(session, visit_id)
        changes = visits.create(session, before, record_id=visit_id)
        after = visits.get(session, visit_id).values
    assert changes.created == {"study_visits": frozenset({visit_id})}
    assert after["class_ids"] == before["class_ids"] and after["host_id"] == before["host_id"]


def test_an_organisation_in_use_is_not_deleted(small_store):
    from sqlalchemy import select

    from coordinator.models import Placement

    with small_store.session() as session:
        host = session.scalar(select(Placement.host_id).limit(1))
    with pytest.raises(UserError), small_store.session() as session:
        kind("organisations").delete(session, host)


def test_a_school_with_classes_is_not_deleted_with_them(small_store):
    from sqlalchemy import func, select

    from coordinator.models import SchoolClass

    with small_store.session() as session:
        school = session.scalar(select(SchoolClass.school_id).limit(1))
        classes = session.scalar(select(func.count()).select_from(SchoolClass).where(SchoolClass.school_id == school))
    with pytest.raises(UserError), small_store.session() as session:
        kind("schools").delete(session, school)
    with small_store.session() as session:
        assert session.scalar(select(func.count()).select_from(SchoolClass)
                              .where(SchoolClass.school_id == school)) == classes
