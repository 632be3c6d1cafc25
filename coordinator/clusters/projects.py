"""Projects and their budgets: lines per funding source, planned and spent, costs, and co-financing shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError, UserError
from coordinator.i18n import _
from coordinator.models import BudgetLine, Cost, FundingKind, FundingSource, Organisation, Project
from coordinator.money import CURRENCY_OF_COUNTRY, shares
from coordinator.clusters.networks import country, fold


def funding_sources(session: Session, country_code: str | None = None) -> list[FundingSource]:
    wanted = (country_code or country(session)).upper()
    return list(session.scalars(select(FundingSource).where(FundingSource.country == wanted)
                                .order_by(FundingSource.position, FundingSource.id)))


def find_source(session: Session, text: str) -> FundingSource:
    """The profile country's funding source named by its name or its kind in any language."""
    from coordinator.clusters.contact_log import parse_choice

    own = funding_sources(session)
    found = next((s for s in own if fold(s.name) == fold(text)), None)
    if found is None:
        kind = parse_choice(FundingKind, text, None)
        found = next((s for s in own if s.kind == kind), None)
    if found is None:
        raise NotFoundError(_("“{text}” is not a funding source; use one of: {names}.").format(
            text=text, names=", ".join(s.name for s in own)))
    return found


def project_named(session: Session, text: str) -> Project:
    """The project with this name (case aside) or number; NotFoundError naming the projects there are."""
    wanted = fold(text)
    projects = list(session.scalars(select(Project).order_by(Project.name)))
    found = next((p for p in projects if fold(p.name) == wanted or str(p.id) == text.strip()), None)
    if found is None:
        raise NotFoundError(_("There is no project “{text}”; the projects are: {names}.").format(
            text=text, names=", ".join(p.name for p in projects) or "–"))
    return found


def add_project(session: Session, *, name: str, starts_on: dt.date | None = None, ends_on: dt.date | None = None,
                owner_organisation_id: int | None = None, network_id: int | None = None,
                goal_id: int | None = None, currency: str | None = None) -> Project:
    if not name.strip():
        raise UserError(_("A project needs a name."))
    if starts_on and ends_on and ends_on < starts_on:
        raise UserError(_("The end date is before the start date."))
    project = Project(name=name.strip(), starts_on=starts_on, ends_on=ends_on, network_id=network_id,
                      owner_organisation_id=owner_organisation_id, goal_id=goal_id,
                      currency=currency or CURRENCY_OF_COUNTRY.get(country(session), "EUR"))
    session.add(project)
    session.flush()
    return project


def set_budget_line(session: Session, *, project_id: int, funding_source_id: int, planned_minor: int,
                    spent_minor: int | None = 0, financier_id: int | None = None) -> BudgetLine:
    """The project's line for a source (and financier), made or changed; amounts in minor units.

    `spent_minor` None keeps what the line has spent (nothing, for a new line)."""
    for amount in (planned_minor, 0 if spent_minor is None else spent_minor):
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise TypeError("money is kept in integer minor units")
        if amount < 0:
            raise UserError(_("An amount of money cannot be negative."))
    line = session.scalar(select(BudgetLine).where(
        BudgetLine.project_id == project_id, BudgetLine.funding_source_id == funding_source_id,
        BudgetLine.financier_id.is_(None) if financier_id is None else BudgetLine.financier_id == financier_id))
    if line is None:
        line = BudgetLine(project_id=project_id, funding_source_id=funding_source_id, financier_id=financier_id)
        session.add(line)
    line.planned_minor = planned_minor
    if spent_minor is not None or line.spent_minor is None:
        line.spent_minor = spent_minor or 0
    session.flush()
    return line


def add_cost(session: Session, *, project_id: int, description: str, amount_minor: int,
             date: dt.date | None = None, budget_line_id: int | None = None, activity_kind: str | None = None,
             activity_id: int | None = None, action_id: int | None = None) -> Cost:
    """A cost of the project; paid from a budget line, it adds to that line's spent amount."""
    if not isinstance(amount_minor, int) or isinstance(amount_minor, bool):
        raise TypeError("money is kept in integer minor units")
    cost = Cost(project_id=project_id, description=description, amount_minor=amount_minor, date=date,
                budget_line_id=budget_line_id, activity_kind=activity_kind, activity_id=activity_id,
                action_id=action_id)
    session.add(cost)
    if budget_line_id is not None:
        line = session.get(BudgetLine, budget_line_id)
        if line is None or line.project_id != project_id:
            raise UserError(_("The budget line is not one of this project's."))
        line.spent_minor += amount_minor
    session.flush()
    return cost


@dataclass(frozen=True)
class BudgetRow:
    source: str
    kind: FundingKind
    financier: str | None
    planned_minor: int
    spent_minor: int
    share: Decimal  # of the planned total


@dataclass(frozen=True)
class Budget:
    project: str
    currency: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    lines: tuple[BudgetRow, ...]
    planned_minor: int
    spent_minor: int
    costs_minor: int


def budget(session: Session, project_id: int) -> Budget:
    """The project's budget by source, planned against spent, with each source's share of the plan."""
    project = session.get(Project, project_id)
    if project is None:
        raise NotFoundError(_("There is no project with the number {id}.").format(id=project_id))
    rows = session.execute(
        select(FundingSource.name, FundingSource.kind, Organisation.name, BudgetLine.planned_minor,
               BudgetLine.spent_minor)
        .join(FundingSource, FundingSource.id == BudgetLine.funding_source_id)
        .outerjoin(Organisation, Organisation.id == BudgetLine.financier_id)
        .where(BudgetLine.project_id == project_id)
        .order_by(BudgetLine.planned_minor.desc(), FundingSource.position)).all()
    parts = shares([int(r[3]) for r in rows])
    lines = tuple(BudgetRow(name, kind, financier, int(planned), int(spent), share)
                  for (name, kind, financier, planned, spent), share in zip(rows, parts, strict=True))
    costs = int(session.scalar(select(func.coalesce(func.sum(Cost.amount_minor), 0))
                               .where(Cost.project_id == project_id)) or 0)
    return Budget(project.name, project.currency, project.starts_on, project.ends_on, lines,
                  sum(line.planned_minor for line in lines), sum(line.spent_minor for line in lines), costs)
