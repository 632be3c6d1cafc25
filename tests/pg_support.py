"""A real PostgreSQL server for the tests: started once per test session from the `pgserver` wheel.

The server listens on a Unix socket in a short temporary folder; each test gets its own database,
copied from a template database (PostgreSQL's `CREATE DATABASE … TEMPLATE`), and dropped after it.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy.engine import URL


@dataclass
class PgServer:
    """A running server: its socket folder, and the databases made on it so far."""

    socket_dir: str
    superuser: str = "postgres"
    templates: set[str] = field(default_factory=set)
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str, user: str | None = None, password: str | None = None) -> URL:
        return URL.create("postgresql+psycopg", username=user or self.superuser, password=password,
                          database=database, query={"host": self.socket_dir})

    @contextmanager
    def admin(self, database: str = "postgres") -> Iterator[psycopg.Connection]:
        with psycopg.connect(host=self.socket_dir, user=self.superuser, dbname=database,
                             autocommit=True) as conn:
            yield conn

    def template(self, name: str, build: Callable[[URL], None]) -> str:
        """A template database built once by `build(url)`; nobody may stay connected to it."""
        if name not in self.templates:
            with self.admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
            build(self.url(name))
            self.templates.add(name)
        return name

    def fresh(self, template: str | None = None) -> str:
        """A new database (a copy of `template` if given); returns its name."""
        name = f"test_{next(self._numbers)}"
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return name

    def drop(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_server() -> Iterator[PgServer]:
    """Start a throw-away server (as an unprivileged user when run as root, which pgserver arranges)."""
    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="pg"))  # short: a socket path may hold about 100 characters
    with warnings.catch_warnings():  # platformdirs: no XDG_RUNTIME_DIR on a server without a login
        warnings.simplefilter("ignore")
        server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        running = PgServer(socket_dir=str(folder))
        with running.admin() as conn:  # a throw-away server: nothing needs to survive a power cut
            for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                conn.execute(f"ALTER SYSTEM SET {setting} = off")
            conn.execute("SELECT pg_reload_conf()")
        yield running
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)
