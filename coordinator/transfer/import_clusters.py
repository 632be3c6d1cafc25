"""Importers of cluster records: network members (organisations or schools, with roles) and the contact log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coordinator.clusters.contact_log import parse_choice
from coordinator.clusters.networks import MemberRef, find_member, find_role, fold
from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import (
    ContactAnswer,
    ContactChannel,
    ContactLogEntry,
    Network,
    NetworkMember,
    Organisation,
)
from coordinator.transfer.import_records import find_organisation
from coordinator.transfer.importer import Importer, Pending
from coordinator.transfer.plan import PlanRow


class NetworkMemberImporter(Importer):
    """A member joins a network (made if the file names a new one); a member already in it is updated."""

    table = "network_members"

    def prepare(self) -> None:
        self.networks = {fold(n.name): n for n in self.session.scalars(select(Network))}
        self.members = {(m.network_id, m.organisation_id, m.school_id): m
                        for m in self.session.scalars(select(NetworkMember))}
        self.new_networks: dict[str, Network] = {}

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = row.values
        try:
            ref = find_member(self.session, values["member"])
        except UserError as exc:
            self.problem(row, "member", str(exc))
            return None
        try:
            role = find_role(self.session, values["role"])
        except UserError as exc:
            self.problem(row, "role", str(exc))
            return None
        joined, left = values.get("joined"), values.get("left")
        if joined and left and left < joined:
            self.problem(row, "left", _("The date of leaving is before the date of joining."))
            return None
        wanted = {"role_id": role.id, "joined_on": joined, "left_on": left}
        network = self.networks.get(fold(values["network"]))
        member = self.members.get((network.id, ref.organisation_id, ref.school_id)) if network else None
        extra: dict[str, Any] = {"ref": ref, "network": values["network"], "values": wanted}
        if member is None:
            return Pending(row, "created", extra=extra)
        changes = {k: v for k, v in wanted.items() if v is not None and getattr(member, k) != v}
        return Pending(row, "updated" if changes else "unchanged", target=member, changes=changes, extra=extra)

    def _network(self, name: str) -> Network:
        key = fold(name)
        network = self.networks.get(key) or self.new_networks.get(key)
        if network is None:
            network = Network(name=name.strip())
            self.session.add(network)
            self.session.flush()
            self.new_networks[key] = network
            self.note("networks", network.id, created=True)
        return network

    def write_row(self, item: Pending) -> None:
        if item.action == "created":
            ref: MemberRef = item.extra["ref"]
            network = self._network(item.extra["network"])
            member = NetworkMember(network_id=network.id, organisation_id=ref.organisation_id,
                                   school_id=ref.school_id, **item.extra["values"])
            self.session.add(member)
            item.target = member
            self.audit_fields.update(item.extra["values"])
        else:
            self.update_target(item)


class ContactLogImporter(Importer):
    """Contacts with organisations; the same organisation, day, channel and question is the same entry."""

    table = "contact_log"
    FIELDS = ("who", "promised", "answer", "follow_up_on")

    def prepare(self) -> None:
        self.orgs_by_number: dict[str, Organisation] = {}
        self.orgs_by_name: dict[str, list[Organisation]] = {}
        for org in self.session.scalars(select(Organisation)):
            if org.org_number:
                self.orgs_by_number[org.org_number] = org
            self.orgs_by_name.setdefault(org.name.strip().casefold(), []).append(org)
        self.entries = {(e.organisation_id, e.date, e.channel, fold(e.asked)): e
                        for e in self.session.scalars(select(ContactLogEntry))}

    def resolve_row(self, row: PlanRow) -> Pending | None:
        org = find_organisation(self, row)
        if not org:
            if org is None:
                self.problem(row, "organisation", _("The organisation is not named."))
            return None
        values = dict(row.values)
        try:
            channel = parse_choice(ContactChannel, values.get("channel"), ContactChannel.CALL)
        except UserError as exc:
            self.problem(row, "channel", str(exc))
            return None
        try:
            answer = parse_choice(ContactAnswer, values.get("answer"), ContactAnswer.PENDING)
        except UserError as exc:
            self.problem(row, "answer", str(exc))
            return None
        follow_up = values.get("follow_up")
        if follow_up and follow_up < values["date"]:
            self.problem(row, "follow_up", _("The follow-up date is before the date of the contact."))
            return None
        wanted = {"organisation_id": org.id, "date": values["date"], "channel": channel,  # type: ignore[union-attr]
                  "asked": values.get("asked", ""), "who": values.get("who", ""),
                  "promised": values.get("promised", ""), "answer": answer, "follow_up_on": follow_up}
        entry = self.entries.get((org.id, values["date"], channel, fold(wanted["asked"])))  # type: ignore[union-attr]
        if entry is None:
            return Pending(row, "created", extra={"values": wanted})
        changes = {k: wanted[k] for k in self.FIELDS if wanted[k] not in (None, "") and getattr(entry, k) != wanted[k]}
        return Pending(row, "updated" if changes else "unchanged", target=entry, changes=changes)

    def write_row(self, item: Pending) -> None:
        if item.action == "created":
            entry = ContactLogEntry(**item.extra["values"])
            self.session.add(entry)
            item.target = entry
            self.audit_fields.update(item.extra["values"])
        else:
            self.update_target(item)
