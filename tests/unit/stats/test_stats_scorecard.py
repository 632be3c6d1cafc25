"""Scorecards: the seeded template, computed indicators by hand, targets, manual indicators, statuses."""

from __future__ import annotations

import datetime as dt

import pytest
from stats_world import Y1, Y2

from coordinator.errors import NotFoundError, ValidationError
from coordinator.i18n import use_language
from coordinator.models import Action, ActionPlan, Goal, Meeting, Training
from coordinator.stats import (
    add_manual_indicator,
    compute_scorecard,
    default_indicators,
    delete_indicator,
    set_manual_value,
    update_indicator,
)
from coordinator.stats.indicators import actions_on_time
from coordinator.stats.scope import resolve_year


def line(card, key):
    return next(item for item in card.lines if item.key == key)


def test_a_new_database_has_the_template_in_four_perspectives(world):
    card = compute_scorecard(world.s, year=Y2)
    assert [item.key for item in card.lines] == [spec.key for spec in default_indicators("SE")]
    perspectives = [item.perspective for item in card.lines]
    assert sorted(set(perspectives), key=perspectives.index) == ["pupils", "working_life", "staff", "process"]
    assert "target_training_filled" not in [item.key for item in card.lines]  # Russian colleges' contracts
    assert {item.perspective for item in card.lines} == {"pupils", "working_life", "staff", "process"}
    assert line(card, "non_traditional_share").target == 0.3
    assert line(card, "dissimilarity_index").direction == "lower"
    assert card.last_year_label == Y1
    assert card.school is None


def test_names_are_translated_where_shown(world):
    with use_language("sv"):
        card = compute_scorecard(world.s, year=Y2)
    assert line(card, "encounter_rate").perspective_label == "Elever"


def test_encounter_rate_and_its_status_this_year_and_last(world):
    school = world.school("Norra skolan")
    host = world.org("C")
    c8 = world.klass(school, "8", year=Y1)
    last_year = world.pupils(c8, "girl", 2)
    world.visit(host, pupils=last_year)  # 2 of 2 last year
    c9 = world.klass(school, "9", year=Y2)
    for pupil in last_year:
        world.enrol(pupil, c9, Y2)
    newcomers = world.pupils(c9, "boy", 2, year=Y2)
    world.placement(newcomers[0], host, year=Y2)  # 1 of 4 this year

    card = compute_scorecard(world.s, year=Y2, school="Norra skolan")

    rate = line(card, "encounter_rate")
    assert (rate.value, rate.last_year) == (0.25, 1.0)
    assert rate.status == "red"
    assert card.school == "Norra skolan"


def test_placement_coverage_counts_completed_days_due_by_the_grade(world):
    # Sweden: 10 days over grades 8–9, so 5 are due by the end of grade 8 and 10 by the end of grade 9.
    school = world.school("Norra skolan")
    host = world.org("C")
    c8, c9 = world.klass(school, "8", year=Y2), world.klass(school, "9", year=Y2)
    on_track = world.pupil(c8, "girl", year=Y2)
    world.placement(on_track, host, year=Y2, status="completed", days=5)
    not_yet = world.pupil(c8, "boy", year=Y2)
    world.placement(not_yet, host, year=Y2, status="confirmed", days=10)  # not completed: does not count
    both_years = world.pupil(c9, "girl", year=Y2)
    world.placement(both_years, host, year=Y1, status="completed", days=5)
    world.placement(both_years, host, year=Y2, status="completed", days=5)
    half_way = world.pupil(c9, "boy", year=Y2)
    world.placement(half_way, host, year=Y2, status="completed", days=5)
    world.pupil(world.klass(school, "7", year=Y2), "girl", year=Y2)  # grade 7 is not a due grade

    coverage = line(compute_scorecard(world.s, year=Y2), "placement_coverage")

    assert coverage.value == 0.5  # on_track and both_years of the four pupils in grades 8–9
    assert coverage.status == "red"


def test_working_life_indicators(world):
    school = world.school("Norra skolan")
    c8 = world.klass(school, "8", year=Y2)
    pupils = world.pupils(c8, "girl", 5, year=Y2)
    old_partner = world.org("C", places=3)
    new_partner = world.org("Q", places=2)
    world.org("F", places=6)  # offers places, hosts nothing
    world.org(None, places=100, kind="school")  # schools' places are not working-life places
    reluctant = world.org("G")
    world.visit(old_partner, classes=[world.klass(school, "7", year=Y1)], year=Y1)
    world.placement(pupils[0], old_partner, year=Y2, employer_evaluation=4, pupil_evaluation=5)
    world.placement(pupils[1], new_partner, year=Y2, employer_evaluation=2, pupil_evaluation=3)
    for pupil in pupils[1:]:
        world.placement(pupil, reluctant, year=Y2, status="requested" if pupil != pupils[4] else "cancelled")

    card = compute_scorecard(world.s, year=Y2)

    assert line(card, "active_partners").value == 2
    assert line(card, "new_partners").value == 1
    assert line(card, "places_ratio").value == pytest.approx(11 / 5)  # 11 places, 5 pupils in grade 8
    assert line(card, "places_ratio").status == "green"
    assert line(card, "employer_evaluation").value == 3.0
    assert line(card, "pupil_evaluation").value == 4.0
    assert line(card, "asked_without_hosting").value == 1
    assert line(card, "asked_without_hosting").status == "amber"  # target 0, amber band 2


def test_staff_and_process_indicators(world):
    school, other = world.school("Norra skolan"), world.school("Södra skolan")
    trained, visiting, idle = world.teacher(school), world.teacher(school), world.teacher(school)
    world.teacher(other)
    host = world.org("C")
    years = world.years
    training = Training(school_year_id=years[Y2], title="Industry week", start_date=dt.date(2026, 10, 1),
                        status="done")
    training.teachers = [world.s.get(type(training).teachers.property.mapper.class_, trained)]
    world.s.add(training)
    classes = [world.klass(school, "8", year=Y2), world.klass(school, "9", year=Y2)]
    world.visit(host, classes=classes, teachers=[visiting], year=Y2)
    world.visit(host, classes=classes[:1], year=Y2, status="cancelled")
    world.s.add_all([Meeting(school_year_id=years[Y2], title="Network", date=dt.date(2026, 9, 1)),
                     Meeting(school_year_id=years[Y2], title="Off", date=dt.date(2026, 9, 2), status="cancelled")])
    plan = ActionPlan(school_year_id=years[Y2], school_id=school, title="Plan")
    goal = Goal(title="Goal")
    plan.goals.append(goal)
    goal.actions += [
        Action(title="on time", due_date=dt.date(2026, 10, 1), done_on=dt.date(2026, 9, 30), status="done"),
        Action(title="late", due_date=dt.date(2026, 10, 1), done_on=dt.date(2026, 10, 5), status="done"),
        Action(title="overdue", due_date=dt.date(2026, 10, 1), status="in_progress"),
        Action(title="not due yet", due_date=dt.date(2027, 3, 1), status="not_started"),
        Action(title="dropped", due_date=dt.date(2026, 9, 1), status="cancelled"),
    ]
    world.s.add(plan)
    world.s.flush()

    card = compute_scorecard(world.s, year=Y2, school="Norra skolan")

    assert line(card, "teachers_trained").value == pytest.approx(2 / 3)
    assert line(card, "network_meetings").value == 1
    assert line(card, "visits_per_class").value == 1.0  # one visit for two classes, the cancelled one not
    assert actions_on_time(world.s, resolve_year(world.s, Y2), school, today=dt.date(2026, 11, 24)) == \
        pytest.approx(1 / 3)
    assert idle  # a teacher with nothing this year stays in the denominator


def test_targets_can_be_edited_and_statuses_follow(world):
    world.pupils(world.klass(world.school("Norra skolan"), "8", year=Y2), "girl", 4, year=Y2)
    card = compute_scorecard(world.s, year=Y2)
    rate = line(card, "encounter_rate")
    assert rate.value == 0.0 and rate.status == "red"

    changes = update_indicator(world.s, indicator_id=rate.indicator_id, target=0.0)
    assert changes.touches("indicators")
    assert line(compute_scorecard(world.s, year=Y2), "encounter_rate").status == "green"
    update_indicator(world.s, indicator_id=rate.indicator_id, target=None)
    assert line(compute_scorecard(world.s, year=Y2), "encounter_rate").status == "none"
    with pytest.raises(ValidationError):
        update_indicator(world.s, indicator_id=rate.indicator_id, amber_band=-1)
    with pytest.raises(NotFoundError):
        update_indicator(world.s, indicator_id=99999, target=1)


def test_manual_indicators_for_one_school(world):
    world.school("Norra skolan")
    changes = add_manual_indicator(world.s, name="Parents at the careers evening", perspective="pupils",
                                   unit="number", target=50, amber_band=10, school="Norra skolan")
    (indicator_id,) = changes.created["indicators"]
    set_manual_value(world.s, indicator_id=indicator_id, year=Y2, value=45)
    set_manual_value(world.s, indicator_id=indicator_id, year=Y1, value=30)

    card = compute_scorecard(world.s, year=Y2, school="Norra skolan")
    manual = next(item for item in card.lines if item.indicator_id == indicator_id)
    assert (manual.value, manual.last_year, manual.status) == (45, 30, "amber")
    assert manual.manual and manual.key is None
    # The municipality's card does not carry one school's own indicator.
    assert indicator_id not in {item.indicator_id for item in compute_scorecard(world.s, year=Y2).lines}

    set_manual_value(world.s, indicator_id=indicator_id, year=Y2, value=None)
    card = compute_scorecard(world.s, year=Y2, school="Norra skolan")
    assert next(item for item in card.lines if item.indicator_id == indicator_id).status == "none"

    delete_indicator(world.s, indicator_id=indicator_id)
    card = compute_scorecard(world.s, year=Y2, school="Norra skolan")
    assert indicator_id not in {item.indicator_id for item in card.lines}


def test_computed_values_cannot_be_typed_in(world):
    rate = line(compute_scorecard(world.s, year=Y2), "encounter_rate")
    with pytest.raises(ValidationError):
        set_manual_value(world.s, indicator_id=rate.indicator_id, year=Y2, value=0.5)


def test_employers_asked_more_than_three_times_counts_the_contact_log(world):
    from coordinator.models import ContactLogEntry

    asked_in_vain, said_yes, asked_last_year = world.org("C"), world.org("F"), world.org("G")
    for day in (1, 8, 15, 22):
        world.s.add_all([
            ContactLogEntry(organisation_id=asked_in_vain, date=dt.date(2026, 10, day), channel="call",
                            asked="Praktik?", answer="no" if day == 22 else "pending"),
            ContactLogEntry(organisation_id=said_yes, date=dt.date(2026, 10, day), channel="email",
                            asked="Praktik?", answer="yes" if day == 22 else "pending"),
            ContactLogEntry(organisation_id=asked_last_year, date=dt.date(2025, 10, day), channel="call",
                            asked="Praktik?")])
    world.s.flush()

    card = compute_scorecard(world.s, year=Y2)

    assert line(card, "asked_without_hosting").value == 1
