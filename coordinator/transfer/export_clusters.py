"""The exported rows of networks, agreements, the contact log, projects, action plans and indicators."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from coordinator.i18n import N_, _
from coordinator.models import (
    Action,
    ActionPlan,
    Agreement,
    BudgetLine,
    ContactLogEntry,
    Cost,
    FundingSource,
    Goal,
    Indicator,
    IndicatorValue,
    MemberRole,
    Network,
    NetworkMember,
    Organisation,
    Project,
    School,
    SchoolClass,
    SchoolYear,
)
from coordinator.money import to_decimal

TITLES: dict[str, str] = {
    "networks": N_("Network members"), "agreements": N_("Agreements"), "contact-log": N_("Contact log"),
    "projects": N_("Budget lines"), "costs": N_("Costs"), "action-plans": N_("Action plans"),
    "indicators": N_("Indicators"),
}

_LABELS: dict[str, str] = {
    "network": N_("Network"), "member": N_("Member"), "role": N_("Role in the network"), "joined": N_("Joined"),
    "left": N_("Left"), "kind": N_("Kind"), "organisation": N_("Organisation"), "school": N_("School"),
    "class": N_("Class"), "title": N_("Title"), "start_date": N_("Start date"), "end_date": N_("End date"),
    "status": N_("Status"), "commitments": N_("Commitments"), "date": N_("Date"), "channel": N_("Channel"),
    "who": N_("Who"), "asked": N_("Asked"), "promised": N_("Promised"), "answer": N_("Answer"),
    "follow_up": N_("Follow-up"), "project": N_("Project"), "currency": N_("Currency"),
    "source": N_("Funding source"), "financier": N_("Financier"), "planned": N_("Planned"), "spent": N_("Spent"),
    "description": N_("Description"), "amount": N_("Amount"), "plan": N_("Action plan"), "year": N_("School year"),
    "goal": N_("Goal"), "action": N_("Action"), "due": N_("Due"), "name": N_("Name"), "target": N_("Target"),
    "value": N_("Value"), "unit": N_("Unit"),
}


def _headers(keys: list[str]) -> dict[str, str]:
    return {key: _(_LABELS[key]) for key in keys}


def _networks(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(Network.name, Organisation.name, School.name, MemberRole.name, NetworkMember.joined_on,
                    NetworkMember.left_on)
             .join(NetworkMember, NetworkMember.network_id == Network.id)
             .join(MemberRole, MemberRole.id == NetworkMember.role_id)
             .outerjoin(Organisation, Organisation.id == NetworkMember.organisation_id)
             .outerjoin(School, School.id == NetworkMember.school_id)
             .order_by(Network.name, MemberRole.position, Organisation.name, School.name))
    rows = [{"network": n, "member": org or school, "role": role, "joined": joined, "left": left}
            for n, org, school, role, joined, left in session.execute(query)]
    return _headers(["network", "member", "role", "joined", "left"]), rows


def _agreements(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(Agreement, Organisation.name, School.name, SchoolClass.name, Network.name)
             .join(Organisation, Organisation.id == Agreement.organisation_id)
             .outerjoin(School, School.id == Agreement.school_id)
             .outerjoin(SchoolClass, SchoolClass.id == Agreement.class_id)
             .outerjoin(Network, Network.id == Agreement.network_id)
             .order_by(Organisation.name, Agreement.starts_on))
    rows = [{"kind": a.kind.label, "organisation": org, "school": school, "class": cls, "network": net,
             "title": a.title, "start_date": a.starts_on, "end_date": a.ends_on, "status": a.status.label,
             "commitments": "; ".join(a.commitments.splitlines())}
            for a, org, school, cls, net in session.execute(query)]
    return _headers(["kind", "organisation", "school", "class", "network", "title", "start_date", "end_date",
                     "status", "commitments"]), rows


def _contact_log(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(ContactLogEntry, Organisation.name)
             .join(Organisation, Organisation.id == ContactLogEntry.organisation_id)
             .order_by(ContactLogEntry.date, Organisation.name))
    rows = [{"organisation": org, "date": e.date, "channel": e.channel.label, "who": e.who, "asked": e.asked,
             "promised": e.promised, "answer": e.answer.label, "follow_up": e.follow_up_on}
            for e, org in session.execute(query)]
    return _headers(["organisation", "date", "channel", "who", "asked", "promised", "answer", "follow_up"]), rows


def _projects(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    financier = aliased(Organisation)
    query = (select(Project, FundingSource.name, financier.name, BudgetLine.planned_minor, BudgetLine.spent_minor)
             .outerjoin(BudgetLine, BudgetLine.project_id == Project.id)
             .outerjoin(FundingSource, FundingSource.id == BudgetLine.funding_source_id)
             .outerjoin(financier, financier.id == BudgetLine.financier_id)
             .order_by(Project.name, BudgetLine.planned_minor.desc()))
    rows = [{"project": p.name, "start_date": p.starts_on, "end_date": p.ends_on, "currency": p.currency,
             "source": source, "financier": fin,
             "planned": to_decimal(planned, p.currency) if planned is not None else None,
             "spent": to_decimal(spent, p.currency) if spent is not None else None}
            for p, source, fin, planned, spent in session.execute(query)]
    return _headers(["project", "start_date", "end_date", "currency", "source", "financier", "planned",
                     "spent"]), rows


def _costs(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(Cost, Project.name, Project.currency).join(Project, Project.id == Cost.project_id)
             .order_by(Project.name, Cost.date))
    rows = [{"project": name, "date": c.date, "description": c.description, "currency": currency,
             "amount": to_decimal(c.amount_minor, currency)} for c, name, currency in session.execute(query)]
    return _headers(["project", "date", "description", "currency", "amount"]), rows


def _action_plans(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(ActionPlan.title, SchoolYear.label, Goal.title, Action)
             .join(SchoolYear, SchoolYear.id == ActionPlan.school_year_id)
             .join(Goal, Goal.plan_id == ActionPlan.id).join(Action, Action.goal_id == Goal.id)
             .order_by(SchoolYear.label, ActionPlan.title, Goal.position, Action.position))
    rows = [{"plan": plan, "year": year, "goal": goal, "action": a.title, "due": a.due_date,
             "status": a.status.label} for plan, year, goal, a in session.execute(query)]
    return _headers(["plan", "year", "goal", "action", "due", "status"]), rows


def _indicators(session: Session) -> tuple[dict[str, str], list[dict[str, Any]]]:
    query = (select(Indicator, SchoolYear.label, IndicatorValue.value)
             .outerjoin(IndicatorValue, IndicatorValue.indicator_id == Indicator.id)
             .outerjoin(SchoolYear, SchoolYear.id == IndicatorValue.school_year_id)
             .order_by(Indicator.position, Indicator.id, SchoolYear.label))
    rows = [{"name": i.name, "unit": i.unit, "target": i.target, "year": year, "value": value}
            for i, year, value in session.execute(query)]
    return _headers(["name", "unit", "target", "year", "value"]), rows


BUILDERS = {"networks": _networks, "agreements": _agreements, "contact-log": _contact_log, "projects": _projects,
            "costs": _costs, "action-plans": _action_plans, "indicators": _indicators}
