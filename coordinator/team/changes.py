"""Changes made elsewhere: what the audit log gained since a mark, as the desk's `Changes`."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.changes import Changes, Kind
from coordinator.models.audit import AuditEntry

NOTHING = Changes()


def changes_since(session: Session, mark: int | None) -> tuple[int, Changes]:
    """(the newest audit entry's id, what the entries after `mark` changed); nothing on the first call."""
    newest = session.scalar(select(func.max(AuditEntry.id))) or 0
    if mark is None or newest <= mark:
        return max(newest, mark or 0), NOTHING
    changes = NOTHING
    rows = session.execute(select(AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id)
                           .where(AuditEntry.id > mark, AuditEntry.id <= newest))
    for action, table, record_id in rows:
        kind = Kind.of_table(table)
        if kind is None:  # a link table: its record's own entry says what to refresh
            continue
        if record_id is None:  # a bulk statement: which rows, unknown
            changes = changes.merge(Changes.of(kind))
        elif action == "create":
            changes = changes.merge(Changes.of(kind, created=[record_id]))
        elif action == "delete":
            changes = changes.merge(Changes.of(kind, deleted=[record_id]))
        else:
            changes = changes.merge(Changes.of(kind, updated=[record_id]))
    return newest, changes
