"""School-year rollover: a preview, then classes move up and the last grade leaves, in one step."""

from __future__ import annotations

from safety_people import ERASED
from sqlalchemy import func, select

from coordinator.models import Enrolment, Pupil, SchoolClass, SchoolYear
from coordinator.safety.backups import list_backups
from coordinator.safety.rollover import apply_rollover, next_class_name, preview_rollover


def test_class_names_follow_the_grade():
    assert next_class_name("8A", "8", "9") == "9A"
    assert next_class_name("F-klass", "F", "1") == "1-klass"
    assert next_class_name("Blå", "3", "4") == "Blå"
    assert next_class_name("10A", "1", "2") == "10A"
    # Russian college groups: the first digit after the hyphen is the course, the second the group
    assert next_class_name("ДО-11", "1", "2") == "ДО-21"
    assert next_class_name("ПК-32", "3", "4") == "ПК-42"
    assert next_class_name("ТМ-2021", "2", "3") == "ТМ-2021"  # a year of entry is no course


def test_preview_changes_nothing_and_apply_does_what_it_showed(people_store, people_db):
    with people_store.session() as s:
        plan = preview_rollover(s)
        enrolments = s.scalar(select(func.count()).select_from(Enrolment))
    assert plan.from_year == "2026/27" and plan.to_year == "2027/28"
    moves = {(m.from_class, m.to_class): m.pupils for m in plan.moves if m.school == "Björkskolan"}
    assert moves == {("8A", "9A"): 5, ("9A", None): 3}
    with people_store.session() as s:
        assert s.scalar(select(func.count()).select_from(Enrolment)) == enrolments
    result = apply_rollover(people_store)
    assert result.enrolments_created == 5 and result.pupils_left == 3 and result.classes_created == 1
    with people_store.session() as s:
        next_year = s.scalar(select(SchoolYear.id).where(SchoolYear.label == "2027/28"))
        nine = s.scalar(select(SchoolClass).where(SchoolClass.school_year_id == next_year))
        assert (nine.name, nine.grade) == ("9A", "9")
        moved = set(s.scalars(select(Pupil.last_name).join(Enrolment).where(Enrolment.class_id == nine.id)))
        assert ERASED[1] in moved
        assert s.scalar(select(func.count()).select_from(Pupil).where(Pupil.left_on.is_not(None))) == 4
        again = preview_rollover(s)
    assert again.pupils_moving == 0 and again.pupils_leaving == 0
    assert list_backups(people_db)[0].reason == "before-rollover"
