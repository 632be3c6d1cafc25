"""Reading commands answered through sqlite3 alone: the same answers as the desk's, never stale, and the
desk (with its checks and messages) whenever reading alone would not be sound."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from coordinator.desk import Desk
from coordinator.desk.file_reading import open_reader
from coordinator.desk.quick_reads import database_info, gender_statistics


@pytest.fixture
def closed_db(small_db, tmp_path, monkeypatch):
    """The small demo as the app leaves it: opened, used and closed cleanly; figures kept in a test folder."""
    monkeypatch.setenv("COORDINATOR_CACHE_DIR", str(tmp_path / "cache"))
    Desk.open(small_db).close()
    return small_db


def _desk(db, ask):
    desk = Desk.open(db)
    try:
        return ask(desk)
    finally:
        desk.close()


def test_the_summary_read_alone_is_the_desks_summary(closed_db):
    reader = open_reader(closed_db)
    assert reader is not None
    reader.close()
    alone = database_info(closed_db)
    assert alone == _desk(closed_db, lambda desk: desk.info())
    assert alone.pupils > 100 and alone.schema_revision and alone.municipality


def test_kept_gender_figures_are_read_alone_and_an_edit_is_seen_at_once(closed_db, monkeypatch):
    computed = _desk(closed_db, lambda desk: desk.gender_statistics())
    with monkeypatch.context() as patched:  # the desk is not opened while the figures are kept
        patched.setattr(Desk, "open", classmethod(lambda *a, **k: pytest.fail("the desk was opened")))
        assert gender_statistics(closed_db) == computed
        suppressed = gender_statistics(closed_db, suppressed=True, threshold=10)
    assert suppressed == _desk(closed_db, lambda desk: desk.gender_statistics(suppressed=True, threshold=10))

    def one_girl_more(desk):  # an edit that adds no row: only the audit log's newest entry moves
        boy = next(r for r in (desk.record("pupils", i) for i in desk.record_ids("pupils"))
                   if r.values["gender"] == "boy")
        desk.update_record("pupils", boy.id, {**boy.values, "gender": "girl"}, version=boy.version)

    _desk(closed_db, one_girl_more)
    after = gender_statistics(closed_db)
    assert after == _desk(closed_db, lambda desk: desk.gender_statistics())
    assert after["total"]["pupils"]["girl"] == computed["total"]["pupils"]["girl"] + 1


def test_a_file_changed_outside_the_app_goes_through_the_desks_full_check(closed_db):
    import sqlite3

    with sqlite3.connect(closed_db) as conn:  # another program writes to it after the app closed it
        conn.execute("UPDATE settings SET value = 'Elsewhere' WHERE key = 'municipality'")
    assert open_reader(closed_db) is None
    assert database_info(closed_db).municipality == "Elsewhere"


def test_a_file_at_an_older_schema_is_left_to_the_desk(closed_db):
    import sqlite3

    from coordinator.safety.dbfile import record_clean_close

    with sqlite3.connect(closed_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
    record_clean_close(closed_db)
    assert open_reader(closed_db) is None


def test_info_and_kept_statistics_load_no_database_layer(closed_db, tmp_path):
    _desk(closed_db, lambda desk: desk.gender_statistics())
    probe = ("import sys, atexit\n"
             "atexit.register(lambda: print('LOADED' if 'sqlalchemy' in sys.modules else 'LIGHT', file=sys.stderr))\n"
             "from coordinator.cli.main import main\n"
             "main(sys.argv[1:])\n")
    env = dict(os.environ, COORDINATOR_LANG="en")
    for args in (["info", "--format", "json"], ["stats", "gender", "--format", "json"]):
        done = subprocess.run([sys.executable, "-c", probe, "--db", str(closed_db), *args], capture_output=True,
                              text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().endswith("LIGHT"), (args, done.stderr)
        assert json.loads(done.stdout)
