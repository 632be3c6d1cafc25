"""Encryption at rest where SQLCipher installs: no plain text in the file or its backups, wrong passphrase refused."""

from __future__ import annotations

import hashlib

import pytest

from coordinator.errors import UserError
from coordinator.safety.encryption import encryption_available, encryption_status


def test_settings_explain_whether_encryption_is_available():
    status = encryption_status()
    assert ("SQLCipher" in status) if encryption_available() else ("unencrypted" in status)


def test_encrypted_database_and_its_backup_hold_no_plain_text(tmp_path):
    pytest.importorskip("sqlcipher3", reason="SQLCipher is optional; without it the app runs unencrypted")
    from sqlalchemy import select

    from coordinator.models import Pupil
    from coordinator.safety.backups import backup_before, list_backups
    from coordinator.safety.encryption import encrypted_url
    from coordinator.services.setup import initialise
    from coordinator.store import open_store

    db = tmp_path / "secret.sqlite"
    store = open_store(encrypted_url(str(db), "rätt lösen"), create=True)
    with store.session() as s:
        initialise(s, profile_code="se")
        s.add(Pupil(first_name="Hemlig", last_name="Krypteradsson"))
    made = backup_before(store, "import")
    store.close()
    for path in (db, made):
        assert b"Krypteradsson" not in path.read_bytes()
        assert not path.read_bytes().startswith(b"SQLite format 3")
    assert list_backups(db)[0].path == made
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(UserError, match="passphrase"):
        open_store(encrypted_url(str(db), "fel"))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    from coordinator.safety.restore import restore_backup

    restored = restore_backup(db, made, passphrase="rätt lösen")
    assert b"Krypteradsson" not in restored.previous_backup.read_bytes()
    reopened = open_store(encrypted_url(str(db), "rätt lösen"))
    with reopened.session() as s:
        assert s.scalar(select(Pupil.last_name)) == "Krypteradsson"
    reopened.close()
