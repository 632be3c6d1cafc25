"""`coordinator stats gender` and `coordinator stats scorecard`: the statistics contract on the command line."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.option_types import BoundedText
from coordinator.i18n import _
from coordinator.enums import GENDERS, Gender
from coordinator.reference.sectors import SECTION_NAMES
from coordinator.desk.display import (
    format_count,
    format_index,
    format_indicator_value,
    format_rate,
    format_target,
    status_label,
)


@click.group("stats")
def stats_group() -> None:
    """Gender statistics and scorecards for a school year."""


def _year_option(f):
    return click.option("--year", type=BoundedText("year"), metavar="YYYY/YY",
                        help="School year, e.g. 2025/26 (default: the current one).")(f)


def _suppress_options(f):
    f = click.option("--threshold", type=click.IntRange(2, 100), default=5, show_default=True,
                     help="Counts below this are hidden with --suppress (10 for publication).")(f)
    return click.option("--suppress", "suppressed", is_flag=True,
                        help="Hide small numbers, for figures meant for others.")(f)


@stats_group.command("gender")
@_year_option
@click.option("--school", type=BoundedText("school"), metavar="NAME",
              help="One school by name (default: every school).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--by", "by", type=click.Choice(["grade", "programme"]), default="grade", show_default=True,
              help="A row per grade, or per programme (by its national code).")
@_suppress_options
@pass_cli
def gender_command(cli: CliContext, year: str | None, school: str | None, fmt: str, by: str, suppressed: bool,
                   threshold: int) -> None:
    """Pupils, encounter rate, placements by sector and the dissimilarity index, per grade or programme."""
    from coordinator.desk.quick_reads import gender_statistics

    stats = gender_statistics(cli.db, year=year, school=school, suppressed=suppressed, threshold=threshold, by=by)
    if fmt == "json":
        emit_json(stats)
    elif fmt == "csv":
        click.echo(gender_csv(stats), nl=False)
    else:
        click.echo(gender_table(stats))


def _groups(stats: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(label, row) per grade or per programme; pupils without a programme under "–"."""
    if "programmes" in stats:
        return [(p["programme"] or "–", p) for p in stats["programmes"]]
    return [(g["grade"], g) for g in stats["grades"]]


def _rows(stats: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return _groups(stats) + [(_("Total"), stats["total"])]


def gender_csv(stats: dict[str, Any]) -> str:
    """One line per grade and the total; stable English column names, rates as decimals, empty = none."""
    sectors = list(stats["total"]["placements_by_sector"])
    header = (["programme" if "programmes" in stats else "grade"] + [f"pupils_{g}" for g in GENDERS] + [f"encounter_rate_{g}" for g in (*GENDERS, "all")]
              + ["placements", "non_traditional_share", "dissimilarity_index"]
              + [f"sector_{s}_{g}" for s in sectors for g in GENDERS])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)

    def num(value: Any) -> Any:
        if value is None:
            return ""
        return round(value, 4) if isinstance(value, float) else value

    for label, row in _groups(stats) + [("total", stats["total"])]:
        writer.writerow([label] + [num(row["pupils"][g]) for g in GENDERS]
                        + [num(row["encounter_rate"][g]) for g in (*GENDERS, "all")]
                        + [num(row["placements"]), num(row["non_traditional_share"]),
                           num(row["dissimilarity_index"])]
                        + [num(row["placements_by_sector"][s][g]) for s in sectors for g in GENDERS])
    return out.getvalue()


def _table(headers: list[str], rows: list[list[str]], right_from: int = 1) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < right_from else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def gender_table(stats: dict[str, Any]) -> str:
    genders = [Gender(g).label for g in GENDERS]
    group = _("Programme") if "programmes" in stats else _("Grade")
    where = stats["school"] or _("all schools")
    lines = [_("Gender statistics {year}, {where}").format(year=stats["year"], where=where), ""]
    lines.append(_("Pupils"))
    rows = [[label, *(format_count(row["pupils"][g]) for g in GENDERS)] for label, row in _rows(stats)]
    lines += _table([group, *genders], rows)
    lines += ["", _("Encounter rate (pupils with a study visit, placement or encounter)")]
    rows = [[label, *(format_rate(row["encounter_rate"][g]) for g in (*GENDERS, "all"))] for label, row in _rows(stats)]
    lines += _table([group, *genders, _("All")], rows)
    lines += ["", _("Placements")]
    rows = [[label, format_count(row["placements"]), format_rate(row["non_traditional_share"]),
             format_index(row["dissimilarity_index"])] for label, row in _rows(stats)]
    lines += _table([group, _("Placements"), _("Non-traditional"), _("Dissimilarity index")], rows)
    by_sector = stats["total"]["placements_by_sector"]
    if by_sector:
        lines += ["", _("Placements by sector (all grades)")]
        rows = [[f"{code} {_(SECTION_NAMES.get(code, code))}", *(format_count(cells[g]) for g in GENDERS)]
                for code, cells in by_sector.items()]
        lines += _table([_("Sector"), *genders], rows)
    return "\n".join(lines)


@stats_group.command("scorecard")
@_year_option
@click.option("--school", type=BoundedText("school"), metavar="NAME",
              help="One school by name (default: the municipality).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_suppress_options
@pass_cli
def scorecard_command(cli: CliContext, year: str | None, school: str | None, fmt: str, suppressed: bool,
                      threshold: int) -> None:
    """Every indicator with its target, value, last year's value and status."""
    with cli.open() as desk:
        card = desk.scorecard(year=year, school=school, suppressed=suppressed, threshold=threshold)
    if fmt == "json":
        emit_json(dataclasses.asdict(card))
        return
    where = card.school or _("the municipality")
    lines = [_("Scorecard {year}, {where}").format(year=card.year, where=where)]
    last_header = card.last_year_label or _("Last year")
    perspective = None
    rows: list[list[str]] = []
    for line in card.lines:
        if line.perspective != perspective:
            perspective = line.perspective
            rows.append([f"[{line.perspective_label}]", "", "", "", ""])
        rows.append([line.name, format_target(line.unit, line.direction, line.target),
                     format_indicator_value(line.unit, line.value),
                     format_indicator_value(line.unit, line.last_year), status_label(line.status)])
    lines += ["", *_table([_("Indicator"), _("Target"), card.year, last_header, _("Status")], rows)]
    click.echo("\n".join(lines))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(stats_group)
