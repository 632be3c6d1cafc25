"""Checking what people type: organisation numbers per country, phone numbers, e-mail addresses, paths.

Organisation numbers use python-stdnum: Swedish organisationsnummer, Polish NIP or REGON,
Russian INN. Phone numbers use phonenumbers, in the profile's country by default.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# The longest value a name may have where it is stored (the columns' lengths), for what is typed as an option.
NAME_LIMITS: dict[str, int] = {"school": 200, "school form": 100, "class": 32, "teacher": 201, "grade": 8,
                               "municipality": 100, "year": 16, "date": 32, "encoding": 64, "mapping": 1000,
                               "organisation": 200, "project": 200, "amount": 64, "currency": 8, "description": 200}
LARGEST_ID = 2**63 - 1  # SQLite's integers stop here


def normalise_org_number(value: str, country: str) -> str:
    """Return the number in its usual written form, or raise ValueError with a translated message."""
    from stdnum import exceptions as stdnum_errors  # here, not at the top: every command opens the store
    from stdnum.pl import nip, regon
    from stdnum.ru import inn
    from stdnum.se import orgnr

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
    import phonenumbers  # here, not at the top: sixty modules that only a typed phone number needs

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


def check_database_path(path: Path) -> None:
    """Refuse a database path that leads nowhere (a loop of links) or to a pipe, a device or a folder.

    Only stat(): a pipe would block whoever opens it, and no descriptor of a database may be opened
    outside SQLite (closing it would drop SQLite's locks). A missing file is the caller's to judge.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        raise UserError(_("{path} cannot be reached: {error}.").format(
            path=path, error=getattr(exc, "strerror", None) or exc)) from exc
    if not stat.S_ISREG(mode):
        raise UserError(_("{path} is not an ordinary file (it is a folder, a device or a pipe); give the "
                          "database file.").format(path=path))


def read_only_problem(path: Path) -> str | None:
    """Why a database that failed to open or write is read-only, or None when it is not."""
    if not os.access(path.parent, os.W_OK):
        return _("The folder {folder} cannot be written to, and the database needs to keep its journal beside "
                 "{name}; copy it to a folder you can write to, or ask for write access.").format(
            folder=path.parent, name=path.name)
    if path.exists() and not os.access(path, os.W_OK):
        return _("{name} can only be read (the file is read-only), so nothing was changed; copy it, or ask for "
                 "write access.").format(name=path.name)
    return None


def check_file_name(path: Path) -> None:
    """Refuse a file name with a NUL in it: no system can make one, and os calls fail on it with a traceback."""
    if "\x00" in str(path):
        raise UserError(_("“{name}” holds a NUL character, which no file name can hold.").format(
            name=str(path).replace("\x00", "\\0")))


def check_output_name(out: Path) -> None:
    """Refuse a file name with a NUL in it or one that names a folder."""
    check_file_name(out)
    if out.is_dir():
        raise UserError(_("{path} is a folder; give the name of a file in it.").format(path=out))


def check_output_path(out: Path) -> Path:
    """The folder a file is to be written into; refuses a NUL in the name, a folder as the file, a missing folder."""
    check_output_name(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))
    return folder


def cannot_write(out: Path, exc: OSError) -> UserError:
    """The refusal of an output file the system would not let us write (a read-only folder, /proc, a full disk)."""
    return UserError(_("{path} cannot be written: {error}.").format(path=out, error=exc.strerror or exc))
