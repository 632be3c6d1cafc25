"""A real full disk (a small tmpfs) during an import and a backup: nothing changes, one clear line."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

import pytest
from sqlalchemy import func, insert, select

from coordinator.errors import UserError
from coordinator.models import Pupil
from coordinator.safety.backups import backup_dir, create_backup
from coordinator.safety.integrity import check_file
from coordinator.store import open_store


@pytest.fixture
def small_volume(tmp_path):
    """A 2 MB tmpfs; needs root (the simulated full-disk tests in tests/unit/safety run everywhere)."""
    mount_point = tmp_path / "volume"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root; tests/unit/safety simulates a full disk instead")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs; tests/unit/safety simulates a full disk")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(volume, leave: int) -> None:
    free = shutil.disk_usage(volume).free
    with open(volume / "filler", "wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_full_disk_during_import_and_backup(small_volume, empty_db):
    db = small_volume / "desk.sqlite"
    shutil.copyfile(empty_db, db)
    earlier = create_backup(db, "manual")
    earlier_digest = digest(earlier)
    fill(small_volume, leave=64 * 1024)
    db_digest = digest(db)
    rows = [{"first_name": f"Förnamn{i}", "last_name": f"Efternamn{i}"} for i in range(10_000)]
    store = open_store(db)
    try:
        with pytest.raises(UserError, match="disk is full"), store.session() as session:
            session.execute(insert(Pupil), rows)
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Pupil)) == 0
    finally:
        store.close()
    assert check_file(db, full=True, foreign_keys=True).ok
    assert digest(db) == db_digest
    with pytest.raises(UserError, match="not enough free space"):
        create_backup(db, "before-import")
    assert [p for p in backup_dir(db).iterdir()] == [earlier]
    assert digest(earlier) == earlier_digest
