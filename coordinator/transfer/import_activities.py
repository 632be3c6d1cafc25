"""Importers of activities: placements (pupil by id or name and class, host by number or name) and study visits.

A placement without a status is completed when it has ended and confirmed otherwise; without a
number of days it counts the weekdays of its period. A study visit without times starts at 09:00
and, with an end date, ends at 15:00 that day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select

from coordinator.i18n import _
from coordinator.models import (
    Contact,
    Enrolment,
    Organisation,
    Placement,
    Pupil,
    School,
    SchoolClass,
    SchoolYear,
    StudyVisit,
)
from coordinator.enums import ActivityStatus, PlacementStatus
from coordinator.schoolyears import label_of, normalise_label
from coordinator.years import ensure_school_year
from coordinator.transfer.importer import Importer, Pending, diff
from coordinator.transfer.import_records import _cf, find_organisation
from coordinator.transfer.plan import PlanRow

VISIT_START = dt.time(9, 0)
VISIT_END = dt.time(15, 0)


def weekdays(start: dt.date, end: dt.date) -> int:
    days = (end - start).days + 1
    full, rest = divmod(days, 7)
    return full * 5 + sum(1 for i in range(rest) if (start + dt.timedelta(days=full * 7 + i)).weekday() < 5)


class _ActivityImporter(Importer):
    def prepare(self) -> None:
        s = self.session
        self.orgs_by_number: dict[str, Organisation] = {}
        self.orgs_by_name: dict[str, list[Organisation]] = {}
        for org in s.scalars(select(Organisation)):
            if org.org_number:
                self.orgs_by_number[org.org_number] = org
            self.orgs_by_name.setdefault(_cf(org.name), []).append(org)
        self.years = {y.label: y.id for y in s.scalars(select(SchoolYear))}
        self.new_years: set[str] = set()
        self.fixed_year = normalise_label(self.year) if self.year else None
        self.classes: dict[tuple[int, str], list[tuple[SchoolClass, str]]] = {}
        for cls, school_name in s.execute(select(SchoolClass, School.name).join(School,
                                                                                 School.id == SchoolClass.school_id)):
            self.classes.setdefault((cls.school_year_id, _cf(cls.name)), []).append((cls, school_name))
        self.today = dt.date.today()

    def year_label(self, start: dt.date) -> str:
        return self.fixed_year or label_of(start)

    def year_id(self, label: str) -> int | None:
        return self.years.get(label)

    def classes_named(self, row: PlanRow, name: str, year_id: int | None) -> list[SchoolClass]:
        school = row.values.get("school") or self.school_name
        found = [cls for cls, school_name in self.classes.get((year_id or -1, _cf(name)), [])
                 if not school or _cf(school_name) == _cf(school)]
        return found

    def before_write(self, pending: list[Pending]) -> None:
        for item in pending:
            label = item.extra["year"]
            if label not in self.years:
                self.years[label] = ensure_school_year(self.session, label)


class PlacementImporter(_ActivityImporter):
    table = "placements"
    FIELDS = ("end_date", "days", "hours_per_day", "daily_start", "daily_end", "status", "supervisor_id", "notes")

    def prepare(self) -> None:
        super().prepare()
        s = self.session
        self.load_pupils()
        self.existing = {(p.pupil_id, p.host_id, p.start_date): p for p in s.scalars(select(Placement))}
        self.supervisors: dict[tuple[int | None, str], Contact] = {}
        for contact in s.scalars(select(Contact)):
            full = _cf(f"{contact.first_name} {contact.last_name}")
            self.supervisors[(contact.organisation_id, full)] = contact

    def load_pupils(self) -> None:
        """Plain rows (id and names), not ORM objects: a region holds 100,000 pupils."""
        s = self.session
        self.pupils_by_id = {p.external_id.strip(): p for p in s.execute(
            select(Pupil.id, Pupil.external_id, Pupil.first_name, Pupil.last_name)
            .where(Pupil.external_id.is_not(None)))}
        self.enrolled: dict[int, list[Any]] = {}  # class id → pupils
        for row in s.execute(select(Enrolment.class_id, Pupil.id, Pupil.first_name, Pupil.last_name)
                             .join(Pupil, Enrolment.pupil_id == Pupil.id)):
            self.enrolled.setdefault(row.class_id, []).append(row)

    def find_pupil(self, row: PlanRow, label: str) -> Any:
        values = row.values
        year_id = self.year_id(label)
        if values.get("external_id"):
            pupil = self.pupils_by_id.get(values["external_id"].strip())
            if pupil is None:
                self.problem(row, "external_id", _("There is no pupil with id {id}.").format(
                    id=values["external_id"]))
            return pupil
        first, last = _cf(values.get("first_name")), _cf(values.get("last_name"))
        class_name = values.get("class_name")
        candidates: list[Any] = []
        if class_name:
            classes = self.classes_named(row, class_name, year_id)
            if not classes:
                self.problem(row, "class_name", _("There is no class {name} in the school year {year}.").format(
                    name=class_name, year=label))
                return None
            for cls in classes:
                candidates += [p for p in self.enrolled.get(cls.id, [])
                               if _cf(p.first_name) == first and _cf(p.last_name) == last]
        else:
            candidates = [p for p in self.session.scalars(select(Pupil).where(Pupil.last_name == values[
                "last_name"]))
                if _cf(p.first_name) == first]
        unique = list({p.id: p for p in candidates}.values())
        if len(unique) == 1:
            return unique[0]
        name = f"{values.get('first_name')} {values.get('last_name')}"
        if not unique:
            self.problem(row, "first_name", _("There is no pupil named {name} in class {class_name}.").format(
                name=name, class_name=class_name or "–"))
        else:
            self.problem(row, "first_name", _("More than one pupil is named {name}; add the class or a pupil "
                                              "id.").format(name=name))
        return None

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = dict(row.values)
        label = self.year_label(values["start_date"])
        pupil = self.find_pupil(row, label)
        host = find_organisation(self, row)
        if host is None:
            self.problem(row, "organisation", _("The workplace is not named."))
            return None
        if pupil is None or host is False:
            return None
        if values.get("supervisor"):
            contact = self.supervisors.get((host.id, _cf(values["supervisor"])))
            if contact is None:
                self.problem(row, "supervisor", _("{name} is not a contact person at {organisation}.").format(
                    name=values["supervisor"], organisation=host.name))
                return None
            values["supervisor_id"] = contact.id
        if "days" not in values:
            values["days"] = weekdays(values["start_date"], values["end_date"])
        extra = {"values": values, "pupil": pupil, "host": host, "year": label}
        existing = self.existing.get((pupil.id, host.id, values["start_date"]))
        if existing is None:
            if "status" not in values:
                ended = values["end_date"] < self.today
                values["status"] = (PlacementStatus.COMPLETED if ended else PlacementStatus.CONFIRMED).value
            return Pending(row, "created", extra=extra)
        compare = dict(values)
        if "status" in compare:
            compare["status"] = PlacementStatus(compare["status"])
        changes = diff(existing, compare, self.FIELDS)
        return Pending(row, "updated" if changes else "unchanged", target=existing, changes=changes, extra=extra)

    def write_row(self, item: Pending) -> None:
        values = item.extra["values"]
        if item.action == "created":
            placement = Placement(
                school_year_id=self.years[item.extra["year"]], pupil_id=item.extra["pupil"].id,
                host_id=item.extra["host"].id, start_date=values["start_date"], end_date=values["end_date"],
                days=values["days"], hours_per_day=values.get("hours_per_day", 7.0),
                daily_start=values.get("daily_start"), daily_end=values.get("daily_end"),
                status=PlacementStatus(values["status"]), supervisor_id=values.get("supervisor_id"),
                notes=values.get("notes"))
            self.session.add(placement)
            item.target = placement
            self.audit_fields.update({"pupil_id", "host_id", "start_date", "end_date", "days", "status"})
        else:
            self.update_target(item)


_CLASS_LIST = re.compile(r"\s*[,;/+&]\s*|\s+(?:and|och|i|и)\s+")


class StudyVisitImporter(_ActivityImporter):
    table = "study_visits"
    FIELDS = ("title", "ends_at", "status", "notes")

    def prepare(self) -> None:
        super().prepare()
        self.existing: dict[tuple[int, dt.date], StudyVisit] = {}
        for visit in self.session.scalars(select(StudyVisit)):
            self.existing[(visit.host_id, visit.starts_at.date())] = visit

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = dict(row.values)
        label = self.year_label(values["start_date"])
        host = find_organisation(self, row)
        if host is None:
            self.problem(row, "organisation", _("The workplace is not named."))
            return None
        classes: list[SchoolClass] = []
        for name in [n for n in _CLASS_LIST.split(values.get("class_name") or "") if n.strip()]:
            found = self.classes_named(row, name, self.year_id(label))
            if not found:
                self.problem(row, "class_name", _("There is no class {name} in the school year {year}.").format(
                    name=name, year=label))
            elif len(found) > 1:
                self.problem(row, "class_name", _("More than one school has a class {name}; add a school column "
                                                  "or choose the school.").format(name=name))
            else:
                classes.append(found[0])
        if host is False or len(classes) != len([n for n in _CLASS_LIST.split(values.get("class_name") or "")
                                                 if n.strip()]):
            return None
        values["ends_at"] = dt.datetime.combine(values["end_date"], VISIT_END) if values.get("end_date") else None
        values.setdefault("title", host.name)
        if "status" in values:
            values["status"] = ActivityStatus(values["status"])
        extra = {"values": values, "host": host, "classes": classes, "year": label}
        existing = self.existing.get((host.id, values["start_date"]))
        if existing is None:
            return Pending(row, "created", extra=extra)
        changes = diff(existing, values, self.FIELDS)
        if {c.id for c in classes} - {c.id for c in existing.classes}:
            changes["classes"] = classes
        return Pending(row, "updated" if changes else "unchanged", target=existing, changes=changes, extra=extra)

    def write_row(self, item: Pending) -> None:
        values: dict[str, Any] = item.extra["values"]
        if item.action == "created":
            visit = StudyVisit(
                school_year_id=self.years[item.extra["year"]], host_id=item.extra["host"].id,
                title=values["title"], starts_at=dt.datetime.combine(values["start_date"], VISIT_START),
                ends_at=values.get("ends_at"), status=values.get("status", ActivityStatus.PLANNED),
                notes=values.get("notes"))
            visit.classes = list(item.extra["classes"])
            self.session.add(visit)
            item.target = visit
            self.audit_fields.update({"host_id", "title", "starts_at", "classes"})
        else:
            for name, value in item.changes.items():
                if name == "classes":
                    item.target.classes = list({c.id: c for c in [*item.target.classes, *value]}.values())
                else:
                    setattr(item.target, name, value)
            self.audit_fields.update(item.changes)
