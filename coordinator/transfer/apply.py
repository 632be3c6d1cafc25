"""Writing a checked import plan into the database in one transaction, without duplicates.

Nothing is written when any row has a problem, unless only the good rows are asked for. The writes
happen in a savepoint, so a cancelled import leaves the caller's transaction as it was. The
importers themselves (one per kind) are built on `transfer.importer`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

from coordinator.i18n import _
from coordinator.transfer.import_activities import PlacementImporter, StudyVisitImporter
from coordinator.transfer.import_clusters import ContactLogImporter, NetworkMemberImporter
from coordinator.transfer.import_matching import OfferImporter, WishImporter
from coordinator.transfer.import_outcomes import ChoiceImporter, DestinationImporter
from coordinator.transfer.import_records import ContactImporter, OrganisationImporter, PupilImporter
from coordinator.transfer.importer import ImportCancelled, Importer, Pending, diff
from coordinator.transfer.plan import ImportPlan, ImportResult, RowChange

__all__ = ["ImportCancelled", "Importer", "Pending", "apply_import", "diff"]

IMPORTERS: dict[str, type[Importer]] = {
    "pupils": PupilImporter, "organisations": OrganisationImporter, "contacts": ContactImporter,
    "placements": PlacementImporter, "study-visits": StudyVisitImporter, "offers": OfferImporter,
    "wishes": WishImporter, "network-members": NetworkMemberImporter, "contact-log": ContactLogImporter,
    "choices": ChoiceImporter, "destinations": DestinationImporter}


def apply_import(session: Session, plan: ImportPlan, *, school: str | None = None, year: str | None = None,
                 good_rows_only: bool = False, dry_run: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 period: tuple[dt.date, dt.date] | None = None,
                 before_writing: Callable[[], None] | None = None) -> ImportResult:
    """Import the plan's rows; with problems (and not good_rows_only) nothing is written.

    `before_writing` is called once the rows are matched, just before the first write (the caller's
    backup, taken meanwhile, is awaited there); an exception from it stops the import unwritten."""
    result = ImportResult(problems=list(plan.problems), dry_run=dry_run)
    file_level = plan.needs_encoding_choice or not plan.rows or any(p.row <= plan.header_row
                                                                    for p in plan.problems)
    if file_level:
        result.skipped = len(plan.rows)
        return result
    importer: Importer = IMPORTERS[plan.kind](session, plan, school=school, year=year, period=period)
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
    if before_writing is not None:
        before_writing()
    _write(session, importer, pending, progress, cancelled)
    result.changes = importer.changes_set()
    result.imported = True
    return result


def _write(session: Session, importer: Importer, pending: list[Pending],
           progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> None:
    """Write the matched rows in a savepoint; a cancellation rolls it back whole."""
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
            importer.after_write()  # the audit log: the session events, and bulk entries the importer writes
        except ImportCancelled:
            savepoint.rollback()
            raise
