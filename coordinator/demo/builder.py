"""Builds a demo database: generates every row in memory from one seed, then bulk-inserts them.

All rows get explicit ids and fixed timestamps, so the same profile, size and seed give the same
content; the inserts are SQLAlchemy Core executemany calls inside one transaction, which is what
lets the 100,000-pupil region build in well under the three minutes it is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

import datetime as dt

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.orm import Session

from coordinator.demo.activities import build_placements, build_study_visits, ensure_protected_placements
from coordinator.demo.clusters import build_clusters
from coordinator.demo.context import SIZES, DemoContext, Row, Year
from coordinator.demo.country import country_data
from coordinator.demo.events import build_action_plans, build_encounters, build_meetings, build_trainings
from coordinator.demo.matching import build_offers_and_wishes
from coordinator.demo.organisations import build_networks, build_organisations
from coordinator.demo.outcomes import build_outcomes
from coordinator.demo.schools import build_schools
from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import (
    Action,
    ActionActivity,
    ActionPlan,
    Agreement,
    BudgetLine,
    Base,
    Contact,
    ContactLogEntry,
    Cost,
    Encounter,
    Enrolment,
    FundingSource,
    Goal,
    Meeting,
    MemberRole,
    Network,
    NetworkMember,
    Offer,
    Organisation,
    Placement,
    Project,
    Programme,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
    SectorDominance,
    StudyVisit,
    Teacher,
    Training,
    Wish,
    Choice,
    Destination,
    encounter_classes,
    encounter_participants,
    meeting_attendees,
    study_visit_classes,
    study_visit_participants,
    study_visit_teachers,
    training_teachers,
)
from coordinator.money import CURRENCY_OF_COUNTRY
from coordinator.reference.profiles import PROFILES, profile
from coordinator.services.setup import initialise
from coordinator.store import Store

# Insertion order respects the foreign keys.
TABLES: tuple[tuple[str, Table], ...] = tuple(
    (name, table)
    for name, table in (
        ("organisations", Organisation.__table__),
        ("contacts", Contact.__table__),
        ("networks", Network.__table__),
        ("schools", School.__table__),
        ("network_members", NetworkMember.__table__),
        ("teachers", Teacher.__table__),
        ("classes", SchoolClass.__table__),
        ("agreements", Agreement.__table__),
        ("pupils", Pupil.__table__),
        ("enrolments", Enrolment.__table__),
        ("study_visits", StudyVisit.__table__),
        ("study_visit_classes", study_visit_classes),
        ("study_visit_teachers", study_visit_teachers),
        ("study_visit_participants", study_visit_participants),
        ("placements", Placement.__table__),
        ("offers", Offer.__table__),
        ("wishes", Wish.__table__),
        ("encounters", Encounter.__table__),
        ("encounter_classes", encounter_classes),
        ("encounter_participants", encounter_participants),
        ("trainings", Training.__table__),
        ("training_teachers", training_teachers),
        ("meetings", Meeting.__table__),
        ("meeting_attendees", meeting_attendees),
        ("choices", Choice.__table__),
        ("destinations", Destination.__table__),
        ("action_plans", ActionPlan.__table__),
        ("goals", Goal.__table__),
        ("actions", Action.__table__),
        ("action_activities", ActionActivity.__table__),
        ("contact_log", ContactLogEntry.__table__),
        ("projects", Project.__table__),
        ("budget_lines", BudgetLine.__table__),
        ("costs", Cost.__table__),
    )
)
BATCH = 20000


@dataclass(frozen=True)
class DemoSummary:
    """What a demo holds, for the line the command prints."""

    pupils: int
    organisations: int


def build(store: Store, *, profile_code: str, size: str, seed: int) -> DemoSummary:
    """Write a whole demo into an empty database and say how many pupils and organisations it holds."""
    if profile_code not in PROFILES:
        raise UserError(
            _("Unknown country profile “{code}”; use one of: {codes}.").format(
                code=profile_code, codes=", ".join(PROFILES)
            )
        )
    if size not in SIZES:
        raise UserError(
            _("Unknown demo size “{size}”; use one of: {sizes}.").format(size=size, sizes=", ".join(SIZES))
        )
    with store.session() as session:
        session.info["audit"] = False  # generated data, not anyone's edits
        data = country_data(profile_code)
        initialise(
            session,
            profile_code=profile_code,
            municipality=data.region_name if size == "region" and data.region_name else None,
        )
        ctx = _context(session, profile_code, size, seed)
        generate(ctx)
        _insert(session, ctx)
    return DemoSummary(pupils=len(ctx.rows.get("pupils", [])), organisations=len(ctx.rows["organisations"]))


def _context(session: Session, profile_code: str, size: str, seed: int) -> DemoContext:
    spec = profile(profile_code)
    rows = session.execute(select(SchoolYear).order_by(SchoolYear.starts_on)).scalars().all()
    years = [
        Year(y.id, y.label, y.starts_on, y.ends_on, i, _holidays(spec.country, y.starts_on, y.ends_on))
        for i, y in enumerate(rows[-2:])
    ]
    dominance = {
        code: by
        for code, by in session.execute(
            select(SectorDominance.sector_code, SectorDominance.dominated_by).where(
                SectorDominance.country == spec.country
            )
        )
    }
    type_ids = {code: type_id for code, type_id in session.execute(select(SchoolType.code, SchoolType.id))}
    ctx = DemoContext(
        seed=seed,
        size=size,
        spec=SIZES[size],
        profile=spec,
        data=country_data(profile_code),
        years=years,
        dominance=dominance,
        type_ids=type_ids,
    )
    for kind, name, role_id in session.execute(select(MemberRole.kind, MemberRole.name, MemberRole.id).where(
            MemberRole.country == spec.country).order_by(MemberRole.position)):
        ctx.role_ids[kind.value] = role_id  # the last of a kind is the general one (участник, not базовая…)
        ctx.role_names[name] = role_id
    for kind, source_id in session.execute(select(FundingSource.kind, FundingSource.id).where(
            FundingSource.country == spec.country).order_by(FundingSource.position.desc())):
        ctx.source_ids[kind.value] = source_id
    ctx.currency = CURRENCY_OF_COUNTRY.get(spec.country, "EUR")
    for programme_id, code, name in session.execute(select(Programme.id, Programme.code, Programme.name).where(
            Programme.country == spec.country)):
        ctx.programme_ids[code.casefold()] = ctx.programme_ids[name.casefold()] = programme_id
    return ctx


def _holidays(country: str, first: dt.date, last: dt.date) -> frozenset[dt.date]:
    import holidays

    found = holidays.country_holidays(country, years=range(first.year, last.year + 1))
    return frozenset(day for day in found if first <= day <= last)


def generate(ctx: DemoContext) -> None:
    """Every row of the demo, in memory; nothing here touches the database."""
    build_organisations(ctx)
    build_networks(ctx)
    build_schools(ctx)
    build_study_visits(ctx)
    build_placements(ctx)
    ensure_protected_placements(ctx)
    build_offers_and_wishes(ctx)
    build_encounters(ctx)
    build_trainings(ctx)
    build_meetings(ctx)
    build_action_plans(ctx)
    build_clusters(ctx)
    build_outcomes(ctx)


def _insert_sqlite(connection: Connection, table: Table, rows: list[Row]) -> None:
    """executemany straight on the driver's cursor, in the same transaction, with SQLAlchemy's own
    conversions of each column's values (dates, enums, booleans): a third of the time of Core's insert."""
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    columns = [c for c in table.columns if c.key in rows[0]]
    keys = [c.key for c in columns]
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    converters = list(zip(keys, processors))
    data = [tuple(p(row[k]) if p else row[k] for k, p in converters) for row in rows]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, data)
    finally:
        cursor.close()


def _insert(session: Session, ctx: DemoContext) -> None:
    connection = session.connection()
    for name, table in TABLES:
        rows = ctx.rows.get(name, [])
        if not rows:
            continue
        if connection.dialect.name == "sqlite":
            _insert_sqlite(connection, table, rows)
            continue
        for start in range(0, len(rows), BATCH):
            connection.execute(table.insert(), rows[start : start + BATCH])
        if connection.dialect.name == "postgresql" and "id" in table.c:
            # The ids were given explicitly, so the sequence must be moved past them by hand.
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))"
            )
    links = ctx.rows.get("school_contacts", [])
    if links:
        connection.execute(
            update(School.__table__)
            .where(School.__table__.c.id == bindparam("school_id"))
            .values(contact_teacher_id=bindparam("teacher_id"), updated_at=ctx.base_stamp),
            links,
        )
    # Rows written by initialise() carry the wall-clock time; give them the demo's fixed time too.
    ours = {name for name, _ in TABLES}
    for table in Base.metadata.sorted_tables:
        if table.name not in ours and "created_at" in table.c and "updated_at" in table.c:
            connection.execute(update(table).values(created_at=ctx.base_stamp, updated_at=ctx.base_stamp))
