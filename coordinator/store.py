"""Opening the database: where it lives, its settings on connect, and its schema revision.

A path or a SQLAlchemy URL is accepted. SQLite files are upgraded on open with Alembic; a
file made by a newer version of the app is refused untouched. One `Store.session()` block is
one transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.schema import (  # noqa: F401  (re-exported: the store is where callers look for them)
    MIGRATIONS_DIR,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    scripted_head,
)
from coordinator.safety.locations import DEFAULT_FILENAME, default_database_path  # noqa: F401  (re-exported)
from coordinator.validation import check_database_path, read_only_problem

def resolve_url(db: str | Path | None) -> URL:
    """A `--db` value (path or URL, or nothing for the default file) as a SQLAlchemy URL."""
    if db is None:
        return make_url(f"sqlite:///{default_database_path()}")
    text = str(db)
    if "://" in text:
        try:
            return make_url(text)
        except ArgumentError as exc:
            raise UserError(_("“{url}” is not a database URL.").format(url=text)) from exc
    if "\x00" in text:
        raise UserError(_("“{name}” holds a NUL character, which no file name can hold.").format(
            name=text.replace("\x00", "\\0")))
    try:
        resolved = Path(text).expanduser().resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links (RuntimeError before Python 3.13)
        raise UserError(_("{path} is a link that leads back to itself; give the database file.").format(
            path=text)) from exc
    return make_url(f"sqlite:///{resolved}")


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    # Autocommit at the driver level; SQLAlchemy emits BEGIN itself (see make_engine) so that a
    # session block is exactly one transaction, DDL included.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    try:
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            cursor.execute("PRAGMA journal_mode=DELETE")
    except Exception:  # noqa: BLE001  (a read-only medium or a network share that refuses WAL)
        cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(url: URL) -> Engine:
    # hide_parameters: bound values (names, phone numbers) never appear in error messages or logs.
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


@dataclass
class Store:
    """An open database: its URL, engine and sessions."""

    url: URL
    engine: Engine
    session_factory: sessionmaker[Session]
    # A translated warning when the file is on a network share or in a synced cloud folder.
    warning: str | None = None
    # Passed its checks on open (or made new): closing it records it as closed cleanly.
    trusted: bool = False

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        A full disk becomes a UserError with a clear line; the transaction is rolled back whole.
        """
        try:
            with self.session_factory() as session, session.begin():
                yield session
        except StaleDataError as exc:  # an UPDATE that named a version someone else had just replaced
            from coordinator.errors import edit_conflict

            raise edit_conflict() from exc
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":  # PostgreSQL: insufficient privilege
                raise UserError(_("Your login on the server may not read or change this; nothing was changed. "
                                  "Ask the coordinator if you need it.")) from exc
            raise
        except OperationalError as exc:
            if "disk is full" in str(exc.orig).lower() or "database or disk is full" in str(exc).lower():
                raise UserError(_("The disk is full, so nothing of this change was saved. Free some space "
                                  "and try again.")) from exc
            problem = read_only_problem(self.path) if self.path and "readonly" in str(exc.orig).lower() else None
            if problem:
                raise UserError(problem) from exc
            if self.path is None:
                raise server_unreachable(self.url) from exc
            raise

    def close(self) -> None:
        """Close every connection; a checked file is remembered as left cleanly (coordinator.safety.dbfile)."""
        self.engine.dispose()
        if self.trusted and self.path is not None:
            from coordinator.safety.dbfile import record_clean_close

            record_clean_close(self.path)
            self.trusted = False


def open_store(
    db: str | Path | URL | None,
    *,
    create: bool = False,
    upgrade: bool = True,
    before_migration: Callable[[Store], None] | None = None,
    check: bool = True,
) -> Store:
    """Open (or with `create`, make) a database and bring its schema to this version's head.

    An existing SQLite file is first checked read-only and proved to be this app's before anything
    writes to it (even a PRAGMA): `quick_check` when it is exactly as this app last closed it
    cleanly, the full `integrity_check` and `foreign_key_check` otherwise. One that fails is
    refused untouched with a `DatabaseRefused` (a UserError) that offers the newest good
    backup. Before a migration the file is backed up (unless `before_migration` says otherwise).
    Raises UserError for a missing file (unless `create`), a file that is not a database, or one
    made by a newer version of the app.
    """
    from coordinator.safety.audit import install_audit
    from coordinator.safety.backups import backup_before
    from coordinator.safety.locations import storage_warning

    url = db if isinstance(db, URL) else resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        check_database_path(path)
        _check_file_before_open(url, path, create=create, check=check)
        _clean_leftovers(path)
        if before_migration is None:
            def before_migration(opened: Store) -> None:
                backup_before(opened, "migration")
    engine = make_engine(url)
    factory = sessionmaker(engine, expire_on_commit=False)
    install_audit(factory)
    store = Store(url=url, engine=engine, session_factory=factory, warning=storage_warning(path),
                  trusted=path is not None and check)
    try:
        _bring_schema_to_head(store, create=create, upgrade=upgrade, before_migration=before_migration)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if path is None and isinstance(exc, OperationalError):  # a server that cannot be reached
            raise server_unreachable(url) from exc
        if path is not None and (problem := read_only_problem(path)):
            raise UserError(problem) from exc
        if path is not None and path.exists() and check:
            from coordinator.safety.integrity import CheckResult

            raise _refusal(path, CheckResult(False, "damaged", (str(exc),))) from exc
        raise UserError(
            _("{name} cannot be opened: it is not a database or it is damaged.").format(
                name=path.name if path else url)
        ) from exc
    except UserError:
        engine.dispose()
        raise
    _register_protected_names(store)
    return store


def server_unreachable(url: URL) -> UserError:
    """The connection to a server failed or was lost: nothing half-written (the transaction is rolled back)."""
    host = url.host or url.query.get("host") or "localhost"
    return UserError(_("The database server {host} cannot be reached, so nothing of this was read or saved; "
                       "what you typed is kept. Try again when the connection is back.").format(host=host))


def _clean_leftovers(path: Path) -> None:
    """Remove temporary files (exports, backups, rebuilt databases) that killed processes left behind."""
    from coordinator.safety.own_files import clean_leftovers_of

    clean_leftovers_of(path)


def _check_file_before_open(url: URL, path: Path, *, create: bool, check: bool) -> None:
    """Refuse a missing file (unless creating) and check an existing one read-only before any write."""
    if not path.exists() and not create:
        raise UserError(
            _("There is no database at {path}. Create one with “coordinator --db {path} init” "
              "or “coordinator --db {path} demo”.").format(path=path)
        )
    if path.exists() and check and url.get_driver_name() == "pysqlcipher":
        _check_encrypted_on_open(path, url.password or "")
    elif path.exists() and check:
        _check_on_open(path, create=create)
    path.parent.mkdir(parents=True, exist_ok=True)


def _bring_schema_to_head(store: Store, *, create: bool, upgrade: bool,
                          before_migration: Callable[[Store], None] | None) -> None:
    """Refuse a newer or foreign schema; upgrade an older one (after `before_migration`) with Alembic."""
    engine, path, url = store.engine, store.path, store.url
    revision = current_revision(engine)
    head = head_revision()
    if revision is not None and revision != head and revision not in known_revisions():
        raise UserError(
            _("The database {name} was made by a newer version of this app (schema {revision}); "
              "update the app to open it.").format(name=path.name if path else url, revision=revision)
        )
    if revision is None and not create and inspect(engine).get_table_names():
        raise UserError(_("{name} is not a database of this app.").format(name=path.name if path else url))
    if revision != head and upgrade:
        if revision is not None and before_migration is not None:
            before_migration(store)
            engine.dispose()  # the backup read the file through its own connection
        from alembic import command

        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    if upgrade and path is not None:
        from coordinator.safety.audit import ensure_append_only

        ensure_append_only(engine)


def _check_on_open(path: Path, *, create: bool) -> None:
    from coordinator.safety.integrity import check_file
    from coordinator.safety.precheck import needs_full_check, take_verdict

    full = needs_full_check(path)
    result = take_verdict(path, full=full) or check_file(path, full=full, foreign_keys=full, ours=True)
    if result.ok and (result.kind != "empty" or create):
        return
    cannot_open = any(w in " ".join(result.details).lower() for w in ("unable to open", "readonly", "read-only"))
    if cannot_open and (problem := read_only_problem(path)):  # a sound file where SQLite may not write beside it
        raise UserError(problem)
    if result.kind == "unreadable":
        raise UserError(result.message(path.name))
    raise _refusal(path, result)


def _check_encrypted_on_open(path: Path, passphrase: str) -> None:
    from coordinator.safety.encryption import check_encrypted, wrong_passphrase

    result = check_encrypted(path, passphrase)
    if result.kind == "wrong_passphrase":
        raise wrong_passphrase(path.name)
    if not result.ok:
        raise _refusal(path, result, passphrase=passphrase)


def _refusal(path: Path, result, *, passphrase: str | None = None):  # type: ignore[no-untyped-def]
    """The refusal of a file that failed its check, offering the newest good backup."""
    from coordinator.formatting import format_datetime
    from coordinator.safety.backups import newest_good_backup
    from coordinator.safety.integrity import DatabaseRefused

    backup = newest_good_backup(path, passphrase=passphrase)
    if result.kind == "empty":
        message = _("{name} is not a database of this app.").format(name=path.name)
    else:
        message = result.message(path.name)
    if backup is not None and result.kind != "newer":
        message += " " + _("It was left as it was. The newest good backup is from {time}; restore it with "
                           "“coordinator --db {path} restore {backup}”.").format(
            time=format_datetime(backup.created, "short"), path=path, backup=backup.path)
    elif result.kind != "newer":
        message += " " + _("It was left as it was; no backup of it was found.")
    return DatabaseRefused(message, path=path, result=result, backup=backup.path if backup else None)


def _register_protected_names(store: Store) -> None:
    from sqlalchemy import select

    from coordinator.models import Pupil
    from coordinator.safety.logs import register_protected_names

    try:
        with store.session() as session:
            rows = session.execute(select(Pupil.first_name, Pupil.last_name)
                                   .where(Pupil.protected_identity.is_(True))).all()
    except (DatabaseError, OperationalError):
        return
    register_protected_names([name for row in rows for name in row])
