"""The demo's outcomes: leavers' choices of programme in both years, and last year's graduates 6 months on.

Choices lean on the national enrolment by programme and gender (a girl picks a programme about as
often as girls do), so the non-traditional share comes out near the country's own. Graduates of
last year's final grade of an upper-secondary form have a 6-month destination; most of those
employed work in their programme's sector, some at the demo's partner companies.
"""

from __future__ import annotations

import datetime as dt

from coordinator.demo.context import ClassInfo, DemoContext, weighted
from coordinator.reference.outcomes import FEMALE_SHARE, LEAVER_GRADES

_DESTINATIONS = (("employed", 55), ("study", 20), ("apprenticeship", 5), ("neet", 7), ("unknown", 13))


def _leaving(info: ClassInfo, ctx: DemoContext) -> bool:
    if info.compulsory:
        return info.grade == LEAVER_GRADES.get(info.type_code)
    return False


def _final(info: ClassInfo, ctx: DemoContext) -> bool:
    grades = [spec.grades for spec in ctx.profile.school_types if spec.code == info.type_code]
    return not info.compulsory and bool(grades) and info.grade == grades[0][-1]


def build_choices(ctx: DemoContext) -> None:
    shares = FEMALE_SHARE.get(ctx.profile.code, {})
    if not shares:
        return
    rng = ctx.rng("choices")
    for info in ctx.classes:
        if not _leaving(info, ctx):
            continue
        year = ctx.years[info.year_index]
        for pupil in info.pupils:
            if rng.random() < 0.08:
                continue  # no choice handed in yet
            gender = ctx.gender[pupil]
            options = [(code, share if gender == "girl" else 100 - share if gender == "boy" else 50)
                       for code, share in shares.items()]
            ctx.add("choices", {
                "id": ctx.next_id("choices"), "pupil_id": pupil, "school_year_id": year.id, "rank": 1,
                "programme_code": weighted(rng, options), "programme_name": None, "school_chosen": None,
                "created_at": ctx.current.stamp, "updated_at": ctx.current.stamp,
            })


def build_destinations(ctx: DemoContext) -> None:
    rng = ctx.rng("destinations")
    last = ctx.years[0]
    follow_up = dt.date(last.ends_on.year, 12, 1)
    companies = sorted(oid for oid, kind in ctx.org_kind.items() if kind == "company")
    for info in ctx.classes:
        if info.year_index != 0 or not _final(info, ctx):
            continue
        for pupil in info.pupils:
            kind = weighted(rng, list(_DESTINATIONS))
            employer = None
            if kind == "employed" and companies:
                own = ctx.org_ids_by_sector.get(info.sector or "", [])
                employer = rng.choice(own) if own and rng.random() < 0.6 else rng.choice(companies)
            ctx.add("destinations", {
                "id": ctx.next_id("destinations"), "pupil_id": pupil, "school_year_id": last.id,
                "follow_up_on": follow_up, "months_after": 6, "kind": kind, "programme": None,
                "sector_code": ctx.org_sector.get(employer) if employer else None, "organisation_id": employer,
                "employer_name": None,
                "target_training": ctx.profile.country == "RU" and kind == "employed" and rng.random() < 0.3,
                "exam_result": None, "created_at": ctx.current.stamp, "updated_at": ctx.current.stamp,
            })


def build_outcomes(ctx: DemoContext) -> None:
    build_choices(ctx)
    build_destinations(ctx)
