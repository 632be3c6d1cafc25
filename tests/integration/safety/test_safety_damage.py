"""200 damaged copies of a database: each opens clean or is refused untouched with a backup offered."""

from __future__ import annotations

import hashlib
import os
import random
import shutil

import pytest
from sqlalchemy import insert, text

from coordinator.errors import UserError
from coordinator.models import Base, Pupil
from coordinator.safety.backups import backup_dir, create_backup
from coordinator.safety.integrity import DatabaseRefused, check_file
from coordinator.store import open_store

COPIES = 200


def damage(data: bytearray, kind: str, rng: random.Random, page_size: int) -> bytearray:
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            offset = rng.randrange(len(data))
            data[offset] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del data[rng.randrange(0, len(data)):]
    elif kind == "zero":
        page = rng.randrange(len(data) // page_size)
        data[page * page_size:(page + 1) * page_size] = bytes(page_size)
    elif kind == "header":
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(100)] = rng.randrange(256)
    return data


@pytest.fixture(scope="module")
def original(tmp_path_factory, empty_se_template):
    folder = tmp_path_factory.mktemp("damage")
    db = folder / "db.sqlite"
    shutil.copyfile(empty_se_template, db)
    store = open_store(db)
    with store.session() as s:
        s.execute(insert(Pupil), [{"first_name": f"F{i}", "last_name": f"L{i}"} for i in range(400)])
    store.close()
    backup = create_backup(db, "manual")
    return db, backup


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_everything(store) -> None:
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            conn.execute(text(f'SELECT * FROM "{table.name}"')).fetchall()


def test_damaged_copies_are_refused_untouched_or_open_clean(original, tmp_path):
    db, backup = original
    pristine = bytes(db.read_bytes())
    page_size = int.from_bytes(pristine[16:18], "big")
    rng = random.Random(2026)
    outcomes = {"opened": 0, "refused": 0, "found by check": 0}
    kinds = ("flip", "truncate", "zero", "header")
    for index in range(COPIES):
        kind = kinds[index % len(kinds)]
        folder = tmp_path / f"copy{index}"
        folder.mkdir()
        copy = folder / "db.sqlite"
        copy.write_bytes(bytes(damage(bytearray(pristine), kind, rng, page_size)))
        os.symlink(backup_dir(db), backup_dir(copy))
        before = digest(copy)
        try:
            store = open_store(copy)
        except DatabaseRefused as refused:
            outcomes["refused"] += 1
            assert refused.backup.resolve() == backup.resolve(), (index, kind)
            assert "restore" in str(refused) and "\n" not in str(refused)
            assert digest(copy) == before, (index, kind)  # left byte for byte
            with pytest.raises(DatabaseRefused):
                open_store(copy)  # and it never opens for writing later either
            assert digest(copy) == before
            continue
        except UserError as other:  # any other refusal must still be a clear line, never a crash
            pytest.fail(f"copy {index} ({kind}) refused without a backup offer: {other}")
        outcomes["opened"] += 1
        store.close()
        # A flipped bit inside a value passes the quick check on open; the full check (the `check`
        # command) finds what cannot be read, and what it passes really is readable.
        full = check_file(copy, full=True, foreign_keys=True)
        if full.ok:
            store = open_store(copy)
            try:
                read_everything(store)
            finally:
                store.close()
        else:
            outcomes["found by check"] += 1
    print(outcomes)  # shown with -s
    assert outcomes["refused"] >= COPIES // 4 and outcomes["opened"] >= 1, outcomes


def test_check_command_reports_damage_in_one_line_and_offers_the_backup(original, tmp_path, capsys):
    from coordinator.cli.main import main

    db, backup = original
    copy = tmp_path / "db.sqlite"
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 3:page_size * 4] = bytes(page_size)  # a zeroed page inside the pupils table
    copy.write_bytes(bytes(data))
    os.symlink(backup_dir(db), backup_dir(copy))
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(copy), "check"])
    assert exited.value.code == 1
    err = capsys.readouterr().err.strip()
    assert "damaged" in err and backup.name in err and len(err.splitlines()) == 1
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(copy), "restore", str(backup)])
    assert exited.value.code == 0
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("db.sqlite.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(copy), "check"])
    assert exited.value.code == 0
