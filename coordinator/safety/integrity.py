"""Checks on open: is this file a sound database of this app? Read-only, so a bad file stays as it was."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _

# Error codes that mean "this file is damaged or not a database", as opposed to "cannot open now".
_DAMAGE_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE",
                 "SQLITE_CORRUPT_VTAB", "SQLITE_IOERR_SHORT_READ"}


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    # "ok", "empty" (no tables yet), "missing", "not_database", "not_ours" (another app's database),
    # "damaged", "foreign_keys", "newer", "unreadable"
    kind: str
    details: tuple[str, ...] = field(default=())

    def message(self, name: str) -> str:
        if self.kind in ("ok", "empty"):
            return _("{name} passed its check.").format(name=name)
        if self.kind == "missing":
            return _("There is no database at {name}.").format(name=name)
        if self.kind == "not_database":
            return _("{name} is not a database file.").format(name=name)
        if self.kind == "newer":
            return _("{name} was made by a newer version of this app; update the app to open it.").format(
                name=name)
        if self.kind == "not_ours":
            return _("{name} is not a database of this app.").format(name=name)
        if self.kind == "foreign_keys":
            return _("{name} is damaged: some records point to records that do not exist.").format(name=name)
        if self.kind == "wrong_passphrase":
            return _("The passphrase for {name} is wrong; nothing was opened or changed.").format(name=name)
        if self.kind == "unreadable":
            reason = self.details[0].splitlines()[0][:200] if self.details and self.details[0] else ""
            return _("{name} cannot be read right now: {reason}.").format(name=name, reason=reason)
        return _("{name} is damaged and cannot be used safely.").format(name=name)


class DatabaseRefused(UserError):
    """A database that failed its check on open; carries the newest good backup to offer, if any."""

    def __init__(self, message: str, *, path: Path, result: CheckResult, backup: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.result = result
        self.backup = backup


def _connect_readonly(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)


def _size_problem(conn: sqlite3.Connection, size: int) -> CheckResult | None:
    """A file cut inside a page; SQLite itself reports one cut at a page boundary as malformed.

    Read through SQLite, never with open(): see coordinator.safety.dbfile for why.
    """
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header: not a database?
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    if size and page_size and size % page_size:
        return CheckResult(False, "damaged", ("size is not a whole number of pages",))
    return None


def _schema_problem(conn: sqlite3.Connection) -> CheckResult | None:
    """Not this app's file (no schema revision of ours), or one with tables missing at its revision."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return CheckResult(False, "not_ours")
    from coordinator.migrations import HEAD, HEAD_TABLES

    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision and revision[0] == HEAD:
        missing = sorted(HEAD_TABLES - tables)
        if missing:
            return CheckResult(False, "damaged", tuple(f"table {name} is missing" for name in missing))
    return None


def _run_checks(conn: sqlite3.Connection, *, full: bool, foreign_keys: bool) -> CheckResult:
    # Read as bytes: the report of a damaged page may quote bytes that are not valid text.
    conn.text_factory = bytes
    try:
        rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    finally:
        conn.text_factory = str
    lines = [r[0].decode("utf-8", "replace") if isinstance(r[0], bytes) else str(r[0]) for r in rows]
    problems = tuple(line for line in lines if line.lower() != "ok")
    if problems:
        return CheckResult(False, "damaged", problems[:20])
    # Reading the whole schema catches damage quick_check does not look at.
    conn.execute("SELECT name, sql FROM sqlite_master").fetchall()
    if foreign_keys:
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            return CheckResult(False, "foreign_keys", tuple(f"{r[0]} row {r[1]} → {r[2]}" for r in bad[:20]))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return CheckResult(True, "empty")
    if full:
        unreadable = _unreadable_text(conn, sorted(tables))
        if unreadable:
            return CheckResult(False, "damaged", unreadable)
    if "alembic_version" in tables:
        from coordinator.migrations import HEAD

        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision and revision[0] != HEAD:
            from coordinator.schema import known_revisions  # Alembic only for a file not at this code's head

            if revision[0] not in known_revisions():
                return CheckResult(False, "newer", (str(revision[0]),))
    return CheckResult(True, "ok")


def _unreadable_text(conn: sqlite3.Connection, tables: list[str]) -> tuple[str, ...]:
    """Text values that are not valid UTF-8 (a flipped bit the page checks cannot see)."""
    conn.text_factory = bytes
    problems = []
    try:
        for table in tables:
            for row in conn.execute(f'SELECT rowid, * FROM "{table}"' if not table.startswith("sqlite_")
                                    else f'SELECT 0, * FROM "{table}"'):
                for value in row[1:]:
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            problems.append(f"{table} row {row[0]}: text is not readable")
                            break
                if len(problems) >= 20:
                    return tuple(problems)
    except sqlite3.OperationalError:
        pass  # a WITHOUT ROWID table: its values were read by quick_check's pass already
    finally:
        conn.text_factory = str
    return tuple(problems)


def check_file(path: str | Path, *, full: bool = False, foreign_keys: bool = False,
               ours: bool = False) -> CheckResult:
    """Check a database file without changing a byte of it, through SQLite alone.

    `quick_check` by default; `full` runs `integrity_check`, and `foreign_keys` adds
    `foreign_key_check` (the `check` command, and an open after anything but a clean close, do both).
    `ours` also proves the file is this app's, with every table of its revision (kind "not_ours" or
    "damaged" otherwise), before anything may write to it.
    """
    db = Path(path)
    if not db.exists():
        return CheckResult(False, "missing")
    try:
        size = db.stat().st_size
    except OSError as exc:
        return CheckResult(False, "unreadable", (exc.strerror or type(exc).__name__,))
    for readonly in (True, False):
        conn = None
        try:
            conn = _connect_readonly(db) if readonly else sqlite3.connect(db, timeout=5.0, isolation_level=None)
            result = _size_problem(conn, size) or _run_checks(conn, full=full, foreign_keys=foreign_keys)
            if ours and result.kind == "ok":
                return _schema_problem(conn) or result
            return result
        except UnicodeDecodeError as exc:  # the schema itself holds bytes that are not text
            return CheckResult(False, "damaged", (str(exc),))
        except sqlite3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorname", "") or ""
            text = str(exc).lower()
            if code in _DAMAGE_CODES or any(w in text for w in ("malformed", "not a database", "corrupt",
                                                                 "could not decode")):
                return CheckResult(False, "not_database" if "not a database" in text else "damaged", (str(exc),))
            if readonly and ("readonly" in code.lower() or "cantopen" in code.lower()
                             or "read-only" in text or "readonly" in text or "unable to open" in text):
                # A hot journal from a crash must be rolled back first; that is recovery, not change.
                continue
            if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
                return CheckResult(False, "unreadable", (str(exc),))
            return CheckResult(False, "damaged", (str(exc),))  # anything else SQLite cannot read is damage
        finally:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
    return CheckResult(False, "unreadable", ("",))
