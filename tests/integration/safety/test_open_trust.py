"""Opening trusts nothing it has not checked: a file is proved ours and sound, read-only, before any write.

A file exactly as the app last closed it gets the quick check; any other (a copy, a file changed
since, one left after a crash) gets the full integrity and foreign-key checks first.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from coordinator.cli.main import main
from coordinator.safety import integrity
from coordinator.safety.dbfile import closed_cleanly
from coordinator.store import open_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args: object) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


def flip_in_index(source: Path, target: Path, index: str = "ix_pupils_last_name") -> None:
    """A copy whose index disagrees with its table: the quick check passes it, the full check does not."""
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        name = conn.execute("SELECT last_name FROM pupils ORDER BY id LIMIT 1").fetchone()[0].encode()
    finally:
        conn.close()
    data = bytearray(source.read_bytes())
    at = data.index(name, (root - 1) * page_size, root * page_size)
    data[at + 1] ^= 0x01
    target.write_bytes(bytes(data))


def test_a_copy_with_a_damaged_index_is_refused_by_info_untouched(small_db, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite"
    flip_in_index(small_db, copy)
    before = digest(copy)
    code, _out, err = run(capsys, "--db", copy, "check")
    assert code == 1 and "damaged" in err
    code, out, err = run(capsys, "--db", copy, "info")
    assert code == 1 and out == ""
    assert "copy.sqlite is damaged" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert digest(copy) == before
    wal = copy.with_name("copy.sqlite-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a read-only look leaves at most an empty WAL


def test_a_file_changed_after_a_clean_close_is_checked_in_full(small_db, capsys):
    open_store(small_db).close()
    assert closed_cleanly(small_db)
    damaged = small_db.with_name("damaged.sqlite")
    flip_in_index(small_db, damaged)
    small_db.write_bytes(damaged.read_bytes())  # in place: same file, same size
    before = digest(small_db)
    code, _out, err = run(capsys, "--db", small_db, "info")
    assert code == 1 and "damaged" in err
    assert digest(small_db) == before


def test_a_file_as_the_app_left_it_needs_only_the_quick_check(small_db, monkeypatch, capsys):
    open_store(small_db).close()
    calls = []
    real = integrity.check_file
    monkeypatch.setattr(integrity, "check_file", lambda *a, **k: calls.append(k.get("full")) or real(*a, **k))
    code, out, _err = run(capsys, "--db", small_db, "info")
    assert code == 0 and "Pupils" in out
    assert calls == [False]
    os.utime(small_db)  # touched by something else since: the full check again
    calls.clear()
    code, _out, _err = run(capsys, "--db", small_db, "info")
    assert code == 0 and calls == [True]


def test_another_applications_database_is_refused_byte_for_byte_unchanged(tmp_path, capsys):
    other = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('Köp mjölk')")
    conn.commit()
    conn.close()
    before = digest(other)
    for command in (("info",), ("stats", "gender"), ("backup",), ("init", "--profile", "se")):
        code, _out, err = run(capsys, "--db", other, *command)
        assert code == 1 and "notes.sqlite is not a database of this app" in err, (command, err)
        assert digest(other) == before, command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_a_file_with_a_dropped_table_is_refused_byte_for_byte_unchanged(empty_db, tmp_path, capsys):
    broken = tmp_path / "broken.sqlite"
    shutil.copyfile(empty_db, broken)
    conn = sqlite3.connect(broken)
    conn.execute("DROP TABLE meeting_attendees")
    conn.commit()
    conn.close()
    before = digest(broken)
    code, out, err = run(capsys, "--db", broken, "info")
    assert code == 1 and out == "" and "broken.sqlite is damaged" in err
    assert "Nothing was changed" not in err
    assert digest(broken) == before


def test_a_file_another_process_of_the_app_holds_needs_only_the_quick_check(small_db, monkeypatch, capsys):
    """The app that holds the file checked it in full before its first write; a command beside it reads it."""
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", "import sys\nfrom coordinator.safety.lock import DatabaseLock\n"
                               "lock = DatabaseLock(sys.argv[1]).acquire()\nprint('held', flush=True)\n"
                               "sys.stdin.read()\nlock.release()", str(small_db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert not closed_cleanly(small_db)
        calls = []
        real = integrity.check_file
        monkeypatch.setattr(integrity, "check_file", lambda *a, **k: calls.append(k.get("full")) or real(*a, **k))
        code, out, _err = run(capsys, "--db", small_db, "info")
        assert code == 0 and "Pupils" in out and calls == [False]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
