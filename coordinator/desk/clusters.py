"""The desk's clusters: networks and members, agreements, the contact log, projects and their budgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.changes import Changes
from coordinator.clusters import contact_log as log
from coordinator.clusters import networks as nets
from coordinator.clusters import projects as money
from coordinator.clusters.contact_log import AgreementView, LogRow, agreement_view
from coordinator.clusters.networks import Contribution, MemberRef, MemberRow
from coordinator.clusters.projects import Budget
from coordinator.desk.core import DeskCore
from coordinator.models import (
    Agreement,
    AgreementKind,
    ContactAnswer,
    ContactChannel,
    Network,
    NetworkMember,
    Project,
)

__all__ = ["AgreementView", "Budget", "ChoiceView", "ClustersDesk", "Contribution", "LogRow", "MemberRow",
           "NetworkView"]


@dataclass(frozen=True)
class ChoiceView:
    """A row of a user-editable list (a member role, a funding source): its id, name and kind."""

    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class NetworkView:
    id: int
    name: str
    description: str | None
    members: int


class ClustersDesk(DeskCore):
    """Clusters and money behind the door; every write returns what changed."""

    # -- networks ------------------------------------------------------------------------------
    def network_roles(self) -> list[ChoiceView]:
        """The member roles of the profile's country (lider, członek, partner…)."""
        return self._read(lambda s: [ChoiceView(r.id, r.name, r.kind.value) for r in nets.roles(s)])

    def networks(self) -> list[NetworkView]:
        def read(s: Session) -> list[NetworkView]:
            counts = {nid: n for nid, n in s.execute(select(NetworkMember.network_id, func.count())
                                                     .group_by(NetworkMember.network_id))}
            return [NetworkView(n.id, n.name, n.description, counts.get(n.id, 0))
                    for n in s.scalars(select(Network).order_by(Network.name))]

        return self._read(read)

    def add_network(self, *, name: str, description: str | None = None) -> Changes:
        return self._write(lambda s: nets.ensure_network(s, name, description))[1]

    def add_network_member(self, *, network_id: int, role_id: int, organisation_id: int | None = None,
                           school_id: int | None = None, joined_on: dt.date | None = None,
                           left_on: dt.date | None = None) -> Changes:
        """Add an organisation or a school (exactly one) to a network, or change its role and dates."""
        ref = MemberRef(organisation_id=organisation_id, school_id=school_id)
        return self._write(lambda s: nets.add_member(s, network_id=network_id, ref=ref, role_id=role_id,
                                                     joined_on=joined_on, left_on=left_on))[1]

    def network_members(self, network_id: int) -> list[MemberRow]:
        return self._read(lambda s: nets.members(s, network_id))

    def member_contribution(self, *, organisation_id: int, start: dt.date, end: dt.date) -> Contribution:
        """What the organisation did with the cluster between two dates."""
        return self._read(lambda s: nets.contribution(s, organisation_id, start, end))

    # -- agreements ----------------------------------------------------------------------------
    def add_agreement(self, *, organisation_id: int, kind: AgreementKind, **fields: Any) -> Changes:
        """An agreement with a school, class or network (`school_id`, `class_id`, `network_id`), its dates,
        `commitments` (a tuple of lines), status and `remind_days` before the end."""
        return self._write(lambda s: log.add_agreement(s, organisation_id=organisation_id, kind=kind,
                                                       **fields))[1]

    def agreements_of(self, organisation_id: int) -> list[AgreementView]:
        return self._read(lambda s: [agreement_view(s, a) for a in s.scalars(
            select(Agreement).where(Agreement.organisation_id == organisation_id).order_by(Agreement.starts_on))])

    def agreements_ending(self, *, today: dt.date) -> list[AgreementView]:
        """Agreements in force whose reminder before the end has come."""
        return self._read(lambda s: [agreement_view(s, a) for a in log.agreements_ending(s, today)])

    # -- the contact log -----------------------------------------------------------------------
    def log_contact(self, *, organisation_id: int, date: dt.date, channel: ContactChannel, who: str = "",
                    asked: str = "", promised: str = "", answer: ContactAnswer = ContactAnswer.PENDING,
                    follow_up_on: dt.date | None = None, contact_id: int | None = None) -> Changes:
        return self._write(lambda s: log.add_contact(
            s, organisation_id=organisation_id, date=date, channel=channel, who=who, asked=asked,
            promised=promised, answer=answer, follow_up_on=follow_up_on, contact_id=contact_id))[1]

    def contact_log(self, organisation_id: int) -> list[LogRow]:
        """The organisation's contacts, newest (its last contact) first."""
        return self._read(lambda s: log.log_of(s, organisation_id))

    def follow_ups_due(self, *, today: dt.date, within_days: int = 7) -> list[LogRow]:
        return self._read(lambda s: log.follow_ups_due(s, today, within_days))

    def employers_asked_without_yes(self, *, start: dt.date, end: dt.date) -> int:
        """Organisations asked more than three times between the dates with no 'yes'."""
        return self._read(lambda s: log.asked_without_yes(s, start, end))

    # -- projects and budgets ------------------------------------------------------------------
    def funding_sources(self) -> list[ChoiceView]:
        return self._read(lambda s: [ChoiceView(f.id, f.name, f.kind.value) for f in money.funding_sources(s)])

    def projects(self) -> list[ChoiceView]:
        return self._read(lambda s: [ChoiceView(p.id, p.name, p.currency)
                                     for p in s.scalars(select(Project).order_by(Project.name))])

    def add_project(self, *, name: str, **fields: Any) -> Changes:
        """A project: `starts_on`, `ends_on`, `owner_organisation_id`, `network_id`, `goal_id`, `currency`."""
        return self._write(lambda s: money.add_project(s, name=name, **fields))[1]

    def set_budget_line(self, *, project_id: int, funding_source_id: int, planned_minor: int,
                        spent_minor: int | None = 0, financier_id: int | None = None) -> Changes:
        """Planned and spent money of one source, in integer minor units (öre, grosze, kopecks);
        `spent_minor` None keeps what the line has spent."""
        return self._write(lambda s: money.set_budget_line(
            s, project_id=project_id, funding_source_id=funding_source_id, planned_minor=planned_minor,
            spent_minor=spent_minor, financier_id=financier_id))[1]

    def add_cost(self, *, project_id: int, description: str, amount_minor: int, **fields: Any) -> Changes:
        """A cost (`date`, `budget_line_id`, `activity_kind`/`activity_id`, `action_id`) in minor units."""
        return self._write(lambda s: money.add_cost(s, project_id=project_id, description=description,
                                                    amount_minor=amount_minor, **fields))[1]

    def project_id_of(self, text: str) -> int:
        """The project with this name or number (for the command line)."""
        return self._read(lambda s: money.project_named(s, text).id)

    def funding_source_id_of(self, text: str) -> int:
        """The profile country's funding source named by its name or its kind in any language."""
        return self._read(lambda s: money.find_source(s, text).id)

    def network_id_of(self, text: str) -> int:
        """The network with this name (case aside)."""
        return self._read(lambda s: nets.network_by_name(s, text).id)

    def budget_line_of(self, *, project_id: int, funding_source_id: int) -> int | None:
        """The project's (first) budget line for the source, if it has one."""
        from coordinator.models import BudgetLine

        return self._read(lambda s: s.scalar(select(BudgetLine.id).where(
            BudgetLine.project_id == project_id, BudgetLine.funding_source_id == funding_source_id)
            .order_by(BudgetLine.id).limit(1)))

    def project_budget(self, project_id: int) -> Budget:
        return self._read(lambda s: money.budget(s, project_id))
