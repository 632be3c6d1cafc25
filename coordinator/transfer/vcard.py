"""Contact persons as vCard 3.0 cards: one file of them all, or a folder with one file per contact.

Every card carries a UID that stays the same from one export to the next (address books such as
khard refuse a card without one, and an import updates rather than duplicates a card it knows) and a
REV, the time the contact last changed. Phone numbers are written in international form
(+46 70 123 45 67), read in the organisation's country, or the database's, when written without one.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import Contact, Organisation
from coordinator.settings import country_code
from coordinator.validation import check_file_name

# The namespace of the cards' UIDs: a contact's UID is derived from it, its id and when it was created.
_UID_NAMESPACE = uuid.UUID("8d0c7a5e-2f4b-5b1e-9a61-3c2f0b7d4e10")


@dataclass(frozen=True)
class Card:
    uid: str
    text: str  # the whole card, folded, CRLF line ends


def contact_uid(contact_id: int, created_at: dt.datetime | None) -> str:
    """A UID that is the same at every export of one contact and differs between contacts and databases."""
    made = created_at.isoformat() if created_at is not None else ""
    return str(uuid.uuid5(_UID_NAMESPACE, f"contact/{contact_id}/{made}"))


def international_phone(raw: str, country: str) -> tuple[str, bool]:
    """A phone number in international form and whether it is a mobile; as written if it cannot be read."""
    try:
        number = phonenumbers.parse(raw, country.upper() or None)
    except phonenumbers.NumberParseException:
        return raw, False
    if not phonenumbers.is_possible_number(number):
        return raw, False
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), mobile


def _rev(value: dt.datetime | None) -> str:
    stamp = value or dt.datetime(1970, 1, 1)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return stamp.strftime("%Y%m%dT%H%M%SZ")  # a machine's stamp (RFC 6350), not a date a person reads


def contact_cards(session: Session) -> list[Card]:
    """Every contact person's card, sorted by last and first name."""
    home = country_code(session)
    query = (select(Contact, Organisation.name, Organisation.country)
             .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
             .order_by(Contact.last_name, Contact.first_name, Contact.id))
    return [_card(contact, org_name, org_country or home) for contact, org_name, org_country in session.execute(query)]


def _card(contact: Contact, org_name: str | None, country: str) -> Card:
    uid = contact_uid(contact.id, contact.created_at)
    first, last = contact.first_name or "", contact.last_name or ""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:urn:uuid:{uid}", f"N:{_vc(last)};{_vc(first)};;;",
             f"FN:{_vc((first + ' ' + last).strip())}"]
    if org_name:
        lines.append(f"ORG:{_vc(org_name)}")
    if contact.role:
        lines.append(f"TITLE:{_vc(contact.role)}")
    if contact.phone:
        phone, mobile = international_phone(contact.phone, country)
        lines.append(f"TEL;TYPE={'CELL' if mobile else 'WORK,VOICE'}:{_vc(phone)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vc(contact.email)}")
    if contact.notes:
        lines.append(f"NOTE:{_vc(contact.notes)}")
    lines += [f"REV:{_rev(contact.updated_at)}", "END:VCARD"]
    return Card(uid, "".join(_fold(line) + "\r\n" for line in lines))


def card_folder(folder: Path) -> Path:
    """The folder for one file per contact: made if missing (its parent must exist), refused if a file."""
    folder = Path(folder)
    check_file_name(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(_("{path} is a file; give the name of a folder for the cards.").format(path=folder))
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=parent))
    return folder


def _vc(text: str) -> str:
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", "\\\\n", text)


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)
