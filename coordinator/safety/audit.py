"""The audit log: every create, update and delete of a domain record, with the names of changed fields.

Recorded by session events installed on the store's sessionmaker, so no service can forget it.
Values are never recorded (they may be personal data); the log is only ever appended to.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from coordinator.models import AuditEntry

AUDIT_TABLE = AuditEntry.__tablename__
_SKIPPED_FIELDS = {"created_at", "updated_at"}
_INSTALLED_KEY = "_coordinator_audit_installed"


@dataclass(frozen=True)
class AuditRecord:
    at: dt.datetime | None
    action: str
    table: str
    record_id: int | None
    fields: tuple[str, ...]


def _record_id(obj: object) -> int | None:
    state = inspect(obj)
    identity = state.identity or state.mapper.primary_key_from_instance(obj)
    if identity and len(identity) == 1 and isinstance(identity[0], int):
        return identity[0]
    return None


def _changed_fields(obj: object) -> list[str]:
    state = inspect(obj)
    changed = []
    for attr in state.mapper.attrs:
        if attr.key in _SKIPPED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            changed.append(attr.key)
    return changed


def _column_fields(obj: object) -> list[str]:
    state = inspect(obj)
    return [c.key for c in state.mapper.column_attrs
            if c.key not in _SKIPPED_FIELDS and c.key != "id" and state.attrs[c.key].value is not None]


def _after_flush(session: Session, _context: object) -> None:
    if session.info.get("audit") is False:
        return
    rows: list[dict[str, object]] = []
    for obj in session.new:
        table = getattr(obj, "__tablename__", None)
        if table and table != AUDIT_TABLE:
            rows.append({"action": "create", "table_name": table, "record_id": _record_id(obj),
                         "fields": json.dumps(sorted(_column_fields(obj)))})
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        if not table or table == AUDIT_TABLE or not session.is_modified(obj, include_collections=True):
            continue
        fields = _changed_fields(obj)
        if fields:
            rows.append({"action": "update", "table_name": table, "record_id": _record_id(obj),
                         "fields": json.dumps(sorted(fields))})
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", None)
        if table and table != AUDIT_TABLE:
            rows.append({"action": "delete", "table_name": table, "record_id": _record_id(obj), "fields": None})
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def _on_orm_execute(state) -> None:  # type: ignore[no-untyped-def]
    """Bulk ORM statements (insert/update/delete of many rows) are logged as one entry each."""
    if state.session.info.get("audit") is False or not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = getattr(getattr(mapper, "local_table", None), "name", None) if mapper is not None else None
    if not table or table == AUDIT_TABLE:
        return
    action = "create" if state.is_insert else "update" if state.is_update else "delete"
    record_bulk(state.session, action, table, state.parameters)


def record_bulk(session: Session, action: str, table: str, params: object) -> None:
    """One entry for a statement of many rows (`params`, as executed): its fields and its row count.

    The ORM's bulk statements are logged so by the session event; a Core statement that a service runs
    for speed is logged so by the service itself, with this."""
    count = len(params) if isinstance(params, list) else None
    keys: list[str] = []
    if isinstance(params, list) and params:
        keys = sorted(k for k in params[0] if k not in _SKIPPED_FIELDS and k != "id")
    elif isinstance(params, dict):
        keys = sorted(k for k in params if k not in _SKIPPED_FIELDS and k != "id")
    session.connection().execute(insert(AuditEntry.__table__), [{
        "action": f"bulk-{action}", "table_name": table, "record_id": None,
        "fields": json.dumps({"fields": keys, "rows": count}),
    }])


def install_audit(factory: sessionmaker[Session]) -> None:
    """Attach the audit events to a sessionmaker (once)."""
    if getattr(factory, _INSTALLED_KEY, False):
        return
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    setattr(factory, _INSTALLED_KEY, True)


def record(session: Session, action: str, table: str, record_id: int | None,
           fields: list[str] | None = None) -> None:
    """Append one entry by hand (erasure, anonymisation, restore): the only other way in."""
    session.connection().execute(insert(AuditEntry.__table__), [{
        "action": action, "table_name": table, "record_id": record_id,
        "fields": json.dumps(sorted(fields)) if fields is not None else None,
    }])


def audit_for(session: Session, table: str, record_id: int) -> list[AuditRecord]:
    """The history of one record, oldest first (shown per record in the app)."""
    rows = session.execute(select(AuditEntry.at, AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id,
                                  AuditEntry.fields)
                           .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
                           .order_by(AuditEntry.id)).all()
    result = []
    for at, action, table_name, rid, fields in rows:
        try:
            parsed = json.loads(fields) if fields else []
        except ValueError:
            parsed = []
        names = tuple(parsed) if isinstance(parsed, list) else tuple(parsed.get("fields", []))
        result.append(AuditRecord(at=at, action=action, table=table_name, record_id=rid, fields=names))
    return result


_APPEND_ONLY = {
    "audit_log_no_update": "BEFORE UPDATE",
    "audit_log_no_delete": "BEFORE DELETE",
}


def ensure_append_only(engine) -> None:  # type: ignore[no-untyped-def]
    """SQLite triggers that refuse any UPDATE or DELETE of the audit log (created once, on open)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        present = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name=?", (AUDIT_TABLE,))}
    missing = [name for name in _APPEND_ONLY if name not in present]
    if not missing:
        return
    with engine.begin() as conn:
        for name in missing:
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {name} {_APPEND_ONLY[name]} ON {AUDIT_TABLE} "
                "BEGIN SELECT RAISE(ABORT, 'the audit log can only be added to'); END")
