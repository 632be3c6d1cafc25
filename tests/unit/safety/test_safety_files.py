"""Safe saves and backups: never a truncated file, verified backups, rotation, and a full disk."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import sqlite3

import pytest

from coordinator.errors import UserError
from coordinator.safety import atomic, backups
from coordinator.safety.atomic import atomic_write
from coordinator.safety.backups import (
    BackupInfo,
    backup_dir,
    backups_to_keep,
    create_backup,
    list_backups,
    newest_good_backup,
    rotate_backups,
)
from coordinator.safety.integrity import check_file


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_atomic_write_replaces_only_when_complete(tmp_path):
    target = tmp_path / "report.csv"
    target.write_bytes(b"old,complete\n")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write(b"new,half")
        raise RuntimeError("crash while writing")
    assert target.read_bytes() == b"old,complete\n"
    with atomic_write(target, "w") as fh:
        fh.write("ny,fil\n")
    assert target.read_text(encoding="utf-8") == "ny,fil\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_during_a_safe_save_leaves_the_old_file(tmp_path, monkeypatch, where):
    target = tmp_path / "scorecard.pdf"
    target.write_bytes(b"%PDF old")

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(UserError, match="not enough free space") as refused, atomic_write(target) as fh:
        if where == "write":
            no_space()
        fh.write(b"%PDF new")
    assert "scorecard.pdf" in str(refused.value)
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["scorecard.pdf"]


def test_backup_is_verified_listed_and_offered(empty_db):
    made = create_backup(empty_db, "before-import")
    assert made.parent == backup_dir(empty_db)
    assert check_file(made).ok
    listed = list_backups(empty_db)
    assert [b.path for b in listed] == [made] and listed[0].reason == "before-import"
    assert newest_good_backup(empty_db).path == made
    # A backup is a consistent copy made with the backup API, openable on its own.
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] > 0
    conn.close()


def test_no_backup_is_taken_of_a_damaged_database(empty_db):
    data = bytearray(empty_db.read_bytes())
    data[0:16] = b"garbage garbage!"
    empty_db.write_bytes(bytes(data))
    with pytest.raises(UserError, match="No backup was made"):
        create_backup(empty_db, "manual")
    assert list_backups(empty_db) == []


def test_full_disk_during_a_backup_keeps_earlier_backups(empty_db, monkeypatch):
    earlier = create_backup(empty_db, "manual", now=dt.datetime.now() - dt.timedelta(hours=1))
    before = {p.name: digest(p) for p in backup_dir(empty_db).iterdir()}
    db_before = digest(empty_db)
    real_copy = backups.copy_database

    def copy_until_full(source, target, passphrase=None):
        real_copy(source, target)
        with open(target, "r+b") as fh:  # half written, then the disk is full
            fh.truncate(os.path.getsize(target) // 2)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "copy_database", copy_until_full)
    with pytest.raises(UserError, match="not enough free space"):
        create_backup(empty_db, "manual")
    assert {p.name: digest(p) for p in backup_dir(empty_db).iterdir()} == before
    assert digest(empty_db) == db_before
    assert newest_good_backup(empty_db).path == earlier


def test_rotation_keeps_recent_daily_weekly_monthly_and_nothing_too_old(tmp_path):
    now = dt.datetime(2026, 11, 24, 12, 0)
    infos = []
    moment = now
    while moment > now - dt.timedelta(days=800):  # a backup every six hours for two years
        infos.append(BackupInfo(tmp_path / f"{moment:%Y%m%d%H%M}.sqlite", moment, "auto", 1))
        moment -= dt.timedelta(hours=6)
    keep = backups_to_keep(infos, now=now, max_age_days=365)
    ages = sorted((now - i.created).total_seconds() / 86400 for i in infos if i.path in keep)
    days = sorted({i.created.date() for i in infos if i.path in keep}, reverse=True)
    assert len([a for a in ages if a <= 1]) == 5  # everything from the last 24 hours
    assert (days[0] - days[11]).days == 11  # then one a day: twelve days in a row
    assert len(ages) <= 5 + 12 + 10 + 9
    assert 240 < ages[-1] <= 365  # months back are kept thinly, nothing past the maximum age
    short = backups_to_keep(infos, now=now, max_age_days=90)
    assert len(short) < len(keep)
    assert all(now - i.created <= dt.timedelta(days=90) for i in infos if i.path in short)


def test_rotate_deletes_files_on_disk(empty_db):
    now = dt.datetime.now()
    for days in (1, 2, 400):
        create_backup(empty_db, "auto", now=now - dt.timedelta(days=days), max_age_days=None)
    rotate_backups(empty_db, max_age_days=365, now=now)
    assert [b.created.date() for b in list_backups(empty_db)] == [
        (now - dt.timedelta(days=1)).date(), (now - dt.timedelta(days=2)).date()]
