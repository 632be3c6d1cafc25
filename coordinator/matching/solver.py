"""A rank-maximal assignment of pupils to offered places, solved as a network-flow programme by HiGHS.

The rule, in order: as many pupils placed as possible; then as many as possible on their first wish;
then, keeping that, as many as possible on their second; and so on. A pupil is placed at a fitting
place they did not wish for only when that places more pupils (no wished place can take them).
With `balance`, a wish for a sector dominated by the other gender counts one rank better (a
non-traditional first wish outranks every traditional first wish). Ties between equally good
assignments are broken by seeded random weights, so the same seed gives the same assignment.
Pupils the coordinator locked by hand keep their place; the rest is matched by the rule to the
places that remain.

Why staged solves and not one weighted assignment: lexicographic weights for 1,000 pupils and six
ranks need about 10^18, beyond the 53 bits a float carries, so each rank is optimised in turn with
the earlier optima kept as constraints. The constraint matrix is a flow network's (pupil → offer,
or pupil → the group of pupils who fit the same offers → offer), so every optimum is whole.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix, csr_matrix, vstack

from coordinator.matching.problem import (  # noqa: F401  (Assignment, MatchResult: re-exported)
    Assignment,
    MatchResult,
    OfferIn,
    Problem,
    PupilIn,
    non_traditional,
    unfit_reason,
)


@dataclass
class _Network:
    """Variables: wish edges, then pupil → fit group, then fit group → offer."""

    wish_edges: list[tuple[int, int, int, int]]  # (pupil index, offer index, rank, level)
    group_of: dict[int, int]  # pupil index -> group index (only pupils with a fitting offer)
    groups: list[tuple[int, ...]]  # offer indices of each group
    group_edges: list[tuple[int, int]]  # (group index, offer index)


def _fit_groups(problem: Problem) -> tuple[dict[int, int], list[tuple[int, ...]]]:
    """Pupils who fit the same offers share a group; returns pupil index -> group and the groups."""
    signatures: dict[tuple[int, ...], int] = {}
    cache: dict[tuple[object, ...], tuple[int, ...]] = {}
    group_of: dict[int, int] = {}
    for i, pupil in enumerate(problem.pupils):
        key = (pupil.birth_date, pupil.minor_rules, (pupil.programme or "").casefold(), pupil.busy)
        if key not in cache:
            cache[key] = tuple(
                j
                for j, offer in enumerate(problem.offers)
                if offer.places > 0 and unfit_reason(pupil, offer, problem.max_hours_minor) is None
            )
        fitting = cache[key]
        if fitting:
            group_of[i] = signatures.setdefault(fitting, len(signatures))
    return group_of, list(signatures)


def _network(problem: Problem, balance: bool) -> _Network:
    offers_of: dict[int, list[int]] = {}
    for j, offer in enumerate(problem.offers):
        offers_of.setdefault(offer.organisation_id, []).append(j)
    group_of, groups = _fit_groups(problem)
    wish_edges = []
    for i, pupil in enumerate(problem.pupils):
        fitting = set(groups[group_of[i]]) if i in group_of else set()
        seen: set[int] = set()
        for rank, organisation in enumerate(problem.wishes.get(pupil.id, ()), start=1):
            for j in offers_of.get(organisation, ()):
                if j in fitting and j not in seen:
                    seen.add(j)
                    bonus = balance and non_traditional(pupil, problem.offers[j])
                    wish_edges.append((i, j, rank, rank - 1 if bonus else rank))
    group_edges = [(g, j) for g, offers in enumerate(groups) for j in offers]
    return _Network(wish_edges, group_of, groups, group_edges)


def _constraints(problem: Problem, net: _Network) -> tuple[LinearConstraint, np.ndarray]:
    """Pupils take at most one place, groups pass on what they receive, offers hold their places."""
    n_w, n_u = len(net.wish_edges), len(net.group_of)
    n_p, n_g = len(problem.pupils), len(net.groups)
    rows, cols, vals = [], [], []

    def put(row: int, col: int, value: float) -> None:
        rows.append(row)
        cols.append(col)
        vals.append(value)

    for k, (i, j, _rank, _level) in enumerate(net.wish_edges):
        put(i, k, 1.0)
        put(n_p + n_g + j, k, 1.0)
    for k, (i, g) in enumerate(net.group_of.items()):
        put(i, n_w + k, 1.0)
        put(n_p + g, n_w + k, 1.0)
    for k, (g, j) in enumerate(net.group_edges):
        put(n_p + g, n_w + n_u + k, -1.0)
        put(n_p + n_g + j, n_w + n_u + k, 1.0)
    n_rows, n_vars = n_p + n_g + len(problem.offers), n_w + n_u + len(net.group_edges)
    matrix = coo_matrix((vals, (rows, cols)), shape=(n_rows, n_vars)).tocsr()
    upper = np.concatenate([np.ones(n_p), np.zeros(n_g), [o.places for o in problem.offers]])
    lower = np.concatenate([np.full(n_p, -np.inf), np.zeros(n_g), np.full(len(problem.offers), -np.inf)])
    var_upper = np.concatenate([np.ones(n_w + n_u), [problem.offers[j].places for _g, j in net.group_edges]])
    return LinearConstraint(matrix, lower, upper), var_upper


def _objectives(net: _Network, seed: int) -> list[np.ndarray]:
    """What is maximised, stage by stage: placed pupils, then each level, then the seeded tie-break."""
    n_w, n_u = len(net.wish_edges), len(net.group_of)
    n_vars = n_w + n_u + len(net.group_edges)
    placed = np.zeros(n_vars)
    placed[: n_w + n_u] = 1.0
    stages = [placed]
    levels = np.array([level for _i, _j, _rank, level in net.wish_edges], dtype=float)
    for level in sorted(set(levels.tolist())):
        stage = np.zeros(n_vars)
        stage[:n_w] = levels == level
        stages.append(stage)
    rng = np.random.default_rng(seed)
    tie = np.zeros(n_vars)
    tie[: n_w + n_u] = rng.integers(1, 1000, size=n_w + n_u)
    stages.append(tie)
    return stages


def _solve(problem: Problem, net: _Network, seed: int) -> np.ndarray:
    flow, var_upper = _constraints(problem, net)
    # Equality rows (groups) and upper rows (pupils, offers), as linprog takes them.
    n_p, n_g = len(problem.pupils), len(net.groups)
    matrix = flow.A.tocsr()
    upper_rows = np.r_[0:n_p, n_p + n_g : matrix.shape[0]]
    a_ub, b_ub = matrix[upper_rows], flow.ub[upper_rows]
    a_eq, b_eq = matrix[n_p : n_p + n_g], np.zeros(n_g)
    bounds = np.column_stack([np.zeros(len(var_upper)), var_upper])
    x = np.zeros(len(var_upper))
    for objective in _objectives(net, seed):
        if not objective.any():
            continue
        # The dual simplex ends on a vertex, and the vertices of a flow programme are whole.
        found = linprog(
            -objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs-ds"
        )
        if found.x is None:
            raise RuntimeError(f"the matching programme could not be solved: {found.message}")
        x = np.round(found.x)
        if not np.allclose(found.x, x, atol=1e-3):  # a fractional vertex (never seen): solve in whole numbers
            found = milp(
                -objective,
                integrality=np.ones(len(x)),
                bounds=Bounds(bounds[:, 0], bounds[:, 1]),
                constraints=[LinearConstraint(a_ub, -np.inf, b_ub), LinearConstraint(a_eq, b_eq, b_eq)],
            )
            x = np.round(found.x)
        best = float(objective @ x)
        a_ub = vstack([a_ub, csr_matrix(-objective)]).tocsr()
        b_ub = np.append(b_ub, -(best - 1e-7))  # exactly the optimum: a face, whose vertices stay whole
    return x


def _decode(problem: Problem, net: _Network, x: np.ndarray, seed: int) -> dict[int, tuple[int, int | None]]:
    """pupil index -> (offer index, rank or None)."""
    chosen: dict[int, tuple[int, int | None]] = {}
    for k, (i, j, rank, _level) in enumerate(net.wish_edges):
        if x[k] > 0.5:
            chosen[i] = (j, rank)
    n_w, n_u = len(net.wish_edges), len(net.group_of)
    waiting: dict[int, list[int]] = {}
    for k, (i, g) in enumerate(net.group_of.items()):
        if x[n_w + k] > 0.5:
            waiting.setdefault(g, []).append(i)
    shuffle = random.Random(seed)
    for g, pupils in waiting.items():
        shuffle.shuffle(pupils)
        places = [
            j for k, (h, j) in enumerate(net.group_edges) if h == g for _ in range(int(x[n_w + n_u + k]))
        ]
        for i, j in zip(pupils, places, strict=True):
            chosen[i] = (j, _wished_rank(problem, problem.pupils[i], problem.offers[j]))
    return chosen


def _wished_rank(problem: Problem, pupil: PupilIn, offer: OfferIn) -> int | None:
    wishes = problem.wishes.get(pupil.id, ())
    return wishes.index(offer.organisation_id) + 1 if offer.organisation_id in wishes else None


def solve(
    problem: Problem, *, balance: bool = False, seed: int = 0, locks: Mapping[int, int] | None = None
) -> MatchResult:
    """The rank-maximal assignment of `problem` under the stated rule (see the module's text).

    `locks` maps a pupil's id to the offer id the coordinator placed them at by hand: those pupils
    keep it, and the others are matched by the rule to the places left.
    """
    if locks:
        return _solve_around(problem, dict(locks), balance, seed)
    net = _network(problem, balance)
    chosen = _decode(problem, net, _solve(problem, net, seed), seed) if net.group_of else {}
    assignments = tuple(
        Assignment(
            pupil=problem.pupils[i].id,
            offer=problem.offers[j].id,
            organisation=problem.offers[j].organisation_id,
            rank=rank,
        )
        for i, (j, rank) in sorted(chosen.items())
    )
    unplaced = tuple(p.id for i, p in enumerate(problem.pupils) if i not in chosen)
    return MatchResult(assignments=assignments, unplaced=unplaced, balance=balance)


def _solve_around(problem: Problem, locks: dict[int, int], balance: bool, seed: int) -> MatchResult:
    """The locked pupils at their offers, the rest matched to what the locks leave of every offer."""
    pupils = {p.id: p for p in problem.pupils}
    offers = {o.id: o for o in problem.offers}
    taken = Counter(locks.values())
    unknown = [p for p, o in locks.items() if p not in pupils or o not in offers]
    full = [o for o, n in taken.items() if o in offers and n > offers[o].places]
    if unknown or full:
        raise ValueError(f"locks outside the problem or over an offer's places: {unknown or full}")
    rest = replace(
        problem,
        pupils=tuple(p for p in problem.pupils if p.id not in locks),
        offers=tuple(replace(o, places=o.places - taken[o.id]) for o in problem.offers),
    )
    free = solve(rest, balance=balance, seed=seed)
    fixed = tuple(
        Assignment(pupil=p, offer=o, organisation=offers[o].organisation_id,
                   rank=_wished_rank(problem, pupils[p], offers[o]))
        for p, o in locks.items()
    )
    order = {p.id: i for i, p in enumerate(problem.pupils)}
    return MatchResult(
        assignments=tuple(sorted(free.assignments + fixed, key=lambda a: order[a.pupil])),
        unplaced=free.unplaced,
        balance=balance,
        locked=frozenset(locks),
    )
