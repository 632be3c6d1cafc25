"""Networks, their members, agreements and the contact log as record kinds for the app's tables and forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coordinator.clusters.networks import roles
from coordinator.i18n import N_, _
from coordinator.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    ContactAnswer,
    ContactChannel,
    ContactLogEntry,
    MemberRole,
    Network,
    NetworkMember,
    Organisation,
    School,
    SchoolClass,
)
from coordinator.services.records.base import (
    CHOICE,
    DATE,
    INT,
    LONGTEXT,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
)


def _networks(session: Session) -> list[tuple[Any, str]]:
    return [(i, name) for i, name in session.execute(select(Network.id, Network.name).order_by(Network.name))]


def _optional_networks(session: Session) -> list[tuple[Any, str]]:
    return [(None, "—"), *_networks(session)]


def _roles(session: Session) -> list[tuple[Any, str]]:
    return [(r.id, r.name) for r in roles(session)]


def _texts(values: dict[str, Any], *names: str) -> None:
    for name in names:
        values[name] = values.get(name) or ""


class NetworkKindSpec(RecordKind):
    key = "networks"
    model = Network
    title = N_("Networks")
    singular = N_("Network")
    fields = (FieldSpec("name", N_("Name"), required=True), FieldSpec("description", N_("Description"), LONGTEXT))

    def columns(self):
        count = (select(func.count()).where(NetworkMember.network_id == Network.id).correlate(Network)
                 .scalar_subquery())
        return (ColumnSpec("name", N_("Name"), Network.name, searchable=True),
                ColumnSpec("members", N_("Members"), count, INT),
                ColumnSpec("description", N_("Description"), Network.description, searchable=True))

    def display_expr(self):
        return Network.name


class NetworkMemberKindSpec(RecordKind):
    key = "network_members"
    model = NetworkMember
    title = N_("Network members")
    singular = N_("Network member")
    fields = (
        FieldSpec("network_id", N_("Network"), CHOICE, required=True, choices=_networks),
        FieldSpec("organisation_id", N_("Organisation"), REF, ref="organisations"),
        FieldSpec("school_id", N_("School"), REF, ref="schools"),
        FieldSpec("role_id", N_("Role in the network"), CHOICE, required=True, choices=_roles),
        FieldSpec("joined_on", N_("Joined"), DATE),
        FieldSpec("left_on", N_("Left"), DATE),
    )

    def base_select(self, *exprs, year_id=None):
        return (select(NetworkMember.id, *exprs).join(Network, Network.id == NetworkMember.network_id)
                .join(MemberRole, MemberRole.id == NetworkMember.role_id)
                .outerjoin(Organisation, Organisation.id == NetworkMember.organisation_id)
                .outerjoin(School, School.id == NetworkMember.school_id))

    def columns(self):
        return (ColumnSpec("network", N_("Network"), Network.name, searchable=True),
                ColumnSpec("member", N_("Member"), func.coalesce(Organisation.name, School.name), searchable=True),
                ColumnSpec("role", N_("Role in the network"), MemberRole.name, searchable=True),
                ColumnSpec("joined", N_("Joined"), NetworkMember.joined_on, DATE),
                ColumnSpec("left", N_("Left"), NetworkMember.left_on, DATE))

    def check(self, session, values, problems, record_id) -> None:
        org, school = values.get("organisation_id"), values.get("school_id")
        if (org is None) == (school is None):
            problems["organisation_id"] = _("Choose an organisation or a school (one of them).")
            return
        column, value = (NetworkMember.organisation_id, org) if org is not None else (NetworkMember.school_id, school)
        twin = session.scalar(select(NetworkMember.id).where(NetworkMember.network_id == values.get("network_id"),
                                                             column == value, NetworkMember.id != (record_id or 0)))
        if twin is not None:
            problems["organisation_id" if org is not None else "school_id"] = _(
                "This member is already in the network.")
        self.check_order(values, problems, "joined_on", "left_on")

    def display_expr(self):
        return func.coalesce(select(Organisation.name).where(Organisation.id == NetworkMember.organisation_id)
                             .scalar_subquery(), "")


class AgreementKindSpec(RecordKind):
    key = "agreements"
    choice_filter = ("kind", N_("Kind"), _label_choices(AgreementKind))
    model = Agreement
    title = N_("Agreements")
    singular = N_("Agreement")
    fields = (
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(AgreementKind),
                  default=lambda s: AgreementKind.PATRON_CLASS.value),
        FieldSpec("organisation_id", N_("Organisation"), REF, required=True, ref="organisations"),
        FieldSpec("school_id", N_("School"), REF, ref="schools"),
        FieldSpec("class_id", N_("Class"), REF, ref="classes"),
        FieldSpec("network_id", N_("Network"), CHOICE, choices=_optional_networks),
        FieldSpec("title", N_("Title")),
        FieldSpec("starts_on", N_("Start date"), DATE),
        FieldSpec("ends_on", N_("End date"), DATE),
        FieldSpec("status", N_("Status"), CHOICE, required=True, choices=_label_choices(AgreementStatus),
                  default=lambda s: AgreementStatus.ACTIVE.value),
        FieldSpec("commitments", N_("Commitments"), LONGTEXT),
        FieldSpec("remind_days", N_("Reminder, days before the end"), INT, minimum=0, maximum=365,
                  default=lambda s: 60),
    )

    def base_select(self, *exprs, year_id=None):
        party = aliased(School)
        return (select(Agreement.id, *exprs).join(Organisation, Organisation.id == Agreement.organisation_id)
                .outerjoin(SchoolClass, SchoolClass.id == Agreement.class_id)
                .outerjoin(party, party.id == Agreement.school_id)
                .outerjoin(Network, Network.id == Agreement.network_id))

    def columns(self):
        return (ColumnSpec("organisation", N_("Organisation"), Organisation.name, searchable=True),
                ColumnSpec("kind", N_("Kind"), Agreement.kind, CHOICE),
                ColumnSpec("class", N_("Class"), SchoolClass.name, searchable=True),
                ColumnSpec("network", N_("Network"), Network.name, searchable=True),
                ColumnSpec("starts_on", N_("Start date"), Agreement.starts_on, DATE),
                ColumnSpec("ends_on", N_("End date"), Agreement.ends_on, DATE),
                ColumnSpec("status", N_("Status"), Agreement.status, CHOICE))

    def check(self, session, values, problems, record_id) -> None:
        if not any(values.get(k) for k in ("school_id", "class_id", "network_id")):
            problems["school_id"] = _("An agreement needs a school, a class or a network as its other party.")
        if values.get("class_id") and not values.get("school_id"):
            cls = session.get(SchoolClass, values["class_id"])
            values["school_id"] = cls.school_id if cls is not None else None
        self.check_order(values, problems, "starts_on", "ends_on")

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["kind"], out["status"] = AgreementKind(out["kind"]), AgreementStatus(out["status"])
        out["remind_days"] = 60 if out.get("remind_days") is None else out["remind_days"]
        _texts(out, "title", "commitments")
        return out

    def display_expr(self):
        return Agreement.title


class ContactLogKindSpec(RecordKind):
    key = "contact_log"
    choice_filter = ("channel", N_("Channel"), _label_choices(ContactChannel))
    newest_first = True
    model = ContactLogEntry
    title = N_("Contact log")
    singular = N_("Contact-log entry")
    fields = (
        FieldSpec("date", N_("Date"), DATE, required=True, default=lambda s: dt.date.today()),
        FieldSpec("organisation_id", N_("Organisation"), REF, required=True, ref="organisations"),
        FieldSpec("contact_id", N_("Contact person"), REF, ref="contacts"),
        FieldSpec("channel", N_("Channel"), CHOICE, required=True, choices=_label_choices(ContactChannel),
                  default=lambda s: ContactChannel.CALL.value),
        FieldSpec("who", N_("Who")),
        FieldSpec("asked", N_("Asked"), LONGTEXT),
        FieldSpec("promised", N_("Promised"), LONGTEXT),
        FieldSpec("answer", N_("Answer"), CHOICE, required=True, choices=_label_choices(ContactAnswer),
                  default=lambda s: ContactAnswer.PENDING.value),
        FieldSpec("follow_up_on", N_("Follow-up"), DATE),
    )

    def base_select(self, *exprs, year_id=None):
        return select(ContactLogEntry.id, *exprs).join(Organisation,
                                                        Organisation.id == ContactLogEntry.organisation_id)

    def columns(self):
        return (ColumnSpec("date", N_("Date"), ContactLogEntry.date, DATE),
                ColumnSpec("organisation", N_("Organisation"), Organisation.name, searchable=True),
                ColumnSpec("channel", N_("Channel"), ContactLogEntry.channel, CHOICE),
                ColumnSpec("asked", N_("Asked"), ContactLogEntry.asked, searchable=True),
                ColumnSpec("answer", N_("Answer"), ContactLogEntry.answer, CHOICE),
                ColumnSpec("follow_up", N_("Follow-up"), ContactLogEntry.follow_up_on, DATE))

    def check(self, session, values, problems, record_id) -> None:
        self.check_order(values, problems, "date", "follow_up_on")

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["channel"], out["answer"] = ContactChannel(out["channel"]), ContactAnswer(out["answer"])
        _texts(out, "who", "asked", "promised")
        return out

    def display_expr(self):
        return ContactLogEntry.asked


NETWORKS = NetworkKindSpec()
NETWORK_MEMBERS = NetworkMemberKindSpec()
AGREEMENTS = AgreementKindSpec()
CONTACT_LOG = ContactLogKindSpec()
