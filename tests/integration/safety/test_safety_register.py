"""The erasure register lives inside the database: no copy, restore or `--out` brings an erased pupil back.

And no command writes over the app's own files (the database, its journals, lock, backups, the old
register file), whatever path or link names them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil

import pytest
from safety_people import ERASED, populate
from sqlalchemy import func, select

from coordinator.cli.main import main
from coordinator.models import Pupil
from coordinator.safety.backups import backup_dir, list_backups
from coordinator.safety.erasure_register import fingerprint, register_entries
from coordinator.store import alembic_config, current_revision, head_revision, open_store


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


@pytest.fixture
def db(empty_db):
    store = open_store(empty_db)
    who = populate(store)
    store.close()
    return empty_db, who


def erased_is_back(path) -> bool:
    store = open_store(path)
    try:
        with store.session() as s:
            found = s.scalar(select(func.count()).select_from(Pupil).where(Pupil.last_name == ERASED[1]))
    finally:
        store.close()
    return bool(found) or ERASED[1].encode() in path.read_bytes()


def test_a_copy_of_the_file_alone_keeps_its_erasures_through_a_restore(db, capsys, tmp_path):
    path, who = db
    older = tmp_path / "elsewhere" / "before-erasure.sqlite"
    assert run(capsys, "--db", path, "backup", "--out", older)[0] == 0
    assert run(capsys, "--db", path, "erase-person", "--pupil", who["erased"])[0] == 0
    moved = tmp_path / "usb-stick" / "copy.sqlite"
    moved.parent.mkdir()
    shutil.copyfile(path, moved)  # the file alone: no register beside it, no backups folder
    code, out, err = run(capsys, "--db", moved, "restore", older)
    assert code == 0, err
    assert "1 erasure made since the backup was applied again." in out
    assert not erased_is_back(moved)
    store = open_store(moved)
    with store.session() as s:
        assert [e.record_id for e in register_entries(s)] == [who["erased"]]  # carried on in the restored file
    store.close()


def test_a_damaged_register_file_beside_the_database_changes_nothing(db, capsys):
    path, who = db
    assert run(capsys, "--db", path, "erase-person", "--pupil", who["erased"])[0] == 0
    path.with_name(path.name + ".erasures.json").write_text("{ damaged", encoding="utf-8")
    before_erasure = [b for b in list_backups(path) if b.reason == "before-erasure"][0]
    code, out, err = run(capsys, "--db", path, "restore", before_erasure.path)
    assert code == 0, err
    assert "applied again" in out
    assert not erased_is_back(path)


def test_the_register_of_any_backup_counts_when_the_live_file_is_damaged(db, capsys, tmp_path):
    path, who = db
    older = tmp_path / "before-erasure.sqlite"
    assert run(capsys, "--db", path, "backup", "--out", older)[0] == 0
    assert run(capsys, "--db", path, "erase-person", "--pupil", who["erased"])[0] == 0
    assert run(capsys, "--db", path, "backup")[0] == 0  # a later backup carries the register
    path.write_bytes(b"not a database any more " * 400)  # the live register is lost with it
    code, out, err = run(capsys, "--db", path, "restore", older)
    assert code == 0, err
    assert "damaged file was kept" in out and "applied again" in out
    assert not erased_is_back(path)  # the later backup in the folder still knew


def test_an_old_register_file_is_taken_into_the_database_on_upgrade(empty_db, capsys, tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite"
    store = open_store(path, create=True)
    from coordinator.services.setup import initialise

    with store.session() as s:
        initialise(s, profile_code="se")
    who = populate(store)
    with store.session() as s:
        created = s.scalar(select(Pupil.created_at).where(Pupil.id == who["erased"]))
    with store.engine.begin() as conn:  # the people written by today's models, in a file of revision 0001
        command.downgrade(alembic_config(conn), "0001")
    store.close()
    older = tmp_path / "older.sqlite"
    shutil.copyfile(path, older)  # a backup made by the old version, before the erasure
    store = open_store(path, upgrade=False)
    with store.session() as s:  # erased by the old version, which noted it in the file beside
        s.execute(Pupil.__table__.delete().where(Pupil.__table__.c.id == who["erased"]))
    store.close()
    sidecar = path.with_name(path.name + ".erasures.json")
    entry = {"table": "pupils", "id": who["erased"], "action": "erase", "at": "2026-01-02T03:04:05",
             "fingerprint": fingerprint("pupils", who["erased"], created)}
    sidecar.write_text(json.dumps([entry]), encoding="utf-8")
    code, out, err = run(capsys, "--db", path, "restore", older)  # the live file is upgraded first
    assert code == 0, err
    assert "1 erasure made since the backup was applied again." in out
    assert not erased_is_back(path)
    sidecar.unlink()  # no longer read: the database holds the register now
    store = open_store(path)
    assert current_revision(store.engine) == head_revision()
    with store.session() as s:
        assert [(e.record_id, e.at) for e in register_entries(s)] == [(who["erased"], dt.datetime(2026, 1, 2, 3, 4, 5))]
    store.close()
    assert [b.reason for b in list_backups(path)] == ["before-restore", "before-migration"]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", ["register", "database", "wal", "hard-link", "symlink", "backups-folder", "lock"])
def test_no_command_writes_over_the_apps_own_files(db, capsys, tmp_path, case):
    path, who = db
    assert run(capsys, "--db", path, "backup")[0] == 0
    register = path.with_name(path.name + ".erasures.json")
    register.write_text("[]", encoding="utf-8")
    if case == "register":
        args = ["export-person", "--pupil", who["erased"], "--out", register]
    elif case == "database":
        args = ["backup", "--out", path]
    elif case == "wal":
        args = ["export", "pupils", "--out", path.with_name(path.name + "-wal")]
    elif case == "hard-link":
        alias = tmp_path / "alias.csv"
        os.link(path, alias)
        args = ["export", "pupils", "--out", alias]
    elif case == "symlink":
        alias = tmp_path / "alias.json"
        alias.symlink_to(path)
        args = ["export-person", "--pupil", who["erased"], "--out", alias]
    elif case == "backups-folder":
        args = ["report", "scorecard", "--out", backup_dir(path) / "scorecard.pdf"]
    else:
        args = ["backup", "--out", path.with_name(path.name + ".lock")]
    before = {p: _digest(p) for p in (path, register, *backup_dir(path).iterdir())}
    code, out, err = run(capsys, "--db", path, *args)
    assert code == 1
    assert "one of the app's own files" in err and "\n" not in err.strip()
    assert {p: _digest(p) for p in before} == before
    assert not path.with_name(path.name + ".lock").exists()
    assert sorted(p.name for p in backup_dir(path).iterdir()) == sorted(p.name for p in before if p.parent ==
                                                                         backup_dir(path))


def test_the_refusal_is_translated(db, capsys):
    path, who = db
    code, _, err = run(capsys, "--db", path, "--lang", "pl", "backup", "--out", path)
    assert code == 1
    assert "nie został nadpisany" in err
