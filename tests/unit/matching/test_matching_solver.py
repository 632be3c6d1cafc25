"""The solver against an independent exhaustive search on small grades, and its promises as properties."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator.matching.problem import OfferIn, Problem, PupilIn, non_traditional, unfit_reason
from coordinator.matching.solver import MatchResult, solve

FIRST, LAST = dt.date(2027, 3, 1), dt.date(2027, 3, 12)
LEVELS = 7  # levels 0 (a non-traditional first wish with balance) … 5, then 6 = placed, not wished


@st.composite
def problems(draw, max_pupils: int = 6, max_offers: int = 4) -> Problem:
    n_offers = draw(st.integers(1, max_offers))
    offers = tuple(
        OfferIn(
            id=100 + j,
            organisation_id=j,
            places=draw(st.integers(0, 2)),
            first_day=FIRST,
            last_day=LAST,
            minimum_age=draw(st.sampled_from([None, None, 14, 15])),
            dominated_by=draw(st.sampled_from([None, "girl", "boy"])),
        )
        for j in range(n_offers)
    )
    pupils, wishes = [], {}
    for i in range(draw(st.integers(1, max_pupils))):
        born = dt.date(2012, 6, 1) + dt.timedelta(days=draw(st.integers(0, 700)))
        gender = draw(st.sampled_from(["girl", "boy", "other"]))
        pupils.append(PupilIn(id=i + 1, gender=gender, birth_date=born))
        wishes[i + 1] = tuple(draw(st.lists(st.integers(0, n_offers - 1), unique=True, max_size=3)))
    return Problem(pupils=tuple(pupils), offers=offers, wishes=wishes)


def _level(problem: Problem, pupil: PupilIn, offer: OfferIn, balance: bool) -> int:
    wishes = problem.wishes.get(pupil.id, ())
    if offer.organisation_id not in wishes:
        return LEVELS - 1
    rank = wishes.index(offer.organisation_id) + 1
    return rank - 1 if balance and non_traditional(pupil, offer) else rank


def _profile(problem: Problem, pairs, balance: bool) -> tuple[int, ...]:
    """(placed, then how many at each level, best level first): larger is better, compared in order."""
    levels = Counter(_level(problem, p, o, balance) for p, o in pairs)
    return (len(pairs), *(levels[level] for level in range(LEVELS - 1)))


def _best_by_search(problem: Problem, balance: bool) -> tuple[int, ...]:
    """Every way to place the pupils (or not), capacity kept: the best profile by the rule."""
    choices = [
        [None] + [o for o in problem.offers if unfit_reason(p, o, problem.max_hours_minor) is None]
        for p in problem.pupils
    ]
    best: tuple[int, ...] = ()
    for combo in itertools.product(*choices):
        used = Counter(o.id for o in combo if o is not None)
        if all(used[o.id] <= o.places for o in problem.offers):
            pairs = [(p, o) for p, o in zip(problem.pupils, combo) if o is not None]
            best = max(best, _profile(problem, pairs, balance))
    return best


def _pairs(problem: Problem, result: MatchResult):
    pupils = {p.id: p for p in problem.pupils}
    offers = {o.id: o for o in problem.offers}
    return [(pupils[a.pupil], offers[a.offer]) for a in result.assignments]


@settings(max_examples=60, deadline=None)
@given(problems(), st.booleans(), st.integers(0, 5))
def test_the_profile_equals_the_best_an_exhaustive_search_finds(problem, balance, seed):
    result = solve(problem, balance=balance, seed=seed)
    assert _profile(problem, _pairs(problem, result), balance) == _best_by_search(problem, balance)


@settings(max_examples=80, deadline=None)
@given(problems(max_pupils=12, max_offers=6), st.integers(0, 3))
def test_capacity_kept_no_pupil_twice_and_no_wished_place_left_empty(problem, seed):
    result = solve(problem, seed=seed)
    pairs = _pairs(problem, result)
    used = Counter(o.id for _p, o in pairs)
    assert all(used[o.id] <= o.places for o in problem.offers)
    placed = [a.pupil for a in result.assignments]
    assert len(placed) == len(set(placed))
    assert set(placed) | set(result.unplaced) == {p.id for p in problem.pupils}
    rank_of = {a.pupil: a.rank for a in result.assignments}
    for pupil in problem.pupils:
        got = rank_of.get(pupil.id)
        for rank, organisation in enumerate(problem.wishes[pupil.id], start=1):
            if got is not None and rank >= got:
                break
            free = [
                o
                for o in problem.offers
                if o.organisation_id == organisation
                and used[o.id] < o.places
                and unfit_reason(pupil, o, problem.max_hours_minor) is None
            ]
            assert not free, f"wish {rank} had a free place while the pupil got {got}"


def test_a_pupil_is_placed_where_they_did_not_wish_only_when_no_wished_place_can_take_them():
    offers = (
        OfferIn(id=1, organisation_id=10, places=1, first_day=FIRST, last_day=LAST),
        OfferIn(id=2, organisation_id=20, places=1, first_day=FIRST, last_day=LAST),
    )
    pupils = (PupilIn(id=1), PupilIn(id=2))
    result = solve(Problem(pupils=pupils, offers=offers, wishes={1: (10,), 2: (10,)}), seed=1)
    ranks = sorted((a.rank is None, a.organisation) for a in result.assignments)
    assert ranks == [(False, 10), (True, 20)] and not result.unplaced


def test_the_same_seed_gives_the_same_assignment_and_ties_follow_the_seed():
    offers = (OfferIn(id=1, organisation_id=10, places=1, first_day=FIRST, last_day=LAST),)
    pupils = tuple(PupilIn(id=i) for i in range(1, 9))
    problem = Problem(pupils=pupils, offers=offers, wishes={p.id: (10,) for p in pupils})
    winners = {solve(problem, seed=seed).assignments[0].pupil for seed in range(12)}
    assert solve(problem, seed=4) == solve(problem, seed=4)
    assert len(winners) > 1


def test_balance_keeps_a_non_traditional_first_wish_before_a_traditional_one():
    offers = (
        OfferIn(id=1, organisation_id=10, places=1, first_day=FIRST, last_day=LAST, dominated_by="boy"),
        OfferIn(id=2, organisation_id=20, places=5, first_day=FIRST, last_day=LAST),
    )
    girl, boy = PupilIn(id=1, gender="girl"), PupilIn(id=2, gender="boy")
    problem = Problem(pupils=(girl, boy), offers=offers, wishes={1: (10, 20), 2: (10, 20)})
    for seed in range(6):
        with_balance = {a.pupil: a.organisation for a in solve(problem, balance=True, seed=seed).assignments}
        assert with_balance == {1: 10, 2: 20}
    without = {solve(problem, seed=seed).assignments[0].organisation for seed in range(12)}
    assert without == {10, 20}  # without balance the lottery decides who gets it


@st.composite
def locked_problems(draw) -> tuple[Problem, dict[int, int]]:
    """A problem and some pupils locked by hand at fitting offers, within the offers' places."""
    problem = draw(problems())
    left = {o.id: o.places for o in problem.offers}
    locks: dict[int, int] = {}
    for pupil in problem.pupils:
        fitting = [o.id for o in problem.offers
                   if left[o.id] > 0 and unfit_reason(pupil, o, problem.max_hours_minor) is None]
        if fitting and draw(st.booleans()):
            locks[pupil.id] = draw(st.sampled_from(fitting))
            left[locks[pupil.id]] -= 1
    return problem, locks


@settings(max_examples=60, deadline=None)
@given(locked_problems(), st.booleans(), st.integers(0, 5))
def test_locked_pupils_keep_their_place_and_the_rest_is_rank_maximal(case, balance, seed):
    problem, locks = case
    result = solve(problem, balance=balance, seed=seed, locks=locks)
    got = {a.pupil: a.offer for a in result.assignments}
    assert {p: got.get(p) for p in locks} == locks and result.locked == frozenset(locks)
    placed = [a.pupil for a in result.assignments]
    assert len(placed) == len(set(placed))
    used = Counter(got.values())
    assert all(used[o.id] <= o.places for o in problem.offers)
    # The pupils not locked: as good as an exhaustive search over the places the locks leave.
    taken = Counter(locks.values())
    rest = Problem(pupils=tuple(p for p in problem.pupils if p.id not in locks),
                   offers=tuple(OfferIn(**{**o.__dict__, "places": o.places - taken[o.id]}) for o in problem.offers),
                   wishes=problem.wishes)
    free = MatchResult(tuple(a for a in result.assignments if a.pupil not in locks), result.unplaced, balance)
    assert _profile(rest, _pairs(rest, free), balance) == _best_by_search(rest, balance)


def test_moving_a_pupil_by_hand_frees_their_first_wish_for_another_pupil():
    offers = (
        OfferIn(id=1, organisation_id=10, places=1, first_day=FIRST, last_day=LAST),
        OfferIn(id=2, organisation_id=20, places=1, first_day=FIRST, last_day=LAST),
    )
    pupils = (PupilIn(id=1), PupilIn(id=2))
    problem = Problem(pupils=pupils, offers=offers, wishes={1: (10, 20), 2: (10, 20)})
    winner = next(a.pupil for a in solve(problem, seed=0).assignments if a.organisation == 10)
    other = 2 if winner == 1 else 1
    moved = {a.pupil: (a.organisation, a.rank) for a in solve(problem, seed=0, locks={winner: 2}).assignments}
    assert moved == {winner: (20, 2), other: (10, 1)}
