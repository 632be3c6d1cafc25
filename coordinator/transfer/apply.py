"""Writing a checked import plan into the database in one transaction, without duplicates.

Each kind has an importer with two phases: `resolve` matches every row against what the database
holds and finds the problems that need the database (unknown pupil, unknown class, unknown
workplace) without writing anything; `write` then creates and updates. Nothing is written when any
row has a problem, unless only the good rows are asked for. The writes happen in a savepoint, so a
cancelled import leaves the caller's transaction as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.services.changes import ChangeSet
from coordinator.transfer.plan import ImportPlan, ImportResult, PlanRow, Problem, RowChange


class ImportCancelled(UserError):
    """The person cancelled the import; nothing was written."""


@dataclass
class Pending:
    """What one good row will do: create a record, update one (with these fields) or leave it unchanged."""

    row: PlanRow
    action: str  # created, updated, unchanged
    target: Any = None  # the existing ORM object for updates
    changes: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


class Importer:
    """The shared frame of one kind's import; subclasses fill in `resolve_row` and `write_row`."""

    table = ""

    def __init__(self, session: Session, plan: ImportPlan, *, school: str | None, year: str | None,
                 period: tuple[dt.date, dt.date] | None = None):
        self.session = session
        self.period = period  # the placement period of a file of wishes
        self.plan = plan
        self.school_name = school.strip() if school else None
        self.year = year
        self.problems: list[Problem] = []
        self.created: dict[str, set[int]] = {}
        self.updated: dict[str, set[int]] = {}
        self.audit_fields: set[str] = set()
        self.written: list[Pending] = []
        from coordinator.reference.profiles import PROFILE_DATA

        self.country = PROFILE_DATA[plan.profile].country

    def problem(self, row: PlanRow | int, field_name: str, message: str) -> None:
        number = row.row if isinstance(row, PlanRow) else row
        self.problems.append(Problem(number, self.plan.column_of(field_name), message))

    def prepare(self) -> None:
        """Load what matching needs, in a few queries."""

    def resolve_row(self, row: PlanRow) -> Pending | None:
        raise NotImplementedError

    def before_write(self, pending: list[Pending]) -> None:
        """Create what the rows share (school, classes) before the rows themselves."""

    def write_row(self, item: Pending) -> None:
        raise NotImplementedError

    def after_write(self) -> None:
        self.session.flush()
        for item in self.written:
            self.note(self.table, item.target.id, created=item.action == "created")

    def note(self, table: str, record_id: int, *, created: bool) -> None:
        (self.created if created else self.updated).setdefault(table, set()).add(record_id)

    def changes_set(self) -> ChangeSet:
        return ChangeSet({k: frozenset(v) for k, v in self.created.items() if v},
                         {k: frozenset(v) for k, v in self.updated.items() if v}, {})


PHONE_FIELDS = frozenset({"phone", "guardian_phone"})


def diff(target: Any, values: dict[str, Any], fields: tuple[str, ...], country: str = "SE") -> dict[str, Any]:
    """The fields among `fields` that the row gives and that differ from the record.

    A phone number written another way (070-123 45 67 against +46 70 123 45 67) is the same number.
    """
    from coordinator.transfer.values import parse_phone

    out: dict[str, Any] = {}
    for name in fields:
        if name not in values or values[name] in (None, ""):
            continue
        current = getattr(target, name)
        if current == values[name]:
            continue
        if name in PHONE_FIELDS and current and parse_phone(current, country) == values[name]:
            continue
        out[name] = values[name]
    return out


def apply_import(session: Session, plan: ImportPlan, *, school: str | None = None, year: str | None = None,
                 good_rows_only: bool = False, dry_run: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 period: tuple[dt.date, dt.date] | None = None) -> ImportResult:
    """Import the plan's rows; with problems (and not good_rows_only) nothing is written."""
    from coordinator.transfer.import_activities import PlacementImporter, StudyVisitImporter
    from coordinator.transfer.import_matching import OfferImporter, WishImporter
    from coordinator.transfer.import_records import ContactImporter, OrganisationImporter, PupilImporter

    result = ImportResult(problems=list(plan.problems), dry_run=dry_run)
    file_level = plan.needs_encoding_choice or not plan.rows or any(p.row <= plan.header_row
                                                                    for p in plan.problems)
    if file_level:
        result.skipped = len(plan.rows)
        return result
    importers = {"pupils": PupilImporter, "organisations": OrganisationImporter, "contacts": ContactImporter,
                 "placements": PlacementImporter, "study-visits": StudyVisitImporter, "offers": OfferImporter,
                 "wishes": WishImporter}
    importer: Importer = importers[plan.kind](session, plan, school=school, year=year, period=period)
    importer.prepare()
    bad = {p.row for p in plan.problems}
    pending: list[Pending] = []
    for row in plan.rows:
        if row.row in bad:
            continue
        before = len(importer.problems)
        item = importer.resolve_row(row)
        if len(importer.problems) == before and item is not None:
            pending.append(item)
    result.problems.extend(importer.problems)
    order = {header: index for index, header in enumerate(plan.headers)}
    result.problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
    bad = {p.row for p in result.problems}
    pending = [item for item in pending if item.row.row not in bad]
    result.skipped = len(plan.rows) - len(pending)
    result.rows = [RowChange(item.row.row, item.action, tuple(sorted(item.changes))) for item in pending]
    result.created = sum(1 for item in pending if item.action == "created")
    result.updated = sum(1 for item in pending if item.action == "updated")
    result.unchanged = sum(1 for item in pending if item.action == "unchanged")
    if (result.problems and not good_rows_only) or dry_run or not pending:
        if result.problems and not good_rows_only:
            result.created = result.updated = result.unchanged = 0
            result.skipped = len(plan.rows)
            result.rows = []
        return result
    with session.begin_nested() as savepoint:
        try:
            importer.before_write(pending)
            total = len(pending)
            for done, item in enumerate(pending, start=1):
                if item.action != "unchanged":
                    importer.write_row(item)
                    importer.written.append(item)
                if done % 250 == 0 or done == total:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled(_("The import was cancelled; nothing was changed."))
                    if progress is not None:
                        progress(done, total)
            importer.after_write()  # the audit log is written by the store's session events
        except ImportCancelled:
            savepoint.rollback()
            raise
    result.changes = importer.changes_set()
    result.imported = True
    return result
