"""The matching problem as plain data: pupils, offers and wishes, and whether a pupil fits an offer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Why an offer does not fit a pupil; the explanation turns these into words.
TOO_YOUNG = "too_young"
HOURS = "hours"
PROGRAMME = "programme"
OVERLAP = "overlap"

NACE_SECTIONS = frozenset("ABCDEFGHIJKLMNOPQRSTU")


@dataclass(frozen=True)
class PupilIn:
    """A pupil as the matching sees them; `busy` holds the periods of their other placements."""

    id: int
    gender: str = "unspecified"
    birth_date: dt.date | None = None
    minor_rules: bool = True  # the minors' hours apply (compulsory school or under 16)
    programme: str | None = None
    busy: tuple[tuple[dt.date, dt.date], ...] = ()


@dataclass(frozen=True)
class OfferIn:
    """Places one organisation offers for a period, with what it asks of a pupil."""

    id: int
    organisation_id: int
    places: int
    first_day: dt.date
    last_day: dt.date
    fits: tuple[str, ...] = ()  # programme codes (restrict) and NACE sections (describe)
    minimum_age: int | None = None
    hours_per_day: float | None = None
    sector_code: str | None = None
    dominated_by: str | None = None  # "girl" or "boy": the gender dominating the offer's sector


@dataclass(frozen=True)
class Problem:
    """Everything one run needs: `wishes[pupil]` lists organisation ids, first wish first."""

    pupils: tuple[PupilIn, ...]
    offers: tuple[OfferIn, ...]
    wishes: dict[int, tuple[int, ...]] = field(default_factory=dict)
    max_hours_minor: float = 8.0


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def programmes_of(offer: OfferIn) -> set[str]:
    """The programme codes an offer is limited to (empty: open to every pupil)."""
    return {code.casefold() for code in offer.fits if code.upper() not in NACE_SECTIONS}


def unfit_reason(pupil: PupilIn, offer: OfferIn, max_hours_minor: float) -> str | None:
    """None when the pupil may take a place of the offer, else the first rule that forbids it."""
    if offer.minimum_age is not None and (
        pupil.birth_date is None or age_on(pupil.birth_date, offer.first_day) < offer.minimum_age
    ):
        return TOO_YOUNG
    if pupil.minor_rules and offer.hours_per_day is not None and offer.hours_per_day > max_hours_minor:
        return HOURS
    programmes = programmes_of(offer)
    if programmes and (pupil.programme or "").casefold() not in programmes:
        return PROGRAMME
    if any(start <= offer.last_day and offer.first_day <= end for start, end in pupil.busy):
        return OVERLAP
    return None


def non_traditional(pupil: PupilIn, offer: OfferIn) -> bool:
    """A girl at an offer in a boy-dominated sector, or a boy in a girl-dominated one."""
    return (
        pupil.gender in ("girl", "boy")
        and offer.dominated_by in ("girl", "boy")
        and offer.dominated_by != pupil.gender
    )


@dataclass(frozen=True)
class Assignment:
    pupil: int
    offer: int
    organisation: int
    rank: int | None  # the wish's rank (1 = first); None for a fitting place not wished for


@dataclass(frozen=True)
class MatchResult:
    assignments: tuple[Assignment, ...]
    unplaced: tuple[int, ...]
    balance: bool
    locked: frozenset[int] = frozenset()  # pupils the coordinator placed by hand
