"""The offer form round-trips: written for an employer, filled in as one would, read back as an offer."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from coordinator.matching.offer_form import write_offer_form
from coordinator.models import Contact, Offer, Organisation
from coordinator.transfer import analyse_file, apply_import

FIRST, LAST = dt.date(2027, 4, 12), dt.date(2027, 4, 16)


def _employer_fills_in(path, *, places: int, fits: str, minimum_age: int) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet["C2"], sheet["F2"], sheet["G2"], sheet["K2"] = places, fits, minimum_age, "Skyddsskor behövs"
    workbook.save(path)


@pytest.mark.parametrize("language", ["sv", "pl", "ru", "en"])
def test_the_form_is_written_in_the_contacts_language_filled_in_and_read_back(
    small_store, tmp_path, language
):
    with small_store.session() as session:
        organisation = session.scalars(
            select(Organisation).where(Organisation.org_number.is_not(None))
        ).first()
        contact = session.scalars(select(Contact).where(Contact.organisation_id == organisation.id)).first()
        contact.language = language
        session.flush()
        out = tmp_path / f"offer-{language}.xlsx"
        used = write_offer_form(
            session, organisation_id=organisation.id, first_day=FIRST, last_day=LAST, out=out
        )
        name, number = organisation.name, organisation.org_number
    assert used == language
    headers = [cell.value for cell in openpyxl.load_workbook(out).worksheets[0][1]]
    expected = {"sv": "Platser", "pl": "Miejsca", "ru": "Места", "en": "Places"}[language]
    assert expected in headers
    _employer_fills_in(out, places=3, fits="C;F", minimum_age=15)
    plan = analyse_file(out, "offers", profile="se")
    assert plan.problems == []
    with small_store.session() as session:
        result = apply_import(session, plan)
        assert (result.created, result.problems) == (1, [])
        offer = session.scalars(
            select(Offer)
            .join(Organisation)
            .where(Organisation.org_number == number, Offer.first_day == FIRST)
        ).one()
        assert (offer.places, offer.fits, offer.minimum_age, offer.last_day) == (3, "C;F", 15, LAST)
        assert offer.organisation.name == name and offer.contact_id == contact.id
        assert offer.notes == "Skyddsskor behövs"
