"""Importers of outcomes: leavers' choices (a gymnasieval list, a recruitment list) and graduates'
destinations (a college's graduate monitoring table).

A choice belongs to the school year the pupil leaves (--year, else the current one); a pupil's
choices are ranked (a rank column, else 1), and a later file updates the choice of the same rank.
A destination belongs to the school year left: --year, else the one whose summer lies 6 or 12
months before the follow-up. The employer is an organisation of the register when one is named so
exactly; any other name is kept as written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from coordinator.i18n import _
from coordinator.models import Choice, Destination, DestinationKind
from coordinator.schoolyears import label_for_start, parse_label
from coordinator.transfer.import_activities import PlacementImporter, _ActivityImporter
from coordinator.transfer.import_records import _cf, find_organisation
from coordinator.transfer.importer import Pending, diff
from coordinator.transfer.outcome_values import split_programme
from coordinator.transfer.plan import PlanRow
from coordinator.years import current_year_label

FOLLOW_UPS = (6, 12)


class _OutcomeImporter(PlacementImporter):
    """Finds the pupil of a row (id, personnummer, or names and class) as placements do, and refuses a
    pupil named twice; it loads no placements."""

    def prepare(self) -> None:
        _ActivityImporter.prepare(self)
        self.load_pupils()
        self.taken: dict[tuple[int, int], int] = {}  # (pupil, rank or months) → the first row

    def first_time(self, row: PlanRow, pupil_id: int, slot: int, field_name: str) -> bool:
        first = self.taken.setdefault((pupil_id, slot), row.row)
        if first != row.row:
            self.problem(row, field_name, _("This row repeats row {first}.").format(first=first))
            return False
        return True


class ChoiceImporter(_OutcomeImporter):
    table = "choices"
    FIELDS = ("programme_code", "programme_name", "school_chosen")

    def prepare(self) -> None:
        super().prepare()
        self.label = self.fixed_year or current_year_label(self.session)
        self.existing = {(c.pupil_id, c.school_year_id, c.rank): c for c in self.session.scalars(select(Choice))}

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = row.values
        code, name = split_programme(values.get("programme") or "")
        if values.get("programme_code"):
            code = values["programme_code"].strip()
        rank = values.get("rank") or 1
        if values.get("rank") is not None and values["rank"] < 1:
            self.problem(row, "rank", _("The rank must be 1 or more."))
        if not code and not name:
            self.problem(row, "programme", _("The programme or occupation chosen is not named."))
        pupil = self.find_pupil(row, self.label)
        if pupil is None or not (code or name) or rank < 1:
            return None
        if not self.first_time(row, pupil.id, rank, "rank" if values.get("rank") else "programme"):
            return None
        fields = {"programme_code": code, "programme_name": name, "school_chosen": values.get("school_chosen")}
        extra = {"fields": fields, "pupil": pupil.id, "rank": rank, "year": self.label}
        existing = self.existing.get((pupil.id, self.year_id(self.label) or -1, rank))
        if existing is None:
            return Pending(row, "created", extra=extra)
        changes = {k: v for k, v in fields.items() if getattr(existing, k) != v and (v or k != "school_chosen")}
        return Pending(row, "updated" if changes else "unchanged", target=existing, changes=changes, extra=extra)

    def write_row(self, item: Pending) -> None:
        if item.action != "created":
            self.update_target(item)
            return
        choice = Choice(pupil_id=item.extra["pupil"], school_year_id=self.years[item.extra["year"]],
                        rank=item.extra["rank"], **item.extra["fields"])
        self.session.add(choice)
        item.target = choice
        self.audit_fields.update({"pupil_id", "school_year_id", "rank", *item.extra["fields"]})


def _summer(label: str) -> dt.date:
    """The end of teaching in a school year: 30 June of its second calendar year."""
    return dt.date(parse_label(label) + 1, 6, 30)


def year_left(follow_up: dt.date, months: int) -> str:
    """The school year whose 30 June lies nearest to `months` before the follow-up."""
    back = follow_up - dt.timedelta(days=round(months * 30.44))
    end_year = back.year + round((back - dt.date(back.year, 6, 30)).days / 365.25)
    return label_for_start(end_year - 1)


class DestinationImporter(_OutcomeImporter):
    table = "destinations"
    FIELDS = ("follow_up_on", "kind", "programme", "sector_code", "organisation_id", "employer_name",
              "target_training", "exam_result")

    def prepare(self) -> None:
        super().prepare()
        self.existing = {(d.pupil_id, d.school_year_id, d.months_after): d
                         for d in self.session.scalars(select(Destination))}

    def _when(self, row: PlanRow) -> tuple[str, int] | None:
        """(school year left, months after) of a row, or None with a problem."""
        follow_up, months = row.values["follow_up_on"], row.values.get("months_after")
        if months is not None and months not in FOLLOW_UPS:
            self.problem(row, "months_after", _("The follow-up is 6 or 12 months after leaving."))
            return None
        if self.fixed_year is None:
            months = months or 6
            return year_left(follow_up, months), months
        summer = _summer(self.fixed_year)
        if follow_up <= summer:
            self.problem(row, "follow_up_on", _("The follow-up date is before the end of the school year "
                                                "{year}.").format(year=self.fixed_year))
            return None
        return self.fixed_year, months or (6 if (follow_up - summer).days <= 275 else 12)

    def _employer(self, row: PlanRow) -> tuple[Any, str | None] | None:
        """(the organisation in the register or None, the employer's name as written or None)."""
        values = row.values
        if values.get("org_number"):
            org = find_organisation(self, row)
            return None if org is False else (org, None)
        name = (values.get("organisation") or "").strip()
        found = [o for o in self.orgs_by_name.get(_cf(name), []) if o.name.strip() == name] if name else []
        return (found[0], None) if len(found) == 1 else (None, name or None)

    def resolve_row(self, row: PlanRow) -> Pending | None:
        when, employer = self._when(row), self._employer(row)
        pupil = self.find_pupil(row, when[0]) if when else None
        if when is None or employer is None or pupil is None:
            return None
        label, months = when
        if not self.first_time(row, pupil.id, months, "follow_up_on"):
            return None
        values, (org, written) = row.values, employer
        fields = {"follow_up_on": values["follow_up_on"], "kind": DestinationKind(values["destination"]),
                  "programme": values.get("programme"),
                  "sector_code": values.get("sector") or (org.sector_code if org is not None else None),
                  "organisation_id": org.id if org is not None else None, "employer_name": written,
                  "target_training": bool(values.get("target_training")), "exam_result": values.get("exam_result")}
        extra = {"fields": fields, "pupil": pupil.id, "months": months, "year": label}
        existing = self.existing.get((pupil.id, self.year_id(label) or -1, months))
        if existing is None:
            return Pending(row, "created", extra=extra)
        changes = diff(existing, fields, self.FIELDS)
        if set(self.plan.mapping.values()) & {"organisation", "org_number"}:
            # the file names the employer (or none): one outside the register replaces one inside it
            changes.update({k: fields[k] for k in ("organisation_id", "employer_name", "sector_code")
                            if getattr(existing, k) != fields[k]})
        return Pending(row, "updated" if changes else "unchanged", target=existing, changes=changes, extra=extra)

    def write_row(self, item: Pending) -> None:
        if item.action != "created":
            self.update_target(item)
            return
        destination = Destination(pupil_id=item.extra["pupil"], school_year_id=self.years[item.extra["year"]],
                                  months_after=item.extra["months"], **item.extra["fields"])
        self.session.add(destination)
        item.target = destination
        self.audit_fields.update({"pupil_id", "school_year_id", "months_after", *item.extra["fields"]})
