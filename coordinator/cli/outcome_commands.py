"""`coordinator stats choices` and `coordinator stats destinations`: outcomes on the command line."""

from __future__ import annotations

import csv
import io
from typing import Any

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.option_types import BoundedText
from coordinator.cli.stats_commands import _suppress_options, _table, _year_option, stats_group
from coordinator.desk.display import format_count, format_rate
from coordinator.i18n import N_, _, ngettext
from coordinator.enums import GENDERS, Gender
from coordinator.reference.outcomes import form_name

_SCHOOL_HELP = "One school by name (default: every school)."
_DESTINATION_HEADS = {
    "graduates": N_("Graduates"), "recorded": N_("Destination recorded"), "employed": N_("Employed"),
    "at_partner": N_("Employed at a partner"), "study": N_("Further study"), "apprenticeship": N_("Apprenticeship"),
    "neet": N_("Not in employment or education"), "unknown": N_("Unknown"),
    "target_training": N_("Target training"),
}


def _num(value: Any) -> Any:
    if value is None:
        return ""
    return round(value, 4) if isinstance(value, float) else value


@stats_group.command("choices")
@_year_option
@click.option("--school", type=BoundedText("school"), metavar="NAME", help=_SCHOOL_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_suppress_options
@pass_cli
def choices_command(cli: CliContext, year: str | None, school: str | None, fmt: str, suppressed: bool,
                    threshold: int) -> None:
    """Leavers' choices of programme per school form, by gender, and the non-traditional share."""
    with cli.open() as desk:
        stats = desk.choice_statistics(year=year, school=school, suppressed=suppressed, threshold=threshold)
    if fmt == "json":
        emit_json(stats)
    elif fmt == "csv":
        click.echo(choices_csv(stats), nl=False)
    else:
        click.echo(choices_table(stats))


def _choice_rows(stats: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(form["form"], form) for form in stats["forms"]] + [("total", stats["total"])]


def choices_csv(stats: dict[str, Any]) -> str:
    """One line per form, the total last, each programme's cells by gender; stable English columns."""
    keys = list(stats["total"]["choices"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["form"] + [f"leavers_{g}" for g in GENDERS] + [f"recorded_{g}" for g in GENDERS]
                    + ["non_traditional_share"] + [f"choice_{k}_{g}" for k in keys for g in GENDERS])
    for label, row in _choice_rows(stats):
        cells = [row["choices"].get(k, dict.fromkeys(GENDERS, 0))[g] for k in keys for g in GENDERS]
        writer.writerow([label] + [_num(row["leavers"][g]) for g in GENDERS]
                        + [_num(row["recorded"][g]) for g in GENDERS]
                        + [_num(row["non_traditional_share"])] + [_num(c) for c in cells])
    return out.getvalue()


def choices_table(stats: dict[str, Any]) -> str:
    genders = [Gender(g).label for g in GENDERS]
    where = stats["school"] or _("all schools")
    lines = [_("Leavers' choices {year}, {where}").format(year=stats["year"], where=where)]
    if not stats["forms"]:
        return "\n".join([*lines, "", _("No school here has leavers.")])
    for label, row in _choice_rows(stats):
        title = _("Total") if label == "total" else form_name(label)
        lines += ["", _("{form}: non-traditional choices {share}").format(
            form=title, share=format_rate(row["non_traditional_share"]))]
        body = [[_("Leavers"), *(format_count(row["leavers"][g]) for g in GENDERS)],
                [_("Recorded choices"), *(format_count(row["recorded"][g]) for g in GENDERS)]]
        body += [[key, *(format_count(cells[g]) for g in GENDERS)] for key, cells in row["choices"].items()]
        lines += _table([_("Programme"), *genders], body)
    return "\n".join(lines)


@stats_group.command("destinations")
@_year_option
@click.option("--school", type=BoundedText("school"), metavar="NAME", help=_SCHOOL_HELP)
@click.option("--months", type=click.Choice(["6", "12"]), default="6", show_default=True,
              help="The follow-up: 6 or 12 months after leaving.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_suppress_options
@pass_cli
def destinations_command(cli: CliContext, year: str | None, school: str | None, months: str, fmt: str,
                         suppressed: bool, threshold: int) -> None:
    """Where the year's graduates are 6 or 12 months on, by programme and gender."""
    with cli.open() as desk:
        stats = desk.destination_statistics(year=year, school=school, months=int(months), suppressed=suppressed,
                                            threshold=threshold)
    if fmt == "json":
        emit_json(stats)
    elif fmt == "csv":
        click.echo(destinations_csv(stats), nl=False)
    else:
        click.echo(destinations_table(stats))


def _destination_rows(stats: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(p["programme"] or "–", p) for p in stats["programmes"]] + [("total", stats["total"])]


def destinations_csv(stats: dict[str, Any]) -> str:
    measures = list(_DESTINATION_HEADS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["programme"] + [f"{m}_{g}" for m in measures for g in GENDERS])
    for label, row in _destination_rows(stats):
        writer.writerow([label] + [_num(row[m][g]) for m in measures for g in GENDERS])
    return out.getvalue()


def destinations_table(stats: dict[str, Any]) -> str:
    genders = [Gender(g).label for g in GENDERS]
    where = stats["school"] or _("all schools")
    lines = [ngettext("Graduates' destinations {year}, {months} month on, {where}",
                      "Graduates' destinations {year}, {months} months on, {where}", stats["months"]).format(
        year=stats["year"], months=stats["months"], where=where)]
    for label, row in _destination_rows(stats):
        body = [[_(head), *(format_count(row[m][g]) for g in GENDERS)] for m, head in _DESTINATION_HEADS.items()]
        lines += ["", *_table([_("Total") if label == "total" else label, *genders], body)]
    return "\n".join(lines)


def register(group: click.Group) -> None:
    """The outcome commands join the `stats` group, which stats_commands registers."""
