"""Demo encounters, teacher trainings, network meetings and the municipality's action plan per year."""

from __future__ import annotations

import datetime as dt

from coordinator.demo.activities import activity_status, contact_of, pick_host, record_activity
from coordinator.demo.context import ClassInfo, DemoContext, Year, school_day, weighted


def _encounter(
    ctx: DemoContext,
    rng,
    year: Year,
    kind: str,
    classes: list[ClassInfo],
    *,
    host: int | None = None,
    pupils: list[int] | None = None,
    day: dt.date | None = None,
) -> None:
    data = ctx.data
    host = host if host is not None else pick_host(ctx, rng)
    sector = ctx.org_sector.get(host, "C")
    town = (
        ctx.school_towns.get(classes[0].school_id, data.home_towns[0].name)
        if classes
        else data.home_towns[0].name
    )
    title = rng.choice(data.encounter_titles[kind]).format(
        job=data.jobs.get(sector, data.jobs["C"]), org=ctx.org_names[host], T=town, year=year.label
    )
    day = day or school_day(rng, year)
    status = activity_status(rng, year, day, ctx.today, cancelled=0.04)
    encounter_id = ctx.next_id("encounters")
    ctx.add(
        "encounters",
        {
            "id": encounter_id,
            "school_year_id": year.id,
            "kind": kind,
            "title": title[:200],
            "date": day,
            "organisation_id": host,
            "contact_id": contact_of(ctx, host),
            "status": status,
            "notes": None,
            "created_at": year.stamp,
            "updated_at": year.stamp,
        },
    )
    participants: list[int] = list(pupils or [])
    for info in classes:
        ctx.add("encounter_classes", {"encounter_id": encounter_id, "class_id": info.id})
        participants.extend(info.pupils)
    if status != "cancelled":
        for pupil_id in dict.fromkeys(participants):
            if status == "planned" or rng.random() > 0.04:
                ctx.add("encounter_participants", {"encounter_id": encounter_id, "pupil_id": pupil_id})
    record_activity(ctx, year, "encounter", encounter_id)


def build_encounters(ctx: DemoContext) -> None:
    rng = ctx.rng("encounters")
    for year in ctx.years:
        classes = [c for c in ctx.classes if c.year_index == year.index]
        fair_classes: dict[str, list[ClassInfo]] = {}
        for info in classes:
            n = len(next(t.grades for t in ctx.profile.school_types if t.code == info.type_code))
            upper_half = not info.compulsory or info.grade_index >= n // 2
            if info.compulsory and info.grade_index == n - 1:
                fair_classes.setdefault(ctx.school_towns[info.school_id], []).append(info)
                if rng.random() < 0.5:
                    _encounter(ctx, rng, year, "career_talk", [info])
            if info.grade_index >= 1 and rng.random() < 0.4:
                _encounter(ctx, rng, year, "guest_lecture", [info])
            if upper_half and rng.random() < 0.12:
                _encounter(ctx, rng, year, "entrepreneurship", [info])
            if not info.compulsory and rng.random() < 0.25:
                picked = rng.sample(info.pupils, min(len(info.pupils), rng.randint(1, 3)))
                _encounter(
                    ctx,
                    rng,
                    year,
                    "job_shadowing",
                    [],
                    pupils=picked,
                    host=pick_host(ctx, rng, [info.sector] if info.sector else None),
                )
        # One fair a year in each town with schools, for the final compulsory grade.
        hosts = ctx.municipal_org_ids or [pick_host(ctx, rng)]
        for infos in fair_classes.values():
            _encounter(ctx, rng, year, "fair", infos, host=hosts[0], day=school_day(rng, year, term="autumn"))


def build_trainings(ctx: DemoContext) -> None:
    rng = ctx.rng("trainings")
    data = ctx.data
    for year in ctx.years:
        for teachers in ctx.teachers_by_school.values():
            for _ in range(max(1, round(len(teachers) / 14 * rng.uniform(0.6, 1.4)))):
                host = pick_host(ctx, rng)
                sector = ctx.org_sector.get(host, "C")
                day = school_day(rng, year)
                length = weighted(rng, [(0, 6), (1, 2), (4, 1)])
                training_id = ctx.next_id("trainings")
                ctx.add(
                    "trainings",
                    {
                        "id": training_id,
                        "school_year_id": year.id,
                        "title": rng.choice(data.training_titles).format(
                            org=ctx.org_names[host], job=data.jobs.get(sector, "")
                        )[:200],
                        "organisation_id": host,
                        "start_date": day,
                        "end_date": day + dt.timedelta(days=length),
                        "hours": float(6 * (length + 1) if length else rng.choice((3, 4, 6))),
                        "status": activity_status(rng, year, day, ctx.today, cancelled=0.05),
                        "notes": None,
                        "created_at": year.stamp,
                        "updated_at": year.stamp,
                    },
                )
                for teacher_id in rng.sample(teachers, min(len(teachers), rng.randint(1, 5))):
                    ctx.add("training_teachers", {"training_id": training_id, "teacher_id": teacher_id})
                record_activity(ctx, year, "training", training_id)


def build_meetings(ctx: DemoContext) -> None:
    rng = ctx.rng("meetings")
    data = ctx.data
    networks = [(row["id"], row["name"]) for row in ctx.rows.get("networks", [])]
    upper_school = next(
        (
            sid
            for sid, name in ctx.school_names.items()
            if any(c.school_id == sid and not c.compulsory for c in ctx.classes)
        ),
        None,
    )
    for year in ctx.years:
        for network_id, network_name in networks:
            members = ctx.network_members[network_id]
            for n, month_offset in enumerate((45, 100, 190, 280), start=1):
                day = school_day(rng, year, term="autumn" if month_offset < 140 else "spring")
                attendees = [contact_of(ctx, oid) for oid in rng.sample(members, min(len(members), 7))]
                _meeting(
                    ctx,
                    rng,
                    year,
                    "network",
                    rng.choice(data.meeting_titles).format(network=network_name, n=n),
                    day,
                    network_id,
                    attendees,
                    location=ctx.org_names[rng.choice(members)],
                )
        for programme in data.programmes[: ctx.spec.programmes]:
            hosts = ctx.org_ids_by_sector.get(programme.sector, [])
            attendees = [contact_of(ctx, oid) for oid in rng.sample(hosts, min(len(hosts), 5))]
            _meeting(
                ctx,
                rng,
                year,
                "programme_council",
                data.council_title.format(programme=programme.name),
                school_day(rng, year),
                None,
                attendees,
                location=ctx.school_names.get(upper_school or 0),
            )


def _meeting(
    ctx: DemoContext,
    rng,
    year: Year,
    kind: str,
    title: str,
    day: dt.date,
    network_id: int | None,
    attendees: list[int | None],
    location: str | None,
) -> None:
    meeting_id = ctx.next_id("meetings")
    ctx.add(
        "meetings",
        {
            "id": meeting_id,
            "school_year_id": year.id,
            "kind": kind,
            "title": title[:200],
            "date": day,
            "network_id": network_id,
            "location": location,
            "status": activity_status(rng, year, day, ctx.today, cancelled=0.03),
            "notes": None,
            "created_at": year.stamp,
            "updated_at": year.stamp,
        },
    )
    people = list(dict.fromkeys([c for c in attendees if c is not None] + ctx.municipal_contacts[:1]))
    for contact_id in people:
        ctx.add("meeting_attendees", {"meeting_id": meeting_id, "contact_id": contact_id})
    record_activity(ctx, year, "meeting", meeting_id)


# Which kind of activity shows each action of the plan was done, by position in the plan.
ACTION_EVIDENCE = (
    "study_visit",
    "encounter",
    "encounter",
    "placement",
    "training",
    "placement",
    "encounter",
    "encounter",
    "encounter",
    "meeting",
    "training",
    None,
)


def build_action_plans(ctx: DemoContext) -> None:
    rng = ctx.rng("action_plans")
    data = ctx.data
    responsible = ctx.municipal_contacts or [None]
    for year in ctx.years:
        plan_id = ctx.next_id("action_plans")
        ctx.add(
            "action_plans",
            {
                "id": plan_id,
                "school_year_id": year.id,
                "school_id": None,
                "title": data.plan_title.format(year=year.label),
                "created_at": year.stamp,
                "updated_at": year.stamp,
            },
        )
        position = 0
        for goal_position, (goal_title, actions) in enumerate(data.goals):
            goal_id = ctx.next_id("goals")
            ctx.add(
                "goals",
                {
                    "id": goal_id,
                    "plan_id": plan_id,
                    "title": goal_title,
                    "description": None,
                    "position": goal_position,
                    "created_at": year.stamp,
                    "updated_at": year.stamp,
                },
            )
            for action_position, (title, grades) in enumerate(actions):
                _add_action(ctx, rng, year, goal_id, (position, action_position), title, grades,
                            responsible[position % len(responsible)])
                position += 1


def _add_action(ctx: DemoContext, rng, year: Year, goal_id: int,  # type: ignore[no-untyped-def]
                positions: tuple[int, int], title: str, grades: str, responsible: int | None) -> None:
    """One action of a goal, and (when done or under way) the activities that show it."""
    position, action_position = positions
    due = year.starts_on + dt.timedelta(days=30 + position * 25 + rng.randint(0, 7))
    status = _action_status(rng, year, due, ctx.today)
    action_id = ctx.next_id("actions")
    ctx.add(
        "actions",
        {
            "id": action_id,
            "goal_id": goal_id,
            "title": title,
            "responsible_contact_id": responsible,
            "responsible_teacher_id": None,
            "due_date": due,
            "done_on": due - dt.timedelta(days=rng.randint(0, 20)) if status == "done" else None,
            "status": status,
            "target_grades": grades,
            "position": action_position,
            "notes": None,
            "created_at": year.stamp,
            "updated_at": year.stamp,
        },
    )
    kind = ACTION_EVIDENCE[position % len(ACTION_EVIDENCE)]
    candidates = ctx.activities.get((year.index, kind or ""), [])
    if kind and candidates and status in ("done", "in_progress"):
        for activity_id in sorted(rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))):
            ctx.add(
                "action_activities",
                {
                    "id": ctx.next_id("action_activities"),
                    "action_id": action_id,
                    "activity_kind": kind,
                    "activity_id": activity_id,
                },
            )


def _action_status(rng, year: Year, due: dt.date, today: dt.date) -> str:
    if year.index == 0:
        return weighted(rng, [("done", 75), ("in_progress", 10), ("cancelled", 8), ("not_started", 7)])
    if due < today:
        return weighted(rng, [("done", 70), ("in_progress", 30)])
    return weighted(rng, [("not_started", 60), ("in_progress", 40)])
