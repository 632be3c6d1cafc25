"""Importers of records: pupils (class lists, with schools, classes and enrolments), organisations, contacts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select

from coordinator.i18n import _
from coordinator.models import (
    Contact,
    Enrolment,
    Gender,
    Organisation,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
)
from coordinator.reference.profiles import PROFILE_DATA
from coordinator.schoolyears import normalise_label
from coordinator.years import current_year_label, ensure_school_year, find_year
from coordinator.transfer.import_pupil_names import PupilNames
from coordinator.transfer.importer import Importer, Pending, diff
from coordinator.transfer.plan import PlanRow


def _cf(text: Any) -> str:
    return str(text or "").strip().casefold()


class PupilImporter(PupilNames, Importer):
    table = "pupils"
    FIELDS = ("first_name", "last_name", "gender", "birth_date", "external_id", "protected_identity",
              "guardian_name", "guardian_phone", "notes", "programme_id")

    def prepare(self) -> None:
        s = self.session
        label = normalise_label(self.year) if self.year else current_year_label(s)
        self.year_label = label
        found = find_year(s, label)
        self.year_id = found.id if found else None
        self.schools = {_cf(school.name): school for school in s.scalars(select(School))}
        self.types = {t.id: t for t in s.scalars(select(SchoolType))}
        self.prepare_names()
        self.new_school_grades: set[str] = set()
        self.new_rows: list[tuple[dict[str, Any], int]] = []
        only = list(self.schools.values())
        fallback = self.school_name or (only[0].name if len(only) == 1 else None)
        named = {_cf(r.values.get("school") or fallback) for r in self.plan.rows if r.values.get("class_name")}
        self.named_school_ids = [school.id for key, school in self.schools.items() if key in named]
        self.classes: dict[tuple[str, str], SchoolClass] = {}  # this year's, at the schools the file names
        if self.year_id is not None and self.named_school_ids:
            for cls, school_name in s.execute(select(SchoolClass, School.name)  # not one lazy load per class
                                              .join(School, School.id == SchoolClass.school_id)
                                              .where(SchoolClass.school_year_id == self.year_id,
                                                     SchoolClass.school_id.in_(self.named_school_ids))):
                self.classes[(_cf(school_name), _cf(cls.name))] = cls
        # Plain rows, not ORM objects: a region holds 100,000 pupils; records are loaded only to be changed.
        # Only the pupils a row could match are read: by pupil id, by name and birth date, or enrolled
        # this year at a school the file names (a class list for one school reads that school's pupils).
        self.by_id: dict[str, Any] = {}
        self.by_birth: dict[tuple[str, str, Any], Any] = {}
        self.by_pupil_id: dict[int, Any] = {}
        columns = [Pupil.id] + [getattr(Pupil, name) for name in self.FIELDS]
        for pupil in self._candidates(columns):
            self.by_pupil_id[pupil.id] = pupil
            if pupil.external_id:
                self.by_id[pupil.external_id.strip()] = pupil
            if pupil.birth_date:
                self.by_birth[(_cf(pupil.first_name), _cf(pupil.last_name), pupil.birth_date)] = pupil
        self.by_class: dict[tuple[str, str, str, str], Any] = {}
        self.enrolment_of: dict[int, tuple[int, int]] = {}  # pupil id → (enrolment id, class id)
        if self.year_id is not None:
            query = (select(Enrolment.id, Enrolment.pupil_id, Enrolment.class_id, School.name, SchoolClass.name)
                     .join(SchoolClass, Enrolment.class_id == SchoolClass.id)
                     .join(School, School.id == SchoolClass.school_id)
                     .where(Enrolment.school_year_id == self.year_id))
            if self._every_pupil:
                found = list(s.execute(query))
            else:
                ids = sorted(self.by_pupil_id)
                found = [row for start in range(0, len(ids), 500)
                         for row in s.execute(query.where(Enrolment.pupil_id.in_(ids[start:start + 500])))]
            for enrolment_id, pupil_id, class_id, school_name, class_name in found:
                pupil = self.by_pupil_id.get(pupil_id)
                if pupil is None:
                    continue
                self.enrolment_of[pupil_id] = (enrolment_id, class_id)
                self.by_class[(_cf(school_name), _cf(class_name), _cf(pupil.first_name),
                               _cf(pupil.last_name))] = pupil
        self.default_school = only[0].name if len(only) == 1 else None

    MAX_CANDIDATES = 20_000  # beyond that one pass over every pupil is quicker than lookups by id

    def _candidates(self, columns: list[Any]) -> list[Any]:
        """The pupils (plain rows, in id order) that a row of the file could match."""
        s = self.session
        rows = self.plan.rows
        school_ids = self.named_school_ids
        external = sorted({str(r.values["external_id"]).strip() for r in rows if r.values.get("external_id")})
        births = sorted({r.values["birth_date"] for r in rows if r.values.get("birth_date")})
        ids: set[int] = set()
        if self.year_id is not None and school_ids:
            ids.update(s.scalars(select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                                 .where(Enrolment.school_year_id == self.year_id,
                                        SchoolClass.school_id.in_(school_ids))))
        for values, column in ((external, func.trim(Pupil.external_id)), (births, Pupil.birth_date)):
            for start in range(0, len(values), 500):
                if len(ids) > self.MAX_CANDIDATES:
                    break
                ids.update(s.scalars(select(Pupil.id).where(column.in_(values[start:start + 500]))))
        self._every_pupil = len(ids) > self.MAX_CANDIDATES
        query = select(*columns).where(Pupil.anonymised.is_(False)).order_by(Pupil.id)
        if self._every_pupil:
            return list(s.execute(query))
        wanted = sorted(ids)
        return [row for start in range(0, len(wanted), 500)
                for row in s.execute(query.where(Pupil.id.in_(wanted[start:start + 500])))]

    def school_of(self, row: PlanRow) -> str | None:
        name = row.values.get("school") or self.school_name or self.default_school
        if not name:
            self.problem(row, "school" if "school" in self.plan.mapping.values() else "class_name",
                         _("Which school? Choose the school for the import or add a school column."))
            return None
        if _cf(name) not in self.schools and not (self.school_name and _cf(name) == _cf(self.school_name)):
            self.problem(row, "school", _("There is no school named “{name}”.").format(name=name))
            return None
        return name

    def grades_for(self, school_name: str) -> list[str] | None:
        school = self.schools.get(_cf(school_name))
        return None if school is None else self.types[school.school_type_id].grade_list

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = row.values
        if not self.resolve_names(row):
            return None
        if not values.get("class_name"):  # a pupil without a class this year: matched, never enrolled
            return self.match(row, None, None, None)
        school = self.school_of(row)
        if school is None:
            return None
        class_key = (_cf(school), _cf(values["class_name"]))
        existing_class = self.classes.get(class_key)
        grade = existing_class.grade if existing_class else values.get("grade")
        if grade is None:
            self.problem(row, "class_name", _("The grade of class “{name}” cannot be told from its name; add a "
                                              "grade column.").format(name=values["class_name"]))
            return None
        grades = self.grades_for(school)
        if grades is not None and existing_class is None and grade not in grades:
            self.problem(row, "grade" if "grade" in self.plan.mapping.values() else "class_name",
                         _("Grade {grade} does not exist at {school} (grades {grades}).").format(
                             grade=grade, school=school, grades=", ".join(grades)))
            return None
        if grades is None:
            self.new_school_grades.add(str(grade))
        return self.match(row, school, class_key, grade)

    def match(self, row: PlanRow, school: str | None, class_key: tuple[str, str] | None,
              grade: str | None) -> Pending | None:
        values = row.values
        pupil = None
        if values.get("external_id"):
            pupil = self.by_id.get(values["external_id"].strip())
        if pupil is None and class_key is not None:
            pupil = self.by_class.get((*class_key, _cf(values["first_name"]), _cf(values["last_name"])))
        if pupil is None and values.get("birth_date"):
            pupil = self.by_birth.get((_cf(values["first_name"]), _cf(values["last_name"]), values["birth_date"]))
        extra = {"school": school, "class_key": class_key, "grade": grade}
        if pupil is None and class_key is None:  # only a pupil already known may be listed without a class
            self.problem(row, "class_name", _("The cell is empty; a new pupil needs a class."))
            return None
        if pupil is None:
            return Pending(row, "created", extra=extra)
        changes = diff(pupil, values, self.FIELDS, self.country)
        if class_key is not None:
            existing_class = self.classes.get(class_key)
            enrolment = self.enrolment_of.get(pupil.id)
            if enrolment is None or existing_class is None or enrolment[1] != existing_class.id:
                changes["class_name"] = values["class_name"]
        return Pending(row, "updated" if changes else "unchanged", target=pupil, changes=changes, extra=extra)

    def before_write(self, pending: list[Pending]) -> None:
        s = self.session
        self.year_id = ensure_school_year(s, self.year_label)
        if self.school_name and _cf(self.school_name) not in self.schools:
            school = School(name=self.school_name, school_type=self.new_school_form(self.new_school_grades))
            s.add(school)
            s.flush()
            self.schools[_cf(school.name)] = school
            self.note("schools", school.id, created=True)
        updated = [item.target.id for item in pending if item.action == "updated"]
        self.loaded: list[Any] = []  # held here: the identity map keeps only weak references
        for start in range(0, len(updated), 500):  # into the identity map at once, not one query per pupil
            chunk = updated[start:start + 500]
            self.loaded += s.scalars(select(Pupil).where(Pupil.id.in_(chunk)))
            self.loaded += s.scalars(select(Enrolment).where(Enrolment.pupil_id.in_(chunk),
                                                             Enrolment.school_year_id == self.year_id))
        new_classes = []
        for item in pending:
            key = item.extra["class_key"]
            if key is not None and key not in self.classes:
                school = self.schools[key[0]]
                cls = SchoolClass(school_id=school.id, school_year_id=self.year_id, grade=item.extra["grade"],
                                  name=item.row.values["class_name"])
                s.add(cls)
                self.classes[key] = cls
                new_classes.append(cls)
        s.flush()
        for cls in new_classes:
            self.note("classes", cls.id, created=True)

    def write_row(self, item: Pending) -> None:
        values = item.row.values
        cls = self.classes[item.extra["class_key"]] if item.extra["class_key"] is not None else None
        if item.action == "created":  # written in bulk by after_write: 10,000 pupils in one statement or two
            self.new_rows.append((values, cls.id if cls else None))
            return
        pupil = self.session.get(Pupil, item.target.id)
        for name, value in item.changes.items():
            if name != "class_name":
                setattr(pupil, name, value)
        if "class_name" in item.changes and cls is not None:
            enrolment = self.enrolment_of.get(pupil.id)
            if enrolment is None:
                self.session.add(Enrolment(pupil_id=pupil.id, class_id=cls.id, school_year_id=self.year_id))
            else:
                self.session.get(Enrolment, enrolment[0]).class_id = cls.id
        self.audit_fields.update(item.changes)
        self.note("pupils", pupil.id, created=False)

    def after_write(self) -> None:
        self.session.flush()
        if not self.new_rows:
            return
        defaults = {"gender": Gender.UNSPECIFIED, "protected_identity": False, "guardian_consent": False,
                    "anonymised": False}
        given = set().union(*(values.keys() for values, _cls in self.new_rows)) & set(self.FIELDS)
        self.audit_fields.update(given)
        keys = sorted(set(defaults) | given)  # once, not per row
        rows = [{k: values[k] if k in values else defaults.get(k) for k in keys} for values, _cls in self.new_rows]
        ids = self._insert_pupils(rows)
        enrolments = [{"pupil_id": pupil_id, "class_id": class_id, "school_year_id": self.year_id}
                      for pupil_id, (_values, class_id) in zip(ids, self.new_rows) if class_id is not None]
        if enrolments:
            self._insert_logged(Enrolment, enrolments)
        self.created.setdefault("pupils", set()).update(ids)

    def _insert_logged(self, model: Any, rows: list[dict[str, Any]]) -> None:
        """A Core insert of many rows (the ORM's bulk insert costs as much again in Python), logged in the
        audit log as the ORM's would be: one entry with the fields and the number of rows."""
        from coordinator.safety.audit import record_bulk

        self.session.execute(insert(model.__table__), rows)
        record_bulk(self.session, "create", model.__tablename__, rows)

    def _insert_pupils(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert the new pupils in bulk; their ids in the rows' order.

        SQLite cannot promise RETURNING's order for a multi-row insert, so SQLAlchemy would send one
        statement per row (10,000 round trips); there the ids are given, from the highest one this
        transaction sees. A writer coming between would make the insert fail (key or snapshot), never
        mix rows up. Other databases return the ids in order.
        """
        s = self.session
        if s.get_bind().dialect.name != "sqlite":
            return list(s.scalars(insert(Pupil).returning(Pupil.id, sort_by_parameter_order=True), rows))
        first = int(s.scalar(select(func.max(Pupil.id))) or 0) + 1
        ids = list(range(first, first + len(rows)))
        self._insert_logged(Pupil, [{"id": i, **row} for i, row in zip(ids, rows)])
        return ids


class OrganisationImporter(Importer):
    table = "organisations"
    FIELDS = ("name", "org_number", "sector_code", "kind", "address", "postal_code", "town", "municipality",
              "phone", "email", "website", "places_offered", "notes")

    def prepare(self) -> None:
        self.country = PROFILE_DATA[self.plan.profile].country
        self.by_number: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        for org in self.session.scalars(select(Organisation)):
            if org.org_number:
                self.by_number[org.org_number] = org
            self.by_name.setdefault(_cf(org.name), org)

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = dict(row.values)
        if "sector" in values:
            values["sector_code"] = values.pop("sector")
        org = self.by_number.get(values.get("org_number", "")) if values.get("org_number") else None
        if org is None:
            candidate = self.by_name.get(_cf(values["name"]))
            if candidate is not None and (not candidate.org_number or not values.get("org_number")):
                org = candidate
        if org is None:
            return Pending(row, "created", extra={"values": values})
        changes = diff(org, values, self.FIELDS, self.country)
        return Pending(row, "updated" if changes else "unchanged", target=org, changes=changes,
                       extra={"values": values})

    def write_row(self, item: Pending) -> None:
        values = item.extra["values"]
        if item.action == "created":
            org = Organisation(country=self.country, **{k: values[k] for k in self.FIELDS if k in values})
            self.session.add(org)
            item.target = org
            self.audit_fields.update(k for k in self.FIELDS if k in values)
        else:
            self.update_target(item)


class ContactImporter(Importer):
    table = "contacts"
    FIELDS = ("first_name", "last_name", "organisation_id", "role", "phone", "email", "notes")

    def prepare(self) -> None:
        self.orgs_by_number: dict[str, Organisation] = {}
        self.orgs_by_name: dict[str, list[Organisation]] = {}
        for org in self.session.scalars(select(Organisation)):
            if org.org_number:
                self.orgs_by_number[org.org_number] = org
            self.orgs_by_name.setdefault(_cf(org.name), []).append(org)
        self.contacts: dict[tuple[int | None, str, str], Contact] = {}
        self.by_email: dict[str, Contact] = {}
        for contact in self.session.scalars(select(Contact)):
            self.contacts[(contact.organisation_id, _cf(contact.first_name), _cf(contact.last_name))] = contact
            if contact.email:
                self.by_email[_cf(contact.email)] = contact

    def resolve_row(self, row: PlanRow) -> Pending | None:
        values = dict(row.values)
        org = find_organisation(self, row)
        if org is False:
            return None
        values["organisation_id"] = org.id if org is not None else None
        contact = self.contacts.get((values["organisation_id"], _cf(values["first_name"]),
                                     _cf(values["last_name"])))
        if contact is None and values.get("email"):
            contact = self.by_email.get(_cf(values["email"]))
        if contact is None:
            return Pending(row, "created", extra={"values": values})
        changes = diff(contact, values, self.FIELDS, self.country)
        return Pending(row, "updated" if changes else "unchanged", target=contact, changes=changes,
                       extra={"values": values})

    def write_row(self, item: Pending) -> None:
        values = item.extra["values"]
        if item.action == "created":
            contact = Contact(**{k: values[k] for k in self.FIELDS if k in values})
            self.session.add(contact)
            item.target = contact
            self.audit_fields.update(k for k in self.FIELDS if k in values)
        else:
            self.update_target(item)


def find_organisation(importer: Any, row: PlanRow) -> Organisation | None | bool:
    """The workplace a row names by number or exact name; None if it names none; False (a problem) if unknown."""
    number, name = row.values.get("org_number"), row.values.get("organisation")
    if number:
        org = importer.orgs_by_number.get(number)
        if org is None:
            importer.problem(row, "org_number", _("There is no organisation with number {number}; import the "
                                                  "organisations first.").format(number=number))
            return False
        return org
    if name:
        found = importer.orgs_by_name.get(_cf(name), [])
        exact = [org for org in found if org.name.strip() == name.strip()] or found
        if len(exact) == 1:
            return exact[0]
        if not exact:
            importer.problem(row, "organisation", _("There is no organisation named “{name}”; import the "
                                                    "organisations first.").format(name=name))
        else:
            importer.problem(row, "organisation", _("More than one organisation is named “{name}”; give its "
                                                    "number.").format(name=name))
        return False
    return None
