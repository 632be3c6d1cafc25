"""Matching benchmark: the rank-maximal assignment beside the rank-order-with-lottery method, and its time.

A generated grade (300 and 1,000 pupils; an organisation per 3.3 pupils with 1–6 places, about 10 %
more places than pupils; five wishes each, drawn with a popularity skew so that a few workplaces are
wished for far more than they hold) is matched two ways:
- lottery: pupils in a random order each take their best wish that still has a place (Praktikplatsen's
  and Tillarbetslivet's rule); the median over 101 lotteries of each figure;
- this app's solver (coordinator.matching), seed 1.
It also times 1,000 pupils × 300 organisations (median of 5 solves). The table replaces the part of
BENCHMARKS.md between the matching marks (appended the first time).

    .venv/bin/python benchmarks/matching.py [--out BENCHMARKS.md] [--lotteries 101] [--sizes 300 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coordinator.matching.problem import OfferIn, Problem, PupilIn  # noqa: E402
from coordinator.matching.solver import solve  # noqa: E402

START, END = "<!-- matching: written by benchmarks/matching.py -->", "<!-- /matching -->"
FIRST, LAST = dt.date(2027, 3, 1), dt.date(2027, 3, 12)


def grade(pupils: int, seed: int = 7) -> Problem:
    rng = random.Random(seed)
    organisations = max(1, round(pupils / 3.3))
    offers = []
    while len(offers) < organisations or sum(o.places for o in offers) < pupils * 1.1:
        j = len(offers)
        offers.append(
            OfferIn(
                id=j,
                organisation_id=j,
                places=rng.randint(1, 6),
                first_day=FIRST,
                last_day=LAST,
                dominated_by=rng.choice((None, None, "girl", "boy")),
            )
        )
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(offers))]  # a few popular workplaces
    people = tuple(
        PupilIn(id=i, gender=rng.choice(("girl", "boy")), birth_date=dt.date(2012, 6, 1))
        for i in range(pupils)
    )
    wishes = {}
    for pupil in people:
        chosen: list[int] = []
        while len(chosen) < 5:
            organisation = rng.choices(range(len(offers)), weights)[0]
            if organisation not in chosen:
                chosen.append(organisation)
        wishes[pupil.id] = tuple(chosen)
    return Problem(pupils=people, offers=tuple(offers), wishes=wishes)


def figures(problem: Problem, ranks: dict[int, int | None], placed: set[int]) -> dict[str, int]:
    free = sum(o.places for o in problem.offers) - len(placed)
    unplaced = len(problem.pupils) - len(placed)
    return {
        "placed": len(placed),
        "wish 1": sum(1 for r in ranks.values() if r == 1),
        "wishes 1–2": sum(1 for r in ranks.values() if r in (1, 2)),
        "unplaced while places remained": unplaced if free > 0 else 0,
    }


def lottery(problem: Problem, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    left = {o.organisation_id: o.places for o in problem.offers}
    order = [p.id for p in problem.pupils]
    rng.shuffle(order)
    ranks: dict[int, int | None] = {}
    for pupil in order:
        for rank, organisation in enumerate(problem.wishes[pupil], start=1):
            if left[organisation] > 0:
                left[organisation] -= 1
                ranks[pupil] = rank
                break
    return figures(problem, ranks, set(ranks))


def solver(problem: Problem) -> tuple[dict[str, int], float]:
    started = time.perf_counter()
    result = solve(problem, seed=1)
    elapsed = time.perf_counter() - started
    ranks = {a.pupil: a.rank for a in result.assignments}
    return figures(problem, ranks, set(ranks)), elapsed


def table(lotteries: int, sizes: tuple[int, ...] = (300, 1000), timed: int = 1000) -> str:
    keys = ("placed", "wish 1", "wishes 1–2", "unplaced while places remained")
    lines = ["| grade | method | " + " | ".join(keys) + " |", "|---|---|" + "---:|" * len(keys)]
    for size in sizes:
        problem = grade(size)
        runs = [lottery(problem, seed) for seed in range(lotteries)]
        median = {k: statistics.median(run[k] for run in runs) for k in keys}
        ours, _elapsed = solver(problem)
        cells = " | ".join(f"{median[k]:g}" for k in keys)
        lines.append(f"| {size} | lottery, median of {lotteries} | {cells} |")
        lines.append(f"| {size} | this app (rank-maximal) | " + " | ".join(str(ours[k]) for k in keys) + " |")
    big = grade(timed)
    times = sorted(solver(big)[1] for _ in range(5))
    places = sum(o.places for o in big.offers)
    lines += [
        "",
        f"{timed:,} pupils × {len(big.offers)} organisations ({places} places, 5 wishes each): "
        f"solved in "
        f"{statistics.median(times):.2f} s (median of 5; min {times[0]:.2f}, max {times[-1]:.2f}); "
        f"{platform.python_version()} on {platform.machine()}, {dt.date.today().isoformat()}.",
    ]
    return "\n".join(lines)


def write(out: Path, text: str) -> None:
    about = (
        "Generated grades (`benchmarks/matching.py`, seed 7): an organisation per 3.3 pupils with "
        "1–6 places, about 10 % more places than pupils, five wishes each with a popularity skew. The "
        "lottery is the rank-order method of the Swedish tools (pupils in a random order each take their "
        "best wish that still has a place; the median of each figure over the lotteries); this app is "
        "`coordinator.matching.solve` with seed 1, which also places a pupil at a fitting place not "
        "wished for when none of their wishes can take them.\n\n"
    )
    section = f"{START}\n## Matching: this app beside the rank-order lottery\n\n{about}{text}\n{END}\n"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if START in old and END in old:
        new = old[: old.index(START)] + section + old[old.index(END) + len(END) + 1 :]
    else:
        new = old.rstrip("\n") + "\n\n" + section
    out.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--lotteries", type=int, default=101)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000], help="grades compared")
    parser.add_argument("--timed", type=int, default=1000, help="pupils in the timed grade")
    args = parser.parse_args()
    text = table(args.lotteries, tuple(args.sizes), args.timed)
    print(text)
    write(args.out, text)


if __name__ == "__main__":
    main()
