"""The file check that runs beside the imports: its verdict refuses a damaged file, and is used only as checked."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from coordinator.desk import Desk
from coordinator.desk.opening import check_beside
from coordinator.errors import UserError
from coordinator.safety.precheck import database_file, needs_full_check, take_verdict


def test_a_damaged_file_checked_beside_the_imports_is_refused_untouched(small_db):
    data = bytearray(small_db.read_bytes())
    data[0:16] = b"not a database!!"
    small_db.write_bytes(bytes(data))
    before = hashlib.sha256(small_db.read_bytes()).hexdigest()
    check_beside(small_db)
    with pytest.raises(UserError) as refused:
        Desk.open(small_db)
    assert small_db.name in str(refused.value)
    assert hashlib.sha256(small_db.read_bytes()).hexdigest() == before


def test_a_verdict_is_not_used_for_a_file_that_changed_after_its_check(small_db):
    path = database_file(small_db)
    full = needs_full_check(path)
    check_beside(small_db)
    conn = sqlite3.connect(path)  # another program writes between the check and the open
    conn.execute("CREATE TABLE written_after_the_check (x)")
    conn.close()
    assert take_verdict(path, full=full) is None


def test_a_verdict_for_the_file_as_it_was_checked_is_taken_once(small_db):
    path = database_file(small_db)
    full = needs_full_check(path)
    check_beside(small_db)
    verdict = take_verdict(path, full=full)
    assert verdict is not None and verdict.ok
    assert take_verdict(path, full=full) is None  # the next open checks again
