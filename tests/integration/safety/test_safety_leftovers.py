"""A killed export or backup leaves no personal data that others can read, and nothing after the next command.

Each child process runs a real command and is stopped by SIGKILL at the worst moment: its temporary
file is written in full (pupils' names in it) but not yet renamed into place. The child says when
it has reached that moment through a pipe, so the kill does not depend on timing.
"""

from __future__ import annotations

import os
import select
import signal
import stat
from pathlib import Path

import pytest
from safety_people import ERASED, populate

from coordinator.cli.main import main
from coordinator.safety.backups import backup_dir
from coordinator.safety.tempfiles import is_temp_name


def _run_until_written(argv: list[str]) -> int:
    """Fork a child that runs `argv` and stops right after a temporary file is flushed; returns its pid."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        real_fsync = os.fsync

        def fsync_then_wait(fd):  # type: ignore[no-untyped-def]
            real_fsync(fd)
            if is_temp_name(Path(os.readlink(f"/proc/self/fd/{fd}")).name):
                os.write(write_end, b"written")
                signal.pause()  # the kill arrives here, before the rename

        os.fsync = fsync_then_wait
        try:
            main(argv)
        finally:
            os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 120)  # a bound against a hang, not a timing
    message = os.read(read_end, 16) if ready else b""
    os.close(read_end)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert message == b"written", "the child never wrote its temporary file"
    return pid


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if is_temp_name(p.name)] if folder.is_dir() else []


def _assert_private_with_data(leftovers: list[Path], word: str) -> None:
    assert leftovers, "the kill left no temporary file (the test did not reach the moment it needs)"
    for path in leftovers:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is readable by others: {oct(mode)}"
    assert any(word.encode() in p.read_bytes() for p in leftovers)  # it did hold personal data


@pytest.fixture
def db(empty_db) -> Path:
    """A database holding named pupils."""
    from coordinator.store import open_store

    store = open_store(empty_db)
    try:
        populate(store)
    finally:
        store.close()
    return empty_db


def test_a_killed_export_leaves_a_private_file_that_the_next_command_removes(db, tmp_path, capsys):
    exports = tmp_path / "exports"
    exports.mkdir()
    _run_until_written(["--db", str(db), "export", "pupils", "--out", str(exports / "pupils.csv")])
    _assert_private_with_data(_leftovers(exports), ERASED[1])
    assert not (exports / "pupils.csv").exists()
    with pytest.raises(SystemExit) as done:
        main(["--db", str(db), "info"])
    assert done.value.code == 0
    assert _leftovers(exports) == []


def test_a_killed_backup_leaves_a_private_file_that_the_next_command_removes(db, capsys):
    _run_until_written(["--db", str(db), "backup"])
    folder = backup_dir(db)
    _assert_private_with_data(_leftovers(folder), ERASED[1])
    assert [p for p in folder.iterdir() if not is_temp_name(p.name)] == []  # no half backup counts
    with pytest.raises(SystemExit) as done:
        main(["--db", str(db), "info"])
    assert done.value.code == 0
    assert _leftovers(folder) == []
