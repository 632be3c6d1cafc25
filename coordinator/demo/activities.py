"""Demo activities for both school years: study visits, placements, encounters, trainings, meetings.

Last year's activities are mostly done; this year's are done before the demo's 'today' and planned
after it, with a few cancelled. Placement sectors follow the labour market's gender patterns, with
about one placement in five crossing them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from coordinator.demo.context import (
    ClassInfo,
    DemoContext,
    Year,
    add_workdays,
    first_working_day,
    monday_of,
    school_day,
    weighted,
)

# Sectors pupils ask for, by gender, before the labour market's dominance is applied.
GIRL_WISHES = {"P": 5, "Q": 5, "I": 3, "S": 3, "G": 3, "R": 1.5, "O": 1, "M": 1, "K": 0.5, "N": 0.5}
BOY_WISHES = {"C": 5, "F": 5, "H": 2.5, "G": 3, "D": 1, "E": 1, "A": 2, "J": 1.5, "I": 1, "N": 0.5}
CROSSING = 0.2  # share of girls' and boys' placements in a sector dominated by the other gender


def activity_status(rng, year: Year, day: dt.date, today: dt.date, cancelled: float = 0.06) -> str:
    if rng.random() < cancelled:
        return "cancelled"
    return "done" if year.index == 0 or day < today else "planned"


def pick_host(ctx: DemoContext, rng, sectors: list[str] | None = None) -> int:
    if sectors:
        pool = [oid for s in sectors for oid in ctx.org_ids_by_sector.get(s, [])]
        if pool:
            return rng.choice(pool)
    sector = rng.choice([s for s in ctx.org_ids_by_sector if s not in ("T", "U")])
    return rng.choice(ctx.org_ids_by_sector[sector])


def contact_of(ctx: DemoContext, org_id: int) -> int | None:
    ids = ctx.contacts_by_org.get(org_id)
    return ids[0] if ids else None


def record_activity(ctx: DemoContext, year: Year, kind: str, activity_id: int) -> None:
    ctx.activities.setdefault((year.index, kind), []).append(activity_id)


def build_study_visits(ctx: DemoContext) -> None:
    rng = ctx.rng("study_visits")
    for info in ctx.classes:
        year = ctx.years[info.year_index]
        grades = len(_grades(ctx, info))
        if info.compulsory and info.grade_index < grades // 3:
            continue
        visits = 1 + (rng.random() < 0.3)
        for _ in range(visits if rng.random() < 0.85 else 0):
            host = pick_host(ctx, rng, [info.sector] if info.sector and rng.random() < 0.6 else None)
            day = school_day(rng, year)
            start = dt.datetime.combine(day, dt.time(rng.choice((8, 9, 10, 12, 13)), rng.choice((0, 30))))
            status = activity_status(rng, year, day, ctx.today)
            visit_id = ctx.next_id("study_visits")
            ctx.add(
                "study_visits",
                {
                    "id": visit_id,
                    "school_year_id": year.id,
                    "host_id": host,
                    "contact_id": contact_of(ctx, host),
                    "title": ctx.data.visit_title.format(org=ctx.org_names[host]),
                    "starts_at": start,
                    "ends_at": start + dt.timedelta(hours=rng.choice((2, 2.5, 3, 4))),
                    "transport_note": _transport(ctx, rng, start),
                    "status": status,
                    "pupil_evaluation": round(rng.uniform(3.0, 4.9), 1) if status == "done" else None,
                    "notes": None,
                    "created_at": year.stamp,
                    "updated_at": year.stamp,
                },
            )
            ctx.add("study_visit_classes", {"study_visit_id": visit_id, "class_id": info.id})
            teachers = [info.mentor_id]
            others = ctx.teachers_by_school[info.school_id]
            extra = others[rng.randrange(len(others))]
            if extra != info.mentor_id and rng.random() < 0.5:
                teachers.append(extra)
            for teacher_id in teachers:
                ctx.add("study_visit_teachers", {"study_visit_id": visit_id, "teacher_id": teacher_id})
            if status != "cancelled":
                for pupil_id in info.pupils:
                    if status == "planned" or rng.random() > 0.05:
                        ctx.add(
                            "study_visit_participants", {"study_visit_id": visit_id, "pupil_id": pupil_id}
                        )
            record_activity(ctx, year, "study_visit", visit_id)


def _transport(ctx: DemoContext, rng, start: dt.datetime) -> str | None:
    if not ctx.data.transport_notes or rng.random() < 0.3:
        return None
    leave = start - dt.timedelta(minutes=rng.choice((15, 20, 30, 45)))
    return rng.choice(ctx.data.transport_notes).format(time=f"{leave:%H:%M}")


def _grades(ctx: DemoContext, info: ClassInfo) -> tuple[str, ...]:
    return next(t.grades for t in ctx.profile.school_types if t.code == info.type_code)


def _placement_grades(ctx: DemoContext, info: ClassInfo) -> tuple[str, ...]:
    return next(t.placement_grades for t in ctx.profile.school_types if t.code == info.type_code)


def _sector_for(ctx: DemoContext, rng, gender: str, programme_sector: str | None) -> str:
    if programme_sector:  # an APL host fits the programme
        return programme_sector
    if gender not in ("girl", "boy"):
        gender = rng.choice(("girl", "boy"))
    other = "boy" if gender == "girl" else "girl"
    available = [s for s in ctx.org_ids_by_sector if s not in ("T", "U")]
    if rng.random() < CROSSING:
        crossing = [s for s in available if ctx.dominance.get(s) == other]
        wishes = GIRL_WISHES if other == "girl" else BOY_WISHES
        options = [(s, wishes.get(s, 0.5)) for s in crossing]
    else:
        wishes = GIRL_WISHES if gender == "girl" else BOY_WISHES
        options = [(s, w) for s, w in wishes.items() if s in available and ctx.dominance.get(s) != other]
    return weighted(rng, options) if options else rng.choice(available)


# Start days (from 1 August) of the blocks when last year must hold more than one placement block.
BLOCK_STARTS = (30, 170, 240)


def _days_due(ctx: DemoContext, info: ClassInfo) -> int:
    """Placement days a pupil should have done by the end of this grade (as the scorecards count them)."""
    school_type = next(t for t in ctx.profile.school_types if t.code == info.type_code)
    grades = school_type.placement_grades
    return math.ceil(school_type.required_placement_days * (grades.index(info.grade) + 1) / len(grades))


def build_placements(ctx: DemoContext) -> None:
    """One placement block a year in the placement grades; last year, as many as the grade has due.

    The database begins with last year, so a pupil who was in a later placement grade then gets the
    earlier grades' blocks that year too; otherwise their coverage would look missing, not done.
    """
    rng = ctx.rng("placements")
    data = ctx.data
    used: Counter[tuple[int, int]] = Counter()
    for info in ctx.classes:
        if info.grade not in _placement_grades(ctx, info) or not info.placement:
            continue
        year = ctx.years[info.year_index]
        days = data.placement_days[info.type_code]
        blocks = 1 if year.index == 1 else max(1, min(3, math.ceil(_days_due(ctx, info) / days)))
        term = "spring" if info.compulsory and info.grade_index % 2 == 0 else rng.choice(("autumn", "spring"))
        class_start = first_working_day(year, monday_of(school_day(rng, year, term=term)))
        for pupil_id in info.pupils:
            if rng.random() < 0.04:
                continue  # not placed (yet): coverage is never complete
            for block in range(blocks):
                if blocks > 1:
                    start = first_working_day(
                        year,
                        monday_of(
                            year.starts_on + dt.timedelta(days=BLOCK_STARTS[block] + rng.randint(0, 6))
                        ),
                    )
                elif rng.random() < 0.9:
                    start = class_start
                else:
                    start = first_working_day(year, monday_of(school_day(rng, year, term=term)))
                sector = _sector_for(ctx, rng, ctx.gender[pupil_id], info.sector)
                host = pick_host(ctx, rng, [sector])
                placement_id = _placement(ctx, rng, year, pupil_id, host, sector, start, days)
                used[(year.index, host)] += 1
                record_activity(ctx, year, "placement", placement_id)
    places: Counter[int] = Counter()
    for (_, host), count in sorted(used.items()):
        places[host] = max(places[host], count)
    for row in ctx.rows["organisations"]:
        offered = places.get(row["id"], 0)
        if offered:
            row["places_offered"] = offered + rng.choice((0, 0, 1, 2))
        elif row["kind"] == "company" and rng.random() < 0.3:
            row["places_offered"] = rng.randint(1, 3)


def _placement(
    ctx: DemoContext, rng, year: Year, pupil_id: int, host: int, sector: str, start: dt.date, days: int
) -> int:
    end = add_workdays(year, start, days)
    if rng.random() < 0.05:
        status = "cancelled"
    elif year.index == 0 or end < ctx.today:
        status = "completed"
    else:
        status = "confirmed" if rng.random() < 0.68 else "requested"
    hours = 8.0 if rng.random() < 0.02 else rng.choice((6.0, 6.5, 7.0, 7.0))
    begin = dt.time(7 if sector in ("A", "C", "F", "H") else 8, 0)
    finish_minutes = begin.hour * 60 + int(hours * 60)
    completed = status == "completed"
    placement_id = ctx.next_id("placements")
    ctx.add(
        "placements",
        {
            "id": placement_id,
            "school_year_id": year.id,
            "pupil_id": pupil_id,
            "host_id": host,
            "supervisor_id": contact_of(ctx, host),
            "start_date": start,
            "end_date": end,
            "days": days,
            "hours_per_day": hours,
            "daily_start": begin,
            "daily_end": dt.time(finish_minutes // 60, finish_minutes % 60),
            "status": status,
            "risk_assessment_received": rng.random() < (0.55 if status == "requested" else 0.95),
            "pupil_evaluation": _evaluation(rng) if completed else None,
            "employer_evaluation": _evaluation(rng) if completed else None,
            "what_to_bring": rng.choice(ctx.data.what_to_bring),
            "notes": None,
            "created_at": year.stamp,
            "updated_at": year.stamp,
        },
    )
    return placement_id


def ensure_protected_placements(ctx: DemoContext) -> None:
    """Make sure some pupils with a protected identity are placed each year (about 0.5 % of those placed).

    Letters, schedules and exports must leave such a pupil's name out of what hosts see; the demo
    has to contain the case for anyone to notice.
    """
    rng = ctx.rng("protected")
    pupils = {row["id"]: row for row in ctx.rows.get("pupils", [])}
    for year in ctx.years:
        placed = sorted(
            {
                row["pupil_id"]
                for row in ctx.rows.get("placements", [])
                if row["school_year_id"] == year.id and row["status"] != "cancelled"
            }
        )
        protected = sum(1 for pupil_id in placed if pupils[pupil_id]["protected_identity"])
        wanted = max(2 if year.index == 1 else 1, round(len(placed) * 0.005))
        candidates = [pupil_id for pupil_id in placed if not pupils[pupil_id]["protected_identity"]]
        for pupil_id in rng.sample(candidates, max(0, min(wanted - protected, len(candidates)))):
            pupils[pupil_id]["protected_identity"] = True


def _evaluation(rng) -> int:
    return weighted(rng, [(1, 2), (2, 5), (3, 20), (4, 40), (5, 33)])
