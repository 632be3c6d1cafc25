"""The law's rules for minors at a workplace, per country and age band, each with its legal source.

The pupil's age on a given day picks the band, so a birthday in the middle of a placement changes the
rules from that day. None of these rules apply from the 18th birthday (`ADULT_AGE`). The numbers are the
limits for a placement that replaces school days (PRAO, APL, praktyka zawodowa, практика): the lower
limits for paid work beside lessons (two hours on a school day in Sweden, half the norms in Russia under
ТК РФ ст. 92 ч. 3 and ст. 94 for those "combining" study and work) are not what a placement is.

Sources:
- SE: Arbetsmiljöverkets föreskrifter om minderårigas arbetsmiljö, AFS 2012:3 (replaced on 1 January 2025 by
  the authority's new structure of regulations: check the current text there), and Arbetsmiljölagen 5 kap. 2 §.
  A pupil still subject to compulsory schooling ("äldre barn"): in a week without lessons at most
  7 hours a day and 35 a week, no work 20–06. A "ungdom" (compulsory school left, turning 16 in the
  calendar year or older): at most 8 hours a day and 40 a week, no work 22–06.
- PL: Kodeks pracy, dział IX. Art. 190 § 1–2 (a młodociany is 15–18; nobody under 15 is employed),
  art. 202 § 1 (under 16: at most 6 hours a day), art. 202 § 2 (over 16: at most 8 hours a day),
  art. 203 § 1 and § 1¹ (no night work; night for a młodociany is 22–06). Dział IX sets no weekly limit of
  its own for a młodociany on a placement.
- RU: Трудовой кодекс РФ. Ст. 63 ч. 3 (from 14, light work with a parent's consent), ст. 92 (under 16:
  at most 24 hours a week; 16–18: 35), ст. 94 (14–15: 4 hours a day, 15–16: 5, 16–18: 7), ст. 96 ч. 1 and 5 with
  ст. 268 (no work at night, 22–06, under 18).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coordinator.i18n import N_

ADULT_AGE = 18


@dataclass(frozen=True)
class Limit:
    """One number the law sets, and where it says so."""

    value: float
    source: str


@dataclass(frozen=True)
class Night:
    """The hours in which a minor may not work, and where the law says so."""

    start: dt.time
    end: dt.time
    source: str

    def covers(self, first: dt.time | None, last: dt.time | None) -> bool:
        """Whether a working day from `first` to `last` reaches into the night."""
        if last is not None and first is not None and last < first:
            return True  # through midnight
        return (first is not None and first < self.end) or (last is not None and last > self.start)


@dataclass(frozen=True)
class AgeBand:
    """The rules for minors of one country from `from_age` up to (not including) `to_age`."""

    key: str
    label: str  # whom the band covers, marked with N_ and translated where shown
    from_age: int
    to_age: int
    hours_per_day: Limit
    hours_per_week: Limit | None
    night: Night


@dataclass(frozen=True)
class CountryRules:
    country: str
    minimum_age: Limit
    bands: tuple[AgeBand, ...]
    # Sweden: the rules follow compulsory schooling and the calendar year of the 16th birthday, not the day.
    youth_by_calendar_year: bool = False

    def band(self, key: str) -> AgeBand:
        return next(b for b in self.bands if b.key == key)


def _t(hour: int) -> dt.time:
    return dt.time(hour, 0)


_AFS = "AFS 2012:3"
SE_RULES = CountryRules(
    country="SE",
    minimum_age=Limit(13, "Arbetsmiljölagen (1977:1160) 5 kap. 2 §"),
    bands=(
        AgeBand("se_compulsory", N_("Pupils in compulsory school or under 16"), 0, 16,
                hours_per_day=Limit(7, f"{_AFS}, arbetstid för minderåriga som omfattas av skolplikt"),
                hours_per_week=Limit(35, f"{_AFS}, arbetstid för minderåriga som omfattas av skolplikt"),
                night=Night(_t(20), _t(6), f"{_AFS}, arbetstidens förläggning, skolplikt")),
        AgeBand("se_youth", N_("Pupils of 16–17 who have left compulsory school"), 16, ADULT_AGE,
                hours_per_day=Limit(8, f"{_AFS}, arbetstid för ungdomar"),
                hours_per_week=Limit(40, f"{_AFS}, arbetstid för ungdomar"),
                night=Night(_t(22), _t(6), f"{_AFS}, arbetstidens förläggning, ungdomar")),
    ),
    youth_by_calendar_year=True,
)

_KP = "Kodeks pracy"
_KP_NIGHT = Night(_t(22), _t(6), f"{_KP}, art. 203 § 1 i § 1¹")
PL_RULES = CountryRules(
    country="PL",
    minimum_age=Limit(15, f"{_KP}, art. 190 § 2"),
    bands=(
        AgeBand("pl_under_16", N_("Pupils under 16"), 0, 16, hours_per_day=Limit(6, f"{_KP}, art. 202 § 1"),
                hours_per_week=None, night=_KP_NIGHT),
        AgeBand("pl_16_17", N_("Pupils of 16–17"), 16, ADULT_AGE, hours_per_day=Limit(8, f"{_KP}, art. 202 § 2"),
                hours_per_week=None, night=_KP_NIGHT),
    ),
)

_TK = "ТК РФ"
_TK_NIGHT = Night(_t(22), _t(6), f"{_TK}, ст. 96 ч. 1 и 5, ст. 268")
RU_RULES = CountryRules(
    country="RU",
    minimum_age=Limit(14, f"{_TK}, ст. 63 ч. 3"),
    bands=(
        AgeBand("ru_under_15", N_("Pupils under 15"), 0, 15, hours_per_day=Limit(4, f"{_TK}, ст. 94"),
                hours_per_week=Limit(24, f"{_TK}, ст. 92"), night=_TK_NIGHT),
        AgeBand("ru_15", N_("Pupils of 15"), 15, 16, hours_per_day=Limit(5, f"{_TK}, ст. 94"),
                hours_per_week=Limit(24, f"{_TK}, ст. 92"), night=_TK_NIGHT),
        AgeBand("ru_16_17", N_("Pupils of 16–17"), 16, ADULT_AGE, hours_per_day=Limit(7, f"{_TK}, ст. 94"),
                hours_per_week=Limit(35, f"{_TK}, ст. 92"), night=_TK_NIGHT),
    ),
)

RULES: dict[str, CountryRules] = {r.country: r for r in (SE_RULES, PL_RULES, RU_RULES)}


def rules_of(country: str) -> CountryRules | None:
    """The rules of a country (ISO alpha-2), None for a country without them here."""
    return RULES.get(country.upper())


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years on `day` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_adult(birth_date: dt.date | None, day: dt.date) -> bool:
    """Whether the law treats the person as an adult on `day` (unknown birth date: not known to be)."""
    return birth_date is not None and age_on(birth_date, day) >= ADULT_AGE


def band_on(rules: CountryRules, birth_date: dt.date, day: dt.date, *,
            compulsory_school: bool = False) -> AgeBand | None:
    """The age band in force on `day`, None for an adult."""
    age = age_on(birth_date, day)
    if age >= ADULT_AGE:
        return None
    if rules.youth_by_calendar_year:
        youth = not compulsory_school and day.year - birth_date.year >= 16
        return rules.bands[-1] if youth else rules.bands[0]
    return next(b for b in rules.bands if b.from_age <= age < b.to_age)


def assumed_band(rules: CountryRules) -> AgeBand:
    """The band of a compulsory-school pupil without a birth date: a 15-year-old's (Sweden: compulsory school's)."""
    return next(b for b in rules.bands if b.from_age <= 15 < b.to_age)


def bands_over(rules: CountryRules, birth_date: dt.date, first: dt.date, last: dt.date, *,
               compulsory_school: bool = False) -> list[tuple[dt.date, AgeBand]]:
    """Each band in force during the period with the day it starts; adult days carry no band."""
    found: list[tuple[dt.date, AgeBand]] = []
    day = first
    while day <= last:
        band = band_on(rules, birth_date, day, compulsory_school=compulsory_school)
        if band is not None and (not found or found[-1][1] != band):
            found.append((day, band))
        day += dt.timedelta(days=1)
    return found
