"""Writing a checked import plan into the database in one transaction, without duplicates."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from coordinator.transfer.plan import ImportPlan, ImportResult


def apply_import(session: Session, plan: ImportPlan, *, school: str | None = None, year: str | None = None,
                 good_rows_only: bool = False, dry_run: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import the plan's rows; with problems (and not good_rows_only) nothing is written."""
    raise NotImplementedError
