"""Checking what people type: organisation numbers per country, phone numbers, e-mail addresses.

Organisation numbers use python-stdnum: Swedish organisationsnummer, Polish NIP or REGON,
Russian INN. Phone numbers use phonenumbers, in the profile's country by default.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip, regon
from stdnum.ru import inn
from stdnum.se import orgnr

from coordinator.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_org_number(value: str, country: str) -> str:
    """Return the number in its usual written form, or raise ValueError with a translated message."""
    text = (value or "").strip()
    country = (country or "").upper()
    try:
        if country == "SE":
            return orgnr.format(orgnr.validate(text))
        if country == "PL":
            digits = re.sub(r"[\s\-]", "", text)
            if len(digits) == 10:
                return nip.format(nip.validate(digits))
            if len(digits) in (9, 14):
                return regon.validate(digits)
            raise stdnum_errors.InvalidLength()
        if country == "RU":
            return inn.validate(text)
    except stdnum_errors.ValidationError as exc:
        raise ValueError(_org_number_message(country, text)) from exc
    return text


def _org_number_message(country: str, text: str) -> str:
    if country == "SE":
        return _("“{value}” is not a valid Swedish organisation number (NNNNNN-NNNN).").format(value=text)
    if country == "PL":
        return _("“{value}” is not a valid Polish NIP (10 digits) or REGON (9 or 14 digits).").format(value=text)
    return _("“{value}” is not a valid Russian INN (10 or 12 digits).").format(value=text)


def is_valid_org_number(value: str, country: str) -> bool:
    try:
        normalise_org_number(value, country)
    except ValueError:
        return False
    return True


def normalise_phone(value: str, country: str) -> str:
    """International form (+46 70 123 45 67), or raise ValueError with a translated message."""
    text = (value or "").strip()
    try:
        number = phonenumbers.parse(text, (country or "SE").upper())
    except phonenumbers.NumberParseException as exc:
        raise ValueError(_("“{value}” is not a phone number.").format(value=text)) from exc
    if not phonenumbers.is_possible_number(number):
        raise ValueError(_("“{value}” is not a phone number.").format(value=text))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(value: str) -> str:
    text = (value or "").strip()
    if not _EMAIL.match(text):
        raise ValueError(_("“{value}” is not an e-mail address.").format(value=text))
    return text
