"""The app's temporary files: private, recognisable, and only those of ended processes are cleaned."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from coordinator.safety.tempfiles import SUFFIX, clean_leftovers, create_temp_beside, is_temp_name


def test_a_temporary_file_is_private_and_recognised(tmp_path):
    fd, path = create_temp_beside(tmp_path / "pupils.csv")
    os.close(fd)
    assert path.parent == tmp_path and is_temp_name(path.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert is_temp_name(path.name + "-journal")
    assert not is_temp_name(".pupils.csv.abc123.tmp")  # another program's temporary file is not ours


def test_only_leftovers_of_ended_processes_are_removed(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                           text=True, check=True)
    dead_pid = int(ended.stdout)
    leftover = tmp_path / f".pupils.csv.{dead_pid}-0a1b2c{SUFFIX}"
    journal = tmp_path / f".t.sqlite.{dead_pid}-0a1b2d{SUFFIX}-journal"
    ours_now = tmp_path / f".report.pdf.{os.getpid()}-0a1b2e{SUFFIX}"
    someone_elses = tmp_path / ".notes.txt.abc123.tmp"
    for path in (leftover, journal, ours_now, someone_elses):
        path.write_text("Xanthippa Quillfeather")
    link = tmp_path / f".link.{dead_pid}-0a1b2f{SUFFIX}"
    link.symlink_to(someone_elses)
    removed = clean_leftovers([tmp_path])
    assert sorted(removed) == sorted([leftover, journal])
    assert ours_now.exists() and someone_elses.exists() and link.is_symlink()
