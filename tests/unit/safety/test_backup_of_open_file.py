"""The backup before an import or another risky step, of a file this process opened after its check:
checked once (the copy), yet a database damaged since it was opened is still refused by name."""

from __future__ import annotations

import sqlite3

import pytest

from coordinator.errors import UserError
from coordinator.safety import integrity
from coordinator.safety.backups import backup_before, create_backup, list_backups
from coordinator.safety.integrity import check_file
from coordinator.store import open_store


def _damage_a_table_page(path) -> None:
    """Scramble the middle of the pupils table's root page (the file header stays sound)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def test_the_backup_before_an_import_is_verified_by_one_check_of_the_copy(empty_db, monkeypatch):
    store = open_store(empty_db)
    checked = []
    real = integrity.check_file
    monkeypatch.setattr("coordinator.safety.backups.check_file",
                        lambda path, **kw: checked.append(path) or real(path, **kw))
    try:
        made = backup_before(store, "import")
    finally:
        store.close()
    assert made is not None and check_file(made).ok
    assert [b.path for b in list_backups(empty_db)] == [made] and list_backups(empty_db)[0].reason == "before-import"
    assert len(checked) == 1 and checked[0] != empty_db  # the copy, not the database a second time


@pytest.mark.parametrize("where", ["header", "page"])
def test_a_database_damaged_since_it_was_opened_gets_no_backup_and_is_named(empty_db, where):
    if where == "header":
        data = bytearray(empty_db.read_bytes())
        data[0:16] = b"garbage garbage!"
        empty_db.write_bytes(bytes(data))
    else:
        _damage_a_table_page(empty_db)
    assert not check_file(empty_db).ok
    with pytest.raises(UserError, match="No backup was made: empty.sqlite"):
        create_backup(empty_db, "before-import", opened=True)
    assert list_backups(empty_db) == []
