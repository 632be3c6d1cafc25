"""The matching as the desk offers it: run a period's match, explain it, apply it as requested placements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.formatting import format_date
from coordinator.i18n import _, ngettext
from coordinator.matching.data import Period, apply_result, load_problem, organisation_names
from coordinator.matching.problem import Problem, unfit_reason
from coordinator.matching.report import as_json, explanations, unfit_words
from coordinator.models import Enrolment, Offer, Organisation, Pupil, SchoolClass, Wish


@dataclass(frozen=True)
class MatchRow:
    """One pupil's result, for a table: no name, only the pupil's id and class."""

    pupil: int
    class_name: str
    gender: str
    organisation: int | None
    organisation_name: str
    rank: int | None
    explanation: tuple[str, ...]
    offer: int | None = None
    locked: bool = False  # placed by hand: a new run keeps the pupil there


@dataclass(frozen=True)
class MatchOutcome:
    first_day: dt.date
    last_day: dt.date
    balance: bool
    seed: int
    result: dict[str, Any]  # the JSON of the command line's contract
    rows: tuple[MatchRow, ...]
    placements: tuple[int, ...] = ()  # the placements written by an applied match


@dataclass(frozen=True)
class WishPeriod:
    first_day: dt.date
    last_day: dt.date
    pupils: int


@dataclass(frozen=True)
class OfferRow:
    id: int
    organisation: str
    places: int
    first_day: dt.date
    last_day: dt.date
    fits: str
    minimum_age: int | None


@dataclass(frozen=True)
class WishRow:
    """A pupil's wishes for the period, first first; by id and class, no name."""

    pupil: int
    class_name: str
    wishes: tuple[str, ...]


def match_inputs(
    session: Session, *, first_day: dt.date, last_day: dt.date
) -> tuple[list[OfferRow], list[WishRow]]:
    """The offers inside the period and the pupils' wishes for exactly it, for showing side by side."""
    offers = [
        OfferRow(offer.id, name, offer.places, offer.first_day, offer.last_day, offer.fits, offer.minimum_age)
        for offer, name in session.execute(
            select(Offer, Organisation.name)
            .join(Organisation, Organisation.id == Offer.organisation_id)
            .where(Offer.first_day >= first_day, Offer.last_day <= last_day)
            .order_by(Organisation.name)
        )
    ]
    listed: dict[int, list[str]] = {}
    for pupil_id, name in session.execute(
        select(Wish.pupil_id, Organisation.name)
        .join(Organisation, Organisation.id == Wish.organisation_id)
        .where(Wish.first_day == first_day, Wish.last_day == last_day)
        .order_by(Wish.pupil_id, Wish.rank)
    ):
        listed.setdefault(pupil_id, []).append(name)
    classes = _classes(session, list(listed), first_day)
    wishes = sorted(
        (WishRow(pupil, classes.get(pupil, ""), tuple(names)) for pupil, names in listed.items()),
        key=lambda row: (row.class_name, row.pupil),
    )
    return offers, wishes


def match_placements(session: Session, *, first_day: dt.date, last_day: dt.date) -> list[int]:
    """The placements (not cancelled) inside the period of the pupils who wished for it: a match's own."""
    from coordinator.models import Placement, PlacementStatus

    wished = select(Wish.pupil_id).where(Wish.first_day == first_day, Wish.last_day == last_day)
    return list(session.scalars(select(Placement.id).where(
        Placement.pupil_id.in_(wished), Placement.start_date >= first_day, Placement.end_date <= last_day,
        Placement.status != PlacementStatus.CANCELLED)))


def wish_periods(session: Session) -> list[WishPeriod]:
    """The periods pupils have wishes for, with how many pupils wished."""
    rows = session.execute(
        select(Wish.first_day, Wish.last_day, func.count(func.distinct(Wish.pupil_id)))
        .group_by(Wish.first_day, Wish.last_day)
        .order_by(Wish.first_day)
    )
    return [WishPeriod(first, last, count) for first, last, count in rows]


def _no_wishes(session: Session, first_day: dt.date, last_day: dt.date) -> UserError:
    periods = "; ".join(
        f"{p.first_day.isoformat()} – {p.last_day.isoformat()}" for p in wish_periods(session)
    )
    if not periods:
        return UserError(
            _(
                "No pupil has wishes yet; import them first (coordinator import wishes FILE "
                "--from DATE --to DATE)."
            )
        )
    return UserError(
        _("No pupil has wishes for {first} – {last}. Periods with wishes: {periods}.").format(
            first=format_date(first_day), last=format_date(last_day), periods=periods
        )
    )


def _classes(session: Session, pupil_ids: list[int], first_day: dt.date) -> dict[int, str]:
    from coordinator.models import SchoolYear

    year = select(SchoolYear.id).where(SchoolYear.starts_on <= first_day, SchoolYear.ends_on >= first_day)
    rows = session.execute(
        select(Enrolment.pupil_id, SchoolClass.name)
        .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
        .where(Enrolment.pupil_id.in_(pupil_ids), Enrolment.school_year_id.in_(year))
    )
    return {pupil_id: name for pupil_id, name in rows}


def check_locks(problem: Problem, locks: dict[int, int], names: dict[int, str]) -> dict[int, int]:
    """The locks that fit the problem; a UserError naming the pupil or workplace of the first that does not."""
    pupils = {p.id: p for p in problem.pupils}
    offers = {o.id: o for o in problem.offers}
    taken: dict[int, int] = {}
    for pupil_id, offer_id in locks.items():
        if pupil_id not in pupils:
            raise UserError(_("Pupil {id} has no wishes for this period and cannot be placed by hand here.")
                            .format(id=pupil_id))
        offer = offers.get(offer_id)
        if offer is None:
            raise UserError(_("The offer chosen for pupil {id} is not one of this period's.").format(id=pupil_id))
        name = names.get(offer.organisation_id, "?")
        reason = unfit_reason(pupils[pupil_id], offer, problem.max_hours_minor)
        if reason is not None:
            raise UserError(_("Pupil {id} cannot be placed at {name}: {why}.").format(
                id=pupil_id, name=name, why=unfit_words(reason, offer, problem)))
        taken[offer_id] = taken.get(offer_id, 0) + 1
        if taken[offer_id] > offer.places:
            raise UserError(ngettext(
                "{name} offers {count} place; more pupils than that are placed there by hand.",
                "{name} offers {count} places; more pupils than that are placed there by hand.",
                offer.places).format(name=name, count=offer.places))
    return dict(locks)


def run_match(
    session: Session,
    *,
    first_day: dt.date,
    last_day: dt.date,
    year: str | None = None,
    balance: bool = False,
    seed: int = 0,
    apply: bool = False,
    locks: dict[int, int] | None = None,
) -> MatchOutcome:
    """Match the pupils who wished for exactly this period to the offers inside it; with `apply`, write it.

    `locks` (pupil id → offer id) are placements the coordinator made by hand: kept as they are.
    """
    problem = load_problem(session, Period(first_day, last_day, year))
    if not problem.pupils:
        raise _no_wishes(session, first_day, last_day)
    from coordinator.matching.solver import solve  # numpy and scipy load only when a match is run

    names = organisation_names(
        session,
        {o.organisation_id for o in problem.offers}
        | {org for wishes in problem.wishes.values() for org in wishes},
    )
    locks = check_locks(problem, locks or {}, names)
    result = solve(problem, balance=balance, seed=seed, locks=locks)
    other = solve(problem, balance=not balance, seed=seed, locks=locks)
    explained = explanations(problem, result, names)
    classes = _classes(session, [p.id for p in problem.pupils], first_day)
    placed = {a.pupil: a for a in result.assignments}
    genders = dict(
        session.execute(
            select(Pupil.id, Pupil.gender).where(Pupil.id.in_([p.id for p in problem.pupils]))
        ).all()
    )
    rows = tuple(
        MatchRow(
            pupil=p.id,
            class_name=classes.get(p.id, ""),
            gender=getattr(genders.get(p.id), "value", "unspecified"),
            organisation=placed[p.id].organisation if p.id in placed else None,
            organisation_name=names.get(placed[p.id].organisation, "") if p.id in placed else "",
            rank=placed[p.id].rank if p.id in placed else None,
            explanation=explained[p.id].lines,
            offer=placed[p.id].offer if p.id in placed else None,
            locked=p.id in result.locked,
        )
        for p in problem.pupils
    )
    written = tuple(apply_result(session, result)) if apply else ()
    return MatchOutcome(
        first_day=first_day,
        last_day=last_day,
        balance=balance,
        seed=seed,
        result=as_json(problem, result, other),
        rows=rows,
        placements=written,
    )
