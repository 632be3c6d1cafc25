"""Networks (clusters): roles named per country, members (organisations and schools) and what each did."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError, UserError
from coordinator.i18n import LANGUAGES, _, use_language
from coordinator.models import (
    Agreement,
    BudgetLine,
    Encounter,
    MemberRole,
    Network,
    NetworkMember,
    NetworkRole,
    Organisation,
    Placement,
    School,
    StudyVisit,
    Training,
)
from coordinator.settings import get_setting


def fold(text: str) -> str:
    """Names compared as people mean them: case, composition and ё/е set aside (SQLite folds ASCII only)."""
    return unicodedata.normalize("NFC", text).casefold().replace("ё", "е").strip()


def country(session: Session) -> str:
    return (get_setting(session, "country", "SE") or "SE").upper()


def roles(session: Session, country_code: str | None = None) -> list[MemberRole]:
    """The roles of the country (the profile's by default), in their order."""
    wanted = (country_code or country(session)).upper()
    return list(session.scalars(select(MemberRole).where(MemberRole.country == wanted)
                                .order_by(MemberRole.position, MemberRole.id)))


def find_role(session: Session, text: str) -> MemberRole:
    """The profile country's role a word names in any language: 'lider', 'huvudman', 'Leader', 'участник'."""
    wanted = fold(text)
    own = roles(session)
    for role in own:
        if fold(role.name) == wanted:
            return role
    kind = next((r.kind for r in session.scalars(select(MemberRole)) if fold(r.name) == wanted), None)
    if kind is None:
        kind = next((k for k in NetworkRole for language in LANGUAGES if fold(_label_in(k, language)) == wanted
                     or k.value == wanted), None)
    match = next((r for r in own if r.kind == kind), None) if kind is not None else None
    if match is None:
        raise UserError(_("“{text}” is not a role in a network; use one of: {roles}.").format(
            text=text, roles=", ".join(r.name for r in own)))
    return match


def _label_in(kind: NetworkRole, language: str) -> str:
    with use_language(language):
        return kind.label


def ensure_network(session: Session, name: str, description: str | None = None) -> Network:
    """The network of that name (case aside), made if there is none."""
    found = next((n for n in session.scalars(select(Network)) if fold(n.name) == fold(name)), None)
    if found is None:
        found = Network(name=name.strip(), description=description)
        session.add(found)
        session.flush()
    return found


@dataclass(frozen=True)
class MemberRef:
    """A member found by name or number: an organisation or a school."""

    organisation_id: int | None = None
    school_id: int | None = None


def find_member(session: Session, text: str) -> MemberRef:
    """An organisation by its number or name, or else a school by its name; NotFoundError if neither."""
    wanted = fold(text)
    digits = "".join(ch for ch in text if ch.isalnum())
    for oid, name, number in session.execute(select(Organisation.id, Organisation.name, Organisation.org_number)):
        if fold(name) == wanted or (number and digits and "".join(c for c in number if c.isalnum()) == digits):
            return MemberRef(organisation_id=oid)
    for sid, name in session.execute(select(School.id, School.name)):
        if fold(name) == wanted:
            return MemberRef(school_id=sid)
    raise NotFoundError(_("There is no organisation or school called “{name}”.").format(name=text))


def existing_member(session: Session, network_id: int, ref: MemberRef) -> NetworkMember | None:
    query = select(NetworkMember).where(NetworkMember.network_id == network_id)
    if ref.organisation_id is not None:
        query = query.where(NetworkMember.organisation_id == ref.organisation_id)
    else:
        query = query.where(NetworkMember.school_id == ref.school_id)
    return session.scalar(query)


def add_member(session: Session, *, network_id: int, ref: MemberRef, role_id: int,
               joined_on: dt.date | None = None, left_on: dt.date | None = None) -> NetworkMember:
    """Add an organisation or a school to a network; its role and dates are updated if it is already in."""
    if joined_on and left_on and left_on < joined_on:
        raise UserError(_("The date of leaving is before the date of joining."))
    member = existing_member(session, network_id, ref)
    if member is None:
        member = NetworkMember(network_id=network_id, organisation_id=ref.organisation_id,
                               school_id=ref.school_id, role_id=role_id)
        session.add(member)
    member.role_id, member.joined_on, member.left_on = role_id, joined_on, left_on
    session.flush()
    return member


@dataclass(frozen=True)
class MemberRow:
    """One member as lists and reports show it."""

    member_id: int
    name: str
    kind: str  # an OrganisationKind value, or "school"
    sector: str | None
    role: str
    role_kind: str
    joined_on: dt.date | None
    left_on: dt.date | None
    organisation_id: int | None
    school_id: int | None


def members(session: Session, network_id: int) -> list[MemberRow]:
    """The members of a network by role order, then name."""
    query = (select(NetworkMember.id, Organisation.name, School.name, Organisation.kind, Organisation.sector_code,
                    MemberRole.name, MemberRole.kind, NetworkMember.joined_on, NetworkMember.left_on,
                    NetworkMember.organisation_id, NetworkMember.school_id, MemberRole.position)
             .join(MemberRole, MemberRole.id == NetworkMember.role_id)
             .outerjoin(Organisation, Organisation.id == NetworkMember.organisation_id)
             .outerjoin(School, School.id == NetworkMember.school_id)
             .where(NetworkMember.network_id == network_id))
    rows = [MemberRow(mid, org or school or "", kind.value if kind is not None else "school", sector, role,
                      role_kind.value, joined, left, oid, sid)
            for mid, org, school, kind, sector, role, role_kind, joined, left, oid, sid, _pos
            in session.execute(query)]
    positions = {r.name: r.position for r in session.scalars(select(MemberRole))}
    return sorted(rows, key=lambda r: (positions.get(r.role, 99), fold(r.name)))


def network_by_name(session: Session, name: str) -> Network:
    found = next((n for n in session.scalars(select(Network)) if fold(n.name) == fold(name)), None)
    if found is None:
        raise NotFoundError(_("There is no network called “{name}”.").format(name=name))
    return found


@dataclass(frozen=True)
class Contribution:
    """What one organisation did with the cluster in a period."""

    placements: int = 0
    visits: int = 0
    encounters: int = 0
    trainings: int = 0
    patron_classes: int = 0
    money_minor: int = 0


def contribution(session: Session, organisation_id: int, start: dt.date, end: dt.date) -> Contribution:
    """Placements hosted, visits received, encounters, trainings, patron classes and money given."""
    def count(query: object) -> int:
        return int(session.scalar(query) or 0)  # type: ignore[call-overload]

    return Contribution(
        placements=count(select(func.count()).select_from(Placement).where(
            Placement.host_id == organisation_id, Placement.start_date <= end, Placement.end_date >= start)),
        visits=count(select(func.count()).select_from(StudyVisit).where(
            StudyVisit.host_id == organisation_id, func.date(StudyVisit.starts_at).between(start, end))),
        encounters=count(select(func.count()).select_from(Encounter).where(
            Encounter.organisation_id == organisation_id, Encounter.date.between(start, end))),
        trainings=count(select(func.count()).select_from(Training).where(
            Training.organisation_id == organisation_id, Training.start_date.between(start, end))),
        patron_classes=count(select(func.count()).select_from(Agreement).where(
            Agreement.organisation_id == organisation_id, Agreement.class_id.is_not(None),
            (Agreement.ends_on.is_(None)) | (Agreement.ends_on >= start),
            (Agreement.starts_on.is_(None)) | (Agreement.starts_on <= end))),
        money_minor=count(select(func.coalesce(func.sum(BudgetLine.spent_minor), 0)).where(
            BudgetLine.financier_id == organisation_id)),
    )
