"""What a match comes to: the summary by rank, the JSON of the command line, and each pupil's explanation.

An explanation tells a pupil or a parent why each earlier wish was not given, by the rule and
without naming any other pupil: the place does not fit (and by which rule), or its places went to
pupils who ranked it as high or higher, or giving one to this pupil would have cost another pupil
their place or an earlier wish.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from coordinator.i18n import _, ngettext
from coordinator.matching.problem import (
    HOURS,
    OVERLAP,
    PROGRAMME,
    TOO_YOUNG,
    MatchResult,
    OfferIn,
    Problem,
    PupilIn,
    non_traditional,
    programmes_of,
    unfit_reason,
)


def non_traditional_share(problem: Problem, result: MatchResult) -> float:
    """Placements of girls and boys in a sector dominated by the other gender ÷ their placements."""
    pupils = {p.id: p for p in problem.pupils}
    offers = {o.id: o for o in problem.offers}
    binary = [a for a in result.assignments if pupils[a.pupil].gender in ("girl", "boy")]
    if not binary:
        return 0.0
    return sum(non_traditional(pupils[a.pupil], offers[a.offer]) for a in binary) / len(binary)


def summary(problem: Problem, result: MatchResult, other: MatchResult) -> dict[str, Any]:
    """The summary of the JSON contract; `other` is the same match under the other balance policy."""
    counts = Counter(a.rank for a in result.assignments)
    ranks = max((len(w) for w in problem.wishes.values()), default=0)
    by_rank = {str(rank): counts.get(rank, 0) for rank in range(1, ranks + 1)}
    by_rank["none"] = counts.get(None, 0)
    share, other_share = non_traditional_share(problem, result), non_traditional_share(problem, other)
    return {
        "pupils": len(problem.pupils),
        "placed": len(result.assignments),
        "by_rank": by_rank,
        "unplaced": len(result.unplaced),
        "non_traditional_share": round(share, 4),
        "balance": "on" if result.balance else "off",
        "non_traditional_share_with_balance": round(share if result.balance else other_share, 4),
        "non_traditional_share_without_balance": round(other_share if result.balance else share, 4),
    }


def as_json(problem: Problem, result: MatchResult, other: MatchResult) -> dict[str, Any]:
    return {
        "assignments": [
            {"pupil": a.pupil, "organisation": a.organisation, "rank": a.rank} for a in result.assignments
        ],
        "unplaced": list(result.unplaced),
        "summary": summary(problem, result, other),
    }


@dataclass(frozen=True)
class Explanation:
    pupil: int
    lines: tuple[str, ...]


def unfit_words(reason: str, offer: OfferIn, problem: Problem) -> str:
    if reason == TOO_YOUNG:
        return _("the pupil is younger than the minimum age ({age}) on the first day").format(
            age=offer.minimum_age
        )
    if reason == HOURS:
        return _("{hours} hours a day is more than the pupil may work ({limit})").format(
            hours=f"{offer.hours_per_day:g}", limit=f"{problem.max_hours_minor:g}"
        )
    if reason == PROGRAMME:
        return _("open only to the programmes {programmes}").format(
            programmes=", ".join(sorted(programmes_of(offer)))
        )
    assert reason == OVERLAP
    return _("the period overlaps another placement of the pupil")


def _level(rank: int, pupil: PupilIn, offer: OfferIn, balance: bool) -> int:
    return rank - 1 if balance and non_traditional(pupil, offer) else rank


class _Explainer:
    def __init__(self, problem: Problem, result: MatchResult, names: dict[int, str]) -> None:
        self.problem, self.result, self.names = problem, result, names
        self.pupils = {p.id: p for p in problem.pupils}
        self.offer_by_id = {o.id: o for o in problem.offers}
        self.offers_of: dict[int, list[OfferIn]] = {}
        for offer in problem.offers:
            self.offers_of.setdefault(offer.organisation_id, []).append(offer)
        self.placed = {a.pupil: a for a in result.assignments}
        self.holders: dict[int, list[int]] = {}  # offer id -> levels of the pupils placed there
        for a in result.assignments:
            level = (
                99
                if a.rank is None
                else _level(a.rank, self.pupils[a.pupil], self._offer(a.offer), result.balance)
            )
            self.holders.setdefault(a.offer, []).append(level)

    def _offer(self, offer_id: int) -> OfferIn:
        return self.offer_by_id[offer_id]

    def wish_line(self, pupil: PupilIn, rank: int, organisation: int) -> str:
        head = _("Wish {rank} ({name})").format(rank=rank, name=self.names.get(organisation, "?"))
        offers = self.offers_of.get(organisation, [])
        if not offers or all(o.places == 0 for o in offers):
            return _("{wish}: no places were offered for this period.").format(wish=head)
        fitting = [o for o in offers if unfit_reason(pupil, o, self.problem.max_hours_minor) is None]
        if not fitting:
            why = unfit_reason(pupil, offers[0], self.problem.max_hours_minor) or OVERLAP
            return _("{wish}: does not fit, {why}.").format(
                wish=head, why=unfit_words(why, offers[0], self.problem)
            )
        places = sum(o.places for o in fitting)
        mine = min(_level(rank, pupil, o, self.result.balance) for o in fitting)
        levels = [level for o in fitting for level in self.holders.get(o.id, [])]
        if all(level <= mine for level in levels):
            draw = " " + _("Between equal wishes, the draw decided.") if mine in levels else ""
            return (
                ngettext(
                    "{wish}: its {count} place went to a pupil who ranked it as high or higher.",
                    "{wish}: all {count} places went to pupils who ranked it as high or higher.",
                    places,
                ).format(wish=head, count=places)
                + draw
            )
        return ngettext(
            "{wish}: its {count} place is taken; giving it to this pupil would have left another pupil "
            "without a place or on a later wish, and the rule places as many pupils as possible, "
            "then as many as possible on earlier wishes.",
            "{wish}: all {count} places are taken; giving one to this pupil would have left another pupil "
            "without a place or on a later wish, and the rule places as many pupils as possible, "
            "then as many as possible on earlier wishes.",
            places,
        ).format(wish=head, count=places)

    def explain(self, pupil_id: int) -> Explanation:
        pupil = self.pupils[pupil_id]
        wishes = self.problem.wishes.get(pupil_id, ())
        got = self.placed.get(pupil_id)
        lines = []
        if got is not None and pupil_id in self.result.locked:
            return Explanation(pupil=pupil_id, lines=(
                _("Placed by hand by the coordinator: {name}.").format(name=self.names.get(got.organisation, "?")),))
        if got is not None and got.rank is not None:
            lines.append(
                _("Placed on wish {rank}: {name}").format(
                    rank=got.rank, name=self.names.get(got.organisation, "?")
                )
            )
        elif got is not None:
            lines.append(
                _(
                    "Placed at a fitting place not among the wishes ({name}): no wished place could "
                    "take the pupil."
                ).format(name=self.names.get(got.organisation, "?"))
            )
        else:
            lines.append(_("Not placed: no fitting place was left for this pupil."))
        last = got.rank - 1 if got is not None and got.rank is not None else len(wishes)
        lines.extend(
            self.wish_line(pupil, rank, organisation)
            for rank, organisation in enumerate(wishes[:last], start=1)
        )
        if (
            self.result.balance
            and got is not None
            and got.rank is not None
            and non_traditional(pupil, self._offer(got.offer))
        ):
            lines.append(
                _(
                    "This wish was for a sector where the other gender dominates, so under the "
                    "balance policy it counted one rank better."
                )
            )
        return Explanation(pupil=pupil_id, lines=tuple(lines))


def explanations(problem: Problem, result: MatchResult, names: dict[int, str]) -> dict[int, Explanation]:
    """Every pupil's explanation, by pupil id."""
    explainer = _Explainer(problem, result, names)
    return {p.id: explainer.explain(p.id) for p in problem.pupils}
