"""Demo offers and wishes: the current year's grade 8 ranks five workplaces each for a prao week in December.

Offers come from about a third of the companies and public employers, with about a third more places in all
than pupils, a few with a minimum age or a long day; the wishes follow the pupils' usual sector
preferences (some crossing the gender pattern), so popular workplaces are wished for more than they
can take and the matching has real choices to make.
"""

from __future__ import annotations

import datetime as dt

from coordinator.demo.activities import BOY_WISHES, CROSSING, GIRL_WISHES
from coordinator.demo.context import DemoContext, add_workdays, first_working_day, monday_of, weighted

MATCH_GRADE = "8"
WISHES = 5
PERIOD_DAYS = 5


def match_period(ctx: DemoContext) -> tuple[dt.date, dt.date]:
    """The week the demo's wishes are for: three weeks after the demo's 'today'."""
    year = ctx.current
    first = first_working_day(year, monday_of(ctx.today + dt.timedelta(days=21)))
    return first, add_workdays(year, first, PERIOD_DAYS)


def _grade_pupils(ctx: DemoContext) -> list[int]:
    return [
        pupil
        for info in ctx.classes
        if info.year_index == 1 and info.compulsory and info.grade == MATCH_GRADE
        for pupil in info.pupils
    ]


def _offers(ctx: DemoContext, pupils: int, first: dt.date, last: dt.date) -> dict[int, int]:
    """Organisation → places; rows added to the context."""
    rng = ctx.rng("offers")
    hosts = [
        oid
        for oid, kind in sorted(ctx.org_kind.items())
        if kind in ("company", "public_employer") and ctx.org_sector.get(oid) not in (None, "T", "U")
    ]
    rng.shuffle(hosts)
    places: dict[int, int] = {}
    for host in hosts:
        if sum(places.values()) >= pupils * 1.3:
            break
        places[host] = rng.choice((1, 1, 2, 2, 2, 3, 4))
        sector = ctx.org_sector[host]
        ctx.add(
            "offers",
            {
                "id": ctx.next_id("offers"),
                "organisation_id": host,
                "places": places[host],
                "first_day": first,
                "last_day": last,
                "fits": sector,
                "minimum_age": 15 if sector in ("F", "H") and rng.random() < 0.3 else None,
                "hours_per_day": 8.0 if rng.random() < 0.03 else rng.choice((6.0, 6.5, 7.0)),
                "address": None,
                "contact_id": (ctx.contacts_by_org.get(host) or [None])[0],
                "notes": None,
                "created_at": ctx.current.stamp,
                "updated_at": ctx.current.stamp,
            },
        )
    return places


def _wish_list(ctx: DemoContext, rng, gender: str, hosts_by_sector: dict[str, list[int]]) -> list[int]:
    both = {**GIRL_WISHES, **BOY_WISHES}
    own = GIRL_WISHES if gender == "girl" else BOY_WISHES if gender == "boy" else both
    other = BOY_WISHES if gender == "girl" else GIRL_WISHES
    chosen: list[int] = []
    for _attempt in range(40):
        table = other if rng.random() < CROSSING else own
        options = [(s, w) for s, w in table.items() if hosts_by_sector.get(s)]
        if not options:
            break
        # Popular workplaces (early in each sector's list) are wished for more often.
        pool = hosts_by_sector[weighted(rng, options)]
        host = pool[min(int(rng.expovariate(0.6)), len(pool) - 1)]
        if host not in chosen:
            chosen.append(host)
        if len(chosen) == WISHES:
            break
    return chosen


def build_offers_and_wishes(ctx: DemoContext) -> None:
    pupils = _grade_pupils(ctx)
    if not pupils:
        return
    first, last = match_period(ctx)
    places = _offers(ctx, len(pupils), first, last)
    hosts_by_sector: dict[str, list[int]] = {}
    for host in places:
        hosts_by_sector.setdefault(ctx.org_sector[host], []).append(host)
    rng = ctx.rng("wishes")
    for pupil in pupils:
        if rng.random() < 0.05:
            continue  # has not handed in any wishes
        for rank, host in enumerate(_wish_list(ctx, rng, ctx.gender[pupil], hosts_by_sector), start=1):
            ctx.add(
                "wishes",
                {
                    "id": ctx.next_id("wishes"),
                    "pupil_id": pupil,
                    "first_day": first,
                    "last_day": last,
                    "rank": rank,
                    "organisation_id": host,
                    "created_at": ctx.current.stamp,
                    "updated_at": ctx.current.stamp,
                },
            )
