"""The erasure register beside the database, and scrubbing deleted rows out of the file.

The register holds no personal data (the table, the record id and a fingerprint of id and creation
time), so that restoring an older backup re-applies every erasure and anonymisation made since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from coordinator.models import Pupil
from coordinator.safety.atomic import write_text_atomic
from coordinator.store import Store


def register_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".erasures.json")


def fingerprint(table: str, record_id: int, created_at: object) -> str:
    return hashlib.sha256(f"{table}:{record_id}:{created_at}".encode()).hexdigest()


def read_register(db_path: Path | None) -> list[dict[str, object]]:
    if db_path is None:
        return []
    path = register_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def append_register(db_path: Path | None, *new: dict[str, object]) -> None:
    if db_path is None or not new:
        return
    entries = read_register(db_path)
    entries.extend(new)
    write_text_atomic(register_path(db_path), json.dumps(entries, indent=1))


def register_anonymised(store: Store, pupil_ids: list[int], now: dt.datetime | None = None) -> None:
    """Note anonymised pupils so that a restored backup anonymises them again."""
    at = (now or dt.datetime.now()).isoformat(timespec="seconds")
    with store.session() as session:
        rows = session.execute(select(Pupil.id, Pupil.created_at).where(Pupil.id.in_(pupil_ids))).all()
    append_register(store.path, *({"table": "pupils", "id": rid, "action": "anonymise", "at": at,
                                    "fingerprint": fingerprint("pupils", rid, created)} for rid, created in rows))


def scrub(store: Store) -> None:
    """Leave no trace of deleted rows: checkpoint the WAL away and rebuild the file (secure_delete is on)."""
    if store.url.get_backend_name() != "sqlite":
        return
    store.engine.dispose()  # no pooled connection may hold an old snapshot
    # A raw driver connection (autocommit): VACUUM cannot run inside the transaction SQLAlchemy opens.
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()
    store.engine.dispose()
