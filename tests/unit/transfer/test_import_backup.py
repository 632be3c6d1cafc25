"""An import through the desk is backed up first: the rows are matched while the backup is taken, but
nothing is written until it is done, and a backup that fails stops the import unwritten."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select
from transfer_files import write_xlsx

from coordinator.desk import Desk
from coordinator.errors import UserError
from coordinator.models import Pupil
from coordinator.safety import backups
from coordinator.safety.backups import list_backups

LIST = [["Förnamn", "Efternamn", "Klass"], ["Åsa", "Öberg", "8B"], ["Per", "Ek", "8B"]]


@pytest.fixture
def desk(empty_db):
    opened = Desk.open(empty_db)
    yield opened
    opened.close()


def _pupils(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM pupils").fetchone()[0]
    finally:
        conn.close()


def test_the_backup_before_an_import_holds_the_database_as_it_was(desk, empty_db, tmp_path):
    result, _changes = desk.import_file(write_xlsx(tmp_path / "a.xlsx", LIST), "pupils", school="Hagaskolan")
    assert result.created == 2
    made = list_backups(empty_db)
    assert [b.reason for b in made] == ["before-import"] and _pupils(made[0].path) == 0

    result, _changes = desk.import_file(write_xlsx(tmp_path / "b.xlsx", LIST + [["Kim", "Berg", "9A"]]), "pupils",
                                        school="Hagaskolan")
    assert result.created == 1
    newest = list_backups(empty_db)[0]
    assert _pupils(newest.path) == 2  # taken before this import wrote its one new pupil


def test_a_backup_that_fails_stops_the_import_before_any_write(desk, empty_db, tmp_path, monkeypatch):
    def full(source, target, passphrase=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "copy_database", full)
    with pytest.raises(UserError, match="not enough free space"):
        desk.import_file(write_xlsx(tmp_path / "a.xlsx", LIST), "pupils", school="Hagaskolan")
    with desk.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Pupil)) == 0
    assert list_backups(empty_db) == []


def test_a_dry_run_and_a_refused_file_take_no_backup_write_nothing(desk, empty_db, tmp_path):
    result, _changes = desk.import_file(write_xlsx(tmp_path / "a.xlsx", LIST), "pupils", school="Hagaskolan",
                                        dry_run=True)
    assert result.created == 2 and not result.imported
    assert list_backups(empty_db) == []
    refused, _changes = desk.import_file(write_xlsx(tmp_path / "b.xlsx", LIST + [["Kim", "", "9A"]]), "pupils",
                                         school="Hagaskolan")
    assert refused.problems and not refused.imported
    assert _pupils(empty_db) == 0
