"""The law's rules by age applied to one placement: hours a day and a week, the night, the minimum age, consent.

The pupil's age on each day of the placement picks the rules (`reference.labour_rules`), so a pupil who
turns 16 or 18 in the middle of a placement is held to the new rules from the birthday on. A pupil
without a birth date is held to a 15-year-old's rules (`assumed_band`) when enrolled in a compulsory
school that year, and to none otherwise. Nothing here is ever said about a day on which the pupil is an adult.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coordinator.formatting import format_date, format_number, format_time
from coordinator.i18n import _, pgettext
from coordinator.pupil_ages import PupilFacts, country_rules, pupil_facts
from coordinator.reference.labour_rules import (
    AgeBand,
    CountryRules,
    age_on,
    assumed_band,
    band_on,
    bands_over,
    is_adult,
)
from coordinator.services.warning_codes import (
    GUARDIAN_CONSENT_MISSING,
    HOURS_PER_DAY,
    HOURS_PER_WEEK,
    NIGHT_WORK,
    UNDER_MINIMUM_AGE,
    CheckWarning,
)


@dataclass(frozen=True)
class WorkingTime:
    first_day: dt.date
    last_day: dt.date
    hours_per_day: float | None
    daily_start: dt.time | None
    daily_end: dt.time | None
    days: int | None = None  # days of work in the period; None: every weekday


def _hours(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1)


def _age_text(facts: PupilFacts, day: dt.date) -> str:
    return str(age_on(facts.birth_date, day)) if facts.birth_date is not None else pgettext("age", "unknown")


def _segments(rules: CountryRules, facts: PupilFacts, work: WorkingTime) -> list[tuple[dt.date, dt.date, AgeBand]]:
    """(first day, last day, band) for each stretch of the period under one band; none for adult days."""
    if facts.birth_date is None:
        return [(work.first_day, work.last_day, assumed_band(rules))] if facts.compulsory_school else []
    starts = bands_over(rules, facts.birth_date, work.first_day, work.last_day,
                        compulsory_school=facts.compulsory_school)
    segments = []
    for index, (first, band) in enumerate(starts):
        last = starts[index + 1][0] - dt.timedelta(days=1) if index + 1 < len(starts) else work.last_day
        while band_on(rules, facts.birth_date, last, compulsory_school=facts.compulsory_school) is None:
            last -= dt.timedelta(days=1)  # the days after the 18th birthday are no one's business here
        segments.append((first, last, band))
    return segments


def _busiest_week(first: dt.date, last: dt.date, work: WorkingTime) -> float:
    """The most hours in one calendar week between first and last, spreading `days` over the weekdays."""
    if not work.hours_per_day:
        return 0.0
    weekdays_total = sum(1 for n in range((work.last_day - work.first_day).days + 1)
                         if (work.first_day + dt.timedelta(days=n)).weekday() < 5)
    share = min(1.0, work.days / weekdays_total) if work.days is not None and weekdays_total else 1.0
    busiest, day = 0, first
    while day <= last:
        monday = day - dt.timedelta(days=day.weekday())
        count = sum(1 for n in range(5) if first <= monday + dt.timedelta(days=n) <= last)
        busiest = max(busiest, count)
        day = monday + dt.timedelta(days=7)
    return work.hours_per_day * busiest * share


def _band_warnings(facts: PupilFacts, work: WorkingTime, first: dt.date, last: dt.date,
                   band: AgeBand) -> list[CheckWarning]:
    warnings = []
    age = _age_text(facts, first)
    if work.hours_per_day is not None and work.hours_per_day > band.hours_per_day.value:
        warnings.append(CheckWarning(HOURS_PER_DAY, _(
            "A working day of {hours} h from {date} (age: {age}): at most {limit} h is allowed ({source}).").format(
            hours=_hours(work.hours_per_day), date=format_date(first), age=age,
            limit=_hours(band.hours_per_day.value), source=band.hours_per_day.source)))
    week = _busiest_week(first, last, work)
    if band.hours_per_week is not None and week > band.hours_per_week.value + 1e-9:
        warnings.append(CheckWarning(HOURS_PER_WEEK, _(
            "Up to {hours} h in a week from {date} (age: {age}): at most {limit} h a week is allowed "
            "({source}).").format(hours=_hours(week), date=format_date(first), age=age,
                                  limit=_hours(band.hours_per_week.value), source=band.hours_per_week.source)))
    if band.night.covers(work.daily_start, work.daily_end):
        warnings.append(CheckWarning(NIGHT_WORK, _(
            "Working hours {start}–{end} from {date} (age: {age}): no work between {night_start} and "
            "{night_end} ({source}).").format(
            start=format_time(work.daily_start) or "?", end=format_time(work.daily_end) or "?",
            date=format_date(first), age=age, night_start=format_time(band.night.start),
            night_end=format_time(band.night.end), source=band.night.source)))
    return warnings


def _first_of_each(warnings: list[CheckWarning]) -> list[CheckWarning]:
    """One warning per code: the first band that breaks a rule says so (a later, laxer band adds nothing)."""
    seen: set[str] = set()
    kept = []
    for warning in warnings:
        if warning.code not in seen:
            seen.add(warning.code)
            kept.append(warning)
    return kept


def age_rule_warnings(session: Session, *, pupil_id: int, work: WorkingTime) -> list[CheckWarning]:
    """What the law for minors says against this placement, day by day of the pupil's age."""
    rules = country_rules(session)
    facts = pupil_facts(session, pupil_id, work.first_day)
    if rules is None or is_adult(facts.birth_date, work.first_day):
        return []
    warnings: list[CheckWarning] = []
    if facts.birth_date is not None and age_on(facts.birth_date, work.first_day) < rules.minimum_age.value:
        warnings.append(CheckWarning(UNDER_MINIMUM_AGE, _(
            "The pupil's age on the first day: {age}; the law's minimum age: {minimum} ({source}).").format(
            age=age_on(facts.birth_date, work.first_day), minimum=_hours(rules.minimum_age.value),
            source=rules.minimum_age.source)))
    for first, last, band in _segments(rules, facts, work):
        warnings += _band_warnings(facts, work, first, last, band)
    if not facts.guardian_consent and (facts.birth_date is not None or facts.compulsory_school):
        warnings.append(CheckWarning(GUARDIAN_CONSENT_MISSING, _(
            "The pupil is under 18 and the guardian's consent is not recorded.")))
    return _first_of_each(warnings)
