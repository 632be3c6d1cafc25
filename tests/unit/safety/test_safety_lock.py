"""One writer: a second process is refused at once, naming the holder; a stale lock is cleared."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys

import pytest

from coordinator.errors import UserError
from coordinator.safety.lock import DatabaseLock, lock_path_for

HOLDER = """
import sys
from coordinator.safety.lock import DatabaseLock
lock = DatabaseLock(sys.argv[1]).acquire()
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.fixture
def held_by_other_process(empty_db):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(empty_db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=10)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_second_process_is_refused_naming_the_holder(empty_db, held_by_other_process):
    with pytest.raises(UserError) as refused:
        DatabaseLock(empty_db).acquire()
    message = str(refused.value)
    assert str(held_by_other_process.pid) in message
    assert socket.gethostname() in message


def test_cli_write_commands_refuse_at_once_and_write_nothing(empty_db, held_by_other_process, tmp_path):
    from safety_people import populate

    from coordinator.store import open_store

    store = open_store(empty_db)
    populate(store)
    store.close()
    before = digest(empty_db)
    for args in (["erase-person", "--pupil", "1"], ["retention", "--months", "1", "--apply"],
                 ["rollover", "--apply"]):
        result = subprocess.run([sys.executable, "-m", "coordinator", "--db", str(empty_db), *args],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and result.stdout == "", result.stdout  # refused at once
        assert str(held_by_other_process.pid) in result.stderr
        assert "Traceback" not in result.stderr
        assert digest(empty_db) == before
    assert not (tmp_path / "empty-backups").exists() or not list((tmp_path / "empty-backups").iterdir())


def test_lock_released_when_holder_ends(empty_db, held_by_other_process):
    held_by_other_process.stdin.close()
    held_by_other_process.wait(timeout=10)
    with DatabaseLock(empty_db) as lock:
        assert lock.held
        assert json.loads(lock_path_for(empty_db).read_text())["pid"] == os.getpid()
    assert not lock_path_for(empty_db).exists()


def test_stale_lock_of_a_dead_process_is_cleared(empty_db):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    lock_path_for(empty_db).write_text(json.dumps({"pid": pid, "host": socket.gethostname(),
                                                   "started": "2026-11-01T10:00:00+00:00"}))
    lock = DatabaseLock(empty_db).acquire()
    assert json.loads(lock_path_for(empty_db).read_text())["pid"] == os.getpid()
    lock.release()


def test_lock_of_another_computer_is_respected(empty_db):
    lock_path_for(empty_db).write_text(json.dumps({"pid": 1, "host": "other-laptop",
                                                   "started": "2026-11-01T10:00:00+00:00"}))
    with pytest.raises(UserError, match="other-laptop"):
        DatabaseLock(empty_db).acquire()


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_another_path_to_the_same_file_is_refused_as_a_second_writer(empty_db, held_by_other_process, link):
    other_path = empty_db.with_name("another-name.sqlite")
    link(empty_db, other_path)
    with pytest.raises(UserError) as refused:
        DatabaseLock(other_path).acquire()
    assert str(held_by_other_process.pid) in str(refused.value)
    before = digest(empty_db)
    result = subprocess.run([sys.executable, "-m", "coordinator", "--db", str(other_path), "rollover", "--apply"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and str(held_by_other_process.pid) in result.stderr
    assert digest(empty_db) == before
