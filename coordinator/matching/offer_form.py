"""The offer form: an XLSX sheet per organisation, in its contact's language, that `import offers` reads back.

The first row holds the column headers of an offers file in that language; the second is filled with
what the app knows (the organisation, its number, the period, address and contact person) and leaves
places, programmes or sectors, minimum age, hours and notes for the employer. A second sheet says how
to fill it in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import LANGUAGES, _, get_language, use_language
from coordinator.models import Contact, Organisation
from coordinator.transfer.plan import FIELDS

# The offers file's columns, in the order of the form.
COLUMNS = (
    "organisation",
    "org_number",
    "places",
    "start_date",
    "end_date",
    "fits",
    "minimum_age",
    "hours_per_day",
    "address",
    "contact",
    "notes",
)


def form_language(session: Session, organisation_id: int) -> str:
    """The language of the organisation's first contact person who has one, else the app's."""
    languages = session.scalars(
        select(Contact.language)
        .where(Contact.organisation_id == organisation_id, Contact.language.is_not(None))
        .order_by(Contact.id)
    )
    for language in languages:
        code = (language or "").split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return get_language()


def _known(session: Session, organisation: Organisation, first_day: dt.date, last_day: dt.date) -> dict:
    contact = session.scalars(
        select(Contact).where(Contact.organisation_id == organisation.id).order_by(Contact.id)
    ).first()
    address = ", ".join(
        part for part in (organisation.address, organisation.postal_code, organisation.town) if part
    )
    return {
        "organisation": organisation.name,
        "org_number": organisation.org_number,
        "start_date": first_day,
        "end_date": last_day,
        "address": address or None,
        "contact": f"{contact.first_name} {contact.last_name}" if contact else None,
    }


def organisation_id_of(session: Session, text: str) -> int:
    """The organisation with this number or (case aside) this name; a UserError if none or several."""
    wanted = text.strip()
    found = list(session.scalars(select(Organisation.id).where(Organisation.org_number == wanted)))
    if not found:
        # Compared in Python: SQLite's lower() leaves Cyrillic and Polish letters as they are.
        found = [i for i, name in session.execute(select(Organisation.id, Organisation.name))
                 if name.casefold() == wanted.casefold()]
    if not found:
        raise UserError(_("There is no organisation named or numbered “{text}”.").format(text=wanted))
    if len(found) > 1:
        raise UserError(_("Several organisations are named “{text}”; give its number instead.").format(text=wanted))
    return found[0]


def write_offer_form(
    session: Session,
    *,
    organisation_id: int,
    first_day: dt.date,
    last_day: dt.date,
    out: Path,
    language: str | None = None,
) -> str:
    """Write the form for one organisation and period to `out` (.xlsx); returns the language used."""
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise UserError(_("There is no organisation with id {id}.").format(id=organisation_id))
    language = language or form_language(session, organisation_id)
    known = _known(session, organisation, first_day, last_day)
    labels = {spec.name: spec for spec in FIELDS["offers"]}
    with use_language(language):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Offer")
        sheet.append([labels[name].label for name in COLUMNS])
        sheet.append([known.get(name) for name in COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, name in enumerate(COLUMNS, start=1):
            sheet.cell(row=2, column=column).number_format = (
                "yyyy-mm-dd" if name.endswith("_date") else "General"
            )
            sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = 22
        whole = DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="99",
            allow_blank=True,
            error=_("Write a whole number."),
        )
        sheet.add_data_validation(whole)
        whole.add("C2")
        whole.add("G2")
        help_sheet = workbook.create_sheet(_("How to fill in"))
        for line in (
            _("Write how many pupils you can take during the period, and change the dates if needed."),
            _(
                "Programmes or sectors: the programmes (codes) or sectors (letters A–U) the place suits, "
                "separated by semicolons; leave empty for any pupil."
            ),
            _("Minimum age and hours per day: only if the work asks for them."),
            _("Send the file back as it is; it is read automatically."),
        ):
            help_sheet.append([line])
        help_sheet.column_dimensions["A"].width = 110
        workbook.active = 0
        out.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(out)
    return language
