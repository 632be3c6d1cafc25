"""The stable codes of planning warnings (for the command line, tests and icons) and the warning itself."""

from __future__ import annotations

from dataclasses import dataclass

# The codes never change with the language; `coordinator warnings --format json` prints them.
DOUBLE_BOOKING = "double_booking"
PUBLIC_HOLIDAY = "public_holiday"
WEEKEND = "weekend"
PLACEMENT_OVERLAP = "placement_overlap"
HOST_OVER_CAPACITY = "host_over_capacity"
HOURS_PER_DAY = "hours_per_day"
HOURS_PER_WEEK = "hours_per_week"
NIGHT_WORK = "night_work"
UNDER_MINIMUM_AGE = "under_minimum_age"
RISK_ASSESSMENT_MISSING = "risk_assessment_missing"
GUARDIAN_CONSENT_MISSING = "guardian_consent_missing"
DAYS_SHORT = "days_short"

# The minors' rules: none of these may ever be given for an adult.
MINORS_CODES = frozenset({HOURS_PER_DAY, HOURS_PER_WEEK, NIGHT_WORK, UNDER_MINIMUM_AGE, GUARDIAN_CONSENT_MISSING})


@dataclass(frozen=True)
class CheckWarning:
    code: str
    message: str
