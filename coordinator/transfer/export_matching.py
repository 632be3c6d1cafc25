"""Offers and wishes exported: offers with the offers file's own headers (they read back), wishes by pupil id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from coordinator.i18n import N_, _
from coordinator.models import Contact, Enrolment, Offer, Organisation, Pupil, SchoolClass, SchoolYear, Wish
from coordinator.transfer.plan import FIELDS

TITLES: dict[str, str] = {"offers": N_("Offers"), "wishes": N_("Wishes")}


def _offer_headers(keys: list[str]) -> dict[str, str]:
    labels = {spec.name: spec.label for spec in FIELDS["offers"]}
    return {key: labels[key] for key in keys}


def offers(session: Session, include_protected: bool) -> tuple[dict[str, str], list[dict[str, Any]], int]:
    """Every offer, one row each, with the columns `import offers` reads (an export reads back unchanged)."""
    keys = ["organisation", "org_number", "places", "start_date", "end_date", "fits", "minimum_age",
            "hours_per_day", "address", "contact", "notes"]
    query = (select(Offer, Organisation.name, Organisation.org_number, Contact.first_name, Contact.last_name)
             .join(Organisation, Organisation.id == Offer.organisation_id)
             .outerjoin(Contact, Contact.id == Offer.contact_id)
             .order_by(Offer.first_day, Organisation.name))
    rows = [{"organisation": name, "org_number": number, "places": o.places, "start_date": o.first_day,
             "end_date": o.last_day, "fits": o.fits, "minimum_age": o.minimum_age, "hours_per_day": o.hours_per_day,
             "address": o.address, "contact": f"{first} {last}" if first else None, "notes": o.notes}
            for o, name, number, first, last in session.execute(query)]
    return _offer_headers(keys), rows, 0


def wishes(session: Session, include_protected: bool) -> tuple[dict[str, str], list[dict[str, Any]], int]:
    """Every wish, one row each: the pupil by id and class (no name), the period, the rank and the place."""
    year = aliased(SchoolYear)
    query = (select(Wish, Pupil.external_id, Pupil.protected_identity, SchoolClass.name, Organisation.name)
             .join(Pupil, Pupil.id == Wish.pupil_id)
             .join(Organisation, Organisation.id == Wish.organisation_id)
             .outerjoin(year, (year.starts_on <= Wish.first_day) & (year.ends_on >= Wish.first_day))
             .outerjoin(Enrolment, (Enrolment.pupil_id == Pupil.id) & (Enrolment.school_year_id == year.id))
             .outerjoin(SchoolClass, SchoolClass.id == Enrolment.class_id)
             .order_by(Wish.first_day, SchoolClass.name, Pupil.external_id, Wish.rank))
    rows, left_out = [], 0
    for wish, external_id, protected, class_name, organisation in session.execute(query):
        if protected and not include_protected:
            left_out += 1
            continue
        rows.append({"external_id": external_id, "class_name": class_name, "first_day": wish.first_day,
                     "last_day": wish.last_day, "rank": wish.rank, "organisation": organisation})
    labels = {"external_id": _("Pupil id"), "class_name": _("Class"), "first_day": _("First day"),
              "last_day": _("Last day"), "rank": _("Rank"), "organisation": _("Organisation")}
    return labels, rows, left_out


BUILDERS = {"offers": offers, "wishes": wishes}
