"""The cluster report: members by kind, sector and role, what each did this year, agreements and budgets."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.clusters import networks as nets
from coordinator.clusters.contact_log import agreement_view
from coordinator.clusters.projects import budget
from coordinator.documents.job import Document, Job
from coordinator.documents.page import LANDSCAPE_WIDTH, data_table, esc, styles
from coordinator.documents.scope import Scope
from coordinator.errors import UserError
from coordinator.formatting import (
    format_date,
    format_money,
    format_number,
    format_school_year,
    format_share,
)
from coordinator.i18n import _, pgettext
from coordinator.models import Agreement, BudgetLine, Network, OrganisationKind, Project
from coordinator.reference.sectors import sector_label


def _kind_label(kind: str) -> str:
    return OrganisationKind(kind).label if kind in {k.value for k in OrganisationKind} else _("School")


def _counts(title: str, heading: str, counter: Counter[str]) -> list[Flowable]:
    rows = [(label, format_number(n)) for label, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]
    table = data_table([heading, _("Members")], rows, [0.5, 0.15], numeric=(1,), total_width=LANDSCAPE_WIDTH)
    table.hAlign = "LEFT"
    return [Paragraph(esc(title), styles().h3), table]


def _money_given(session: Session, scope: Scope) -> dict[int, str]:
    """Per financier, what its budget lines in projects running in the year have spent, in each currency."""
    running = ((Project.starts_on.is_(None)) | (Project.starts_on <= scope.year_end)) & (
        (Project.ends_on.is_(None)) | (Project.ends_on >= scope.year_start))
    given: dict[int, list[str]] = {}
    for financier, currency, spent in session.execute(
            select(BudgetLine.financier_id, Project.currency, func.sum(BudgetLine.spent_minor))
            .join(Project, Project.id == BudgetLine.project_id)
            .where(BudgetLine.financier_id.is_not(None), running)
            .group_by(BudgetLine.financier_id, Project.currency).order_by(Project.currency)):
        if spent:
            given.setdefault(financier, []).append(format_money(int(spent), currency))
    return {financier: "; ".join(amounts) for financier, amounts in given.items()}


def _members(session: Session, scope: Scope, network: Network, job: Job) -> list[Flowable]:
    st = styles()
    rows = nets.members(session, network.id)
    story: list[Flowable] = [Paragraph(esc(_("Network: {name}").format(name=network.name)), st.h2)]
    if network.description:
        story.append(Paragraph(esc(network.description), st.body))
    story.append(Paragraph(esc(_("Members: {n}").format(n=format_number(len(rows)))), st.body))
    if not rows:
        return story
    story += _counts(_("Members by role"), _("Role in the network"), Counter(r.role for r in rows))
    story += _counts(_("Members by kind"), _("Kind"), Counter(_kind_label(r.kind) for r in rows))
    story += _counts(_("Members by sector"), _("Sector"),
                     Counter(sector_label(r.sector) if r.sector else "–" for r in rows))
    story.append(Paragraph(esc(_("What each member did in {year}").format(year=format_school_year(scope.year))),
                           st.h3))
    table = []
    money = _money_given(session, scope)
    for row in rows:
        job.check()
        done = (nets.contribution(session, row.organisation_id, scope.year_start, scope.year_end)
                if row.organisation_id is not None else nets.Contribution())
        table.append((row.name, row.role, format_date(row.joined_on) if row.joined_on else "–",
                      format_number(done.placements), format_number(done.visits), format_number(done.encounters),
                      format_number(done.trainings), format_number(done.patron_classes),
                      money.get(row.organisation_id or 0, "–")))
    story.append(data_table([_("Member"), _("Role in the network"), _("Joined"), _("Placements"),
                             _("Study visits"), _("Encounters"), _("Trainings"), _("Patron classes"),
                             _("Money given")], table,
                            [0.18, 0.12, 0.08, 0.07, 0.11, 0.1, 0.12, 0.09, 0.13], numeric=(3, 4, 5, 6, 7, 8),
                            total_width=LANDSCAPE_WIDTH))
    return story


def _agreements(session: Session) -> list[Flowable]:
    agreements = session.scalars(select(Agreement).order_by(Agreement.starts_on, Agreement.id))
    views = [agreement_view(session, a) for a in agreements]
    if not views:
        return []
    rows = [(v.organisation, v.kind.label, v.party,
             " – ".join(format_date(d) for d in (v.starts_on, v.ends_on) if d), v.status.label,
             "; ".join(v.commitments)) for v in sorted(views, key=lambda v: (v.kind.value, v.organisation))]
    return [Paragraph(esc(_("Patron classes and agreements")), styles().h2),
            data_table([_("Organisation"), _("Kind"), pgettext("agreement", "With"), _("Period"), _("Status"),
                        _("Commitments")], rows, [0.18, 0.14, 0.2, 0.14, 0.1, 0.24], total_width=LANDSCAPE_WIDTH)]


def _budgets(session: Session) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    for project in session.scalars(select(Project).order_by(Project.name, Project.id)):
        found = budget(session, project.id)
        if not story:
            story.append(Paragraph(esc(_("Budget by source")), st.h2))
        story.append(Paragraph(esc(_("Project: {name}").format(name=found.project)), st.h3))
        cur = found.currency
        rows = [(line.source, line.financier or "", format_money(line.planned_minor, cur),
                 format_money(line.spent_minor, cur), format_share(line.share)) for line in found.lines]
        rows.append((_("Total"), "", format_money(found.planned_minor, cur), format_money(found.spent_minor, cur),
                     format_share(1 if found.planned_minor else 0)))
        story.append(data_table([_("Funding source"), _("Financier"), _("Planned"), _("Spent"), _("Share")], rows,
                                [0.25, 0.25, 0.19, 0.19, 0.12], numeric=(2, 3, 4), total_width=LANDSCAPE_WIDTH))
    return story


def build(session: Session, scope: Scope, job: Job) -> Document:
    networks = list(session.scalars(select(Network).order_by(Network.name, Network.id)))
    has_projects = session.scalar(select(Project.id).limit(1)) is not None
    if not networks and not has_projects:
        raise UserError(_("Nothing to print: there is no network and no project."))
    st = styles()
    story: list[Flowable] = [Paragraph(esc(_("Cluster report")), st.title),
                             Paragraph(esc(_("School year: {year}").format(year=format_school_year(scope.year))),
                                       st.body), Spacer(1, 6)]
    for index, network in enumerate(networks, start=1):
        story += _members(session, scope, network, job)
        story.append(job.mark(index, len(networks)))
    story += _agreements(session)
    story += _budgets(session)
    return Document(title=_("Cluster report"), story=story, start_landscape=True)
