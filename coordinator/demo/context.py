"""What the demo's generators share: the seeded randomness, id counters, rows waiting to be inserted."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from coordinator.demo.country import CountryData
from coordinator.reference.profiles import Profile

Row = dict[str, Any]


@dataclass(frozen=True)
class SizeSpec:
    compulsory_schools: int
    compulsory_pupils: int  # in all compulsory schools, leavers of last year included
    upper_schools: int
    upper_pupils: int
    programmes: int  # programmes per upper-secondary school
    organisations: int
    networks: int


SIZES: dict[str, SizeSpec] = {
    "small": SizeSpec(1, 150, 1, 55, 2, 30, 1),
    "municipality": SizeSpec(6, 1350, 1, 360, 4, 150, 2),
    "region": SizeSpec(330, 79200, 20, 20800, 8, 10000, 2),
}


@dataclass(frozen=True)
class Year:
    id: int
    label: str
    starts_on: dt.date
    ends_on: dt.date
    index: int  # 0 = last year, 1 = the current year
    closed: frozenset[dt.date] = frozenset()  # public holidays, when no activity is planned

    @property
    def start_year(self) -> int:
        return self.starts_on.year

    @property
    def stamp(self) -> dt.datetime:
        """created_at/updated_at of the year's records: fixed, so that two builds are identical."""
        return dt.datetime(self.start_year, 8, 15, 8, 0, 0)


@dataclass
class ClassInfo:
    id: int
    school_id: int
    year_index: int
    grade: str
    grade_index: int
    name: str
    type_code: str
    compulsory: bool
    mentor_id: int
    sector: str | None = None  # the programme's sector (upper secondary)
    placement: bool = True  # False for a programme without APL
    pupils: list[int] = field(default_factory=list)


@dataclass
class DemoContext:
    seed: int
    size: str
    spec: SizeSpec
    profile: Profile
    data: CountryData
    years: list[Year]
    dominance: dict[str, str | None]  # sector → "girl"/"boy"/None in this country
    type_ids: dict[str, int] = field(default_factory=dict)  # school type code → id
    programme_ids: dict[str, int] = field(default_factory=dict)  # programme code or name, casefolded → id
    rows: dict[str, list[Row]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    # Filled as the generators run; later generators read what earlier ones made.
    org_ids_by_sector: dict[str, list[int]] = field(default_factory=dict)
    org_names: dict[int, str] = field(default_factory=dict)
    org_kind: dict[int, str] = field(default_factory=dict)
    org_sector: dict[int, str] = field(default_factory=dict)
    contacts_by_org: dict[int, list[int]] = field(default_factory=dict)
    municipal_contacts: list[int] = field(default_factory=list)
    municipal_org_ids: list[int] = field(default_factory=list)
    towns_used: list[str] = field(default_factory=list)
    classes: list[ClassInfo] = field(default_factory=list)
    gender: dict[int, str] = field(default_factory=dict)  # pupil id → gender
    teachers_by_school: dict[int, list[int]] = field(default_factory=dict)
    school_names: dict[int, str] = field(default_factory=dict)
    school_towns: dict[int, str] = field(default_factory=dict)
    activities: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # (year, kind) → ids
    network_members: dict[int, list[int]] = field(default_factory=dict)  # network id → organisation ids
    role_ids: dict[str, int] = field(default_factory=dict)  # role kind → the country's general role of it
    role_names: dict[str, int] = field(default_factory=dict)  # role name → id
    source_ids: dict[str, int] = field(default_factory=dict)  # funding kind → the country's source
    currency: str = "SEK"
    cache: dict[str, Any] = field(default_factory=dict)

    def rng(self, part: str) -> random.Random:
        """An independent random stream per part, so that one part's changes leave the others alone."""
        return random.Random(f"{self.seed}:{self.size}:{self.profile.code}:{part}")

    def next_id(self, table: str) -> int:
        value = self.counters.get(table, 0) + 1
        self.counters[table] = value
        return value

    def add(self, table: str, row: Row) -> None:
        self.rows.setdefault(table, []).append(row)

    @property
    def last(self) -> Year:
        return self.years[0]

    @property
    def current(self) -> Year:
        return self.years[1]

    @property
    def today(self) -> dt.date:
        """The demo's 'today': late November of the current year, whatever the wall clock says."""
        return self.current.starts_on + dt.timedelta(days=115)

    @property
    def base_stamp(self) -> dt.datetime:
        return self.last.stamp


def school_day(rng: random.Random, year: Year, *, term: str | None = None) -> dt.date:
    """A working day in term time (autumn 20 Aug–15 Dec, spring 10 Jan–5 Jun) of a school year."""
    autumn = (19, 136)
    spring = (162, 308)
    if term is None:
        term = "autumn" if rng.random() < 0.45 else "spring"
    lo, hi = autumn if term == "autumn" else spring
    day = year.starts_on + dt.timedelta(days=rng.randint(lo, hi))
    if day.weekday() == 5:
        day -= dt.timedelta(days=1)
    return first_working_day(year, day)


def first_working_day(year: Year, day: dt.date) -> dt.date:
    """`day`, or the next day that is neither a weekend nor a public holiday."""
    while day.weekday() >= 5 or day in year.closed:
        day += dt.timedelta(days=1)
    return day


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_workdays(year: Year, start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` working days that begins on `start` (weekends and holidays skipped)."""
    day = start
    left = days - 1
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in year.closed:
            left -= 1
    return day


def weighted(rng: random.Random, options: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in options)
    pick = rng.random() * total
    for value, w in options:
        pick -= w
        if pick < 0:
            return value
    return options[-1][0]


def pick_gender(rng: random.Random, girl_share: float = 0.495, legal_only: bool = False) -> str:
    """Girl or boy by the share given, with about 1 % other and 1 % unspecified unless the country's
    registers hold legal sex only."""
    if legal_only:
        return "girl" if rng.random() < girl_share else "boy"
    x = rng.random()
    if x < 0.01:
        return "other"
    if x < 0.02:
        return "unspecified"
    return "girl" if rng.random() < girl_share else "boy"
