"""`coordinator project …` and `coordinator funding-source …`: projects, their budget by source, and spending.

Amounts are typed as people write them ('100 000 000', '1 234,50', '1,234.50') and kept exactly, in
minor units of the project's currency; a share is each source's part of the planned total.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.matching_commands import day_value
from coordinator.cli.option_types import BoundedText
from coordinator.desk import write_lock
from coordinator.formatting import format_date, format_money, format_percent
from coordinator.i18n import _
from coordinator.enums import FundingKind

FUNDING_KINDS = [kind.value for kind in FundingKind]


def _amount(desk: Any, project_id: int, text: str | None, option: str) -> int | None:
    """Typed money as minor units of the project's currency; a usage error naming the option if it is not."""
    from coordinator.errors import UserError
    from coordinator.money import parse_amount

    if text is None:
        return None
    currency = desk.record("projects", project_id).values["currency"]
    try:
        return parse_amount(text, currency)
    except UserError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _project_values(desk: Any, name: str | None, first: dt.date | None, last: dt.date | None,
                    network: str | None, currency: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if name is not None:
        values["name"] = name
    if first is not None:
        values["starts_on"] = first
    if last is not None:
        values["ends_on"] = last
    if network is not None:
        values["network_id"] = desk.network_id_of(network) if network else None
    if currency is not None:
        values["currency"] = currency.upper()
    return values


def _project_options(command):
    for decorator in reversed((
        click.option("--from", "first", metavar="DATE", callback=day_value, help="First day (YYYY-MM-DD)."),
        click.option("--to", "last", metavar="DATE", callback=day_value, help="Last day (YYYY-MM-DD)."),
        click.option("--network", type=BoundedText("organisation"), help="The network (cluster) it belongs to."),
        click.option("--currency", type=BoundedText("currency"), help="Currency code, like SEK (default: the profile's)."),
    )):
        command = decorator(command)
    return command


@click.group("project")
def project_group() -> None:
    """Projects and their budgets: create and edit them, plan money by source, record spending."""


@project_group.command("add")
@click.argument("name", type=BoundedText("project"))
@_project_options
@pass_cli
def project_add(cli: CliContext, name: str, first: dt.date | None, last: dt.date | None, network: str | None,
                currency: str | None) -> None:
    """Create a project called NAME."""
    with write_lock(cli.db), cli.open() as desk:
        values = {**desk.new_record("projects").values, **_project_values(desk, name, first, last, network,
                                                                             currency)}
        desk.create_record("projects", values)
    click.echo(_("Project created: {name}.").format(name=name))


@project_group.command("edit")
@click.argument("project", type=BoundedText("project"))
@click.option("--name", type=BoundedText("project"), help="A new name.")
@_project_options
@pass_cli
def project_edit(cli: CliContext, project: str, name: str | None, first: dt.date | None, last: dt.date | None,
                 network: str | None, currency: str | None) -> None:
    """Change a PROJECT (name or number): its name, dates, network or currency."""
    with write_lock(cli.db), cli.open() as desk:
        project_id = desk.project_id_of(project)
        values = {**desk.record("projects", project_id).values,
                  **_project_values(desk, name, first, last, network, currency)}
        desk.update_record("projects", project_id, values)
    click.echo(_("Project saved: {name}.").format(name=values["name"]))


@project_group.command("budget")
@click.argument("project", type=BoundedText("project"))
@click.option("--source", required=True, type=BoundedText("organisation"),
              help="Funding source, by its name or kind (state, region, municipality, employer, eu_fund, foundation).")
@click.option("--planned", required=True, metavar="AMOUNT", type=BoundedText("amount"), help="Planned amount.")
@click.option("--spent", metavar="AMOUNT", type=BoundedText("amount"),
              help="Spent amount (default: as it is; costs recorded with `project spend` add to it).")
@click.option("--financier", type=BoundedText("organisation"), help="The organisation giving the money (name or number).")
@pass_cli
def project_budget(cli: CliContext, project: str, source: str, planned: str, spent: str | None,
                   financier: str | None) -> None:
    """Set the PROJECT's budget line for one funding source (made if there is none)."""
    with write_lock(cli.db), cli.open() as desk:
        project_id = desk.project_id_of(project)
        desk.set_budget_line(project_id=project_id, funding_source_id=desk.funding_source_id_of(source),
                             planned_minor=_amount(desk, project_id, planned, "--planned"),
                             spent_minor=_amount(desk, project_id, spent, "--spent"),
                             financier_id=desk.organisation_id_of(financier) if financier else None)
        _print_budget(desk.project_budget(project_id))


@project_group.command("spend")
@click.argument("project", type=BoundedText("project"))
@click.option("--amount", required=True, metavar="AMOUNT", type=BoundedText("amount"), help="What it cost.")
@click.option("--description", required=True, type=BoundedText("description"), help="What the money was for.")
@click.option("--source", type=BoundedText("organisation"),
              help="The funding source whose budget line pays it (its spent amount grows).")
@click.option("--date", "day", metavar="DATE", callback=day_value, help="The day of the cost (YYYY-MM-DD).")
@pass_cli
def project_spend(cli: CliContext, project: str, amount: str, description: str, source: str | None,
                  day: dt.date | None) -> None:
    """Record a cost of the PROJECT, paid from one source's budget line if given."""
    with write_lock(cli.db), cli.open() as desk:
        project_id = desk.project_id_of(project)
        line = None
        if source is not None:
            source_id = desk.funding_source_id_of(source)
            line = desk.budget_line_of(project_id=project_id, funding_source_id=source_id)
            if line is None:
                raise click.BadParameter(_("The project has no budget line for this source; set one first "
                                           "with `project budget`."), param_hint="--source")
        desk.add_cost(project_id=project_id, description=description, date=day, budget_line_id=line,
                      amount_minor=_amount(desk, project_id, amount, "--amount"))
        _print_budget(desk.project_budget(project_id))


@project_group.command("list")
@pass_cli
def project_list(cli: CliContext) -> None:
    """The projects, with their planned and spent money."""
    with cli.open() as desk:
        budgets = [desk.project_budget(p.id) for p in desk.projects()]
    for b in budgets:
        period = " – ".join(format_date(d) for d in (b.starts_on, b.ends_on) if d)
        click.echo("\t".join((b.project, period, format_money(b.planned_minor, b.currency),
                              format_money(b.spent_minor, b.currency))))


@project_group.command("show")
@click.argument("project", type=BoundedText("project"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output: a table, or JSON (amounts as exact decimal text).")
@pass_cli
def project_show(cli: CliContext, project: str, fmt: str) -> None:
    """The PROJECT's budget by funding source: planned, spent and each source's share of the plan."""
    with cli.open() as desk:
        budget = desk.project_budget(desk.project_id_of(project))
    if fmt == "json":
        emit_json(_budget_json(budget))
    else:
        _print_budget(budget)


def _budget_json(budget: Any) -> dict[str, Any]:
    from coordinator.money import to_decimal

    def money(minor: int) -> str:
        return str(to_decimal(minor, budget.currency))

    return {"project": budget.project, "currency": budget.currency,
            "lines": [{"source": line.source, "kind": line.kind.value, "financier": line.financier,
                       "planned": money(line.planned_minor), "spent": money(line.spent_minor),
                       "share": str(line.share)} for line in budget.lines],
            "planned": money(budget.planned_minor), "spent": money(budget.spent_minor),
            "costs": money(budget.costs_minor)}


def _print_budget(budget: Any) -> None:
    click.echo(budget.project)
    click.echo("\t".join((_("Funding source"), _("Financier"), _("Planned"), _("Spent"), _("Share"))))
    for line in budget.lines:
        click.echo("\t".join((line.source, line.financier or "–", format_money(line.planned_minor, budget.currency),
                              format_money(line.spent_minor, budget.currency),
                              format_percent(float(line.share), decimals=1))))
    click.echo("\t".join((_("Total"), "", format_money(budget.planned_minor, budget.currency),
                          format_money(budget.spent_minor, budget.currency), "")))


@click.group("funding-source")
def funding_group() -> None:
    """Funding sources of the profile's country (state, region, municipality, employer, EU fund, foundation)."""


@funding_group.command("add")
@click.argument("name", type=BoundedText("project"))
@click.option("--kind", "kind", type=click.Choice(FUNDING_KINDS), required=True, help="What kind of source it is.")
@pass_cli
def funding_add(cli: CliContext, name: str, kind: str) -> None:
    """Add a funding source called NAME."""
    with write_lock(cli.db), cli.open() as desk:
        desk.create_record("funding_sources", {**desk.new_record("funding_sources").values, "name": name,
                                               "kind": kind})
    click.echo(_("Funding source added: {name}.").format(name=name))


@funding_group.command("list")
@pass_cli
def funding_list(cli: CliContext) -> None:
    """The funding sources of the profile's country, in their order."""
    with cli.open() as desk:
        for source in desk.funding_sources():
            click.echo(f"{source.name}\t{FundingKind(source.kind).label}")


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(project_group)
    group.add_command(funding_group)
