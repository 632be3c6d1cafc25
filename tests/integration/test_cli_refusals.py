"""Every refusal on the command line names what is wrong and where, translated, with exit 1: never
"Something went wrong", which is kept for true bugs."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator.cli.main import main
from coordinator.store import open_store

BUG = "Something went wrong"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def refused(capsys, *args: str) -> str:
    """Run a command that must be refused; return its one line on stderr."""
    code, _out, err = run(capsys, *args)
    assert code == 1, err
    assert BUG not in err and "Traceback" not in err and "Error:" not in err, err
    return err.strip()


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file or folder made read-only, for root too (who ignores permission bits) through the immutable flag."""
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    immutable = False
    if os.geteuid() == 0:
        immutable = shutil.which("chattr") is not None and subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode == 0
        if not immutable:
            path.chmod(mode)
            pytest.skip("root cannot be kept from writing here (no immutable flag)")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def _pupils(db: Path) -> int:
    from sqlalchemy import func, select

    from coordinator.models import Pupil

    store = open_store(db)
    try:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(Pupil))
    finally:
        store.close()


@pytest.fixture
def class_list(tmp_path) -> Path:
    path = tmp_path / "klass.csv"
    path.write_text("Förnamn;Efternamn;Klass\nAnna;Berg;8A\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("codec", ["hex", "rot13", "zlib"])
def test_an_encoding_that_is_not_for_text_is_named(capsys, empty_db, class_list, codec):
    line = refused(capsys, "--db", str(empty_db), "--lang", "sv", "import", "pupils", str(class_list),
                   "--school", "Hagaskolan", "--encoding", codec)
    assert f"”{codec}” är ingen teckenkodning för text" in line and "rad 1" in line


@pytest.mark.parametrize("args", [["export-person", "--pupil", str(2**63), "--out", "p.json"],
                                  ["erase-person", "--contact", str(2**64)],
                                  ["export-person", "--pupil", "0", "--out", "p.json"]])
def test_an_id_beyond_what_sqlite_holds_is_refused(capsys, empty_db, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    line = refused(capsys, "--db", str(empty_db), *args)
    assert line.startswith(("--pupil:", "--contact:")) and "9223372036854775807" in line


def test_a_seed_beyond_a_64_bit_integer_is_refused_before_anything_is_replaced(capsys, empty_db):
    line = refused(capsys, "--db", str(empty_db), "demo", "--force", "--seed", "9" * 30)
    assert line.startswith("--seed:")
    assert empty_db.stat().st_size > 0


def test_a_hundred_thousand_character_school_is_refused_and_not_created(capsys, empty_db, class_list):
    line = refused(capsys, "--db", str(empty_db), "--lang", "pl", "import", "pupils", str(class_list),
                   "--school", "x" * 100_000)
    assert line == "--school: wartość jest za długa (długość: 100000, limit: 200)."
    assert _pupils(empty_db) == 0
    line = refused(capsys, "--db", str(empty_db), "stats", "gender", "--school", "x" * 100_000)
    assert line.startswith("--school:")


@pytest.mark.parametrize("command", [["export", "pupils"], ["report", "gender"]])
def test_odd_out_paths_are_named(capsys, empty_db, tmp_path, command):
    suffix = ".csv" if command[0] == "export" else ".pdf"
    db = ["--db", str(empty_db), "--lang", "sv"]
    assert "är en mapp" in refused(capsys, *db, *command, "--out", str(tmp_path))
    assert "Mappen" in refused(capsys, *db, *command, "--out", str(tmp_path / "no" / f"x{suffix}"))
    assert "NUL" in refused(capsys, *db, *command, "--out", str(tmp_path / f"a\x00b{suffix}"))
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        line = refused(capsys, *db, *command, "--out", str(folder / f"x{suffix}"))
    assert line.startswith(f"Det går inte att skriva {folder / f'x{suffix}'}")
    assert not list(folder.iterdir())


def test_a_loop_of_links_as_the_database_is_named(capsys, tmp_path):
    (tmp_path / "a.sqlite").symlink_to(tmp_path / "b.sqlite")
    (tmp_path / "b.sqlite").symlink_to(tmp_path / "a.sqlite")
    assert "leads back to itself" in refused(capsys, "--db", str(tmp_path / "a.sqlite"), "info")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_as_the_database_the_backup_or_the_import_is_refused_at_once(tmp_path, empty_db):
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    env = {**os.environ, "COORDINATOR_LANG": "en"}
    for args in (["--db", str(fifo), "info"], ["--db", str(empty_db), "restore", str(fifo)],
                 ["--db", str(empty_db), "import", "pupils", str(fifo), "--school", "Hagaskolan"]):
        try:
            result = subprocess.run([sys.executable, "-m", "coordinator", *args], capture_output=True, text=True,
                                    env=env, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"waited on the pipe: {args}")
        assert result.returncode == 1, result.stderr
        assert "pipe" in result.stderr and BUG not in result.stderr


def test_a_sound_database_in_a_read_only_folder_is_not_called_damaged(capsys, empty_db):
    with read_only(empty_db.parent):
        line = refused(capsys, "--db", str(empty_db), "info")
    assert "damaged" not in line and str(empty_db.parent) in line and "write" in line


def test_a_read_only_database_file_says_so(capsys, empty_db, class_list):
    with read_only(empty_db):
        line = refused(capsys, "--db", str(empty_db), "--lang", "ru", "import", "pupils", str(class_list),
                       "--school", "Hagaskolan")
    assert "OperationalError" not in line
    assert line == "Файл empty.sqlite доступен только для чтения, поэтому ничего не изменено; скопируйте его или " \
                   "запросите права на запись."
    assert _pupils(empty_db) == 0
