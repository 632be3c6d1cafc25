"""The contact log and agreements: who was contacted how and when, what was asked, what is due next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, aliased

from coordinator.clusters.networks import fold
from coordinator.errors import UserError
from coordinator.i18n import LANGUAGES, _, use_language
from coordinator.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    ContactAnswer,
    ContactChannel,
    ContactLogEntry,
    Network,
    Organisation,
    School,
    SchoolClass,
)


def parse_choice(enum_cls: type, text: str | None, default: object) -> object:
    """A member of a labelled enum named by its value or its label in any language; UserError if none."""
    if not text:
        return default
    wanted = fold(text)
    for member in enum_cls:  # type: ignore[attr-defined]
        if fold(member.value) == wanted:
            return member
        for language in LANGUAGES:
            with use_language(language):
                if fold(member.label) == wanted:
                    return member
    raise UserError(_("“{text}” is not one of: {choices}.").format(
        text=text, choices=", ".join(m.label for m in enum_cls)))  # type: ignore[attr-defined]


def add_contact(session: Session, *, organisation_id: int, date: dt.date, channel: ContactChannel,
                who: str = "", asked: str = "", promised: str = "", answer: ContactAnswer = ContactAnswer.PENDING,
                follow_up_on: dt.date | None = None, contact_id: int | None = None) -> ContactLogEntry:
    if follow_up_on is not None and follow_up_on < date:
        raise UserError(_("The follow-up date is before the date of the contact."))
    entry = ContactLogEntry(organisation_id=organisation_id, contact_id=contact_id, date=date, channel=channel,
                            who=who, asked=asked, promised=promised, answer=answer, follow_up_on=follow_up_on)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class LogRow:
    entry_id: int
    organisation: str
    date: dt.date
    channel: ContactChannel
    who: str
    asked: str
    promised: str
    answer: ContactAnswer
    follow_up_on: dt.date | None
    organisation_id: int


def _rows(session: Session, query: object) -> list[LogRow]:
    return [LogRow(*row) for row in session.execute(query)]  # type: ignore[call-overload]


def _log_select():  # type: ignore[no-untyped-def]
    return (select(ContactLogEntry.id, Organisation.name, ContactLogEntry.date, ContactLogEntry.channel,
                   ContactLogEntry.who, ContactLogEntry.asked, ContactLogEntry.promised, ContactLogEntry.answer,
                   ContactLogEntry.follow_up_on, ContactLogEntry.organisation_id)
            .join(Organisation, Organisation.id == ContactLogEntry.organisation_id))


def log_of(session: Session, organisation_id: int) -> list[LogRow]:
    """An organisation's contacts, the newest first (its last contact is the first row)."""
    return _rows(session, _log_select().where(ContactLogEntry.organisation_id == organisation_id)
                 .order_by(ContactLogEntry.date.desc(), ContactLogEntry.id.desc()))


def follow_ups_due(session: Session, today: dt.date, within_days: int = 7,
                   limit: int | None = None) -> list[LogRow]:
    """Follow-ups due by a week from today (overdue ones too), unless a later contact with the organisation
    has already happened; the `limit` first ones if given."""
    newer = aliased(ContactLogEntry)
    later = exists().where(newer.organisation_id == ContactLogEntry.organisation_id,
                           newer.date > ContactLogEntry.date)  # stops at the first later contact it finds
    horizon = today + dt.timedelta(days=within_days)
    return _rows(session, _log_select().where(ContactLogEntry.follow_up_on.is_not(None),
                                              ContactLogEntry.follow_up_on <= horizon, ~later)
                 .order_by(ContactLogEntry.follow_up_on, Organisation.name).limit(limit))


def asked_without_yes(session: Session, start: dt.date, end: dt.date, more_than: int = 3) -> int:
    """Employers asked more than `more_than` times in the period with no 'yes' among the answers."""
    per_org = (select(ContactLogEntry.organisation_id)
               .where(ContactLogEntry.date.between(start, end), ContactLogEntry.asked != "")
               .group_by(ContactLogEntry.organisation_id)
               .having(func.count() > more_than,
                       func.sum(case((ContactLogEntry.answer == ContactAnswer.YES, 1), else_=0)) == 0))
    return int(session.scalar(select(func.count()).select_from(per_org.subquery())) or 0)


def add_agreement(session: Session, *, organisation_id: int, kind: AgreementKind,
                  school_id: int | None = None, class_id: int | None = None, network_id: int | None = None,
                  title: str = "", starts_on: dt.date | None = None, ends_on: dt.date | None = None,
                  commitments: tuple[str, ...] = (), status: AgreementStatus = AgreementStatus.ACTIVE,
                  remind_days: int = 60) -> Agreement:
    """A partnership of the organisation with a school, a class or a network (at least one of them)."""
    if school_id is None and class_id is None and network_id is None:
        raise UserError(_("An agreement needs a school, a class or a network as its other party."))
    if starts_on and ends_on and ends_on < starts_on:
        raise UserError(_("The end date is before the start date."))
    agreement = Agreement(organisation_id=organisation_id, kind=kind, school_id=school_id, class_id=class_id,
                          network_id=network_id, title=title, starts_on=starts_on, ends_on=ends_on, status=status,
                          commitments="\n".join(c.strip() for c in commitments if c.strip()),
                          remind_days=remind_days)
    session.add(agreement)
    session.flush()
    return agreement


def agreements_ending(session: Session, today: dt.date) -> list[Agreement]:
    """Agreements in force whose reminder period before the end has begun."""
    rows = session.scalars(select(Agreement).where(Agreement.status == AgreementStatus.ACTIVE,
                                                   Agreement.ends_on.is_not(None), Agreement.ends_on >= today))
    return [a for a in rows if a.ends_on is not None and a.ends_on - dt.timedelta(days=a.remind_days) <= today]


@dataclass(frozen=True)
class AgreementView:
    id: int
    kind: AgreementKind
    organisation: str
    party: str  # the school, class or network on the other side
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    status: AgreementStatus
    commitments: tuple[str, ...]


def agreement_view(session: Session, agreement: Agreement) -> AgreementView:
    org = session.get(Organisation, agreement.organisation_id)
    party = ""
    if agreement.class_id is not None:
        cls = session.get(SchoolClass, agreement.class_id)
        party = f"{cls.school.name}, {cls.name}" if cls is not None else ""
    elif agreement.school_id is not None:
        school = session.get(School, agreement.school_id)
        party = school.name if school is not None else ""
    elif agreement.network_id is not None:
        network = session.get(Network, agreement.network_id)
        party = network.name if network is not None else ""
    return AgreementView(agreement.id, agreement.kind, org.name if org is not None else "", party, agreement.title,
                         agreement.starts_on, agreement.ends_on, agreement.status,
                         tuple(line for line in agreement.commitments.splitlines() if line.strip()))
