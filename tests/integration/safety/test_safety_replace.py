"""Whole-file replacements (`demo --force`, `restore`) build the new file beside the old one.

Each is killed (SIGKILL) at random moments: the file at the path is always the old database or
the complete new one, never an empty schema or an empty file; the old one is backed up before it
is replaced, and the next command removes what the killed runs left.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time

import pytest

from coordinator.cli.main import main
from coordinator.safety.backups import list_backups
from coordinator.safety.integrity import check_file
from coordinator.safety.tempfiles import is_temp_name

RUNS = 20


def _fork(argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:  # the child: run the command, never return into pytest
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        code = 1
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os._exit(code)
    return pid


def _state(db) -> tuple[str, int, int]:
    """(profile, pupils, organisations) of a sound database file; fails on anything else."""
    result = check_file(db, full=True, foreign_keys=True)
    assert result.ok and result.kind == "ok", result
    conn = sqlite3.connect(db)
    try:
        profile = conn.execute("SELECT value FROM settings WHERE key = 'profile'").fetchone()[0]
        pupils = conn.execute("SELECT count(*) FROM pupils").fetchone()[0]
        organisations = conn.execute("SELECT count(*) FROM organisations").fetchone()[0]
    finally:
        conn.close()
    return profile, pupils, organisations


@pytest.fixture
def old_db(tmp_path):
    """A small Swedish demo, the database `demo --force` is asked to replace."""
    template = tmp_path / "template" / "old.sqlite"
    template.parent.mkdir()
    with pytest.raises(SystemExit):
        main(["--db", str(template), "demo", "--size", "small", "--profile", "se", "--seed", "3"])
    return template


def _kill_at_random_moments(argv: list[str], prepare, db, seed: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Run `argv` once to the end, then RUNS times killed at a random moment; returns how often each file was seen.

    After every kill the file at `db` must be the old database or the complete new one.
    """
    prepare()
    old = _state(db)
    started = time.perf_counter()
    _, status = os.waitpid(_fork(argv), 0)
    duration = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0
    new = _state(db)
    assert new != old
    rng = random.Random(seed)
    seen = {"old": 0, "new": 0}
    for _run in range(RUNS):
        prepare()
        pid = _fork(argv)
        time.sleep(rng.uniform(0, duration * 1.1))  # the kill moment is the point of the test
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        state = _state(db)
        assert state in (old, new), state
        seen["old" if state == old else "new"] += 1
        if not os.WIFSIGNALED(status):
            assert state == new
    print(f"{argv[2]}: {duration * 1000:.0f} ms; {seen}")  # shown with -s
    assert seen["old"] >= 1  # some kills landed before the rename
    return seen


def _fresh(db, source) -> None:  # type: ignore[no-untyped-def]
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):  # a kill may leave an empty lock file
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, db)


def test_a_killed_demo_force_leaves_the_old_database_or_the_whole_new_one(old_db, tmp_path):
    db = tmp_path / "desk" / "desk.sqlite"
    db.parent.mkdir()
    argv = ["--db", str(db), "demo", "--force", "--size", "small", "--profile", "pl"]
    _kill_at_random_moments(argv, lambda: _fresh(db, old_db), db, seed=23)
    assert {b.reason for b in list_backups(db)} == {"before-demo"}  # the old one was backed up first
    with pytest.raises(SystemExit):
        main(["--db", str(db), "info"])  # the next command clears what the killed ones left
    assert [p.name for p in db.parent.iterdir() if is_temp_name(p.name)] == []


def test_a_killed_restore_leaves_the_old_database_or_the_whole_restored_one(old_db, tmp_path):
    db = tmp_path / "desk" / "desk.sqlite"
    db.parent.mkdir()
    other = tmp_path / "other-demo.sqlite"
    with pytest.raises(SystemExit):
        main(["--db", str(other), "demo", "--size", "small", "--profile", "ru", "--seed", "5"])
    argv = ["--db", str(db), "restore", str(other)]
    _kill_at_random_moments(argv, lambda: _fresh(db, old_db), db, seed=29)
    with pytest.raises(SystemExit):
        main(["--db", str(db), "info"])
    assert [p.name for p in db.parent.iterdir() if is_temp_name(p.name)] == []


def test_demo_force_over_a_file_that_is_not_a_database_keeps_it_aside(tmp_path, capsys):
    db = tmp_path / "notes.sqlite"
    db.write_bytes(b"my own notes, not a database " * 100)
    with pytest.raises(SystemExit) as done:
        main(["--db", str(db), "demo", "--force", "--size", "small"])
    assert done.value.code == 0
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("notes.sqlite.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"my own notes")
    assert str(kept[0]) in capsys.readouterr().out
    assert _state(db)[0] == "se"
