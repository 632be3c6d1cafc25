"""`coordinator report KIND --out FILE`: any document as PDF, or the schedule as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.cli.option_types import BoundedText, OutputPath
from coordinator.desk import DOCUMENT_KINDS, DocumentScope
from coordinator.errors import UserError
from coordinator.i18n import _


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(_("“{text}” is not a date; write it like 2027-03-08.").format(text=text)) from None


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    @group.command("report")
    @click.argument("kind", type=click.Choice(DOCUMENT_KINDS))
    @click.option("--out", "out", required=True, type=OutputPath(),
                  help="The file to write: .pdf, or .ics for a schedule's calendar.")
    @click.option("--year", type=BoundedText("year"), help="School year, like 2025/26 (default: the current one).")
    @click.option("--school", type=BoundedText("school"), help="One school by name (default: the whole municipality).")
    @click.option("--class", "class_name", type=BoundedText("class"), help="One class by name.")
    @click.option("--teacher", type=BoundedText("teacher"), help="One teacher by name.")
    @click.option("--grade", type=BoundedText("grade"),
                  help="Every class of one grade (e.g. all grade-8 letters). Where school forms share a grade "
                       "label, add the form's short prefix as the statistics print it ('T3' is technikum grade 3, "
                       "'SP3' primary grade 3) or name the form with --school-form.")
    @click.option("--school-form", "school_form", type=BoundedText("school form"),
                  help="The school form of --grade, by code, short prefix or name (e.g. 'technikum').")
    @click.option("--from", "date_from", type=BoundedText("date"), metavar="DATE", help="First day (YYYY-MM-DD).")
    @click.option("--to", "date_to", type=BoundedText("date"), metavar="DATE", help="Last day (YYYY-MM-DD).")
    @pass_cli
    def report(cli: CliContext, kind: str, out: Path, year: str | None, school: str | None,
               class_name: str | None, teacher: str | None, grade: str | None, school_form: str | None,
               date_from: str | None, date_to: str | None) -> None:
        """Write a document (scorecard, action plan, schedule, letters, gender statistics, certificates)."""
        scope = DocumentScope(year=year, school=school, class_name=class_name, teacher=teacher, grade=grade,
                              date_from=_date(date_from), date_to=_date(date_to), school_form=school_form)
        if out.suffix.lower() not in (".pdf", ".ics"):  # a PDF under another name opens in the wrong program
            raise UserError(_("Choose a file ending in .pdf, or .ics for a schedule (not “{name}”).").format(
                name=out.name))
        if out.suffix.lower() == ".ics":
            with cli.open() as desk:
                if kind != "schedule":
                    raise UserError(_("Only the schedule can be written as a calendar file (.ics)."))
                desk.write_schedule_calendar(out, scope, language=cli.lang)
        else:  # a kept scorecard is printed without opening the desk
            from coordinator.desk.quick_reads import write_document

            write_document(cli.db, kind, out, scope, language=cli.lang)
        click.echo(str(out))
