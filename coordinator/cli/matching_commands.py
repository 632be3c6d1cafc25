"""`coordinator match`: place a grade's pupils at the offered places by their ranked wishes.

The rule (rank-maximal): first, as many pupils placed as possible; then as many as possible on their
first wish; then, keeping that, on their second; and so on. A pupil is placed at a fitting place they
did not wish for only when no wished place can take them. Exit 0 with the result, 1 when refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.option_types import BoundedText, OutputPath
from coordinator.desk import write_lock
from coordinator.formatting import format_date, format_percent
from coordinator.i18n import LANGUAGES, _, ngettext


def day_value(_ctx: click.Context, param: click.Parameter, text: str | None) -> dt.date | None:
    """A click callback: the ISO date of an option, or a usage error naming it."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(
            _("“{text}” is not a date; write it like 2027-03-08.").format(text=text), param=param
        ) from None


def _rank_word(rank: int | None) -> str:
    return _("wish {rank}").format(rank=rank) if rank is not None else _("not wished for")


def _print_table(outcome) -> None:
    summary = outcome.result["summary"]
    click.echo(
        ngettext(
            "Match for {first} – {last}: {placed} of {pupils} pupil placed.",
            "Match for {first} – {last}: {placed} of {pupils} pupils placed.",
            summary["pupils"],
        ).format(
            first=format_date(outcome.first_day),
            last=format_date(outcome.last_day),
            placed=summary["placed"],
            pupils=summary["pupils"],
        )
    )
    for key, count in summary["by_rank"].items():
        label = _("not wished for") if key == "none" else _("wish {rank}").format(rank=key)
        click.echo(f"  {label}: {count}")
    if summary["unplaced"]:
        click.echo(
            "  "
            + ngettext("{count} pupil not placed", "{count} pupils not placed", summary["unplaced"]).format(
                count=summary["unplaced"]
            )
        )
    click.echo(
        _("Non-traditional share: {with_balance} with balance, {without} without.").format(
            with_balance=format_percent(summary["non_traditional_share_with_balance"]),
            without=format_percent(summary["non_traditional_share_without_balance"]),
        )
    )
    click.echo("")
    click.echo("\t".join((_("Pupil id"), _("Class"), _("Workplace"), _("Wish"))))
    for row in sorted(outcome.rows, key=lambda r: (r.class_name, r.rank is None, r.rank or 0, r.pupil)):
        click.echo(
            "\t".join(
                (
                    str(row.pupil),
                    row.class_name,
                    row.organisation_name or "–",
                    _rank_word(row.rank) if row.organisation is not None else _("not placed"),
                )
            )
        )
    explained = [row for row in outcome.rows if row.rank != 1]
    if explained:
        click.echo("")
        click.echo(_("Why not the first wish:"))
    for row in explained:
        click.echo(_("Pupil {id}:").format(id=row.pupil))
        for line in row.explanation:
            click.echo(f"  {line}")


@click.command("match")
@click.option(
    "--from",
    "first_day",
    required=True,
    metavar="DATE",
    callback=day_value,
    help="First day of the placement period (YYYY-MM-DD), as in the offers and wishes.",
)
@click.option(
    "--to",
    "last_day",
    required=True,
    metavar="DATE",
    callback=day_value,
    help="Last day of the placement period (YYYY-MM-DD).",
)
@click.option(
    "--year",
    type=BoundedText("year"),
    help="The school year the pupils are enrolled in (default: the period's).",
)
@click.option(
    "--balance",
    type=click.Choice(["on", "off"]),
    default="off",
    show_default=True,
    help="On: a wish for a sector dominated by the other gender counts one rank better.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Breaks ties between equally good assignments; the same seed gives the same result.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output: a table with explanations, or JSON.",
)
@click.option(
    "--apply",
    "apply_",
    is_flag=True,
    help="Write the assignments as placements with status requested (one transaction).",
)
@pass_cli
def match_command(
    cli: CliContext,
    first_day: dt.date,
    last_day: dt.date,
    year: str | None,
    balance: str,
    seed: int,
    fmt: str,
    apply_: bool,
) -> None:
    """Place the pupils who wished for a period at the places offered for it.

    The rule: first, as many pupils placed as possible; then as many as possible on their first wish;
    then, keeping that, as many as possible on their second; and so on (a rank-maximal assignment).
    A pupil is placed at a fitting place they did not wish for only when no wished place can take
    them. Age, minors' hours, programme and the pupil's other placements must fit; no organisation
    gets more pupils than its places. Without --apply nothing is written.
    """
    options = {
        "first_day": first_day,
        "last_day": last_day,
        "year": year,
        "balance": balance == "on",
        "seed": seed,
    }
    if apply_:
        with write_lock(cli.db), cli.open() as desk:
            outcome, _changes = desk.apply_match(**options)
    else:
        with cli.open() as desk:
            outcome = desk.match(**options)
    if fmt == "json":
        emit_json(outcome.result)
    else:
        _print_table(outcome)
    if apply_:
        click.echo(
            ngettext(
                "{count} placement requested.", "{count} placements requested.", len(outcome.placements)
            ).format(count=len(outcome.placements)),
            err=fmt == "json",
        )


@click.command("offer-form")
@click.argument("organisation", type=BoundedText("organisation"))
@click.option("--from", "first_day", required=True, metavar="DATE", callback=day_value,
              help="First day of the placement period (YYYY-MM-DD).")
@click.option("--to", "last_day", required=True, metavar="DATE", callback=day_value,
              help="Last day of the placement period (YYYY-MM-DD).")
@click.option("--out", "out", required=True, type=OutputPath(), help="The form to write (.xlsx).")
@click.option("--form-lang", "language", type=click.Choice(LANGUAGES),
              help="Language of the form (default: the organisation's contact person's).")
@pass_cli
def offer_form_command(cli: CliContext, organisation: str, first_day: dt.date, last_day: dt.date, out: Path,
                       language: str | None) -> None:
    """Write the offer form for one ORGANISATION (name or number) and period, to send to the employer.

    The XLSX sheet is pre-filled with what the app knows; the employer writes in the places and
    conditions, and the returned file is read as it is by `coordinator import offers FILE`.
    """
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(_("The offer form is an .xlsx file."), param_hint="--out")
    if last_day < first_day:
        raise click.BadParameter(_("The last day is before the first day."), param_hint="--to")
    with cli.open() as desk:
        organisation_id = desk.organisation_id_of(organisation)
        used = desk.write_offer_form(organisation_id=organisation_id, first_day=first_day, last_day=last_day,
                                     out=out, language=language)
    click.echo(_("Offer form written: {path} ({language}).").format(path=out, language=used))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(match_command)
    group.add_command(offer_form_command)
