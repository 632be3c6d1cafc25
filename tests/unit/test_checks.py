"""The planning warnings of issue 3: each appears for its case and not otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.i18n import use_language
from coordinator.models import (
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    StudyVisit,
    Teacher,
)
from coordinator.services import checks
from coordinator.services.setup import school_type_for, school_year_id, set_setting
from coordinator.store import open_store

MONDAY = dt.datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def world(empty_store):
    """A compulsory school with classes 8A and 8B, a teacher, two pupils, a host and one visit."""
    with empty_store.session() as s:
        year = school_year_id(s, "2026/27")
        school = School(name="Norra skolan", school_type_id=school_type_for(s, compulsory=True).id)
        upper = School(name="Gymnasiet", school_type_id=school_type_for(s, compulsory=False).id)
        host = Organisation(name="Verkstad AB", places_offered=2)
        other_host = Organisation(name="Bageriet", places_offered=0)
        s.add_all([school, upper, host, other_host])
        s.flush()
        class_a = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8A")
        class_b = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8B")
        class_gy = SchoolClass(school_id=upper.id, school_year_id=year, grade="2", name="TE2")
        teacher = Teacher(school_id=school.id, first_name="Eva", last_name="Lind")
        other_teacher = Teacher(school_id=school.id, first_name="Per", last_name="Ek")
        pupils = [Pupil(first_name=f"Pupil{i}", last_name=f"Lastname{i}", guardian_consent=True) for i in range(4)]
        s.add_all([class_a, class_b, class_gy, teacher, other_teacher, *pupils])
        s.flush()
        s.add_all([Enrolment(pupil_id=pupils[0].id, class_id=class_a.id, school_year_id=year),
                   Enrolment(pupil_id=pupils[1].id, class_id=class_a.id, school_year_id=year),
                   Enrolment(pupil_id=pupils[2].id, class_id=class_b.id, school_year_id=year),
                   Enrolment(pupil_id=pupils[3].id, class_id=class_gy.id, school_year_id=year)])
        visit = StudyVisit(school_year_id=year, host_id=host.id, title="Robotverkstan", starts_at=MONDAY,
                           ends_at=MONDAY + dt.timedelta(hours=3))
        visit.classes = [class_a]
        visit.teachers = [teacher]
        s.add(visit)
        s.flush()
        ids = {"year": year, "school": school.id, "host": host.id, "other_host": other_host.id, "class_a": class_a.id,
                   "class_b": class_b.id, "teacher": teacher.id, "other_teacher": other_teacher.id, "visit": visit.id,
                   "pupils": [p.id for p in pupils]}
    return empty_store, ids


def codes(warnings):
    return [w.code for w in warnings]


def visit_warnings(store, ids, *, starts_at=MONDAY + dt.timedelta(hours=1), hours=2, classes=(), teachers=(),
                   visit_id=None):
    with store.session() as s:
        return checks.study_visit_warnings(s, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours),
                                           class_ids=list(classes), teacher_ids=list(teachers),
                                           host_id=ids["host"], visit_id=visit_id)


def test_class_booked_twice_names_the_other_visit(world):
    store, ids = world
    warnings = visit_warnings(store, ids, classes=[ids["class_a"]])
    assert codes(warnings) == [checks.DOUBLE_BOOKING]
    assert "8A" in warnings[0].message and "Robotverkstan" in warnings[0].message
    assert visit_warnings(store, ids, classes=[ids["class_b"]]) == []
    # Later the same day, after the other visit ended: no clash.
    assert visit_warnings(store, ids, starts_at=MONDAY + dt.timedelta(hours=4), classes=[ids["class_a"]]) == []
    # The visit itself, being edited, does not clash with itself.
    assert visit_warnings(store, ids, classes=[ids["class_a"]], visit_id=ids["visit"]) == []


def test_teacher_booked_twice(world):
    store, ids = world
    warnings = visit_warnings(store, ids, teachers=[ids["teacher"]])
    assert codes(warnings) == [checks.DOUBLE_BOOKING]
    assert "Eva Lind" in warnings[0].message
    assert visit_warnings(store, ids, teachers=[ids["other_teacher"]]) == []


def test_cancelled_visit_does_not_clash(world):
    store, ids = world
    with store.session() as s:
        s.get(StudyVisit, ids["visit"]).status = "cancelled"
    assert visit_warnings(store, ids, classes=[ids["class_a"]], teachers=[ids["teacher"]]) == []


@pytest.mark.parametrize("profile_code,country,day,name", [
    ("se", "SE", dt.date(2026, 12, 25), "Juldagen"),
    ("pl", "PL", dt.date(2026, 11, 11), "Narodowe Święto Niepodległości"),
    ("ru", "RU", dt.date(2026, 11, 4), "День народного единства"),
])
def test_public_holiday_in_the_schools_country(tmp_path, profile_code, country, day, name):
    from coordinator.services.setup import initialise

    store = open_store(tmp_path / "h.sqlite", create=True)
    try:
        with store.session() as s:
            initialise(s, profile_code=profile_code)
            language = {"se": "sv", "pl": "pl", "ru": "ru"}[profile_code]
            with use_language(language):
                warnings = checks.date_warnings(s, day)
            assert codes(warnings) == [checks.PUBLIC_HOLIDAY]
            assert name in warnings[0].message
            # An ordinary Wednesday is nothing.
            assert checks.date_warnings(s, dt.date(2026, 11, 18)) == []
    finally:
        store.close()


def test_holiday_named_in_english_when_the_language_is_english(world):
    store, _ = world
    with store.session() as s:
        warnings = checks.date_warnings(s, dt.date(2026, 12, 25))
    assert "Christmas Day" in warnings[0].message


def test_weekend_visit_warned(world):
    store, ids = world
    saturday = dt.datetime(2026, 12, 5, 10, 0)
    assert codes(visit_warnings(store, ids, starts_at=saturday)) == [checks.WEEKEND]
    with store.session() as s:
        set_setting(s, "country", "SE")
    assert visit_warnings(store, ids, starts_at=saturday - dt.timedelta(days=2)) == []


def placement(store, ids, pupil=0, *, start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 12), hours=7.0,
              daily_start=dt.time(8, 0), daily_end=dt.time(15, 0), status="requested", risk=False, host="host",
              placement_id=None):
    with store.session() as s:
        return checks.placement_warnings(
            s, pupil_id=ids["pupils"][pupil], host_id=ids[host], start_date=start, end_date=end,
            hours_per_day=hours, daily_start=daily_start, daily_end=daily_end, status=status,
            risk_assessment_received=risk, placement_id=placement_id)


def add_placement(store, ids, pupil, start, end, *, host="host", status=PlacementStatus.CONFIRMED, days=10):
    with store.session() as s:
        row = Placement(school_year_id=ids["year"], pupil_id=ids["pupils"][pupil], host_id=ids[host],
                        start_date=start, end_date=end, days=days, hours_per_day=7, status=status,
                        risk_assessment_received=True)
        s.add(row)
        s.flush()
        return row.id


def test_a_plain_placement_has_no_warning(world):
    store, ids = world
    assert placement(store, ids) == []


def test_overlapping_placements_of_one_pupil(world):
    store, ids = world
    existing = add_placement(store, ids, 0, dt.date(2027, 3, 8), dt.date(2027, 3, 19), host="other_host")
    warnings = placement(store, ids, 0)
    assert codes(warnings) == [checks.PLACEMENT_OVERLAP]
    assert "Bageriet" in warnings[0].message
    assert placement(store, ids, 1) == []  # another pupil
    assert placement(store, ids, 0, start=dt.date(2027, 3, 22), end=dt.date(2027, 3, 26)) == []
    assert placement(store, ids, 0, host="other_host", placement_id=existing) == []


def test_host_over_the_capacity_it_offered(world):
    store, ids = world
    add_placement(store, ids, 1, dt.date(2027, 3, 1), dt.date(2027, 3, 5))
    assert placement(store, ids, 0) == []  # 2 places, 2 pupils at once
    add_placement(store, ids, 2, dt.date(2027, 3, 3), dt.date(2027, 3, 12))
    warnings = placement(store, ids, 0)
    assert codes(warnings) == [checks.HOST_OVER_CAPACITY]
    assert "Verkstad AB" in warnings[0].message and "3" in warnings[0].message
    # Not at the same time: the two others are in March, this one in April.
    assert placement(store, ids, 0, start=dt.date(2027, 4, 5), end=dt.date(2027, 4, 9)) == []
    # An organisation that stated no number of places is never over capacity.
    assert placement(store, ids, 0, host="other_host") == []


def test_eight_hours_a_day_for_a_compulsory_pupil_in_sweden_without_a_birth_date(world):
    store, ids = world
    warnings = placement(store, ids, 0, hours=8, daily_end=dt.time(16, 0))
    # Eight hours on five days also make 40 hours in a week where 35 are allowed.
    assert codes(warnings) == [checks.HOURS_PER_DAY, checks.HOURS_PER_WEEK]
    assert "7" in warnings[0].message and "AFS 2012:3" in warnings[0].message
    assert placement(store, ids, 0, hours=7) == []
    # An upper-secondary pupil is not held to the compulsory-school limit.
    assert placement(store, ids, 3, hours=8, daily_end=dt.time(16, 0)) == []


def test_work_until_nine_in_the_evening(world):
    store, ids = world
    warnings = placement(store, ids, 0, daily_start=dt.time(14, 0), daily_end=dt.time(21, 0))
    assert codes(warnings) == [checks.NIGHT_WORK]
    assert placement(store, ids, 0, daily_start=dt.time(13, 0), daily_end=dt.time(20, 0)) == []
    assert codes(placement(store, ids, 0, daily_start=dt.time(5, 0), daily_end=dt.time(12, 0))) == [
        checks.NIGHT_WORK]


def test_confirmed_placement_without_risk_assessment(world):
    store, ids = world
    assert codes(placement(store, ids, 0, status="confirmed")) == [checks.RISK_ASSESSMENT_MISSING]
    assert placement(store, ids, 0, status="confirmed", risk=True) == []
    assert placement(store, ids, 0, status="requested") == []


def test_pupils_lacking_placement_days(world):
    store, ids = world
    add_placement(store, ids, 0, dt.date(2026, 10, 5), dt.date(2026, 10, 16), days=10)
    add_placement(store, ids, 1, dt.date(2026, 10, 5), dt.date(2026, 10, 9), days=5)
    add_placement(store, ids, 2, dt.date(2026, 10, 5), dt.date(2026, 10, 16), days=10,
                  status=PlacementStatus.CANCELLED)
    with store.session() as s:
        lacking = checks.pupils_lacking_placement_days(s, year="2026/27", grade="8")
        assert [(p.name, p.class_name, p.days_done, p.days_required) for p in lacking] == [
            ("Pupil1 Lastname1", "8A", 5, 10), ("Pupil2 Lastname2", "8B", 0, 10)]
        assert checks.pupils_lacking_placement_days(s, year="2026/27", grade="7") == []
        only_a = checks.pupils_lacking_placement_days(s, year="2026/27", grade="8", school_id=ids["school"])
        assert len(only_a) == 2


def test_days_count_only_from_the_grades_where_placements_are_due(world):
    store, ids = world
    with store.session() as s:
        last_year = school_year_id(s, "2025/26")
        nine = SchoolClass(school_id=ids["school"], school_year_id=ids["year"], grade="9", name="9A")
        eight_then = SchoolClass(school_id=ids["school"], school_year_id=last_year, grade="8", name="8A")
        seven_then = SchoolClass(school_id=ids["school"], school_year_id=last_year, grade="7", name="7A")
        both, early = Pupil(first_name="Both", last_name="Years"), Pupil(first_name="Too", last_name="Early")
        s.add_all([nine, eight_then, seven_then, both, early])
        s.flush()
        s.add_all([Enrolment(pupil_id=both.id, class_id=eight_then.id, school_year_id=last_year),
                   Enrolment(pupil_id=both.id, class_id=nine.id, school_year_id=ids["year"]),
                   Enrolment(pupil_id=early.id, class_id=seven_then.id, school_year_id=last_year),
                   Enrolment(pupil_id=early.id, class_id=nine.id, school_year_id=ids["year"])])
        for pupil, year, start, days in ((both, last_year, dt.date(2026, 3, 2), 6),
                                         (both, ids["year"], dt.date(2026, 10, 5), 4),
                                         (early, last_year, dt.date(2026, 3, 2), 10)):
            s.add(Placement(school_year_id=year, pupil_id=pupil.id, host_id=ids["host"], days=days, start_date=start,
                            end_date=start + dt.timedelta(days=4), status=PlacementStatus.COMPLETED))
        s.flush()
        lacking = checks.pupils_lacking_placement_days(s, year="2026/27", grade="9")
    # Six days in grade 8 and four in grade 9 make ten; ten days in grade 7 do not count.
    assert [(p.name, p.days_done) for p in lacking] == [("Too Early", 0)]
