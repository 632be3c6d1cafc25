"""Demo organisations across the NACE sections, their contact persons, and networks with members."""

from __future__ import annotations

import re

from coordinator.demo.context import DemoContext, weighted
from coordinator.demo.country import Town
from coordinator.demo.identity import ascii_slug, org_number, phone

# How many of a municipality's employers that take pupils belong to each section (relative weights).
SECTOR_WEIGHTS: dict[str, float] = {
    "A": 4,
    "B": 1,
    "C": 14,
    "D": 2,
    "E": 2,
    "F": 12,
    "G": 14,
    "H": 7,
    "I": 9,
    "J": 4,
    "K": 2,
    "L": 3,
    "M": 5,
    "N": 4,
    "O": 3,
    "P": 6,
    "Q": 8,
    "R": 3,
    "S": 5,
    "T": 0.3,
    "U": 0.1,
}
_LEGAL_FORMS = re.compile(r"\b(AB|Sp\. z o\.o\.|S\.A\.|Sp\. j\.|ООО|АО|ПАО|ИП)\b|[«»\"]")


def towns(ctx: DemoContext) -> list[Town]:
    if ctx.size == "region":
        return list(ctx.data.home_towns) + list(ctx.data.region_towns)
    return list(ctx.data.home_towns)


def main_towns(ctx: DemoContext) -> list[Town]:
    """The first-named town of each municipality in the demo."""
    first: dict[str, Town] = {}
    for town in towns(ctx):
        first.setdefault(town.municipality, town)
    return list(first.values())


def pick_town(ctx: DemoContext, rng) -> Town:
    # The main town of each municipality has most of the employers.
    options = ctx.cache.get("town_weights")
    if options is None:
        mains = main_towns(ctx)
        options = ctx.cache["town_weights"] = [(t, 6.0 if t in mains else 1.0) for t in towns(ctx)]
    return weighted(rng, options)


def postal_code(rng, town: Town) -> str:
    code = town.postal_code
    while len(code) < 6:
        code += str(rng.randrange(10))
    return code


def _allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` by weights with the largest-remainder rule, in section order (deterministic)."""
    whole = sum(weights.values())
    exact = {k: total * w / whole for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    rest = total - sum(counts.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - counts[k]), k))[:rest]:
        counts[k] += 1
    return counts


def build_organisations(ctx: DemoContext) -> None:
    rng = ctx.rng("organisations")
    data = ctx.data
    used_names: set[str] = set()
    used_numbers: set[str] = set()

    # Public employers and institutions: one set for each municipality in the demo.
    public_towns = main_towns(ctx) if ctx.size == "region" else [data.home_towns[0]]
    for town in public_towns:
        for kind, sector, template in data.public_orgs:
            name = template.format(T=town.name)
            if name in used_names:
                continue
            used_names.add(name)
            org_id = _add_org(ctx, rng, used_numbers, kind, sector, name, town)
            if town is data.home_towns[0] and not ctx.municipal_org_ids:
                ctx.municipal_org_ids.append(org_id)
    public_count = ctx.counters.get("organisations", 0)

    weights = dict(SECTOR_WEIGHTS)
    if ctx.size != "region":
        weights.pop("T")
        weights.pop("U")
    counts = _allocate(max(ctx.spec.organisations - public_count, len(weights)), weights)
    for sector, count in counts.items():
        templates = data.companies[sector]
        for _ in range(count):
            town = pick_town(ctx, rng)
            name = _company_name(ctx, rng, templates, town, used_names)
            used_names.add(name)
            kind = "public_employer" if sector == "O" else "company"
            _add_org(ctx, rng, used_numbers, kind, sector, name, town)
    build_contacts(ctx)


def _company_name(ctx: DemoContext, rng, templates: list[str], town: Town,  # type: ignore[no-untyped-def]
                  used_names: set[str]) -> str:
    name = ""
    for attempt in range(40):
        name = rng.choice(templates).format(B=rng.choice(ctx.data.brands), S=rng.choice(ctx.data.surnames),
                                            T=town.name)
        if attempt > 20:
            name = f"{name} {attempt - 19}"
        if name not in used_names:
            break
    return name


def _add_org(ctx: DemoContext, rng, used_numbers: set[str], kind: str, sector: str,  # type: ignore[no-untyped-def]
             name: str, town: Town) -> int:
    data, stamp = ctx.data, ctx.base_stamp
    org_id = ctx.next_id("organisations")
    prefix = None
    if data.country == "SE":
        prefix = {"company": "556", "business_association": "802"}.get(kind, "212")
    while True:
        number = org_number(rng, data.country, prefix)
        if number not in used_numbers:
            used_numbers.add(number)
            break
    slug = ascii_slug(_LEGAL_FORMS.sub(" ", name))[:30] or f"org{org_id}"
    ctx.add(
        "organisations",
        {
            "id": org_id,
            "kind": kind,
            "name": name,
            "org_number": number,
            "country": data.country,
            "sector_code": sector,
            "address": data.address(rng.choice(data.streets), rng.randint(1, 60)),
            "postal_code": postal_code(rng, town),
            "town": town.name,
            "municipality": town.municipality,
            "phone": phone(rng, data.country, mobile=False, area=town.area_code),
            "email": f"info@{slug}.{data.tld}",
            "website": f"www.{slug}.{data.tld}",
            "places_offered": 0,
            "notes": None,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    ctx.org_ids_by_sector.setdefault(sector, []).append(org_id)
    ctx.org_names[org_id] = name
    ctx.org_kind[org_id] = kind
    ctx.org_sector[org_id] = sector
    return org_id


def _person(rng, ctx: DemoContext) -> tuple[str, str]:
    data = ctx.data
    if rng.random() < 0.5:
        return rng.choice(data.girls), data.female_surname(rng.choice(data.surnames))
    return rng.choice(data.boys), rng.choice(data.surnames)


def build_contacts(ctx: DemoContext) -> None:
    rng = ctx.rng("contacts")
    data = ctx.data
    stamp = ctx.base_stamp
    for row in ctx.rows["organisations"]:
        org_id = row["id"]
        domain = row["email"].split("@", 1)[1]
        municipal = org_id in ctx.municipal_org_ids
        roles = (
            list(data.municipal_roles)
            if municipal
            else [data.contact_roles[0]]
            + [rng.choice(data.contact_roles) for _ in range(weighted(rng, [(0, 3), (1, 4), (2, 2)]))]
        )
        ids = []
        for role in roles:
            first, last = _person(rng, ctx)
            contact_id = ctx.next_id("contacts")
            ctx.add(
                "contacts",
                {
                    "id": contact_id,
                    "organisation_id": org_id,
                    "first_name": first,
                    "last_name": last,
                    "role": role,
                    "phone": phone(rng, data.country, mobile=True),
                    "email": f"{ascii_slug(first)}.{ascii_slug(last)}@{domain}",
                    "language": data.language,
                    "notes": None,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
            ids.append(contact_id)
        ctx.contacts_by_org[org_id] = ids
        if municipal:
            ctx.municipal_contacts.extend(ids)


NETWORK_SECTORS = (("C", "D", "F", "J", "M", "E", "H"), ("Q", "P", "I", "S", "O"))


def build_networks(ctx: DemoContext) -> None:
    rng = ctx.rng("networks")
    stamp = ctx.base_stamp
    members_each = 15 if ctx.size != "region" else 60
    for index, (name, description) in enumerate(ctx.data.networks[: ctx.spec.networks]):
        network_id = ctx.next_id("networks")
        ctx.add(
            "networks",
            {
                "id": network_id,
                "name": name,
                "description": description,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        chosen: list[int] = []
        if ctx.municipal_org_ids:
            chosen.append(ctx.municipal_org_ids[0])
        pool = [oid for s in NETWORK_SECTORS[index % 2] for oid in ctx.org_ids_by_sector.get(s, [])]
        pool += [
            oid
            for oid, kind in ctx.org_kind.items()
            if kind in ("university", "technology_park", "business_association", "labour_office")
        ]
        pool = [oid for oid in dict.fromkeys(pool) if oid not in chosen]
        chosen += rng.sample(pool, min(members_each, len(pool)))
        for position, org_id in enumerate(chosen):
            kind = ctx.org_kind[org_id]
            role = (
                "leader"
                if position == 0
                else "partner"
                if kind in ("university", "technology_park")
                else "observer"
                if rng.random() < 0.08
                else "member"
            )
            ctx.add(
                "network_members",
                {
                    "id": ctx.next_id("network_members"),
                    "network_id": network_id,
                    "organisation_id": org_id,
                    "school_id": None,
                    "role_id": ctx.role_ids.get(role, ctx.role_ids.get("partner")),
                    "joined_on": ctx.years[0].starts_on,
                    "left_on": ctx.years[-1].starts_on if rng.random() < 0.05 else None,
                },
            )
        ctx.network_members[network_id] = chosen
