"""Organisation numbers per country and phone numbers, as a coordinator types them."""

from __future__ import annotations

import pytest

from coordinator.i18n import use_language
from coordinator.validation import is_valid_org_number, normalise_org_number, normalise_phone


@pytest.mark.parametrize(("country", "typed", "stored"), [
    ("SE", "5560360793", "556036-0793"),
    ("SE", "556036-0793", "556036-0793"),
    ("PL", "8567346215", "856-734-62-15"),
    ("PL", "856-734-62-15", "856-734-62-15"),
    ("PL", "192598184", "192598184"),        # REGON, 9 digits
    ("RU", "7707083893", "7707083893"),      # INN of a legal entity
    ("RU", "500100732259", "500100732259"),  # INN of a person (12 digits)
])
def test_valid_numbers_are_accepted_and_written_the_usual_way(country, typed, stored):
    assert normalise_org_number(typed, country) == stored


@pytest.mark.parametrize(("country", "typed"), [
    ("SE", "5560360794"),   # wrong check digit
    ("SE", "55603607"),     # too short
    ("PL", "8567346216"),   # wrong NIP check digit
    ("PL", "192598185"),    # wrong REGON check digit
    ("RU", "7707083894"),   # wrong INN check digit
    ("RU", "77070838"),
])
def test_invalid_numbers_are_refused(country, typed):
    assert not is_valid_org_number(typed, country)


def test_the_refusal_is_translated_and_names_the_value():
    with use_language("sv"), pytest.raises(ValueError) as error:
        normalise_org_number("5560360794", "SE")
    assert "5560360794" in str(error.value)


def test_phone_numbers_are_stored_in_international_form():
    assert normalise_phone("070-123 45 67", "SE") == "+46 70 123 45 67"
    assert normalise_phone("+48 601 234 567", "PL").startswith("+48 601")
    with pytest.raises(ValueError):
        normalise_phone("call me", "SE")
