"""SIGKILL at random moments during an import, a migration, a backup and a PDF export.

Each run forks a child that does the work and kills it after a random delay within the work's
measured duration. After every kill the database passes `check`, holds the state before or after
(never between), and every file is the old one, absent, or complete, never truncated.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections.abc import Callable

import pytest
from sqlalchemy import func, insert, select

from coordinator.models import Base, Pupil
from coordinator.safety.backups import backup_dir, create_backup, list_backups
from coordinator.safety.integrity import check_file
from coordinator.store import current_revision, head_revision, open_store

RUNS = 50
ROWS = 10_000


def _run_child(work: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:  # the child: do the work, never return into pytest
        code = 0
        try:
            work()
        except BaseException:
            code = 1
        os._exit(code)
    return pid


def kill_loop(prepare: Callable[[int], None], work: Callable[[int], None], verify: Callable[[int, bool], None],
              seed: int) -> dict[str, int]:
    """Calibrate once, then kill `RUNS` children at random moments; returns how the runs ended.

    The calibration runs in this process, so the children are forked with warm caches and each
    one's work takes about the measured time.
    """
    rng = random.Random(seed)
    prepare(-1)
    work(-1)  # warms this process's caches, which every child inherits
    verify(-1, True)
    prepare(-1)
    started = time.perf_counter()
    pid = _run_child(lambda: work(-1))
    _, status = os.waitpid(pid, 0)
    duration = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, "the work fails even without a kill"
    verify(-1, True)
    outcome = {"killed": 0, "finished": 0}
    # The kill window follows what is observed: a child that finished before its kill shrinks it, a
    # kill that landed widens it again, so that on a busy or an idle machine most kills fall mid-work.
    window = min(duration * 1.2, 0.45)
    spent = {"prepare": 0.0, "wait": 0.0, "verify": 0.0}
    for run in range(RUNS):
        t0 = time.perf_counter()
        prepare(run)
        t1 = time.perf_counter()
        pid = _run_child(lambda run=run: work(run))
        time.sleep(rng.uniform(0, window))  # the kill moment is the point of the test
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        t2 = time.perf_counter()
        killed = os.WIFSIGNALED(status)
        window = min(window * 1.05, 0.45) if killed else max(window * 0.7, 0.002)
        outcome["killed" if killed else "finished"] += 1
        verify(run, not killed)
        spent["prepare"] += t1 - t0
        spent["wait"] += t2 - t1
        spent["verify"] += time.perf_counter() - t2
    print(f"work {duration * 1000:.0f} ms; {spent}; {outcome}")  # shown with -s
    assert outcome["killed"] >= RUNS // 3, outcome  # most kills land while the work runs
    return outcome


def assert_sound(db) -> None:
    result = check_file(db, full=True, foreign_keys=True)
    assert result.ok, result


def pupils(db) -> int:
    store = open_store(db)
    try:
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(Pupil))
    finally:
        store.close()


def test_kill_during_a_10000_row_import(empty_db, tmp_path):
    template = tmp_path / "template.sqlite"
    shutil.copyfile(empty_db, template)
    db = tmp_path / "import.sqlite"
    rows = [(f"Förnamn{i}", f"Efternamn{i}", f"ID{i:05d}") for i in range(ROWS)]

    def prepare(_run):
        for suffix in ("", "-wal", "-shm", "-journal"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(template, db)

    def work(_run):
        store = open_store(db)
        try:
            with store.session() as s:  # one transaction, as an import is
                s.connection().exec_driver_sql(
                    "INSERT INTO pupils (first_name, last_name, external_id, gender, protected_identity, "
                    "guardian_consent, anonymised) VALUES (?, ?, ?, 'unspecified', 0, 0, 0)", rows)
        finally:
            store.close()

    counts: set[int] = set()

    def verify(_run, finished):
        assert_sound(db)
        count = pupils(db)
        assert count in (0, ROWS)
        if finished:
            assert count == ROWS
        counts.add(count)

    kill_loop(prepare, work, verify, seed=7)
    assert counts == {0, ROWS}


def test_kill_during_a_migration(tmp_path):
    db = tmp_path / "new.sqlite"
    tables = set(Base.metadata.tables) | {"alembic_version"}
    head = head_revision()
    seen = set()

    def prepare(_run):
        for suffix in ("", "-wal", "-shm", "-journal"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)

    def work(_run):
        open_store(db, create=True).close()

    def verify(_run, finished):
        if not db.exists():
            seen.add("absent")
            return
        assert check_file(db, full=True, foreign_keys=True).ok
        store = open_store(db, create=True, upgrade=False)
        try:
            from sqlalchemy import inspect

            present = set(inspect(store.engine).get_table_names())
            revision = current_revision(store.engine)
        finally:
            store.close()
        if present:
            assert present == tables and revision == head  # all or nothing
            seen.add("after")
        else:
            assert not finished
            seen.add("before")
        if _run % 10 == 0:
            store = open_store(db, create=True)  # opening again finishes the job
            store.close()
            assert current_revision_of(db) == head

    kill_loop(prepare, work, verify, seed=11)
    assert "after" in seen and ({"before", "absent"} & seen)


def current_revision_of(db) -> str | None:
    store = open_store(db)
    try:
        return current_revision(store.engine)
    finally:
        store.close()


@pytest.fixture
def big_db(empty_db):
    store = open_store(empty_db)
    with store.session() as s:
        s.execute(insert(Pupil), [{"first_name": f"F{i}", "last_name": f"L{i}"} for i in range(ROWS)])
    store.close()
    return empty_db


def test_kill_during_a_backup(big_db):
    first = create_backup(big_db, "manual")
    expected = pupils(big_db)
    checked: set = set()

    def work(run):
        create_backup(big_db, f"run{run}".replace("-", "m"), max_age_days=None)

    def verify(_run, finished):
        assert_sound(big_db)
        assert pupils(big_db) == expected
        listed = list_backups(big_db)
        assert first in [b.path for b in listed]
        for backup in listed:  # a file with a backup's name is always complete and sound
            if backup.path not in checked:
                assert check_file(backup.path).ok
                checked.add(backup.path)
        if finished:
            assert len(listed) >= 2

    kill_loop(lambda _run: None, work, verify, seed=13)
    leftovers = [p for p in backup_dir(big_db).iterdir() if p.name.endswith(".tmp")]
    assert all(p.name.startswith(".") for p in leftovers)  # unfinished copies never carry a backup's name


def test_kill_during_a_pdf_export(tmp_path, empty_db):
    from pypdf import PdfReader
    from safety_people import populate

    from coordinator.safety.access import export_person

    store = open_store(empty_db)
    who = populate(store)
    store.close()
    out = tmp_path / "access.pdf"
    out.write_bytes(b"%PDF-1.4 old complete file %%EOF")
    old = out.read_bytes()

    def work(_run):
        opened = open_store(empty_db)
        try:
            export_person(opened, kind="pupil", record_id=who["erased"], out=out)
        finally:
            opened.close()

    outcomes: set[str] = set()

    def verify(_run, finished):
        data = out.read_bytes()
        if data == old:
            assert not finished
            outcomes.add("old")
        else:
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
            assert len(PdfReader(out).pages) >= 1
            outcomes.add("new")
            out.write_bytes(old)
        assert_sound(empty_db)

    kill_loop(lambda _run: None, work, verify, seed=17)
    assert outcomes == {"old", "new"}
