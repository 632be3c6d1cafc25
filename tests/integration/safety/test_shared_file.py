"""A file shared by the app and the command line: what one process saves, every other process sees.

The process that holds a connection runs every operation that touches the file; after each, another
process opens and closes the file. Had any operation opened and closed a descriptor of the file
outside SQLite, the holder's locks would be gone and that other process would delete its WAL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from coordinator.cli.main import main
from coordinator.safety.backups import create_backup
from coordinator.safety.integrity import check_file
from coordinator.store import open_store

OPEN_AND_CLOSE = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM sqlite_master').fetchone(); c.close()"
READ_NAME = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute('SELECT first_name FROM pupils WHERE id = 1').fetchone()[0]); c.close()")


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _other_process(script: str, db: Path) -> str:
    done = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _command(*args: object) -> None:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    assert exited.value.code == 0


def _operations(db: Path, out: Path) -> list[tuple[str, object]]:
    store_ops = [
        ("check_file", lambda: check_file(db)),
        ("check_file full", lambda: check_file(db, full=True, foreign_keys=True)),
        ("create_backup", lambda: create_backup(db, "auto")),
        ("open_store", lambda: open_store(db).close()),
    ]
    commands = [
        ("check",), ("info",), ("info", "--format", "json"), ("backup",), ("backup", "--out", out / "b.sqlite"),
        ("stats", "gender"), ("stats", "gender", "--format", "csv"), ("stats", "scorecard"),
        ("report", "scorecard", "--out", out / "s.pdf"), ("report", "gender", "--out", out / "g.pdf"),
        ("report", "schedule", "--out", out / "c.ics"),
        ("export", "pupils", "--out", out / "p.csv"), ("export", "all", "--out", out / "all.xlsx"),
        ("export-person", "--pupil", "2", "--out", out / "person.json"),
        ("import", "pupils", out / "p.csv"),
        ("rollover",), ("retention",),
    ]
    return store_ops + [(" ".join(str(a) for a in args), lambda a=args: _command("--db", db, *a))
                        for args in commands]


def test_what_the_holder_saves_reaches_every_process_after_every_operation(small_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = open_store(small_db)
    try:
        connection = holder.engine.connect()
        connection.execute(text("SELECT count(*) FROM pupils")).scalar()
        connection.rollback()  # no transaction open, only the connection (and its locks) held
        wal, shm = (small_db.with_name(small_db.name + suffix) for suffix in ("-wal", "-shm"))
        before = {wal: _identity(wal), shm: _identity(shm)}
        for name, operation in _operations(small_db, out):
            operation()
            _other_process(OPEN_AND_CLOSE, small_db)
            assert wal.exists() and shm.exists(), f"the holder's WAL was deleted after {name}"
            assert {wal: _identity(wal), shm: _identity(shm)} == before, f"the WAL was replaced after {name}"
        with connection.begin():
            connection.execute(text("UPDATE pupils SET first_name = 'Saved-by-holder' WHERE id = 1"))
        assert _other_process(READ_NAME, small_db) == "Saved-by-holder"
        assert {wal: _identity(wal), shm: _identity(shm)} == before
        connection.close()
    finally:
        holder.close()
    assert os.path.exists(small_db)
