"""The demo's first network as a cluster: its members grown to the seed's size, agreements, the
coordinator's contact log with a realistic rhythm, and a project with its financiers and costs."""

from __future__ import annotations

import datetime as dt
import random

from coordinator.demo.context import DemoContext
from coordinator.demo.country import ClusterSpec
from coordinator.demo.identity import ascii_slug, org_number

CHANNELS = (("call", 45), ("email", 35), ("meeting", 10), ("visit", 10))
ANSWERS = (("yes", 40), ("no", 15), ("pending", 45))
WIDER_KINDS = ("university", "labour_office", "business_association", "technology_park", "public_employer")


def build_clusters(ctx: DemoContext) -> None:
    _patron_agreements(ctx)
    spec = ctx.data.cluster
    networks = ctx.rows.get("networks", [])
    if spec is None or not networks:
        return
    rng = ctx.rng("clusters")
    network_id = networks[0]["id"]
    _grow(ctx, rng, spec, network_id)
    _agreements(ctx, rng, spec, network_id)
    _contact_log(ctx, rng, spec)
    _project(ctx, rng, spec, network_id)


def _patron_agreements(ctx: DemoContext) -> None:
    """A class's patron company (klasa patronacka) becomes an agreement with the class of this year,
    from the year the class began; the classes' old patron column stays empty."""
    current = ctx.years[-1]
    infos = {info.id: info for info in ctx.classes}
    for row in ctx.rows.get("classes", []):
        patron, row["patron_organisation_id"] = row.get("patron_organisation_id"), None
        info = infos.get(row["id"])
        if patron is None or info is None or row["school_year_id"] != current.id:
            continue
        began = ctx.years[0] if info.grade_index > 0 else current
        ctx.add("agreements", {
            "id": ctx.next_id("agreements"), "kind": "patron_class", "organisation_id": patron,
            "school_id": info.school_id, "class_id": info.id, "network_id": None, "title": info.name,
            "starts_on": began.starts_on, "ends_on": None, "status": "active",
            "commitments": "\n".join(ctx.data.patron_commitments), "remind_days": 60, "notes": None,
            "created_at": current.stamp, "updated_at": current.stamp,
        })


def _member_row(ctx: DemoContext, network_id: int, role_id: int, *, org: int | None = None,
                school: int | None = None) -> dict[str, object]:
    return {"id": ctx.next_id("network_members"), "network_id": network_id, "organisation_id": org,
            "school_id": school, "role_id": role_id, "joined_on": ctx.years[0].starts_on, "left_on": None}


def _grow(ctx: DemoContext, rng: random.Random, spec: ClusterSpec, network_id: int) -> None:
    """Upper-secondary schools join (in Russia as base colleges), then companies and the wider partners."""
    members = ctx.network_members.setdefault(network_id, [])
    upper = sorted({c.school_id for c in ctx.classes if not c.compulsory})
    base_role = ctx.role_names.get(spec.base_role, ctx.role_ids["member"])
    for school_id in upper:
        ctx.add("network_members", _member_row(ctx, network_id, base_role, school=school_id))
    wanted = spec.members - len(members) - len(upper)
    wider = [oid for oid, kind in ctx.org_kind.items() if kind in WIDER_KINDS and oid not in members]
    companies = [oid for oid, kind in ctx.org_kind.items() if kind == "company" and oid not in members]
    rng.shuffle(companies)
    for org_id in (wider + companies)[:max(wanted, 0)]:
        role = "partner" if ctx.org_kind[org_id] in WIDER_KINDS else "member"
        ctx.add("network_members", _member_row(ctx, network_id, ctx.role_ids[role], org=org_id))
        members.append(org_id)


def _agreements(ctx: DemoContext, rng: random.Random, spec: ClusterSpec, network_id: int) -> None:
    """A sixth of the member companies sign an agreement with the cluster (or the base college)."""
    year = ctx.years[-1]
    upper = sorted({c.school_id for c in ctx.classes if not c.compulsory})
    companies = [oid for oid in ctx.network_members.get(network_id, []) if ctx.org_kind[oid] == "company"]
    for org_id in companies[: max(1, len(companies) // 6)]:
        school = upper[0] if spec.agreement_kind == "targeted_training" and upper else None
        ctx.add("agreements", {
            "id": ctx.next_id("agreements"), "kind": spec.agreement_kind, "organisation_id": org_id,
            "school_id": school, "class_id": None, "network_id": None if school else network_id,
            "title": spec.agreement_title, "starts_on": year.starts_on,
            "ends_on": year.ends_on.replace(year=year.ends_on.year + rng.choice((0, 1, 2))),
            "status": "active", "commitments": "\n".join(rng.sample(ctx.data.patron_commitments or spec.asked, 2)),
            "remind_days": 60, "notes": None, "created_at": year.stamp, "updated_at": year.stamp,
        })


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _w in options], weights=[w for _o, w in options])[0]


def _contact_log(ctx: DemoContext, rng: random.Random, spec: ClusterSpec) -> None:
    """Two in five companies are contacted, a few times a term, weeks apart, never at weekends."""
    companies = sorted(oid for oid, kind in ctx.org_kind.items() if kind == "company")
    for org_id in companies:
        if rng.random() > 0.4:
            continue
        for year in ctx.years:
            day = year.starts_on + dt.timedelta(days=rng.randint(14, 60))
            for _n in range(rng.choice((1, 1, 2, 3, 4, 5))):
                while day.weekday() >= 5 or day in year.closed:
                    day += dt.timedelta(days=1)
                if day > year.ends_on:
                    break
                _log_entry(ctx, rng, spec, org_id, day, year.stamp)
                day += dt.timedelta(days=rng.randint(14, 70))


def _log_entry(ctx: DemoContext, rng: random.Random, spec: ClusterSpec, org_id: int, day: dt.date,
               stamp: dt.datetime) -> None:
    answer = _weighted(rng, ANSWERS)
    ctx.add("contact_log", {
        "id": ctx.next_id("contact_log"), "organisation_id": org_id, "contact_id": None, "date": day,
        "channel": _weighted(rng, CHANNELS), "who": rng.choice(spec.who), "asked": rng.choice(spec.asked),
        "promised": rng.choice(spec.promised) if answer == "yes" else "", "answer": answer,
        "follow_up_on": day + dt.timedelta(days=rng.choice((7, 10, 14))) if answer == "pending" else None,
        "created_at": stamp, "updated_at": stamp,
    })


def _financier(ctx: DemoContext, spec_name: str, network_id: int) -> int | None:
    if not spec_name:
        return None
    if spec_name == "@municipality":
        return ctx.municipal_org_ids[0] if ctx.municipal_org_ids else None
    if spec_name == "@employer":  # a manufacturer, if the cluster has one: they are the ones who pay
        companies = [o for o in ctx.network_members.get(network_id, []) if ctx.org_kind[o] == "company"]
        return next((o for o in companies if ctx.org_sector.get(o) == "C"), companies[0] if companies else None)
    row = dict(ctx.rows["organisations"][-1])  # an address in the municipality, like its neighbour's
    taken = {r["org_number"] for r in ctx.rows["organisations"]}
    rng = ctx.rng(f"financier:{spec_name}")
    number = org_number(rng, ctx.data.country, "802" if ctx.data.country == "SE" else None)
    while number in taken:
        number = org_number(rng, ctx.data.country, "802" if ctx.data.country == "SE" else None)
    slug = ascii_slug(spec_name)[:30]
    row.update({"id": ctx.next_id("organisations"), "kind": "business_association", "name": spec_name,
                "org_number": number, "sector_code": "M", "email": f"info@{slug}.{ctx.data.tld}",
                "website": f"www.{slug}.{ctx.data.tld}"})
    ctx.add("organisations", row)
    ctx.org_names[row["id"]], ctx.org_kind[row["id"]] = spec_name, "business_association"
    return int(row["id"])


def _project(ctx: DemoContext, rng: random.Random, spec: ClusterSpec, network_id: int) -> None:
    """The cluster's project of the current year with its lines per source, half spent, and bus costs."""
    year = ctx.years[-1]
    project_id = ctx.next_id("projects")
    members = ctx.network_members.get(network_id, [])
    ctx.add("projects", {
        "id": project_id, "name": spec.project, "starts_on": year.starts_on, "ends_on": year.ends_on,
        "owner_organisation_id": members[0] if members else None, "network_id": network_id, "goal_id": None,
        "currency": ctx.currency, "notes": None, "created_at": year.stamp, "updated_at": year.stamp,
    })
    lines = []
    for kind, financier, units in spec.financiers:
        line_id = ctx.next_id("budget_lines")
        planned = units * 100  # minor units: öre, grosze, kopecks
        lines.append(line_id)
        ctx.add("budget_lines", {
            "id": line_id, "project_id": project_id, "funding_source_id": ctx.source_ids[kind],
            "financier_id": _financier(ctx, financier, network_id), "planned_minor": planned,
            "spent_minor": planned * rng.randint(35, 70) // 100})
    visits = [row for row in ctx.rows.get("study_visits", []) if row["school_year_id"] == year.id][:6]
    for visit in visits:
        ctx.add("costs", {
            "id": ctx.next_id("costs"), "project_id": project_id, "budget_line_id": lines[-1] if lines else None,
            "description": spec.bus.format(org=ctx.org_names.get(visit["host_id"], "")),
            "date": visit["starts_at"].date(), "amount_minor": rng.randint(18, 45) * 10000,
            "activity_kind": "visit", "activity_id": visit["id"], "action_id": None})
