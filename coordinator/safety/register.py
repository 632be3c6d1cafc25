"""Noting anonymised pupils in the erasure register, and scrubbing deleted rows out of the file.

Shared by erasure and retention (which both anonymise or delete), so that neither imports the other.
The register itself lives inside the database (`safety/erasure_register.py`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from coordinator.models import Pupil
from coordinator.safety.erasure_register import RegisterEntry, add_to_register, fingerprint
from coordinator.store import Store


def register_anonymised(store: Store, pupil_ids: list[int], now: dt.datetime | None = None) -> None:
    """Note anonymised pupils so that a restored backup anonymises them again."""
    at = (now or dt.datetime.now()).replace(microsecond=0)
    with store.session() as session:
        rows = session.execute(select(Pupil.id, Pupil.created_at).where(Pupil.id.in_(pupil_ids))).all()
        add_to_register(session, (RegisterEntry("pupils", rid, "anonymise", fingerprint("pupils", rid, created), at)
                                  for rid, created in rows))


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
