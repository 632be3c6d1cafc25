"""The base of every importer, in two phases, and the comparison of a row with a record.

`resolve` matches every row against what the database holds and finds the problems that need the
database (unknown pupil, unknown class, unknown workplace) without writing anything; `write` then
creates and updates.
"""

from __future__ import annotations

import datetime as dt

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from coordinator.changes import Changes
from coordinator.errors import UserError
from coordinator.transfer.plan import ImportPlan, PlanRow, Problem


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

    def update_target(self, item: Pending) -> None:
        """Write the changed values of a record the file matched, and note them for the audit log."""
        for name, value in item.changes.items():
            setattr(item.target, name, value)
        self.audit_fields.update(item.changes)

    def after_write(self) -> None:
        self.session.flush()
        for item in self.written:
            self.note(self.table, item.target.id, created=item.action == "created")

    def note(self, table: str, record_id: int, *, created: bool) -> None:
        (self.created if created else self.updated).setdefault(table, set()).add(record_id)

    def changes_set(self) -> Changes:
        return Changes({k: frozenset(v) for k, v in self.created.items() if v},
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
