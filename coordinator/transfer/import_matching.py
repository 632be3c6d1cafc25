"""Importers of the matching's inputs: organisations' offers of places, and pupils' ranked wishes.

An offer is the same offer when organisation, first and last day agree; a later file updates it.
An organisation's stated number of places (`places_offered`) grows to the largest offer it made.
A pupil's wishes for the period are replaced by the file's: wide (Wish 1, Wish 2, … on one row) or
long (one wish a row with its rank). An organisation is named by its number or its exact name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from coordinator.errors import UserError
from coordinator.i18n import _, ngettext
from coordinator.matching.data import max_wishes
from coordinator.models import Contact, Offer, Organisation, Wish
from coordinator.schoolyears import label_of
from coordinator.transfer.import_activities import PlacementImporter, _ActivityImporter
from coordinator.transfer.import_records import _cf, find_organisation
from coordinator.transfer.importer import Pending, diff
from coordinator.transfer.plan import PlanRow


def organisation_named(importer: Any, row: PlanRow, field_name: str, text: str) -> Organisation | None:
    """The organisation a cell names by number or exact name; None (and a problem) when it is not one."""
    org = importer.orgs_by_number.get(text.strip())
    if org is not None:
        return org
    found = importer.orgs_by_name.get(_cf(text), [])
    exact = [o for o in found if o.name.strip() == text.strip()] or found
    if len(exact) == 1:
        return exact[0]
    if not exact:
        importer.problem(
            row,
            field_name,
            _("There is no organisation named “{name}”; import the organisations first.").format(name=text),
        )
    else:
        importer.problem(
            row,
            field_name,
            _("More than one organisation is named “{name}”; give its number.").format(name=text),
        )
    return None


class OfferImporter(_ActivityImporter):
    table = "offers"
    FIELDS = ("places", "fits", "minimum_age", "hours_per_day", "address", "contact_id", "notes")

    def prepare(self) -> None:
        super().prepare()
        self.existing = {
            (o.organisation_id, o.first_day, o.last_day): o for o in self.session.scalars(select(Offer))
        }
        self.contacts: dict[tuple[int | None, str], int] = {}
        for contact in self.session.scalars(select(Contact)):
            full = _cf(f"{contact.first_name} {contact.last_name}")
            self.contacts[(contact.organisation_id, full)] = contact.id

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = dict(row.values)
        if values.get("org_number"):
            host = find_organisation(self, row)
        elif values.get("organisation"):
            host = organisation_named(self, row, "organisation", values["organisation"])
        else:
            self.problem(row, "organisation", _("The workplace is not named."))
            host = None
        if not host:
            return None
        if values.get("places") is not None and values["places"] < 0:
            self.problem(row, "places", _("The number of places cannot be negative."))
        if values.get("minimum_age") is not None and not 0 <= values["minimum_age"] <= 99:
            self.problem(row, "minimum_age", _("The minimum age must be between 0 and 99."))
        if values.get("contact"):
            values["contact_id"] = self.contacts.get((host.id, _cf(values["contact"])))
            if values["contact_id"] is None:
                self.problem(
                    row,
                    "contact",
                    _("{name} is not a contact person at {organisation}.").format(
                        name=values["contact"], organisation=host.name
                    ),
                )
                return None
        codes = str(values.get("fits") or "").replace(",", ";").split(";")
        values["fits"] = ";".join(c.strip() for c in codes if c.strip())
        extra = {"values": values, "host": host, "year": self.year_label(values["start_date"])}
        existing = self.existing.get((host.id, values["start_date"], values["end_date"]))
        if existing is None:
            return Pending(row, "created", extra=extra)
        changes = diff(existing, values, self.FIELDS)
        return Pending(
            row, "updated" if changes else "unchanged", target=existing, changes=changes, extra=extra
        )

    def write_row(self, item: Pending) -> None:
        values, host = item.extra["values"], item.extra["host"]
        if item.action == "created":
            offer = Offer(
                organisation_id=host.id,
                places=values["places"],
                first_day=values["start_date"],
                last_day=values["end_date"],
                fits=values["fits"],
                minimum_age=values.get("minimum_age"),
                hours_per_day=values.get("hours_per_day"),
                address=values.get("address"),
                contact_id=values.get("contact_id"),
                notes=values.get("notes"),
            )
            self.session.add(offer)
            item.target = offer
            self.audit_fields.update({"organisation_id", "places", "first_day", "last_day"})
        else:
            self.update_target(item)
        if host.places_offered < values["places"]:  # what the organisation was asked for, and said yes to
            host.places_offered = values["places"]
            self.note("organisations", host.id, created=False)


class WishImporter(PlacementImporter):
    table = "wishes"

    def prepare(self) -> None:
        super().prepare()
        if self.period is None:
            raise UserError(_("Wishes belong to a placement period: give its first and last day."))
        first, last = self.period
        self.limit = max_wishes(self.session)
        self.held: dict[int, dict[int, int]] = {}
        for wish in self.session.scalars(select(Wish).where(Wish.first_day == first, Wish.last_day == last)):
            self.held.setdefault(wish.pupil_id, {})[wish.rank] = wish.organisation_id
        self.from_file: dict[int, dict[int, tuple[int, int]]] = {}  # pupil → rank → (organisation, row)

    def _wishes_of(self, row: PlanRow) -> dict[int, tuple[str, str]]:
        """rank → (field, text) of the wishes this row gives."""
        values = row.values
        if values.get("rank") is not None:
            return {values["rank"]: ("organisation", values.get("organisation") or "")}
        return {
            int(name[5:]): (name, text)
            for name, text in values.items()
            if name.startswith("wish_") and str(text).strip()
        }

    def resolve_row(self, row: PlanRow) -> Pending | None:
        pupil = self.find_pupil(row, self.fixed_year or label_of(self.period[0]))
        wishes: dict[int, int] = {}
        for rank, (field_name, text) in sorted(self._wishes_of(row).items()):
            if not 1 <= rank <= self.limit:
                self.problem(
                    row,
                    field_name if field_name != "organisation" else "rank",
                    ngettext(
                        "A pupil may rank at most {count} wish.",
                        "A pupil may rank at most {count} wishes.",
                        self.limit,
                    ).format(count=self.limit),
                )
                continue
            org = organisation_named(self, row, field_name, text) if text.strip() else None
            if text.strip() and org is None:
                continue
            if org is not None and org.id in wishes.values():
                self.problem(row, field_name, _("The same organisation is wished twice."))
            elif org is not None:
                wishes[rank] = org.id
        if pupil is None or not wishes:
            return None
        taken = self.from_file.setdefault(pupil.id, {})
        for rank, organisation in wishes.items():
            earlier = [r for r, (o, _n) in taken.items() if r == rank or o == organisation]
            if earlier:
                self.problem(
                    row,
                    "rank" if row.values.get("rank") is not None else f"wish_{rank}",
                    _("This wish repeats row {first}.").format(first=taken[earlier[0]][1]),
                )
                return None
        taken.update({rank: (organisation, row.row) for rank, organisation in wishes.items()})
        held = self.held.get(pupil.id)
        action = (
            "created"
            if not held
            else "unchanged"
            if held == {r: o for r, (o, _row) in taken.items()}
            else "updated"
        )
        return Pending(row, action, extra={"pupil": pupil.id})

    def before_write(self, pending: list[Pending]) -> None:
        first, last = self.period
        pupils = {item.extra["pupil"] for item in pending if item.action != "unchanged"}
        self.session.execute(
            delete(Wish).where(Wish.pupil_id.in_(pupils), Wish.first_day == first, Wish.last_day == last)
        )
        for pupil_id in sorted(pupils):
            for rank, (organisation, _row) in sorted(self.from_file[pupil_id].items()):
                wish = Wish(
                    pupil_id=pupil_id, first_day=first, last_day=last, rank=rank, organisation_id=organisation
                )
                self.session.add(wish)
        self.audit_fields.update({"pupil_id", "rank", "organisation_id"})
        self.session.flush()
        self.wished = pupils

    def write_row(self, item: Pending) -> None:
        """The rows were written together in `before_write` (a pupil's wishes may span rows)."""

    def after_write(self) -> None:
        self.session.flush()
        first, last = self.period
        query = select(Wish.id).where(
            Wish.pupil_id.in_(self.wished), Wish.first_day == first, Wish.last_day == last
        )
        for wish_id in self.session.scalars(query):
            self.note("wishes", wish_id, created=True)
