"""The erasure register: read and written inside the database, gathered from backups on a restore.

The register lives in the table `erasure_register`, so every copy of the file and every backup
carries it. A restore collects the entries of the live database and of every backup beside it,
so that a backup made before an erasure cannot bring the person back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coordinator.models import ErasureRecord


@dataclass(frozen=True)
class RegisterEntry:
    table: str
    record_id: int
    action: str  # erase, anonymise
    fingerprint: str
    at: dt.datetime

    @property
    def key(self) -> tuple[str, int, str, str]:
        return self.table, self.record_id, self.action, self.fingerprint


def fingerprint(table: str, record_id: int, created_at: object) -> str:
    """Who the record was, without personal data: its table, id and creation time, hashed."""
    return hashlib.sha256(f"{table}:{record_id}:{created_at}".encode()).hexdigest()


def register_entries(session: Session) -> list[RegisterEntry]:
    rows = session.execute(select(ErasureRecord.table_name, ErasureRecord.record_id, ErasureRecord.action,
                                  ErasureRecord.fingerprint, ErasureRecord.at).order_by(ErasureRecord.id))
    return [RegisterEntry(*row) for row in rows]


def add_to_register(session: Session, entries: Iterable[RegisterEntry]) -> int:
    """Add the entries the register does not hold yet (in the caller's transaction); returns how many."""
    known = {entry.key for entry in register_entries(session)}
    new: dict[tuple[str, int, str, str], RegisterEntry] = {}
    for entry in entries:
        if entry.key not in known:
            new.setdefault(entry.key, entry)
    if new:
        session.execute(insert(ErasureRecord.__table__), [
            {"table_name": e.table, "record_id": e.record_id, "action": e.action, "fingerprint": e.fingerprint,
             "at": e.at} for e in new.values()])
    return len(new)


def _connect(path: Path, passphrase: str | None) -> sqlite3.Connection:
    if passphrase is not None:
        from coordinator.safety.encryption import connect_encrypted

        return connect_encrypted(path, passphrase, readonly=True)
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=5.0, isolation_level=None)


def _as_time(value: object) -> dt.datetime:
    with contextlib.suppress(TypeError, ValueError):
        return dt.datetime.fromisoformat(str(value))
    return dt.datetime.now()


def register_of_file(path: Path, passphrase: str | None = None) -> list[RegisterEntry]:
    """The register held in a database or backup file (read only; none for an old or unreadable file)."""
    if not path.is_file():
        return []
    conn = None
    try:
        conn = _connect(path, passphrase)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='erasure_register'").fetchone() \
                is None:
            return []
        rows = conn.execute("SELECT table_name, record_id, action, fingerprint, at FROM erasure_register").fetchall()
    except Exception:  # noqa: BLE001  (SQLCipher has its own error classes; an unreadable file holds no register)
        return []
    finally:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
    return [RegisterEntry(str(t), int(r), str(a), str(f), _as_time(at)) for t, r, a, f, at in rows
            if isinstance(r, int)]


def known_entries(files: Iterable[Path], passphrase: str | None = None) -> list[RegisterEntry]:
    """Every entry held by any of `files` (the live database and its backups), each once."""
    found: dict[tuple[str, int, str, str], RegisterEntry] = {}
    for path in files:
        for entry in register_of_file(path, passphrase):
            found.setdefault(entry.key, entry)
    return list(found.values())
