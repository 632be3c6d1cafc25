"""Each rule for minors is pinned to its number and its legal source, and the age on each day decides."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.models import Enrolment, Organisation, Pupil, School, SchoolClass
from coordinator.reference import labour_rules as law
from coordinator.services import checks
from coordinator.services.setup import initialise, school_type_for, school_year_id
from coordinator.services.warning_codes import MINORS_CODES
from coordinator.store import open_store


@pytest.mark.parametrize("country,key,per_day,day_source,per_week,week_source", [
    ("SE", "se_compulsory", 7, "AFS 2012:3, arbetstid för minderåriga som omfattas av skolplikt", 35,
     "AFS 2012:3, arbetstid för minderåriga som omfattas av skolplikt"),
    ("SE", "se_youth", 8, "AFS 2012:3, arbetstid för ungdomar", 40, "AFS 2012:3, arbetstid för ungdomar"),
    ("PL", "pl_under_16", 6, "Kodeks pracy, art. 202 § 1", None, None),
    ("PL", "pl_16_17", 8, "Kodeks pracy, art. 202 § 2", None, None),
    ("RU", "ru_under_15", 4, "ТК РФ, ст. 94", 24, "ТК РФ, ст. 92"),
    ("RU", "ru_15", 5, "ТК РФ, ст. 94", 24, "ТК РФ, ст. 92"),
    ("RU", "ru_16_17", 7, "ТК РФ, ст. 94", 35, "ТК РФ, ст. 92"),
])
def test_hours_a_day_and_a_week_with_their_source(country, key, per_day, day_source, per_week, week_source):
    band = law.rules_of(country).band(key)
    assert (band.hours_per_day.value, band.hours_per_day.source) == (per_day, day_source)
    if per_week is None:
        assert band.hours_per_week is None  # dział IX sets no weekly limit of its own
    else:
        assert (band.hours_per_week.value, band.hours_per_week.source) == (per_week, week_source)


@pytest.mark.parametrize("country,key,start,source", [
    ("SE", "se_compulsory", 20, "AFS 2012:3, arbetstidens förläggning, skolplikt"),
    ("SE", "se_youth", 22, "AFS 2012:3, arbetstidens förläggning, ungdomar"),
    ("PL", "pl_under_16", 22, "Kodeks pracy, art. 203 § 1 i § 1¹"),
    ("PL", "pl_16_17", 22, "Kodeks pracy, art. 203 § 1 i § 1¹"),
    ("RU", "ru_16_17", 22, "ТК РФ, ст. 96 ч. 1 и 5, ст. 268"),
])
def test_the_night_window_with_its_source(country, key, start, source):
    night = law.rules_of(country).band(key).night
    assert (night.start, night.end, night.source) == (dt.time(start), dt.time(6), source)


@pytest.mark.parametrize("country,minimum,source", [
    ("SE", 13, "Arbetsmiljölagen (1977:1160) 5 kap. 2 §"),
    ("PL", 15, "Kodeks pracy, art. 190 § 2"),
    ("RU", 14, "ТК РФ, ст. 63 ч. 3"),
])
def test_minimum_age_with_its_source(country, minimum, source):
    assert (law.rules_of(country).minimum_age.value, law.rules_of(country).minimum_age.source) == (minimum, source)


def test_no_minors_rule_from_the_18th_birthday():
    born = dt.date(2008, 3, 10)
    for country in ("SE", "PL", "RU"):
        rules = law.rules_of(country)
        assert law.band_on(rules, born, dt.date(2026, 3, 9)) is not None
        assert law.band_on(rules, born, dt.date(2026, 3, 10)) is None


def test_polish_16th_birthday_mid_placement_changes_the_limit_that_day():
    rules = law.rules_of("PL")
    bands = law.bands_over(rules, dt.date(2010, 3, 4), dt.date(2026, 3, 2), dt.date(2026, 3, 13))
    assert [(day, band.hours_per_day.value) for day, band in bands] == [
        (dt.date(2026, 3, 2), 6), (dt.date(2026, 3, 4), 8)]


def test_swedish_youth_follows_compulsory_school_and_the_calendar_year():
    rules = law.rules_of("SE")
    # Out of compulsory school and turning 16 this year: a "ungdom" before the birthday already.
    assert law.band_on(rules, dt.date(2010, 11, 1), dt.date(2026, 3, 2)).key == "se_youth"
    # Still in compulsory school at 16: the compulsory-school rules.
    assert law.band_on(rules, dt.date(2010, 1, 5), dt.date(2026, 3, 2), compulsory_school=True).key == "se_compulsory"
    assert law.band_on(rules, dt.date(2012, 1, 5), dt.date(2026, 3, 2)).key == "se_compulsory"


@pytest.fixture
def polish_db(tmp_path):
    store = open_store(tmp_path / "pl.sqlite", create=True)
    with store.session() as s:
        initialise(s, profile_code="pl")
        year = school_year_id(s, "2025/26")
        school = School(name="Technikum nr 1", school_type_id=school_type_for(s, compulsory=False).id)
        host = Organisation(name="Zakład Mechaniczny")
        s.add_all([school, host])
        s.flush()
        klass = SchoolClass(school_id=school.id, school_year_id=year, grade="1", name="1T")
        pupil = Pupil(first_name="Jan", last_name="Nowak", birth_date=dt.date(2010, 3, 4), guardian_consent=True)
        s.add_all([klass, pupil])
        s.flush()
        s.add(Enrolment(pupil_id=pupil.id, class_id=klass.id, school_year_id=year))
        ids = {"pupil": pupil.id, "host": host.id}
    yield store, ids
    store.close()


def _warn(store, ids, start, end, hours, daily_end=dt.time(15, 0)):
    with store.session() as s:
        return checks.placement_warnings(s, pupil_id=ids["pupil"], host_id=ids["host"], start_date=start,
                                         end_date=end, hours_per_day=hours, daily_start=dt.time(8, 0),
                                         daily_end=daily_end)


def test_birthday_mid_placement_warns_only_for_the_days_before_it(polish_db):
    store, ids = polish_db
    # 7 hours: too many at 15 (art. 202 § 1), allowed from the 16th birthday on 4 March (art. 202 § 2).
    warnings = _warn(store, ids, dt.date(2026, 3, 2), dt.date(2026, 3, 13), 7)
    assert [w.code for w in warnings] == [checks.HOURS_PER_DAY]
    assert "art. 202 § 1" in warnings[0].message and "15" in warnings[0].message
    assert _warn(store, ids, dt.date(2026, 3, 4), dt.date(2026, 3, 13), 7) == []
    # 9 hours: too many on both sides of the birthday; the first band to break the rule says so.
    assert [w.code for w in _warn(store, ids, dt.date(2026, 3, 2), dt.date(2026, 3, 13), 9)] == [
        checks.HOURS_PER_DAY]


def test_polish_night_from_22(polish_db):
    store, ids = polish_db
    start, end = dt.date(2026, 3, 9), dt.date(2026, 3, 13)
    assert _warn(store, ids, start, end, 8, daily_end=dt.time(22, 0)) == []
    warnings = _warn(store, ids, start, end, 8, daily_end=dt.time(22, 30))
    assert [w.code for w in warnings] == [checks.NIGHT_WORK] and "art. 203" in warnings[0].message


def test_an_adult_gets_no_minors_warning(polish_db):
    store, ids = polish_db
    with store.session() as s:
        pupil = s.get(Pupil, ids["pupil"])
        pupil.birth_date, pupil.guardian_consent = dt.date(2007, 1, 1), False
    warnings = _warn(store, ids, dt.date(2026, 3, 2), dt.date(2026, 3, 13), 12, daily_end=dt.time(23, 0))
    assert not {w.code for w in warnings} & MINORS_CODES


def test_turning_18_mid_placement_ends_the_rules_that_day(polish_db):
    store, ids = polish_db
    with store.session() as s:
        s.get(Pupil, ids["pupil"]).birth_date = dt.date(2008, 3, 4)
    # Only 2 and 3 March are a minor's days: 9 hours break art. 202 § 2 there, and the week is not full.
    warnings = _warn(store, ids, dt.date(2026, 3, 2), dt.date(2026, 3, 13), 9)
    assert [w.code for w in warnings] == [checks.HOURS_PER_DAY] and "17" in warnings[0].message
    assert _warn(store, ids, dt.date(2026, 3, 4), dt.date(2026, 3, 13), 9) == []


def test_under_the_minimum_age_and_without_consent(polish_db):
    store, ids = polish_db
    with store.session() as s:
        pupil = s.get(Pupil, ids["pupil"])
        pupil.birth_date, pupil.guardian_consent = dt.date(2012, 1, 1), False
    codes = [w.code for w in _warn(store, ids, dt.date(2026, 3, 2), dt.date(2026, 3, 6), 6)]
    assert codes == [checks.UNDER_MINIMUM_AGE, checks.GUARDIAN_CONSENT_MISSING]
