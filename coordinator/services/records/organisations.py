"""Organisations (companies, schools, public employers, …) and their contact persons."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.i18n import N_
from coordinator.models import Contact, Organisation, OrganisationKind
from coordinator.reference.sectors import SECTION_CODES, sector_label
from coordinator.services.records.base import (
    CHOICE,
    INT,
    LONGTEXT,
    REF,
    ColumnSpec,
    FieldSpec,
    RecordKind,
    _label_choices,
)
from coordinator.settings import get_setting
from coordinator.validation import normalise_email, normalise_org_number, normalise_phone


def country_of(session: Session) -> str:
    return (get_setting(session, "country", "SE") or "SE").upper()


def check_contact_fields(values: dict[str, Any], problems: dict[str, str], country: str,
                         phone: str = "phone", email: str = "email") -> None:
    """Normalise a phone number and an e-mail address in place, or say what is wrong with them."""
    if values.get(phone):
        try:
            values[phone] = normalise_phone(values[phone], country)
        except ValueError as exc:
            problems[phone] = str(exc)
    if values.get(email):
        try:
            values[email] = normalise_email(values[email])
        except ValueError as exc:
            problems[email] = str(exc)


def _sectors(_session: Session) -> list[tuple[Any, str]]:
    return [(None, "—")] + [(code, sector_label(code)) for code in SECTION_CODES]


class OrganisationKindSpec(RecordKind):
    key = "organisations"
    choice_filter = ("kind", N_("Kind"), _label_choices(OrganisationKind))
    model = Organisation
    title = N_("Organisations")
    singular = N_("Organisation")
    fields = (
        FieldSpec("name", N_("Name"), required=True),
        FieldSpec("kind", N_("Kind"), CHOICE, required=True, choices=_label_choices(OrganisationKind),
                  default=lambda s: OrganisationKind.COMPANY.value),
        FieldSpec("org_number", N_("Organisation number")),
        FieldSpec("sector_code", N_("Sector"), CHOICE, choices=_sectors),
        FieldSpec("address", N_("Address")),
        FieldSpec("postal_code", N_("Postal code")),
        FieldSpec("town", N_("Town")),
        FieldSpec("municipality", N_("Municipality")),
        FieldSpec("phone", N_("Phone")),
        FieldSpec("email", N_("E-mail")),
        FieldSpec("website", N_("Website")),
        FieldSpec("places_offered", N_("Placements offered"), INT, minimum=0, maximum=1000,
                  default=lambda s: 0),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )

    def columns(self) -> tuple[ColumnSpec, ...]:
        o = Organisation
        return (
            ColumnSpec("name", N_("Name"), o.name, searchable=True),
            ColumnSpec("kind", N_("Kind"), o.kind, CHOICE),
            ColumnSpec("org_number", N_("Organisation number"), o.org_number, searchable=True),
            ColumnSpec("sector_code", N_("Sector"), o.sector_code, "sector"),
            ColumnSpec("town", N_("Town"), o.town, searchable=True),
            ColumnSpec("phone", N_("Phone"), o.phone, searchable=True),
            ColumnSpec("places_offered", N_("Places"), o.places_offered, INT),
        )

    def check(self, session, values, problems, record_id) -> None:
        country = country_of(session)
        if values.get("org_number"):
            try:
                values["org_number"] = normalise_org_number(values["org_number"], country)
            except ValueError as exc:
                problems["org_number"] = str(exc)
        check_contact_fields(values, problems, country)
        if values.get("places_offered") is None:
            values["places_offered"] = 0

    def column_values(self, session, values):
        out = super().column_values(session, values)
        out["kind"] = OrganisationKind(out["kind"])
        out["country"] = country_of(session)
        return out

    def display_expr(self):
        return Organisation.name


class ContactKindSpec(RecordKind):
    key = "contacts"
    model = Contact
    title = N_("Contacts")
    singular = N_("Contact person")
    fields = (
        FieldSpec("first_name", N_("First name"), required=True),
        FieldSpec("last_name", N_("Last name"), required=True),
        FieldSpec("organisation_id", N_("Organisation"), REF, ref="organisations"),
        FieldSpec("role", N_("Role")),
        FieldSpec("phone", N_("Phone")),
        FieldSpec("email", N_("E-mail")),
        FieldSpec("notes", N_("Notes"), LONGTEXT),
    )

    def base_select(self, *exprs, year_id=None):
        return select(Contact.id, *exprs).outerjoin(Organisation, Organisation.id == Contact.organisation_id)

    def tiebreakers(self):
        return (Contact.first_name,)

    def columns(self) -> tuple[ColumnSpec, ...]:
        c = Contact
        return (
            ColumnSpec("last_name", N_("Last name"), c.last_name, searchable=True),
            ColumnSpec("first_name", N_("First name"), c.first_name, searchable=True),
            ColumnSpec("organisation", N_("Organisation"), Organisation.name, searchable=True),
            ColumnSpec("role", N_("Role"), c.role, searchable=True),
            ColumnSpec("phone", N_("Phone"), c.phone, searchable=True),
            ColumnSpec("email", N_("E-mail"), c.email, searchable=True),
        )

    def check(self, session, values, problems, record_id) -> None:
        check_contact_fields(values, problems, country_of(session))

    def display_expr(self):
        return Contact.first_name + " " + Contact.last_name + func.coalesce(
            " (" + select(Organisation.name).where(Organisation.id == Contact.organisation_id)
            .scalar_subquery() + ")", "")


ORGANISATIONS = OrganisationKindSpec()
CONTACTS = ContactKindSpec()

